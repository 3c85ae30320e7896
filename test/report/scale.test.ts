// Reports at full scale (109 operations × 14 checks, synthetic): they lead with the coverage line and the
// verdict per operation by resource family, keep the per-check matrix below with the rows that have
// something to say first, escape what a target answered, and still render results without verdicts.
import { beforeAll, describe, expect, test } from 'vitest';
import { loadBackupModel } from '../../src/model/load.ts';
import type { ServiceModel } from '../../src/model/types.ts';
import { renderGithubAnnotations } from '../../src/report/github.ts';
import { renderHtml } from '../../src/report/html.ts';
import { renderJunit } from '../../src/report/junit.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { byFamily, operationVerdicts } from '../../src/report/verdicts.ts';
import type { RunResult } from '../../src/runner/types.ts';
import { bigResult, CHECKS, familyOf } from './fixture.ts';

let model: ServiceModel;
let r: RunResult;
beforeAll(async () => {
  model = await loadBackupModel();
  r = bigResult(model);
});

const COVERAGE = '17 of 109 operations implemented, 9 conforming, 3 with findings, 5 cannot be set up';

/** the rows of the markdown table under a heading */
const mdTable = (md: string, heading: string) => {
  const from = md.indexOf(`${heading}\n`);
  const rest = md.slice(from).split('\n');
  const start = rest.findIndex((l) => l.startsWith('|'));
  const rows: string[] = [];
  for (const l of rest.slice(start + 2)) {
    if (!l.startsWith('|')) break;
    rows.push(l);
  }
  return rows;
};
// split on unescaped pipes
const cols = (row: string) =>
  row
    .split(/(?<!\\)\|/)
    .slice(1, -1)
    .map((c) => c.trim());

describe('the fixture', () => {
  test('is the model at full scale', () => {
    expect(Object.keys(model.operations)).toHaveLength(109);
    expect(r.cells).toHaveLength((109 - 5) * CHECKS.length);
    expect(new Set(r.operations!.map((v) => v.family)).size).toBeGreaterThan(10);
  });
});

