// `npm run build`: compiles src/ and generators/ to dist/ (tsconfig.build.json), then stamps the build.
// `--if-stale` (used by `npm start` and `npm run spec`) skips the compiler when dist/ is current, which
// costs milliseconds where an incremental tsc costs about ten seconds.
import { spawnSync } from 'node:child_process';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { root, STAMP, staleBuild } from '../bin/stale-build.js';

if (process.argv.includes('--if-stale') && !staleBuild()) process.exit(0);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const started = Date.now();
const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
mkdirSync(dirname(STAMP), { recursive: true });
writeFileSync(STAMP, `${new Date(started).toISOString()}\n`);
utimesSync(STAMP, started / 1000, started / 1000); // an edit made while tsc ran still counts as newer
process.stderr.write(`built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
