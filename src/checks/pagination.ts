// Pagination, judged over a recorded listing (Smithy's rules: absent or empty token = done; pages
// may be short; tokens are opaque and bound to their filters).
import type { Observed } from '../targets/types.ts';
import { expectationFor } from '../model/validate.ts';
import { describeAnswer, type Finding, rejectionVerdict } from './types.ts';

export interface PagingRecord {
  operation: string;
  /** ids of the unpaginated listing (pages of the documented maximum) */
  full: string[];
  /** ids this run started and that exist: a listing without filters must contain them */
  known: string[];
  maxResults: number;
  pages: { ids: string[]; nextToken?: string }[];
  /** stopped because the page bound was reached (a token that never ends) */
  runaway: boolean;
  /** `filter`: the filter member a filter-mismatched token was sent with */
  probes: { kind: 'empty' | 'tampered' | 'filter-mismatched'; filter?: string; observed: Observed }[];
}

/** Where Smithy, the language AWS models are written in, states the rules of continuation tokens. */
export const SMITHY_PAGINATED = 'https://smithy.io/2.0/spec/behavior-traits.html#paginated-trait';

export function checkPagination(r: PagingRecord): Finding[] {
  const out: Finding[] = [];
  const f = (received: string, documented: string) =>
    out.push({ check: 'pagination', operation: r.operation, received, documented });
  r.pages.forEach((p, i) => {
    if (p.ids.length > r.maxResults)
      f(`page ${i + 1} has ${p.ids.length} items`, `at most MaxResults = ${r.maxResults}`);
  });
  if (r.runaway) f(`still a token after ${r.pages.length} pages`, 'the listing ends');
  const last = r.pages.at(-1);
  if (!r.runaway && last?.nextToken) f('a token on the last page', 'no token on the last page');
  const paged = r.pages.flatMap((p) => p.ids);
  // an item that does not carry its identifier cannot be told apart from another: not a repetition
  const dupes = paged.filter((id, i) => id !== undefined && id !== null && paged.indexOf(id) !== i);
  if (dupes.length)
    f(`${dupes.length} item(s) repeated across pages (e.g. ${dupes[0]})`, 'each item exactly once');
  const missing = r.full.filter((id) => !paged.includes(id));
  if (missing.length)
    f(
      `${missing.length} item(s) of the full listing missing from the pages (e.g. ${missing[0]})`,
      'the pages together equal the unpaginated listing',
    );
  const extra = paged.filter((id) => !r.full.includes(id));
  if (extra.length)
    f(
      `${extra.length} item(s) on the pages that the full listing lacks`,
      'the pages together equal the unpaginated listing',
    );
  if (!missing.length && !extra.length && !dupes.length && paged.join() !== r.full.join())
    f('the same items in another order', 'the order of the unpaginated listing');
  const lost = r.known.filter((id) => !r.full.includes(id));
  if (lost.length)
    f(
      `${lost.length} job(s) this run started missing from the full listing (e.g. ${lost[0]})`,
      'a listing without filters has every job',
    );
  for (const p of r.probes) {
    // Smithy: a token is bound to its filters ("Services MUST reject a request that changes filtering
    // input parameters while paging", SMITHY_PAGINATED); which exception it earns is a convention only.
    // That an empty or made-up token is refused at all, no page says: accepting one is noted.
    const e = expectationFor(`${p.kind}-next-token`);
    const kind = `${p.kind} token${p.filter ? ` (with ${p.filter})` : ''}`;
    const s = p.observed.status ?? 0;
    const undocumented = p.kind !== 'filter-mismatched' && !p.observed.failure && s >= 200 && s < 300;
    const verdict = undocumented ? 'note' : rejectionVerdict(p.observed, e);
    if (verdict === 'pass') continue;
    const documented =
      e.provenance === 'documented'
        ? `a ${kind} is rejected with ${e.error} (4xx)`
        : `a ${kind} is rejected with a client error (4xx naming its exception); by convention ${e.error}` +
          (p.kind === 'filter-mismatched' ? ` (${SMITHY_PAGINATED})` : '');
    out.push({
      check: 'pagination',
      operation: r.operation,
      received: `${kind} answered ${describeAnswer(p.observed)}`,
      documented,
      provenance: e.provenance,
      ...(verdict === 'note' ? { note: true } : {}),
    });
  }
  return out;
}
