// The pure parts of judgement: the history check over observations, the behaviour overlay's
// validation, near misses, error names as clients read them, expectations with their provenance.
import { beforeAll, describe, expect, it } from 'vitest';
import type { InvalidCase } from '../../generators/requests.ts';
import { errorShape } from '../../src/checks/error-shape.ts';
import { checkHistory } from '../../src/checks/history.ts';
import { negativeRejection } from '../../src/checks/negative-rejection.ts';
import { notAServerError } from '../../src/checks/not-a-server-error.ts';
import { positiveAcceptance } from '../../src/checks/positive-acceptance.ts';
import { checkPagination, SMITHY_PAGINATED } from '../../src/checks/pagination.ts';
import { checkFilter, itemKey } from '../../src/checks/filters.ts';
import { describeAnswer, errorName, type Exchange } from '../../src/checks/types.ts';
import { loadBackupModel } from '../../src/model/load.ts';
import type { ServiceModel } from '../../src/model/types.ts';
import type { Observed } from '../../src/targets/types.ts';
import { OverlayError } from '../../src/model/overlay.ts';
import { parseServiceFacts, serviceFacts } from '../../src/model/service-facts.ts';
import { expectationFor } from '../../src/model/validate.ts';
import { nearMisses } from '../../src/runner/near-miss.ts';
import type { Observation } from '../../src/runner/observations.ts';

const job = serviceFacts().resources[0]!;
let seq = 0;
const obs = (
  id: string,
  operation: string,
  fields: Record<string, unknown>,
  started = false,
): Observation => ({ id, operation, seq: ++seq, started, fields: { RestoreJobId: id, ...fields } });
const RP = 'arn:aws:backup:us-east-1:123456789012:recovery-point:A';

describe('history', () => {
  it('forward statuses, the same instants as other Date objects, one parent: no finding', () => {
    const t = Date.parse('2026-01-01T00:00:00Z');
    const v = checkHistory(
      [
        obs('j1', 'StartRestoreJob', { RecoveryPointArn: RP }, true),
        obs('j1', 'ListRestoreJobs', {
          Status: 'PENDING',
          CreationDate: new Date(t),
          RecoveryPointArn: RP,
          SourceResourceArn: 's',
        }),
        obs('j1', 'DescribeRestoreJob', {
          Status: 'RUNNING',
          CreationDate: new Date(t),
          RecoveryPointArn: RP,
        }),
        obs('j1', 'ListRestoreJobs', { Status: 'COMPLETED', CreationDate: new Date(t) }),
        obs('j2', 'ListRestoreJobs', { Status: 'FAILED', RecoveryPointArn: RP, SourceResourceArn: 's' }),
        obs('j2', 'DescribeRestoreJob', { Status: 'FAILED' }),
      ],
      job,
    );
    expect(v.findings).toEqual([]);
    // j1 listed twice after its start, j2 compared with j1 (the same recovery point),
    // j1 and j2 described again
    expect(v.cases).toEqual({ DescribeRestoreJob: 2, ListRestoreJobs: 3 });
  });

  it('backwards, one ended status for another, a changed immutable field, parents that disagree', () => {
    const v = checkHistory(
      [
        obs('j1', 'ListRestoreJobs', { Status: 'COMPLETED' }),
        obs('j1', 'ListRestoreJobs', { Status: 'RUNNING' }),
        obs('j2', 'DescribeRestoreJob', { Status: 'ABORTED' }),
        obs('j2', 'DescribeRestoreJob', { Status: 'COMPLETED' }),
        obs('j3', 'StartRestoreJob', { RecoveryPointArn: RP }, true),
        obs('j3', 'DescribeRestoreJob', { RecoveryPointArn: `${RP}x`, SourceResourceArn: 'a' }),
        obs('j4', 'ListRestoreJobs', { RecoveryPointArn: `${RP}x`, SourceResourceArn: 'b' }),
      ],
      job,
    );
    const got = v.findings.map((f) => `${f.operation}: ${f.received}`);
    expect(got).toEqual([
      'ListRestoreJobs: j1: RUNNING (ListRestoreJobs) after COMPLETED (ListRestoreJobs)',
      'DescribeRestoreJob: j2: COMPLETED (DescribeRestoreJob) after ABORTED (DescribeRestoreJob)',
      `DescribeRestoreJob: j3: RecoveryPointArn = ${RP}x (DescribeRestoreJob) ` +
        `after ${RP} (StartRestoreJob, as started)`,
      `ListRestoreJobs: j4 and j3 both restore ${RP}x but SourceResourceArn differs: b vs a`,
    ]);
    expect(v.findings.every((f) => f.documented.includes('https://docs.aws.amazon.com/'))).toBe(true);
  });
});

