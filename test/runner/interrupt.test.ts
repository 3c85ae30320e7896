// A run interrupted by SIGINT writes the reports of what it judged so far, and says so (exit 130).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const bin = join(import.meta.dirname, '../../bin/aws-backup-conformance.js');

it('SIGINT mid-run: exit 130, results.json and summary.md hold the cells judged so far', {
  timeout: 120_000,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sigint-'));
  // far more cases than it can send before the signal
  const child = spawn(
    process.execPath,
    [bin, 'run', '--runs', '1000000', '--seed', '3', '--out', dir, '--reporter', 'json,md'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d));
  child.stderr.on('data', (d: Buffer) => (err += d));
  const exited = new Promise<number | null>((r) => child.once('exit', r));
  // interrupt once the random phase of the first operation is under way (never leave the child behind)
  const guard = setTimeout(() => child.kill('SIGKILL'), 100_000);
  exited.then(() => clearTimeout(guard));
  await Promise.race([
    exited,
    new Promise<void>((r) => {
      const t = setInterval(() => {
        if (/phase: random/.test(err)) {
          clearInterval(t);
          r();
        }
      }, 50);
    }),
  ]);
  await new Promise((r) => setTimeout(r, 500));
  const t0 = performance.now();
  child.kill('SIGINT');
  const code = await exited;
  expect(code, err).toBe(130);
  expect(performance.now() - t0).toBeLessThan(20_000);
  expect(err).toMatch(/interrupted: the reports hold what was judged before SIGINT/);
  const r = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as {
    notes: string[];
    results: { status: string; cases: number; skippedReason?: string }[];
    summary: Record<string, number>;
  };
  expect(r.notes.join('\n')).toMatch(/interrupted after \d+ requests/);
  expect(r.results.some((c) => c.cases > 0)).toBe(true);
  expect(r.results.some((c) => c.skippedReason === 'not reached: the run was interrupted')).toBe(true);
  expect(existsSync(join(dir, 'summary.md'))).toBe(true);
});
