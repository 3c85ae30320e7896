// Stubs checked against the spec: aws-sdk-client-mock stubs with the mistakes teams make are named
// violation by violation; what AWS may really answer (every valid output, every documented exception
// built with the SDK's own classes, throttling, dropped connections) is never flagged.
import * as sdk from '@aws-sdk/client-backup';
import {
  BackupClient,
  ConflictException,
  DescribeRestoreJobCommand,
  GetBackupPlanCommand,
  ListRestoreJobsCommand,
  ResourceNotFoundException,
  StartRestoreJobCommand,
} from '@aws-sdk/client-backup';
import { fc, test } from '@fast-check/vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect } from 'vitest';
import { validResponse } from '../../generators/index.ts';
import {
  assertStubsConform,
  checkStubbedCalls,
  errorViolations,
  formatViolation,
  loadBackupModel,
  outputViolations,
  StubConformanceError,
} from '../../src/index.ts';

const model = await loadBackupModel();
const RESTORE = ['StartRestoreJob', 'ListRestoreJobs', 'DescribeRestoreJob'];
const exceptionClass = (name: string) =>
  (sdk as unknown as Record<string, new (o: { message: string; $metadata: object }) => Error>)[name];

describe('no false alarm on what AWS may answer', () => {
  for (const name of RESTORE) {
    test.prop([validResponse(model, name, { fullPageSize: 20 })])(`every valid ${name} output`, (output) => {
      expect(outputViolations(model, name, { ...output, $metadata: { httpStatusCode: 200 } })).toEqual([]);
    });
  }
  test.prop(
    [
      fc
        .constantFrom(...Object.keys(model.operations))
        .chain((op) => fc.tuple(fc.constant(op), validResponse(model, op, { maxItems: 2 }))),
    ],
    { numRuns: 300 },
  )('valid outputs of any operation', ([op, output]) => {
    expect(outputViolations(model, op, output)).toEqual([]);
  });

  test(
    'every documented exception, built with the SDK class; ' + 'throttling; a dropped connection; a timeout',
    () => {
      for (const op of Object.values(model.operations)) {
        for (const name of op.errors) {
          const Class = exceptionClass(name);
          expect(Class, `the SDK exports ${name}`).toBeDefined();
          expect(
            errorViolations(
              model,
              op.name,
              new Class!({
                message: 'm',
                $metadata: { httpStatusCode: model.errors[name]!.httpStatus } as object,
              }),
            ),
          ).toEqual([]);
        }
      }
      const throttled = new sdk.BackupServiceException({
        name: 'ThrottlingException',
        $fault: 'client',
        message: 'Rate exceeded',
        $metadata: { httpStatusCode: 400 },
      });
      expect(errorViolations(model, 'ListRestoreJobs', throttled)).toEqual([]);
      expect(
        errorViolations(
          model,
          'ListRestoreJobs',
          Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
        ),
      ).toEqual([]);
      expect(
        errorViolations(
          model,
          'ListRestoreJobs',
          Object.assign(new Error('timed out'), { name: 'TimeoutError' }),
        ),
      ).toEqual([]);
    },
  );
});

