// Generated responses, in the restJson1 wire form, read by the real @aws-sdk/client-backup.
import { Readable } from 'node:stream';
import * as Backup from '@aws-sdk/client-backup';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  errorResponse,
  fullPageSize,
  validResponse,
  wireResponse,
  type WireResponse,
} from '../../generators/index.ts';
import { loadBackupModel } from '../../src/model/load.ts';
import { validatorFor } from '../../src/model/validate.ts';

const model = await loadBackupModel();
const v = validatorFor(model);

/** A client whose every request is answered with `answer`: no network, no mock logic. */
function clientAnswering(answer: () => WireResponse) {
  return new Backup.BackupClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    maxAttempts: 1,
    requestHandler: {
      handle: async () => {
        const a = answer();
        // a plain object of HttpResponse's shape: what a request handler returns
        return {
          response: { statusCode: a.status, headers: a.headers, body: Readable.from([Buffer.from(a.body)]) },
        };
      },
    },
  });
}

const commands: Record<string, new (input: never) => Parameters<Backup.BackupClient['send']>[0]> = {
  StartRestoreJob: Backup.StartRestoreJobCommand as never,
  ListRestoreJobs: Backup.ListRestoreJobsCommand as never,
  DescribeRestoreJob: Backup.DescribeRestoreJobCommand as never,
};
const minimalInput: Record<string, unknown> = {
  StartRestoreJob: {
    RecoveryPointArn: 'arn:aws:backup:us-east-1:123456789012:recovery-point:x',
    Metadata: {},
  },
  ListRestoreJobs: {},
  DescribeRestoreJob: { RestoreJobId: 'job-1' },
};

describe('generated responses', () => {
  for (const name of Object.keys(commands)) {
    test.prop([validResponse(model, name, { pages: ['empty', 'short'] })], { numRuns: 150 })(
      `${name}: schema-valid, and the SDK reads them back to the same values`,
      async (output) => {
        const op = model.operations[name]!;
        expect(v.output(op, output)).toEqual([]);
        const client = clientAnswering(() => wireResponse(model, name, output));
        const { $metadata, ...got } = (await client.send(
          new commands[name]!(minimalInput[name] as never),
        )) as unknown as { $metadata: { httpStatusCode?: number } } & Record<string, unknown>;
        expect($metadata.httpStatusCode).toBe(op.http!.code);
        expect(got).toEqual(output);
      },
    );
  }

  it(
    'listings cover empty pages that still carry a token, short pages ' +
      'and full pages of the documented maximum',
    () => {
      const op = model.operations.ListRestoreJobs!;
      expect(fullPageSize(op)).toBe(1000);
      const pages = fc.sample(validResponse(model, 'ListRestoreJobs', { maxItems: 1 }), {
        seed: 4,
        numRuns: 60,
      });
      const sizes = pages.map((p) => (p.RestoreJobs as unknown[]).length);
      expect(sizes).toContain(0);
      expect(sizes).toContain(1000);
      expect(sizes.some((n) => n > 0 && n < 1000)).toBe(true);
      expect(
        pages.some((p) => (p.RestoreJobs as unknown[]).length === 0 && typeof p.NextToken === 'string'),
      ).toBe(true);
      expect(pages.some((p) => p.NextToken === undefined)).toBe(true);
      const statuses = new Set(
        pages.flatMap((p) => (p.RestoreJobs as { Status?: string }[]).map((j) => j.Status)),
      );
      for (const s of op.output.members!.RestoreJobs!.shape.member!.members!.Status!.shape.enum!)
        expect(statuses).toContain(s);
    },
  );

  for (const name of Object.keys(commands)) {
    test.prop([errorResponse(model, name)], { numRuns: 60 })(
      `${name}: each error answer raises the modelled exception`,
      async (e) => {
        const client = clientAnswering(() => e);
        const err = await client.send(new commands[name]!(minimalInput[name] as never)).then(
          () => {
            throw new Error('expected an exception');
          },
          (x: unknown) => x as { name: string; $fault: string; $metadata: { httpStatusCode: number } },
        );
        expect(err.name).toBe(e.name);
        expect(err.$fault).toBe(e.fault);
        expect(err.$metadata.httpStatusCode).toBe(e.status);
        const modelled = (Backup as Record<string, unknown>)[e.name];
        if (model.errors[e.name]) expect(err).toBeInstanceOf(modelled as new () => Error);
        else expect(err).toBeInstanceOf(Backup.BackupServiceException); // throttling: not in Backup's model
      },
    );
  }
});
