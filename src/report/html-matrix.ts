// report.html's per-check matrix: an operation a row, a check a column (109 operations stay a long table,
// never a wide one), in two folds — the rows with something to say (a failure, an inconclusive cell, a
// note) open, the rest closed.
import type { Cell } from '../runner/types.ts';
import { speaks } from './verdicts.ts';

export const esc = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]!);

/** an HTML id from free text: distinct texts may collide only if they differ in stripped characters */
export const anchor = (...parts: string[]) => parts.join('-').replace(/[^\w-]/g, '_');

function cell(c: Cell | undefined, op: string): string {
  if (!c) return '<td class="none">—</td>';
  const text =
    c.status === 'failed'
      ? `<a href="#${anchor('f', c.check, op)}">fail ${c.failures}/${c.cases}</a>`
      : c.status === 'passed'
        ? `pass (${c.cases})${c.notes?.length ? ' *' : ''}`
        : c.status === 'inconclusive'
          ? 'inconclusive'
          : 'skip';
  const title = esc(c.inconclusiveReason ?? c.skippedReason ?? `${c.cases} case(s)`);
  return `<td class="${c.status}" title="${title}">${text}</td>`;
}

function table(ops: string[], checks: string[], byOp: Map<string, Cell[]>): string {
  const head = `<tr><th>operation</th>${checks.map((c) => `<th>${esc(c)}</th>`).join('')}</tr>`;
  const rows = ops.map((op) => {
    const cells = byOp.get(op) ?? [];
    const tds = checks
      .map((check) =>
        cell(
          cells.find((x) => x.check === check),
          op,
        ),
      )
      .join('');
    return `<tr id="${anchor('m', op)}"><th>${esc(op)}</th>${tds}</tr>`;
  });
  // its own scroll box: 14 check columns outgrow the page, and the sticky header and first column
  // stay in view while scrolling it
  return (
    `<div class="scroll"><table class="matrix"><thead>${head}</thead>` +
    `<tbody>${rows.join('\n')}</tbody></table></div>`
  );
}

export function renderMatrix(ops: string[], checks: string[], byOp: Map<string, Cell[]>): string {
  const telling = ops.filter((op) => speaks(byOp.get(op) ?? []));
  const quiet = ops.filter((op) => !speaks(byOp.get(op) ?? []));
  const folds = [
    telling.length
      ? `<details open><summary>${telling.length} operation(s) with something to say</summary>` +
        `${table(telling, checks, byOp)}</details>`
      : '<p>Every operation passed or was skipped: no failure, inconclusive cell or note.</p>',
    quiet.length
      ? `<details><summary>${quiet.length} operation(s) with nothing to say (passing or skipped)</summary>` +
        `${table(quiet, checks, byOp)}</details>`
      : '',
  ];
  return `<h2>Checks × operations</h2>\n${folds.join('\n')}`;
}
