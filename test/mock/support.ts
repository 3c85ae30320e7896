// A Backup client on the mock's fast path, with a manual clock.
import { BackupClient } from '@aws-sdk/client-backup';
import { createMock, ManualClock, type MockOptions } from '../../src/mock/index.ts';
import { mockRequestHandler } from '../../src/mock/handlers.ts';

export const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

export async function mockedClient(o: MockOptions = {}, clientOptions: { maxAttempts?: number } = {}) {
  const clock = new ManualClock();
  const mock = await createMock({ clock, ...o });
  const client = new BackupClient({
    region: 'us-east-1',
    credentials: CREDENTIALS,
    requestHandler: mockRequestHandler(mock) as never,
    maxAttempts: clientOptions.maxAttempts ?? 1,
  });
  return { mock, clock, client, point: mock.store.recoveryPoints()[0]! };
}

export async function rejection(
  p: Promise<unknown>,
): Promise<{ name: string; message: string; $fault: string; $metadata: { httpStatusCode?: number } }> {
  return p.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e as never,
  );
}
