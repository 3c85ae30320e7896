// Scenarios: sequences of requests whose records the scenario checks judge (pagination, filters,
// idempotency, lifecycle). The IO lives here; the judging in src/checks.
import { checkIdempotency } from '../checks/idempotency.ts';
import { checkLifecycle } from '../checks/lifecycle.ts';
import { checkPagination } from '../checks/pagination.ts';
import type { Finding } from '../checks/types.ts';
import type { Operation } from '../model/types.ts';
import type { Observed } from '../targets/types.ts';
import { describeAnswer } from '../checks/types.ts';
import type { ExchangeContext } from './exchange.ts';
import { send } from './send.ts';
import { tokenProbes } from './token-probes.ts';

type Item = Record<string, unknown>;
const MAX_PAGES = 200;

export interface ScenarioContext extends ExchangeContext {
  list: Operation;
  /** ids of the jobs this run started in its set-up */
  known: string[];
  /** advances the target's clock, where the run controls it (the built-in mock) */
  advance?: (ms: number) => void;
  /** members every listing carries (a listing inside a parent: the plan whose selections it lists) */
  scope?: Item;
}

export { send };

/** One scenario is one case: its first finding counts the failure, the others add details; notes
 * (answers a convention accepted) are kept apart. */
export function record(ctx: ExchangeContext, findings: Finding[], label: string): void {
  findings
    .filter((f) => f.note)
    .forEach(({ note: _n, ...f }) =>
      ctx.collector.note(f.check, f.operation, {
        received: f.received,
        documented: f.documented,
        provenance: f.provenance ?? 'convention',
        label,
      }),
    );
  // one failing case per cell the record's findings name (crud judges several operations at once: a
  // duplicate create found after an update's finding still fails the create's cell)
  const counted = new Set<string>();
  findings
    .filter((f) => !f.note)
    .forEach(({ note: _n, ...f }) => {
      const cell = `${f.check} ${f.operation}`;
      ctx.collector.fail(
        { ...f, provenance: f.provenance ?? 'documented', phase: 'scenario', label, seed: ctx.seed },
        !counted.has(cell),
      );
      counted.add(cell);
    });
}

export interface Listing {
  pages: { items: Item[]; nextToken?: string }[];
  runaway: boolean;
}

/** Pages through a listing; a string (why) when the target does not answer its first page. */
export async function listAll(
  ctx: ScenarioContext,
  filter: Item,
  pageSize: number,
  maxPages = MAX_PAGES,
): Promise<Listing | string> {
  const p = ctx.list.paginated!;
  const pages: { items: Item[]; nextToken?: string }[] = [];
  let token: string | undefined;
  do {
    const o = await send(ctx, ctx.list.name, {
      ...ctx.scope,
      ...filter,
      ...(p.limitKey ? { [p.limitKey]: pageSize } : {}),
      ...(token ? { [p.inputToken]: token } : {}),
    });
    if (!o.output)
      return pages.length ? { pages, runaway: false } : `${ctx.list.name} failed: ${describeAnswer(o)}`;
    token =
      typeof o.output[p.outputToken] === 'string' && o.output[p.outputToken] !== ''
        ? (o.output[p.outputToken] as string)
        : undefined;
    pages.push({
      items: (o.output[p.resultKey] as Item[] | undefined) ?? [],
      ...(token ? { nextToken: token } : {}),
    });
  } while (token && pages.length < maxPages);
  return { pages, runaway: !!token };
}

// an item without its identifier cannot be told apart from another; it is not an identifier 'undefined'
export const idsOf = (items: Item[], idField: string) =>
  items
    .map((i) => i[idField])
    .filter((v) => v !== undefined && v !== null)
    .map(String);

/** `factor`: pages of factor × (items / 40) items, at least `factor`: small pages, never more than ~40
 * of them. Answers why, when there was nothing to judge. */
