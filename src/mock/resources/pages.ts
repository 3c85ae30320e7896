// One page of a listing, for any family: MaxResults honoured, `By*` filters as their facts say, and a sealed
// next token bound to the listing's other input members, issued exactly while entries remain.
import { filtersOf, matcher } from '../../model/filter-match.ts';
import type { Operation } from '../../model/types.ts';
import { stableJson } from '../../wire/values.ts';
import { place, type Env, type Input } from './env.ts';
import { hash, outputFrom, structureFrom, type View } from './output.ts';

export const DEFAULT_PAGE = 100;

interface Cursor {
  f: string;
  /** seq of the last item answered */
  a: number;
}

export interface Listed {
  seq: number;
  view: View;
  seed: number;
}

/** One page of `entries` (in a stable order, `seq` increasing) for the list operation `op`: MaxResults
 * honoured, a sealed next token bound to the other input members exactly while entries remain. */
export function pageOf(
  env: Env,
  op: Operation,
  input: Input,
  entries: Iterable<Listed>,
): Record<string, unknown> {
  const pg = op.paginated;
  const token = pg ? (input[pg.inputToken] as string | undefined) : undefined;
  const filters: Input = {};
  for (const [k, v] of Object.entries(input))
    if (k !== pg?.inputToken && k !== pg?.limitKey) filters[k] = v instanceof Date ? v.getTime() : v;
  const fkey = stableJson(filters);
  const cursor: Cursor = token === undefined ? { f: fkey, a: 0 } : env.tokens.open<Cursor>(token, fkey);
  const asked = pg?.limitKey ? (input[pg.limitKey] as number | undefined) : undefined;
  const size = Math.max(1, asked ?? DEFAULT_PAGE);
  const p = place(env);
  const resultKey =
    pg?.resultKey ?? Object.values(op.output.members ?? {}).find((m) => m.shape.type === 'list')?.name;
  const itemShape = resultKey ? op.output.members?.[resultKey]?.shape.member : undefined;
  const keeps = filtersIn(op.name, input);
  const page: Record<string, unknown>[] = [];
  let last = cursor.a;
  let more = false;
  for (const e of entries) {
    if (e.seq <= cursor.a) continue;
    const shown = itemShape ? structureFrom(itemShape, e.view, p, e.seed) : {};
    if (!keeps(shown)) continue;
    if (page.length === size) {
      more = true;
      break;
    }
    page.push(shown);
    last = e.seq;
  }
  const out = outputFrom(op, { values: input }, p, hash(op.name + fkey, env.seed), true);
  if (resultKey) out[resultKey] = page;
  if (more && pg) out[pg.outputToken] = env.tokens.seal<Cursor>({ f: fkey, a: last });
  return out;
}

/** Which items the listing's input keeps: a `By*` filter with a value keeps the items it matches, as its
 * documented meaning says (spec/overlay/behaviour.json); a filter no item field shows is not applied.
 * Stored and stateless listings alike (one definition: a filtered listing is the matching part of the
 * full one either way). */
export function filtersIn(operation: string, input: Input): (item: Input) => boolean {
  const byFilter = matchersOf(operation);
  const active = Object.entries(input).flatMap(([k, v]) => {
    const m = v === undefined ? undefined : byFilter.get(k);
    return m ? [[m, v] as const] : [];
  });
  return (item) => active.every(([m, v]) => m(item, v));
}

const matchers = new Map<string, Map<string, ReturnType<typeof matcher>>>();
export function matchersOf(operation: string): Map<string, ReturnType<typeof matcher>> {
  let m = matchers.get(operation);
  if (!m) {
    m = new Map(Object.entries(filtersOf(operation)).map(([k, f]) => [k, matcher(f)]));
    matchers.set(operation, m);
  }
  return m;
}
