// Requests per second through the SDK: the ceiling (a handler that answers at once with the same bytes
// the mock would), the built-in target's fast path, and msw setupServer with the same handlers.
import { BackupClient, ListRestoreJobsCommand, StartRestoreJobCommand } from '@aws-sdk/client-backup';
import { setupServer } from 'msw/node';
import { createMock, ManualClock } from '../../src/mock/index.ts';
import { mockRequestHandler } from '../../src/mock/handlers.ts';
import { mockHandlers } from '../../src/mock/handlers.ts';
import { selectTarget } from '../../src/targets/select.ts';
import { measure, measureRounds, median, type Figure } from './stats.ts';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
const REQUEST = { MaxResults: 10 };

async function listMany(client: BackupClient, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await client.send(new ListRestoreJobsCommand(REQUEST));
}

export interface Throughput {
  name: string;
  perSec: number;
  ratio: number;
  ratioSpread: string;
  figure: Figure;
}

export async function benchThroughput(
  requests = 1000,
  runs = 15,
): Promise<{ markdown: string; rows: Throughput[] }> {
  const mock = await createMock({ clock: new ManualClock() });
  const fast = new BackupClient({
    region: 'us-east-1',
    credentials,
    requestHandler: mockRequestHandler(mock) as never,
  });
  const point = mock.store.recoveryPoints()[0]!;
  for (let i = 0; i < 20; i++)
    await fast.send(new StartRestoreJobCommand({ RecoveryPointArn: point.arn, Metadata: {} }));
  // the ceiling answers at once with exactly the bytes the mock answers this request with, in the cheapest
  // form a handler can give the SDK (a Uint8Array, no stream)
  const sample = await mock.fetch(
    new Request('https://backup.us-east-1.amazonaws.com/restore-jobs?maxResults=10'),
  );
  const bytes = Buffer.from(await sample.arrayBuffer());
  const headers: Record<string, string> = {};
  sample.headers.forEach((v, k) => (headers[k] = v));
  const ceilingClient = new BackupClient({
    region: 'us-east-1',
    credentials,
    requestHandler: {
      handle: async () => ({ response: { statusCode: 200, headers, body: new Uint8Array(bytes) } }),
    } as never,
  });

  // the built-in target exactly as `run` uses it (selectTarget('builtin')): the SDK with a recording handler
  // over the mock's direct in-process handler
  const { target, recoveryPoints } = await selectTarget('builtin', { model: mock.model, timeoutMs: 5000 });
  for (let i = 0; i < 20; i++)
    await target.sendSdk('StartRestoreJob', { RecoveryPointArn: recoveryPoints[0]!, Metadata: {} });
  // interleaved rounds: the ratios compare runs that shared the machine's moment
  const { figures, ratios } = await measureRounds(runs, [
    {
      name: `ceiling: SDK → instant handler, ${requests} ListRestoreJobs`,
      fn: () => listMany(ceilingClient, requests),
    },
    {
      name: `built-in target (as run uses it), ${requests} ListRestoreJobs`,
      fn: async () => {
        for (let i = 0; i < requests; i++) await target.sendSdk('ListRestoreJobs', REQUEST);
      },
    },
    {
      name: `mockRequestHandler (msw getResponse), ${requests} ListRestoreJobs`,
      fn: () => listMany(fast, requests),
    },
  ]);
  const [ceiling, builtin, viaMsw] = figures as [Figure, Figure, Figure];
  const server = setupServer(...mockHandlers(mock));
  server.listen({ onUnhandledRequest: 'error' });
  const intercepted = new BackupClient({ region: 'us-east-1', credentials });
  const msw = await measure(`msw setupServer, ${requests} ListRestoreJobs`, runs, () =>
    listMany(intercepted, requests),
  );
  server.close();
  const ratioOf = (i: number) => (i < 3 ? median(ratios[i]!) : ceiling.medianMs / msw.medianMs);
  const spreadOf = (i: number) =>
    i < 3 ? `${ratios[i]![0]!.toFixed(2)}–${ratios[i]!.at(-1)!.toFixed(2)}` : 'not interleaved';
  const rows = [ceiling, builtin, viaMsw, msw].map((f, i) => ({
    name: f.name,
    perSec: Math.round((requests * 1000) / f.medianMs),
    ratio: ratioOf(i),
    ratioSpread: spreadOf(i),
    figure: f,
  }));
  const markdown = [
    '## 1–3. Throughput through the SDK (ListRestoreJobs, 10-item pages)',
    '',
    '| what | requests/s (median) | spread ms (min–max per run) | ' +
      'ratio to the ceiling (median of rounds) | ratio spread | runs |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.perSec} | ${r.figure.minMs.toFixed(0)}–${r.figure.maxMs.toFixed(0)} | ` +
        `${r.ratio.toFixed(2)} | ${r.ratioSpread} | ${r.figure.runs} |`,
    ),
    '',
    'Ceiling, built-in target and getResponse run in interleaved rounds (order rotating), ' +
      'and each ratio is the median of per-round ratios: ' +
      'this machine has slow and fast phases that would otherwise fall on one contender.',
    '',
    `Goal for the built-in target: ≥ 0.6 of the ceiling — ${rows[1]!.ratio >= 0.6 ? 'met' : 'NOT met'} ` +
      `(${rows[1]!.ratio.toFixed(2)}). It is ${(msw.medianMs / builtin.medianMs).toFixed(1)}× setupServer; ` +
      `msw's getResponse path is ${(msw.medianMs / viaMsw.medianMs).toFixed(1)}× setupServer ` +
      `(msw's own per-request work — request clone, header copies, handler bookkeeping — ` +
      `costs about as much as the whole mock).`,
  ].join('\n');
  return { markdown, rows };
}
