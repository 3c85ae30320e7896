// A create that names its parent by ARN (overlay resources[].parentArn): the family carries it, the
// parent's identifiers are read from the ARN by its documented format, and the run's tracking addresses
// what such a create made under its parent.
import { describe, expect, it } from 'vitest';
import { deriveFamilies } from '../../src/model/families.ts';
import { addressOf, parentIdsFromArn } from '../../src/model/families-parent.ts';
import { arnValues } from '../../src/model/arn-formats.ts';
import { loadBackupModel } from '../../src/model/load.ts';
import { applyOverlay, OverlayError, parseOverlay } from '../../src/model/overlay.ts';
import { planRun, selectOperations } from '../../src/runner/plan.ts';
import { createdBy } from '../../src/runner/setup.ts';

const vaultArn = (name: string) => `arn:aws:backup:us-east-1:123456789012:backup-vault:${name}`;

describe('a parent named by ARN', () => {
  it('RestoreAccessBackupVault: the overlay says its create names the source vault by ARN', async () => {
    const { families } = deriveFamilies(await loadBackupModel());
    const f = families.find((x) => x.name === 'RestoreAccessBackupVault')!;
    expect(f).toMatchObject({
      parent: 'BackupVault',
      parentArn: 'SourceBackupVaultArn',
      create: ['CreateRestoreAccessBackupVault'],
    });
    expect(f.corrections.find((c) => c.operation === 'CreateRestoreAccessBackupVault')?.source).toMatch(
      /API_CreateRestoreAccessBackupVault\.html$/,
    );
  });

  it("reads the parent's identifiers from the ARN, not the create's member of that name", async () => {
    const { families } = deriveFamilies(await loadBackupModel());
    const f = families.find((x) => x.name === 'RestoreAccessBackupVault')!;
    const vault = families.find((x) => x.name === 'BackupVault')!;
    const input = { SourceBackupVaultArn: vaultArn('source-1'), BackupVaultName: 'the-new-one' };
    expect(parentIdsFromArn(f, vault, input)).toEqual({ BackupVaultName: 'source-1' });
    expect(addressOf(f, vault, input, 'arn:x')).toEqual({
      BackupVaultName: 'source-1',
      RestoreAccessBackupVaultArn: 'arn:x',
    });
    // an ARN not of the documented format names no parent
    expect(
      parentIdsFromArn(f, vault, { SourceBackupVaultArn: 'arn:aws:backup:r:1:vault:v' }),
    ).toBeUndefined();
    // a family without the fact takes its parents from the input's members of the same name
    const sel = families.find((x) => x.name === 'Selection')!;
    expect(addressOf(sel, undefined, { BackupPlanId: 'p1' }, 's1')).toEqual({
      BackupPlanId: 'p1',
      SelectionId: 's1',
    });
    expect(arnValues('arn:${P}:x:${Name}-${Id}', 'arn:aws:x:my-name-42')).toEqual({
      P: 'aws',
      Name: 'my-name',
      Id: '42',
    });
  });

  it('the tracking keeps what such a create made under its source vault, for the clean-up', async () => {
    const model = await loadBackupModel();
    const plan = planRun(model, selectOperations(model, undefined));
    const made = createdBy(
      model,
      plan,
      'CreateRestoreAccessBackupVault',
      { SourceBackupVaultArn: vaultArn('source-1'), BackupVaultName: 'the-new-one' },
      { status: 200, headers: {}, output: { RestoreAccessBackupVaultArn: 'arn:rav' }, ms: 0 },
    );
    expect(made?.ids).toEqual({ BackupVaultName: 'source-1', RestoreAccessBackupVaultArn: 'arn:rav' });
  });

  it('a parentArn that is not an input member is an overlay error naming the field', async () => {
    const model = structuredClone(await loadBackupModel());
    const overlay = parseOverlay('o.json', {
      service: 'Backup',
      facts: [],
      resources: [
        {
          operation: 'CreateRestoreAccessBackupVault',
          family: 'RestoreAccessBackupVault',
          role: 'create',
          parentArn: 'NoSuchArn',
          source:
            'https://docs.aws.amazon.com/aws-backup/latest/devguide/API_CreateRestoreAccessBackupVault.html',
        },
      ],
    });
    expect(() => applyOverlay(model, overlay)).toThrow(OverlayError);
    expect(() => applyOverlay(model, overlay)).toThrow(/resources\[0\]\.parentArn: expected an input member/);
    expect(() =>
      parseOverlay('o.json', {
        service: 'Backup',
        facts: [],
        resources: [{ ...overlay.resources![0], parentArn: 'Source' }],
      }),
    ).toThrow(/resources\[0\]\.parentArn/);
  });
});
