// Restore jobs and their lifecycle. A job's status is a function of the clock: PENDING, then RUNNING,
// then COMPLETED, FAILED or ABORTED (drawn from a seed), so time alone moves it, and only forward.
import { createHash } from 'node:crypto';
import type { RecoveryPoint } from './catalogue.ts';
import type { JobRecord, Outcome } from './job-record.ts';
import type { Clock } from './clock.ts';
import { JobList } from './job-list.ts';
import { jobView } from './job-view.ts';
import { DEFAULT_LIMITS, type MockLimits } from './limits.ts';
import { seeded, uuidFrom } from './random.ts';
import { stableJson } from '../wire/values.ts';

// moved to job-record.ts (job-view.ts needs them and store.ts needs job-view.ts); still importable here
export type { JobRecord, Outcome } from './job-record.ts';

export interface LifecycleOptions {
  /** how long a job stays PENDING, then RUNNING (ms) */
  pendingMs?: number;
  runningMs?: number;
  /** weights of the terminal states */
  outcomes?: Partial<Record<Outcome, number>>;
}

export interface StartParams {
  RecoveryPointArn: string;
  Metadata: Record<string, string>;
  IamRoleArn?: string;
  IdempotencyToken?: string;
  ResourceType?: string;
  CopySourceTagsToRestoredResource?: boolean;
}

export class MockError extends Error {
  constructor(
    readonly errorName: string,
    message: string,
    readonly context?: string,
  ) {
    super(message);
  }
}

type Bucket = Map<string, JobList<JobRecord>>;

/** Jobs, their indexes and their idempotency tokens, within limits: above `maxJobs` jobs or
 * `maxMetadataBytes` of Metadata the oldest terminal job is forgotten (and its token with it); when no
 * job is terminal, the oldest job is. A start is never refused for the limits, as AWS documents none. */
export class JobStore {
  /** every living job in start order; creation times are non-decreasing along it (see `created`) */
  readonly order = new JobList<JobRecord>();
  /** jobs following a status script rather than the clock (a behaviour's, usually a handful) */
  readonly scripted = new JobList<JobRecord>();
  /** living jobs by account, by resource type, by drawn outcome (clock-driven jobs only) */
  readonly byAccount: Bucket = new Map();
  readonly byType: Bucket = new Map();
  readonly byOutcome: Bucket = new Map();
  /** false once a job was seeded earlier than one already kept: time ranges then scan everything */
  monotone = true;
  /** jobs ever created, and forgotten for the limits */
  created = 0;
  evicted = 0;
  metadataBytes = 0;
  private readonly byId = new Map<string, JobRecord>();
  private readonly tokens = new Map<string, { fingerprint: string; id: string }>();
  private readonly rand: () => number;
  private readonly points: Map<string, RecoveryPoint>;
  private lastCreated = -Infinity;
  readonly pendingMs: number;
  readonly runningMs: number;

  constructor(
    readonly clock: Clock,
    catalogue: RecoveryPoint[],
    private readonly lifecycle: LifecycleOptions = {},
    seed = 1,
    readonly limits: Pick<MockLimits, 'maxJobs' | 'maxMetadataBytes'> = DEFAULT_LIMITS,
  ) {
    this.rand = seeded(seed);
    this.points = new Map(catalogue.map((p) => [p.arn, p]));
    this.pendingMs = lifecycle.pendingMs ?? 30_000;
    this.runningMs = lifecycle.runningMs ?? 300_000;
  }

  get size(): number {
    return this.order.live;
  }

  /** the highest seq given so far */
  get lastSeq(): number {
    return this.created;
  }

  recoveryPoints(): RecoveryPoint[] {
    return [...this.points.values()];
  }

  addRecoveryPoint(p: RecoveryPoint): void {
    this.points.set(p.arn, p);
  }

  /** The same token with the same parameters answers the same job and starts nothing; with other
   * parameters it is InvalidRequestException (the request contradicts the one the token named). */
  start(p: StartParams): { id: string; created: boolean } {
    const { IdempotencyToken: token, ...params } = p;
    const fingerprint = createHash('sha256').update(stableJson(params)).digest('hex');
    if (token !== undefined) {
      const seen = this.tokens.get(token);
      if (seen && seen.fingerprint === fingerprint) return { id: seen.id, created: false };
      if (seen)
        throw new MockError(
          'InvalidRequestException',
          'IdempotencyToken was already used with different parameters',
          'IdempotencyToken',
        );
    }
    const point = this.points.get(p.RecoveryPointArn);
    if (!point)
      throw new MockError(
        'ResourceNotFoundException',
        `Recovery point ${p.RecoveryPointArn} was not found`,
        'RecoveryPointArn',
      );
    // never earlier than the job before: a wall clock stepping back must not unsort the time index
    const job = this.add({
      seq: 0,
      id: uuidFrom(this.rand),
      createdAt: Math.max(this.clock.now(), this.lastCreated),
      recoveryPoint: point,
      resourceType: p.ResourceType ?? point.resourceType,
      ...(p.IamRoleArn !== undefined ? { iamRoleArn: p.IamRoleArn } : {}),
      metadata: p.Metadata,
      ...(p.CopySourceTagsToRestoredResource !== undefined
        ? { copySourceTags: p.CopySourceTagsToRestoredResource }
        : {}),
      pendingMs: this.pendingMs,
      runningMs: this.runningMs,
      outcome: this.drawOutcome(),
      ...(token !== undefined ? { token } : {}),
      metadataBytes: metadataBytes(p.Metadata),
    });
    if (token !== undefined) this.tokens.set(token, { fingerprint, id: job.id });
    this.enforceLimits();
    return { id: job.id, created: true };
  }

