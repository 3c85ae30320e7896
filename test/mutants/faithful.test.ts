// No false alarm: the faithful reference mock passes every check under 20 different seeds — the
// restore-job operations at the full budget, every operation at a smaller one — and so does every
// faithful variant (behaviour AWS allows) under a few.
import { describe, expect, it } from 'vitest';
import { RESTORE_OPERATIONS } from '../../src/runner/run.ts';
import { runAgainst } from './harness.ts';
import { VARIANTS } from './faithful-variants.ts';

const SEEDS = Array.from({ length: 20 }, (_, i) => 100 + i);

describe('the faithful mock', () => {
  it('passes every check on the restore-job operations under 20 seeds', async () => {
    const alarms: string[] = [];
    for (const seed of SEEDS) {
      const r = await runAgainst((inner) => inner, seed, 100, { operations: RESTORE_OPERATIONS });
      for (const c of r.cells.filter((x) => x.status !== 'passed'))
        alarms.push(
          `seed ${seed}: ${c.check} × ${c.operation} ${c.status}: ` +
            `${c.details[0]?.received ?? c.inconclusiveReason ?? c.skippedReason}`,
        );
    }
    expect(alarms).toEqual([]);
  }, 300_000);

  // every operation: no finding; a cell may be inconclusive only where the run could not set up what
  // the operation needs (an input no operation creates and no listing shows), never for the mock's sake
  it('has no finding on any operation under 20 seeds', async () => {
    const alarms: string[] = [];
    let conforming = 0;
    for (const seed of SEEDS) {
      const r = await runAgainst((inner) => inner, seed, 5);
      for (const c of r.cells.filter((x) => x.status === 'failed'))
        alarms.push(`seed ${seed}: ${c.check} × ${c.operation}: ${c.details[0]?.received}`);
      conforming += r.operations?.filter((o) => o.verdict === 'conforming').length ?? 0;
      for (const o of r.operations ?? [])
        if (o.verdict === 'findings' || o.verdict === 'not-implemented')
          alarms.push(`seed ${seed}: ${o.operation} ${o.verdict}: ${o.reason}`);
    }
    expect(alarms).toEqual([]);
    // most operations are judged, not set aside: at least 80 of 109 conform on average
    expect(conforming / SEEDS.length).toBeGreaterThanOrEqual(80);
  }, 600_000);

  for (const v of VARIANTS) {
    it(`variant ${v.id}: no finding`, async () => {
      const alarms: string[] = [];
      for (const seed of [1, 2, 3]) {
        const r = await runAgainst(v.wrap, seed, 60, {
          ...(v.history ? { history: v.history } : {}),
          ...(v.mock ? { mock: v.mock } : {}),
          operations: RESTORE_OPERATIONS,
        });
        for (const c of r.cells.filter((x) => x.status === 'failed'))
          alarms.push(`seed ${seed}: ${c.check} × ${c.operation}: ${c.details[0]?.received}`);
      }
      expect(alarms, v.description).toEqual([]);
    }, 120_000);
  }
});
