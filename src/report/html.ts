// report.html: one self-contained page (no external assets) — the coverage line, the verdict per
// operation grouped by resource family, the per-check matrix folded (html-matrix.ts), then every failure
// with what was received, what is documented, and how to replay it.
import type { OperationVerdict, RunResult } from '../runner/types.ts';
import { anchor, esc, renderMatrix } from './html-matrix.ts';
import { provenanceLabel, tally, verdict } from './reporters.ts';
import {
  byFamily,
  cellsByOperation,
  coverage,
  coverageLine,
  isVerdictNote,
  operationVerdicts,
  reasonOf,
  VERDICT_LABEL,
} from './verdicts.ts';

const id = (check: string, op: string) => anchor('f', check, op);

// one rule group a line, as the page carries them
const CSS = [
  'body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1d232b;max-width:1200px}',
  'h1{font-size:1.5rem;margin:0 0 .25rem}.meta{color:#55606e;margin-bottom:1.5rem}',
  'table{border-collapse:collapse;margin:1rem 0}' +
    'th,td{border:1px solid #d5dae1;padding:.45rem .7rem;text-align:left}',
  'th{background:#f3f5f8}td.passed{background:#e3f6e8;color:#135c2b}' +
    'td.failed{background:#fde4e4;color:#8c1d1d;font-weight:600}',
  'td.skipped{background:#f1f1f1;color:#6b7280}td.inconclusive{background:#eef2fb;color:#35507a}' +
    'td a{color:inherit}',
  '.failure{border:1px solid #f2b8b8;border-left:4px solid #c53030;border-radius:4px;' +
    'padding:.6rem .9rem;margin:.8rem 0;background:#fffafa}',
  '.failure dt{font-weight:600;margin-top:.3rem}.failure dd{margin:0 0 0 1rem}' +
    'pre{background:#f6f8fa;padding:.5rem;overflow:auto;white-space:pre-wrap;word-break:break-all}',
  '.note{background:#fff8e1;border:1px solid #f0d98c;padding:.5rem .8rem;border-radius:4px;margin:.5rem 0}',
  '.legend span{display:inline-block;padding:.1rem .5rem;margin-right:.5rem;border-radius:3px}',
  '.coverage{font-size:1.15rem;font-weight:600;margin:.5rem 0 1rem}',
  'tr.family th{background:#e8ecf2;font-size:1rem}td.v{white-space:nowrap;font-weight:600}' +
    'td.why{color:#3d4652}',
  'td.v.conforming{color:#135c2b;background:#e3f6e8}td.v.findings{color:#8c1d1d;background:#fde4e4}',
  'td.v.not-implemented{color:#6b4a00;background:#fff1cc}td.v.cannot-set-up{color:#35507a;' +
    'background:#eef2fb}td.v.not-sent{color:#6b7280;background:#f1f1f1}',
  'details{margin:.5rem 0}summary{cursor:pointer;font-weight:600;padding:.3rem 0}' +
    '.matrix th,.matrix td{padding:.3rem .5rem;font-size:13px;white-space:nowrap}',
  '.scroll{overflow:auto;max-height:80vh;border:1px solid #d5dae1}.scroll table{margin:0}' +
    '.matrix thead th{position:sticky;top:0;z-index:2}.matrix tbody th{position:sticky;left:0;z-index:1}',
].join('\n');

const VIEWPORT = '<meta name="viewport" content="width=device-width,initial-scale=1">';

const LEGEND =
  '<div class="legend"><span class="passed" style="background:#e3f6e8">pass (cases)</span>' +
  '<span style="background:#fde4e4">fail (failing/cases)</span>' +
  '<span style="background:#f1f1f1">skip (hover for why)</span>' +
  '<span style="background:#eef2fb">inconclusive: could not judge (hover for why)</span>* noted</div>';

/** The verdict table: a header row per family (ungrouped last), an operation a row with its reason. */
function verdictTable(vs: OperationVerdict[], r: RunResult, linked: Set<string>): string {
  const byOp = cellsByOperation(r.cells);
  const rows = byFamily(vs).flatMap((g) => [
    `<tr class="family"><th colspan="3">${esc(g.family ?? 'no family')} ` +
      `<small>(${g.operations.length})</small></th></tr>`,
    ...g.operations.map((v) => {
      const name = linked.has(v.operation)
        ? `<a href="#${anchor('m', v.operation)}">${esc(v.operation)}</a>`
        : esc(v.operation);
      return (
        `<tr class="op ${v.verdict}"><td>${name}</td><td class="v ${v.verdict}">` +
        `${VERDICT_LABEL[v.verdict]}</td><td class="why">${esc(reasonOf(v, byOp.get(v.operation)))}</td></tr>`
      );
    }),
  ]);
  return (
    '<table class="verdicts"><thead><tr><th>operation</th><th>verdict</th><th>why</th></tr></thead>' +
    `<tbody>${rows.join('\n')}</tbody></table>`
  );
}

