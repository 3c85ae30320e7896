// The same mock through msw's setupServer (Node's http intercepted), as users with msw already do.
import {
  BackupClient,
  DescribeRestoreJobCommand,
  StartRestoreJobCommand,
  paginateListRestoreJobs,
} from '@aws-sdk/client-backup';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMock } from '../../src/mock/index.ts';
import { mockHandlers } from '../../src/mock/handlers.ts';
import { CREDENTIALS } from './support.ts';

const mock = await createMock();
const server = setupServer(...mockHandlers(mock, { origin: 'https://backup.us-east-1.amazonaws.com' }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('msw setupServer', () => {
  it('serves the SDK: start, describe, and page through the listing', async () => {
    const client = new BackupClient({ region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 });
    const point = mock.store.recoveryPoints()[1]!;
    const ids = [];
    for (let i = 0; i < 5; i++)
      ids.push(
        (await client.send(new StartRestoreJobCommand({ RecoveryPointArn: point.arn, Metadata: {} })))
          .RestoreJobId,
      );
    expect(
      (await client.send(new DescribeRestoreJobCommand({ RestoreJobId: ids[0] }))).RecoveryPointArn,
    ).toBe(point.arn);
    const seen = [];
    for await (const page of paginateListRestoreJobs({ client, pageSize: 2 }, {}))
      seen.push(...page.RestoreJobs!.map((j) => j.RestoreJobId));
    expect(seen.sort()).toEqual([...ids].sort());
  });
});
