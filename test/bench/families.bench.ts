// The mock across every resource family: resident memory before and after 100,000 mixed requests —
// valid generated requests of every operation in turn (creates, reads, lists, updates, deletes, the
// stateless rest), through the built-in target as `run` uses it. The goal: < 50 MB growth. Items
// accumulate up to the per-family cap; anything beyond that growth is the mock's own.
import fc from 'fast-check';
import { validRequest } from '../../generators/index.ts';
import { createMock, ManualClock } from '../../src/mock/index.ts';
import { loadBackupModel } from '../../src/model/load.ts';
import { builtinTarget } from '../../src/targets/select.ts';

const mb = (n: number) => n / 1024 / 1024;
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const GOAL_MB = 50;

export async function benchFamilies(
  requests = 100_000,
  reps = 1,
): Promise<{ markdown: string; rows: Record<string, number>[] }> {
  const model = await loadBackupModel();
  const ops = Object.values(model.operations);
  // 30 drawn requests per operation, sent round-robin: every family gets creates, reads and lists
  const cases = ops.map((op, k) => ({
    name: op.name,
    inputs: fc.sample(validRequest(model, op.name), { seed: k, numRuns: 30 }).map((c) => c.input),
  }));
  const rows: Record<string, number>[] = [];
  for (let r = 0; r < reps; r++) {
    const mock = await createMock({ model, clock: new ManualClock() });
    const target = builtinTarget(mock, 5000);
    const send = (i: number) => {
      const c = cases[i % cases.length]!;
      return target.sendSdk(c.name, c.inputs[Math.floor(i / cases.length) % c.inputs.length]!);
    };
    for (let i = 0; i < 2000; i++) await send(i); // warm-up: JIT, caches
    gc();
    const before = process.memoryUsage();
    const t0 = performance.now();
    let errors = 0;
    for (let i = 0; i < requests; i++) if ((await send(i)).status! >= 500) errors++;
    const secs = (performance.now() - t0) / 1000;
    gc();
    const after = process.memoryUsage();
    rows.push({
      rssBeforeMb: +mb(before.rss).toFixed(1),
      rssAfterMb: +mb(after.rss).toFixed(1),
      rssGrowthMb: +mb(after.rss - before.rss).toFixed(1),
      heapGrowthMb: +mb(after.heapUsed - before.heapUsed).toFixed(1),
      perSec: Math.round(requests / secs),
      serverErrors: errors,
    });
    void target.close();
  }
  const worst = Math.max(...rows.map((x) => x.rssGrowthMb!));
  const title = `${requests.toLocaleString('en')} mixed requests, ${ops.length} operations`;
  const markdown = [
    `## Memory across every family (${title})`,
    '',
    '| rep | RSS before MB | RSS after MB | RSS growth MB | heap growth MB | requests/s | 5xx |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      (x, i) =>
        `| ${i + 1} | ${x.rssBeforeMb} | ${x.rssAfterMb} | ${x.rssGrowthMb} | ${x.heapGrowthMb} | ` +
        `${x.perSec} | ${x.serverErrors} |`,
    ),
    '',
    `Goal: < ${GOAL_MB} MB growth: ${worst < GOAL_MB ? 'met' : 'NOT met'} (worst ${worst} MB).`,
  ].join('\n');
  return { markdown, rows };
}

if (import.meta.url === `file://${process.argv[1]}`)
  process.stdout.write(`${(await benchFamilies()).markdown}\n`);
