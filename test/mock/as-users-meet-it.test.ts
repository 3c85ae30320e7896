// The standalone mock as a user meets it: started from the command line with a recovery point the
// test names itself and a seeded history, then driven by boto3 and the AWS CLI through start →
// describe → list (paginator, small pages) → filters → tampered token → unknown job. Also: --help
// on every subcommand, catalogue files validated with the file and field named.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli.ts';
import { parseCatalogue, recoveryPointFrom, resourceTypeFromArn } from '../../src/mock/catalogue-file.ts';
import { runCli } from '../support/cli.ts';
import { AWS_ENV, HAS_AWS_CLI, HAS_BOTO3, skipNote } from './interop.ts';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../bin/aws-backup-conformance.js');
const OURS = 'arn:aws:backup:eu-west-1:111122223333:recovery-point:3c1d4a8e-6f0b-4d92-9a55-test-named-it';

describe('--help on every subcommand', () => {
  for (const argv of [
    ['run', '--help'],
    ['mock', '--help'],
    ['spec', 'build', '--help'],
    ['spec', 'derive', '--help'],
    ['mock', '-h'],
  ]) {
    it(argv.join(' '), async () => {
      const r = await runCli(...argv);
      expect(r.code).toBe(EXIT.ok);
      expect(r.out).toMatch(new RegExp(`Usage: aws-backup-conformance ${argv[0]}`));
      expect(r.err).toBe('');
    });
  }
  it('mock --help names the user-facing flags', async () => {
    const r = await runCli('mock', '--help');
    for (const flag of ['--recovery-point', '--resource-type', '--catalogue', '--jobs'])
      expect(r.out).toContain(flag);
  });
});

describe('recovery points the user names', () => {
  it('resource type from the ARN where it shows one, else --resource-type, else EBS', () => {
    expect(resourceTypeFromArn('arn:aws:ec2:us-east-1::snapshot/snap-0123')).toBe('EBS');
    expect(resourceTypeFromArn('arn:aws:ec2:us-east-1::image/ami-0123')).toBe('EC2');
    expect(resourceTypeFromArn('arn:aws:rds:us-east-1:111122223333:snapshot:awsbackup:job-1')).toBe('RDS');
    expect(resourceTypeFromArn('arn:aws:rds:us-east-1:111122223333:cluster-snapshot:awsbackup:job-1')).toBe(
      'Aurora',
    );
    expect(resourceTypeFromArn('arn:aws:dynamodb:us-east-1:111122223333:table/t/backup/0165')).toBe(
      'DynamoDB',
    );
    expect(resourceTypeFromArn(OURS)).toBeUndefined();
    expect(recoveryPointFrom(OURS).resourceType).toBe('EBS');
    expect(recoveryPointFrom(OURS, { resourceType: 'EFS' })).toMatchObject({
      resourceType: 'EFS',
      accountId: '111122223333',
    });
    expect(recoveryPointFrom(OURS).backupVaultArn).toBe(
      'arn:aws:backup:eu-west-1:111122223333:backup-vault:Default',
    );
    expect(recoveryPointFrom(OURS)).toEqual(recoveryPointFrom(OURS));
  });

  it('a catalogue file: every error names the file and the field', () => {
    const bad: [unknown, string][] = [
      [{}, 'f.json: recoveryPoints: expected an array'],
      [{ recoveryPoints: [] }, 'f.json: recoveryPoints: expected at least one'],
      [{ recoveryPoints: [{ arn: 'nope' }] }, 'f.json: recoveryPoints[0].arn: expected an ARN'],
      [
        { recoveryPoints: [{ arn: OURS, size: 3 }] },
        'f.json: recoveryPoints[0].size: expected one of arn, resourceType',
      ],
      [
        { recoveryPoints: [{ arn: OURS, creationDate: 'soon' }] },
        'f.json: recoveryPoints[0].creationDate: expected an ISO 8601 date',
      ],
      [
        { recoveryPoints: [{ arn: OURS }, { arn: OURS }] },
        'f.json: recoveryPoints[1].arn: expected a recovery point listed once',
      ],
      [[{ arn: OURS, backupSizeInBytes: -1 }], 'f.json: [0].backupSizeInBytes: expected a whole number ≥ 0'],
    ];
    for (const [doc, msg] of bad) expect(() => parseCatalogue('f.json', doc), msg).toThrow(msg);
    expect(
      parseCatalogue('f.json', {
        recoveryPoints: [{ arn: OURS, resourceType: 'EFS', creationDate: '2025-01-02T00:00:00Z' }],
      })[0],
    ).toMatchObject({ arn: OURS, resourceType: 'EFS', creationDate: new Date('2025-01-02T00:00:00Z') });
  });

  it('mock --catalogue with a bad file: exit 2, the file and field named, nothing started', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cat-')), 'points.json');
    writeFileSync(file, JSON.stringify({ recoveryPoints: [{ arn: OURS, resourceType: 7 }] }));
    const r = await runCli('mock', '--port', '0', '--catalogue', file);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toContain(`${file}: recoveryPoints[0].resourceType: expected a non-empty string`);
    const missing = await runCli(
      'mock',
      '--port',
      '0',
      '--catalogue',
      join(tmpdir(), 'no-such-catalogue.json'),
    );
    expect(missing.code).toBe(EXIT.usage);
    expect(missing.err).toMatch(
      /no-such-catalogue\.json: \(file\): expected a readable JSON file \(ENOENT\)/,
    );
    expect((await runCli('mock', '--recovery-point', 'not-an-arn')).err).toMatch(
      /--recovery-point must be an ARN/,
    );
    expect((await runCli('mock', '--jobs', 'many')).err).toMatch(/--jobs must be a whole number/);
  });
});

