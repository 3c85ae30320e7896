// The run names what it creates itself, recognisably (`conformance-<seed>-<n>`, or with underscores
// where a name's pattern has no hyphen), and fills a create request from the model: required members
// only, every `*Name` member one of its own names, and members naming another resource bound to one
// the run has (a plan rule's `TargetBackupVaultName` ends in the vault's identifier `BackupVaultName`).
import type { Member, Shape } from '../model/types.ts';

type Item = Record<string, unknown>;

export const NAME_PREFIX = 'conformance';

/** Whether a string fits a shape's documented constraints. */
export function fits(shape: Shape, v: string): boolean {
  const min = shape.minLength ?? shape.min;
  const max = shape.maxLength ?? shape.max;
  if (min !== undefined && v.length < min) return false;
  if (max !== undefined && v.length > max) return false;
  if (shape.enum && !shape.enum.includes(v)) return false;
  try {
    return !shape.pattern || new RegExp(shape.pattern, 'u').test(v);
  } catch {
    return true;
  }
}

/** A name of the run's own for a member, or undefined when no form of it fits the member's pattern. */
export function ownName(shape: Shape, seed: number, tag: string): string | undefined {
  const forms = [
    `${NAME_PREFIX}-${seed}-${tag}`,
    `${NAME_PREFIX}_${seed}_${tag}`.replace(/-/g, '_'),
    `${NAME_PREFIX}${seed}x${tag}`.replace(/[-_]/g, 'x'),
  ];
  return forms.find((f) => fits(shape, f));
}

export const isOwnName = (v: unknown, seed: number): boolean =>
  typeof v === 'string' && new RegExp(`^${NAME_PREFIX}[-_]?${seed}[-_x]`).test(v);

/** The value with every `*Name` string member renamed to one of the run's own, and members whose name
 * ends in a bound identifier set to that resource; returns a fresh value. */
export function nameAndBind(
  shape: Shape,
  value: unknown,
  o: { seed: number; tag: string; bound: Record<string, string> },
  member?: Member,
): unknown {
  if (value === undefined || value === null) return value;
  if (shape.type === 'structure' && typeof value === 'object' && !Array.isArray(value)) {
    const out: Item = {};
    for (const [k, v] of Object.entries(value as Item)) {
      const m = shape.members?.[k];
      out[k] = m ? nameAndBind(m.shape, v, o, m) : v;
    }
    return out;
  }
  if (shape.type === 'list' && Array.isArray(value))
    return value.map((v, i) => nameAndBind(shape.member!, v, { ...o, tag: `${o.tag}-${i}` }));
  if (shape.type === 'string' && member && !shape.enum) {
    const bound = Object.entries(o.bound).find(([id]) => member.name.endsWith(id));
    if (bound && fits(shape, bound[1])) return bound[1];
    if (/Name$/.test(member.name)) return ownName(shape, o.seed, o.tag) ?? value;
  }
  return value;
}
