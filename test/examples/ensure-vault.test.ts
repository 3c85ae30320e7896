// The harness beyond restore jobs: "ensure a vault exists" over ListBackupVaults + CreateBackupVault,
// checked under drawn service behaviours (throttling, 5xx answers, dropped connections, latency) against
// vaults that already exist, and the first-page-only bug the same property catches.
import { BackupClient, CreateBackupVaultCommand, ListBackupVaultsCommand } from '@aws-sdk/client-backup';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  createMock,
  loadBackupModel,
  mockClientConfig,
  serviceBehaviour,
  type ServiceBehaviour,
} from '../../src/index.ts';
import { ensureVault, ensureVaultFirstPageOnly, type EnsuredVault } from './ensure-vault.ts';

const model = await loadBackupModel();
const names = fc.uniqueArray(fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,11}$/), { maxLength: 6 });

async function allVaults(client: BackupClient): Promise<string[]> {
  const out: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListBackupVaultsCommand({ NextToken: token }));
    out.push(...(page.BackupVaultList ?? []).map((v) => v.BackupVaultName!));
    token = page.NextToken;
  } while (token);
  return out;
}

type Ensure = (client: BackupClient, name: string) => Promise<EnsuredVault>;

/** After ensure, the vault exists exactly once; it was created iff it did not exist; a second ensure
 * creates nothing and names the same vault. Faults are in the behaviour; the SDK's retries absorb them. */
function ensuresOnce(ensure: Ensure) {
  return async (behaviour: ServiceBehaviour, existing: string[], pick: number, fresh: boolean) => {
    const mock = await createMock({ behaviour });
    const client = new BackupClient(mockClientConfig(mock));
    for (const n of existing) await client.send(new CreateBackupVaultCommand({ BackupVaultName: n }));
    const name = fresh || !existing.length ? 'the-vault' : existing[pick % existing.length]!;
    const first = await ensure(client, name);
    expect(first.created).toBe(!existing.includes(name));
    expect(first.arn.endsWith(`:${name}`)).toBe(true);
    const again = await ensure(client, name);
    expect(again).toEqual({ created: false, arn: first.arn });
    expect((await allVaults(client)).filter((n) => n === name)).toHaveLength(1);
  };
}

const behaviours = serviceBehaviour(model, { maxJobs: 0, failures: ['throttle', 'unavailable', 'drop'] });

describe('ensureVault (ListBackupVaults + CreateBackupVault)', () => {
  test.prop([behaviours, names, fc.nat(), fc.boolean()], { numRuns: 30 })(
    'the vault exists exactly once, created only when missing, under drawn behaviours',
    ensuresOnce(ensureVault),
  );

  test('the first-page-only bug is caught: a vault on the second page is created again', async () => {
    const r = await fc.check(
      fc.asyncProperty(behaviours, names, fc.nat(), fc.boolean(), async (...args) => {
        await ensuresOnce(ensureVaultFirstPageOnly)(...args);
      }),
      { numRuns: 200, seed: 1 },
    );
    expect(r.failed).toBe(true);
    // the shrunk case: three vaults, the one asked for on the second page of two
    const [, existing, pick, fresh] = r.counterexample!;
    expect(existing.length).toBeGreaterThanOrEqual(3);
    expect(fresh).toBe(false);
    expect(existing.indexOf(existing[pick % existing.length]!)).toBeGreaterThanOrEqual(2);
  });
});
