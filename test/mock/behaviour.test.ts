// The reference mock as the SDK sees it, in-process on the fast path.
import {
  DescribeRestoreJobCommand,
  ListRestoreJobsCommand,
  StartRestoreJobCommand,
  paginateListRestoreJobs,
} from '@aws-sdk/client-backup';
import { describe, expect, it } from 'vitest';
import { mockedClient, rejection } from './support.ts';

describe('a started job', () => {
  it(
    'is described and listed with the values it was started with ' + 'and those of its recovery point',
    async () => {
      const { client, point } = await mockedClient();
      const { RestoreJobId } = await client.send(
        new StartRestoreJobCommand({
          RecoveryPointArn: point.arn,
          Metadata: { 'file-system-id': 'fs-1' },
          IamRoleArn: 'arn:aws:iam::123456789012:role/R',
        }),
      );
      const d = await client.send(new DescribeRestoreJobCommand({ RestoreJobId }));
      expect(d).toMatchObject({
        RestoreJobId,
        RecoveryPointArn: point.arn,
        ResourceType: point.resourceType,
        SourceResourceArn: point.sourceResourceArn,
        BackupVaultArn: point.backupVaultArn,
        BackupSizeInBytes: point.backupSizeInBytes,
        IamRoleArn: 'arn:aws:iam::123456789012:role/R',
        Status: 'PENDING',
      });
      expect(d.RecoveryPointCreationDate).toEqual(point.creationDate);
      const listed = (await client.send(new ListRestoreJobsCommand({}))).RestoreJobs!;
      expect(listed.map((j) => j.RestoreJobId)).toEqual([RestoreJobId]);
    },
  );

  it(
    'moves PENDING → RUNNING → a terminal state on the clock, only forward, ' +
      'completing after its creation',
    async () => {
      const { client, clock, point } = await mockedClient({
        lifecycle: { pendingMs: 1000, runningMs: 10_000 },
      });
      const ids = [];
      for (let i = 0; i < 30; i++)
        ids.push(
          (await client.send(new StartRestoreJobCommand({ RecoveryPointArn: point.arn, Metadata: {} })))
            .RestoreJobId!,
        );
      const order = ['PENDING', 'RUNNING', 'TERMINAL'];
      const rank = (s: string) =>
        order.indexOf(['COMPLETED', 'FAILED', 'ABORTED'].includes(s) ? 'TERMINAL' : s);
      const last = new Map<string, number>();
      const terminal = new Set<string>();
      for (let step = 0; step < 14; step++) {
        for (const id of ids) {
          const d = await client.send(new DescribeRestoreJobCommand({ RestoreJobId: id }));
          expect(rank(d.Status!)).toBeGreaterThanOrEqual(last.get(id) ?? 0);
          last.set(id, rank(d.Status!));
          if (rank(d.Status!) === 2) {
            terminal.add(d.Status!);
            expect(d.CompletionDate!.getTime()).toBeGreaterThanOrEqual(d.CreationDate!.getTime());
          } else expect(d.CompletionDate).toBeUndefined();
          expect(d.PercentDone).toMatch(/^\d{1,3}\.\d{2}%$/);
        }
        clock.advance(1000);
      }
      expect([...last.values()].every((r) => r === 2)).toBe(true);
      expect(terminal.has('COMPLETED')).toBe(true);
    },
  );
});

describe('idempotency', () => {
  it(
    'the same token and parameters answer the same job and start nothing; ' +
      'other parameters are a client error',
    async () => {
      const { client, mock, point } = await mockedClient();
      const input = { RecoveryPointArn: point.arn, Metadata: { a: '1' }, IdempotencyToken: 'tok-1' };
      const a = await client.send(new StartRestoreJobCommand(input));
      const b = await client.send(new StartRestoreJobCommand(input));
      expect(b.RestoreJobId).toBe(a.RestoreJobId);
      expect(mock.store.size).toBe(1);
      const e = await rejection(client.send(new StartRestoreJobCommand({ ...input, Metadata: { a: '2' } })));
      expect(e.name).toBe('InvalidRequestException');
      expect(mock.store.size).toBe(1);
    },
  );
});

