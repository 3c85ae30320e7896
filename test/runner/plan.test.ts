// Which operations a run covers (--operations) and what it knows of each before sending anything.
import { describe, expect, it } from 'vitest';
import { loadBackupModel } from '../../src/model/load.ts';
import { OperationsError, planRun, selectOperations } from '../../src/runner/plan.ts';

describe('selectOperations', () => {
  it('all, names and globs, in the model order; an unknown entry names the flag and the value', async () => {
    const model = await loadBackupModel();
    const every = selectOperations(model, undefined);
    expect(every.length).toBe(Object.values(model.operations).filter((o) => o.http).length);
    expect(selectOperations(model, 'all')).toEqual(every);
    expect(selectOperations(model, 'DescribeRestoreJob,ListRestoreJobs')).toEqual(
      every.filter((n) => n === 'DescribeRestoreJob' || n === 'ListRestoreJobs'),
    );
    const lists = selectOperations(model, 'List*');
    expect(lists.length).toBeGreaterThan(20);
    expect(lists.every((n) => n.startsWith('List'))).toBe(true);
    expect(() => selectOperations(model, 'ListRestoreJobs,Nope')).toThrow(OperationsError);
    expect(() => selectOperations(model, 'Nope')).toThrow(/--operations: unknown operation 'Nope'/);
    expect(() => selectOperations(model, ',')).toThrow(/--operations: expected 'all'/);
  });

  it('knows each operation family, role and the identifiers its request needs', async () => {
    const model = await loadBackupModel();
    const plan = planRun(model, selectOperations(model, undefined));
    const p = (n: string) => plan.byName.get(n)!;
    expect(p('CreateBackupVault')).toMatchObject({ access: 'mutating', role: 'create', needs: [] });
    expect(p('CreateBackupSelection').needs).toEqual(['BackupPlanId']);
    expect(p('GetBackupSelection').needs.sort()).toEqual(['BackupPlanId', 'SelectionId']);
    expect(p('PutBackupVaultAccessPolicy')).toMatchObject({ access: 'mutating', needs: ['BackupVaultName'] });
    expect(p('ListBackupVaults')).toMatchObject({ access: 'read', role: 'list', needs: [] });
  });
});
