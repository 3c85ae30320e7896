// ListRestoreJobs: every By* filter, newest first, pages of MaxResults, and opaque tokens bound to the
// filters and to a snapshot of the store, so that pages never repeat or skip a job that existed when
// the listing began, however many jobs are started meanwhile.
import type { JobList } from './job-list.ts';
import { stableJson } from '../wire/values.ts';
import type { JobRecord, JobStore } from './store.ts';
import { TokenSealer } from './tokens.ts';

export const DEFAULT_PAGE_SIZE = 100;

export interface ListInput {
  NextToken?: string;
  MaxResults?: number;
  ByAccountId?: string;
  ByResourceType?: string;
  ByCreatedBefore?: Date;
  ByCreatedAfter?: Date;
  ByStatus?: string;
  ByCompleteBefore?: Date;
  ByCompleteAfter?: Date;
  ByRestoreTestingPlanArn?: string;
  ByParentJobId?: string;
}

interface Cursor {
  /** filters the token was issued for */
  f: string;
  /** the highest job seq that existed when the listing began */
  s: number;
  /** the seq of the last job already returned */
  a: number;
  /** how many pages of this listing were answered before */
  p: number;
}

const time = (d: unknown) => (d instanceof Date ? d.getTime() : undefined);

/** Before/after are strict: a job created exactly at the given instant matches neither. */
function matches(view: Record<string, unknown>, q: ListInput): boolean {
  const created = time(view.CreationDate)!;
  const completed = time(view.CompletionDate);
  if (q.ByAccountId !== undefined && view.AccountId !== q.ByAccountId) return false;
  if (q.ByResourceType !== undefined && view.ResourceType !== q.ByResourceType) return false;
  if (q.ByStatus !== undefined && view.Status !== q.ByStatus) return false;
  if (q.ByCreatedBefore && !(created < q.ByCreatedBefore.getTime())) return false;
  if (q.ByCreatedAfter && !(created > q.ByCreatedAfter.getTime())) return false;
  if (q.ByCompleteBefore && !(completed !== undefined && completed < q.ByCompleteBefore.getTime()))
    return false;
  if (q.ByCompleteAfter && !(completed !== undefined && completed > q.ByCompleteAfter.getTime()))
    return false;
  if (
    q.ByRestoreTestingPlanArn !== undefined &&
    (view.CreatedBy as { RestoreTestingPlanArn?: string } | undefined)?.RestoreTestingPlanArn !==
      q.ByRestoreTestingPlanArn
  )
    return false;
  if (q.ByParentJobId !== undefined && view.ParentJobId !== q.ByParentJobId) return false;
  return true;
}

/** The jobs that match, newest first, with seq < below. Only jobs that could match are visited — one
 * index bucket for an equality filter (the smallest), and a seq range for every time bound (creation
 * times are non-decreasing in seq; completion is creation plus the one lifecycle, and PENDING, RUNNING
 * and terminal are creation-time ranges too) — so a listing costs what its related jobs cost. Every
 * job visited is still matched in full: the narrowing only skips jobs that cannot match. */
function* matching(
  store: JobStore,
  q: ListInput,
  now: number,
  below: number,
): Generator<[JobRecord, Record<string, unknown>]> {
  // the mock starts no job from a restore testing plan and no child jobs: nothing has these
  if (q.ByRestoreTestingPlanArn !== undefined || q.ByParentJobId !== undefined) return;
  const life = store.pendingMs + store.runningMs;
  const byClock = store.scripted.live === 0; // status is a creation-time range only for clock-driven jobs
  const status = byClock ? q.ByStatus : undefined;
  const terminal = status !== undefined && status !== 'PENDING' && status !== 'RUNNING';
  const after: number[] = []; // created after each of these
  const upTo: [number, boolean][] = []; // created before (or at, when true) each of these
  if (q.ByCreatedAfter) after.push(q.ByCreatedAfter.getTime());
  if (q.ByCreatedBefore) upTo.push([q.ByCreatedBefore.getTime(), false]);
  if (q.ByCompleteAfter) after.push(q.ByCompleteAfter.getTime() - life);
  if (q.ByCompleteBefore) upTo.push([q.ByCompleteBefore.getTime() - life, false]);
  if (status === 'PENDING') after.push(now - store.pendingMs);
  if (status === 'RUNNING') {
    after.push(now - life);
    upTo.push([now - store.pendingMs, true]);
  }
  if (byClock && (terminal || q.ByCompleteAfter || q.ByCompleteBefore)) upTo.push([now - life, true]);
  let minSeq = 1;
  let top = below;
  if (store.monotone) {
    for (const t of after) minSeq = Math.max(minSeq, store.order.seqCreatedAfter(t));
    for (const [t, at] of upTo) top = Math.min(top, store.order.seqCreatedAfter(t, !at));
  }
  const buckets = [
    q.ByAccountId !== undefined ? (store.byAccount.get(q.ByAccountId) ?? null) : undefined,
    q.ByResourceType !== undefined ? (store.byType.get(q.ByResourceType) ?? null) : undefined,
    terminal ? (store.byOutcome.get(status) ?? null) : undefined,
  ].filter((b) => b !== undefined);
  if (buckets.includes(null) || minSeq >= top) return;
  const list = (buckets as JobList<JobRecord>[]).reduce((a, b) => (b.live < a.live ? b : a), store.order);
  for (const job of list.descending(top, minSeq)) {
    const view = store.view(job, now);
    if (matches(view, q)) yield [job, view];
  }
}

export class Lister {
  private readonly tokens = new TokenSealer();
  /** the number of jobs on the k-th page of every listing, capped by MaxResults (a service may answer
   * fewer than asked; 0 is an empty page that still carries a token while jobs remain); later pages
   * are full */
  pageSizes: readonly number[] = [];

  constructor(private readonly store: JobStore) {}

  list(q: ListInput): { RestoreJobs: Record<string, unknown>[]; NextToken?: string } {
    const { NextToken, MaxResults, ...filters } = q;
    const f = stableJson(
      Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, v instanceof Date ? v.getTime() : v])),
    );
    const top = this.store.lastSeq;
    const cursor: Cursor =
      NextToken === undefined ? { f, s: top, a: top + 1, p: 0 } : this.tokens.open<Cursor>(NextToken, f);
    const asked = MaxResults ?? DEFAULT_PAGE_SIZE;
    const size = Math.min(asked, this.pageSizes[cursor.p] ?? asked);
    const now = this.store.clock.now();
    const page: Record<string, unknown>[] = [];
    let last = cursor.a;
    // newest first from below the cursor, within the snapshot; one match more tells whether to go on
    const found = matching(this.store, filters, now, Math.min(cursor.s + 1, cursor.a));
    let more = false;
    for (const [job, view] of found) {
      if (page.length === size) {
        more = true;
        break;
      }
      page.push(view);
      last = job.seq;
    }
    return {
      RestoreJobs: page,
      ...(more ? { NextToken: this.tokens.seal({ f, s: cursor.s, a: last, p: cursor.p + 1 }) } : {}),
    };
  }
}
