// The parser must not depend on one renderer's bullets or indentation: a property over re-rendered pages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { parsePage } from '../../src/docs/page.ts';

const pages = ['start_restore_job', 'list_restore_jobs', 'describe_restore_job', 'create_backup_plan'].map(
  (f) => readFileSync(join(import.meta.dirname, '../../spec/docs/text/client', `${f}.txt`), 'utf8'),
);
const model = (text: string) =>
  JSON.stringify(parsePage('p.txt', text), (k, v) =>
    k === 'ref' || k === 'line' ? undefined : typeof v === 'string' ? v.replace(/\s+/g, ' ') : v,
  );
const BULLET = /^(\s*)[■★◎●☆•○◆▪‣-](\s+)/;

test.prop([
  fc.constantFrom(...pages.keys()),
  fc.constantFrom('•', '*', '-', '▪', '◦', '+', '→'),
  fc.array(fc.nat(12), { minLength: 1, maxLength: 50 }),
])('bullets swapped and every line re-indented at random read the same model', (which, bullet, indents) => {
  const original = pages[which]!;
  const rerendered = original
    .split('\n')
    .map((l, i) => ' '.repeat(indents[i % indents.length]!) + l.replace(BULLET, `$1${bullet}$2`).trimStart())
    .join('\n');
  expect(model(rerendered)).toBe(model(original));
});
