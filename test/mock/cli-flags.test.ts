// `mock` flags: faults, latency, request timeout and the job cap from the command line; bad values named.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../src/mock/index.ts';
import { runCli } from '../support/cli.ts';

const bin = join(import.meta.dirname, '../../bin/aws-backup-conformance.js');

function startMock(...flags: string[]) {
  const child = spawn(process.execPath, [bin, 'mock', '--port', '0', ...flags], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d));
  const exited = new Promise<number | null>((r) => child.once('exit', r));
  const endpoint = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const m = /endpoint: (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`mock exited (${code}): ${out}`)));
  });
  return {
    endpoint,
    output: () => out,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

const call = (endpoint: string, method: string, path: string, body?: unknown) =>
  fetch(`${endpoint}${path}`, {
    method,
    ...(body ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
  });

describe('mock flags', () => {
  it('bad values: exit 2, the flag and what was expected named', async () => {
    for (const [flags, message] of [
      [['--faults', 'throttle=2'], /--faults: throttle must be a probability 0\.\.1, got '2'/],
      [['--faults', 'slow=0.1'], /--faults: 'slow=0.1' names no fault/],
      [['--faults', 'drop'], /--faults: drop must be a probability/],
      [['--faults', 'drop=0.1,drop=0.2'], /drop is given twice/],
      [['--latency', '200..20'], /--latency must be milliseconds/],
      [['--latency', 'abc'], /--latency must be milliseconds/],
      [['--request-timeout', '0'], /--request-timeout must be a whole number ≥ 1, got '0'/],
      [['--max-jobs=-1'], /--max-jobs must be a whole number ≥ 1, got '-1'/],
      [['--max-jobs', '1.5'], /--max-jobs must be a whole number ≥ 1, got '1.5'/],
    ] as const) {
      const r = await runCli('mock', '--port', '0', ...flags);
      expect(r.code, flags.join(' ')).toBe(2);
      expect(r.err).toMatch(message);
    }
  });

  it('--faults, --max-jobs and --request-timeout reach the running server; the stop line gives the state', {
    timeout: 60_000,
  }, async () => {
    const m = startMock('--faults', 'throttle=1', '--seed', '5', '--latency', '100..120');
    const endpoint = await m.endpoint;
    const t0 = performance.now();
    const r = await call(endpoint, 'GET', '/restore-jobs/');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(100); // the added latency, at least
    expect([r.status, r.headers.get('x-amzn-errortype')]).toEqual([400, 'ThrottlingException']);
    expect(m.output()).toMatch(/faults: \{"seed":5,"throttle":1,"latencyMs":\[100,120\]\}/);
    expect(await m.stop()).toBe(0);

    const c = startMock('--max-jobs', '2', '--request-timeout', '1500');
    const e2 = await c.endpoint;
    expect(c.output()).toMatch(/limits: request timeout 1500 ms, .*jobs 2,/);
    const arn = defaultCatalogue()[0]!.arn;
    for (let i = 0; i < 3; i++)
      expect((await call(e2, 'PUT', '/restore-jobs', { RecoveryPointArn: arn, Metadata: {} })).status).toBe(
        200,
      );
    const listed = (await (await call(e2, 'GET', '/restore-jobs/')).json()) as { RestoreJobs: unknown[] };
    expect(listed.RestoreJobs).toHaveLength(2);
    expect(await c.stop()).toBe(0);
    expect(c.output()).toMatch(/mock stopped: 3 jobs started, 1 forgotten for the limits, 2 kept/);
  });
});
