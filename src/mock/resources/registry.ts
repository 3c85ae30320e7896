// Which implementation answers each operation: the resource families derived from the model
// (deriveFamilies), each served by its own implementation where one is registered (FAMILY_IMPLS) and by
// the generic stateful one otherwise; operations in no family, and families the mock can keep no state
// for (nothing creates their items), answer validated, schema-valid outputs from the request alone.
import { deriveFamilies, type ResourceFamily } from '../../model/families.ts';
import type { Operation, ServiceModel } from '../../model/types.ts';
import { MockError } from '../store.ts';
import { generic, isStateful, stateless, type Env, type Impl, type Input } from './generic.ts';
import { restoreJobs, type JobState } from './restore-jobs.ts';
import { tagging, taggingOperations } from './tags.ts';

type FamilyImpl = (env: Env, jobs: JobState, f: ResourceFamily) => Record<string, Impl>;

/** Families with an implementation of their own (a family name is model data: spec/resources.md). */
export const FAMILY_IMPLS: Record<string, FamilyImpl> = { RestoreJob: restoreJobs };

export interface Coverage {
  /** families whose items (or settings) the mock stores */
  stateful: string[];
  /** operations answered from the request alone, in model order */
  stateless: string[];
  /** the tagging operations, which keep tags per ARN (spec/overlay/tagging.json) */
  tagging: string[];
}

export interface Resources extends Coverage {
  impl(name: string): Impl | undefined;
}

const derived = new WeakMap<ServiceModel, ResourceFamily[]>();
function familiesOf(model: ServiceModel): ResourceFamily[] {
  let f = derived.get(model);
  if (!f) derived.set(model, (f = deriveFamilies(model).families));
  return f;
}

const rolesOf = (f: ResourceFamily) => [
  ...f.create,
  ...f.read,
  ...f.list,
  ...f.update,
  ...f.delete,
  ...f.other,
];

/** Which families are stateful and which operations stateless, for a model (banner, --help, README). */
export function coverage(model: ServiceModel): Coverage {
  const stateful = familiesOf(model).filter((f) => isStateful(f) || FAMILY_IMPLS[f.name]);
  const tags = taggingOperations(model);
  const served = new Set([...stateful.flatMap(rolesOf), ...tags]);
  return {
    stateful: stateful.map((f) => f.name),
    tagging: tags,
    stateless: Object.keys(model.operations).filter((n) => !served.has(n)),
  };
}

// A path label names a resource: where the operation documents a not-found exception, one the mock does
// not know answers it — an item of the stateful family it identifies, or else an identifier the mock has
// shown (an output's `*Arn`/`*Id`/`*Name`) or holds (its recovery points and their resources).
function labelGuard(env: Env, jobs: JobState, op: Operation, own: string | undefined) {
  const notFound = op.errors.find((e) => /NotFound/.test(e));
  if (!notFound) return undefined;
  const families = [...env.families.values()];
  const labels = Object.values(op.input.members ?? {})
    .filter((m) => m.location === 'path' && m.shape.type === 'string' && m.name !== own)
    .map((m) => ({
      name: m.name,
      owner: families.find((f) => f.identifier === m.name && (isStateful(f) || FAMILY_IMPLS[f.name])),
    }))
    .filter((l) => !(l.owner && FAMILY_IMPLS[l.owner.name])); // those check their own
  if (!labels.length) return undefined;
  const held = (v: string) =>
    env.store.known(v) || jobs.store.recoveryPoints().some((p) => p.arn === v || p.sourceResourceArn === v);
  return (input: Input) => {
    for (const { name, owner } of labels) {
      const v = input[name];
      if (typeof v !== 'string') continue;
      if (owner ? !env.store.hasId(owner.name, name, v) : !held(v))
        throw new MockError(notFound, `${name} ${v} was not found`, name);
    }
  };
}

const SHOWN = /(Arn|Id|Name)$/;
/** Remembers the identifiers an answer shows (top level and one list down), so they are found later. */
function remember(env: Env, out: Record<string, unknown>): void {
  const take = (rec: Record<string, unknown>, deep: boolean) => {
    for (const [k, v] of Object.entries(rec)) {
      if (typeof v === 'string' && SHOWN.test(k)) env.store.know(v);
      else if (deep && Array.isArray(v))
        for (const x of v) if (x && typeof x === 'object') take(x as Record<string, unknown>, false);
    }
  };
  take(out, true);
}

function served(env: Env, jobs: JobState, op: Operation, impl: Impl, own: string | undefined): Impl {
  const guard = labelGuard(env, jobs, op, own);
  return (input) => {
    guard?.(input);
    const out = impl(input);
    remember(env, out);
    return out;
  };
}

function guardedOnly(env: Env, jobs: JobState, op: Operation, impl: Impl): Impl {
  const guard = labelGuard(env, jobs, op, undefined);
  if (!guard) return impl;
  return (input) => {
    guard(input);
    return impl(input);
  };
}

export function resourcesFor(base: Omit<Env, 'families'>, jobs: JobState): Resources {
  const families = familiesOf(base.model);
  const env: Env = { ...base, families: new Map(families.map((f) => [f.name, f])) };
  const impls = new Map<string, Impl>();
  const tags = tagging(env);
  for (const f of families) {
    const own = FAMILY_IMPLS[f.name]?.(env, jobs, f) ?? {};
    for (const name of rolesOf(f)) {
      const op = env.model.operations[name];
      if (!op || impls.has(name)) continue;
      const special = own[name];
      // an implementation of its own checks its own identifiers; other labels are still guarded
      if (special) impls.set(name, guardedOnly(env, jobs, op, special));
      else {
        const creates = f.create.includes(name);
        const impl = !isStateful(f)
          ? stateless(env, op)
          : creates
            ? tags.taggedCreate(f, op, generic(env, f, op))
            : generic(env, f, op);
        impls.set(name, served(env, jobs, op, impl, creates ? f.identifier : undefined));
      }
    }
  }
  for (const op of Object.values(env.model.operations))
    if (!impls.has(op.name))
      impls.set(op.name, served(env, jobs, op, tags.impls[op.name] ?? stateless(env, op), undefined));
  return { ...coverage(env.model), impl: (name) => impls.get(name) };
}
