// The crud judgement's duplicate create, ARN formats and nested reads: pure functions of a record.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCrud, type CrudRecord } from '../../src/checks/crud.ts';
import { checkArns, checkDuplicate, type DuplicateRecord } from '../../src/checks/crud-extras.ts';
import { arnFits, arnFrom, parseArnFormats, placeholders } from '../../src/model/arn-formats.ts';
import { fieldReader } from '../../src/model/overlay-fields.ts';
import { serviceFacts } from '../../src/model/service-facts.ts';
import { serviceFactProblems } from '../../src/model/service-facts-check.ts';
import { loadBackupModel } from '../../src/model/load.ts';
import { expectationFor } from '../../src/model/validate.ts';
import type { Observed } from '../../src/targets/types.ts';
import { err, ok } from './observed.ts';

const dup = (
  observed: Observed,
  provenance: 'documented' | 'convention' = 'documented',
): DuplicateRecord => ({
  operation: 'CreateThing',
  id: 't-1',
  observed,
  expected: { error: 'AlreadyExistsException', provenance, source: 'CreateThing documents it' },
});

describe('a duplicate create', () => {
  it('where the conflict is documented: accepted fails, the exception passes, another 4xx is noted', () => {
    expect(checkDuplicate('Thing', dup(ok()))).toMatchObject([{ check: 'crud', operation: 'CreateThing' }]);
    expect(checkDuplicate('Thing', dup(ok()))[0]!.note).toBeUndefined();
    expect(checkDuplicate('Thing', dup(err('AlreadyExistsException')))).toEqual([]);
    expect(checkDuplicate('Thing', dup(err('ConflictException')))[0]!.note).toBe(true);
  });

  it('where none is documented: any answer but a server error passes, noted', () => {
    expect(checkDuplicate('Thing', dup(ok(), 'convention'))[0]!.note).toBe(true);
    expect(checkDuplicate('Thing', dup(err('InvalidRequestException'), 'convention'))[0]!.note).toBe(true);
    const failed = checkDuplicate('Thing', dup(err('InternalFailure', 500), 'convention'));
    expect(failed).toHaveLength(1);
    expect(failed[0]!.note).toBeUndefined();
  });

  it("the expectation is read from the create's own documented errors", async () => {
    const m = await loadBackupModel();
    expect(expectationFor('duplicate-create', m.operations.CreateBackupVault)).toMatchObject({
      error: 'AlreadyExistsException',
      provenance: 'documented',
    });
    // CreateLegalHold documents no conflict exception: a convention, leniently judged
    expect(expectationFor('duplicate-create', m.operations.CreateLegalHold).provenance).toBe('convention');
  });
});

