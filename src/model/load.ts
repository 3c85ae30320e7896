// The project's own Backup model, derived once per process from spec/docs (+ SDK, + overlay): the one
// model that generators, the mock and the checks walk.
import { join } from 'node:path';
import { deriveModel } from '../spec/derive.ts';
import { packageRoot } from './package-root.ts';
import type { ServiceModel } from './types.ts';

export { packageRoot };

let loading: Promise<ServiceModel> | undefined;

export function loadBackupModel(): Promise<ServiceModel> {
  const root = packageRoot();
  loading ??= deriveModel(join(root, 'spec/docs'), {
    base: root,
    overlay: join(root, 'spec/overlay/backup.json'),
  }).then((r) => r.model);
  return loading;
}
