// Valid values for any model shape, realistic where the docs show a form: an example in the member's
// description (`for example, arn:aws:backup:us-east-1:123456789012:recovery-point:…`) becomes a
// template; documented value lists are drawn from; constraints (enum, range, pattern) always hold.
import fc from 'fast-check';
import type { Member, Shape } from '../src/model/types.ts';

const REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'eu-west-1',
  'eu-central-1',
  'ap-southeast-2',
  'ap-northeast-1',
];

/** The first `for example, X` / `for example: X` value in a description, if it looks like an identifier. */
export function exampleIn(description: string | undefined): string | undefined {
  const m = /for example[,:]?\s+(\S+)/i.exec(description ?? '');
  const v = m?.[1]?.replace(/[.,;)]+$/, '');
  return v && /[:/]/.test(v) && v.length >= 8 ? v : undefined;
}

/** Values of the example's form: UUIDs, regions, digit runs and the trailing name vary; the rest stays. */
export function exampleLike(example: string): fc.Arbitrary<string> {
  const parts: fc.Arbitrary<string>[] = [];
  const lastSep = Math.max(example.lastIndexOf(':'), example.lastIndexOf('/'));
  const tailIsName =
    lastSep >= 0 &&
    /^[A-Za-z][A-Za-z0-9_-]*$/.test(example.slice(lastSep + 1)) &&
    !/^\d+$/.test(example.slice(lastSep + 1));
  let rest = tailIsName ? example.slice(0, lastSep + 1) : example;
  // (UUID)|(region)|(digit run)
  const token = new RegExp(
    '([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})' +
      '|(\\b[a-z]{2}-[a-z]+-\\d\\b)|(\\d{3,})',
  );
  for (let m = token.exec(rest); m; m = token.exec(rest)) {
    if (m.index > 0) parts.push(fc.constant(rest.slice(0, m.index)));
    if (m[1])
      parts.push(fc.uuid({ version: 4 }).map((u) => (m[1] === m[1]!.toUpperCase() ? u.toUpperCase() : u)));
    else if (m[2]) parts.push(fc.constantFrom(...REGIONS));
    else parts.push(fc.stringMatching(new RegExp(`^[0-9]{${m[3]!.length}}$`)));
    rest = rest.slice(m.index + m[0].length);
  }
  if (rest) parts.push(fc.constant(rest));
  if (tailIsName) parts.push(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,29}$/));
  return fc.tuple(...parts).map((xs) => xs.join(''));
}

export interface ValueOptions {
  /** list and map sizes stay under this, unless a documented minimum needs more */
  maxItems: number;
}

const DEFAULTS: ValueOptions = { maxItems: 4 };
const EPOCH_2015 = new Date('2015-01-01T00:00:00Z');
const EPOCH_2035 = new Date('2035-01-01T00:00:00Z');

// Arbitraries are immutable values: each is built once and drawn from by every case (building one costs
// more than drawing from it: a pattern's regex is parsed, an example tokenised). Keyed by shape, size and
// what stringFor reads of the member (its description's example, being a token).
const built = new WeakMap<Shape, Map<string, fc.Arbitrary<unknown>>>();

export function valueFor(shape: Shape, member?: Member, o: ValueOptions = DEFAULTS): fc.Arbitrary<unknown> {
  let byKey = built.get(shape);
  if (!byKey) built.set(shape, (byKey = new Map()));
  const key =
    shape.type === 'string'
      ? `${o.maxItems}\u0000${exampleIn(member?.description) ?? ''}\u0000${!!member?.idempotencyToken}`
      : `${o.maxItems}`;
  let arb = byKey.get(key);
  if (!arb) byKey.set(key, (arb = buildValue(shape, member, o)));
  return arb;
}

