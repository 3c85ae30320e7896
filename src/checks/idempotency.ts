// A repeated idempotency token with the same parameters answers the same job and adds no job; the
// same token with other parameters is a client error, never a silent success.
import type { Finding } from './types.ts';

export interface IdempotencyRecord {
  operation: string;
  firstId?: string;
  secondId?: string;
  /** listing sizes around the repeat; absent when the listing could not be read */
  countBefore?: number;
  countAfter?: number;
  /** the answer to the same token with other parameters */
  conflicting?: { status?: number; id?: string };
}

export function checkIdempotency(r: IdempotencyRecord): Finding[] {
  const out: Finding[] = [];
  if (!r.firstId || r.firstId !== r.secondId) {
    out.push({
      check: 'idempotency',
      operation: r.operation,
      received: `a repeated token answered ${r.secondId ?? 'no id'} after ${r.firstId ?? 'no id'}`,
      documented: 'the same RestoreJobId for the same IdempotencyToken and parameters',
    });
  }
  if (r.countBefore !== undefined && r.countAfter !== undefined && r.countAfter - r.countBefore !== 1) {
    out.push({
      check: 'idempotency',
      operation: r.operation,
      received: `${r.countAfter - r.countBefore} job(s) added by two identical requests`,
      documented: 'exactly one job (a retry with the same token takes no action)',
    });
  }
  const c = r.conflicting;
  if (c && !(c.status !== undefined && c.status >= 400 && c.status < 500)) {
    out.push({
      check: 'idempotency',
      operation: r.operation,
      received:
        `the same token with other parameters answered HTTP ${c.status ?? '(none)'}` +
        `${c.id ? ` with ${c.id}` : ''}`,
      documented: 'a client error (4xx): the token already names another request',
    });
  }
  return out;
}
