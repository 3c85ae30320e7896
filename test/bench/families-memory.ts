// One side of the families memory bench (families.bench.ts), run in a process of its own:
// `node --expose-gc --import tsx families-memory.ts mock|baseline <requests>` prints one JSON line.
// mock: the SDK client against the built-in target. baseline: the same client and requests, answered
// by a stateless responder replaying the bytes a mock gave for each request once (recorded during the
// warm-up, that mock then dropped), so what differs between the sides is the mock alone.
import fc from 'fast-check';
import { validRequest } from '../../generators/index.ts';
import { createMock, ManualClock } from '../../src/mock/index.ts';
import { toWireRequest, type SdkHttpRequest } from '../../src/mock/fast-path.ts';
import { loadBackupModel } from '../../src/model/load.ts';
import { fetchFunctionTarget } from '../../src/targets/fetch-target.ts';
import { builtinTarget } from '../../src/targets/select.ts';
import type { Target } from '../../src/targets/types.ts';
import type { WireResponse } from '../../src/wire/response.ts';
import { wireToSdkResponse } from '../../src/wire/sdk-adapters.ts';

export type Side = 'mock' | 'baseline';

export interface Sample {
  side: Side;
  operations: number;
  warmup: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  rssGrowthMb: number;
  rssPeakMb: number;
  heapGrowthMb: number;
  perSec: number;
  serverErrors: number;
  itemsBefore: number;
  itemsAfter: number;
  knownBefore: number;
  knownAfter: number;
  tokensBefore: number;
  tokensAfter: number;
  bytesPerItem: number;
}

const mb = (n: number) => +(n / 1024 / 1024).toFixed(1);
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const SAMPLE_EVERY = 10_000;

export async function measureSide(side: Side, requests: number): Promise<Sample> {
  if (typeof (globalThis as { gc?: unknown }).gc !== 'function')
    throw new Error('families-memory.ts needs node --expose-gc: figures are taken after a forced GC');
  const model = await loadBackupModel();
  const ops = Object.values(model.operations);
  // 30 drawn requests per operation, sent round-robin: every family gets creates, reads and lists
  const cases = ops.map((op, k) => ({
    name: op.name,
    inputs: fc.sample(validRequest(model, op.name), { seed: k, numRuns: 30 }).map((c) => c.input),
  }));
  const warmup = cases.length * 30; // every drawn request once: JIT, compiled validators, caches
  let mock = await createMock({ model, clock: new ManualClock() });
  // what the mock keeps (its resource store's tables, read for the report); the baseline keeps none
  type Tables = {
    families: Map<string, Map<string, unknown>>;
    knownValues: Set<string>;
    tokens: Map<string, unknown>;
  };
  const state = side === 'mock' ? (mock.resources as unknown as Tables) : undefined;
  const counts = () => ({
    items: state ? [...state.families.values()].reduce((n, m) => n + m.size, 0) : 0,
    known: state?.knownValues.size ?? 0,
    tokens: state?.tokens.size ?? 0,
  });
  let target: Target;
  let replaying = false;
  if (side === 'mock') target = builtinTarget(mock, 5000);
  else {
    const recorded = new Map<string, WireResponse>();
    let key = '';
    const handler = {
      async handle(request: SdkHttpRequest) {
        if (replaying) return wireToSdkResponse(recorded.get(key));
        const w = await mock.answer(toWireRequest(request, mock.limits.maxBodyBytes));
        if (w) recorded.set(key, { ...w, headers: { ...w.headers } });
        return wireToSdkResponse(w);
      },
      updateHttpClientConfig() {},
      httpHandlerConfigs: () => ({}),
    };
    const inner = fetchFunctionTarget(() => Promise.reject(new Error('the baseline takes SDK calls only')), {
      name: 'replay',
      origin: 'https://backup.us-east-1.amazonaws.com',
      timeoutMs: 5000,
      signRaw: false,
      sdkHandler: handler as never,
    });
    const sendSdk: Target['sendSdk'] = (op, input) => {
      key = `${op}#${JSON.stringify(input)}`;
      return inner.sendSdk(op, input);
    };
    target = { ...inner, sendSdk };
  }
  const send = (i: number) => {
    const c = cases[i % cases.length]!;
    return target.sendSdk(c.name, c.inputs[Math.floor(i / cases.length) % c.inputs.length]!);
  };
  for (let i = 0; i < warmup; i++) await send(i);
  if (side === 'baseline') {
    replaying = true; // the recording mock is dropped: the baseline keeps no state
    mock = undefined as never;
  }
  gc();
  const c0 = counts();
  const before = process.memoryUsage();
  let peak = before.rss;
  const t0 = performance.now();
  let serverErrors = 0;
  let paused = 0;
  for (let i = 0; i < requests; i++) {
    // the same requests as the warm-up, from its first: every one has an answer recorded
    if ((await send(i)).status! >= 500) serverErrors++;
    if ((i + 1) % SAMPLE_EVERY === 0 && i + 1 < requests) {
      const p0 = performance.now();
      gc();
      peak = Math.max(peak, process.memoryUsage.rss());
      paused += performance.now() - p0;
    }
  }
  const secs = (performance.now() - t0 - paused) / 1000;
  gc();
  const after = process.memoryUsage();
  peak = Math.max(peak, after.rss);
  const c1 = counts();
  const added = c1.items - c0.items;
  void target.close();
  return {
    side,
    operations: ops.length,
    warmup,
    rssBeforeMb: mb(before.rss),
    rssAfterMb: mb(after.rss),
    rssGrowthMb: mb(after.rss - before.rss),
    rssPeakMb: mb(peak),
    heapGrowthMb: mb(after.heapUsed - before.heapUsed),
    perSec: Math.round(requests / secs),
    serverErrors,
    itemsBefore: c0.items,
    itemsAfter: c1.items,
    knownBefore: c0.known,
    knownAfter: c1.known,
    tokensBefore: c0.tokens,
    tokensAfter: c1.tokens,
    bytesPerItem: added > 0 ? Math.round((after.heapUsed - before.heapUsed) / added) : 0,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [side, n] = process.argv.slice(2);
  if (side !== 'mock' && side !== 'baseline') {
    process.stderr.write(`families-memory.ts: the side must be mock or baseline, got '${side}'\n`);
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(await measureSide(side, Number(n ?? 100_000)))}\n`);
}
