// No false alarm: the faithful reference mock passes every check under 20 different seeds, and so does
// every faithful variant (behaviour AWS allows) under a few.
import { describe, expect, it } from 'vitest';
import { runAgainst } from './harness.ts';
import { VARIANTS } from './faithful-variants.ts';

describe('the faithful mock', () => {
  it('passes every check under 20 seeds', async () => {
    const alarms: string[] = [];
    for (let seed = 100; seed < 120; seed++) {
      const r = await runAgainst((inner) => inner, seed);
      for (const c of r.cells.filter((x) => x.status !== 'passed'))
        alarms.push(
          `seed ${seed}: ${c.check} × ${c.operation} ${c.status}: ` +
            `${c.details[0]?.received ?? c.inconclusiveReason ?? c.skippedReason}`,
        );
    }
    expect(alarms).toEqual([]);
  }, 300_000);

  for (const v of VARIANTS) {
    it(`variant ${v.id}: no finding`, async () => {
      const alarms: string[] = [];
      for (const seed of [1, 2, 3]) {
        const r = await runAgainst(v.wrap, seed, 60, {
          ...(v.history ? { history: v.history } : {}),
          ...(v.mock ? { mock: v.mock } : {}),
        });
        for (const c of r.cells.filter((x) => x.status === 'failed'))
          alarms.push(`seed ${seed}: ${c.check} × ${c.operation}: ${c.details[0]?.received}`);
      }
      expect(alarms, v.description).toEqual([]);
    }, 120_000);
  }
});
