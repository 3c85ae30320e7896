// Values for output members the mock has no stored value for, drawn from a seeded PRNG and always
// within the member's documented shape (enum, pattern, lengths, ranges); and stored values projected
// onto an output shape, so an input echoed back never breaks the output schema. No fast-check here:
// the mock core loads no test framework.
import type { Shape } from '../../model/types.ts';
import { uuidFrom } from '../random.ts';

export type Rand = () => number;

export interface Hints {
  rand: Rand;
  now: number;
  /** an ARN for a member named `name` (`*Arn`) */
  arn(name: string): string;
}

const MAX_DEPTH = 5;
const pick = <T>(xs: readonly T[], rand: Rand): T => xs[Math.floor(rand() * xs.length)]!;

// a pattern made of literals and character classes with {n}/{m,n}/+/* counts: drawn character by
// character; anything richer falls back to candidates tested against the pattern
const PART = /\\(.)|\[((?:\\.|[^\]])+)\]|([^[\\{}()+*?|^$])/y;
function fromPattern(pattern: string, rand: Rand, maxLength: number): string | undefined {
  const src = pattern.replace(/^\^/, '').replace(/\$$/, '');
  let out = '';
  let i = 0;
  while (i < src.length) {
    PART.lastIndex = i;
    const m = PART.exec(src);
    if (!m) return undefined;
    i = PART.lastIndex;
    const chars = m[2] !== undefined ? classChars(m[2]) : [m[1] ?? m[3]!];
    const q = /^(?:\{(\d+)(?:,(\d*))?\}|([+*?]))/.exec(src.slice(i));
    let lo = 1;
    let hi = 1;
    if (q) {
      i += q[0].length;
      if (q[3]) [lo, hi] = q[3] === '+' ? [1, 8] : q[3] === '*' ? [0, 8] : [0, 1];
      else {
        lo = Number(q[1]);
        hi = q[2] === undefined ? lo : q[2] === '' ? lo + 8 : Number(q[2]);
      }
    }
    const n = Math.min(hi, Math.max(lo, Math.min(lo + 8, maxLength - out.length)));
    for (let k = 0; k < n; k++) out += pick(chars, rand);
  }
  return out;
}

function classChars(body: string): string[] {
  const out: string[] = [];
  const units = [...body.matchAll(/\\(.)|(.)/g)].map((m) => m[1] ?? m[2]!);
  for (let k = 0; k < units.length; k++) {
    if (units[k + 1] === '-' && units[k + 2] !== undefined) {
      const [from, to] = [units[k]!.charCodeAt(0), units[k + 2]!.charCodeAt(0)];
      for (let c = from; c <= to; c++) out.push(String.fromCharCode(c));
      k += 2;
    } else out.push(units[k]!);
  }
  return out.filter((c) => c >= ' ' && c <= '~');
}

function fitsString(s: Shape, v: string): boolean {
  if (s.enum && !s.enum.includes(v)) return false;
  if (s.minLength !== undefined && v.length < s.minLength) return false;
  if (s.maxLength !== undefined && v.length > s.maxLength) return false;
  if (s.pattern && !new RegExp(s.pattern, 'u').test(v)) return false;
  return true;
}

function stringFor(s: Shape, name: string, h: Hints): string {
  if (s.enum?.length) return pick(s.enum, h.rand);
  const candidates = [
    /Arn$/.test(name) ? h.arn(name) : undefined,
    /AccountId$/.test(name) ? '123456789012' : undefined,
    /Id$/.test(name) ? uuidFrom(h.rand) : undefined,
    `mock-${name || 'value'}-${Math.floor(h.rand() * 1e6)}`.slice(0, s.maxLength ?? 64),
  ];
  for (const c of candidates) if (c !== undefined && fitsString(s, c)) return c;
  const drawn = s.pattern ? fromPattern(s.pattern, h.rand, s.maxLength ?? 64) : undefined;
  if (drawn !== undefined && fitsString(s, drawn)) return drawn;
  return 'x'.repeat(Math.max(1, s.minLength ?? 1));
}

function numberFor(s: Shape, integer: boolean, rand: Rand): number {
  const lo = s.min ?? 0;
  const hi = s.max ?? Math.max(lo, 100);
  const v = lo + rand() * (hi - lo);
  return integer ? Math.min(hi, Math.max(lo, Math.round(v))) : v;
}

/** A value for the shape, drawn from the hints' PRNG; optional members in about half the cases. */
export function generate(s: Shape, name: string, h: Hints, depth = 0): unknown {
  switch (s.type) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const m of Object.values(s.members ?? {})) {
        if (!m.required && (depth >= MAX_DEPTH || h.rand() < 0.5)) continue;
        out[m.name] = generate(m.shape, m.name, h, depth + 1);
      }
      return out;
    }
    case 'list': {
      const n = depth >= MAX_DEPTH ? 0 : Math.floor(h.rand() * 3);
      const len = Math.max(n, s.minLength ?? s.min ?? 0);
      return Array.from({ length: len }, () => generate(s.member!, name, h, depth + 1));
    }
    case 'map': {
      const n = depth >= MAX_DEPTH ? 0 : Math.floor(h.rand() * 3);
      const out: Record<string, unknown> = {};
      for (let k = 0; k < n; k++)
        out[generate(s.key ?? { type: 'string', provenance: [] }, `${name}Key`, h, depth + 1) as string] =
          generate(s.value!, name, h, depth + 1);
      return out;
    }
    case 'timestamp':
      return new Date(h.now - Math.floor(h.rand() * 86_400_000));
    case 'boolean':
      return h.rand() < 0.5;
    case 'integer':
      return numberFor(s, true, h.rand);
    case 'float':
      return numberFor(s, false, h.rand);
    default:
      return stringFor(s, name, h);
  }
}

/** The stored value projected onto the shape: members the shape has, values that fit it; anything
 * else is generated. */
export function fit(s: Shape, v: unknown, name: string, h: Hints, depth = 0): unknown {
  if (v === undefined || v === null) return generate(s, name, h, depth);
  switch (s.type) {
    case 'structure': {
      if (typeof v !== 'object' || Array.isArray(v) || v instanceof Date) return generate(s, name, h, depth);
      const rec = v as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const m of Object.values(s.members ?? {})) {
        if (rec[m.name] !== undefined) out[m.name] = fit(m.shape, rec[m.name], m.name, h, depth + 1);
        else if (m.required) out[m.name] = generate(m.shape, m.name, h, depth + 1);
      }
      return out;
    }
    case 'list':
      if (!Array.isArray(v)) return generate(s, name, h, depth);
      return v.map((x) => fit(s.member!, x, name, h, depth + 1));
    case 'map':
      if (typeof v !== 'object' || Array.isArray(v)) return generate(s, name, h, depth);
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).map(([k, x]) => [
          k,
          fit(s.value!, x, name, h, depth + 1),
        ]),
      );
    case 'timestamp':
      return v instanceof Date ? v : generate(s, name, h, depth);
    case 'boolean':
      return typeof v === 'boolean' ? v : generate(s, name, h, depth);
    case 'integer':
    case 'float': {
      const inRange = typeof v === 'number' && !(v < (s.min ?? -Infinity)) && !(v > (s.max ?? Infinity));
      const ok = inRange && (s.type === 'float' || Number.isInteger(v));
      return ok ? v : generate(s, name, h, depth);
    }
    default:
      return typeof v === 'string' && fitsString(s, v) ? v : generate(s, name, h, depth);
  }
}
