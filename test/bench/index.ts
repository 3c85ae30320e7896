// `npm run bench`: every benchmark in one run, all figures side by side, written to
// reports/bench/bench.md and bench.json. Figures are medians over repetitions, with their spread,
// as ratios to a baseline measured in the same run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { benchFamilies } from './families.bench.ts';
import { benchGenerators } from './generators.bench.ts';
import { benchLoopback } from './loopback.bench.ts';
import { benchMemory } from './memory.bench.ts';
import { benchLoad } from './mock.bench.ts';
import { benchRun } from './run.bench.ts';
import { benchSpec } from './spec.bench.ts';
import { benchThroughput } from './throughput.bench.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const out = join(import.meta.dirname, '../../reports/bench');
mkdirSync(out, { recursive: true });
const sections: Record<string, { markdown: string }> = {};
for (const [name, run] of [
  ['throughput', () => benchThroughput()],
  ['loopback', () => benchLoopback()],
  ['run', () => benchRun()],
  ['spec', () => benchSpec()],
  ['memory', () => benchMemory()],
  ['memoryMsw', () => benchMemory(20_000, 1, 'msw')],
  ['families', () => benchFamilies()],
  ['generators', () => benchGenerators()],
  ['load', () => benchLoad()],
] as const) {
  process.stderr.write(`bench: ${name}…\n`);
  sections[name] = await run();
}
const md = [
  `# Benchmarks`,
  '',
  `Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}).`,
  '',
  ...Object.values(sections).flatMap((s) => [s.markdown, '']),
  '',
].join('\n');
writeFileSync(join(out, 'bench.md'), md);
const { markdown: _m, ...json } = {
  markdown: '',
  ...Object.fromEntries(Object.entries(sections).map(([k, v]) => [k, { ...v, markdown: undefined }])),
};
void _m;
writeFileSync(join(out, 'bench.json'), `${JSON.stringify({ node: process.version, ...json }, null, 2)}\n`);
process.stdout.write(md);
