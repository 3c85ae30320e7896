// The main job end to end: the CLI against the built-in mock, the standalone mock over loopback, the
// real-service path (read-only, via an endpoint override), misbehaving targets
// (moto: every-operation.test.ts).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli.ts';
import { runCli } from '../support/cli.ts';
import { createMock, type BackupMock } from '../../src/mock/index.ts';
import { serve, type RunningServer } from '../../src/mock/server.ts';
import { loadBackupModel } from '../../src/model/load.ts';
import { RESTORE_OPERATIONS, runConformance } from '../../src/runner/run.ts';
import { awsTarget } from '../../src/targets/aws.ts';
import { fetchFunctionTarget } from '../../src/targets/fetch-target.ts';

const cli = runCli;
const tmp = () => mkdtempSync(join(tmpdir(), 'run-'));
const results = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as {
    summary: Record<string, number>;
    results: { check: string; operation: string; status: string; cases: number; failures: number }[];
    notes: string[];
  };

describe('run against the built-in mock', () => {
  it('passes every check, writes all four reports, exit 0', async () => {
    const dir = tmp();
    // the restore-job operations, which the built-in mock serves (every operation: every-operation.test.ts)
    const r = await cli(
      'run',
      '--out',
      dir,
      '--seed',
      '7',
      '--operations',
      'StartRestoreJob,ListRestoreJobs,DescribeRestoreJob',
      '--no-progress',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(EXIT.ok);
    const res = results(dir);
    expect(res.summary.failed).toBe(0);
    expect(res.results.filter((c) => c.status === 'skipped')).toEqual([]);
    for (const c of res.results) expect(c.cases, `${c.check} × ${c.operation}`).toBeGreaterThan(0);
    const junit = readFileSync(join(dir, 'junit.xml'), 'utf8');
    expect(junit.match(/<testcase /g)).toHaveLength(res.results.length);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toMatch(/all passing/);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toMatch(/<td class="passed"/);
  });

  it('the same seed gives the same cases', async () => {
    const a = tmp();
    const b = tmp();
    const ops = ['--operations', 'StartRestoreJob,ListRestoreJobs,DescribeRestoreJob,*BackupVault*'];
    await cli('run', '--out', a, '--seed', '11', '--runs', '20', '--reporter', 'json', ...ops);
    await cli('run', '--out', b, '--seed', '11', '--runs', '20', '--reporter', 'json', ...ops);
    const pick = (d: string) => results(d).results.map((c) => [c.check, c.operation, c.cases]);
    expect(pick(a)).toEqual(pick(b));
  });

  it('usage errors exit 2 and name the flag', async () => {
    for (const [args, msg] of [
      [['--runs', '0'], /--runs must be a whole number ≥ 1/],
      [['--checks', 'nope'], /--checks: unknown check 'nope'/],
      [['--reporter', 'pdf'], /--reporter: unknown reporter 'pdf'/],
      [['--target', 'ftp://x'], /--target must be builtin, endpoint:<url> or aws/],
      [['--target', 'endpoint:not a url'], /needs a URL/],
      [['--target', 'aws', '--allow-mutations'], /--allow-mutations needs --account/],
      [['--operations', 'NoSuchOp'], /--operations: unknown operation 'NoSuchOp'/],
      [['--operations', 'List*,Nope*'], /--operations: unknown operation 'Nope\*'/],
    ] as const) {
      const r = await cli('run', '--out', tmp(), ...args);
      expect(r.code, args.join(' ')).toBe(EXIT.usage);
      expect(r.err).toMatch(msg);
    }
  });
});

describe('run against the standalone mock over loopback', () => {
  let mock: BackupMock;
  let server: RunningServer;
  beforeAll(async () => {
    mock = await createMock();
    server = await serve(mock, 0);
  });
  afterAll(() => server.close());

  it('passes every check', async () => {
    const dir = tmp();
    const r = await cli(
      'run',
      '--target',
      `endpoint:${server.endpoint}`,
      '--out',
      dir,
      '--runs',
      '50',
      '--seed',
      '3',
      '--operations',
      'StartRestoreJob,ListRestoreJobs,DescribeRestoreJob',
    );
    expect(r.code, r.err).toBe(EXIT.ok);
    expect(results(dir).summary.failed).toBe(0);
  });

  it('the real-service path is read-only by default: nothing is started', async () => {
    const model = await loadBackupModel();
    const before = mock.store.size;
    const target = await awsTarget({ timeoutMs: 5000, endpoint: server.endpoint, region: 'us-east-1' });
    process.env.AWS_ACCESS_KEY_ID ??= 'AKIDEXAMPLE';
    process.env.AWS_SECRET_ACCESS_KEY ??= 'secret';
    const r = await runConformance({
      model,
      target,
      runs: 30,
      seed: 5,
      recoveryPoints: mock.store.recoveryPoints().map((p) => p.arn),
    });
    await target.close();
    expect(mock.store.size).toBe(before);
    expect(r.notes.join('\n')).toMatch(/read-only/);
    const skipped = r.cells.filter((c) => c.status === 'skipped').map((c) => c.check);
    expect(skipped).toEqual(expect.arrayContaining(['idempotency', 'lifecycle', 'stateful']));
    // every operation was covered; failures only where the target does not serve the operation at all
    expect(r.operations!.length).toBe(Object.values(model.operations).filter((op) => op.http).length);
    const served = new Set(
      r.operations!.filter((v) => v.verdict !== 'not-implemented').map((v) => v.operation),
    );
    expect(r.cells.filter((c) => c.status === 'failed' && served.has(c.operation))).toEqual([]);
  });
});

describe('a target that misbehaves is a finding, never a crash', () => {
  it('resets, hangs and garbage yield findings; the run finishes and the reports are written', async () => {
    const model = await loadBackupModel();
    const real = await createMock({ model });
    let n = 0;
    const flaky = async (req: Request): Promise<Response> => {
      n++;
      if (n % 7 === 0) return Response.error();
      if (n % 11 === 0) return new Promise(() => {}); // never answers
      if (n % 13 === 0)
        return new Response('<html>oops</html>', { status: 200, headers: { 'content-type': 'text/html' } });
      return real.fetch(req);
    };
    const target = fetchFunctionTarget(flaky, {
      name: 'flaky',
      origin: 'https://backup.us-east-1.amazonaws.com',
      timeoutMs: 200,
    });
    const r = await runConformance({
      model,
      target,
      runs: 30,
      seed: 9,
      operations: RESTORE_OPERATIONS,
      recoveryPoints: real.store.recoveryPoints().map((p) => p.arn),
    });
    const failing = r.cells.filter((c) => c.status === 'failed');
    expect(failing.map((c) => c.check)).toContain('not-a-server-error');
    const received = failing.flatMap((c) => c.details.map((d) => d.received)).join('\n');
    expect(received).toMatch(/reset/);
    expect(received).toMatch(/timeout/);
    expect(received).toMatch(/garbage|not a JSON object|Content-Type/);
  });
});

describe('sensitive members', () => {
  it('restore Metadata never reaches a report', async () => {
    const model = await loadBackupModel();
    const target = fetchFunctionTarget(
      async () =>
        new Response('{"RestoreJobId":1}', { status: 200, headers: { 'content-type': 'application/json' } }),
      { name: 'wrong', origin: 'https://backup.us-east-1.amazonaws.com', timeoutMs: 1000 },
    );
    const r = await runConformance({
      model,
      target,
      runs: 20,
      seed: 2,
      operations: RESTORE_OPERATIONS,
      checks: ['response-schema', 'negative-rejection'],
    });
    const { REPORTERS } = await import('../../src/report/reporters.ts');
    const all = Object.values(REPORTERS)
      .map((rep) => rep.render(r))
      .join('\n');
    expect(all).toMatch(/redacted/);
    expect(all).not.toMatch(/"Metadata":\{"/);
    expect(all).not.toMatch(/file-system-id/);
  });
});
// moto: test/runner/every-operation.test.ts
