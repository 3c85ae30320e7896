// The github reporter: workflow commands GitHub parses back to exactly the text meant (its own escaping
// rules, from actions/toolkit), one annotation per failing check × operation, and a job summary that
// always fits GitHub's 1 MiB step-summary limit.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  escapeData,
  escapeProperty,
  renderGithubAnnotations,
  renderGithubSummary,
  STEP_SUMMARY_LIMIT,
} from '../../src/report/github.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { REPORTERS } from '../../src/report/reporters.ts';
import type { Cell, RunResult } from '../../src/runner/types.ts';

// how the runner reads a command back (actions/runner ActionCommand.Unescape*)
const unescapeCommand = (s: string, property: boolean) => {
  let out = s.replace(/%0D/g, '\r').replace(/%0A/g, '\n');
  if (property) out = out.replace(/%3A/g, ':').replace(/%2C/g, ',');
  return out.replace(/%25/g, '%');
};

/** ::error props::message → its parts, as the runner would parse them. */
function parseCommand(line: string): { props: Record<string, string>; message: string } {
  const m = /^::error( [^:]*)?::(.*)$/.exec(line);
  if (!m) throw new Error(`not an ::error command: ${line}`);
  const props = Object.fromEntries(
    (m[1]?.slice(1) ?? '') // one space separates the command from its properties; values keep theirs
      .split(',')
      .filter(Boolean)
      .map((kv) => [kv.slice(0, kv.indexOf('=')), unescapeCommand(kv.slice(kv.indexOf('=') + 1), true)]),
  );
  return { props, message: unescapeCommand(m[2]!, false) };
}

const cell = (over: Partial<Cell> = {}): Cell => ({
  check: 'pagination',
  operation: 'ListRestoreJobs',
  status: 'failed',
  cases: 10,
  failures: 2,
  details: [
    {
      check: 'pagination',
      operation: 'ListRestoreJobs',
      phase: 'scenario',
      received: 'a page of 3 items, 100% of MaxResults=2,\nthen: a token',
      documented: 'pages ≤ MaxResults',
      provenance: 'documented',
      seed: 7,
      path: '0:1',
      reproduce: 'aws backup list-restore-jobs --max-results 2 --endpoint-url http://127.0.0.1:4566',
    },
  ],
  ...over,
});

const result = (cells: Cell[]): RunResult => ({
  tool: 'aws-backup-conformance',
  version: '0.1.0',
  target: 'endpoint:http://127.0.0.1:4566',
  seed: 7,
  runs: 10,
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 1000,
  requests: 20,
  cells,
  notes: [],
  timings: { phases: {}, checks: {} },
});

describe('github annotations', () => {
  test('any text survives escaping: the runner reads back exactly the message and title meant', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 80 }),
        fc.string({ unit: 'binary', maxLength: 80 }),
        (message, title) => {
          const line = `::error title=${escapeProperty(title)}::${escapeData(message)}`;
          expect(line).not.toMatch(/[\r\n]/);
          const parsed = parseCommand(line);
          expect(parsed.message).toBe(message);
          expect(parsed.props.title ?? '').toBe(title);
        },
      ),
    );
  });

  test('one ::error per failing check × operation: received, documented, how to replay', () => {
    const out = renderGithubAnnotations(
      result([cell(), cell({ status: 'passed', failures: 0, details: [] })]),
    );
    const lines = out
      .trimEnd()
      .split('\n')
      .filter((l) => l.startsWith('::error'));
    expect(lines).toHaveLength(1);
    const { props, message } = parseCommand(lines[0]!);
    expect(props.title).toBe('pagination × ListRestoreJobs: 2 of 10 cases failed');
    expect(props.file).toBeUndefined();
    expect(message).toContain('Received: a page of 3 items, 100% of MaxResults=2,\nthen: a token');
    expect(message).toContain('Documented: pages ≤ MaxResults');
    expect(message).toContain('Replay: --seed 7 (fast-check path 0:1)');
    expect(message).toContain('Reproduce: aws backup list-restore-jobs');
  });

  test('a file, when given, is escaped as a property', () => {
    const { props } = parseCommand(
      renderGithubAnnotations(result([cell()]), { file: 'mocks/a,b:c.ts' })
        .trimEnd()
        .split('\n')[1]!,
    );
    expect(props.file).toBe('mocks/a,b:c.ts');
  });

  test('a passing run prints only the coverage notice; the reporter is in the name → reporter map', () => {
    expect(renderGithubAnnotations(result([cell({ status: 'passed', failures: 0, details: [] })]))).toBe(
      '::notice title=AWS Backup conformance (endpoint%3Ahttp%3A//127.0.0.1%3A4566)::' +
        '1 of 1 operations implemented, 1 conforming, 0 with findings, 0 cannot be set up\n',
    );
    expect(REPORTERS.github?.console).toBeTypeOf('function');
    expect(REPORTERS.github?.file).toBe('github-summary.md');
  });
});

describe('github job summary', () => {
  test('is summary.md when it fits', () => {
    const r = result([cell()]);
    expect(renderGithubSummary(r)).toBe(renderMarkdown(r));
  });

  test('is cut at a line to fit the 1 MiB limit, saying so, when the failures would not fit', () => {
    const long = 'x'.repeat(20_000);
    const cells = Array.from({ length: 80 }, (_, i) =>
      cell({ operation: `Op${i}`, details: [{ ...cell().details[0]!, received: `${long} ✓` }] }),
    );
    const r = result(cells);
    expect(Buffer.byteLength(renderMarkdown(r))).toBeGreaterThan(STEP_SUMMARY_LIMIT);
    const s = renderGithubSummary(r);
    expect(Buffer.byteLength(s)).toBeLessThanOrEqual(STEP_SUMMARY_LIMIT);
    expect(s).toMatch(/Summary cut to fit GitHub's 1 MiB step-summary limit/);
    expect(renderMarkdown(r).startsWith(s.slice(0, s.indexOf('\n> Summary cut')))).toBe(true);
  });
});

describe('github reporter: provenance and inconclusive cells', () => {
  test('says a convention is one, and warns (not errors) for an inconclusive cell', () => {
    const failed = cell();
    failed.details[0]!.provenance = 'convention';
    const open: Cell = {
      ...cell(),
      status: 'inconclusive',
      failures: 0,
      details: [],
      inconclusiveReason: 'no job could be started',
    };
    const out = renderGithubAnnotations(result([failed, open]));
    expect(out).toMatch(/^::error .*Convention \(no page documents it\)/m);
    expect(out).toMatch(
      /^::warning title=pagination × ListRestoreJobs%3A inconclusive::no job could be started$/m,
    );
    expect(out.match(/^::error/gm)).toHaveLength(1);
  });
});
