// The default conformance run, as a user starts it: `aws-backup-conformance run` (what `npm start` runs)
// in a fresh process against the built-in mock — start-up, the model, the run and the reports — with its
// per-phase timings; the same with `--runs 25` and `--runs 100` (cost must stay linear in --runs); and a
// baseline measured in the same run: as many SDK requests as the default run sent, to a handler that
// answers at once (the SDK's own ceiling). Medians over repetitions, each run once per round.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { BackupClient, ListRestoreJobsCommand } from '@aws-sdk/client-backup';
import { HEADER, measure, median, row, type Figure } from './stats.ts';

const BIN = join(import.meta.dirname, '../../bin/aws-backup-conformance.js');

/** what the bench reads of results.json (the json reporter's form) */
interface Results {
  requests: number;
  timings?: { phases: Record<string, number> };
  operations?: { operation: string; verdict: string }[];
  results: { operation: string; status: string }[];
}

interface Sample {
  ms: number;
  /** the child's CPU time (user + system), where /proc tells it */
  cpuMs?: number;
  result: Results;
}

/** CPU time of the children this process has waited for (Linux: /proc/self/stat cutime + cstime). */
function childCpuMs(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    // after the name: state is field 3, so cutime (16) and cstime (17) are at 13 and 14; ticks of 10 ms
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

/** One CLI run in a fresh process; its results.json read back. */
function cli(args: string[]): Sample {
  const out = mkdtempSync(join(tmpdir(), 'abc-bench-run-'));
  try {
    const cpu0 = childCpuMs();
    const t0 = performance.now();
    const p = spawnSync(
      process.execPath,
      [BIN, 'run', '--seed', '1', '--out', out, '--no-progress', ...args],
      {
        encoding: 'utf8',
        env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      },
    );
    const ms = performance.now() - t0;
    const cpu1 = childCpuMs();
    if (p.status !== 0 && p.status !== 1)
      throw new Error(`run ${args.join(' ')}: exit ${p.status}\n${p.stderr}`);
    const result = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as Results;
    // every operation the mock serves must pass; one it does not serve is 'not-implemented'
    const served = new Set(
      (result.operations ?? []).filter((v) => v.verdict !== 'not-implemented').map((v) => v.operation),
    );
    if (result.results.some((c) => c.status === 'failed' && served.has(c.operation)))
      throw new Error(`run ${args.join(' ')}: failures against the built-in mock`);
    return { ms, ...(cpu0 !== undefined && cpu1 !== undefined ? { cpuMs: cpu1 - cpu0 } : {}), result };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const figure = (name: string, s: Sample[]): Figure => {
  const ms = s.map((x) => x.ms).sort((a, b) => a - b);
  return { name, medianMs: median(ms), minMs: ms[0]!, maxMs: ms.at(-1)!, runs: ms.length };
};

/** per phase, the median over the samples (ms) */
function phases(s: Sample[]): Record<string, number> {
  const keys = [...new Set(s.flatMap((x) => Object.keys(x.result.timings?.phases ?? {})))];
  return Object.fromEntries(
    keys.map((k) => [
      k,
      Math.round(median(s.map((x) => x.result.timings?.phases[k] ?? 0).sort((a, b) => a - b))),
    ]),
  );
}

export async function benchRun(rounds = 3): Promise<{ markdown: string; figures: Figure[] }> {
  const load0 = loadavg();
  const contenders: [string, string[]][] = [
    ['default run (`run`)', []],
    ['`run --runs 25` (every operation 25)', ['--runs', '25']],
    ['`run --runs 100` (every operation 100)', ['--runs', '100']],
  ];
  const samples = contenders.map(() => [] as Sample[]);
  for (let r = 0; r < rounds; r++)
    for (let k = 0; k < contenders.length; k++) {
      const i = (k + r) % contenders.length; // the order rotates: a busy spell falls on all alike
      samples[i]!.push(cli(contenders[i]![1]));
    }
  const load1 = loadavg();
  const cpu = samples.map((s) => median(s.map((x) => x.cpuMs ?? Number.NaN).sort((a, b) => a - b)));
  const [def, r25, r100] = samples.map((s, i) => figure(contenders[i]![0], s)) as [Figure, Figure, Figure];
  const requests = samples.map((s) => s[0]!.result.requests);
  const body = Buffer.from('{"RestoreJobs":[]}');
  const ceiling = new BackupClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    requestHandler: {
      handle: async () => ({
        response: {
          statusCode: 200,
          headers: { 'content-type': 'application/json' },
          body: Readable.from([body]),
        },
      }),
    } as never,
  });
  const baseline = await measure(
    `baseline: ${requests[0]} SDK requests to an instant handler`,
    rounds,
    async () => {
      for (let i = 0; i < requests[0]!; i++) await ceiling.send(new ListRestoreJobsCommand({}));
    },
  );
  const verdicts: Record<string, number> = {};
  for (const v of samples[0]![0]!.result.operations ?? [])
    verdicts[v.verdict] = (verdicts[v.verdict] ?? 0) + 1;
  const list = (o: Record<string, number>) =>
    Object.entries(o)
      .map(([k, v]) => `${k} ${v}`)
      .join(' · ');
  // the marginal cost of a request (between --runs 25 and --runs 100) against the whole run's average
  const marginal = (r100.medianMs - r25.medianMs) / (requests[2]! - requests[1]!);
  const average = r100.medianMs / requests[2]!;
  const markdown = [
    '## 5. Full default conformance run (built-in mock, a fresh process each)',
    '',
    HEADER,
    row(baseline, baseline),
    row(def, baseline),
    row(r25, baseline),
    row(r100, baseline),
    '',
    `Load average (1, 5, 15 min) before: ${load0.map((x) => x.toFixed(1)).join(', ')}; ` +
      `after: ${load1.map((x) => x.toFixed(1)).join(', ')} (the machine is shared: wall times grow with it).`,
    '',
    `CPU time (user + system, median): default ${(cpu[0]! / 1000).toFixed(1)} s, ` +
      `--runs 25 ${(cpu[1]! / 1000).toFixed(1)} s, --runs 100 ${(cpu[2]! / 1000).toFixed(1)} s ` +
      '(less bent by the load than wall time).',
    '',
    `Requests: default ${requests[0]}, --runs 25 ${requests[1]}, --runs 100 ${requests[2]}. ` +
      `Operations (every one of the model): ${list(verdicts)}.`,
    '',
    `Default run per phase (wall ms, requests included, median of ${rounds}): ${list(phases(samples[0]!))}.`,
    '',
    `--runs 100 per phase: ${list(phases(samples[2]!))}.`,
    '',
    `Goal: default run ≤ 10 s: ${def.medianMs <= 10_000 ? 'met' : 'NOT met'} ` +
      `(${(def.medianMs / 1000).toFixed(2)} s, ` +
      `${Math.round((requests[0]! * 1000) / def.medianMs)} requests/s). ` +
      `Linear in --runs: a request more costs ${marginal.toFixed(2)} ms at the margin, ` +
      `${average.toFixed(2)} ms on average at --runs 100 ` +
      `(${marginal <= 1.2 * average ? 'linear: met' : 'NOT linear'}).`,
  ].join('\n');
  return { markdown, figures: [baseline, def, r25, r100] };
}
