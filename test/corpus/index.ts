// `npm run corpus` (not part of `npm test`): boto3's reference pages of every service it knows, as RST
// and in text renderings of a sample, each service derived docs-only and compared with botocore's own
// model; writes reports/corpus/corpus.md and corpus.json. Needs python3 with boto3 (in the image) and
// `apt-get install python3-sphinx w3m lynx html2text` (+ pandoc for --renderers …,pandoc).
//   --out DIR            where pages and the table go (default reports/corpus)
//   --services a,b|all   services for the RST form (default all)
//   --sample a,b         services rendered to text (default: SAMPLE below, 40 services of every kind)
//   --renderers list     text renderings (default w3m,lynx,html2text)
//   --reuse              keep pages already generated under --out (re-derive only)
//   --repeat N           derive each service N times and report its least CPU time (default 1: one run)
//   --shard k/n          derive only every n-th service from the k-th (0-based) and write
//                        corpus.shard-k.json; run n shards side by side, then `--merge` writes the
//                        table from all shard files
//   --only a,b           derive only these services (with --shard k/n: e.g. one service re-derived later;
//                        --merge keeps the newest shard file's row of each service and form)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { botocoreOracle, measure, type Row } from './measure.ts';
import { corpusMarkdown } from './table.ts';

/** Chosen for variety among services small enough to render in time on a shared 2-core machine (the
 * largest, s3, glue, ec2, have their RST form in the corpus and a text subset in test/fixtures/services):
 * resource/waiter folders (sqs, sns), streaming bodies (polly, ebs, mediastore-data, kinesis-video-media,
 * workmailmessageflow, sagemaker-runtime, lexv2-runtime), event streams and recursive unions (bedrock-*,
 * lexv2-runtime, kinesis), `b'bytes'|file` (apigatewaymanagementapi, mediastore-data), every protocol (query:
 * sts, ses, sns, sqs; json; rest-json; rest-xml: route53), and Backup. */
export const SAMPLE = [
  'kinesis-video-media',
  'workmailmessageflow',
  'apigatewaymanagementapi',
  'personalize-runtime',
  'sagemaker-runtime',
  'lexv2-runtime',
  'ebs',
  'mediastore-data',
  'sso',
  'iot-data',
  'pricing',
  'bedrock-runtime',
  'connectparticipant',
  'sts',
  'polly',
  'application-autoscaling',
  'timestream-write',
  'acm',
  'health',
  'cognito-identity',
  'secretsmanager',
  'textract',
  'dax',
  'budgets',
  'efs',
  'bedrock-agent-runtime',
  'stepfunctions',
  'kinesis',
  'xray',
  'events',
  'kms',
  'sqs',
  'ecr',
  'cloudtrail',
  'ses',
  'athena',
  'route53',
  'sns',
  'backup',
  'codecommit',
];

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: join(import.meta.dirname, '../../reports/corpus') },
    services: { type: 'string', default: 'all' },
    sample: { type: 'string' },
    renderers: { type: 'string', default: 'w3m,lynx,html2text' },
    reuse: { type: 'boolean' },
    shard: { type: 'string' },
    merge: { type: 'boolean' },
    only: { type: 'string' },
    repeat: { type: 'string', default: '1' },
  },
});
const repeat = Number(values.repeat);
if (!Number.isInteger(repeat) || repeat < 1) {
  process.stderr.write(`corpus: --repeat expects a whole number ≥ 1, got '${values.repeat}'\n`);
  process.exit(2);
}
const out = resolve(values.out!);
const list = (v: string | undefined) =>
  v === undefined
    ? undefined
    : v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
const renderers = list(values.renderers)!;
const sample = list(values.sample) ?? SAMPLE;
mkdirSync(out, { recursive: true });

function python(script: string, args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync('python3', [join(import.meta.dirname, script), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  for (const l of r.stdout.split('\n').filter((x) => x.includes('ERROR')))
    process.stderr.write(`corpus: ${l}\n`);
  if (r.status !== 0) throw new Error(`python3 ${script} failed (exit ${r.status})`);
  return performance.now() - t0;
}

if (values.merge) {
  const shards = readdirSync(out)
    .filter((f) => /^corpus\.shard-\d+\.json$/.test(f))
    .sort((a, b) => statSync(join(out, a)).mtimeMs - statSync(join(out, b)).mtimeMs);
  const all = shards.map(
    (f) => JSON.parse(readFileSync(join(out, f), 'utf8')) as { timings: Record<string, number>; rows: Row[] },
  );
  const newest = new Map(all.flatMap((a) => a.rows).map((r) => [`${r.form} ${r.service}`, r]));
  const timings = Object.fromEntries(
    [...new Set(all.flatMap((a) => Object.keys(a.timings)))].map((k) => [
      k,
      Math.max(...all.map((a) => a.timings[k] ?? 0)),
    ]),
  );
  write([...newest.values()], timings);
  process.exit(0);
}
const [shardK, shardN] = (values.shard ?? '0/1').split('/').map(Number) as [number, number];
const only = list(values.only);
const mine = (i: number, service: string) => i % shardN === shardK && (!only || only.includes(service));

function write(rows: Row[], timings: Record<string, number>): void {
  const forms = ['rst', ...renderers];
  rows.sort((a, b) => forms.indexOf(a.form) - forms.indexOf(b.form) || a.service.localeCompare(b.service));
  writeFileSync(join(out, 'corpus.json'), `${JSON.stringify({ timings, rows }, null, 2)}\n`);
  const md = corpusMarkdown(rows, timings, sample, repeat);
  writeFileSync(join(out, 'corpus.md'), md);
  process.stdout.write(`${md.split('\n## Per service')[0]}\nwritten: ${join(out, 'corpus.md')}\n`);
}

const timings: Record<string, number> = {};
const rstDir = join(out, 'rst');
if (!values.shard && (!values.reuse || !existsSync(rstDir))) {
  process.stderr.write('corpus: writing RST pages with boto3’s documenter…\n');
  timings.generateRst = python('rst.py', [
    rstDir,
    ...(values.services === 'all' ? [] : list(values.services)!),
  ]);
}
if (!values.shard && (!values.reuse || renderers.some((r) => !existsSync(join(out, r))))) {
  process.stderr.write(
    `corpus: Sphinx HTML and ${renderers.join(', ')} renderings of ${sample.length} services…\n`,
  );
  timings.render = python('render.py', [rstDir, out, renderers.join(','), ...sample]);
}

const services = readdirSync(rstDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const rows: Row[] = [];
const t0 = performance.now();
for (const form of ['rst', ...renderers]) {
  const base = form === 'rst' ? rstDir : join(out, form);
  const of = form === 'rst' ? services : sample.filter((s) => existsSync(join(base, s)));
  for (const service of of.filter((s, i) => mine(i, s))) {
    const row = await measure(service, form, join(base, service), botocoreOracle(service), repeat);
    rows.push(row);
    if (row.error) process.stderr.write(`corpus: ${form} ${service}: ${row.error}\n`);
  }
  process.stderr.write(`corpus: ${form} derived\n`);
}
timings.derive = performance.now() - t0;
if (values.shard)
  writeFileSync(join(out, `corpus.shard-${shardK}.json`), `${JSON.stringify({ timings, rows }, null, 2)}\n`);
else write(rows, timings);
