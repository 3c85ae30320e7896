// JUnit XML: one test suite per operation (grouped by resource family, in the order of the reports), its
// check cells as test cases; the suite's properties carry the operation's verdict and why. An operation
// with no cell (e.g. it could not be set up) is one skipped test case saying so.
import type { Cell, OperationVerdict, RunResult } from '../runner/types.ts';
import { byFamily, cellsByOperation, operationVerdicts, reasonOf, VERDICT_LABEL } from './verdicts.ts';

const esc = (s: string) =>
  s
    .replace(
      /[<>&"']/g,
      (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
    )
    // characters XML 1.0 cannot carry
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

export function renderJunit(r: RunResult): string {
  const byOp = cellsByOperation(r.cells);
  const groups = byFamily(operationVerdicts(r));
  const suites = groups.flatMap((g) => g.operations.map((v) => suite(v, byOp.get(v.operation) ?? [])));
  const n = (s: string) => r.cells.filter((c) => c.status === s).length;
  const all = groups.flatMap((g) => g.operations);
  const lone = all.filter((v) => !byOp.has(v.operation)).length;
  // an operation the target does not implement is one failing test case of its own (its cells are skipped)
  const missing = all.filter((v) => v.verdict === 'not-implemented' && byOp.has(v.operation)).length;
  const lonelyMissing = all.filter((v) => v.verdict === 'not-implemented' && !byOp.has(v.operation)).length;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="aws-backup-conformance (${esc(r.target)}, seed ${r.seed})" ` +
    `tests="${r.cells.length + lone + missing}" failures="${n('failed') + missing + lonelyMissing}" ` +
    `skipped="${n('skipped') + n('inconclusive') + lone - lonelyMissing}" ` +
    `errors="0" time="${(r.durationMs / 1000).toFixed(3)}">\n${suites.join('\n')}\n</testsuites>\n`
  );
}

function suite(v: OperationVerdict, cells: Cell[]): string {
  const op = v.operation;
  const classname = esc(v.family ? `${v.family}.${op}` : op);
  const why = reasonOf(v, cells);
  const props =
    '    <properties>\n' +
    (v.family ? `      <property name="family" value="${esc(v.family)}"/>\n` : '') +
    `      <property name="verdict" value="${esc(VERDICT_LABEL[v.verdict])}"/>\n` +
    (why ? `      <property name="why" value="${esc(why)}"/>\n` : '') +
    '    </properties>';
  const gone = v.verdict === 'not-implemented';
  const lone =
    `    <testcase classname="${classname}" name="${esc(`${op}: ${VERDICT_LABEL[v.verdict]}`)}" time="0">` +
    (gone
      ? `\n      <failure message="${esc(`${VERDICT_LABEL[v.verdict]}: ${why}`)}" type="not-implemented"/>`
      : `\n      <skipped message="${esc(`${VERDICT_LABEL[v.verdict]}: ${why}`)}"/>`) +
    '\n    </testcase>';
  const cases = cells.map((c) => {
    const check = c.check;
    const name = esc(`${check} × ${c.operation}`);
    const head = `    <testcase classname="${classname}" name="${name}" time="0">`;
    if (c.status === 'skipped')
      return `${head}\n      <skipped message="${esc(c.skippedReason ?? 'skipped')}"/>\n    </testcase>`;
    // inconclusive is not a failure: JUnit has no such state, so it is a skip that says why
    if (c.status === 'inconclusive')
      return (
        `${head}\n      <skipped message="${esc(`inconclusive: ${c.inconclusiveReason ?? ''}`)}"/>` +
        '\n    </testcase>'
      );
    const notes = (c.notes ?? []).map((n) => `\nnote (${n.provenance}): ${n.received}`).join('');
    if (c.status === 'passed')
      return `${head}\n      <system-out>${c.cases} case(s)${esc(notes)}</system-out>\n    </testcase>`;
    const text = c.details
      .map((d) =>
        [
          `Received: ${d.received}`,
          `Documented: ${d.documented}`,
          `Expectation: ${d.provenance ?? 'documented'}`,
          d.label ? `Case: ${d.label}` : '',
          d.request !== undefined ? `Request: ${JSON.stringify(d.request)}` : '',
          d.response ? `Answer: ${JSON.stringify(d.response)}` : '',
          `Seed: ${d.seed}${d.path ? ` path: ${d.path}` : ''}`,
          d.reproduce ? `Reproduce: ${d.reproduce}` : '',
        ]
          .filter(Boolean)
          .join('\n'),
      )
      .join('\n\n');
    const message = esc(`${c.failures} of ${c.cases} case(s) failed: ${c.details[0]?.received ?? ''}`);
    return (
      `${head}\n      <failure message="${message}" type="${esc(check)}">${esc(text)}</failure>` +
      '\n    </testcase>'
    );
  });
  const n = (s: string) => cells.filter((c) => c.status === s).length;
  const body = cells.length ? [...(gone ? [lone] : []), ...cases].join('\n') : lone;
  const extra = gone ? 1 : 0;
  return (
    `  <testsuite name="${esc(op)}" tests="${(cells.length || 1) + (cells.length ? extra : 0)}" ` +
    `failures="${n('failed') + extra}" ` +
    `skipped="${cells.length ? n('skipped') + n('inconclusive') : 1 - extra}" errors="0">` +
    `\n${props}\n${body}` +
    '\n  </testsuite>'
  );
}
