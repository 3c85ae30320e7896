// Scenarios: sequences of requests whose records the scenario checks judge (pagination, filters,
// idempotency, lifecycle). The IO lives here; the judging in src/checks.
import { checkFilter, filtersOf } from '../checks/filters.ts';
import { checkIdempotency } from '../checks/idempotency.ts';
import { checkLifecycle } from '../checks/lifecycle.ts';
import { checkPagination, type PagingRecord } from '../checks/pagination.ts';
import type { Finding } from '../checks/types.ts';
import type { Operation } from '../model/types.ts';
import type { Observed } from '../targets/types.ts';
import type { ExchangeContext } from './exchange.ts';

type Item = Record<string, unknown>;
const MAX_PAGES = 200;

export interface ScenarioContext extends ExchangeContext {
  list: Operation;
  /** ids of the jobs this run started in its set-up */
  known: string[];
  /** advances the target's clock, where the run controls it (the built-in mock) */
  advance?: (ms: number) => void;
}

/** One SDK request outside the exchange phases, counted like theirs. */
export async function send(ctx: ExchangeContext, op: string, input: Item): Promise<Observed> {
  ctx.collector.requests++;
  ctx.onRequest?.();
  return ctx.target.sendSdk(op, input);
}

/** One scenario is one case: its first finding counts the failure, the others add details; notes
 * (answers a convention accepted) are kept apart. */
export function record(ctx: ExchangeContext, findings: Finding[], label: string): void {
  findings.filter((f) => f.note).forEach(({ note: _n, ...f }) => ctx.collector.note(f.check, f.operation, { received: f.received, documented: f.documented, provenance: f.provenance ?? 'convention', label }));
  findings.filter((f) => !f.note).forEach(({ note: _n, ...f }, i) => ctx.collector.fail({ ...f, provenance: f.provenance ?? 'documented', phase: 'scenario', label, seed: ctx.seed }, i === 0));
}

/** Pages through a listing; undefined when the target does not answer the listing at all. */
async function listAll(ctx: ScenarioContext, filter: Item, pageSize: number, maxPages = MAX_PAGES): Promise<{ pages: { items: Item[]; nextToken?: string }[]; runaway: boolean } | undefined> {
  const p = ctx.list.paginated!;
  const pages: { items: Item[]; nextToken?: string }[] = [];
  let token: string | undefined;
  do {
    const o = await send(ctx, ctx.list.name, { ...filter, ...(p.limitKey ? { [p.limitKey]: pageSize } : {}), ...(token ? { [p.inputToken]: token } : {}) });
    if (!o.output) return pages.length ? { pages, runaway: false } : undefined;
    token = typeof o.output[p.outputToken] === 'string' && o.output[p.outputToken] !== '' ? (o.output[p.outputToken] as string) : undefined;
    pages.push({ items: (o.output[p.resultKey] as Item[] | undefined) ?? [], ...(token ? { nextToken: token } : {}) });
  } while (token && pages.length < maxPages);
  return { pages, runaway: !!token };
}

const idsOf = (items: Item[], idField: string) => items.map((i) => String(i[idField]));

/** `factor`: pages of factor × (items / 40) items, at least `factor`: small pages, never more than ~40 of them. */
export async function paginationScenario(ctx: ScenarioContext, idField: string, factor: number): Promise<boolean> {
  const p = ctx.list.paginated!;
  const max = (p.limitKey && ctx.list.input.members?.[p.limitKey]?.shape.max) || 1000;
  const full = await listAll(ctx, {}, max);
  if (!full) return false;
  const total = full.pages.reduce((n, x) => n + x.items.length, 0);
  const pageSize = Math.min(max, factor * Math.max(1, Math.ceil(total / 40)));
  // pages may be short, even empty with a token (Smithy: only an absent token ends a listing), so the
  // bound is one page per item plus ten empty ones: a listing past it has a token that never ends
  const paged = await listAll(ctx, {}, pageSize, total + 10);
  if (!paged) return false;
  const probes: PagingRecord['probes'] = [];
  const token = paged.pages[0]?.nextToken;
  probes.push({ kind: 'empty', observed: await send(ctx, ctx.list.name, { [p.inputToken]: '' }) });
  probes.push({ kind: 'tampered', observed: await send(ctx, ctx.list.name, { [p.inputToken]: token ? `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}` : 'dGFtcGVyZWQtdG9rZW4=' }) });
  if (token) {
    const otherFilter = Object.keys(ctx.list.input.members ?? {}).find((n) => n === 'ByAccountId');
    if (otherFilter) probes.push({ kind: 'filter-mismatched', observed: await send(ctx, ctx.list.name, { [p.inputToken]: token, ...(p.limitKey ? { [p.limitKey]: pageSize } : {}), [otherFilter]: '000000000000' }) });
  }
  ctx.collector.count('pagination', ctx.list.name);
  record(ctx, checkPagination({
    operation: ctx.list.name,
    full: full.pages.flatMap((x) => idsOf(x.items, idField)),
    known: ctx.known,
    maxResults: pageSize,
    pages: paged.pages.map((x) => ({ ids: idsOf(x.items, idField), ...(x.nextToken ? { nextToken: x.nextToken } : {}) })),
    runaway: paged.runaway,
    probes,
  }), `MaxResults=${pageSize}`);
  return true;
}

