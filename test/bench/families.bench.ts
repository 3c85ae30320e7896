// The mock across every resource family: memory over 100,000 mixed requests — valid generated requests
// of every operation in turn (creates, reads, lists, updates, deletes, the stateless rest), through the
// built-in target as `run` uses it. The goal: the mock's memory grows < 50 MB.
//
// The bench process holds the SDK client as well as the mock, so a raw RSS figure is not the mock's
// alone. "The mock's growth" is measured against a baseline of the same run: the same client, the same
// requests, answered by a stateless responder that replays the bytes the mock gave for each request once
// (so the client parses the same answers). Each side runs in a fresh process (families-memory.ts),
// alternating, so neither inherits the other's heap: growth(mock) − growth(baseline) is the mock's own.
// The raw RSS growth is reported alongside, with the heap after GC and the state the mock kept.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from './stats.ts';
import type { Side, Sample } from './families-memory.ts';

const GOAL_MB = 50;
const CHILD = fileURLToPath(new URL('./families-memory.ts', import.meta.url));

function measureIn(side: Side, requests: number): Promise<Sample> {
  const flags = [...process.execArgv];
  if (!flags.includes('--expose-gc')) flags.push('--expose-gc');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...flags, CHILD, side, String(requests)], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as Sample);
      else reject(new Error(`families-memory.ts ${side} exited ${code}: ${out.slice(-500)}`));
    });
  });
}

const spread = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: +median(s).toFixed(1), min: s[0]!, max: s.at(-1)! };
};

export async function benchFamilies(
  requests = 100_000,
  reps = 1,
): Promise<{ markdown: string; rows: (Sample & { rep: number })[] }> {
  const rows: (Sample & { rep: number })[] = [];
  for (let r = 0; r < reps; r++) {
    // the order alternates, so a machine's slow phase falls on both sides alike
    const order: Side[] = r % 2 ? ['mock', 'baseline'] : ['baseline', 'mock'];
    for (const side of order) rows.push({ rep: r + 1, ...(await measureIn(side, requests)) });
  }
  const of = (side: Side) => rows.filter((x) => x.side === side);
  const own = of('mock').map((m, i) => +(m.rssGrowthMb - of('baseline')[i]!.rssGrowthMb).toFixed(1));
  const ownS = spread(own);
  const rawS = spread(of('mock').map((m) => m.rssGrowthMb));
  const baseS = spread(of('baseline').map((m) => m.rssGrowthMb));
  const heapS = spread(of('mock').map((m) => m.heapGrowthMb));
  const last = of('mock').at(-1)!;
  const title = `${requests.toLocaleString('en')} mixed requests, ${last.operations} operations`;
  const markdown = [
    `## Memory across every family (${title})`,
    '',
    'Each side in a fresh process, after a warm-up of one pass over every drawn request ' +
      `(${last.warmup.toLocaleString('en')}); figures after a forced GC. **mock**: the built-in target ` +
      '(SDK client + mock). **baseline**: the same client and requests, answered by a stateless ' +
      'responder replaying the bytes the mock gave for each request once. Peak: the highest RSS of the ' +
      'samples taken every 10,000 requests.',
    '',
    '| rep | side | RSS before MB | RSS after MB | RSS growth MB | peak RSS MB | heap growth MB | ' +
      'items kept (start → end) | requests/s | 5xx |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (x) =>
        `| ${x.rep} | ${x.side} | ${x.rssBeforeMb} | ${x.rssAfterMb} | ${x.rssGrowthMb} | ${x.rssPeakMb} | ` +
        `${x.heapGrowthMb} | ${x.side === 'mock' ? `${x.itemsBefore} → ${x.itemsAfter}` : '–'} | ` +
        `${x.perSec} | ${x.serverErrors} |`,
    ),
    '',
    `The mock's own growth (mock RSS growth − baseline RSS growth, per rep): median ${ownS.median} MB ` +
      `(spread ${ownS.min}–${ownS.max}); raw RSS growth of the mock run: median ${rawS.median} MB ` +
      `(${rawS.min}–${rawS.max}); the baseline's: ${baseS.median} MB (${baseS.min}–${baseS.max}). ` +
      `Heap after GC: +${heapS.median} MB (${heapS.min}–${heapS.max}), the state it keeps: ` +
      `${last.itemsAfter - last.itemsBefore} more items, ${last.knownAfter - last.knownBefore} more ` +
      `identifiers shown, ${last.tokensAfter - last.tokensBefore} more idempotency tokens ` +
      `(≈ ${last.bytesPerItem} bytes of heap per item added, all three together; each table is capped).`,
    '',
    `Goal: the mock's growth < ${GOAL_MB} MB: ${ownS.max < GOAL_MB ? 'met' : 'NOT met'} ` +
      `(worst rep ${ownS.max} MB; raw worst ${rawS.max} MB).`,
  ].join('\n');
  return { markdown, rows };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [requests, reps] = process.argv.slice(2).map(Number);
  process.stdout.write(`${(await benchFamilies(requests || undefined, reps || undefined)).markdown}\n`);
}