function buildValue(shape: Shape, member: Member | undefined, o: ValueOptions): fc.Arbitrary<unknown> {
  switch (shape.type) {
    case 'string':
      return stringFor(shape, member);
    case 'integer':
      return fc.integer({ min: shape.min ?? 0, max: shape.max ?? 2_147_483_647 });
    case 'float':
      return fc.double({ min: shape.min ?? 0, max: shape.max ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'timestamp':
      return fc.date({ min: EPOCH_2015, max: EPOCH_2035, noInvalidDate: true });
    case 'blob':
      return fc.uint8Array({ maxLength: 32 });
    case 'document':
      return fc.jsonValue({ maxDepth: 2 });
    case 'list': {
      const minLength = shape.min ?? 0;
      return fc.array(valueFor(shape.member!, undefined, o), {
        minLength,
        maxLength: Math.max(minLength, Math.min(shape.max ?? o.maxItems, o.maxItems)),
      });
    }
    case 'map': {
      const keys = shape.documentedValues?.length
        ? fc.oneof(fc.constantFrom(...shape.documentedValues), stringFor(shape.key!))
        : stringFor(shape.key!);
      return fc.dictionary(keys, valueFor(shape.value!, undefined, o), {
        minKeys: shape.min ?? 0,
        maxKeys: Math.max(shape.min ?? 0, o.maxItems),
      });
    }
    case 'structure':
      return structureFor(shape, o);
  }
}

/** Every required member present; each optional member present or absent. */
export function structureFor(
  shape: Shape,
  o: ValueOptions = DEFAULTS,
): fc.Arbitrary<Record<string, unknown>> {
  const members = Object.values(shape.members ?? {});
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const m of members) record[m.name] = valueFor(m.shape, m, o);
  return fc
    .record(record, { requiredKeys: members.filter((m) => m.required).map((m) => m.name) })
    .map((r) => orderRanges(r, shape.members ?? {}));
}

/** A valid request keeps a `Min<X>` at most its `Max<X>` (no page states the relation, and a target may
 * plausibly refuse a minimum above the maximum): where drawn the other way, the two values swap places,
 * each clamped into the range both members allow. */
export function orderRanges<T extends Record<string, unknown>>(r: T, members: Record<string, Member>): T {
  let out: Record<string, unknown> = r;
  for (const [k, lo] of Object.entries(r)) {
    const other = k.startsWith('Min') ? `Max${k.slice(3)}` : undefined;
    const hi = other ? r[other] : undefined;
    if (typeof lo !== 'number' || typeof hi !== 'number' || lo <= hi) continue;
    const a = members[k]?.shape;
    const b = members[other!]?.shape;
    const from = Math.max(a?.min ?? -Infinity, b?.min ?? -Infinity);
    const to = Math.min(a?.max ?? Infinity, b?.max ?? Infinity);
    if (from > to) continue;
    const clamp = (v: number) => Math.min(to, Math.max(from, v));
    // a copy: the drawn value stays as fast-check made it, for shrinking
    out = { ...out, [k]: clamp(hi), [other!]: clamp(lo) };
  }
  return out as T;
}

function stringFor(shape: Shape, member?: Member): fc.Arbitrary<string> {
  if (shape.enum?.length) return fc.constantFrom(...shape.enum);
  const pattern = shape.pattern ? new RegExp(shape.pattern, 'u') : undefined;
  const fits = (s: string) =>
    (!pattern || pattern.test(s)) &&
    s.length >= (shape.minLength ?? 0) &&
    s.length <= (shape.maxLength ?? Infinity);
  const documented = (shape.documentedValues ?? []).filter(fits);
  const example = exampleIn(member?.description);
  const candidates: fc.Arbitrary<string>[] = [];
  if (documented.length) candidates.push(fc.constantFrom(...documented));
  if (example && fits(example)) candidates.push(exampleLike(example).filter(fits));
  if (member?.idempotencyToken) candidates.push(fc.uuid());
  if (!candidates.length) {
    candidates.push(
      pattern
        ? fc.stringMatching(pattern).filter(fits)
        : fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ._:/-]{0,39}$/).filter(fits),
    );
  }
  return candidates.length === 1 ? candidates[0]! : fc.oneof(...candidates);
}
