// A restore job as the store keeps it: its own module, so that the store and the view of a job
// (job-view.ts) can both name it without importing each other.
import type { RecoveryPoint } from './catalogue.ts';

export type Outcome = 'COMPLETED' | 'FAILED' | 'ABORTED';

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
  /** the IdempotencyToken it was started with, forgotten with the job */
  token?: string;
  metadataBytes: number;
  /** set once the store has forgotten the job (see JobStore's limits) */
  gone?: boolean;
}
