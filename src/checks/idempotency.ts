// A repeated idempotency token with the same parameters answers the same job and adds no job.
import type { Finding } from './types.ts';

export interface IdempotencyRecord {
  operation: string;
  firstId?: string;
  secondId?: string;
  countBefore: number;
  countAfter: number;
}

export function checkIdempotency(r: IdempotencyRecord): Finding[] {
  const out: Finding[] = [];
  if (!r.firstId || r.firstId !== r.secondId) {
    out.push({ check: 'idempotency', operation: r.operation, received: `a repeated token answered ${r.secondId ?? 'no id'} after ${r.firstId ?? 'no id'}`, documented: 'the same RestoreJobId for the same IdempotencyToken and parameters' });
  }
  if (r.countAfter - r.countBefore !== 1) {
    out.push({ check: 'idempotency', operation: r.operation, received: `${r.countAfter - r.countBefore} job(s) added by two identical requests`, documented: 'exactly one job (a retry with the same token takes no action)' });
  }
  return out;
}
