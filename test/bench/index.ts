// `npm run bench`: every benchmark in one run, written to reports/bench/bench.md and bench.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { benchGenerators } from './generators.bench.ts';
import { benchInProcess, benchLoad } from './mock.bench.ts';
import { benchRun } from './run.bench.ts';
import { benchSpec } from './spec.bench.ts';

const out = join(import.meta.dirname, '../../reports/bench');
mkdirSync(out, { recursive: true });
const spec = await benchSpec();
const generators = await benchGenerators();
const inProcess = await benchInProcess();
const load = await benchLoad();
const run = await benchRun();
const md = [`# Benchmarks`, '', `Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}).`, '', spec.markdown, '', generators.markdown, '', inProcess.markdown, '', load.markdown, '', run.markdown, ''].join('\n');
writeFileSync(join(out, 'bench.md'), md);
writeFileSync(join(out, 'bench.json'), `${JSON.stringify({ node: process.version, spec: spec.figures, generators: generators.figures, mockInProcess: inProcess.figures, mockLoad: load.result, run: run.figures }, null, 2)}\n`);
process.stdout.write(md);
