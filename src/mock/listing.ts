// ListRestoreJobs: every By* filter, newest first, pages of MaxResults, and opaque tokens bound to the
// filters and to a snapshot of the store, so that pages never repeat or skip a job that existed when
// the listing began, however many jobs are started meanwhile.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { MockError, stableJson, type JobRecord, type JobStore } from './store.ts';

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
  if (q.ByCompleteBefore && !(completed !== undefined && completed < q.ByCompleteBefore.getTime())) return false;
  if (q.ByCompleteAfter && !(completed !== undefined && completed > q.ByCompleteAfter.getTime())) return false;
  if (q.ByRestoreTestingPlanArn !== undefined && (view.CreatedBy as { RestoreTestingPlanArn?: string } | undefined)?.RestoreTestingPlanArn !== q.ByRestoreTestingPlanArn) return false;
  if (q.ByParentJobId !== undefined && view.ParentJobId !== q.ByParentJobId) return false;
  return true;
}

export class Lister {
  private readonly secret = randomBytes(32);
  /** the number of jobs on the k-th page of every listing, capped by MaxResults (a service may answer
   * fewer than asked; 0 is an empty page that still carries a token while jobs remain); later pages
   * are full */
  pageSizes: readonly number[] = [];

  constructor(private readonly store: JobStore) {}

  list(q: ListInput): { RestoreJobs: Record<string, unknown>[]; NextToken?: string } {
    const { NextToken, MaxResults, ...filters } = q;
    const f = stableJson(Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, v instanceof Date ? v.getTime() : v])));
    const jobs = this.store.all();
    const cursor: Cursor = NextToken === undefined ? { f, s: jobs.length, a: jobs.length + 1, p: 0 } : this.open(NextToken, f);
    const asked = MaxResults ?? DEFAULT_PAGE_SIZE;
    const size = Math.min(asked, this.pageSizes[cursor.p] ?? asked);
    const now = this.store.clock.now();
    const page: Record<string, unknown>[] = [];
    let last = cursor.a;
    // jobs[seq - 1] has that seq: walk newest first from below the cursor, within the snapshot
    for (let seq = Math.min(cursor.s, cursor.a - 1); seq >= 1 && page.length < size; seq--) {
      const view = this.store.view(jobs[seq - 1] as JobRecord, now);
      last = seq;
      if (matches(view, filters)) page.push(view);
    }
    const more = page.length === size && last > 1 && this.anyBelow(last, cursor.s, filters, now);
    return { RestoreJobs: page, ...(more ? { NextToken: this.seal({ f, s: cursor.s, a: last, p: cursor.p + 1 }) } : {}) };
  }

  private anyBelow(seq: number, snapshot: number, filters: ListInput, now: number): boolean {
    const jobs = this.store.all();
    for (let s = Math.min(seq - 1, snapshot); s >= 1; s--) if (matches(this.store.view(jobs[s - 1] as JobRecord, now), filters)) return true;
    return false;
  }

  private seal(c: Cursor): string {
    const body = Buffer.from(JSON.stringify(c)).toString('base64url');
    return `${body}.${createHmac('sha256', this.secret).update(body).digest('base64url')}`;
  }

  private open(token: string, f: string): Cursor {
    if (token === '') throw new MockError('InvalidParameterValueException', 'NextToken must not be empty', 'NextToken');
    const [body, mac] = token.split('.');
    const want = body ? createHmac('sha256', this.secret).update(body).digest() : undefined;
    const got = mac ? Buffer.from(mac, 'base64url') : undefined;
    if (!body || !want || !got || got.length !== want.length || !timingSafeEqual(got, want)) {
      throw new MockError('InvalidParameterValueException', 'NextToken is not a token this service issued', 'NextToken');
    }
    const c = JSON.parse(Buffer.from(body, 'base64url').toString()) as Cursor;
    if (c.f !== f) throw new MockError('InvalidParameterValueException', 'NextToken was issued for different filters', 'NextToken');
    return c;
  }
}
