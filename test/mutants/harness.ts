// Runs the conformance suite (default budget) against a mock, in-process.
import { seedHistory } from '../../src/mock/history.ts';
import { createMock, ManualClock, type MockOptions } from '../../src/mock/index.ts';
import { loadBackupModel } from '../../src/model/load.ts';
import { runConformance } from '../../src/runner/run.ts';
import type { RunResult } from '../../src/runner/types.ts';
import { fetchFunctionTarget } from '../../src/targets/fetch-target.ts';
import type { FetchFn } from './kit.ts';

/** `history`: past jobs seeded before the run; `mock`: options of the mock behind the wrapper;
 * `operations`: the operations the run covers (default: every one) */
export async function runAgainst(
  wrap: (inner: FetchFn) => FetchFn,
  seed: number,
  runs = 100,
  o: { history?: number; mock?: MockOptions; operations?: string[] } = {},
): Promise<RunResult> {
  const model = await loadBackupModel();
  const clock = new ManualClock();
  const mock = await createMock({ ...o.mock, model, clock });
  if (o.history) seedHistory(mock.store, model, o.history, { seed });
  const target = fetchFunctionTarget(
    wrap((r) => mock.fetch(r)),
    { name: 'mutant', origin: 'https://backup.us-east-1.amazonaws.com', timeoutMs: 20_000 },
  );
  try {
    return await runConformance({
      model,
      target,
      runs,
      seed,
      recoveryPoints: mock.store.recoveryPoints().map((p) => p.arn),
      advance: (ms) => clock.advance(ms),
      ...(o.operations ? { operations: o.operations } : {}),
    });
  } finally {
    await target.close();
  }
}
