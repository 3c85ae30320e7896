// Time for the mock: real by default, or a manual clock a test steps forward.
export interface Clock {
  now(): number;
}

export const realClock: Clock = { now: () => Date.now() };

export class ManualClock implements Clock {
  constructor(private t = Date.parse('2026-01-01T00:00:00Z')) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`advance takes a duration ≥ 0 ms, got ${ms}`);
    this.t += ms;
  }
}
