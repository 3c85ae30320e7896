// Reporters: a small interface and a name → reporter map (`--reporter junit,json,md,html`). Rendering
// is pure; writing happens at the edge (write.ts).
import type { RunResult } from '../runner/types.ts';
import { renderGithubAnnotations, renderGithubSummary } from './github.ts';
import { renderHtml } from './html.ts';
import { renderJunit } from './junit.ts';
import { renderMarkdown } from './markdown.ts';
import { operationVerdicts } from './verdicts.ts';

export interface Reporter {
  file: string;
  render(r: RunResult): string;
  /** what the reporter prints on standard output, besides its file (e.g. GitHub workflow commands) */
  console?(r: RunResult): string;
}

export const REPORTERS: Record<string, Reporter> = {
  junit: { file: 'junit.xml', render: renderJunit },
  json: { file: 'results.json', render: renderJson },
  md: { file: 'summary.md', render: renderMarkdown },
  html: { file: 'report.html', render: renderHtml },
  github: {
    file: 'github-summary.md',
    render: renderGithubSummary,
    console: (r) => renderGithubAnnotations(r),
  },
};

/** results.json: for each check × operation its check, operation, status (passed|failed|skipped|
 * inconclusive, with inconclusiveReason), cases and failures, with failure details (provenance,
 * request redacted, answer, seed, path, reproduction) and notes (answers a convention accepted). */
export function renderJson(r: RunResult): string {
  const counts = tally(r);
  const json = JSON.stringify(
    { ...r, summary: counts, results: r.cells },
    (k, v) => (k === 'cells' ? undefined : v),
    2,
  );
  return `${json}\n`;
}

/** Cells by status, and the operations the target does not implement: each is a finding too (its cells
 * are folded into that verdict), so a run fails on `failed || notImplemented`. */
export function tally(r: RunResult): {
  passed: number;
  failed: number;
  skipped: number;
  inconclusive: number;
  notImplemented: number;
} {
  const n = (s: string) => r.cells.filter((c) => c.status === s).length;
  const notImplemented = operationVerdicts(r).filter((v) => v.verdict === 'not-implemented').length;
  return {
    passed: n('passed'),
    failed: n('failed'),
    skipped: n('skipped'),
    inconclusive: n('inconclusive'),
    notImplemented,
  };
}

/** The headline: findings first; no finding is "all passing" only when nothing was left unjudged. */
export function verdict(t: ReturnType<typeof tally>): string {
  const missing = t.notImplemented ? `${t.notImplemented} operation(s) not implemented` : '';
  if (t.failed) return `${t.failed} failing${missing ? `, ${missing}` : ''}`;
  if (missing) return missing;
  return t.inconclusive ? `no findings, ${t.inconclusive} inconclusive` : 'all passing';
}

/** A failure's or note's provenance, as the reports print it. */
export const provenanceLabel = (p: string | undefined): string =>
  p === 'convention' ? 'convention (nothing documents it: any 4xx client error passes)' : 'documented';