export async function paginationScenario(
  ctx: ScenarioContext,
  idField: string,
  factor: number,
): Promise<string | undefined> {
  const p = ctx.list.paginated!;
  const max = (p.limitKey && ctx.list.input.members?.[p.limitKey]?.shape.max) || 1000;
  const full = await listAll(ctx, {}, max);
  if (typeof full === 'string') return full;
  const total = full.pages.reduce((n, x) => n + x.items.length, 0);
  if (total === 0) return `${ctx.list.name} listed nothing: there was nothing to page through`;
  const pageSize = Math.min(max, factor * Math.max(1, Math.ceil(total / 40)));
  // pages may be short, even empty with a token (Smithy: only an absent token ends a listing), so the
  // bound is one page per item plus ten empty ones: a listing past it has a token that never ends
  const paged = await listAll(ctx, {}, pageSize, total + 10);
  if (typeof paged === 'string') return paged;
  const probes = await tokenProbes(ctx, paged.pages.find((x) => x.nextToken)?.nextToken, pageSize);
  ctx.collector.count('pagination', ctx.list.name);
  record(
    ctx,
    checkPagination({
      operation: ctx.list.name,
      full: full.pages.flatMap((x) => idsOf(x.items, idField)),
      known: ctx.known,
      maxResults: pageSize,
      pages: paged.pages.map((x) => ({
        ids: idsOf(x.items, idField),
        ...(x.nextToken ? { nextToken: x.nextToken } : {}),
      })),
      runaway: paged.runaway,
      probes,
    }),
    `MaxResults=${pageSize}`,
  );
  return undefined;
}

/** Answers why, when no job could be started (nothing to judge). */
export async function idempotencyScenario(
  ctx: ScenarioContext,
  start: Operation,
  input: Item,
  idField: string,
): Promise<string | undefined> {
  const count = async () => {
    const l = await listAll(ctx, {}, 1000);
    return typeof l === 'string' ? undefined : l.pages.reduce((n, x) => n + x.items.length, 0);
  };
  const token = `conformance-${ctx.seed}-${ctx.collector.requests}`;
  const before = await count();
  const a = await send(ctx, start.name, { ...input, IdempotencyToken: token });
  const id = (o: Observed) =>
    typeof o.output?.[idField] === 'string' ? (o.output[idField] as string) : undefined;
  if (!id(a)) return `no job could be started: ${start.name} answered ${describeAnswer(a)}`;
  const b = await send(ctx, start.name, { ...input, IdempotencyToken: token });
  const after = await count();
  const other = await send(ctx, start.name, {
    ...input,
    Metadata: { ...(input.Metadata as Item), changed: 'yes' },
    IdempotencyToken: token,
  });
  ctx.collector.count('idempotency', start.name);
  record(
    ctx,
    checkIdempotency({
      operation: start.name,
      firstId: id(a),
      secondId: id(b),
      ...(before !== undefined && after !== undefined ? { countBefore: before, countAfter: after } : {}),
      conflicting: {
        ...(other.status !== undefined ? { status: other.status } : {}),
        ...(id(other) ? { id: id(other) } : {}),
      },
    }),
    'same token twice, then with other parameters',
  );
  return undefined;
}

/** Answers why, when no job could be started (nothing to follow). */
export async function lifecycleScenario(
  ctx: ScenarioContext,
  start: Operation,
  describe: Operation,
  input: Item,
  idField: string,
): Promise<string | undefined> {
  const started = await send(ctx, start.name, input);
  const id = started.output?.[idField] as string | undefined;
  if (!id) return `no job could be started: ${start.name} answered ${describeAnswer(started)}`;
  const listing = await listAll(ctx, {}, 1000);
  const listed =
    typeof listing === 'string'
      ? undefined
      : listing.pages.flatMap((x) => x.items).find((i) => i[idField] === id);
  const describes: Item[] = [];
  for (let step = 0; step < 8; step++) {
    const d = await send(ctx, describe.name, { [idField]: id });
    if (d.output) describes.push(d.output);
    ctx.advance?.(60_000);
  }
  ctx.collector.count('lifecycle', start.name);
  record(
    ctx,
    checkLifecycle({ operation: start.name, started: input, ...(listed ? { listed } : {}), describes }),
    'start, list, describe ×8',
  );
  return undefined;
}