describe('listing', () => {
  it(
    'pages never repeat or skip a job that existed when the listing began, ' + 'while jobs are being started',
    async () => {
      const { client, mock, point } = await mockedClient();
      for (let i = 0; i < 25; i++)
        await client.send(new StartRestoreJobCommand({ RecoveryPointArn: point.arn, Metadata: {} }));
      const before = new Set(mock.store.all().map((j) => j.id));
      const seen: string[] = [];
      for await (const page of paginateListRestoreJobs({ client, pageSize: 4 }, {})) {
        expect(page.RestoreJobs!.length).toBeLessThanOrEqual(4);
        seen.push(...page.RestoreJobs!.map((j) => j.RestoreJobId!));
        await client.send(new StartRestoreJobCommand({ RecoveryPointArn: point.arn, Metadata: {} }));
      }
      expect(seen).toHaveLength(new Set(seen).size);
      expect(new Set(seen)).toEqual(before);
    },
  );

  it('each filter returns exactly the matching jobs; the last page has no token', async () => {
    const { client, clock, mock } = await mockedClient({ lifecycle: { pendingMs: 1000, runningMs: 5000 } });
    for (const p of mock.store.recoveryPoints()) {
      await client.send(new StartRestoreJobCommand({ RecoveryPointArn: p.arn, Metadata: {} }));
      clock.advance(2000);
    }
    const all = (await client.send(new ListRestoreJobsCommand({}))).RestoreJobs!;
    expect(all.map((j) => j.CreationDate!.getTime())).toEqual(
      [...all.map((j) => j.CreationDate!.getTime())].sort((a, b) => b - a),
    );
    const pivot = all[5]!.CreationDate!;
    const cases: [Record<string, unknown>, (j: (typeof all)[0]) => boolean][] = [
      [{ ByStatus: 'RUNNING' }, (j) => j.Status === 'RUNNING'],
      [{ ByResourceType: 'EBS' }, (j) => j.ResourceType === 'EBS'],
      [{ ByCreatedBefore: pivot }, (j) => j.CreationDate! < pivot],
      [{ ByCreatedAfter: pivot }, (j) => j.CreationDate! > pivot],
      [
        { ByCompleteBefore: new Date(clock.now()) },
        (j) => !!j.CompletionDate && j.CompletionDate.getTime() < clock.now(),
      ],
      [{ ByAccountId: '123456789012' }, () => true],
      [{ ByAccountId: '000000000000' }, () => false],
    ];
    for (const [filter, want] of cases) {
      const got = (await client.send(new ListRestoreJobsCommand(filter))).RestoreJobs!;
      expect(
        got.map((j) => j.RestoreJobId),
        JSON.stringify(filter),
      ).toEqual(all.filter(want).map((j) => j.RestoreJobId));
    }
    const last = await client.send(new ListRestoreJobsCommand({ MaxResults: all.length }));
    expect(last.NextToken).toBeUndefined();
  });

  it('rejects empty, tampered and filter-mismatched tokens', async () => {
    const { client, point } = await mockedClient();
    for (let i = 0; i < 3; i++)
      await client.send(new StartRestoreJobCommand({ RecoveryPointArn: point.arn, Metadata: {} }));
    const { NextToken } = await client.send(
      new ListRestoreJobsCommand({ MaxResults: 1, ByAccountId: '123456789012' }),
    );
    expect(NextToken).toBeTruthy();
    for (const bad of [
      { NextToken: '' },
      { NextToken: `${NextToken}x` },
      { NextToken: 'abc.def' },
      { NextToken, ByAccountId: '123456789013' },
    ]) {
      const e = await rejection(
        client.send(new ListRestoreJobsCommand({ MaxResults: 1, ByAccountId: '123456789012', ...bad })),
      );
      expect(e.name, JSON.stringify(bad)).toBe('InvalidParameterValueException');
    }
  });
});

describe('validation from the spec', () => {
  it('answers each documented exception with its status', async () => {
    const { client, point } = await mockedClient();
    const cases: [Promise<unknown>, string, number][] = [
      [
        client.send(new StartRestoreJobCommand({ RecoveryPointArn: point.arn } as never)),
        'MissingParameterValueException',
        400,
      ],
      [
        client.send(
          new StartRestoreJobCommand({
            RecoveryPointArn: 'arn:aws:backup:us-east-1:123456789012:recovery-point:nope',
            Metadata: {},
          }),
        ),
        'ResourceNotFoundException',
        400,
      ],
      [
        client.send(
          new StartRestoreJobCommand({
            RecoveryPointArn: point.arn,
            Metadata: {},
            ResourceType: 'not valid!',
          }),
        ),
        'InvalidParameterValueException',
        400,
      ],
      [client.send(new ListRestoreJobsCommand({ MaxResults: 1001 })), 'InvalidParameterValueException', 400],
      [
        client.send(new ListRestoreJobsCommand({ ByStatus: 'DONE' as never })),
        'InvalidParameterValueException',
        400,
      ],
      [client.send(new ListRestoreJobsCommand({ ByAccountId: '12' })), 'InvalidParameterValueException', 400],
      [
        client.send(new DescribeRestoreJobCommand({ RestoreJobId: 'missing' })),
        'ResourceNotFoundException',
        400,
      ],
    ];
    for (const [p, name, status] of cases) {
      const e = await rejection(p);
      expect(e.name).toBe(name);
      expect(e.$fault).toBe('client');
      expect(e.$metadata.httpStatusCode).toBe(status);
    }
  });
});

describe('faults on demand', () => {
  it(
    'throttling, 5xx and dropped connections follow the schedule, ' + 'and the SDK retries through them',
    async () => {
      const { client, mock, point } = await mockedClient({}, { maxAttempts: 4 });
      mock.faults.set({
        schedule: [
          { at: 1, fault: { kind: 'throttle' } },
          { at: 2, fault: { kind: 'unavailable' } },
          { at: 3, fault: { kind: 'drop' } },
        ],
      });
      const { RestoreJobId } = await client.send(
        new StartRestoreJobCommand({
          RecoveryPointArn: point.arn,
          Metadata: {},
          IdempotencyToken: 'retry-safe',
        }),
      );
      expect(RestoreJobId).toBeTruthy();
      expect(mock.store.size).toBe(1);
    },
  );

  it('without retries each fault arrives as itself', async () => {
    const { client, mock } = await mockedClient();
    mock.faults.set({
      schedule: [
        { at: 1, fault: { kind: 'throttle' } },
        { at: 2, fault: { kind: 'unavailable' } },
        { at: 3, fault: { kind: 'drop' } },
      ],
    });
    expect((await rejection(client.send(new ListRestoreJobsCommand({})))).name).toBe('ThrottlingException');
    const unavailable = await rejection(client.send(new ListRestoreJobsCommand({})));
    expect([unavailable.name, unavailable.$fault, unavailable.$metadata.httpStatusCode]).toEqual([
      'ServiceUnavailableException',
      'server',
      500,
    ]);
    expect((await rejection(client.send(new ListRestoreJobsCommand({})))).message).toMatch(/socket hang up/);
    await expect(client.send(new ListRestoreJobsCommand({}))).resolves.toBeTruthy();
  });
});
