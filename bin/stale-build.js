// In a clone (src/ beside dist/; the published package ships no src/), dist/ is stale when a source or
// build setting changed after the last `npm run build`: the CLI then refuses to run old code silently.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const STAMP = join(root, 'dist', '.build-stamp');
const INPUTS = ['src', 'generators', 'tsconfig.json', 'tsconfig.build.json'];

function newest(path) {
  const s = statSync(path, { throwIfNoEntry: false });
  if (!s) return { path, ms: 0 };
  if (!s.isDirectory()) return { path, ms: s.mtimeMs };
  let best = { path, ms: 0 };
  for (const e of readdirSync(path)) {
    const n = newest(join(path, e));
    if (n.ms > best.ms) best = n;
  }
  return best;
}

/** undefined when dist/ is current (or this is an installed package); else why it is not. */
export function staleBuild() {
  if (!existsSync(join(root, 'src'))) return undefined;
  const stamp = statSync(STAMP, { throwIfNoEntry: false });
  if (!stamp) return 'dist/ has not been built';
  for (const input of INPUTS) {
    const n = newest(join(root, input));
    if (n.ms > stamp.mtimeMs) return `${n.path.slice(root.length)} changed after the last build`;
  }
  return undefined;
}
