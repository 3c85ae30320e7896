// Progress on a terminal: one line redrawn in place on a TTY, plain lines (no control characters)
// elsewhere, fed by the runner's events; the CLI writes it to stderr and --no-progress silences it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isControl, progressPrinter } from '../src/progress.ts';
import type { RunEvent } from '../src/runner/types.ts';
import { runCli } from './support/cli.ts';

const fake = (isTTY: boolean, columns = 200) => {
  const writes: string[] = [];
  return { writes, stream: { isTTY, columns, write: (s: string) => writes.push(s) } };
};

const EVENTS: RunEvent[] = [
  { kind: 'operation', operation: 'ListBackupVaults', index: 1, total: 3 },
  { kind: 'phase', phase: 'boundary', operation: 'ListBackupVaults' },
  { kind: 'case', operation: '', requests: 1 },
  { kind: 'case', operation: '', requests: 2 },
  { kind: 'phase', phase: 'random', operation: 'ListBackupVaults' },
  { kind: 'finding', check: 'pagination', operation: 'ListBackupVaults', received: 'x' },
  { kind: 'finding', check: 'pagination', operation: 'ListBackupVaults', received: 'again' },
  { kind: 'operation', operation: 'Bad\u001b[2JName\n', index: 2, total: 3 },
  { kind: 'case', operation: '', requests: 7 },
  { kind: 'phase', phase: 'random' },
];

describe('progress printer', () => {
  it('not a TTY: one plain line per operation and phase, counts so far, no control characters', () => {
    const { writes, stream } = fake(false);
    const p = progressPrinter(stream);
    for (const e of EVENTS) p.onEvent(e);
    p.done();
    const text = writes.join('');
    expect([...text].filter((c) => c !== '\n' && isControl(c.codePointAt(0)!))).toEqual([]);
    expect(text.split('\n').filter(Boolean)).toEqual([
      '[1/3] ListBackupVaults',
      '  phase: boundary ListBackupVaults (0 requests, 0 findings so far)',
      '  phase: random ListBackupVaults (2 requests, 0 findings so far)',
      '[2/3] Bad [2JName ',
      '  phase: random (7 requests, 1 finding so far)',
    ]);
  });

  it('TTY: each write redraws the line in place; requests alone redraw at most once per interval', () => {
    const { writes, stream } = fake(true);
    let t = 0;
    const p = progressPrinter(stream, { now: () => t, intervalMs: 100 });
    p.onEvent(EVENTS[0]!);
    p.onEvent(EVENTS[1]!);
    t = 50;
    p.onEvent({ kind: 'case', operation: '', requests: 5 }); // within the interval: not drawn
    t = 200;
    p.onEvent({ kind: 'case', operation: '', requests: 6 });
    p.onEvent(EVENTS[5]!);
    expect(writes.every((w) => w.startsWith('\r\x1b[K') && !w.includes('\n'))).toBe(true);
    expect(writes).toHaveLength(4);
    expect(writes.at(-1)).toBe('\r\x1b[K[1/3] ListBackupVaults · boundary — 6 requests, 1 finding so far');
    p.done();
    expect(writes.at(-1)).toBe('\r\x1b[K');
  });

  it('TTY: the line is cut to the terminal width, so it never wraps', () => {
    const { writes, stream } = fake(true, 30);
    const p = progressPrinter(stream);
    p.onEvent({ kind: 'operation', operation: 'DescribeRestoreTestingSelection', index: 10, total: 109 });
    const line = writes[0]!.slice('\r\x1b[K'.length);
    expect(line.length).toBeLessThanOrEqual(29);
    expect(line.endsWith('…')).toBe(true);
  });

  it('the CLI writes plain progress to stderr, not stdout; --no-progress silences it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'progress-'));
    const args = ['run', '--runs', '2', '--checks', 'not-a-server-error', '--out', dir, '--reporter', 'json'];
    const r = await runCli(...args);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/^ {2}phase: boundary \S+ \(\d+ requests, 0 findings so far\)$/m);
    expect(r.out).not.toMatch(/phase:/);
    // the run ends with the coverage line on stdout
    expect(r.out).toMatch(/^\d+ of \d+ operations implemented, \d+ conforming, /m);
    const quiet = await runCli(...args, '--no-progress');
    expect(quiet.err).toBe('');
  });
});
