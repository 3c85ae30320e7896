// All-or-nothing writes: every file goes to a temporary name first, then all are renamed into place,
// so a failure never leaves half an output behind.
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';

export function writeAllOrNothing(files: Record<string, string>): void {
  const tmp = Object.keys(files).map((f) => `${f}.${process.pid}.tmp`);
  try {
    Object.values(files).forEach((content, i) => writeFileSync(tmp[i]!, content));
    Object.keys(files).forEach((f, i) => renameSync(tmp[i]!, f));
  } finally {
    for (const t of tmp) if (existsSync(t)) rmSync(t);
  }
}
