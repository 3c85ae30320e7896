// `npm run bench:soak [-- --requests N --connections C --max-jobs M]`: a long mixed load against the
// standalone mock (its own process, as a user runs it) with a job cap. Judges: 0 errors (no 5xx, no
// connection error, no status other than the one expected for the request), the server's RSS flat after
// warm-up, p99 per window stable, and the state exact at the end (jobs listed = started − forgotten).
// Writes reports/bench/soak.md and soak.json. Not part of `npm test`: it runs for minutes.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { spawnStandalone } from './standalone.ts';
import { defaultCatalogue } from '../../src/mock/index.ts';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '1000000' },
    connections: { type: 'string', default: '8' },
    'max-jobs': { type: 'string', default: '20000' },
  },
});
const TOTAL = Number(values.requests);
const CONNECTIONS = Number(values.connections);
const MAX_JOBS = Number(values['max-jobs']);
const WINDOW = Math.max(1000, Math.floor(TOTAL / 20));
const root = join(import.meta.dirname, '../..');

const mock = await spawnStandalone(['--max-jobs', String(MAX_JOBS)]);
const endpoint = new URL(mock.endpoint);
const rssMb = () =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${mock.child.pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;

const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
function send(
  method: string,
  path: string,
  body?: string,
): Promise<{ status: number; type?: string; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: endpoint.hostname,
        port: endpoint.port,
        method,
        path,
        agent,
        headers: body
          ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
          : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            type: res.headers['x-amzn-errortype'] as string | undefined,
            text: Buffer.concat(chunks).toString(),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const arns = defaultCatalogue().map((p) => p.arn);
const started: string[] = [];
const tokens = new Map<string, string>();
let startedCount = 0;
const errors: string[] = [];
const lat = new Float64Array(TOTAL);
let next = 0;
let seed = 12345;
const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
const FILTERS = [
  '',
  '&resourceType=EBS',
  '&status=RUNNING',
  '&status=COMPLETED',
  '&resourceType=S3&status=FAILED',
  '&accountId=000000000000',
  '&resourceType=Nothing',
];

/** one request of the mix, with the answers it may legitimately get */
async function one(): Promise<void> {
  const r = rand();
  let want: (x: { status: number; type?: string }) => boolean;
  let answer: { status: number; type?: string; text: string };
  if (r < 0.3) {
    // a start, now and then with an idempotency token used before
    const token = rand() < 0.1 ? `tok-${Math.floor(rand() * 1000)}` : undefined;
    answer = await send(
      'PUT',
      '/restore-jobs',
      JSON.stringify({
        RecoveryPointArn: arns[token ? 0 : Math.floor(rand() * arns.length)],
        Metadata: token ? {} : { n: String(next) },
        ...(token ? { IdempotencyToken: token } : {}),
      }),
    );
    want = (x) => x.status === 200;
    if (answer.status === 200) {
      const id = JSON.parse(answer.text).RestoreJobId as string;
      // a token answers its job again while the job is kept; once forgotten, the token starts a new one
      if (!token || tokens.get(token) !== id) {
        started.push(id);
        startedCount++;
      }
      if (token) tokens.set(token, id);
      if (started.length > 5000) started.splice(0, 1000); // the recent ones, for describes
    }
  } else if (r < 0.7) {
    answer = await send('GET', `/restore-jobs/?maxResults=${1 + Math.floor(rand() * 100)}${pick(FILTERS)}`);
    want = (x) => x.status === 200;
  } else if (r < 0.95) {
    answer = await send('GET', `/restore-jobs/${started.length ? pick(started) : 'none'}`);
    // a job forgotten for the cap is ResourceNotFoundException, as a deleted one would be
    want = (x) => x.status === 200 || (x.status === 400 && x.type === 'ResourceNotFoundException');
  } else {
    answer = await send(
      'GET',
      pick(['/restore-jobs/?maxResults=0', '/restore-jobs/%FF', '/restore-jobs/?nextToken=x.y', '/nowhere']),
    );
    want = (x) => x.status >= 400 && x.status < 500 && !!x.type;
  }
  if (!want(answer) && errors.length < 100)
    errors.push(`${answer.status} ${answer.type ?? ''} ${answer.text.slice(0, 100)}`);
}

const samples: {
  requests: number;
  seconds: number;
  rssMb: number;
  p99Ms: number;
  p50Ms: number;
  perSec: number;
}[] = [];
const t0 = performance.now();
let windowStart = performance.now();
await Promise.all(
  Array.from({ length: CONNECTIONS }, async () => {
    while (next < TOTAL) {
      const i = next++;
      const s = performance.now();
      try {
        await one();
      } catch (e) {
        if (errors.length < 100) errors.push(`connection: ${(e as Error).message}`);
      }
      lat[i] = performance.now() - s;
      if ((i + 1) % WINDOW === 0) {
        const w = Array.from(lat.subarray(i + 1 - WINDOW, i + 1)).sort((a, b) => a - b);
        const now = performance.now();
        samples.push({
          requests: i + 1,
          seconds: +((now - t0) / 1000).toFixed(1),
          rssMb: +rssMb().toFixed(1),
          p50Ms: +w[Math.floor(WINDOW * 0.5)]!.toFixed(2),
          p99Ms: +w[Math.floor(WINDOW * 0.99)]!.toFixed(2),
          perSec: Math.round((WINDOW * 1000) / (now - windowStart)),
        });
        windowStart = now;
        process.stderr.write(`soak: ${JSON.stringify(samples.at(-1))}\n`);
      }
    }
  }),
);
const seconds = (performance.now() - t0) / 1000;

// the state at the end: every job listed once, as many as were started less those forgotten
const listed: string[] = [];
let token: string | undefined;
do {
  const page = JSON.parse(
    (
      await send(
        'GET',
        `/restore-jobs/?maxResults=1000${token ? `&nextToken=${encodeURIComponent(token)}` : ''}`,
      )
    ).text,
  );
  listed.push(...page.RestoreJobs.map((j: { RestoreJobId: string }) => j.RestoreJobId));
  token = page.NextToken;
} while (token);
agent.destroy();
await mock.stop();
const stop = /mock stopped: (\d+) jobs started, (\d+) forgotten for the limits, (\d+) kept/.exec(
  mock.output(),
);
const [serverStarted, evicted, kept] = stop ? stop.slice(1).map(Number) : [NaN, NaN, NaN];

const warm = samples.slice(Math.ceil(samples.length / 4)); // the first quarter warms up
const rss = warm.map((s) => s.rssMb);
const p99 = warm.map((s) => s.p99Ms).sort((a, b) => a - b);
const result = {
  node: process.version,
  cores: cpus().length,
  loadAvgAtEnd: loadavg().map((x) => +x.toFixed(2)),
  requests: TOTAL,
  connections: CONNECTIONS,
  maxJobs: MAX_JOBS,
  seconds: +seconds.toFixed(1),
  perSec: Math.round(TOTAL / seconds),
  errors: errors.length,
  firstErrors: errors.slice(0, 5),
  rssAfterWarmUpMb: {
    min: Math.min(...rss),
    max: Math.max(...rss),
    spread: +(Math.max(...rss) - Math.min(...rss)).toFixed(1),
  },
  p99AfterWarmUpMs: { min: p99[0], median: p99[Math.floor(p99.length / 2)], max: p99.at(-1) },
  state: {
    startedByClient: startedCount,
    startedByServer: serverStarted,
    evicted,
    kept,
    listed: listed.length,
    distinctListed: new Set(listed).size,
    exact:
      listed.length === serverStarted! - evicted! &&
      new Set(listed).size === listed.length &&
      serverStarted === startedCount,
  },
  samples,
};
const verdict = {
  zeroErrors: result.errors === 0,
  rssFlatWithin50Mb: result.rssAfterWarmUpMb.spread <= 50,
  p99Stable: (p99.at(-1) ?? Infinity) <= 3 * (p99[Math.floor(p99.length / 2)] ?? 0),
  stateExact: result.state.exact,
};
const out = join(root, 'reports/bench');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'soak.json'), `${JSON.stringify({ ...result, verdict }, null, 2)}\n`);
const md = [
  '## Soak: the standalone mock under a long mixed load',
  '',
  `${TOTAL} requests (30% starts, 40% filtered listings, 25% describes, 5% bad requests) ` +
    `at ${CONNECTIONS} connections, \`--max-jobs ${MAX_JOBS}\`, ` +
    `in ${result.seconds} s (${result.perSec}/s); ` +
    `Node ${process.version}, ${cpus().length} cores ` +
    `(shared machine: load ${result.loadAvgAtEnd.join(', ')}).`,
  '',
  `- errors: ${result.errors}${result.errors ? ` (${errors.slice(0, 3).join(' | ')})` : ''}`,
  `- server RSS after warm-up: ${result.rssAfterWarmUpMb.min}–${result.rssAfterWarmUpMb.max} MB ` +
    `(spread ${result.rssAfterWarmUpMb.spread} MB)`,
  `- p99 per window of ${WINDOW} after warm-up: ` +
    `${result.p99AfterWarmUpMs.min}–${result.p99AfterWarmUpMs.max} ms ` +
    `(median ${result.p99AfterWarmUpMs.median} ms)`,
  `- state: ${serverStarted} started (client counted ${startedCount}), ${evicted} forgotten, ${kept} kept, ` +
    `${listed.length} listed (${new Set(listed).size} distinct): ` +
    `${result.state.exact ? 'exact' : 'NOT exact'}`,
  `- verdict: ${Object.entries(verdict)
    .map(([k, v]) => `${k} ${v ? 'yes' : 'NO'}`)
    .join(', ')}`,
  '',
  '| requests | s | RSS MB | p50 ms | p99 ms | req/s |',
  '|---:|---:|---:|---:|---:|---:|',
  ...samples.map(
    (s) => `| ${s.requests} | ${s.seconds} | ${s.rssMb} | ${s.p50Ms} | ${s.p99Ms} | ${s.perSec} |`,
  ),
  '',
].join('\n');
writeFileSync(join(out, 'soak.md'), md);
process.stdout.write(md);
process.exit(Object.values(verdict).every(Boolean) ? 0 : 1);
