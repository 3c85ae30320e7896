// examples/github-actions/aws-backup-conformance.yml, checked as far as can be without GitHub: it parses,
// every job installs before it runs, fails on findings and still uploads its reports, the service
// container is moto's image on the port the run talks to, and each conformance command it holds runs
// here with the same flags (the endpoint swapped for the standalone mock on a local port).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { createMock } from '../../src/mock/index.ts';
import { serve, type RunningServer } from '../../src/mock/server.ts';
import { runCli } from '../support/cli.ts';

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  'continue-on-error'?: unknown;
}
interface Job {
  steps: Step[];
  services?: Record<string, { image: string; ports?: string[] }>;
}

const file = new URL('../../examples/github-actions/aws-backup-conformance.yml', import.meta.url);
const workflow = parse(readFileSync(file, 'utf8')) as { on: unknown; jobs: Record<string, Job> };
const jobs = Object.entries(workflow.jobs);
const conformanceArgs = (s: Step) => s.run?.split('aws-backup-conformance')[1]?.trim().split(/\s+/) ?? [];
const flag = (args: string[], name: string) => args[args.indexOf(name) + 1];

let server: RunningServer;
beforeAll(async () => {
  server = await serve(await createMock(), 0);
});
afterAll(() => server.close());

describe('the GitHub Actions example', () => {
  test('runs on push and pull requests, with a built-in job and a service-container job', () => {
    expect(Object.keys(workflow.on as object)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    expect(jobs.length).toBe(2);
    expect(jobs.some(([, j]) => j.services)).toBe(true);
  });

  test.each(jobs)(
    '%s: installs with npm ci on a tested Node line, fails on findings, uploads its reports',
    (_, job) => {
      const steps = job.steps;
      const setup = steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
      expect([22, 24]).toContain(setup?.with?.['node-version']);
      const install = steps.findIndex((s) => s.run === 'npm ci');
      const run = steps.findIndex((s) => s.run?.includes('aws-backup-conformance run'));
      expect(install).toBeGreaterThanOrEqual(0);
      expect(run).toBeGreaterThan(install);
      // a finding exits 1, and nothing here turns that into a pass
      expect(steps[run]!['continue-on-error']).toBeUndefined();
      expect(steps[run]!.run).not.toMatch(/\|\||; *true|exit 0/);
      const args = conformanceArgs(steps[run]!);
      expect(flag(args, '--reporter')!.split(',')).toEqual(
        expect.arrayContaining(['junit', 'html', 'github']),
      );
      const upload = steps.slice(run + 1).find((s) => s.uses?.startsWith('actions/upload-artifact@'));
      expect(upload?.if).toBe('always()');
      expect(upload?.with?.path).toBe(flag(args, '--out'));
    },
  );

  test("the service container is moto's image, on the port the run and the wait talk to", () => {
    const [, job] = jobs.find(([, j]) => j.services)!;
    const service = Object.values(job.services!)[0]!;
    expect(service.image).toMatch(/^motoserver\/moto(:|$)/);
    const target = flag(
      conformanceArgs(job.steps.find((s) => s.run?.includes('aws-backup-conformance run'))!),
      '--target',
    )!;
    const url = new URL(target.replace(/^endpoint:/, ''));
    expect(service.ports).toContain(`${url.port}:${url.port}`);
    expect(job.steps.some((s) => s.run?.includes(`curl -s -o /dev/null ${url.origin}/`))).toBe(true);
  });

  test.each(jobs)('%s: its conformance command runs with these very flags', async (_, job) => {
    const step = job.steps.find((s) => s.run?.includes('aws-backup-conformance run'))!;
    const args = conformanceArgs(step).map((a) =>
      a.startsWith('endpoint:') ? `endpoint:${server.endpoint}` : a,
    );
    const out = mkdtempSync(join(tmpdir(), 'abc-workflow-'));
    const summary = join(out, 'step-summary.md');
    args[args.indexOf('--out') + 1] = join(out, 'reports');
    const before = process.env.GITHUB_STEP_SUMMARY; // set when this suite itself runs on GitHub
    process.env.GITHUB_STEP_SUMMARY = summary;
    try {
      const r = await runCli(...args, '--runs', '2', '--seed', '1');
      expect(r.code, r.err).toBe(0);
      expect(r.out).not.toMatch(/^::error/m);
    } finally {
      if (before === undefined) delete process.env.GITHUB_STEP_SUMMARY;
      else process.env.GITHUB_STEP_SUMMARY = before;
    }
    // every operation: those whose inputs the run cannot set up leave inconclusive cells, never findings
    expect(readFileSync(summary, 'utf8')).toMatch(
      /^# AWS Backup conformance: (all passing|no findings, \d+ inconclusive)\n/,
    );
    expect(readFileSync(join(out, 'reports', 'junit.xml'), 'utf8')).toMatch(/<testsuites/);
    rmSync(out, { recursive: true, force: true });
  });
});
