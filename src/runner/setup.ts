// Set-up and clean-up. Before the checks, the run finds what the target has (every listing that needs
// no input: reads only) and, where mutations are allowed, creates what the operations' inputs need, in
// dependency order (a vault before the plan whose rule targets it, a plan before its selection), each
// named by the run itself. Everything created is deleted again in reverse order, in a finally, also
// when a check failed or the run was interrupted; what could not be deleted is said in the notes.
import fc from 'fast-check';
import { validInput } from '../../generators/requests.ts';
import { describeAnswer, errorName, parseJson } from '../checks/types.ts';
import type { ResourceFamily } from '../model/families.ts';
import { resourceOf } from '../model/service-facts.ts';
import { addressOf } from '../model/families-parent.ts';
import type { Operation, ServiceModel } from '../model/types.ts';
import type { Observed, Target } from '../targets/types.ts';
import type { Bindings } from './bindings.ts';
import type { ExchangeContext } from './exchange.ts';
import { nameAndBind } from './naming.ts';
import { planOf, type RunPlan } from './plan.ts';
import { send } from './send.ts';

type Item = Record<string, unknown>;

export interface Created {
  family: ResourceFamily;
  /** every identifier addressing it (parents' first) */
  ids: Record<string, string>;
  input: Item;
  output: Item;
  via: string;
}

const firstOf = (b: Bindings, m: string) => b.created.get(m)?.[0] ?? b.found.get(m)?.[0];

/** Identifiers (and ARNs) of the items a listing shows, as found values. */
export async function findListed(ctx: ExchangeContext, plan: RunPlan, b: Bindings): Promise<void> {
  for (const f of plan.families) {
    for (const name of f.list) {
      const op = ctx.model.operations[name]!;
      if (Object.values(op.input.members ?? {}).some((m) => m.required)) continue;
      const limit = op.paginated?.limitKey;
      const max = limit ? op.input.members?.[limit]?.shape.max : undefined;
      const o = await send(ctx, name, limit ? { [limit]: Math.min(max ?? 100, 100) } : {});
      const items = (o.output?.[f.resultKeys[name]!] as Item[] | undefined) ?? [];
      for (const it of items)
        for (const id of [...f.identifiers, ...(f.arn ? [f.arn] : [])]) b.add('found', id, it[id]);
    }
  }
}

/** A create request for the family: required members only, named by the run, parents bound. */
export function createInput(
  op: Operation,
  members: Record<string, fc.Arbitrary<unknown>>,
  seed: number,
  n: number,
  b: Bindings,
  own?: string,
): Item {
  const drawn = fc.sample(validInput(op, { members }), { seed: seed + n, numRuns: 1 })[0]!;
  const bound: Record<string, string> = {};
  // members naming another resource get one the run made; the item's own name is always a new one
  for (const [k] of b.created) if (k !== own) bound[k] = firstOf(b, k)!;
  const out: Item = {};
  for (const m of Object.values(op.input.members ?? {})) {
    if (drawn[m.name] === undefined || (!m.required && !members[m.name])) continue;
    out[m.name] = members[m.name]
      ? drawn[m.name]
      : nameAndBind(m.shape, drawn[m.name], { seed, tag: `${b.runTag}-${n}`, bound }, m);
  }
  return out;
}

