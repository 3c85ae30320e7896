// Tags kept per ARN, as the tagging facts say (spec/overlay/tagging.json): a create's tags, then the tag
// operation's, read back by the list operation; untag removes keys; an ARN the mock never showed is the
// documented not-found. The facts name operations and members the model has, each with its page.
import * as sdk from '@aws-sdk/client-backup';
import { describe, expect, it } from 'vitest';
import { mockClientConfig } from '../../src/mock/client-config.ts';
import { createMock } from '../../src/mock/index.ts';
import { loadBackupModel } from '../../src/model/load.ts';
import { parseTaggingFacts, taggingFacts } from '../../src/model/tagging.ts';

const client = async () => new sdk.BackupClient(mockClientConfig(await createMock(), { maxAttempts: 1 }));
const tagsOf = async (c: sdk.BackupClient, ResourceArn: string) =>
  (await c.send(new sdk.ListTagsCommand({ ResourceArn }))).Tags;

describe('tags in the mock', () => {
  it('a vault created with tags lists them; tag adds and overwrites, untag removes', async () => {
    const c = await client();
    const v = await c.send(
      new sdk.CreateBackupVaultCommand({
        BackupVaultName: 'tagged',
        BackupVaultTags: { team: 'a', env: 'x' },
      }),
    );
    const arn = v.BackupVaultArn!;
    expect(await tagsOf(c, arn)).toEqual({ team: 'a', env: 'x' });
    await c.send(new sdk.TagResourceCommand({ ResourceArn: arn, Tags: { env: 'prod', cost: '7' } }));
    expect(await tagsOf(c, arn)).toEqual({ team: 'a', env: 'prod', cost: '7' });
    await c.send(new sdk.UntagResourceCommand({ ResourceArn: arn, TagKeyList: ['team', 'absent'] }));
    expect(await tagsOf(c, arn)).toEqual({ env: 'prod', cost: '7' });
    // another resource's tags are its own
    const p = await c.send(
      new sdk.CreateBackupPlanCommand({
        BackupPlan: { BackupPlanName: 'p', Rules: [{ RuleName: 'r', TargetBackupVaultName: 'tagged' }] },
        BackupPlanTags: { owner: 'me' },
      }),
    );
    expect(await tagsOf(c, p.BackupPlanArn!)).toEqual({ owner: 'me' });
    expect(await tagsOf(c, arn)).toEqual({ env: 'prod', cost: '7' });
  });

  it('an ARN the mock never showed is the documented ResourceNotFoundException', async () => {
    const c = await client();
    const arn = 'arn:aws:backup:us-east-1:123456789012:backup-vault:nobody';
    for (const cmd of [
      new sdk.ListTagsCommand({ ResourceArn: arn }),
      new sdk.TagResourceCommand({ ResourceArn: arn, Tags: { a: 'b' } }),
      new sdk.UntagResourceCommand({ ResourceArn: arn, TagKeyList: ['a'] }),
    ])
      await expect(c.send(cmd as never)).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('the facts name operations and members of the model; a bad overlay names the field', async () => {
    const model = await loadBackupModel();
    const f = taggingFacts();
    for (const [role, extra, where] of [
      [f.tag, f.tag.tags, 'input'],
      [f.untag, f.untag.keys, 'input'],
      [f.list, f.list.tags, 'output'],
    ] as const) {
      const op = model.operations[role.operation]!;
      expect(op.input.members?.[role.resource], role.operation).toBeDefined();
      expect(op[where].members?.[extra], `${role.operation} ${where} ${extra}`).toBeDefined();
    }
    expect(() => parseTaggingFacts('t.json', { tag: {} })).toThrow('t.json: tag.operation: expected');
    const bad = { ...JSON.parse(JSON.stringify(f)), list: { ...f.list, source: 'http://example.com' } };
    expect(() => parseTaggingFacts('t.json', bad)).toThrow('t.json: list.source: expected the https://');
  });
});
