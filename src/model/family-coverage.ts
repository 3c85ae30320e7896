// How much of a service the derived families cover, and how many identifier inputs (`*Name`, `*Id`,
// `*Arn` members an operation requires) some other operation's output can supply: the measure of how
// far a stateful mock or a sequence of calls can get from the model alone.
import { deriveFamilies, type Families } from './families.ts';
import { ROLES, type Role } from './overlay-resources.ts';
import type { ServiceModel, Shape } from './types.ts';

export interface FamilyCoverage {
  /** operations with an HTTP binding */
  operations: number;
  families: number;
  inFamily: number;
  byRole: Record<Role, number>;
  /** placements the overlay states rather than the derivation */
  corrected: number;
  unassigned: string[];
  /** required string members named *Name, *Id or *Arn, as `Operation.Member` */
  identifierInputs: number;
  producible: number;
  notProducible: string[];
}

export const IDENTIFIER = /(Name|Id|Arn)$/;

export function familyCoverage(
  model: ServiceModel,
  derived: Families = deriveFamilies(model),
): FamilyCoverage {
  const ops = Object.values(model.operations).filter((o) => o.http);
  const byRole = Object.fromEntries(ROLES.map((r) => [r, 0])) as Record<Role, number>;
  for (const f of derived.families) for (const r of ROLES) byRole[r] += f[r].length;
  const yields = new Map(ops.map((o) => [o.name, memberNamesDeep(o.output)]));
  const inputs = ops.flatMap((o) =>
    Object.values(o.input.members ?? {})
      .filter((m) => m.required && m.shape.type === 'string' && IDENTIFIER.test(m.name))
      .map((m) => ({ op: o.name, member: m.name })),
  );
  const notProducible = inputs
    .filter(({ op, member }) => ![...yields].some(([other, names]) => other !== op && names.has(member)))
    .map(({ op, member }) => `${op}.${member}`);
  return {
    operations: ops.length,
    families: derived.families.length,
    inFamily: ops.length - derived.unassigned.length,
    byRole,
    corrected: derived.families.reduce((n, f) => n + f.corrections.length, 0),
    unassigned: derived.unassigned,
    identifierInputs: inputs.length,
    producible: inputs.length - notProducible.length,
    notProducible,
  };
}

/** Every member name anywhere in a shape (bounded depth: the SDK reader cuts recursive shapes anyway). */
function memberNamesDeep(s: Shape, out = new Set<string>(), depth = 0): Set<string> {
  if (depth > 12) return out;
  for (const m of Object.values(s.members ?? {})) {
    out.add(m.name);
    memberNamesDeep(m.shape, out, depth + 1);
  }
  if (s.member) memberNamesDeep(s.member, out, depth + 1);
  if (s.value) memberNamesDeep(s.value, out, depth + 1);
  return out;
}
