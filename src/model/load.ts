// The project's own Backup model, derived once per process from spec/docs (+ SDK, + overlay): the one
// model that generators, the mock and the checks walk.
import { join } from 'node:path';
import { deriveModel } from '../spec/derive.ts';
import type { ServiceModel } from './types.ts';

const root = join(import.meta.dirname, '../..');
let loading: Promise<ServiceModel> | undefined;

export function loadBackupModel(): Promise<ServiceModel> {
  loading ??= deriveModel(join(root, 'spec/docs'), { base: root, overlay: join(root, 'spec/overlay/backup.json') }).then((r) => r.model);
  return loading;
}
