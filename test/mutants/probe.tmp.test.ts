import { it } from 'vitest';
import { runAgainst } from './harness.ts';
const SETS: string[][] = [
  ['CreateBackupVault', 'DescribeBackupVault', 'ListBackupVaults', 'DeleteBackupVault'],
  ['CreateBackupPlan', 'GetBackupPlan', 'ListBackupPlans', 'UpdateBackupPlan', 'DeleteBackupPlan'],
  ['CreateFramework', 'DescribeFramework', 'ListFrameworks', 'UpdateFramework', 'DeleteFramework'],
  ['CreateReportPlan', 'DescribeReportPlan', 'ListReportPlans', 'UpdateReportPlan', 'DeleteReportPlan'],
  ['CreateRestoreTestingPlan', 'GetRestoreTestingPlan', 'ListRestoreTestingPlans', 'UpdateRestoreTestingPlan', 'DeleteRestoreTestingPlan'],
  ['CreateLegalHold', 'GetLegalHold', 'ListLegalHolds', 'CancelLegalHold'],
  ['CreateBackupPlan', 'CreateBackupSelection', 'GetBackupSelection', 'ListBackupSelections', 'DeleteBackupSelection'],
  ['ListBackupJobs', 'DescribeBackupJob', 'ListCopyJobs', 'DescribeCopyJob'],
  ['CreateBackupVault', 'GetBackupVaultAccessPolicy', 'PutBackupVaultAccessPolicy', 'GetBackupVaultNotifications', 'PutBackupVaultNotifications'],
];
it('probe', async () => {
  for (const ops of SETS) {
    const t0 = Date.now();
    const r = await runAgainst((i) => i, 1, 100, { operations: ops });
    const lines = r.cells.map((c) => `${c.status.padEnd(12)} ${c.check} × ${c.operation}` +
      (c.status !== 'passed' ? `: ${c.details[0]?.received ?? c.inconclusiveReason ?? c.skippedReason}` : ''));
    console.log(`== ${ops.join(',')} (${Date.now() - t0} ms)\n` + lines.filter((l) => !l.startsWith('passed')).join('\n')
      + `\npassed: ` + r.cells.filter((c) => c.status === 'passed').map((c) => `${c.check}×${c.operation}`).join(' '));
  }
}, 600_000);
