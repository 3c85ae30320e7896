// Spec build from all Backup pages (both forms and the seeds), against reading the same files as a baseline.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderProjectSpec } from '../../src/spec/project.ts';
import { deriveModel } from '../../src/spec/derive.ts';
import { HEADER, measure, row, type Figure } from './stats.ts';

const root = join(import.meta.dirname, '../..');

function readAll(dir: string): number {
  let bytes = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    bytes += e.isDirectory()
      ? readAll(join(dir, e.name))
      : readFileSync(join(dir, e.name), 'utf8').split('\n').length;
  }
  return bytes;
}

export async function benchSpec(runs = 7): Promise<{ markdown: string; figures: Figure[] }> {
  const baseline = await measure('baseline: read and split every page file', runs, () =>
    readAll(join(root, 'spec/docs')),
  );
  const model = await measure('parse all pages + SDK merge + overlay → model', runs, () =>
    deriveModel(join(root, 'spec/docs'), { base: root, overlay: join(root, 'spec/overlay/backup.json') }),
  );
  const full = await measure('full spec build (model + JSON Schema + OpenAPI + d.ts + drift)', runs, () =>
    renderProjectSpec(root),
  );
  const bin = join(root, 'bin/aws-backup-conformance.js');
  const cli = (...args: string[]) =>
    execFileSync(process.execPath, [bin, ...args], { cwd: root, stdio: 'pipe' });
  const out = join(mkdtempSync(join(tmpdir(), 'bench-')), 'backup.json');
  const cold = Math.max(3, Math.ceil(runs / 2));
  const startup = await measure('baseline (cold): CLI start-up alone (--help)', cold, () => cli('--help'));
  const derive = await measure('cold CLI: spec derive spec/docs --out …', cold, () =>
    cli('spec', 'derive', 'spec/docs', '--out', out),
  );
  const figures = [baseline, model, full, startup, derive];
  const markdown = [
    '## 6. Spec build',
    '',
    `Pages: every file under spec/docs (RST, rendered text, seeds). Goal: whole spec under 2000 ms.`,
    '',
    HEADER,
    ...[baseline, model, full].map((f) => row(f, baseline)),
    ...[startup, derive].map((f) => row(f, startup)),
    '',
    `Goal met: ${full.medianMs < 2000 ? 'yes' : 'NO'} (${full.medianMs.toFixed(0)} ms median in-process; ` +
      `${derive.medianMs.toFixed(0)} ms as a cold CLI process, ` +
      `of which ${startup.medianMs.toFixed(0)} ms is start-up).`,
  ].join('\n');
  return { markdown, figures };
}
