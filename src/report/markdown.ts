// summary.md: fits a CI job summary — the matrix, then each failure with its reproduction.
import type { RunResult } from '../runner/types.ts';
import { provenanceLabel, tally, verdict } from './reporters.ts';

const ICON = {
  passed: '✅ pass',
  failed: '❌ fail',
  skipped: '⏭ skip',
  inconclusive: '❔ inconclusive',
} as const;

export function renderMarkdown(r: RunResult): string {
  const ops = [...new Set(r.cells.map((c) => c.operation))];
  const checks = [...new Set(r.cells.map((c) => c.check))];
  const t = tally(r);
  const lines = [
    `# AWS Backup conformance: ${verdict(t)}`,
    '',
    `Target \`${r.target}\` · seed \`${r.seed}\` · ${r.runs} random cases per operation · ` +
      `${r.requests} requests in ${(r.durationMs / 1000).toFixed(1)} s · ` +
      `${t.passed} passed, ${t.failed} failed, ${t.inconclusive} inconclusive, ${t.skipped} skipped`,
    ...(r.account ? ['', `Account \`${r.account}\` (STS GetCallerIdentity)`] : []),
    '',
    `| check | ${ops.join(' | ')} |`,
    `|---|${ops.map(() => '---').join('|')}|`,
    ...checks.map(
      (check) =>
        `| ${check} | ${ops
          .map((op) => {
            const c = r.cells.find((x) => x.check === check && x.operation === op);
            const counted = c && c.status !== 'skipped' && c.status !== 'inconclusive';
            return c
              ? `${ICON[c.status]}${counted ? ` (${c.failures ? `${c.failures}/` : ''}${c.cases})` : ''}`
              : '—';
          })
          .join(' | ')} |`,
    ),
  ];
  for (const n of r.notes) lines.push('', `> ${n}`);
  const failed = r.cells.filter((c) => c.status === 'failed');
  if (failed.length) lines.push('', '## Failures');
  for (const c of failed) {
    lines.push('', `### ${c.check} × ${c.operation} (${c.failures} of ${c.cases})`);
    for (const d of c.details) {
      lines.push(
        '',
        `- **Received:** ${d.received}`,
        `- **Documented:** ${d.documented}`,
        `- **Expectation:** ${provenanceLabel(d.provenance)}`,
      );
      if (d.label) lines.push(`- **Case:** ${d.label}`);
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
      ...unsure.map((c) => `- ${c.check} × ${c.operation}: ${c.inconclusiveReason}`),
    );
  const noted = r.cells.filter((c) => c.notes?.length);
  if (noted.length) lines.push('', '## Notes', '');
  for (const c of noted)
    for (const n of c.notes!)
      lines.push(
        `- ${c.check} × ${c.operation}: ${n.received} — ${n.documented} (${provenanceLabel(n.provenance)})`,
      );
  const skipped = r.cells.filter((c) => c.status === 'skipped');
  if (skipped.length)
    lines.push(
      '',
      '## Skipped',
      '',
      ...skipped.map((c) => `- ${c.check} × ${c.operation}: ${c.skippedReason}`),
    );
  return `${lines.join('\n')}\n`;
}
