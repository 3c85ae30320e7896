// Writing reports: every selected file rendered first, then all written (temp + rename).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RunResult } from '../runner/types.ts';
import { writeAllOrNothing } from '../atomic-write.ts';
import { REPORTERS } from './reporters.ts';

export function writeReports(r: RunResult, dir: string, names: string[]): string[] {
  mkdirSync(dir, { recursive: true });
  const files = Object.fromEntries(
    names.map((n) => [join(dir, REPORTERS[n]!.file), REPORTERS[n]!.render(r)]),
  );
  writeAllOrNothing(files);
  return Object.keys(files);
}