describe('summary.md at 109 operations', () => {
  test('leads with the coverage line, then the verdicts by family, then the matrix', () => {
    const md = renderMarkdown(r);
    const lines = md.split('\n');
    // the operations the target does not implement are findings too, named apart
    expect(lines[0]).toMatch(/^# AWS Backup conformance: \d+ failing, 92 operation\(s\) not implemented$/);
    expect(lines[2]).toBe(`**${COVERAGE}**`);
    expect(md.indexOf('## Operations')).toBeLessThan(md.indexOf('## Checks × operations'));
    expect(md.indexOf('## Checks × operations')).toBeLessThan(md.indexOf('## Failures'));
  });

  test('a verdict row per operation, by family (alphabetical, no family last), each named once', () => {
    const rows = mdTable(renderMarkdown(r), '## Operations').map(cols);
    expect(rows).toHaveLength(109);
    expect(new Set(rows.map((c) => c[1]))).toEqual(new Set(Object.keys(model.operations)));
    const named = rows.map((c) => c[0]).filter(Boolean);
    const families = [...new Set(r.operations!.map((v) => v.family).filter(Boolean))].sort() as string[];
    const last = r.operations!.some((v) => !v.family) ? ['(no family)'] : [];
    expect(named).toEqual([...families, ...last]);
    // every operation sits under its own family's heading row
    const fam = familyOf(model);
    let current = '';
    for (const [f, op] of rows) {
      if (f) current = f;
      expect(current).toBe(fam.get(op!) ?? '(no family)');
    }
    // within a family, findings before not implemented before cannot set up before conforming
    const rank = ['findings', 'not implemented', 'cannot set up', 'conforming'];
    for (const g of byFamily(r.operations!)) {
      const order = g.operations.map((v) => v.verdict);
      expect(order).toEqual(
        [...order].sort((a, b) => rank.indexOf(a.replace(/-/g, ' ')) - rank.indexOf(b.replace(/-/g, ' '))),
      );
    }
    const counts = (v: string) => rows.filter((c) => c[2]!.endsWith(v)).length;
    expect([
      counts('conforming'),
      counts('findings'),
      counts('not implemented'),
      counts('cannot set up'),
    ]).toEqual([9, 3, 92, 5]);
  });

  test('each verdict says why; what a target answered cannot break a table or inject HTML', () => {
    const md = renderMarkdown(r);
    const rows = mdTable(md, '## Operations').map(cols);
    for (const c of rows.filter((x) => !x[2]!.endsWith('conforming'))) expect(c[3]).not.toBe('');
    expect(rows.find((c) => c[2]!.endsWith('findings'))![3]).toBe('fails: negative-rejection');
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script>alert(1)&lt;/script> \\| pipe');
    // "not implemented" notes are the verdicts' reasons, not repeated as run notes; others stay
    expect(md).not.toMatch(/^> \w+: not implemented by the target/m);
    expect(md).toContain('> read-only: a note that is not a verdict');
  });

  test('the matrix: an operation a row, those with something to say first, the rest folded', () => {
    const md = renderMarkdown(r);
    const telling = mdTable(md, '## Checks × operations').map(cols);
    // failed (3 findings + 92 not implemented), inconclusive (5 of the conforming), noted (1)
    expect(telling).toHaveLength(3 + 92 + 5 + 1);
    for (const row of telling) {
      expect(row).toHaveLength(1 + CHECKS.length);
      expect(row.slice(1).some((c) => /❌|❔|\*/.test(c))).toBe(true);
    }
    const folded = md.slice(md.indexOf('<details>'), md.indexOf('</details>'));
    expect(folded).toMatch(/^<details><summary>3 operation\(s\) with nothing to say/);
    expect(folded.split('\n').filter((l) => /^\| [A-Z]/.test(l))).toHaveLength(3);
    // 109 × 6 skipped cells stay one line per check and reason
    expect(md.match(/^- (pagination|filters|idempotency|lifecycle|stateful|history): /gm)).toHaveLength(6);
  });

  test('results without verdicts (older runs): derived from the cells and notes, still rendered', () => {
    const { operations, ...old } = r;
    void operations;
    const derived = operationVerdicts(old);
    expect(derived).toHaveLength(104); // operations with cells; cannot-set-up ones left none
    expect(derived.filter((v) => v.verdict === 'not-implemented')).toHaveLength(92);
    expect(derived.filter((v) => v.verdict === 'findings')).toHaveLength(3);
    expect(derived.filter((v) => v.verdict === 'conforming')).toHaveLength(9);
    const md = renderMarkdown(old);
    expect(md.split('\n')[2]).toBe(
      '**12 of 104 operations implemented, 9 conforming, 3 with findings, 0 cannot be set up**',
    );
    expect(mdTable(md, '## Operations')).toHaveLength(104);
    expect(renderHtml(old)).toContain('12 of 104 operations implemented');
    expect(renderJunit(old).match(/<testsuite /g)).toHaveLength(104);
  });
});

describe('report.html at 109 operations', () => {
  test('coverage first, verdicts by family with reasons, the matrix in folds, escaped', () => {
    const html = renderHtml(r);
    const body = html.slice(html.indexOf('<body>'));
    expect(body.indexOf(`<p class="coverage">${COVERAGE}</p>`)).toBeGreaterThan(body.indexOf('<h1>'));
    expect(body.indexOf('class="coverage"')).toBeLessThan(body.indexOf('<table class="verdicts"'));
    expect(body.indexOf('<table class="verdicts"')).toBeLessThan(body.indexOf('<table class="matrix"'));
    expect(html.match(/<tr class="op /g)).toHaveLength(109);
    expect(html.match(/<tr class="family">/g)).toHaveLength(byFamily(r.operations!).length);
    expect(html.match(/<details open>/g)).toHaveLength(1);
    expect(html.match(/<details>/g)).toHaveLength(1);
    expect(html).not.toContain('<script>');
    // every link points at an id on the page, and ids are unique
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [, href] of html.matchAll(/href="#([^"]+)"/g)) expect(ids).toContain(href);
  });
});

describe('junit.xml at 109 operations', () => {
  test('one suite per operation, its check cells as cases, the verdict as a property; well-formed', () => {
    const xml = renderJunit(r);
    expect(xml.match(/<testsuite /g)).toHaveLength(109);
    // + one failing case per operation the target does not implement (92), besides its cells
    expect(xml.match(/<testcase /g)).toHaveLength(r.cells.length + 5 + 92);
    expect(xml.match(/<property name="verdict" value="cannot set up"\/>/g)).toHaveLength(5);
    expect(xml.match(/<failure /g)).toHaveLength(3 + 92 + 92);
    expect(xml.match(/<failure [^>]*type="not-implemented"/g)).toHaveLength(92);
    expect(xml).not.toMatch(/<script>/);
    // tags balance
    const stack: string[] = [];
    for (const [, close, name, selfClosing] of xml.matchAll(/<(\/?)([a-z]+)[^>]*?(\/?)>/g)) {
      if (selfClosing) continue;
      if (close) expect(stack.pop()).toBe(name);
      else stack.push(name!);
    }
    expect(stack).toEqual([]);
  });
});

describe('github reporter at 109 operations', () => {
  test('a coverage notice, then one error per finding', () => {
    const lines = renderGithubAnnotations(r).trimEnd().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^::notice title=[^:]+::${COVERAGE}$`));
    // one per failing cell and one per operation the target does not implement
    expect(lines.filter((l) => l.startsWith('::error'))).toHaveLength(
      r.cells.filter((c) => c.status === 'failed').length + 92,
    );
    const missing = /^::error title=[^:]+%3A not implemented by the target::/;
    expect(lines.filter((l) => missing.test(l))).toHaveLength(92);
  });
});
