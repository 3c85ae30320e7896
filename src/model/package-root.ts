// Where the package's own data (spec/) lives, for every module that reads it at run time.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The package's root, which holds spec/: found from this module's own place (src/model/ in a clone,
 * dist/src/model/ when installed), never from the working directory. */
export function packageRoot(from = import.meta.dirname): string {
  for (let d = from; ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json')) && existsSync(join(d, 'spec', 'docs'))) return d;
    if (dirname(d) === d) throw new Error(`aws-backup-conformance: no spec/docs in any folder above ${from}`);
  }
}