/** Creates `count` items of each family the run needs (parents first, by what each create needs). */
export async function createAll(
  ctx: ExchangeContext,
  plan: RunPlan,
  b: Bindings,
  o: { count: (f: ResourceFamily) => number; needed: Set<string>; advance?: (ms: number) => void },
): Promise<Created[]> {
  const made: Created[] = [];
  let pending = plan.families.filter((f) => f.create.length && o.needed.has(f.name));
  let n = 0;
  for (let pass = 0; pass < plan.families.length && pending.length; pass++) {
    const ready = pending.filter((f) => {
      const p = planFor(plan, ctx, f.create[0]!);
      return b.missing(p).length === 0;
    });
    if (!ready.length) break;
    pending = pending.filter((f) => !ready.includes(f));
    for (const f of ready) {
      const op = ctx.model.operations[f.create[0]!]!;
      const p = planFor(plan, ctx, op.name);
      const miss = b.missing(p);
      if (miss.length) {
        for (const id of f.identifiers)
          b.why.set(id, `${op.name} needs ${miss.map((m) => `${m.member} (${m.why})`).join(', ')}`);
        continue;
      }
      const refused = new Map<string, number>();
      for (let i = 0; i < o.count(f); i++) {
        const input = createInput(op, b.members(p, plan.identifiers), ctx.seed, n++, b, f.identifier);
        const out = await send(ctx, op.name, input);
        o.advance?.(45_000);
        const id = f.identifier ? (out.output?.[f.identifier] ?? input[f.identifier]) : undefined;
        if (!out.output || typeof id !== 'string') {
          const k = describeAnswer(out);
          refused.set(k, (refused.get(k) ?? 0) + 1);
          continue;
        }
        const named = addressOf(f, parentOf(plan, f), input, id);
        const ids: Record<string, string> = {};
        for (const m of f.identifiers) ids[m] = named[m] ?? '';
        made.push({ family: f, ids, input, output: out.output, via: op.name });
        b.add('created', f.identifier!, id);
        for (const m of f.identifiers) if (m !== f.identifier) b.add('created', m, ids[m]);
        if (f.arn) b.add('created', f.arn, out.output[f.arn]);
      }
      if (refused.size && !b.created.get(f.identifier!)?.length)
        for (const id of [f.identifier!, ...(f.arn ? [f.arn] : [])])
          b.why.set(
            id,
            `no ${f.name} could be created: ${op.name} answered ` +
              `${[...refused].map(([a, k]) => `${k}× ${a}`).join(', ')}`,
          );
    }
  }
  for (const f of pending) {
    const miss = b.missing(planFor(plan, ctx, f.create[0]!));
    const why = `${f.create[0]} needs ${miss.map((m) => `${m.member} (${m.why})`).join(', ')}`;
    for (const id of f.identifiers) if (!b.why.has(id)) b.why.set(id, why);
  }
  return made;
}

const parentOf = (plan: RunPlan, f: ResourceFamily) => plan.families.find((x) => x.name === f.parent);

const planFor = (plan: RunPlan, ctx: ExchangeContext, name: string) =>
  planOf(plan, ctx.model.operations[name]!);

/** The item a create's answer shows it made (identifiers from the answer, else from the request). */
export function createdBy(
  model: ServiceModel,
  plan: RunPlan,
  name: string,
  input: Item,
  o: Observed,
): Created | undefined {
  const op = model.operations[name];
  // a raw request's answer is not deserialised: its JSON body is
  const body = o.output ?? (parseJson(o.body) as Item | undefined);
  if (!op || !body || typeof body !== 'object' || o.failure || (o.status ?? 0) >= 300) return undefined;
  const p = planOf(plan, op);
  const f = p.family;
  if (p.role !== 'create' || !f?.identifier) return undefined;
  const own = body[f.identifier] ?? input[f.identifier];
  if (typeof own !== 'string') return undefined;
  // parents as the create named them (by ARN where the family's create does), else as the answer did
  const ids = addressOf(f, parentOf(plan, f), input, own);
  for (const m of f.identifiers) if (!ids[m] && typeof body[m] === 'string') ids[m] = body[m] as string;
  if (f.identifiers.some((m) => !ids[m])) return undefined;
  return { family: f, ids, input, output: body, via: name };
}

/** How many items a family's set-up creates: enough to page through; a job family with a lifecycle
 * (whose scenarios want jobs in every state) more. */
export const setupCount = (f: ResourceFamily): number => (f.create.some((c) => resourceOf(c)) ? 12 : 3);

/** Deletes what was created, last first; answers what could not be deleted. Sent to the target
 * itself (not the interruptible one), so that an interrupted run still cleans up. */
export async function cleanUp(target: Target, made: Created[], seed: number): Promise<string[]> {
  const left: string[] = [];
  for (const c of [...made].reverse()) {
    const del = c.family.delete[0];
    if (!del) continue;
    const o = await target.sendSdk(del, { ...c.ids });
    const gone = (o.status ?? 0) < 300 && !o.failure ? true : errorName(o) === 'ResourceNotFoundException';
    if (!gone)
      left.push(
        `${c.family.name} ${JSON.stringify(c.ids)} (created by ${c.via}, seed ${seed}): ` +
          `${del} answered ${describeAnswer(o)}`,
      );
  }
  return left;
}