describe('ARN formats', () => {
  const vault = 'arn:${Partition}:backup:${Region}:${Account}:backup-vault:${BackupVaultName}';
  const framework = 'arn:${Partition}:backup:${Region}:${Account}:framework:${FrameworkName}-${FrameworkId}';

  it('an ARN fits its format only with the identifier in place', () => {
    const a = 'arn:aws:backup:us-east-1:123456789012:backup-vault:v1';
    expect(arnFits(vault, { BackupVaultName: 'v1' }, a)).toBe(true);
    expect(arnFits(vault, { BackupVaultName: 'v2' }, a)).toBe(false);
    expect(arnFits(vault, { BackupVaultName: 'v' }, a)).toBe(false);
    const f = 'arn:aws:backup:us-east-1:123456789012:framework:fw-1-4be1c2d0';
    expect(arnFits(framework, { FrameworkName: 'fw-1' }, f)).toBe(true);
    expect(arnFits(framework, { FrameworkName: 'fw-1' }, 'arn:aws:backup:r:1:framework:fw-1')).toBe(false);
    expect(placeholders(framework)).toEqual([
      'Partition',
      'Region',
      'Account',
      'FrameworkName',
      'FrameworkId',
    ]);
  });

  it('a format filled in fits itself, whatever the values (property)', () => {
    const part = fc.stringMatching(/^[\w.-]{1,20}$/);
    fc.assert(
      fc.property(part, part, part, (name, id, region) => {
        const values = { FrameworkName: name, Region: region };
        const arn = arnFrom(framework, values, () => id);
        return arnFits(framework, { FrameworkName: name }, arn) && arn.includes(`:framework:${name}-${id}`);
      }),
    );
  });

  it('the judge names every answer whose ARN does not embed the created identifier', () => {
    const rec = {
      member: 'BackupVaultArn',
      format: vault,
      source: 'https://docs.aws.amazon.com/x',
      values: { BackupVaultName: 'v1' },
      answered: [
        { operation: 'CreateBackupVault', arn: 'arn:aws:backup:us-east-1:1:backup-vault:v1' },
        { operation: 'DescribeBackupVault', arn: 'arn:aws:backup:us-east-1:1:backup-vault:9f3e' },
      ],
    };
    expect(checkArns('BackupVault', rec).map((f) => f.operation)).toEqual(['DescribeBackupVault']);
    // no documented format: noted, never failed
    const { format: _f, source: _s, ...undocumented } = rec;
    const noted = checkArns('BackupVault', undocumented);
    expect(noted).toHaveLength(1);
    expect(noted[0]).toMatchObject({ note: true, provenance: 'convention' });
  });

  it('bad overlay entries name the field and what was expected', () => {
    const fail = fieldReader('behaviour.json');
    const src = 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsbackup.html';
    expect(() => parseArnFormats([{ member: 'Vault', format: vault, source: src }], fail)).toThrow(
      /arns\[0\]\.member: expected an \*Arn member/,
    );
    expect(() =>
      parseArnFormats([{ member: 'VaultArn', format: 'backup-vault', source: src }], fail),
    ).toThrow(/arns\[0\]\.format/);
    expect(() => parseArnFormats([{ member: 'VaultArn', format: vault, source: 'http://x' }], fail)).toThrow(
      /arns\[0\]\.source/,
    );
    expect(parseArnFormats([{ member: 'VaultArn', format: vault, source: src }], fail)).toHaveLength(1);
  });

  it("the project's formats name real output members", async () => {
    const facts = serviceFacts();
    expect(facts.arns?.length).toBeGreaterThanOrEqual(7);
    expect(serviceFactProblems(await loadBackupModel(), facts)).toEqual([]);
  });
});

describe('crud on a read that nests the item', () => {
  it('compares the created values with the nested member the record names', () => {
    const rec: CrudRecord = {
      family: 'Plan',
      id: 'p1',
      create: { operation: 'CreatePlan', input: { PlanName: 'p1', Channel: { Bucket: 'b1' } } },
      reads: [
        {
          operation: 'DescribePlan',
          after: 'create',
          observed: ok({ Plan: { PlanName: 'p1', Channel: { Bucket: 'other' } } }),
        },
      ],
      listings: [],
      gone: {},
    };
    // without the model's word that the answer nests the item, nothing is compared
    expect(checkCrud(rec)).toEqual([]);
    const nested = checkCrud({ ...rec, nested: { DescribePlan: 'Plan' } });
    expect(nested.map((f) => f.received)).toEqual([
      'DescribePlan: Channel.Bucket = "other", created with "b1"',
    ]);
  });
});

describe('crud after a delete, where the read documents a deletion time', () => {
  it('a read showing the deleted item with its deletion time passes; one without it fails', () => {
    const rec: CrudRecord = {
      family: 'Plan',
      id: 'p1',
      create: { operation: 'CreatePlan', input: { PlanName: 'p1' } },
      reads: [
        { operation: 'GetPlan', after: 'delete', observed: ok({ PlanId: 'p1', DeletionDate: new Date(5) }) },
      ],
      listings: [],
      delete: { operation: 'DeletePlan', observed: ok() },
      gone: { GetPlan: { error: 'ResourceNotFoundException', provenance: 'documented' } },
      deletion: { GetPlan: 'DeletionDate' },
    };
    expect(checkCrud(rec)).toEqual([]);
    rec.reads[0]!.observed = ok({ PlanId: 'p1' });
    expect(checkCrud(rec).map((f) => f.operation)).toEqual(['DeletePlan']);
    // without the model's word, a read after the delete must be the not-found exception
    rec.reads[0]!.observed = ok({ PlanId: 'p1', DeletionDate: new Date(5) });
    expect(checkCrud({ ...rec, deletion: {} })).toHaveLength(1);
  });
});
