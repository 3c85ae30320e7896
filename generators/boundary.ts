// The boundary phase: a deterministic, finite list run before any random case. It covers each enum
// value, each required member missing, each range bound and its neighbours, each optional member
// present and absent, and one edge of every other mutation.
import fc from 'fast-check';
import type { Operation } from '../src/model/types.ts';
import { mutationSites } from './mutations.ts';
import {
  applyMutation,
  omittedFromValid,
  type Input,
  type InvalidCase,
  type RequestOptions,
  type ValidCase,
} from './requests.ts';
import { valueFor } from './values.ts';

export interface BoundaryCase {
  phase: 'boundary';
  label: string;
  case: ValidCase | InvalidCase;
}

export function boundaryCases(op: Operation, o: RequestOptions = {}, seed = 0): BoundaryCase[] {
  const omit = omittedFromValid(op);
  const members = Object.values(op.input.members ?? {}).filter((m) => !omit.has(m.name));
  const sample = (name: string, arb: fc.Arbitrary<unknown>) =>
    fc.sample(o.members?.[name] ?? arb, { seed: seed + name.length, numRuns: 1 })[0];
  const minimal: Input = {};
  for (const m of members.filter((x) => x.required)) minimal[m.name] = sample(m.name, valueFor(m.shape, m));
  const out: BoundaryCase[] = [];
  // each valid case gets its own idempotency token: reusing one with other parameters is itself an error
  const tokens = members.filter((m) => m.idempotencyToken).map((m) => m.name);
  const valid = (label: string, input: Input) => {
    const own = { ...input };
    for (const t of tokens) if (own[t] !== undefined) own[t] = `${String(own[t])}-${out.length}`;
    out.push({
      phase: 'boundary',
      label: `valid: ${label}`,
      case: { operation: op.name, mode: 'positive', input: own },
    });
  };

  valid('required members only', minimal);
  const everything = { ...minimal };
  for (const m of members.filter((x) => !x.required)) {
    const v = sample(m.name, valueFor(m.shape, m));
    everything[m.name] = v;
    valid(`${m.name} present`, { ...minimal, [m.name]: v });
  }
  if (members.some((m) => !m.required)) valid('every member present', everything);
  for (const m of members) {
    for (const v of m.shape.enum ?? []) valid(`${m.name}=${v}`, { ...minimal, [m.name]: v });
    if (m.shape.type === 'integer') {
      for (const v of [m.shape.min, m.shape.max])
        if (v !== undefined) valid(`${m.name}=${v}`, { ...minimal, [m.name]: v });
    }
  }
  for (const s of mutationSites(op)) {
    for (const edge of s.edges) {
      const c = applyMutation(op, minimal, s, edge);
      out.push({
        phase: 'boundary',
        label:
          `invalid: ${s.mutation} ${s.member.name || 'body'}` +
          `${typeof edge === 'symbol' ? '' : ` = ${JSON.stringify(edge)}`}`,
        case: c,
      });
    }
  }
  return out;
}
