// The two in-process handlers are two faces of one resolver: for any request the SDK can send — valid or
// broken in any labelled way — the direct handler and msw's getResponse give the same answer.
import { BackupClient } from '@aws-sdk/client-backup';
import { fc, test } from '@fast-check/vitest';
import { expect, vi } from 'vitest';
import { directRequestHandler } from '../../src/mock/fast-path.ts';
import { mockRequestHandler } from '../../src/mock/handlers.ts';
import { createMock, ManualClock } from '../../src/mock/index.ts';
import { loadBackupModel } from '../../src/model/load.ts';
import { recording, callSdk } from '../../src/targets/sdk-call.ts';
import { invalidRequest, validRequest } from '../../generators/index.ts';
import { CREDENTIALS } from './support.ts';

const model = await loadBackupModel();
const OPS = ['StartRestoreJob', 'ListRestoreJobs', 'DescribeRestoreJob'];
const requests = fc.oneof(
  ...OPS.map((op) => validRequest(model, op)),
  ...OPS.filter((op) => op !== 'DescribeRestoreJob').map((op) =>
    invalidRequest(model, op).filter((c) => c.channel === 'sdk'),
  ),
);

async function side(handler: (m: Awaited<ReturnType<typeof createMock>>) => unknown) {
  const mock = await createMock({ model, clock: new ManualClock(), seed: 3 });
  const rec = recording(handler(mock) as never);
  const client = new BackupClient({
    region: 'us-east-1',
    credentials: CREDENTIALS,
    maxAttempts: 1,
    requestHandler: rec.handler as never,
  });
  const point = mock.store.recoveryPoints()[0]!.arn;
  return {
    send: (op: string, input: Record<string, unknown>) => callSdk(client, rec, op, input, 5000),
    point,
  };
}

// volatile by design: request ids, and tokens sealed with each mock's own secret
const mask = (body: string | undefined) => body?.replace(/"NextToken":"[^"]*"/, '"NextToken":"…"');

// first in the file: the SDK warns about this at most once a minute per module instance
test(
  'the direct handler reads the SDK’s JSON body as bytes ' + '(no SDK warning about string methods on it)',
  async () => {
    const warn = vi.spyOn(console, 'warn');
    try {
      const { send, point } = await side(directRequestHandler);
      expect((await send('StartRestoreJob', { RecoveryPointArn: point, Metadata: { k: 'v' } })).status).toBe(
        200,
      );
      expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([]);
    } finally {
      warn.mockRestore();
    }
  },
);

test.prop([fc.array(requests, { minLength: 1, maxLength: 6 })], { numRuns: 40 })(
  'the direct handler and msw getResponse answer alike',
  async (cases) => {
    const [direct, msw] = [await side(directRequestHandler), await side(mockRequestHandler)];
    for (const c of cases) {
      const input =
        c.operation === 'StartRestoreJob' && c.mode === 'positive'
          ? { ...c.input, RecoveryPointArn: direct.point }
          : c.input;
      const [a, b] = [await direct.send(c.operation, input), await msw.send(c.operation, input)];
      expect({
        status: a.status,
        type: a.headers['x-amzn-errortype'],
        contentType: a.headers['content-type'],
        body: mask(a.body),
        error: a.error?.name,
      }).toEqual({
        status: b.status,
        type: b.headers['x-amzn-errortype'],
        contentType: b.headers['content-type'],
        body: mask(b.body),
        error: b.error?.name,
      });
      expect(a.headers['x-amzn-requestid']).toBeTruthy();
    }
  },
);
