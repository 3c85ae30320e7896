// Restore jobs and their lifecycle. A job's status is a function of the clock: PENDING, then RUNNING,
// then COMPLETED, FAILED or ABORTED (drawn from a seed), so time alone moves it, and only forward.
import { createHash } from 'node:crypto';
import type { RecoveryPoint } from './catalogue.ts';
import type { Clock } from './clock.ts';
import { seeded, uuidFrom } from './random.ts';

export type Outcome = 'COMPLETED' | 'FAILED' | 'ABORTED';

export interface LifecycleOptions {
  /** how long a job stays PENDING, then RUNNING (ms) */
  pendingMs?: number;
  runningMs?: number;
  /** weights of the terminal states */
  outcomes?: Partial<Record<Outcome, number>>;
}

export interface JobRecord {
  seq: number;
  id: string;
  createdAt: number;
  recoveryPoint: RecoveryPoint;
  resourceType: string;
  iamRoleArn?: string;
  /** stored as plain data (keys such as __proto__ are ordinary keys) and never logged */
  metadata: Record<string, string>;
  copySourceTags?: boolean;
  pendingMs: number;
  runningMs: number;
  outcome: Outcome;
  /** a scripted job shows these statuses in turn, one per observation (DescribeRestoreJob), the last
   * one sticking; its clock-driven lifecycle is then unused */
  script?: { statuses: readonly string[]; step: number };
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
  constructor(readonly errorName: string, message: string, readonly context?: string) {
    super(message);
  }
}

const OUTCOME_MESSAGE: Record<Outcome, string> = {
  COMPLETED: 'Restore completed.',
  FAILED: 'Restore failed: the target resource could not be created.',
  ABORTED: 'Restore aborted.',
};

export class JobStore {
  private readonly jobs: JobRecord[] = [];
  private readonly byId = new Map<string, JobRecord>();
  private readonly tokens = new Map<string, { fingerprint: string; id: string }>();
  private readonly rand: () => number;
  private readonly points: Map<string, RecoveryPoint>;

  constructor(
    readonly clock: Clock,
    catalogue: RecoveryPoint[],
    private readonly lifecycle: LifecycleOptions = {},
    seed = 1,
  ) {
    this.rand = seeded(seed);
    this.points = new Map(catalogue.map((p) => [p.arn, p]));
  }

  get size(): number {
    return this.jobs.length;
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
      if (seen) throw new MockError('InvalidRequestException', 'IdempotencyToken was already used with different parameters', 'IdempotencyToken');
    }
    const point = this.points.get(p.RecoveryPointArn);
    if (!point) throw new MockError('ResourceNotFoundException', `Recovery point ${p.RecoveryPointArn} was not found`, 'RecoveryPointArn');
    const job: JobRecord = {
      seq: this.jobs.length + 1,
      id: uuidFrom(this.rand),
      createdAt: this.clock.now(),
      recoveryPoint: point,
      resourceType: p.ResourceType ?? point.resourceType,
      ...(p.IamRoleArn !== undefined ? { iamRoleArn: p.IamRoleArn } : {}),
      metadata: p.Metadata,
      ...(p.CopySourceTagsToRestoredResource !== undefined ? { copySourceTags: p.CopySourceTagsToRestoredResource } : {}),
      pendingMs: this.lifecycle.pendingMs ?? 30_000,
      runningMs: this.lifecycle.runningMs ?? 300_000,
      outcome: this.drawOutcome(),
    };
    this.jobs.push(job);
    this.byId.set(job.id, job);
    if (token !== undefined) this.tokens.set(token, { fingerprint, id: job.id });
    return { id: job.id, created: true };
  }

  /** A job that already exists (oldest first), following a status script rather than the clock. */
  seed(point: RecoveryPoint, statuses: readonly string[], createdAt: number): JobRecord {
    const job: JobRecord = {
      seq: this.jobs.length + 1,
      id: uuidFrom(this.rand),
      createdAt,
      recoveryPoint: point,
      resourceType: point.resourceType,
      metadata: {},
      pendingMs: this.lifecycle.pendingMs ?? 30_000,
      runningMs: this.lifecycle.runningMs ?? 300_000,
      outcome: 'COMPLETED',
      script: { statuses, step: 0 },
    };
    this.jobs.push(job);
    this.byId.set(job.id, job);
    return job;
  }

  /** One observation of a job: a scripted job moves to its next status. */
  observe(job: JobRecord): void {
    if (job.script) job.script.step++;
  }

  get(id: string): JobRecord | undefined {
    return this.byId.get(id);
  }

  /** In start order (seq ascending). */
  all(): readonly JobRecord[] {
    return this.jobs;
  }

  /** The job as DescribeRestoreJob / ListRestoreJobs show it now. */
  view(job: JobRecord, now = this.clock.now()): Record<string, unknown> {
    const age = now - job.createdAt;
    const done = job.createdAt + job.pendingMs + job.runningMs;
    const script = job.script;
    const status = script ? script.statuses[Math.min(script.step, script.statuses.length - 1)]!
      : age < job.pendingMs ? 'PENDING' : now < done ? 'RUNNING' : job.outcome;
    const terminal = status !== 'PENDING' && status !== 'RUNNING';
    // a job that fails or is aborted stops half way; a scripted one runs in steps of its script
    const running = script ? Math.min(99, (100 * (script.step + 1)) / (script.statuses.length + 1)) : (100 * (age - job.pendingMs)) / job.runningMs;
    const pct = status === 'PENDING' ? 0 : terminal ? (status === 'COMPLETED' ? 100 : 50) : running;
    const p = job.recoveryPoint;
    return {
      AccountId: p.accountId,
      RestoreJobId: job.id,
      RecoveryPointArn: p.arn,
      SourceResourceArn: p.sourceResourceArn,
      BackupVaultArn: p.backupVaultArn,
      CreationDate: new Date(job.createdAt),
      ...(terminal ? { CompletionDate: new Date(done) } : {}),
      Status: status,
      StatusMessage: terminal ? (OUTCOME_MESSAGE as Record<string, string>)[status] ?? status : status === 'RUNNING' ? 'Restoring.' : 'Waiting to start.',
      PercentDone: `${pct.toFixed(2)}%`,
      BackupSizeInBytes: p.backupSizeInBytes,
      ...(job.iamRoleArn !== undefined ? { IamRoleArn: job.iamRoleArn } : {}),
      ExpectedCompletionTimeMinutes: Math.ceil((job.pendingMs + job.runningMs) / 60_000),
      ...(status === 'COMPLETED' ? { CreatedResourceArn: `${p.sourceResourceArn}-restored-${job.id.slice(0, 8).toLowerCase()}` } : {}),
      ResourceType: job.resourceType,
      RecoveryPointCreationDate: p.creationDate,
      IsParent: false,
    };
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

export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}
