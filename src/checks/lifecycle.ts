// A started job, followed: listed and described as started, status only forward, CompletionDate ≥
// CreationDate once terminal.
import { lifecycleForOperation } from '../model/service-facts.ts';
import type { Finding } from './types.ts';

export interface LifecycleRecord {
  operation: string;
  started: Record<string, unknown>;
  listed?: Record<string, unknown>;
  describes: Record<string, unknown>[];
}

/** PENDING → RUNNING → COMPLETED | FAILED | ABORTED, from the ranks */
export const order = (ranks: Record<string, number>): string =>
  [...new Set(Object.values(ranks))]
    .sort((a, b) => a - b)
    .map((k) =>
      Object.keys(ranks)
        .filter((s) => ranks[s] === k)
        .join(' | '),
    )
    .join(' → ');

const time = (v: unknown) => (v instanceof Date ? v.getTime() : NaN);

export function checkLifecycle(r: LifecycleRecord): Finding[] {
  const out: Finding[] = [];
  const f = (received: string, documented: string) =>
    out.push({ check: 'lifecycle', operation: r.operation, received, documented });
  if (!r.listed) f('the started job is not in the listing', 'a started job is listed');
  for (const key of ['RecoveryPointArn', 'IamRoleArn', 'ResourceType'] as const) {
    if (r.started[key] === undefined) continue;
    for (const [where, v] of [
      ['listed', r.listed],
      ['described', r.describes[0]],
    ] as const) {
      if (v && v[key] !== r.started[key])
        f(`${where} ${key} = ${String(v[key])}`, `${key} as started: ${String(r.started[key])}`);
    }
  }
  // the lifecycle is data (spec/overlay/behaviour.json); an operation without one has no order to judge
  const life = lifecycleForOperation(r.operation);
  const ranks = life?.ranks ?? {};
  let rank = -1;
  for (const d of r.describes) {
    const s = String(d[life?.member ?? 'Status']);
    const k = ranks[s];
    if (k === undefined) continue; // an unknown status is status-enums' to report
    if (k < rank)
      f(
        `status went back to ${s}`,
        `status moves only forward (${order(ranks)}; ${life?.source ?? 'the documented lifecycle'})`,
      );
    rank = Math.max(rank, k);
    if (life?.terminal.includes(s) && !(time(d.CompletionDate) >= time(d.CreationDate)))
      f(
        `${s} with CompletionDate ${String(d.CompletionDate)} before CreationDate ${String(d.CreationDate)}`,
        'CompletionDate ≥ CreationDate once terminal',
      );
  }
  return out;
}
