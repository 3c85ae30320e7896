// The run over every operation: against the built-in mock (restore jobs conform; an operation the mock
// does not serve is 'not-implemented', never anything else) and against moto when it is installed
// (the operations moto does not implement are named; those it does get real verdicts, and the
// findings verified against the API Reference are reported).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli.ts';
import { loadBackupModel } from '../../src/model/load.ts';
import { RESTORE_OPERATIONS, runConformance } from '../../src/runner/run.ts';
import type { OperationVerdict, RunEvent, RunResult } from '../../src/runner/types.ts';
import { selectTarget } from '../../src/targets/select.ts';
import { has } from '../mock/interop.ts';
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

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** What moto (5.x) serves of Backup: its url table routes these, and they answer as themselves. */
const MOTO_SERVES = [
  'CreateBackupVault',
  'DescribeBackupVault',
  'ListBackupVaults',
  'DeleteBackupVault',
  'CreateBackupPlan',
  'GetBackupPlan',
  'ListBackupPlans',
  'DeleteBackupPlan',
  'PutBackupVaultLockConfiguration',
  'DeleteBackupVaultLockConfiguration',
  'ListTags',
  'TagResource',
  'UntagResource',
  'CreateReportPlan',
  'DescribeReportPlan',
  'ListReportPlans',
  'DeleteReportPlan',
];

const HAS_MOTO = has('moto_server', ['--help']);
describe.skipIf(!HAS_MOTO)('every operation against moto', () => {
  it('completes, exits 1, names what moto does not implement, judges what it does', async () => {
    const port = await freePort();
    const moto = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
    try {
      for (let i = 0; i < 100; i++) {
        const up = await fetch(`http://127.0.0.1:${port}/moto-api/`).then(
          () => true,
          () => false,
        );
        if (up) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      const dir = mkdtempSync(join(tmpdir(), 'moto-'));
      const r = await runCli(
        'run',
        '--target',
        `endpoint:http://127.0.0.1:${port}`,
        '--out',
        dir,
        '--runs',
        '10',
        '--seed',
        '5',
        '--reporter',
        'json',
      );
      expect(r.code, r.err.slice(0, 2000)).toBe(EXIT.findings);
      const res = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as RunResult & {
        results: RunResult['cells'];
      };
      const verdict = (op: string): OperationVerdict => res.operations!.find((v) => v.operation === op)!;
      for (const op of RESTORE_OPERATIONS) {
        expect(verdict(op).verdict).toBe('not-implemented');
        expect(res.notes.join('\n')).toMatch(new RegExp(`${op}: not implemented by the target`));
      }
      for (const op of MOTO_SERVES) expect(verdict(op).verdict, op).not.toBe('not-implemented');
      const failed = (check: string, op: string) =>
        res.results.find((c) => c.check === check && c.operation === op && c.status === 'failed');
      // verified against the API Reference: DeleteBackupVault documents ResourceNotFoundException for a
      // vault that does not exist (API_DeleteBackupVault.html#API_DeleteBackupVault_Errors); moto answers 200
      expect(failed('unknown-resource', 'DeleteBackupVault')?.details[0]?.received).toMatch(
        /accepted: HTTP 200/,
      );
      // likewise DeleteReportPlan (API_DeleteReportPlan.html#API_DeleteReportPlan_Errors)
      expect(failed('unknown-resource', 'DeleteReportPlan')?.details[0]?.received).toMatch(
        /accepted: HTTP 200/,
      );
      // MaxResults: "The maximum number of items to be returned" (API_ListBackupVaults.html); moto ignores it
      expect(
        failed('pagination', 'ListBackupVaults')
          ?.details.map((d) => d.received)
          .join('\n'),
      ).toMatch(/page 1 has \d+ items/);
      // what the run created is gone again: no vault or report plan it named is left
      const model = await loadBackupModel();
      const t = await selectTarget(`endpoint:http://127.0.0.1:${port}`, { model, timeoutMs: 5000 });
      const vaults = await t.target.sendSdk('ListBackupVaults', {});
      const plans = await t.target.sendSdk('ListReportPlans', {});
      await t.target.close();
      expect(vaults.status).toBe(200);
      expect(JSON.stringify([vaults.output, plans.output])).not.toMatch(/conformance[-_]5[-_]/);
    } finally {
      moto.kill();
    }
  }, 300_000);
});
if (!HAS_MOTO) console.warn('skipped: moto_server is not installed on this machine');