describe('aws-sdk-client-mock stubs with the usual mistakes', () => {
  const backup = mockClient(BackupClient);
  afterEach(() => backup.reset());

  test(
    'each violation is named: operation, call, member path, ' + 'what was found, what is documented',
    async () => {
      backup.on(ListRestoreJobsCommand).resolves({
        RestoreJobs: [
          {
            RestoreJobId: 'job-1',
            Status: 'DONE' as sdk.RestoreJobStatus,
            CreationDate: '2026-01-01T00:00:00Z' as unknown as Date,
          },
        ],
        Count: 1,
      } as unknown as sdk.ListRestoreJobsCommandOutput);
      backup.on(GetBackupPlanCommand).resolves({
        BackupPlan: {
          BackupPlanName: 'daily',
          Rules: [{ TargetBackupVaultName: 'Default' } as sdk.BackupRule],
        },
      });
      backup.on(DescribeRestoreJobCommand).rejects(new Error('not found'));
      backup
        .on(StartRestoreJobCommand)
        .rejects(Object.assign(new Error('no such recovery point'), { name: 'ResourceNotFoundException' }));

      const client = new BackupClient({ region: 'us-east-1' });
      await client.send(new ListRestoreJobsCommand({}));
      await client.send(new GetBackupPlanCommand({ BackupPlanId: 'p' }));
      await client.send(new DescribeRestoreJobCommand({ RestoreJobId: 'job-1' })).catch(() => {});
      await client
        .send(new StartRestoreJobCommand({ RecoveryPointArn: 'arn', Metadata: {} }))
        .catch(() => {});

      const found = (await checkStubbedCalls(backup, model)).map(formatViolation);
      expect(found).toEqual([
        '  ListRestoreJobs (call 0) RestoreJobs[0].CreationDate: RestoreJobs[0].CreationDate ' +
          'is the string "2026-01-01T00:00:00Z": the SDK gives a timestamp as a valid Date',
        '  ListRestoreJobs (call 0) Count: Count is not a documented member: the SDK never returns it',
        '  ListRestoreJobs (call 0) RestoreJobs[0].Status: RestoreJobs[0].Status is "DONE": ' +
          'not a documented value (PENDING, RUNNING, COMPLETED, ABORTED, FAILED)',
        '  GetBackupPlan (call 1) BackupPlan.Rules[0].RuleName: ' +
          'BackupPlan.Rules[0].RuleName is missing: a required member',
        expect.stringMatching(
          new RegExp(
            '^ {2}DescribeRestoreJob \\(call 2\\): a plain Error \\(name "Error", message "not found"\\) ' +
              'where a modelled exception belongs: ' +
              'reject with one of ResourceNotFoundException, .*DependencyFailureException',
          ),
        ),
        expect.stringMatching(
          new RegExp(
            '^ {2}StartRestoreJob \\(call 3\\): an Error named ResourceNotFoundException ' +
              "but not the SDK's exception \\(no \\$fault \\/ \\$metadata\\)",
          ),
        ),
      ]);
      await expect(assertStubsConform(backup, model)).rejects.toBeInstanceOf(StubConformanceError);
    },
  );

  test(
    'a modelled exception the operation does not document, ' + 'and a wrong status on a documented one',
    async () => {
      backup.on(DescribeRestoreJobCommand).rejects(new ConflictException({ message: 'busy', $metadata: {} }));
      backup
        .on(ListRestoreJobsCommand)
        .rejects(new ResourceNotFoundException({ message: 'x', $metadata: { httpStatusCode: 404 } }));
      const client = new BackupClient({ region: 'us-east-1' });
      await client.send(new DescribeRestoreJobCommand({ RestoreJobId: 'j' })).catch(() => {});
      await client.send(new ListRestoreJobsCommand({})).catch(() => {});
      expect((await checkStubbedCalls(backup, model)).map((v) => v.message)).toEqual([
        expect.stringMatching(
          new RegExp(
            '^ConflictException is not an exception DescribeRestoreJob documents ' +
              '\\(documented: ResourceNotFoundException, ',
          ),
        ),
        'ResourceNotFoundException has $metadata.httpStatusCode 404; documented: 400',
      ]);
    },
  );

  test('faithful stubs pass', async () => {
    backup
      .on(ListRestoreJobsCommand)
      .resolves({ RestoreJobs: [{ RestoreJobId: 'job-1', Status: 'COMPLETED', CreationDate: new Date() }] });
    backup
      .on(DescribeRestoreJobCommand)
      .rejects(new ResourceNotFoundException({ message: 'no such job', $metadata: {} }));
    const client = new BackupClient({ region: 'us-east-1' });
    await client.send(new ListRestoreJobsCommand({}));
    await client.send(new DescribeRestoreJobCommand({ RestoreJobId: 'job-1' })).catch(() => {});
    await expect(assertStubsConform(backup, model)).resolves.toBeUndefined();
  });

  test('an operation that is not the service’s is refused by name', () => {
    expect(() => outputViolations(model, 'ListRestoreJob', {})).toThrow(
      /"ListRestoreJob" is not an operation of/,
    );
  });
});
