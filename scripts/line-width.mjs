// Lines longer than the formatter's width (biome.jsonc `lineWidth`). The formatter breaks code, but not a
// long string, template or comment: those are split by hand, and this check names each one left.
// Usage: node scripts/line-width.mjs [--max N]   (exit 1 if any line is over)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const config = readFileSync(new URL('biome.jsonc', root), 'utf8');
const at = process.argv.indexOf('--max');
const width = at > 0 ? Number(process.argv[at + 1]) : Number(/"lineWidth":\s*(\d+)/.exec(config)?.[1] ?? 80);
const files = execFileSync(
  'git',
  ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.mjs', '*.js'],
  {
    cwd: root,
    encoding: 'utf8',
  },
)
  .split('\n')
  .filter((f) => f && !f.startsWith('spec/') && !f.startsWith('test/fixtures/'));
// shown verbatim in the README, laid out for reading there (the formatter leaves it too: biome.jsonc)
const EXEMPT = new Set(['test/examples/readme-example.test.ts']);
const over = [];
for (const f of files.filter((x) => !EXEMPT.has(x))) {
  readFileSync(new URL(f, root), 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const n = [...line].length;
      if (n > width) over.push(`${f}:${i + 1}: ${n} characters`);
    });
}
for (const o of over) console.log(o);
console.log(`${over.length} line(s) over ${width} characters in ${files.length} files`);
process.exitCode = over.length ? 1 : 0;
