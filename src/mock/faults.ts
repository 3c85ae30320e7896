// Faults on demand, so that code wrapping the SDK can be tested against its retries: a schedule
// (the Nth request gets this fault) and/or probabilities, drawn from a seed.
import { seeded } from './random.ts';

export type FaultKind = 'throttle' | 'unavailable' | 'drop' | 'latency';

/** The exception each injected failure answers with (a dropped connection answers nothing). */
export const FAILURE_ERRORS = {
  throttle: 'ThrottlingException',
  unavailable: 'ServiceUnavailableException',
} as const;

export interface Fault {
  kind: FaultKind;
  /** for latency: added delay in ms */
  ms?: number;
}

export interface FaultPlan {
  /** 1-based request numbers (counted from when the plan was set) and what they get */
  schedule?: { at: number; fault: Fault }[];
  /** probability per request of each fault, 0..1 */
  throttle?: number;
  unavailable?: number;
  drop?: number;
  /** added to every request: a fixed delay, or a range drawn uniformly */
  latencyMs?: number | [number, number];
  seed?: number;
}

export class FaultInjector {
  private plan: FaultPlan = {};
  private count = 0;
  private rand = seeded(1);

  set(plan: FaultPlan): void {
    for (const k of ['throttle', 'unavailable', 'drop'] as const) {
      const p = plan[k];
      if (p !== undefined && !(p >= 0 && p <= 1))
        throw new RangeError(`faults.${k} must be a probability in 0..1, got ${p}`);
    }
    this.plan = plan;
    this.count = 0;
    this.rand = seeded(plan.seed ?? 1);
  }

  /** requests answered since the plan was set */
  get requests(): number {
    return this.count;
  }

  clear(): void {
    this.set({});
  }

  /** The faults for the next request: at most one failure, plus any latency. */
  next(): { failure?: Exclude<FaultKind, 'latency'>; delayMs: number } {
    this.count++;
    const p = this.plan;
    const scheduled = p.schedule?.filter((s) => s.at === this.count).map((s) => s.fault) ?? [];
    let delayMs = scheduled.filter((f) => f.kind === 'latency').reduce((a, f) => a + (f.ms ?? 0), 0);
    if (typeof p.latencyMs === 'number') delayMs += p.latencyMs;
    else if (p.latencyMs) delayMs += p.latencyMs[0] + this.rand() * (p.latencyMs[1] - p.latencyMs[0]);
    const hit = scheduled.find((f) => f.kind !== 'latency')?.kind as
      | Exclude<FaultKind, 'latency'>
      | undefined;
    if (hit) return { failure: hit, delayMs };
    for (const k of ['throttle', 'unavailable', 'drop'] as const) {
      if (p[k] && this.rand() < p[k]!) return { failure: k, delayMs };
    }
    return { delayMs };
  }
}

/** `--faults throttle=0.05,unavailable=0.01,drop=0.001` and `--latency 20..200` (or one number of ms)
 * as a FaultPlan; a bad value throws a RangeError naming the flag, the part and what was expected. */
export function faultPlanFromFlags(
  faults: string | undefined,
  latency: string | undefined,
  seed?: number,
): FaultPlan {
  const plan: FaultPlan = seed === undefined ? {} : { seed };
  for (const part of faults ? faults.split(',') : []) {
    const [k, v, extra] = part.split('=').map((s) => s.trim());
    if (k !== 'throttle' && k !== 'unavailable' && k !== 'drop') {
      throw new RangeError(
        `--faults: '${part}' names no fault; expected throttle=<p>, unavailable=<p> or drop=<p>`,
      );
    }
    const p = v === undefined || v === '' || extra !== undefined ? NaN : Number(v);
    if (!(p >= 0 && p <= 1))
      throw new RangeError(`--faults: ${k} must be a probability 0..1, got '${v ?? ''}'`);
    if (plan[k] !== undefined) throw new RangeError(`--faults: ${k} is given twice`);
    plan[k] = p;
  }
  if (latency !== undefined) {
    const m = /^(\d+)(?:\.\.(\d+))?$/.exec(latency.trim());
    const [lo, hi] = m ? [Number(m[1]), Number(m[2] ?? m[1])] : [NaN, NaN];
    if (!m || hi < lo || hi > 600_000)
      throw new RangeError(
        `--latency must be milliseconds, one number or a range lo..hi (lo ≤ hi ≤ 600000), got '${latency}'`,
      );
    plan.latencyMs = lo === hi ? lo : [lo, hi];
  }
  return plan;
}
