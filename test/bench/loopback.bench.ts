// The standalone mock over loopback (its own process), keep-alive: 1, 8 and 64 concurrent clients.
import { BackupClient, ListRestoreJobsCommand, StartRestoreJobCommand } from '@aws-sdk/client-backup';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { Agent } from 'node:http';
import { defaultCatalogue } from '../../src/mock/index.ts';
import { spawnStandalone } from './standalone.ts';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

export async function startStandalone(): Promise<{ endpoint: string; pid: number; stop: () => void }> {
  const m = await spawnStandalone();
  return { endpoint: m.endpoint, pid: m.child.pid!, stop: () => void m.stop() };
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

export async function benchLoopback(
  total = 3000,
  reps = 3,
): Promise<{ markdown: string; rows: Record<string, number>[] }> {
  const { endpoint, stop } = await startStandalone();
  try {
    const agent = new Agent({ keepAlive: true, maxSockets: 64 });
    const client = new BackupClient({
      region: 'us-east-1',
      credentials,
      endpoint,
      maxAttempts: 1,
      requestHandler: new NodeHttpHandler({ httpAgent: agent }),
    });
    const arn = defaultCatalogue()[0]!.arn;
    for (let i = 0; i < 20; i++)
      await client.send(new StartRestoreJobCommand({ RecoveryPointArn: arn, Metadata: {} }));
    const rows: Record<string, number>[] = [];
    for (const concurrency of [1, 8, 64]) {
      const runs: { perSec: number; p50: number; p99: number }[] = [];
      for (let r = 0; r < reps + 1; r++) {
        const lat: number[] = [];
        let left = total;
        const t0 = performance.now();
        await Promise.all(
          Array.from({ length: concurrency }, async () => {
            while (left-- > 0) {
              const s = performance.now();
              await client.send(new ListRestoreJobsCommand({ MaxResults: 10 }));
              lat.push(performance.now() - s);
            }
          }),
        );
        const wall = performance.now() - t0;
        lat.sort((a, b) => a - b);
        // r = 0 warms up
        if (r > 0) runs.push({ perSec: (total * 1000) / wall, p50: pct(lat, 50), p99: pct(lat, 99) });
      }
      runs.sort((a, b) => a.perSec - b.perSec);
      const mid = runs[Math.floor(runs.length / 2)]!;
      rows.push({
        concurrency,
        perSec: Math.round(mid.perSec),
        minPerSec: Math.round(runs[0]!.perSec),
        maxPerSec: Math.round(runs.at(-1)!.perSec),
        p50Ms: +mid.p50.toFixed(2),
        p99Ms: +mid.p99.toFixed(2),
      });
    }
    client.destroy();
    agent.destroy();
    const markdown = [
      '## 4. Standalone mock over loopback (keep-alive, ListRestoreJobs)',
      '',
      `${total} requests per run, median of ${reps} runs (after one warm-up).`,
      '',
      '| concurrent clients | requests/s (median) | spread (min–max) | p50 ms | p99 ms |',
      '|---|---|---|---|---|',
      ...rows.map(
        (r) => `| ${r.concurrency} | ${r.perSec} | ${r.minPerSec}–${r.maxPerSec} | ${r.p50Ms} | ${r.p99Ms} |`,
      ),
    ].join('\n');
    return { markdown, rows };
  } finally {
    stop();
  }
}
