// The run over every operation against moto (`moto_server`, when it is on the machine): it completes,
// exits 1, names the operations moto does not implement (their cells folded into that verdict), and
// reports moto's real non-conformances — each verified by hand against the API Reference and listed,
// with its documentation and a reproduction command, in docs/moto-findings.md.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli.ts';
import { loadBackupModel } from '../../src/model/load.ts';
import { RESTORE_OPERATIONS } from '../../src/runner/run.ts';
import type { Cell, OperationVerdict, RunResult } from '../../src/runner/types.ts';
import { selectTarget } from '../../src/targets/select.ts';
import { has } from '../mock/interop.ts';
import { runCli } from '../support/cli.ts';

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

/** The verified findings (docs/moto-findings.md, by number): check × operation, and what was received. */
const VERIFIED: [number, string, string, RegExp][] = [
  [1, 'unknown-resource', 'DeleteBackupVault', /^accepted: HTTP 200$/],
  [2, 'unknown-resource', 'DeleteReportPlan', /^accepted: HTTP 200$/],
  [3, 'negative-rejection', 'ListTags', /^accepted: HTTP 200 for unknown-resource of ResourceArn$/],
  [3, 'negative-rejection', 'TagResource', /^accepted: HTTP 200 for unknown-resource of ResourceArn$/],
  [3, 'negative-rejection', 'UntagResource', /^accepted: HTTP 200 for unknown-resource of ResourceArn$/],
  [4, 'pagination', 'ListBackupVaults', /^page 1 has \d+ items$/],
  [4, 'pagination', 'ListBackupPlans', /^page 1 has \d+ items$/],
  [5, 'negative-rejection', 'ListReportPlans', /^accepted: HTTP 200 for out-of-range of MaxResults$/],
  [5, 'negative-rejection', 'ListBackupVaults', /^accepted: HTTP 200 for out-of-range of MaxResults$/],
  [6, 'negative-rejection', 'ListBackupVaults', /^accepted: HTTP 200 for enum-out-of-set of ByVaultType$/],
  [7, 'negative-rejection', 'CreateBackupVault', /^accepted: HTTP 200 for pattern-violation of BackupVaultN/],
  [8, 'negative-rejection', 'CreateReportPlan', /^accepted: HTTP 200 for missing-required of Report\w+$/],
  [8, 'negative-rejection', 'TagResource', /^accepted: HTTP 200 for missing-required of Tags$/],
  [9, 'not-a-server-error', 'TagResource', /^HTTP 500$/],
  [9, 'error-shape', 'TagResource', /^HTTP 500 with no x-amzn-errortype header and no Code in the body$/],
  [9, 'not-a-server-error', 'CreateBackupVault', /^HTTP 500$/],
  [9, 'not-a-server-error', 'PutBackupVaultLockConfiguration', /^HTTP 500$/],
  [10, 'response-schema', 'ListBackupVaults', /^Content-Type text\/html; charset=utf-8$/],
  [10, 'response-schema', 'GetBackupPlan', /^Content-Type text\/html; charset=utf-8$/],
  [11, 'negative-rejection', 'PutBackupVaultLockConfiguration', /^accepted: HTTP 200 for out-of-range of Ch/],
  [12, 'negative-rejection', 'GetBackupPlan', /^accepted: HTTP 200 for out-of-range of MaxScheduledRuns/],
  [13, 'negative-rejection', 'ListReportPlans', /^accepted: HTTP 200 for wrong-type of MaxResults$/],
  [13, 'negative-rejection', 'ListBackupPlans', /^accepted: HTTP 200 for wrong-type of IncludeDeleted$/],
  [13, 'response-schema', 'CreateReportPlan', /^ReportPlanName must be string$/],
];

const HAS_MOTO = has('moto_server', ['--help']);
if (!HAS_MOTO)
  console.warn('skipped: moto_server is not installed on this machine (pip install "moto[server]")');

describe.skipIf(!HAS_MOTO)('every operation against moto', () => {
  let port: number;
  let moto: ReturnType<typeof spawn>;
  let code: number;
  let err: string;
  let res: RunResult & { results: Cell[]; summary: { notImplemented: number } };
  beforeAll(async () => {
    port = await freePort();
    moto = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
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
      '--no-progress',
    );
    code = r.code;
    err = r.err;
    res = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
  }, 300_000);
  afterAll(() => {
    moto?.kill();
  });

  const verdict = (op: string): OperationVerdict => res.operations!.find((v) => v.operation === op)!;

  it('completes and exits 1, naming what moto does not implement, its cells folded into that verdict', () => {
    expect(code, err.slice(0, 2000)).toBe(EXIT.findings);
    for (const op of RESTORE_OPERATIONS) {
      expect(verdict(op).verdict).toBe('not-implemented');
      expect(res.notes.join('\n')).toMatch(new RegExp(`${op}: not implemented by the target`));
    }
    for (const op of MOTO_SERVES) expect(verdict(op).verdict, op).not.toBe('not-implemented');
    const gone = res.operations!.filter((v) => v.verdict === 'not-implemented').map((v) => v.operation);
    // the verdict says how its requests were answered: no second note per operation about its random phase
    expect(res.notes.filter((n) => / random phase not run/.test(n))).toEqual([]);
    expect(res.notes).toContain(
      `random phase not run for the ${gone.length} operation(s) the target does not implement`,
    );
    expect(gone).toHaveLength(res.operations!.length - MOTO_SERVES.length);
    const noise = res.results.filter((c) => gone.includes(c.operation) && c.status !== 'skipped');
    expect(noise.map((c) => `${c.check} × ${c.operation}: ${c.status}`)).toEqual([]);
    expect(res.summary).toMatchObject({ notImplemented: gone.length });
  });

  it('reports each verified finding', () => {
    const missing = VERIFIED.filter(([, check, op, received]) => {
      const c = res.results.find((x) => x.check === check && x.operation === op && x.status === 'failed');
      return !c?.details.some((d) => received.test(d.received));
    }).map(([n, check, op, received]) => `#${n} ${check} × ${op}: ${received}`);
    expect(missing).toEqual([]);
  });

  it('raises none of the false alarms fixed against moto', () => {
    const details = res.results.flatMap((c) => c.details.map((d) => ({ ...d, status: c.status })));
    // a 404 page or a redirect is no server error; a bad token accepted, an exception about what exists
    // that the operation documents, are notes
    const below500 = (d: (typeof details)[number]) => (d.response?.status ?? 500) < 500;
    expect(details.filter((d) => d.check === 'not-a-server-error' && below500(d))).toEqual([]);
    expect(details.filter((d) => /^garbage/.test(d.received) && d.response?.status)).toEqual([]);
    expect(details.filter((d) => /next-token|token answered HTTP 200/.test(d.received))).toEqual([]);
    const state = /wrong exception: (ResourceNotFound|AlreadyExists)/;
    expect(details.filter((d) => state.test(d.received))).toEqual([]);
  });

  it('leaves nothing it created behind', async () => {
    const model = await loadBackupModel();
    const t = await selectTarget(`endpoint:http://127.0.0.1:${port}`, { model, timeoutMs: 5000 });
    const vaults = await t.target.sendSdk('ListBackupVaults', {});
    const plans = await t.target.sendSdk('ListReportPlans', {});
    await t.target.close();
    expect(vaults.status).toBe(200);
    expect(JSON.stringify([vaults.output, plans.output])).not.toMatch(/conformance[-_]5[-_]/);
  });
});
