// Resident memory before and after 100,000 requests to the built-in target. The requests read (list and
// describe), so the job store does not grow: any growth is the toolkit's own.
import {
  BackupClient,
  DescribeRestoreJobCommand,
  ListRestoreJobsCommand,
  StartRestoreJobCommand,
} from '@aws-sdk/client-backup';
import { createMock, ManualClock } from '../../src/mock/index.ts';
import { mockRequestHandler } from '../../src/mock/handlers.ts';
import { builtinTarget } from '../../src/targets/select.ts';

const mb = (n: number) => n / 1024 / 1024;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

type Send = (
  op: 'start' | 'list' | 'describe',
  input: Record<string, unknown>,
) => Promise<Record<string, unknown> | undefined>;

/** `path`: the built-in target as `run` uses it, or the SDK over mockRequestHandler (msw getResponse). */
export async function benchMemory(
  requests = 100_000,
  reps = 3,
  path: 'builtin' | 'msw' = 'builtin',
): Promise<{ markdown: string; rows: Record<string, number>[] }> {
  const rows: Record<string, number>[] = [];
  const NAMES = {
    start: 'StartRestoreJob',
    list: 'ListRestoreJobs',
    describe: 'DescribeRestoreJob',
  } as const;
  for (let r = 0; r < reps; r++) {
    const mock = await createMock({ clock: new ManualClock() });
    let send: Send;
    let close: () => void;
    if (path === 'builtin') {
      const target = builtinTarget(mock, 5000);
      send = async (op, input) => (await target.sendSdk(NAMES[op], input)).output;
      close = () => void target.close();
    } else {
      const client = new BackupClient({
        region: 'us-east-1',
        credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
        requestHandler: mockRequestHandler(mock) as never,
      });
      const C = {
        start: StartRestoreJobCommand,
        list: ListRestoreJobsCommand,
        describe: DescribeRestoreJobCommand,
      } as unknown as Record<string, new (input: never) => never>;
      send = async (op, input) =>
        (await client.send(new C[op]!(input as never) as never)) as unknown as Record<string, unknown>;
      close = () => client.destroy();
    }
    const arn = mock.store.recoveryPoints()[0]!.arn;
    const ids: string[] = [];
    for (let i = 0; i < 50; i++)
      ids.push(String((await send('start', { RecoveryPointArn: arn, Metadata: {} }))?.RestoreJobId));
    for (let i = 0; i < 1000; i++) await send('list', { MaxResults: 10 }); // warm-up: JIT, caches
    gc();
    const before = process.memoryUsage();
    const t0 = performance.now();
    for (let i = 0; i < requests; i++) {
      if (i % 2) await send('describe', { RestoreJobId: ids[i % ids.length] });
      else await send('list', { MaxResults: 10 });
    }
    const secs = (performance.now() - t0) / 1000;
    gc();
    const after = process.memoryUsage();
    rows.push({
      rssBeforeMb: +mb(before.rss).toFixed(1),
      rssAfterMb: +mb(after.rss).toFixed(1),
      rssGrowthMb: +mb(after.rss - before.rss).toFixed(1),
      heapGrowthMb: +mb(after.heapUsed - before.heapUsed).toFixed(1),
      jobs: mock.store.size,
      seconds: +secs.toFixed(1),
    });
    close();
  }
  const sorted = [...rows].sort((a, b) => a.rssGrowthMb! - b.rssGrowthMb!);
  const mid = sorted[Math.floor(sorted.length / 2)]!;
  const markdown = [
    `## 7${path === 'msw' ? ' (msw path)' : ''}. Memory: ${requests.toLocaleString('en')} requests to ` +
      (path === 'builtin'
        ? 'the built-in target (as run uses it)'
        : 'the mock through mockRequestHandler (msw getResponse)'),
    '',
    'Half ListRestoreJobs, half DescribeRestoreJob over a store of 50 jobs ' +
      '(constant: the store is accounted for by not growing it). ' +
      (typeof (globalThis as { gc?: unknown }).gc === 'function'
        ? 'Measured after a forced GC.'
        : 'No --expose-gc: figures include garbage not yet collected.'),
    '',
    '| run | RSS before MB | RSS after MB | RSS growth MB | heap growth MB | seconds |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (r, i) =>
        `| ${i + 1} | ${r.rssBeforeMb} | ${r.rssAfterMb} | ` +
        `${r.rssGrowthMb} | ${r.heapGrowthMb} | ${r.seconds} |`,
    ),
    '',
    `Median RSS growth ${mid.rssGrowthMb} MB ` +
      `(spread ${sorted[0]!.rssGrowthMb}–${sorted.at(-1)!.rssGrowthMb}); ` +
      `goal < 50 MB — ${mid.rssGrowthMb! < 50 ? 'met' : 'NOT met'}.`,
  ].join('\n');
  return { markdown, rows };
}
