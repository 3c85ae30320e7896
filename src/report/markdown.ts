// summary.md: fits a CI job summary — the coverage line, the verdict per operation by resource family, the
// per-check matrix (rows with something to say first, the rest folded), then each failure with its
// reproduction.
import type { OperationVerdictKind, RunResult } from '../runner/types.ts';
import { provenanceLabel, tally, verdict } from './reporters.ts';
import {
  byFamily,
  cellsByOperation,
  coverage,
  coverageLine,
  isVerdictNote,
  operationVerdicts,
  reasonOf,
  speaks,
  VERDICT_LABEL,
} from './verdicts.ts';

const ICON = {
  passed: '✅',
  failed: '❌',
  skipped: '⏭',
  inconclusive: '❔',
} as const;

const VERDICT_ICON: Record<OperationVerdictKind, string> = {
  conforming: '✅',
  findings: '❌',
  'not-implemented': '🚫',
  'cannot-set-up': '⚙️',
  'not-sent': '⏭',
};

/** a target's text in running Markdown: one line, no HTML (GitHub would render or strip it) */
const inline = (s: string | undefined) => (s ?? '').replace(/\r?\n/g, ' ').replace(/</g, '&lt;');
/** text inside a table cell: also no column break */
const td = (s: string) => inline(s).replace(/\|/g, '\\|');

export function renderMarkdown(r: RunResult): string {
  const byOp = cellsByOperation(r.cells);
  const checks = [...new Set(r.cells.map((c) => c.check))];
  const verdicts = operationVerdicts(r);
  const t = tally(r);
  const lines = [
    `# AWS Backup conformance: ${verdict(t)}`,
    '',
    `**${coverageLine(coverage(verdicts))}**`,
    '',
    `Target \`${r.target}\` · seed \`${r.seed}\` · ${r.runs} random cases per operation · ` +
      `${r.requests} requests in ${(r.durationMs / 1000).toFixed(1)} s · ` +
      `${t.passed} passed, ${t.failed} failed, ${t.inconclusive} inconclusive, ${t.skipped} skipped ` +
      '(check × operation)',
    ...(r.account ? ['', `Account \`${r.account}\` (STS GetCallerIdentity)`] : []),
    '',
    '## Operations',
    '',
    '| family | operation | verdict | why |',
    '|---|---|---|---|',
    ...byFamily(verdicts).flatMap((g) =>
      g.operations.map(
        (v, i) =>
          `| ${i ? '' : td(g.family ?? '(no family)')} | ${td(v.operation)} | ` +
          `${VERDICT_ICON[v.verdict]} ${VERDICT_LABEL[v.verdict]} | ` +
          `${td(reasonOf(v, byOp.get(v.operation)))} |`,
      ),
    ),
  ];
  // the per-check matrix, an operation a row: the rows with something to say first, the rest folded
  const row = (op: string) =>
    `| ${td(op)} | ${checks
      .map((check) => {
        const c = byOp.get(op)?.find((x) => x.check === check);
        if (!c) return '—';
        const counted = c.status === 'passed' || c.status === 'failed';
        const n = counted ? ` ${c.failures ? `${c.failures}/` : ''}${c.cases}` : '';
        return `${ICON[c.status]}${n}${c.notes?.length ? '*' : ''}`;
      })
      .join(' | ')} |`;
  const head = [`| operation | ${checks.join(' | ')} |`, `|---|${checks.map(() => '---').join('|')}|`];
  const ops = [...new Set([...verdicts.map((v) => v.operation), ...byOp.keys()])].filter((op) =>
    byOp.has(op),
  );
  const telling = ops.filter((op) => speaks(byOp.get(op)!));
  const quiet = ops.filter((op) => !speaks(byOp.get(op)!));
  if (ops.length) {
    lines.push('', '## Checks × operations', '');
    lines.push('✅ passed (cases) · ❌ failed (failing/cases) · ⏭ skipped · ❔ inconclusive · * noted', '');
    if (telling.length) lines.push(...head, ...telling.map(row));
    else lines.push('Every operation passed or was skipped: no failure, inconclusive cell or note.');
    if (quiet.length)
      lines.push(
        '',
        `<details><summary>${quiet.length} operation(s) with nothing to say (passing or skipped)</summary>`,
        '',
        ...head,
        ...quiet.map(row),
        '',
        '</details>',
      );
  }
  // the "not implemented" notes are the verdicts' reasons above
  for (const n of r.notes.filter((x) => !isVerdictNote(x))) lines.push('', `> ${inline(n)}`);
  const failed = r.cells.filter((c) => c.status === 'failed');
  if (failed.length) lines.push('', '## Failures');
  for (const c of failed) {
    lines.push('', `### ${c.check} × ${c.operation} (${c.failures} of ${c.cases})`);
    for (const d of c.details) {
      lines.push(
        '',
        `- **Received:** ${inline(d.received)}`,
        `- **Documented:** ${inline(d.documented)}`,
        `- **Expectation:** ${provenanceLabel(d.provenance)}`,
      );
      if (d.label) lines.push(`- **Case:** ${inline(d.label)}`);
      if (d.request !== undefined)
        lines.push(`- **Request:** \`${JSON.stringify(d.request).replace(/`/g, "'")}\``);
      lines.push(`- **Replay:** seed ${d.seed}${d.path ? `, path ${d.path}` : ''}`);
      if (d.reproduce) lines.push('', '```sh', d.reproduce, '```');
    }
  }
  const unsure = r.cells.filter((c) => c.status === 'inconclusive');
  if (unsure.length)
    lines.push(
      '',
      '## Inconclusive',
      '',
      ...unsure.map((c) => `- ${c.check} × ${c.operation}: ${inline(c.inconclusiveReason)}`),
    );
  const noted = r.cells.filter((c) => c.notes?.length);
  if (noted.length) lines.push('', '## Notes', '');
  for (const c of noted)
    for (const n of c.notes!)
      lines.push(
        `- ${c.check} × ${c.operation}: ${inline(n.received)} — ${inline(n.documented)} ` +
          `(${provenanceLabel(n.provenance)})`,
      );
  // skipped cells, one line per check and reason (109 operations × a skipped check stay one line)
  const skipped = new Map<string, string[]>();
  for (const c of r.cells.filter((x) => x.status === 'skipped')) {
    const k = `${c.check}: ${inline(c.skippedReason ?? 'skipped')}`;
    skipped.set(k, [...(skipped.get(k) ?? []), c.operation]);
  }
  if (skipped.size)
    lines.push(
      '',
      '## Skipped',
      '',
      ...[...skipped].map(
        ([k, o]) => `- ${k} — ${o.length === byOp.size ? 'every operation' : o.join(', ')}`,
      ),
    );
  return `${lines.join('\n')}\n`;
}