export async function filterScenario(ctx: ScenarioContext, idField: string): Promise<boolean> {
  const full = await listAll(ctx, {}, 1000);
  if (!full) return false;
  const items = full.pages.flatMap((x) => x.items);
  const pick = <T>(xs: T[]) => xs[Math.floor(xs.length / 2)];
  const mid = pick(items.map((i) => i.CreationDate).filter((d): d is Date => d instanceof Date).sort((a, b) => a.getTime() - b.getTime()));
  const done = pick(items.map((i) => i.CompletionDate).filter((d): d is Date => d instanceof Date).sort((a, b) => a.getTime() - b.getTime()));
  const values: Record<string, unknown> = {
    ByAccountId: items[0]?.AccountId, ByResourceType: items[0]?.ResourceType, ByStatus: items[0]?.Status,
    ByCreatedBefore: mid, ByCreatedAfter: mid, ByCompleteBefore: done, ByCompleteAfter: done,
  };
  for (const [filter, value] of Object.entries(values)) {
    if (value === undefined || !ctx.list.input.members?.[filter] || !filtersOf(ctx.list.name)[filter]) continue;
    const got = await listAll(ctx, { [filter]: value }, 1000);
    if (!got) continue;
    ctx.collector.count('filters', ctx.list.name);
    record(ctx, checkFilter({ operation: ctx.list.name, filter, value, full: items, got: got.pages.flatMap((x) => idsOf(x.items, idField)), idField }), filter);
  }
  return true;
}

export async function idempotencyScenario(ctx: ScenarioContext, start: Operation, input: Item): Promise<void> {
  const count = async () => (await listAll(ctx, {}, 1000))?.pages.reduce((n, x) => n + x.items.length, 0) ?? 0;
  const token = `conformance-${ctx.seed}-${ctx.collector.requests}`;
  const before = await count();
  const a = await send(ctx, start.name, { ...input, IdempotencyToken: token });
  const b = await send(ctx, start.name, { ...input, IdempotencyToken: token });
  const after = await count();
  const other = await send(ctx, start.name, { ...input, Metadata: { ...(input.Metadata as Item), changed: 'yes' }, IdempotencyToken: token });
  ctx.collector.count('idempotency', start.name);
  const id = (o: Observed) => (o.output?.RestoreJobId as string | undefined);
  record(ctx, checkIdempotency({
    operation: start.name, firstId: id(a), secondId: id(b), countBefore: before, countAfter: after,
    conflicting: { ...(other.status !== undefined ? { status: other.status } : {}), ...(id(other) ? { id: id(other) } : {}) },
  }), 'same token twice, then with other parameters');
}

export async function lifecycleScenario(ctx: ScenarioContext, start: Operation, describe: Operation, input: Item, idField: string): Promise<void> {
  const started = await send(ctx, start.name, input);
  const id = started.output?.[idField] as string | undefined;
  if (!id) return;
  const listed = (await listAll(ctx, {}, 1000))?.pages.flatMap((x) => x.items).find((i) => i[idField] === id);
  const describes: Item[] = [];
  for (let step = 0; step < 8; step++) {
    const d = await send(ctx, describe.name, { [idField]: id });
    if (d.output) describes.push(d.output);
    ctx.advance?.(60_000);
  }
  ctx.collector.count('lifecycle', start.name);
  record(ctx, checkLifecycle({ operation: start.name, started: input, ...(listed ? { listed } : {}), describes }), 'start, list, describe ×8');
}
