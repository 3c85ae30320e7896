// The standalone server, driven by real, independent AWS clients: the JS SDK (with its paginator),
// the AWS CLI and boto3. Each client sees started jobs listed and described as started, every job
// exactly once across pages, and each exception under its modelled name.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { BackupClient, StartRestoreJobCommand, paginateListRestoreJobs } from '@aws-sdk/client-backup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMock, type BackupMock } from '../../src/mock/index.ts';
import { serve, type RunningServer } from '../../src/mock/server.ts';
import { AWS_ENV, HAS_AWS_CLI, HAS_BOTO3, skipNote } from './interop.ts';
import { CREDENTIALS } from './support.ts';

const run = promisify(execFile);
let mock: BackupMock;
let server: RunningServer;
beforeAll(async () => {
  mock = await createMock();
  server = await serve(mock, 0);
});
afterAll(() => server.close());

describe('standalone mock over loopback', () => {
  it('binds 127.0.0.1 by default', () => {
    expect(server.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('@aws-sdk/client-backup: start, then page with paginateListRestoreJobs', async () => {
    const client = new BackupClient({
      region: 'us-east-1',
      credentials: CREDENTIALS,
      endpoint: server.endpoint,
      maxAttempts: 1,
    });
    const point = mock.store.recoveryPoints()[2]!;
    const ids = [];
    for (let i = 0; i < 7; i++)
      ids.push(
        (
          await client.send(
            new StartRestoreJobCommand({ RecoveryPointArn: point.arn, Metadata: { n: String(i) } }),
          )
        ).RestoreJobId!,
      );
    const seen: string[] = [];
    for await (const page of paginateListRestoreJobs(
      { client, pageSize: 3 },
      { ByResourceType: point.resourceType },
    ))
      seen.push(...page.RestoreJobs!.map((j) => j.RestoreJobId!));
    expect(seen).toHaveLength(new Set(seen).size);
    expect(seen).toEqual(expect.arrayContaining(ids));
  });

  it.skipIf(!HAS_AWS_CLI)(
    'AWS CLI: start-restore-job, describe, list-restore-jobs across pages, modelled errors',
    async () => {
      const aws = (...args: string[]) =>
        run('aws', ['backup', ...args, '--endpoint-url', server.endpoint, '--output', 'json'], {
          env: AWS_ENV,
        });
      const point = mock.store.recoveryPoints()[3]!;
      const started = [];
      for (let i = 0; i < 5; i++) {
        const { stdout } = await aws(
          'start-restore-job',
          '--recovery-point-arn',
          point.arn,
          '--metadata',
          `file-system-id=fs-${i},newFileSystem=true`,
          '--iam-role-arn',
          'arn:aws:iam::123456789012:role/Restore',
        );
        started.push(JSON.parse(stdout).RestoreJobId as string);
      }
      const d = JSON.parse((await aws('describe-restore-job', '--restore-job-id', started[0]!)).stdout);
      expect(d).toMatchObject({
        RestoreJobId: started[0],
        RecoveryPointArn: point.arn,
        IamRoleArn: 'arn:aws:iam::123456789012:role/Restore',
        ResourceType: point.resourceType,
      });
      // CLI v1 prints body timestamps as received: epoch seconds
      expect(typeof d.CreationDate).toBe('number');
      const seen: string[] = [];
      let token: string | undefined;
      do {
        const { stdout } = await aws(
          'list-restore-jobs',
          '--by-resource-type',
          point.resourceType,
          '--page-size',
          '2',
          '--max-items',
          '5',
          ...(token ? ['--starting-token', token] : []),
        );
        const out = JSON.parse(stdout);
        seen.push(...out.RestoreJobs.map((j: { RestoreJobId: string }) => j.RestoreJobId));
        token = out.NextToken;
      } while (token);
      expect(seen).toHaveLength(new Set(seen).size);
      expect(seen).toEqual(expect.arrayContaining(started));
      const err = await aws('describe-restore-job', '--restore-job-id', 'nope').then(
        () => '',
        (e: { stderr: string }) => e.stderr,
      );
      expect(err).toMatch(/ResourceNotFoundException/);
      const err2 = await aws('list-restore-jobs', '--max-results', '1001').then(
        () => '',
        (e: { stderr: string }) => e.stderr,
      );
      expect(err2).toMatch(/InvalidParameterValueException/);
    },
  );

  it.skipIf(!HAS_BOTO3)('boto3: its list_restore_jobs paginator and its modelled exceptions', async () => {
    const point = mock.store.recoveryPoints()[4]!;
    const script =
      `
import boto3, json, sys
c = boto3.client('backup', endpoint_url=sys.argv[1], region_name='us-east-1')
ids = [c.start_restore_job(RecoveryPointArn=sys.argv[2], Metadata={'k': str(i)})['RestoreJobId'] ` +
      `for i in range(6)]
d = c.describe_restore_job(RestoreJobId=ids[0])
seen = []
for page in c.get_paginator('list_restore_jobs').paginate(ByResourceType=sys.argv[3], ` +
      `PaginationConfig={'PageSize': 2}):
    seen += [j['RestoreJobId'] for j in page['RestoreJobs']]
errors = []
for call in (lambda: c.describe_restore_job(RestoreJobId='nope'), ` +
      `lambda: c.list_restore_jobs(ByStatus='DONE'), ` +
      `lambda: c.start_restore_job(RecoveryPointArn=sys.argv[2], Metadata={}, ` +
      `ResourceType='bad type!')):
    try:
        call()
    except (c.exceptions.ResourceNotFoundException, c.exceptions.InvalidParameterValueException) as e:
        errors.append([type(e).__name__, e.response['ResponseMetadata']['HTTPStatusCode']])
print(json.dumps({'ids': ids, 'seen': seen, 'arn': d['RecoveryPointArn'], ` +
      `'status': d['Status'], 'errors': errors}))
`;
    const { stdout } = await run('python3', ['-c', script, server.endpoint, point.arn, point.resourceType], {
      env: AWS_ENV,
    });
    const r = JSON.parse(stdout);
    expect(r.arn).toBe(point.arn);
    expect(r.status).toBe('PENDING');
    expect(r.seen).toHaveLength(new Set(r.seen).size);
    expect(r.seen).toEqual(expect.arrayContaining(r.ids));
    expect(r.errors).toEqual([
      ['ResourceNotFoundException', 400],
      ['InvalidParameterValueException', 400],
      ['InvalidParameterValueException', 400],
    ]);
  });
});

skipNote('the AWS CLI (aws)', HAS_AWS_CLI);
skipNote('boto3 (python3 -c "import boto3")', HAS_BOTO3);
