import { BackupClient } from '@aws-sdk/client-backup';
import { test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { createMock, loadBackupModel, mockClientConfig, serviceBehaviour } from 'aws-backup-conformance';
import { listAllRestoreJobs } from './restore-jobs.ts';

const model = await loadBackupModel();

test.prop([serviceBehaviour(model)])('lists every restore job exactly once, however AWS pages, throttles or fails', async (behaviour) => {
  const mock = await createMock({ behaviour });                   // jobs, page sizes, faults and latency as drawn
  const client = new BackupClient(mockClientConfig(mock));        // your own client, pointed at the mock
  const listed = await listAllRestoreJobs(client);
  const ids = listed.map((j) => j.RestoreJobId).sort();
  expect(ids).toEqual(mock.jobs().map((j) => j.RestoreJobId).sort());
});
