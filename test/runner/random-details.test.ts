// The random phase keeps a detail for every check it counts failed: where the shrunk case no longer
// fails that check (the target answered otherwise the second time), the first failing case is the detail.
import { describe, expect, it } from 'vitest';
import { loadBackupModel } from '../../src/model/load.ts';
import { runConformance } from '../../src/runner/run.ts';
import { selectTarget } from '../../src/targets/select.ts';
import type { Observed } from '../../src/targets/types.ts';

describe('random phase details', () => {
  it('a failure the target does not repeat keeps the first failing case as its detail', async () => {
    const model = await loadBackupModel();
    const selected = await selectTarget('builtin', { model, timeoutMs: 5000 });
    const op = 'DescribeBackupVault';
    let calls = 0;
    // the 12th request of the operation (past set-up and boundary cases: a random one) crashes, once
    const crash: Observed = { status: 500, headers: {}, body: '', ms: 0 };
    const base = selected.target;
    const target = {
      ...base,
      sendSdk: async (name: string, input: Record<string, unknown>) =>
        name === op && ++calls === 12 ? crash : base.sendSdk(name, input),
      sendHttp: base.sendHttp.bind(base),
      close: base.close.bind(base),
    };
    const r = await runConformance({
      model,
      target,
      operations: [op],
      checks: ['not-a-server-error'],
      runs: 20,
      seed: 5,
      recoveryPoints: selected.recoveryPoints,
    });
    await base.close();
    const cell = r.cells.find((c) => c.check === 'not-a-server-error' && c.operation === op)!;
    expect(cell.status).toBe('failed');
    expect(cell.details.map((d) => [d.phase, d.received])).toEqual([
      ['random', expect.stringMatching(/^HTTP 500/)],
    ]);
  });
});
