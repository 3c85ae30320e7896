// A service behaviour: one of the many ways AWS may legitimately answer, as plain data the mock follows —
// the jobs that exist and the statuses each shows in turn, how the service cuts listings into pages,
// bursts of throttling, 5xx answers and dropped connections, and latency. fast-check draws and shrinks
// it (generators/behaviours.ts); a test may also write one by hand to pin a counterexample.
import { isThrottlingError, isTransientError } from '@smithy/core/retry';
import { lifecycleOf } from '../model/service-facts.ts';
import type { ServiceModel } from '../model/types.ts';
import { droppedConnection } from '../wire/sdk-adapters.ts';
import { FAILURE_ERRORS, type FaultInjector, type FaultPlan } from './faults.ts';
import { modelled } from './http.ts';
import type { Lister } from './listing.ts';
import type { JobStore } from './store.ts';

export type FailureKind = 'throttle' | 'unavailable' | 'drop';

export interface ScriptedJob {
  /** which of the mock's recovery points the job restored from (an index, wrapped around) */
  recoveryPoint: number;
  /** the statuses the job shows, one per DescribeRestoreJob of it, the last one sticking; listings show
   * the current one. Only forward along PENDING → RUNNING → COMPLETED | FAILED | ABORTED. */
  statuses: string[];
}

export interface FaultBurst {
  /** requests answered normally before the burst (after the previous burst, at least one) */
  quietBefore: number;
  kind: FailureKind;
  /** consecutive requests that get the failure */
  count: number;
  /** whether the SDK's standard retry strategy retries this answer (see retryableBySdk) */
  retryable: boolean;
}

export interface ServiceBehaviour {
  /** jobs that exist before the test begins, oldest first */
  jobs: ScriptedJob[];
  /** jobs on the k-th page of every listing, capped by MaxResults; 0 is an empty page that still
   * carries a token while jobs remain; pages after these are full */
  pageSizes: number[];
  faults: FaultBurst[];
  /** delay added to the i-th request (0-based), ms */
  latencyMs: number[];
}

export class BehaviourError extends Error {
  readonly code = 'E_BEHAVIOUR';
}

const STATUS_ORDER = lifecycleOf('RestoreJob')?.ranks ?? {};
const TERMINAL = Math.max(...Object.values(STATUS_ORDER));
const KINDS: readonly FailureKind[] = ['throttle', 'unavailable', 'drop'];

/** The job statuses the spec documents, in lifecycle order. */
export function jobStatuses(model: ServiceModel): string[] {
  const enumOf = model.operations.DescribeRestoreJob?.output.members?.Status?.shape.enum;
  if (!enumOf) throw new BehaviourError(`${model.service}: DescribeRestoreJob has no documented Status enum`);
  return enumOf
    .filter((s) => STATUS_ORDER[s] !== undefined)
    .sort((a, b) => STATUS_ORDER[a]! - STATUS_ORDER[b]!);
}