describe('the standalone mock from the command line', () => {
  let child: ChildProcess;
  let endpoint = '';
  let bannerText = '';
  beforeAll(async () => {
    child = spawn(
      process.execPath,
      [
        BIN,
        'mock',
        '--port',
        '0',
        '--recovery-point',
        OURS,
        '--resource-type',
        'EFS',
        '--jobs',
        '40',
        '--seed',
        '5',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no banner: ${bannerText}`)), 60_000);
      child.stdout!.on('data', (d) => {
        bannerText += String(d);
        const m = /endpoint: (\S+)/.exec(bannerText);
        if (m && /--endpoint-url/.test(bannerText)) {
          endpoint = m[1]!;
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => reject(new Error(`mock exited ${code}`)));
    });
  }, 90_000);
  afterAll(() => {
    child?.kill('SIGTERM');
  });

  it('the banner prints the endpoint, the recovery point it restores from, and an AWS CLI line', () => {
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(bannerText).toContain(`${OURS}  (EFS)`);
    expect(bannerText).toContain('past jobs: 40');
    expect(bannerText).toContain(
      `aws backup start-restore-job --endpoint-url ${endpoint} --recovery-point-arn ${OURS}`,
    );
  });

  it.skipIf(!HAS_BOTO3)(
    'boto3: start, describe, paginate a seeded history, filter, tampered token, unknown job',
    async () => {
      const script =
        `
import boto3, json, sys, botocore
c = boto3.client('backup', endpoint_url=sys.argv[1], region_name='us-east-1')
arn = sys.argv[2]
jid = c.start_restore_job(RecoveryPointArn=arn, Metadata={'file-system-id': 'fs-1'})['RestoreJobId']
d = c.describe_restore_job(RestoreJobId=jid)
pages, seen = 0, []
for page in c.get_paginator('list_restore_jobs').paginate(PaginationConfig={'PageSize': 7}):
    pages += 1
    seen += [(j['RestoreJobId'], j['Status'], j['ResourceType']) for j in page['RestoreJobs']]
efs = [j['RestoreJobId'] for p in c.get_paginator('list_restore_jobs').paginate(ByResourceType='EFS', ` +
        `PaginationConfig={'PageSize': 5}) for j in p['RestoreJobs']]
done = [j['RestoreJobId'] for p in c.get_paginator('list_restore_jobs').paginate(ByStatus='COMPLETED') ` +
        `for j in p['RestoreJobs']]
near = c.list_restore_jobs(ByResourceType='efs')['RestoreJobs']
token = c.list_restore_jobs(MaxResults=3)['NextToken']
errors = []
for call in (lambda: c.list_restore_jobs(NextToken=token[:-2] + ('BB' if token.endswith('AA') else 'AA')),
             lambda: c.list_restore_jobs(NextToken=token, ByStatus='FAILED'),
             lambda: c.describe_restore_job(RestoreJobId='no-such-job')):
    try:
        call(); errors.append('accepted')
    except botocore.exceptions.ClientError as e:
        errors.append([e.response['Error']['Code'], e.response['ResponseMetadata']['HTTPStatusCode']])
print(json.dumps({'id': jid, 'arn': d['RecoveryPointArn'], 'type': d['ResourceType'], ` +
        `'status': d['Status'], 'pages': pages,
                  'seen': seen, 'efs': efs, 'done': done, 'near': len(near), 'errors': errors}))
`;
      const { stdout } = await run('python3', ['-c', script, endpoint, OURS], { env: AWS_ENV });
      const r = JSON.parse(stdout);
      expect(r).toMatchObject({ arn: OURS, type: 'EFS', status: 'PENDING', near: 0 });
      expect(r.seen).toHaveLength(41);
      expect(new Set(r.seen.map((j: string[]) => j[0])).size).toBe(41);
      expect(r.pages).toBe(6);
      expect(new Set(r.seen.map((j: string[]) => j[1]))).toEqual(
        new Set(['PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'ABORTED']),
      );
      expect(r.efs).toContain(r.id);
      expect(r.efs).toHaveLength(41); // every job restores the one recovery point, as EFS
      expect(r.done.length).toBe(r.seen.filter((j: string[]) => j[1] === 'COMPLETED').length);
      expect(r.errors).toEqual([
        ['InvalidParameterValueException', 400],
        ['InvalidParameterValueException', 400],
        ['ResourceNotFoundException', 400],
      ]);
    },
    60_000,
  );

  it.skipIf(!HAS_AWS_CLI)(
    'AWS CLI v1: start, describe, list across small pages, filter, tampered token, unknown job',
    async () => {
      const aws = (...args: string[]) =>
        run('aws', ['backup', ...args, '--endpoint-url', endpoint, '--output', 'json'], { env: AWS_ENV });
      const fails = (...args: string[]) =>
        aws(...args).then(
          () => 'accepted',
          (e: { stderr: string }) => e.stderr,
        );
      const id = JSON.parse(
        (await aws('start-restore-job', '--recovery-point-arn', OURS, '--metadata', 'file-system-id=fs-2'))
          .stdout,
      ).RestoreJobId as string;
      const d = JSON.parse((await aws('describe-restore-job', '--restore-job-id', id)).stdout);
      expect(d).toMatchObject({ RestoreJobId: id, RecoveryPointArn: OURS, ResourceType: 'EFS' });
      const all = JSON.parse((await aws('list-restore-jobs', '--page-size', '4')).stdout).RestoreJobs as {
        RestoreJobId: string;
        Status: string;
      }[];
      expect(all.length).toBeGreaterThanOrEqual(41);
      expect(new Set(all.map((j) => j.RestoreJobId)).size).toBe(all.length);
      const failed = JSON.parse(
        (await aws('list-restore-jobs', '--by-status', 'FAILED', '--page-size', '2')).stdout,
      ).RestoreJobs as { Status: string }[];
      expect(failed.length).toBe(all.filter((j) => j.Status === 'FAILED').length);
      expect(failed.every((j) => j.Status === 'FAILED')).toBe(true);
      const token = JSON.parse((await aws('list-restore-jobs', '--max-results', '2', '--no-paginate')).stdout)
        .NextToken as string;
      expect(await fails('list-restore-jobs', '--next-token', `${token}x`, '--no-paginate')).toMatch(
        /InvalidParameterValueException/,
      );
      expect(await fails('describe-restore-job', '--restore-job-id', 'no-such-job')).toMatch(
        /ResourceNotFoundException/,
      );
    },
    60_000,
  );
});

skipNote('the AWS CLI (aws)', HAS_AWS_CLI);
skipNote('boto3 (python3 -c "import boto3")', HAS_BOTO3);
