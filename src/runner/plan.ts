// What the run knows of each operation before sending anything, all read from the model: its access
// (read or mutating), its resource family and role there, and the identifier members its request needs
// (path labels, and required members that name some family's item). Also which operations a run covers
// (`--operations all|<name,glob,…>`).
import { deriveFamilies, type ResourceFamily } from '../model/families.ts';
import type { Operation, ServiceModel } from '../model/types.ts';
import { accessOf, type Access } from './safety.ts';

export type Role = 'create' | 'read' | 'list' | 'update' | 'delete' | 'other';

export interface OperationPlan {
  op: Operation;
  access: Access;
  family?: ResourceFamily;
  role?: Role;
  /** identifier members the request must carry (a resource that exists, for a valid request) */
  needs: string[];
}

export interface RunPlan {
  families: ResourceFamily[];
  /** every identifier member of some family */
  identifiers: Set<string>;
  plans: OperationPlan[];
  byName: Map<string, OperationPlan>;
}

const ROLES: Role[] = ['create', 'read', 'list', 'update', 'delete', 'other'];

export function planRun(model: ServiceModel, names: string[]): RunPlan {
  const { families } = deriveFamilies(model);
  const identifiers = new Set(families.flatMap((f) => f.identifiers));
  const plans = names.map((n): OperationPlan => {
    const op = model.operations[n]!;
    const family = families.find((f) => ROLES.some((r) => f[r].includes(n)));
    const role = family ? ROLES.find((r) => family[r].includes(n)) : undefined;
    return {
      op,
      access: accessOf(op),
      ...(family ? { family, role } : {}),
      needs: needsOf(op, identifiers, role, family),
    };
  });
  return { families, identifiers, plans, byName: new Map(plans.map((p) => [p.op.name, p])) };
}

/** The identifier members a valid request needs to exist: path labels and required identifiers; a
 * create names its own item, which need not exist. */
export function needsOf(
  op: Operation,
  identifiers: Set<string>,
  role?: Role,
  family?: ResourceFamily,
): string[] {
  return Object.values(op.input.members ?? {})
    .filter((m) => m.location === 'path' || (m.required && identifiers.has(m.name)))
    .map((m) => m.name)
    .filter((m) => !(role === 'create' && m === family?.identifier));
}

/** The plan of an operation the run does not cover but needs (a create its set-up sends). */
export function planOf(plan: RunPlan, op: Operation): OperationPlan {
  const hit = plan.byName.get(op.name);
  if (hit) return hit;
  const family = plan.families.find((f) => ROLES.some((r) => f[r].includes(op.name)));
  const role = family ? ROLES.find((r) => family[r].includes(op.name)) : undefined;
  const needs = needsOf(op, plan.identifiers, role, family);
  return { op, access: accessOf(op), ...(family ? { family, role } : {}), needs };
}

export class OperationsError extends Error {
  readonly code = 'E_USAGE';
}

/** `all`, or names and globs (`*`, `?`) separated by commas; an entry matching nothing is an error
 * naming the flag and the value. In the model's order. */
export function selectOperations(
  model: ServiceModel,
  spec: string | undefined,
  flag = '--operations',
): string[] {
  const all = Object.values(model.operations)
    .filter((o) => o.http)
    .map((o) => o.name);
  if (spec === undefined || spec.trim() === 'all') return all;
  const wanted = spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!wanted.length) throw new OperationsError(`${flag}: expected 'all' or operation names, got '${spec}'`);
  const picked = new Set<string>();
  for (const w of wanted) {
    const re = new RegExp(
      `^${w
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.')}$`,
    );
    const hits = all.filter((n) => re.test(n));
    if (!hits.length)
      throw new OperationsError(
        `${flag}: unknown operation '${w}' (no operation of ${model.service} matches it); ` +
          `e.g. ${all.slice(0, 3).join(', ')} or a glob such as 'List*'`,
      );
    hits.forEach((h) => picked.add(h));
  }
  return all.filter((n) => picked.has(n));
}

/** Families with parents before children (a vault before its lock, a plan before its selection). */
export function dependencyOrder(families: ResourceFamily[]): ResourceFamily[] {
  const out: ResourceFamily[] = [];
  const visit = (f: ResourceFamily, seen: Set<string>) => {
    if (out.includes(f) || seen.has(f.name)) return;
    seen.add(f.name);
    const parent = families.find((p) => p.name === f.parent);
    if (parent) visit(parent, seen);
    out.push(f);
  };
  for (const f of families) visit(f, new Set());
  return out;
}
