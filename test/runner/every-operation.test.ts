// The run over every operation against the built-in mock (restore jobs conform; an operation the mock
// does not serve is 'not-implemented', never anything else). Against moto: moto.test.ts.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli.ts';
import { loadBackupModel } from '../../src/model/load.ts';
import { RESTORE_OPERATIONS, runConformance } from '../../src/runner/run.ts';
import type { RunEvent, RunResult } from '../../src/runner/types.ts';
import { selectTarget } from '../../src/targets/select.ts';
import { runCli } from '../support/cli.ts';

describe('every operation against the built-in mock', () => {
  const title = 'covers all of them in one run: each conforms or cannot be set up, none fails';
  it(title, async () => {
    const model = await loadBackupModel();
    const selected = await selectTarget('builtin', { model, timeoutMs: 5000 });
    const events: RunEvent[] = [];
    const r = await runConformance({
      model,
      target: selected.target,
      runs: 5,
      seed: 13,
      recoveryPoints: selected.recoveryPoints,
      ...(selected.advance ? { advance: selected.advance } : {}),
      onEvent: (e) => events.push(e),
    });
    await selected.target.close();
    const all = Object.values(model.operations).filter((op) => op.http);
    expect(r.operations!.map((v) => v.operation)).toEqual(all.map((op) => op.name));
    for (const name of RESTORE_OPERATIONS) {
      const v = r.operations!.find((x) => x.operation === name)!;
      expect(v.verdict, `${name}: ${v.reason}`).toBe('conforming');
      expect(r.cells.filter((c) => c.operation === name && c.status === 'failed')).toEqual([]);
    }
    // the mock serves every operation: each conforms, or its inputs could not be set up (never a
    // finding, never 'not implemented'), and no cell fails
    const off = r.operations!.filter((v) => !['conforming', 'cannot-set-up'].includes(v.verdict));
    expect(off).toEqual([]);
    expect(r.cells.filter((c) => c.status === 'failed').map((c) => `${c.check} × ${c.operation}`)).toEqual(
      [],
    );
    expect(r.operations!.filter((v) => v.verdict === 'conforming').length).toBeGreaterThanOrEqual(80);
    for (const v of r.operations!) {
      expect(v.requests, v.operation).toBeGreaterThan(0);
      expect(v.access).toBe(model.operations[v.operation]!.http!.method === 'GET' ? 'read' : 'mutating');
    }
    expect(r.operations!.find((v) => v.operation === 'CreateBackupVault')!.family).toBe('BackupVault');
    // one progress event per operation, numbered 1…N of N
    const ops = events.filter((e): e is Extract<RunEvent, { kind: 'operation' }> => e.kind === 'operation');
    expect(ops.map((e) => e.index)).toEqual(all.map((_, i) => i + 1));
    expect(new Set(ops.map((e) => e.total))).toEqual(new Set([all.length]));
    expect(r.timings.phases).toEqual(expect.objectContaining({ setup: expect.any(Number) }));
  }, 180_000);

  it('--checks status-enums is the output-enums check under its former name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'every-'));
    const r = await runCli(
      'run',
      '--out',
      dir,
      '--reporter',
      'json',
      '--runs',
      '5',
      '--seed',
      '2',
      '--operations',
      'ListRestoreJobs',
      '--checks',
      'status-enums',
    );
    expect(r.code, r.err).toBe(EXIT.ok);
    const res = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as RunResult & {
      results: { check: string; status: string }[];
    };
    expect(res.results.map((c) => c.check)).toEqual(['output-enums']);
    expect(res.results[0]!.status).toBe('passed');
  }, 60_000);
});

// the run against moto: test/runner/moto.test.ts