describe('filters and near misses', () => {
  it('near misses: other case, prefix, suffix, whitespace; none equals the value', () => {
    expect(nearMisses('EBS')).toEqual([
      ['other case', 'ebs'],
      ['prefix', 'EB'],
      ['suffix', 'EBS0'],
      ['whitespace', ' EBS '],
    ]);
    expect(nearMisses('123456789012').map(([how]) => how)).toEqual(['prefix', 'suffix', 'whitespace']);
  });

  it('an equality filter matches exactly: a near miss that returns items is a finding', () => {
    const full = [
      { RestoreJobId: 'a', ResourceType: 'EBS' },
      { RestoreJobId: 'b', ResourceType: 'EFS' },
    ];
    const r = { operation: 'ListRestoreJobs', filter: 'ByResourceType', full, idField: 'RestoreJobId' };
    expect(checkFilter({ ...r, value: 'ebs', got: [] })).toEqual([]);
    expect(checkFilter({ ...r, value: 'ebs', got: ['a'] })[0]!.received).toBe(
      'ByResourceType="ebs": 1 item(s), 1 non-matching item(s) included',
    );
  });

  it('an item without its identifier is told by its content: kept, it passes; dropped, it is missing', () => {
    // output members are optional: a listed item may lack RestoreJobId (CI run of stop 19, where two
    // such items were both keyed 'undefined' on one side and left out on the other)
    const bare = { ResourceType: 'EBS', Status: 'COMPLETED' };
    const full = [bare, { RestoreJobId: 'b', ResourceType: 'EFS' }];
    const r = { operation: 'ListRestoreJobs', filter: 'ByResourceType', full, idField: 'RestoreJobId' };
    expect(
      checkFilter({
        ...r,
        value: 'EBS',
        got: [itemKey({ Status: 'COMPLETED', ResourceType: 'EBS' }, 'RestoreJobId')],
      }),
    ).toEqual([]);
    expect(checkFilter({ ...r, value: 'EBS', got: [] })[0]!.received).toBe(
      'ByResourceType="EBS": 0 item(s), 1 matching item(s) missing',
    );
    expect(itemKey(bare, 'RestoreJobId')).not.toBe(itemKey({ ResourceType: 'EFS' }, 'RestoreJobId'));
  });
});

describe('the behaviour overlay', () => {
  it('the project overlay holds the restore job facts, each with its source', () => {
    expect(job.lifecycle.terminal).toEqual(['COMPLETED', 'FAILED', 'ABORTED']);
    expect(job.immutable.members).toEqual(
      expect.arrayContaining([
        'CreationDate',
        'RecoveryPointArn',
        'ResourceType',
        'SourceResourceArn',
        'BackupVaultArn',
      ]),
    );
    expect(serviceFacts().filters.map((f) => f.member)).toContain('ByParentJobId');
  });

  it('errors name the file and the field', () => {
    const bad: [unknown, string][] = [
      [{ resources: {}, filters: [] }, 'b.json: resources: expected an array of resources'],
      [
        {
          resources: [],
          filters: [
            {
              operation: 'L',
              member: 'ByX',
              field: 'X',
              match: 'like',
              source: 'https://docs.aws.amazon.com/x',
            },
          ],
        },
        'b.json: filters[0].match: expected one of equals, before, after',
      ],
      [
        {
          resources: [],
          filters: [
            { operation: 'L', member: 'ByX', field: 'X', match: 'equals', source: 'http://example.com' },
          ],
        },
        'b.json: filters[0].source: expected the https://docs.aws.amazon.com/ page',
      ],
    ];
    for (const [doc, msg] of bad) {
      expect(() => parseServiceFacts('b.json', doc)).toThrow(OverlayError);
      expect(() => parseServiceFacts('b.json', doc)).toThrow(msg);
    }
  });
});

