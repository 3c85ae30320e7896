// The default conformance run against the built-in mock: wall time and requests/s, against a baseline
// of the same number of SDK requests to a handler that answers at once (the SDK's own ceiling).
import { Readable } from 'node:stream';
import { BackupClient, ListRestoreJobsCommand } from '@aws-sdk/client-backup';
import { createMock, ManualClock } from '../../src/mock/index.ts';
import { loadBackupModel } from '../../src/model/load.ts';
import { runConformance } from '../../src/runner/run.ts';
import { fetchFunctionTarget } from '../../src/targets/fetch-target.ts';
import { HEADER, measure, row, type Figure } from './stats.ts';

export async function benchRun(runs = 3): Promise<{ markdown: string; figures: Figure[] }> {
  const model = await loadBackupModel();
  let requests = 0;
  let timings: Record<string, Record<string, number>> = {};
  let verdicts: Record<string, number> = {};
  const once = async (n: number) => {
    const clock = new ManualClock();
    const mock = await createMock({ model, clock });
    const target = fetchFunctionTarget((r) => mock.fetch(r), {
      name: 'builtin',
      origin: 'https://backup.us-east-1.amazonaws.com',
      timeoutMs: 5000,
    });
    const r = await runConformance({
      model,
      target,
      runs: n,
      seed: 1,
      recoveryPoints: mock.store.recoveryPoints().map((p) => p.arn),
      advance: (ms) => clock.advance(ms),
    });
    requests = r.requests;
    timings = r.timings;
    verdicts = {};
    for (const v of r.operations ?? []) verdicts[v.verdict] = (verdicts[v.verdict] ?? 0) + 1;
    // every operation the mock serves must pass; one it does not serve is 'not-implemented'
    const served = new Set(
      (r.operations ?? []).filter((v) => v.verdict !== 'not-implemented').map((v) => v.operation),
    );
    if (r.cells.some((c) => c.status === 'failed' && served.has(c.operation)))
      throw new Error('the default run found failures against the built-in mock');
  };
  const body = Buffer.from('{"RestoreJobs":[]}');
  const ceiling = new BackupClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    requestHandler: {
      handle: async () => ({
        response: {
          statusCode: 200,
          headers: { 'content-type': 'application/json' },
          body: Readable.from([body]),
        },
      }),
    } as never,
  });
  const def = await measure('default run (--runs 100)', runs, () => once(100));
  const defRequests = requests;
  const breakdown = timings;
  const baseline = await measure(
    `baseline: ${defRequests} SDK requests to an instant handler`,
    runs,
    async () => {
      for (let i = 0; i < defRequests; i++) await ceiling.send(new ListRestoreJobsCommand({}));
    },
  );
  const ten = await measure('10× runs (--runs 1000)', runs, () => once(1000));
  const tenRequests = requests;
  const markdown = [
    '## 5. Full default conformance run (built-in mock)',
    '',
    HEADER,
    row(baseline, baseline),
    row(def, baseline),
    row(ten, baseline),
    '',
    `Operations (every one of the model): ${Object.entries(verdicts)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}; ${defRequests} requests.`,
    '',
    `Per phase (wall ms, requests included, last run): ${Object.entries(breakdown.phases ?? {})
      .map(([k, v]) => `${k} ${v}`)
      .join(' · ')}.`,
    '',
    `Per check (ms judging; scenario checks: the whole scenario): ${Object.entries(breakdown.checks ?? {})
      .map(([k, v]) => `${k} ${v}`)
      .join(' · ')}.`,
    '',
    `Goal ≤ 10 s: ${def.medianMs <= 10_000 ? 'met' : 'NOT met'}. ` +
      `Goal --runs 1000 ≤ 10× the time: ${ten.medianMs <= 10 * def.medianMs ? 'met' : 'NOT met'}.`,
    '',
    `Default run: ${(def.medianMs / 1000).toFixed(2)} s, ${defRequests} requests, ` +
      `${Math.round((defRequests * 1000) / def.medianMs)} requests/s. ` +
      `--runs 1000: ${(ten.medianMs / 1000).toFixed(2)} s, ${tenRequests} requests ` +
      `(${(ten.medianMs / def.medianMs).toFixed(1)}× the time ` +
      `for ${(tenRequests / defRequests).toFixed(1)}× the requests).`,
  ].join('\n');
  return { markdown, figures: [baseline, def, ten] };
}
