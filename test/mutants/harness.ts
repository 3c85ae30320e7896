// Runs the conformance suite (default budget) against a mock, in-process.
import { createMock, ManualClock } from '../../src/mock/index.ts';
import { loadBackupModel } from '../../src/model/load.ts';
import { runConformance } from '../../src/runner/run.ts';
import type { RunResult } from '../../src/runner/types.ts';
import { fetchFunctionTarget } from '../../src/targets/fetch-target.ts';
import type { FetchFn } from './kit.ts';

export async function runAgainst(wrap: (inner: FetchFn) => FetchFn, seed: number, runs = 100): Promise<RunResult> {
  const model = await loadBackupModel();
  const clock = new ManualClock();
  const mock = await createMock({ model, clock });
  const target = fetchFunctionTarget(wrap((r) => mock.fetch(r)), { name: 'mutant', origin: 'https://backup.us-east-1.amazonaws.com', timeoutMs: 2000 });
  try {
    return await runConformance({ model, target, runs, seed, recoveryPoints: mock.store.recoveryPoints().map((p) => p.arn), advance: (ms) => clock.advance(ms) });
  } finally {
    await target.close();
  }
}
