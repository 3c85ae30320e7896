// `npm run bench:slow-clients [-- --trickle 200 --timeout-ms 10000 --seconds 10]`: does a crowd of slow
// clients — each trickling its headers a byte every 500 ms — delay a normal client? The normal client's
// p99 alone, then beside the trickling crowd, then alone again (the ratio is against the baseline of
// the same run); and when each trickling connection was closed (and with what answer), against the
// configured --request-timeout. Writes reports/bench/slow-clients.md and .json.

import { mkdirSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import net from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { spawnStandalone } from './standalone.ts';

const { values } = parseArgs({
  options: {
    trickle: { type: 'string', default: '200' },
    'timeout-ms': { type: 'string', default: '10000' },
    seconds: { type: 'string', default: '10' },
  },
});
const TRICKLE = Number(values.trickle);
const TIMEOUT = Number(values['timeout-ms']);
const SECONDS = Number(values.seconds);
const root = join(import.meta.dirname, '../..');

const mock = await spawnStandalone(['--request-timeout', String(TIMEOUT)]);
const endpoint = new URL(mock.endpoint);

const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const get = () =>
  new Promise<number>((resolve, reject) => {
    const req = request(
      { host: endpoint.hostname, port: endpoint.port, path: '/restore-jobs/?maxResults=10', agent },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      },
    );
    req.on('error', reject);
    req.end();
  });

async function normalClient(): Promise<{ requests: number; p50Ms: number; p99Ms: number; errors: number }> {
  const lat: number[] = [];
  let errors = 0;
  const end = performance.now() + SECONDS * 1000;
  while (performance.now() < end) {
    const t = performance.now();
    const status = await get().catch(() => 0);
    if (status !== 200) errors++;
    lat.push(performance.now() - t);
  }
  lat.sort((a, b) => a - b);
  const at = (p: number) => +lat[Math.floor(p * lat.length)]!.toFixed(2);
  return { requests: lat.length, p50Ms: at(0.5), p99Ms: at(0.99), errors };
}

/** one trickling connection: a header byte every 500 ms; resolves when the server closes it */
function trickler(): Promise<{ closedAfterMs: number; status?: number; type?: string }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const socket = net.connect(Number(endpoint.port), endpoint.hostname);
    const bytes = `GET /restore-jobs/ HTTP/1.1\r\nHost: a\r\nX-Slow: ${'z'.repeat(10_000)}`;
    let i = 0;
    let got = '';
    const timer = setInterval(() => {
      if (!socket.destroyed) socket.write(bytes[i++ % bytes.length]!);
    }, 500);
    socket.on('data', (d: Buffer) => (got += d.toString('latin1')));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      resolve({
        closedAfterMs: performance.now() - t0,
        status: Number(/^HTTP\/1\.1 (\d+)/.exec(got)?.[1]) || undefined,
        type: /x-amzn-errortype: (\S+)/i.exec(got)?.[1],
      });
    });
  });
}

const before = await normalClient();
const crowd = Array.from({ length: TRICKLE }, trickler);
await new Promise((r) => setTimeout(r, 500)); // all connected and trickling
const beside = await normalClient();
const closed = await Promise.all(crowd);
const after = await normalClient();
agent.destroy();
await mock.stop();

const ms = closed.map((c) => c.closedAfterMs).sort((a, b) => a - b);
const result = {
  node: process.version,
  cores: cpus().length,
  loadAvgAtEnd: loadavg().map((x) => +x.toFixed(2)),
  trickling: TRICKLE,
  requestTimeoutMs: TIMEOUT,
  secondsPerPhase: SECONDS,
  normalAlone: before,
  normalBesideTrickling: beside,
  normalAloneAfter: after,
  p99Ratio: +(beside.p99Ms / before.p99Ms).toFixed(2),
  trickleClosed: {
    count: closed.length,
    with408: closed.filter((c) => c.status === 408 && c.type === 'RequestTimeoutException').length,
    minMs: Math.round(ms[0]!),
    medianMs: Math.round(ms[Math.floor(ms.length / 2)]!),
    maxMs: Math.round(ms.at(-1)!),
  },
};
const verdict = {
  p99AtMost2x: result.p99Ratio <= 2,
  closedAtTimeout: result.trickleClosed.with408 === TRICKLE && result.trickleClosed.maxMs < TIMEOUT + 2000,
};
const out = join(root, 'reports/bench');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'slow-clients.json'), `${JSON.stringify({ ...result, verdict }, null, 2)}\n`);
const md = [
  '## Slow clients against the standalone mock',
  '',
  `${TRICKLE} connections trickling their headers (a byte every 500 ms), \`--request-timeout ${TIMEOUT}\`; ` +
    `one normal keep-alive client, ${SECONDS} s per phase. Node ${process.version}, ${cpus().length} cores ` +
    `(shared machine: load ${result.loadAvgAtEnd.join(', ')}).`,
  '',
  '| normal client | requests | p50 ms | p99 ms | errors |',
  '|---|---:|---:|---:|---:|',
  ...(
    [
      ['alone', before],
      ['beside the trickling crowd', beside],
      ['alone again', after],
    ] as const
  ).map(([k, v]) => `| ${k} | ${v.requests} | ${v.p50Ms} | ${v.p99Ms} | ${v.errors} |`),
  '',
  `- p99 beside the crowd / alone: ${result.p99Ratio}×`,
  `- trickling connections closed: ${result.trickleClosed.count}, ` +
    `${result.trickleClosed.with408} with 408 RequestTimeoutException, ` +
    `after ${result.trickleClosed.minMs}–${result.trickleClosed.maxMs} ms ` +
    `(median ${result.trickleClosed.medianMs})`,
  `- verdict: ${Object.entries(verdict)
    .map(([k, v]) => `${k} ${v ? 'yes' : 'NO'}`)
    .join(', ')}`,
  '',
].join('\n');
writeFileSync(join(out, 'slow-clients.md'), md);
process.stdout.write(md);
process.exit(Object.values(verdict).every(Boolean) ? 0 : 1);
