// JUnit XML: one test suite per check, one test case per check × operation.
import type { RunResult } from '../runner/types.ts';

const esc = (s: string) =>
  s
    .replace(
      /[<>&"']/g,
      (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
    )
    // characters XML 1.0 cannot carry
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

export function renderJunit(r: RunResult): string {
  const checks = [...new Set(r.cells.map((c) => c.check))];
  const suites = checks.map((check) => {
    const cells = r.cells.filter((c) => c.check === check);
    const cases = cells.map((c) => {
      const name = esc(`${check} × ${c.operation}`);
      const head = `    <testcase classname="${esc(check)}" name="${name}" time="0">`;
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
    return (
      `  <testsuite name="${esc(check)}" tests="${cells.length}" failures="${n('failed')}" ` +
      `skipped="${n('skipped') + n('inconclusive')}" errors="0">\n${cases.join('\n')}\n  </testsuite>`
    );
  });
  const n = (s: string) => r.cells.filter((c) => c.status === s).length;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="aws-backup-conformance (${esc(r.target)}, seed ${r.seed})" ` +
    `tests="${r.cells.length}" failures="${n('failed')}" skipped="${n('skipped') + n('inconclusive')}" ` +
    `errors="0" time="${(r.durationMs / 1000).toFixed(3)}">\n${suites.join('\n')}\n</testsuites>\n`
  );
}
