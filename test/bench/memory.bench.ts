// Resident memory before and after 100,000 requests to the built-in target. The requests read (list and
// describe), so the job store does not grow: any growth is the toolkit's own.
import { BackupClient, DescribeRestoreJobCommand, ListRestoreJobsCommand, StartRestoreJobCommand } from '@aws-sdk/client-backup';
import { createMock, ManualClock } from '../../src/mock/index.ts';
import { mockRequestHandler } from '../../src/mock/fast-path.ts';

const mb = (n: number) => n / 1024 / 1024;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

export async function benchMemory(requests = 100_000, reps = 3): Promise<{ markdown: string; rows: Record<string, number>[] }> {
  const rows: Record<string, number>[] = [];
  for (let r = 0; r < reps; r++) {
    const mock = await createMock({ clock: new ManualClock() });
    const client = new BackupClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, requestHandler: mockRequestHandler(mock) as never });
    const arn = mock.store.recoveryPoints()[0]!.arn;
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push((await client.send(new StartRestoreJobCommand({ RecoveryPointArn: arn, Metadata: {} }))).RestoreJobId!);
    for (let i = 0; i < 1000; i++) await client.send(new ListRestoreJobsCommand({ MaxResults: 10 })); // warm-up: JIT, caches
    gc();
    const before = process.memoryUsage();
    const t0 = performance.now();
    for (let i = 0; i < requests; i++) {
      if (i % 2) await client.send(new DescribeRestoreJobCommand({ RestoreJobId: ids[i % ids.length] }));
      else await client.send(new ListRestoreJobsCommand({ MaxResults: 10 }));
    }
    const secs = (performance.now() - t0) / 1000;
    gc();
    const after = process.memoryUsage();
    rows.push({ rssBeforeMb: +mb(before.rss).toFixed(1), rssAfterMb: +mb(after.rss).toFixed(1), rssGrowthMb: +mb(after.rss - before.rss).toFixed(1), heapGrowthMb: +mb(after.heapUsed - before.heapUsed).toFixed(1), jobs: mock.store.size, seconds: +secs.toFixed(1) });
    client.destroy();
  }
  const sorted = [...rows].sort((a, b) => a.rssGrowthMb! - b.rssGrowthMb!);
  const mid = sorted[Math.floor(sorted.length / 2)]!;
  const markdown = [
    `## 7. Memory: ${requests.toLocaleString('en')} requests to the built-in target`,
    '',
    `Half ListRestoreJobs, half DescribeRestoreJob over a store of 50 jobs (constant: the store is accounted for by not growing it). ${typeof (globalThis as { gc?: unknown }).gc === 'function' ? 'Measured after a forced GC.' : 'No --expose-gc: figures include garbage not yet collected.'}`,
    '',
    '| run | RSS before MB | RSS after MB | RSS growth MB | heap growth MB | seconds |',
    '|---|---|---|---|---|---|',
    ...rows.map((r, i) => `| ${i + 1} | ${r.rssBeforeMb} | ${r.rssAfterMb} | ${r.rssGrowthMb} | ${r.heapGrowthMb} | ${r.seconds} |`),
    '',
    `Median RSS growth ${mid.rssGrowthMb} MB (spread ${sorted[0]!.rssGrowthMb}–${sorted.at(-1)!.rssGrowthMb}); goal < 50 MB — ${mid.rssGrowthMb! < 50 ? 'met' : 'NOT met'}.`,
  ].join('\n');
  return { markdown, rows };
}
