// The `github` reporter: a `::notice` with the coverage line ("17 of 109 operations implemented, …"), one
// `::error` workflow command per finding (a failing check × operation; GitHub shows them as annotations
// on the run and, with a file, on the pull request), and a job summary for $GITHUB_STEP_SUMMARY. Pure
// rendering; the CLI prints the annotations and appends the summary.
import type { RunResult } from '../runner/types.ts';
import { renderMarkdown } from './markdown.ts';
import { coverage, coverageLine, operationVerdicts } from './verdicts.ts';

/** GitHub's limit for one step's summary (1 MiB); a longer one is refused and shows nothing. */
export const STEP_SUMMARY_LIMIT = 1024 * 1024;

export interface AnnotationOptions {
  /** a repository file to attach every annotation to (e.g. the mock under test); default: none */
  file?: string;
}

// The escaping GitHub's own toolkit applies (actions/toolkit, core/src/command.ts): in the message,
// `%`, CR and LF; in a property (file, title), also `:` and `,`, which would end it.
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function renderGithubAnnotations(r: RunResult, o: AnnotationOptions = {}): string {
  const file = o.file ? `file=${escapeProperty(o.file)},` : '';
  const heading = escapeProperty(`AWS Backup conformance (${r.target})`);
  const lines = [
    `::notice ${file}title=${heading}::${escapeData(coverageLine(coverage(operationVerdicts(r))))}`,
  ];
  // an operation the target does not implement: one error, its verdict (its cells are folded into it)
  for (const v of operationVerdicts(r).filter((x) => x.verdict === 'not-implemented')) {
    const title = escapeProperty(`${v.operation}: not implemented by the target`);
    lines.push(`::error ${file}title=${title}::${escapeData(`${v.reason ?? ''}\nTarget: ${r.target}`)}`);
  }
  for (const c of r.cells.filter((x) => x.status === 'failed')) {
    const d = c.details[0];
    const title = `${c.check} × ${c.operation}: ${c.failures} of ${c.cases} cases failed`;
    const message = [
      d ? `Received: ${d.received}` : '',
      d
        ? (d.provenance === 'convention' ? 'Convention (no page documents it)' : 'Documented') +
          `: ${d.documented}`
        : '',
      d?.label ? `Case: ${d.label}` : '',
      d ? `Replay: --seed ${d.seed}${d.path ? ` (fast-check path ${d.path})` : ''}` : '',
      d?.reproduce ? `Reproduce: ${d.reproduce}` : '',
      `Target: ${r.target}`,
    ].filter(Boolean);
    const props = [o.file ? `file=${escapeProperty(o.file)}` : '', `title=${escapeProperty(title)}`].filter(
      Boolean,
    );
    lines.push(`::error ${props.join(',')}::${escapeData(message.join('\n'))}`);
  }
  // inconclusive is not failed: a warning that says what could not be judged and why
  for (const c of r.cells.filter((x) => x.status === 'inconclusive')) {
    const title = escapeProperty(`${c.check} × ${c.operation}: inconclusive`);
    lines.push(
      `::warning ${file}title=${title}::${escapeData(c.inconclusiveReason ?? 'preconditions did not hold')}`,
    );
  }
  return lines.map((l) => `${l}\n`).join('');
}

/** summary.md's content, cut at a line to fit GitHub's step-summary limit, saying so when cut. */
export function renderGithubSummary(r: RunResult): string {
  const full = renderMarkdown(r);
  if (Buffer.byteLength(full) <= STEP_SUMMARY_LIMIT) return full;
  const note =
    "\n> Summary cut to fit GitHub's 1 MiB step-summary limit: the full report is summary.md / " +
    'report.html.\n';
  let cut = full.slice(0, STEP_SUMMARY_LIMIT - Buffer.byteLength(note) - 4096);
  while (Buffer.byteLength(cut) > STEP_SUMMARY_LIMIT - Buffer.byteLength(note)) cut = cut.slice(0, -4096);
  return `${cut.slice(0, cut.lastIndexOf('\n') + 1)}${note}`;
}