export function renderHtml(r: RunResult): string {
  const byOp = cellsByOperation(r.cells);
  const checks = [...new Set(r.cells.map((c) => c.check))];
  const verdicts = operationVerdicts(r);
  const ops = [...new Set([...verdicts.map((v) => v.operation), ...byOp.keys()])].filter((op) =>
    byOp.has(op),
  );
  const t = tally(r);
  const failures = r.cells
    .filter((c) => c.status === 'failed')
    .map((c) => {
      const heading = `${esc(c.check)} × ${esc(c.operation)} — ${c.failures} of ${c.cases} case(s)`;
      return `
<section id="${id(c.check, c.operation)}"><h3>${heading}</h3>
${c.details
  .map((d) => {
    const request =
      d.request !== undefined
        ? '<dt>Request (minimal, sensitive members redacted)</dt>' +
          `<dd><pre>${esc(JSON.stringify(d.request, null, 2))}</pre></dd>`
        : '';
    return `<div class="failure"><dl>
<dt>Received</dt><dd>${esc(d.received)}</dd><dt>Documented</dt><dd>${esc(d.documented)}</dd>
<dt>Expectation</dt><dd>${esc(provenanceLabel(d.provenance))}</dd>
${d.label ? `<dt>Case</dt><dd>${esc(d.label)} (${d.phase} phase)</dd>` : `<dt>Phase</dt><dd>${d.phase}</dd>`}
${request}
${d.response ? `<dt>Answer</dt><dd><pre>${esc(JSON.stringify(d.response, null, 2))}</pre></dd>` : ''}
<dt>Replay</dt><dd>seed ${d.seed}${d.path ? `, path ${esc(d.path)}` : ''}</dd>
${d.reproduce ? `<dt>Reproduce</dt><dd><pre>${esc(d.reproduce)}</pre></dd>` : ''}
</dl></div>`;
  })
  .join('')}</section>`;
    })
    .join('');
  const unsure = r.cells.filter((c) => c.status === 'inconclusive');
  const noted = r.cells.filter((c) => c.notes?.length);
  const meta =
    `Target <code>${esc(r.target)}</code> · seed <code>${r.seed}</code> · ` +
    `${r.runs} random cases per operation · ` +
    `${r.requests} requests in ${(r.durationMs / 1000).toFixed(1)} s · started ${esc(r.startedAt)}` +
    (r.account ? ` · account <code>${esc(r.account)}</code>` : '') +
    `<br>${t.passed} passed, ${t.failed} failed, ${t.inconclusive} inconclusive, ${t.skipped} skipped`;
  const unsureItems = unsure
    .map((c) => `<li>${esc(c.check)} × ${esc(c.operation)}: ${esc(c.inconclusiveReason ?? '')}</li>`)
    .join('');
  const notedItems = noted
    .flatMap((c) =>
      c.notes!.map(
        (n) =>
          `<li>${esc(c.check)} × ${esc(c.operation)}: ${esc(n.received)} — ${esc(n.documented)} ` +
          `(${esc(provenanceLabel(n.provenance))})</li>`,
      ),
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">${VIEWPORT}
<title>AWS Backup conformance — ${esc(r.target)}</title><style>${CSS}</style></head>
<body>
<h1>AWS Backup conformance: ${verdict(t)}</h1>
<p class="coverage">${esc(coverageLine(coverage(verdicts)))}</p>
<div class="meta">${meta}</div>
${r.notes
  .filter((n) => !isVerdictNote(n))
  .map((n) => `<div class="note">${esc(n)}</div>`)
  .join('')}
<h2>Operations</h2>
${verdictTable(verdicts, r, new Set(ops))}
${renderMatrix(ops, checks, byOp)}
${LEGEND}
${failures ? `<h2>Failures</h2>${failures}` : ''}
${unsure.length ? `<h2>Inconclusive</h2><ul>${unsureItems}</ul>` : ''}
${noted.length ? `<h2>Notes</h2><ul>${notedItems}</ul>` : ''}
</body></html>
`;
}
