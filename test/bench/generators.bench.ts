// Generating 10,000 valid ListRestoreJobs and StartRestoreJob requests and 10,000 labelled invalid ones,
// against a baseline of fast-check drawing 10,000 plain records of the same member count.
import fc from 'fast-check';
import { invalidRequest, validRequest } from '../../generators/index.ts';
import { loadBackupModel } from '../../src/model/load.ts';
import { HEADER, measure, row, type Figure } from './stats.ts';

const N = 10_000;

export async function benchGenerators(runs = 5): Promise<{ markdown: string; figures: Figure[] }> {
  const model = await loadBackupModel();
  const plain = fc.record(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`m${i}`, fc.string()])), {
    requiredKeys: [],
  });
  const baseline = await measure(`baseline: ${N} plain fc.record of 11 strings`, runs, () =>
    fc.sample(plain, { numRuns: N, seed: 1 }),
  );
  const figures = [
    baseline,
    await measure(`${N} valid ListRestoreJobs`, runs, () =>
      fc.sample(validRequest(model, 'ListRestoreJobs'), { numRuns: N, seed: 1 }),
    ),
    await measure(`${N} valid StartRestoreJob`, runs, () =>
      fc.sample(validRequest(model, 'StartRestoreJob'), { numRuns: N, seed: 1 }),
    ),
    await measure(`${N} invalid ListRestoreJobs (labelled)`, runs, () =>
      fc.sample(invalidRequest(model, 'ListRestoreJobs'), { numRuns: N, seed: 1 }),
    ),
    await measure(`${N} invalid StartRestoreJob (labelled)`, runs, () =>
      fc.sample(invalidRequest(model, 'StartRestoreJob'), { numRuns: N, seed: 1 }),
    ),
  ];
  const markdown = ['## Generators', '', HEADER, ...figures.map((f) => row(f, baseline)), ''].join('\n');
  return { markdown, figures };
}
