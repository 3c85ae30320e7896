// A job as DescribeRestoreJob / ListRestoreJobs show it at a given instant: its status a function of
// the clock (or of its script), with the values of its recovery point.
import type { JobRecord, Outcome } from './job-record.ts';

const OUTCOME_MESSAGE: Record<Outcome, string> = {
  COMPLETED: 'Restore completed.',
  FAILED: 'Restore failed: the target resource could not be created.',
  ABORTED: 'Restore aborted.',
};

export function jobView(job: JobRecord, now: number): Record<string, unknown> {
  const age = now - job.createdAt;
  const done = job.createdAt + job.pendingMs + job.runningMs;
  const script = job.script;
  const status = script
    ? script.statuses[Math.min(script.step, script.statuses.length - 1)]!
    : age < job.pendingMs
      ? 'PENDING'
      : now < done
        ? 'RUNNING'
        : job.outcome;
  const terminal = status !== 'PENDING' && status !== 'RUNNING';
  // a job that fails or is aborted stops half way; a scripted one runs in steps of its script
  const running = script
    ? Math.min(99, (100 * (script.step + 1)) / (script.statuses.length + 1))
    : (100 * (age - job.pendingMs)) / job.runningMs;
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
    StatusMessage: terminal
      ? ((OUTCOME_MESSAGE as Record<string, string>)[status] ?? status)
      : status === 'RUNNING'
        ? 'Restoring.'
        : 'Waiting to start.',
    PercentDone: `${pct.toFixed(2)}%`,
    BackupSizeInBytes: p.backupSizeInBytes,
    ...(job.iamRoleArn !== undefined ? { IamRoleArn: job.iamRoleArn } : {}),
    ExpectedCompletionTimeMinutes: Math.ceil((job.pendingMs + job.runningMs) / 60_000),
    ...(status === 'COMPLETED'
      ? { CreatedResourceArn: `${p.sourceResourceArn}-restored-${job.id.slice(0, 8).toLowerCase()}` }
      : {}),
    ResourceType: job.resourceType,
    RecoveryPointCreationDate: p.creationDate,
    IsParent: false,
  };
}
