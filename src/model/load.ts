// The project's own Backup model, derived once per process from spec/docs (+ SDK, + overlay): the one
// model that generators, the mock and the checks walk.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deriveModel } from '../spec/derive.ts';
import type { ServiceModel } from './types.ts';

/** The package's root, which holds spec/: found from this module's own place (src/model/ in a clone,
 * dist/src/model/ when installed), never from the working directory. */
export function packageRoot(from = import.meta.dirname): string {
  for (let d = from; ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json')) && existsSync(join(d, 'spec', 'docs'))) return d;
    if (dirname(d) === d) throw new Error(`aws-backup-conformance: no spec/docs in any folder above ${from}`);
  }
}

let loading: Promise<ServiceModel> | undefined;

export function loadBackupModel(): Promise<ServiceModel> {
  const root = packageRoot();
  loading ??= deriveModel(join(root, 'spec/docs'), {
    base: root,
    overlay: join(root, 'spec/overlay/backup.json'),
  }).then((r) => r.model);
  return loading;
}