/** Every problem with a behaviour, each naming the field and what was expected. */
export function behaviourProblems(model: ServiceModel, b: ServiceBehaviour): string[] {
  const out: string[] = [];
  const whole = (v: unknown, min: number) => Number.isInteger(v) && (v as number) >= min;
  if (!b || typeof b !== 'object')
    return ['behaviour: expected an object { jobs, pageSizes, faults, latencyMs }'];
  for (const k of ['jobs', 'pageSizes', 'faults', 'latencyMs'] as const)
    if (!Array.isArray(b[k])) out.push(`behaviour.${k}: expected an array`);
  if (out.length) return out;
  const statuses = jobStatuses(model);
  b.jobs.forEach((j, i) => {
    if (!whole(j?.recoveryPoint, 0))
      out.push(
        `behaviour.jobs[${i}].recoveryPoint: expected an index ≥ 0, got ${JSON.stringify(j?.recoveryPoint)}`,
      );
    if (!Array.isArray(j?.statuses) || j.statuses.length === 0)
      return void out.push(`behaviour.jobs[${i}].statuses: expected a non-empty array`);
    let prev: string | undefined;
    j.statuses.forEach((s, k) => {
      const at = `behaviour.jobs[${i}].statuses[${k}]`;
      if (!statuses.includes(s))
        return void out.push(
          `${at}: ${JSON.stringify(s)} is not a documented restore job status (${statuses.join(', ')})`,
        );
      if (
        prev !== undefined &&
        (STATUS_ORDER[s]! < STATUS_ORDER[prev]! || (STATUS_ORDER[prev] === TERMINAL && s !== prev))
      ) {
        out.push(
          `${at}: ${s} cannot follow ${prev} (statuses move only forward, and a terminal status stays)`,
        );
      }
      prev = s;
    });
  });
  b.pageSizes.forEach(
    (n, i) =>
      whole(n, 0) ||
      out.push(`behaviour.pageSizes[${i}]: expected a whole number ≥ 0, got ${JSON.stringify(n)}`),
  );
  b.latencyMs.forEach(
    (n, i) =>
      whole(n, 0) ||
      out.push(`behaviour.latencyMs[${i}]: expected whole milliseconds ≥ 0, got ${JSON.stringify(n)}`),
  );
  b.faults.forEach((f, i) => {
    const at = `behaviour.faults[${i}]`;
    if (!KINDS.includes(f?.kind))
      out.push(`${at}.kind: expected one of ${KINDS.join(', ')}, got ${JSON.stringify(f?.kind)}`);
    if (!whole(f?.count, 1))
      out.push(`${at}.count: expected a whole number ≥ 1, got ${JSON.stringify(f?.count)}`);
    if (!whole(f?.quietBefore, i === 0 ? 0 : 1))
      out.push(
        `${at}.quietBefore: expected a whole number ≥ ${i === 0 ? 0 : 1} (bursts are separate), ` +
          `got ${JSON.stringify(f?.quietBefore)}`,
      );
  });
  return out;
}

/** The fault schedule a behaviour stands for: bursts and latency by request number (1-based). */
export function faultSchedule(b: ServiceBehaviour): NonNullable<FaultPlan['schedule']> {
  const schedule: NonNullable<FaultPlan['schedule']> = [];
  let at = 0;
  for (const burst of b.faults) {
    at += burst.quietBefore;
    for (let i = 0; i < burst.count; i++) schedule.push({ at: ++at, fault: { kind: burst.kind } });
  }
  b.latencyMs.forEach((ms, i) => ms > 0 && schedule.push({ at: i + 1, fault: { kind: 'latency', ms } }));
  return schedule;
}

/** Makes a fresh mock follow the behaviour: seeds its jobs, its page sizes and its fault schedule. */
export function follow(
  target: { model: ServiceModel; store: JobStore; lister: Lister; faults: FaultInjector; plan?: FaultPlan },
  b: ServiceBehaviour,
): void {
  const problems = behaviourProblems(target.model, b);
  if (problems.length) throw new BehaviourError(`invalid service behaviour:\n  ${problems.join('\n  ')}`);
  if (target.store.size > 0)
    throw new BehaviourError('a behaviour seeds the jobs of a fresh mock; this one already has jobs');
  const points = target.store.recoveryPoints();
  if (points.length === 0 && b.jobs.length)
    throw new BehaviourError('behaviour.jobs: the mock has no recovery points to restore from');
  const now = target.store.clock.now();
  // oldest first, ten minutes apart, the newest an hour ago: every scripted completion is in the past
  b.jobs.forEach((j, i) =>
    target.store.seed(
      points[j.recoveryPoint % points.length]!,
      j.statuses,
      now - 3_600_000 - (b.jobs.length - 1 - i) * 600_000,
    ),
  );
  target.lister.pageSizes = [...b.pageSizes];
  target.faults.set({ ...target.plan, schedule: [...(target.plan?.schedule ?? []), ...faultSchedule(b)] });
}

/** Whether the SDK's standard retry strategy retries the answer a failure gets: judged by smithy's own
 * predicates (throttling or transient) on the error the SDK raises for it. */
type SdkError = Parameters<typeof isTransientError>[0];

export function retryableBySdk(model: ServiceModel, kind: FailureKind): boolean {
  const error: SdkError =
    kind === 'drop'
      ? (droppedConnection() as unknown as SdkError)
      : {
          name: FAILURE_ERRORS[kind],
          message: '',
          $metadata: {
            httpStatusCode: kind === 'throttle' ? 400 : modelled({ model }, FAILURE_ERRORS[kind], '').status,
          },
        };
  return isThrottlingError(error) || isTransientError(error);
}
