// A wrapper over two operations of another family than restore jobs: "ensure a backup vault exists".
// It looks through every page of ListBackupVaults, and creates the vault only where no page shows it;
// a create that loses a race (AlreadyExistsException, which CreateBackupVault documents) is not an error.
import {
  AlreadyExistsException,
  type BackupClient,
  CreateBackupVaultCommand,
  DescribeBackupVaultCommand,
  ListBackupVaultsCommand,
} from '@aws-sdk/client-backup';

export interface EnsuredVault {
  created: boolean;
  arn: string;
}

export async function ensureVault(client: BackupClient, name: string, pageSize = 2): Promise<EnsuredVault> {
  let token: string | undefined;
  do {
    const page = await client.send(new ListBackupVaultsCommand({ MaxResults: pageSize, NextToken: token }));
    const hit = page.BackupVaultList?.find((v) => v.BackupVaultName === name);
    if (hit?.BackupVaultArn) return { created: false, arn: hit.BackupVaultArn };
    token = page.NextToken;
  } while (token);
  try {
    const out = await client.send(new CreateBackupVaultCommand({ BackupVaultName: name }));
    return { created: true, arn: out.BackupVaultArn! };
  } catch (e) {
    if (!(e instanceof AlreadyExistsException)) throw e;
    const d = await client.send(new DescribeBackupVaultCommand({ BackupVaultName: name }));
    return { created: false, arn: d.BackupVaultArn! };
  }
}

/** The plausible bug: only the first page is looked at, so a vault on a later page is "missing". */
export async function ensureVaultFirstPageOnly(client: BackupClient, name: string): Promise<EnsuredVault> {
  const page = await client.send(new ListBackupVaultsCommand({ MaxResults: 2 }));
  const hit = page.BackupVaultList?.find((v) => v.BackupVaultName === name);
  if (hit?.BackupVaultArn) return { created: false, arn: hit.BackupVaultArn };
  const out = await client.send(new CreateBackupVaultCommand({ BackupVaultName: name }));
  return { created: true, arn: out.BackupVaultArn! };
}
