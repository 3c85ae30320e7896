// Service behaviours for fast-check: the many ways AWS may legitimately answer, which the reference mock
// then follows (createMock({ behaviour })). Every part shrinks towards "fewer jobs, shorter scripts,
// full pages, no faults, no latency", so a failing property ends at the smallest behaviour that breaks it.
import { DEFAULT_MAX_ATTEMPTS } from '@smithy/core/retry';
import fc from 'fast-check';
import {
  jobStatuses,
  retryableBySdk,
  type FailureKind,
  type FaultBurst,
  type ScriptedJob,
  type ServiceBehaviour,
} from '../src/mock/behaviour.ts';
import { lifecycleOf } from '../src/model/service-facts.ts';
import type { ServiceModel } from '../src/model/types.ts';

const STATUS_ORDER = lifecycleOf('RestoreJob')?.ranks ?? {};

export interface BehaviourOptions {
  /** how many jobs exist before the test (default 0..12) */
  minJobs?: number;
  maxJobs?: number;
  /** the most times a job shows each non-terminal status before moving on (default 3) */
  maxSteps?: number;
  /** the terminal statuses jobs may end in (default every documented one); [] leaves jobs running forever */
  endIn?: string[];
  /** page sizes the service chooses, 0..maxPageSize, for up to maxPages pages (defaults 4 and 6) */
  maxPageSize?: number;
  maxPages?: number;
  /** the failures bursts may be made of (default throttle, unavailable, drop) */
  failures?: FailureKind[];
  /** the longest burst (default: what the SDK's default retries absorb, DEFAULT_MAX_ATTEMPTS − 1 = 2) */
  maxBurst?: number;
  maxBursts?: number;
  /** latency added to early requests, 0..maxLatencyMs ms (default 2) */
  maxLatencyMs?: number;
}

export class BehaviourOptionError extends Error {
  readonly code = 'E_GENERATOR_ARGS';
}

function checked(model: ServiceModel, o: BehaviourOptions) {
  const whole = (name: keyof BehaviourOptions, v: number, min: number) => {
    if (!Number.isInteger(v) || v < min)
      throw new BehaviourOptionError(`serviceBehaviour: ${name} must be a whole number ≥ ${min}, got ${v}`);
    return v;
  };
  const statuses = jobStatuses(model);
  const terminal = Math.max(...statuses.map((s) => STATUS_ORDER[s]!));
  const ends = o.endIn ?? statuses.filter((s) => STATUS_ORDER[s] === terminal);
  for (const s of ends) {
    if (STATUS_ORDER[s] !== terminal || !statuses.includes(s))
      throw new BehaviourOptionError(
        `serviceBehaviour: endIn has ${JSON.stringify(s)}, not a documented terminal status`,
      );
  }
  const failures = o.failures ?? ['throttle', 'unavailable', 'drop'];
  for (const f of failures)
    if (!['throttle', 'unavailable', 'drop'].includes(f))
      throw new BehaviourOptionError(
        `serviceBehaviour: failures has ${JSON.stringify(f)}; expected throttle, unavailable or drop`,
      );
  const minJobs = whole('minJobs', o.minJobs ?? 0, 0);
  const maxJobs = whole('maxJobs', o.maxJobs ?? Math.max(12, minJobs), minJobs);
  return {
    minJobs,
    maxJobs,
    ends,
    failures,
    running: statuses.filter((s) => STATUS_ORDER[s]! < terminal),
    maxSteps: whole('maxSteps', o.maxSteps ?? 3, 0),
    maxPageSize: whole('maxPageSize', o.maxPageSize ?? 4, 0),
    maxPages: whole('maxPages', o.maxPages ?? 6, 0),
    maxBurst: whole('maxBurst', o.maxBurst ?? DEFAULT_MAX_ATTEMPTS - 1, 1),
    maxBursts: whole('maxBursts', o.maxBursts ?? 4, 0),
    maxLatencyMs: whole('maxLatencyMs', o.maxLatencyMs ?? 2, 0),
  };
}

/** A service behaviour for `createMock({ behaviour })`; use it in `fc.property` or `test.prop`. */
export function serviceBehaviour(
  model: ServiceModel,
  options: BehaviourOptions = {},
): fc.Arbitrary<ServiceBehaviour> {
  const o = checked(model, options);
  // a script: each non-terminal status 0..maxSteps times, in lifecycle order, then a terminal one
  const steps = fc.tuple(...o.running.map(() => fc.nat({ max: o.maxSteps })));
  const end = o.ends.length ? fc.constantFrom(...o.ends) : fc.constant(undefined);
  const statuses = fc.tuple(steps, end).map(([counts, last]) => {
    const out = o.running.flatMap((s, i) => Array<string>(counts[i]!).fill(s));
    if (last !== undefined) out.push(last);
    return out.length ? out : [o.running[0]!];
  });
  const job: fc.Arbitrary<ScriptedJob> = fc.record({ recoveryPoint: fc.nat({ max: 1000 }), statuses });
  // bursts stay separate (at least one quiet request between them), so none is longer than maxBurst;
  // an array, not a oneof, so that shrinking can reach "no faults at all"
  const burst = (kinds: FailureKind[]): fc.Arbitrary<FaultBurst> =>
    fc
      .record({
        quietBefore: fc.integer({ min: 0, max: 6 }),
        kind: fc.constantFrom(...kinds),
        count: fc.integer({ min: 1, max: o.maxBurst }),
      })
      .map((b) => ({ ...b, retryable: retryableBySdk(model, b.kind) }));
  const faults =
    o.failures.length === 0 || o.maxBursts === 0
      ? fc.constant<FaultBurst[]>([])
      : fc
          .array(burst(o.failures), { maxLength: o.maxBursts })
          .map((bs) => bs.map((b, i) => (i === 0 ? b : { ...b, quietBefore: b.quietBefore + 1 })));
  return fc.record({
    jobs: fc.array(job, { minLength: o.minJobs, maxLength: o.maxJobs }),
    pageSizes: fc.array(fc.nat({ max: o.maxPageSize }), { maxLength: o.maxPages }),
    faults,
    latencyMs: fc.array(fc.nat({ max: o.maxLatencyMs }), { maxLength: 8 }),
  });
}
