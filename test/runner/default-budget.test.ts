// The default random budget: 25 cases per operation, 100 for the operations of a job family (the restore
// jobs); `runs: N` gives every operation N. Counted on the cases the not-a-server-error check judged
// (every exchange of the boundary and random phases).
import { describe, expect, it } from 'vitest';
import { createMock, ManualClock } from '../../src/mock/index.ts';
import { loadBackupModel } from '../../src/model/load.ts';
import { DEFAULT_RUNS, runConformance } from '../../src/runner/run.ts';
import type { RunResult } from '../../src/runner/types.ts';
import { builtinTarget } from '../../src/targets/select.ts';

const OPS = ['ListRestoreJobs', 'ListBackupVaults'];

async function run(runs?: number): Promise<RunResult> {
  const model = await loadBackupModel();
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const mock = await createMock({ model, clock, seed: 1 });
  const target = builtinTarget(mock, 5_000);
  try {
    return await runConformance({
      model,
      target,
      operations: OPS,
      seed: 1,
      checks: ['not-a-server-error'],
      recoveryPoints: mock.store.recoveryPoints().map((p) => p.arn),
      advance: (ms) => clock.advance(ms),
      ...(runs !== undefined ? { runs } : {}),
    });
  } finally {
    await target.close();
  }
}

const cases = (r: RunResult, op: string) => r.cells.find((c) => c.operation === op)!.cases;

describe('the default random budget', () => {
  it('gives the restore-job operations 100 random cases, the others 25; runs: N gives each N', async () => {
    const byDefault = await run();
    const flat = await run(DEFAULT_RUNS.other);
    expect(DEFAULT_RUNS).toEqual({ deep: 100, other: 25 });
    expect(byDefault.runs).toBe(25);
    expect(byDefault.notes.join('\n')).toMatch(
      /default budget: 25 random cases per operation, 100 for .*ListRestoreJobs/,
    );
    expect(flat.notes.join('\n')).not.toMatch(/default budget/);
    // the same boundary cases and seed: only the restore-job operation's random cases differ, by 75
    expect(cases(byDefault, 'ListBackupVaults')).toBe(cases(flat, 'ListBackupVaults'));
    expect(cases(byDefault, 'ListRestoreJobs') - cases(flat, 'ListRestoreJobs')).toBe(75);
  }, 120_000);
});