  /** A job that already exists (oldest first), following a status script rather than the clock. */
  seed(point: RecoveryPoint, statuses: readonly string[], createdAt: number): JobRecord {
    if (createdAt < this.lastCreated) this.monotone = false;
    const job = this.add({
      seq: 0,
      id: uuidFrom(this.rand),
      createdAt,
      recoveryPoint: point,
      resourceType: point.resourceType,
      metadata: {},
      pendingMs: this.pendingMs,
      runningMs: this.runningMs,
      outcome: 'COMPLETED',
      script: { statuses, step: 0 },
      metadataBytes: 0,
    });
    this.enforceLimits();
    return job;
  }

  private add(job: JobRecord): JobRecord {
    job.seq = ++this.created;
    this.lastCreated = Math.max(this.lastCreated, job.createdAt);
    this.byId.set(job.id, job);
    this.metadataBytes += job.metadataBytes;
    for (const list of this.listsOf(job)) list.push(job);
    return job;
  }

  /** the lists a job is in, its index buckets created on demand */
  private listsOf(job: JobRecord): JobList<JobRecord>[] {
    const bucket = (m: Bucket, k: string) => m.get(k) ?? m.set(k, new JobList()).get(k)!;
    return [
      this.order,
      bucket(this.byAccount, job.recoveryPoint.accountId),
      bucket(this.byType, job.resourceType),
      job.script ? this.scripted : bucket(this.byOutcome, job.outcome),
    ];
  }

  private enforceLimits(): void {
    while (
      this.order.live > 1 &&
      (this.order.live > this.limits.maxJobs || this.metadataBytes > this.limits.maxMetadataBytes)
    ) {
      this.forget(this.oldestTerminal() ?? this.order.first()!);
    }
  }

  /** Clock-driven jobs end in start order (one lifecycle for all, creation times non-decreasing), so
   * the oldest of them is terminal if any is; scripted ones are looked at one by one. */
  private oldestTerminal(): JobRecord | undefined {
    const now = this.clock.now();
    const terminal = (j: JobRecord) => !['PENDING', 'RUNNING'].includes(this.view(j, now).Status as string);
    let best: JobRecord | undefined;
    for (const j of this.scripted.ascending())
      if (terminal(j)) {
        best = j;
        break;
      }
    for (const j of this.order.ascending()) {
      if (j.script) continue;
      if (terminal(j) && (!best || j.seq < best.seq)) best = j;
      break;
    }
    return best;
  }

  private forget(job: JobRecord): void {
    job.gone = true;
    this.byId.delete(job.id);
    if (job.token !== undefined && this.tokens.get(job.token)?.id === job.id) this.tokens.delete(job.token);
    this.metadataBytes -= job.metadataBytes;
    this.evicted++;
    for (const [list, map, key] of [
      [this.order],
      [this.byAccount.get(job.recoveryPoint.accountId), this.byAccount, job.recoveryPoint.accountId],
      [this.byType.get(job.resourceType), this.byType, job.resourceType],
      job.script ? [this.scripted] : [this.byOutcome.get(job.outcome), this.byOutcome, job.outcome],
    ] as [JobList<JobRecord> | undefined, Bucket?, string?][]) {
      list?.removed();
      if (map && key !== undefined && list && list.live === 0) map.delete(key);
    }
  }

  /** One observation of a job: a scripted job moves to its next status. */
  observe(job: JobRecord): void {
    if (job.script) job.script.step++;
  }

  get(id: string): JobRecord | undefined {
    return this.byId.get(id);
  }

  /** The living jobs in start order (seq ascending): a copy, for tests and snapshots. */
  all(): readonly JobRecord[] {
    return [...this.order.ascending()];
  }

  /** The job as DescribeRestoreJob / ListRestoreJobs show it now. */
  view(job: JobRecord, now = this.clock.now()): Record<string, unknown> {
    return jobView(job, now);
  }

  private drawOutcome(): Outcome {
    const w = { COMPLETED: 8, FAILED: 1, ABORTED: 1, ...this.lifecycle.outcomes };
    const total = w.COMPLETED + w.FAILED + w.ABORTED;
    let x = this.rand() * total;
    for (const o of ['COMPLETED', 'FAILED', 'ABORTED'] as const) {
      if ((x -= w[o]) < 0) return o;
    }
    return 'COMPLETED';
  }
}

function metadataBytes(m: Record<string, string> | undefined): number {
  let n = 0;
  for (const k in m) n += Buffer.byteLength(k) + Buffer.byteLength(String(m[k]));
  return n;
}