describe('error names and expectations', () => {
  it('reads the name past a namespace or a suffix, in the header or the body', () => {
    const o = (headers: Record<string, string>, body?: unknown) => ({
      headers,
      ms: 0,
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    expect(errorName(o({ 'x-amzn-errortype': 'com.amazonaws.backup#InvalidParameterValueException' }))).toBe(
      'InvalidParameterValueException',
    );
    expect(
      errorName(o({ 'x-amzn-errortype': 'ResourceNotFoundException:http://internal.amazon.com/coral/x/' })),
    ).toBe('ResourceNotFoundException');
    expect(errorName(o({}, { __type: 'aws.backup#SerializationException' }))).toBe('SerializationException');
    expect(errorName(o({}, { code: 'X:y' }))).toBe('X');
    expect(errorName(o({}))).toBeUndefined();
  });

  it(
    'documented expectations are strict; an unparseable body or a bad token is a convention; ' +
      'an exception the operation does not list is one too',
    () => {
      expect(expectationFor('required')).toMatchObject({
        error: 'MissingParameterValueException',
        provenance: 'documented',
      });
      expect(expectationFor('malformed-json')).toMatchObject({
        error: 'SerializationException',
        provenance: 'convention',
      });
      expect(expectationFor('tampered-next-token').provenance).toBe('convention');
      expect(
        expectationFor('unknown-resource', { errors: ['InvalidParameterValueException'] }).provenance,
      ).toBe('convention');
      expect(expectationFor('pattern', { errors: ['InvalidParameterValueException'] }).provenance).toBe(
        'documented',
      );
    },
  );
});

// False alarms found against moto, each fixed in its check, and the defect next to it still found.
describe('judged as documented, no stricter (moto)', () => {
  const html = (status: number, failure?: 'garbage'): Observed => ({
    status,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: `<!doctype html>\n<title>${status}</title>`,
    ...(failure ? { failure, failureDetail: "Unexpected token '<'" } : {}),
    ms: 0,
  });
  const named = (status: number, name: string): Observed => ({
    status,
    headers: { 'x-amzn-errortype': name, 'x-amzn-requestid': 'r', 'content-type': 'application/json' },
    body: JSON.stringify({ __type: name, message: 'm' }),
    ms: 0,
  });
  const negative = (op: string, mutation: string, path: string, rule = 'schema'): InvalidCase =>
    ({
      operation: op,
      mode: 'negative',
      mutation,
      path,
      expectedError:
        mutation === 'unknown-resource' ? 'ResourceNotFoundException' : 'InvalidParameterValueException',
      provenance: rule === 'pagination' ? 'convention' : 'documented',
      channel: 'sdk',
      rule,
      reportedAs: [],
      input: {},
    }) as InvalidCase;
  const x = (op: string, c: Exchange['case'], observed: Observed): Exchange => ({
    operation: op,
    case: c,
    channel: 'sdk',
    observed,
  });
  const valid = (op: string) => ({ operation: op, mode: 'positive' as const, input: {} });
  let model: ServiceModel;
  beforeAll(async () => {
    model = await loadBackupModel();
  });

  it('a minimum above its maximum refused with a documented exception is noted; other refusals fail', () => {
    const op = 'PutBackupVaultLockConfiguration';
    const input = { BackupVaultName: 'v', MinRetentionDays: 40, MaxRetentionDays: 7 };
    const refused = x(
      op,
      { operation: op, mode: 'positive', input },
      named(400, 'InvalidParameterValueException'),
    );
    const [f] = positiveAcceptance.run(refused, model);
    expect(f).toMatchObject({ note: true, provenance: 'convention' });
    expect(f!.received).toContain('MinRetentionDays 40 > MaxRetentionDays 7');
    // the same pair in order, refused: a valid request rejected
    const ordered = { ...input, MinRetentionDays: 7, MaxRetentionDays: 40 };
    const wrong = x(
      op,
      { operation: op, mode: 'positive', input: ordered },
      named(400, 'InvalidParameterValueException'),
    );
    expect(positiveAcceptance.run(wrong, model)[0]!.note).toBeUndefined();
    // an exception the operation does not document is no plausible refusal either
    const odd = x(op, { operation: op, mode: 'positive', input }, named(400, 'ValidationException'));
    expect(positiveAcceptance.run(odd, model)[0]!.note).toBeUndefined();
  });

  it('a 4xx with an HTML body is no server error, and error-shape judges it; a 500 still is one', () => {
    const notFoundPage = x('DescribeReportPlan', valid('DescribeReportPlan'), html(404, 'garbage'));
    expect(notAServerError.run(notFoundPage, model)).toEqual([]);
    expect(errorShape.applies(notFoundPage)).toBe(true);
    expect(errorShape.run(notFoundPage, model).map((f) => f.received)).toEqual([
      'HTTP 404 with no x-amzn-errortype header and no Code in the body',
      expect.stringMatching(/^a body that is not a JSON object/),
      'no x-amzn-requestid header',
    ]);
    expect(describeAnswer(notFoundPage.observed)).toBe(
      'HTTP 404 (text/html; charset=utf-8, a body the SDK cannot read)',
    );
    const crash = x('CreateBackupPlan', valid('CreateBackupPlan'), html(500, 'garbage'));
    expect(notAServerError.run(crash, model).map((f) => f.received)).toEqual([
      'HTTP 500 (text/html; charset=utf-8, a body the SDK cannot read)',
    ]);
    // a redirect is an answer below 500 too; whether a valid request may get one is positive-acceptance's
    const redirect = x('DescribeReportPlan', valid('DescribeReportPlan'), html(308, 'garbage'));
    expect(notAServerError.run(redirect, model)).toEqual([]);
    expect(positiveAcceptance.run(redirect, model).map((f) => f.received)).toEqual([
      'HTTP 308 (text/html; charset=utf-8, a body the SDK cannot read)',
    ]);
    // an unreadable success is still no answer at all
    const bad200 = x('ListBackupVaults', valid('ListBackupVaults'), { ...html(200, 'garbage') });
    expect(notAServerError.run(bad200, model)).toHaveLength(1);
  });

  it('an exception about what exists, documented by the operation, is noted; others still fail', () => {
    const c = negative('DescribeReportPlan', 'pattern-violation', 'ReportPlanName');
    const notFound = named(400, 'ResourceNotFoundException');
    const rnf = negativeRejection.run(x('DescribeReportPlan', c, notFound), model);
    expect(rnf).toEqual([expect.objectContaining({ note: true, provenance: 'convention' })]);
    // ListReportPlans documents no ResourceNotFoundException: still the wrong exception
    const l = negative('ListReportPlans', 'out-of-range', 'MaxResults');
    expect(negativeRejection.run(x('ListReportPlans', l, notFound), model)).toEqual([
      expect.objectContaining({
        received: 'wrong exception: ResourceNotFoundException (HTTP 400) for out-of-range of MaxResults',
      }),
    ]);
    // accepted, or answered as a server error: findings
    const ok: Observed = { status: 200, headers: {}, body: '{}', ms: 0 };
    expect(negativeRejection.run(x('DescribeReportPlan', c, ok), model)[0]).not.toHaveProperty('note');
    const v = negative('CreateBackupVault', 'pattern-violation', 'BackupVaultName');
    expect(negativeRejection.run(x('CreateBackupVault', v, ok), model)).toEqual([
      expect.objectContaining({ received: 'accepted: HTTP 200 for pattern-violation of BackupVaultName' }),
    ]);
    expect(
      negativeRejection.run(x('CreateBackupVault', v, named(400, 'AlreadyExistsException')), model),
    ).toEqual([expect.objectContaining({ note: true })]);
  });

  it('an unknown ARN that is no ARN may be refused as a bad value; accepting it is still a finding', () => {
    const c = negative('ListTags', 'unknown-resource', 'ResourceArn');
    const ok: Observed = { status: 200, headers: {}, body: '{"Tags":{}}', ms: 0 };
    const bad = named(400, 'InvalidParameterValueException');
    expect(negativeRejection.run(x('ListTags', c, bad), model)).toEqual([
      expect.objectContaining({ note: true }),
    ]);
    expect(negativeRejection.run(x('ListTags', c, ok), model)).toEqual([
      expect.objectContaining({ received: 'accepted: HTTP 200 for unknown-resource of ResourceArn' }),
    ]);
    // a name (not an ARN) of no vault: a bad value it is not
    const v = negative('DescribeBackupVault', 'unknown-resource', 'BackupVaultName');
    expect(negativeRejection.run(x('DescribeBackupVault', v, bad), model)[0]).not.toHaveProperty('note');
  });

  it('a bad token accepted is noted; a token that ignores its filters still fails (Smithy)', () => {
    const ok: Observed = { status: 200, headers: {}, body: '{}', ms: 0 };
    const t = negative('ListBackupVaults', 'empty-next-token', 'NextToken', 'pagination');
    expect(negativeRejection.run(x('ListBackupVaults', t, ok), model)).toEqual([
      expect.objectContaining({ note: true }),
    ]);
    expect(negativeRejection.run(x('ListBackupVaults', t, html(500)), model)).toEqual([
      expect.objectContaining({ received: 'HTTP 500 for empty-next-token of NextToken' }),
    ]);
    const record = (kind: 'empty' | 'tampered' | 'filter-mismatched') => ({
      operation: 'ListBackupVaults',
      full: ['a', 'b'],
      known: [],
      maxResults: 1,
      pages: [{ ids: ['a', 'b'] }],
      runaway: false,
      probes: [{ kind, observed: ok }],
    });
    const empty = checkPagination(record('empty'));
    // the page that ignores MaxResults is a finding; the accepted empty token only a note
    expect(empty.filter((f) => !f.note).map((f) => f.received)).toEqual(['page 1 has 2 items']);
    expect(empty.filter((f) => f.note).map((f) => f.received)).toEqual(['empty token answered HTTP 200']);
    expect(checkPagination(record('tampered')).filter((f) => f.note)).toHaveLength(1);
    const mismatched = checkPagination(record('filter-mismatched')).filter((f) => !f.note);
    expect(mismatched.map((f) => f.received)).toContain('filter-mismatched token answered HTTP 200');
    expect(mismatched.at(-1)!.documented).toContain(SMITHY_PAGINATED);
  });
});
