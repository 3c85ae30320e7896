// Worked examples of the generic families through the SDK: server-set fields agree across operations,
// a rejected request changes nothing, a parent takes its children with it, a child needs its parent,
// and a stateless listing refuses a token it never issued.
import * as sdk from '@aws-sdk/client-backup';
import { describe, expect, it } from 'vitest';
import { mockClientConfig } from '../../src/mock/client-config.ts';
import { createMock, ManualClock } from '../../src/mock/index.ts';

async function setup() {
  const mock = await createMock({ clock: new ManualClock(Date.UTC(2026, 0, 1)), region: 'eu-west-1' });
  return new sdk.BackupClient(mockClientConfig(mock, { maxAttempts: 1 }));
}
const failure = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: Error) => e.name,
  );

describe('generic resource families', () => {
  it('a vault reads and lists with the ARN, name and creation date its create answered', async () => {
    const c = await setup();
    const made = await c.send(new sdk.CreateBackupVaultCommand({ BackupVaultName: 'vault-a' }));
    expect(made.BackupVaultArn).toBe('arn:aws:backup:eu-west-1:123456789012:backup-vault:vault-a');
    const read = await c.send(new sdk.DescribeBackupVaultCommand({ BackupVaultName: 'vault-a' }));
    const listed = (await c.send(new sdk.ListBackupVaultsCommand({}))).BackupVaultList ?? [];
    expect(listed.map((v) => v.BackupVaultName)).toEqual(['vault-a']);
    for (const x of [read, listed[0]!]) {
      expect(x.BackupVaultArn).toBe(made.BackupVaultArn);
      expect(x.CreationDate?.getTime()).toBe(made.CreationDate?.getTime());
    }
    expect(await failure(c.send(new sdk.CreateBackupVaultCommand({ BackupVaultName: 'vault-a' })))).toBe(
      'AlreadyExistsException',
    );
  });

  it('a rejected request changes nothing', async () => {
    const c = await setup();
    // BackupPlan.Rules is required
    const bad = { BackupPlan: { BackupPlanName: 'p' } } as unknown as sdk.CreateBackupPlanInput;
    const answer = await failure(c.send(new sdk.CreateBackupPlanCommand(bad)));
    expect(answer).toBe('MissingParameterValueException');
    expect((await c.send(new sdk.ListBackupPlansCommand({}))).BackupPlansList).toEqual([]);
  });

  it('a child needs its parent where documented; deleting the parent takes its children', async () => {
    const c = await setup();
    const selection = {
      RestoreTestingSelectionName: 's',
      IamRoleArn: 'arn:aws:iam::123456789012:role/r',
      ProtectedResourceType: 'EBS',
    };
    const plan = { RestoreTestingPlanName: 'nope', RestoreTestingSelection: selection };
    expect(await failure(c.send(new sdk.CreateRestoreTestingSelectionCommand(plan)))).toBe(
      'ResourceNotFoundException',
    );
    await c.send(new sdk.CreateBackupVaultCommand({ BackupVaultName: 'vault-1' }));
    const policy = '{"Version":"2012-10-17","Statement":[]}';
    await c.send(new sdk.PutBackupVaultAccessPolicyCommand({ BackupVaultName: 'vault-1', Policy: policy }));
    const got = await c.send(new sdk.GetBackupVaultAccessPolicyCommand({ BackupVaultName: 'vault-1' }));
    expect(got.Policy).toBe(policy);
    await c.send(new sdk.DeleteBackupVaultCommand({ BackupVaultName: 'vault-1' }));
    expect(await failure(c.send(new sdk.DescribeBackupVaultCommand({ BackupVaultName: 'vault-1' })))).toBe(
      'ResourceNotFoundException',
    );
    await c.send(new sdk.CreateBackupVaultCommand({ BackupVaultName: 'vault-1' }));
    // the old policy went with the vault: the new vault has none (documented not-found)
    expect(
      await failure(c.send(new sdk.GetBackupVaultAccessPolicyCommand({ BackupVaultName: 'vault-1' }))),
    ).toBe('ResourceNotFoundException');
  });

  it('a plan update is seen, with a new version id; a stateless listing refuses a forged token', async () => {
    const c = await setup();
    const plan = { BackupPlanName: 'p1', Rules: [{ RuleName: 'r', TargetBackupVaultName: 'vault-1' }] };
    const made = await c.send(new sdk.CreateBackupPlanCommand({ BackupPlan: plan }));
    const renamed = { ...plan, BackupPlanName: 'p2' };
    const id = made.BackupPlanId;
    const upd = await c.send(new sdk.UpdateBackupPlanCommand({ BackupPlanId: id, BackupPlan: renamed }));
    expect(upd.VersionId).not.toBe(made.VersionId);
    const read = await c.send(new sdk.GetBackupPlanCommand({ BackupPlanId: made.BackupPlanId }));
    expect(read.BackupPlan?.BackupPlanName).toBe('p2');
    expect(read.VersionId).toBe(upd.VersionId);
    expect(await failure(c.send(new sdk.ListBackupPlanTemplatesCommand({ NextToken: 'forged' })))).toBe(
      'InvalidParameterValueException',
    );
  });
});
