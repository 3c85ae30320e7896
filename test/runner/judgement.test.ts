// Judgement a release decision can rest on: a target that cannot be used stops the run before any
// verdict (exit 2, what to set); a check that could not judge is inconclusive, not failed; an answer
// only convention expects is noted with its provenance, not failed.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli.ts';
import { createMock } from '../../src/mock/index.ts';
import { serve, type RunningServer } from '../../src/mock/server.ts';
import { loadBackupModel } from '../../src/model/load.ts';
import { REPORTERS } from '../../src/report/reporters.ts';
import { RESTORE_OPERATIONS, runConformance } from '../../src/runner/run.ts';
import { awsTarget } from '../../src/targets/aws.ts';
import { fetchFunctionTarget } from '../../src/targets/fetch-target.ts';
import { runCli } from '../support/cli.ts';
import { VARIANTS } from '../mutants/faithful-variants.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'judge-'));

/** Runs `f` with exactly these AWS_* variables (every other AWS_* removed), then restores the env. */
async function withAwsEnv<T>(vars: Record<string, string>, f: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  for (const k of Object.keys(process.env)) if (k.startsWith('AWS_')) delete process.env[k];
  Object.assign(process.env, vars);
  try {
    return await f();
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
}

function emptyAwsFiles(): Record<string, string> {
  const dir = tmp();
  writeFileSync(join(dir, 'config'), '');
  writeFileSync(join(dir, 'credentials'), '');
  return {
    AWS_CONFIG_FILE: join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

describe('pre-flight', () => {
  it('a closed port: exit 2, says what failed and what to do, writes no verdicts', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const dir = tmp();
    const r = await runCli('run', '--target', `endpoint:http://127.0.0.1:${port}`, '--out', dir);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toMatch(new RegExp(`cannot be reached at http://127.0.0.1:${port}`));
    expect(r.err).toMatch(/Start the server|fix the --target URL/);
    expect(r.err).not.toMatch(/FAIL/);
    expect(existsSync(join(dir, 'results.json'))).toBe(false);
  });

  it(
    'aws with no credentials (no AWS_* set, empty config files): ' +
      'exit 2, says what to set, nothing judged',
    async () => {
      const dir = tmp();
      const r = await withAwsEnv(emptyAwsFiles(), () =>
        runCli('run', '--target', 'aws', '--region', 'us-east-1', '--out', dir),
      );
      expect(r.code).toBe(EXIT.usage);
      expect(r.err).toMatch(/no AWS credentials resolved/);
      expect(r.err).toMatch(/AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/);
      expect(existsSync(join(dir, 'results.json'))).toBe(false);
      const noRegion = await withAwsEnv(emptyAwsFiles(), () =>
        runCli('run', '--target', 'aws', '--out', dir),
      );
      expect(noRegion.code).toBe(EXIT.usage);
      expect(noRegion.err).toMatch(/no AWS region resolved.*set AWS_REGION or pass --region/);
    },
  );

  describe('with credentials, STS and Backup on loopback', () => {
    let mockServer: RunningServer;
    let sts: ReturnType<typeof createServer>;
    let stsUrl = '';
    let callerAsked = 0;
    beforeAll(async () => {
      mockServer = await serve(await createMock(), 0);
      sts = createServer((req, res) => {
        callerAsked++;
        req.resume();
        res
          .writeHead(200, { 'content-type': 'text/xml' })
          .end(
            '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">' +
              '<GetCallerIdentityResult>\n' +
              '<Arn>arn:aws:iam::210987654321:user/tester</Arn><UserId>AIDATEST</UserId>' +
              '<Account>210987654321</Account></GetCallerIdentityResult>\n' +
              '<ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>',
          );
      });
      await new Promise<void>((r) => sts.listen(0, '127.0.0.1', () => r()));
      stsUrl = `http://127.0.0.1:${(sts.address() as { port: number }).port}`;
    });
    afterAll(async () => {
      await mockServer.close();
      sts.close();
    });

    it('names the caller account in the reports (STS GetCallerIdentity)', async () => {
      const model = await loadBackupModel();
      const env = { ...emptyAwsFiles(), AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret' };
      const r = await withAwsEnv(env, async () => {
        const target = await awsTarget({
          timeoutMs: 5000,
          endpoint: mockServer.endpoint,
          stsEndpoint: stsUrl,
          region: 'us-east-1',
        });
        try {
          return await runConformance({ model, target, runs: 5, seed: 1, checks: ['not-a-server-error'] });
        } finally {
          await target.close();
        }
      });
      expect(callerAsked).toBeGreaterThan(0);
      expect(r.account).toBe('210987654321');
      expect(REPORTERS.md!.render(r)).toContain('Account `210987654321`');
      expect(REPORTERS.html!.render(r)).toContain('account <code>210987654321</code>');
    });

    it('STS that refuses the credentials: exit 2 through the CLI, nothing judged', async () => {
      const refusing = createServer((req, res) => {
        req.resume();
        res
          .writeHead(403, { 'content-type': 'text/xml' })
          .end(
            '<ErrorResponse><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code>' +
              '<Message>The security token included in the request is invalid.</Message></Error>' +
              '<RequestId>r</RequestId></ErrorResponse>',
          );
      });
      await new Promise<void>((r) => refusing.listen(0, '127.0.0.1', () => r()));
      const url = `http://127.0.0.1:${(refusing.address() as { port: number }).port}`;
      const dir = tmp();
      const env = {
        ...emptyAwsFiles(),
        AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'secret',
        AWS_ENDPOINT_URL_STS: url,
        AWS_ENDPOINT_URL_BACKUP: mockServer.endpoint,
      };
      try {
        const r = await withAwsEnv(env, () =>
          runCli('run', '--target', 'aws', '--region', 'us-east-1', '--out', dir),
        );
        expect(r.code).toBe(EXIT.usage);
        expect(r.err).toMatch(/STS GetCallerIdentity refused the credentials \(InvalidClientTokenId/);
        expect(existsSync(join(dir, 'results.json'))).toBe(false);
      } finally {
        refusing.close();
      }
    });
  });
});

describe('inconclusive is not failed', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await serve(await createMock(), 0);
  });
  afterAll(() => server.close());

  it(
    'recovery points the target does not know: start-based checks inconclusive with the reason, ' +
      'exit 0, every report shows it',
    async () => {
      const dir = tmp();
      const unknown =
        'arn:aws:backup:us-east-1:123456789012:recovery-point:00000000-0000-4000-8000-unknown-to-it';
      const r = await runCli(
        'run',
        '--target',
        `endpoint:${server.endpoint}`,
        '--recovery-point',
        unknown,
        // the restore-job scenarios are what this judges (other operations: test/runner/every-operation)
        '--operations',
        'StartRestoreJob,ListRestoreJobs,DescribeRestoreJob',
        '--out',
        dir,
        '--runs',
        '20',
        '--seed',
        '4',
        '--no-progress',
      );
      expect(r.err).toBe('');
      expect(r.code).toBe(EXIT.ok);
      expect(r.out).toMatch(/0 failed, \d+ inconclusive/);
      const res = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as {
        summary: Record<string, number>;
        results: { check: string; operation: string; status: string; inconclusiveReason?: string }[];
      };
      expect(res.summary.failed).toBe(0);
      for (const check of ['idempotency', 'lifecycle', 'stateful']) {
        const c = res.results.find((x) => x.check === check && x.operation === 'StartRestoreJob')!;
        expect(c.status, check).toBe('inconclusive');
        expect(c.inconclusiveReason).toMatch(
          /no RestoreJob could be created: StartRestoreJob answered 12× HTTP 400 ResourceNotFoundException/,
        );
      }
      expect(r.out).toMatch(/INCONCLUSIVE idempotency × StartRestoreJob: no RestoreJob could be created/);
      expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toMatch(
        /<skipped message="inconclusive: no RestoreJob could be created/,
      );
      expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toMatch(
        /## Inconclusive\n\n(- .*\n)*- idempotency × StartRestoreJob: no RestoreJob could be created/,
      );
      expect(readFileSync(join(dir, 'report.html'), 'utf8')).toMatch(/<td class="inconclusive"/);
      // no finding, but not "all passing" either: the headline says what was left unjudged
      expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toMatch(
        /^# AWS Backup conformance: no findings, \d+ inconclusive/,
      );
      // answers with the operations' own documented exception (ResourceNotFoundException for an unknown
      // recovery point or job) show the operations are served: no "not implemented" note
      expect(JSON.stringify(res)).not.toMatch(/not implemented by the target/);
    },
  );
});

describe('convention, noted with its provenance', () => {
  it(
    'an unparseable body answered InvalidRequestException: ' + 'no failure, a note that says convention',
    async () => {
      const model = await loadBackupModel();
      const mock = await createMock({ model });
      const variant = VARIANTS.find((v) => v.id === 'unparseable-body-invalid-request')!;
      const target = fetchFunctionTarget(
        variant.wrap((q) => mock.fetch(q)),
        { name: 'variant', origin: 'https://backup.us-east-1.amazonaws.com', timeoutMs: 2000 },
      );
      const r = await runConformance({
        model,
        target,
        runs: 40,
        seed: 3,
        operations: RESTORE_OPERATIONS,
        checks: ['negative-rejection'],
        recoveryPoints: mock.store.recoveryPoints().map((p) => p.arn),
      });
      await target.close();
      const cell = r.cells.find(
        (c) => c.check === 'negative-rejection' && c.operation === 'StartRestoreJob',
      )!;
      expect(cell.status).toBe('passed');
      expect(cell.notes).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            provenance: 'convention',
            received: expect.stringMatching(/^InvalidRequestException \(HTTP 400\) for malformed-json/),
          }),
        ]),
      );
      expect(REPORTERS.md!.render(r)).toMatch(
        /## Notes\n\n- negative-rejection × StartRestoreJob: InvalidRequestException .*convention/,
      );
      expect(REPORTERS.junit!.render(r)).toMatch(/note \(convention\): InvalidRequestException/);
    },
  );

  it('a documented expectation stays strict: a failure says documented', async () => {
    const model = await loadBackupModel();
    const mock = await createMock({ model });
    const wrong = async (q: Request) => {
      const res = await mock.fetch(q);
      return res.headers.get('x-amzn-errortype') === 'MissingParameterValueException'
        ? new Response('{"Code":"InvalidParameterValueException","Message":"x"}', {
            status: 400,
            headers: {
              'x-amzn-errortype': 'InvalidParameterValueException',
              'x-amzn-requestid': 'r',
              'content-type': 'application/json',
            },
          })
        : res;
    };
    const target = fetchFunctionTarget(wrong, {
      name: 'wrong',
      origin: 'https://backup.us-east-1.amazonaws.com',
      timeoutMs: 2000,
    });
    const r = await runConformance({
      model,
      target,
      runs: 30,
      seed: 3,
      operations: RESTORE_OPERATIONS,
      checks: ['negative-rejection'],
      recoveryPoints: mock.store.recoveryPoints().map((p) => p.arn),
    });
    await target.close();
    const details = r.cells.filter((c) => c.status === 'failed').flatMap((c) => c.details);
    expect(details.length).toBeGreaterThan(0);
    expect(details.every((d) => d.provenance === 'documented')).toBe(true);
    expect(REPORTERS.md!.render(r)).toMatch(/\*\*Expectation:\*\* documented/);
  });
});
