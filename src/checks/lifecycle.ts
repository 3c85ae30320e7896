// A started job, followed: listed and described as started, status only forward, CompletionDate ≥
// CreationDate once terminal.
import type { Finding } from './types.ts';

export const STATUS_ORDER: Record<string, number> = { PENDING: 0, RUNNING: 1, COMPLETED: 2, FAILED: 2, ABORTED: 2 };

export interface LifecycleRecord {
  operation: string;
  started: Record<string, unknown>;
  listed?: Record<string, unknown>;
  describes: Record<string, unknown>[];
}

const time = (v: unknown) => (v instanceof Date ? v.getTime() : NaN);

export function checkLifecycle(r: LifecycleRecord): Finding[] {
  const out: Finding[] = [];
  const f = (received: string, documented: string) => out.push({ check: 'lifecycle', operation: r.operation, received, documented });
  if (!r.listed) f('the started job is not in the listing', 'a started job is listed');
  for (const key of ['RecoveryPointArn', 'IamRoleArn', 'ResourceType'] as const) {
    if (r.started[key] === undefined) continue;
    for (const [where, v] of [['listed', r.listed], ['described', r.describes[0]]] as const) {
      if (v && v[key] !== r.started[key]) f(`${where} ${key} = ${String(v[key])}`, `${key} as started: ${String(r.started[key])}`);
    }
  }
  let rank = -1;
  for (const d of r.describes) {
    const s = String(d.Status);
    const k = STATUS_ORDER[s];
    if (k === undefined) continue; // an unknown status is status-enums' to report
    if (k < rank) f(`status went back to ${s}`, 'status moves only forward: PENDING → RUNNING → COMPLETED | FAILED | ABORTED');
    rank = Math.max(rank, k);
    if (k === 2 && !(time(d.CompletionDate) >= time(d.CreationDate))) f(`${s} with CompletionDate ${String(d.CompletionDate)} before CreationDate ${String(d.CreationDate)}`, 'CompletionDate ≥ CreationDate once terminal');
  }
  return out;
}
