// A mixed load on the standalone server in its own process: concurrent clients starting jobs (half of
// them repeating idempotency tokens) and paging through listings; no job may be lost or duplicated.
import { BackupClient, StartRestoreJobCommand, paginateListRestoreJobs } from '@aws-sdk/client-backup';
import { defaultCatalogue } from '../../src/mock/index.ts';
import { startStandalone } from './loopback.bench.ts';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

/** N clients, each starting K jobs (half of the clients repeat every idempotency token once) and
 * paging through the whole listing after every 10 starts. */
export async function benchLoad(
  clients = 16,
  perClient = 40,
): Promise<{ markdown: string; result: Record<string, number | boolean> }> {
  const { endpoint, stop } = await startStandalone();
  try {
    const lat: number[] = [];
    const timed = async <T>(p: () => Promise<T>) => {
      const t0 = performance.now();
      const r = await p();
      lat.push(performance.now() - t0);
      return r;
    };
    const seed = new BackupClient({ region: 'us-east-1', credentials, endpoint });
    // the child seeds its catalogue with the defaults: the same generator here gives the same ARNs
    const arn = defaultCatalogue()[0]!.arn;
    let duplicatesInListings = 0;
    let pages = 0;
    const expectedIds = new Set<string>();
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        const client = new BackupClient({ region: 'us-east-1', credentials, endpoint, maxAttempts: 1 });
        const repeat = c % 2 === 0;
        for (let k = 0; k < perClient; k++) {
          const token = repeat ? `c${c}-t${Math.floor(k / 2)}` : undefined;
          const { RestoreJobId } = await timed(() =>
            client.send(
              new StartRestoreJobCommand({
                RecoveryPointArn: arn,
                Metadata: { client: String(c), n: String(repeat ? Math.floor(k / 2) : k) },
                ...(token ? { IdempotencyToken: token } : {}),
              }),
            ),
          );
          expectedIds.add(RestoreJobId!);
          if (k % 10 === 9) {
            const seen: string[] = [];
            for await (const page of paginateListRestoreJobs({ client, pageSize: 100 }, {})) {
              pages++;
              seen.push(...page.RestoreJobs!.map((j) => j.RestoreJobId!));
            }
            duplicatesInListings += seen.length - new Set(seen).size;
          }
        }
      }),
    );
    const wall = performance.now() - t0;
    const all: string[] = [];
    for await (const page of paginateListRestoreJobs({ client: seed, pageSize: 1000 }, {}))
      all.push(...page.RestoreJobs!.map((j) => j.RestoreJobId!));
    const expectedCount = ((clients / 2) * perClient) / 2 + (clients / 2) * perClient;
    const startLat = [...lat].sort((a, b) => a - b);
    const requests = lat.length + pages;
    const result = {
      clients,
      perClient,
      requests,
      wallMs: Math.round(wall),
      requestsPerSec: Math.round((requests * 1000) / wall),
      p50Ms: Number(pct(startLat, 50).toFixed(2)),
      p99Ms: Number(pct(startLat, 99).toFixed(2)),
      jobsListed: all.length,
      jobsExpected: expectedCount,
      distinctIdsAnswered: expectedIds.size,
      noneLostOrDuplicated:
        all.length === expectedCount &&
        new Set(all).size === all.length &&
        expectedIds.size === expectedCount &&
        [...expectedIds].every((id) => all.includes(id)),
      duplicatesInListings,
    };
    const markdown = [
      '## Extra: standalone mock under mixed load (starts with repeated idempotency tokens, listings)',
      '',
      `${clients} concurrent SDK clients over loopback (keep-alive), ${perClient} StartRestoreJob each ` +
        '(half the clients send every idempotency token twice), ' +
        'a full paginated listing after every 10 starts.',
      '',
      '| requests | wall ms | requests/s | StartRestoreJob p50 ms | p99 ms | jobs listed / expected | ' +
        'no job lost or duplicated | duplicates within listings |',
      '|---|---|---|---|---|---|---|---|',
      `| ${result.requests} | ${result.wallMs} | ${result.requestsPerSec} | ` +
        `${result.p50Ms} | ${result.p99Ms} | ` +
        `${result.jobsListed} / ${result.jobsExpected} | ${result.noneLostOrDuplicated ? 'yes' : 'NO'} | ` +
        `${duplicatesInListings} |`,
    ].join('\n');
    return { markdown, result };
  } finally {
    stop();
  }
}
