// The verdict per operation, from its cells and how its requests were answered.
import { describe, expect, it } from 'vitest';
import { loadBackupModel } from '../../src/model/load.ts';
import { Collector } from '../../src/runner/collector.ts';
import { planRun } from '../../src/runner/plan.ts';
import { foldUnimplemented, operationVerdicts } from '../../src/runner/verdicts.ts';
import type { Cell, OperationVerdict } from '../../src/runner/types.ts';
import type { Observed } from '../../src/targets/types.ts';

const answer = (status: number, name?: string): Observed => ({
  status,
  headers: name ? { 'x-amzn-errortype': name, 'content-type': 'application/json' } : {},
  ms: 0,
});

describe('operationVerdicts', () => {
  it('not-sent, not-implemented, findings, cannot-set-up and conforming, each with its reason', async () => {
    const model = await loadBackupModel();
    const ops = [
      'ListBackupVaults',
      'GetBackupSelection',
      'DescribeBackupVault',
      'DeleteBackupVault',
      'ListTags',
    ];
    const plan = planRun(model, ops);
    const c = new Collector(
      ['positive-acceptance'],
      ops.map((o) => ['positive-acceptance', o]),
    );
    const errors = (op: string) => model.operations[op]!.errors;
    c.answered('ListBackupVaults', answer(200), errors('ListBackupVaults'));
    c.count('positive-acceptance', 'ListBackupVaults');
    // served (its documented not-found) but nothing to read: its plan and selection could not be made
    c.answered('GetBackupSelection', answer(400, 'ResourceNotFoundException'), errors('GetBackupSelection'));
    c.count('positive-acceptance', 'GetBackupSelection');
    c.answered(
      'DescribeBackupVault',
      answer(404, 'UnknownOperationException'),
      errors('DescribeBackupVault'),
    );
    c.answered('ListTags', answer(200), errors('ListTags'));
    c.count('positive-acceptance', 'ListTags');
    c.fail({
      check: 'positive-acceptance',
      operation: 'ListTags',
      phase: 'random',
      received: 'x',
      documented: 'y',
      provenance: 'documented',
      seed: 1,
    });
    const v = operationVerdicts({
      plan,
      cells: c.result(),
      collector: c,
      requests: new Map([
        ['ListBackupVaults', 3],
        ['GetBackupSelection', 2],
        ['DescribeBackupVault', 4],
        ['ListTags', 5],
      ]),
      cannot: new Map([['GetBackupSelection', 'needs BackupPlanId: CreateBackupPlan answered HTTP 400']]),
      restricted: new Map([['DeleteBackupVault', 'read-only run: only invalid requests; none sent']]),
    });
    const by = Object.fromEntries(v.map((x) => [x.operation, x]));
    expect(by.ListBackupVaults).toMatchObject({
      verdict: 'conforming',
      access: 'read',
      family: 'BackupVault',
    });
    expect(by.GetBackupSelection).toMatchObject({
      verdict: 'cannot-set-up',
      reason: expect.stringMatching(/needs BackupPlanId/),
    });
    expect(by.DescribeBackupVault).toMatchObject({
      verdict: 'not-implemented',
      reason: expect.stringMatching(/HTTP 404/),
    });
    expect(by.DeleteBackupVault).toMatchObject({ verdict: 'not-sent', access: 'mutating', requests: 0 });
    expect(by.ListTags).toMatchObject({
      verdict: 'findings',
      reason: expect.stringMatching(/positive-acceptance/),
    });
  });
});

describe('foldUnimplemented', () => {
  it("folds a not-implemented operation's cells into its verdict; other operations keep theirs", () => {
    const cell = (operation: string, status: Cell['status']): Cell => ({
      check: 'positive-acceptance',
      operation,
      status,
      cases: 3,
      failures: status === 'failed' ? 3 : 0,
      details: [],
    });
    const v = (operation: string, verdict: OperationVerdict['verdict']): OperationVerdict => ({
      operation,
      verdict,
      access: 'read',
      requests: 3,
      ...(verdict === 'not-implemented' ? { reason: 'answers: 3× HTTP 404 (text/html)' } : {}),
    });
    const cells = [
      cell('DescribeBackupJob', 'failed'),
      cell('ListTags', 'failed'),
      cell('ListTags', 'passed'),
    ];
    const verdicts = [v('DescribeBackupJob', 'not-implemented'), v('ListTags', 'findings')];
    const out = foldUnimplemented(cells, verdicts);
    expect(out[0]).toEqual({
      check: 'positive-acceptance',
      operation: 'DescribeBackupJob',
      status: 'skipped',
      cases: 3,
      failures: 0,
      details: [],
      skippedReason:
        "not implemented by the target (the operation's verdict): answers: 3× HTTP 404 (text/html)",
    });
    expect(out.slice(1)).toEqual(cells.slice(1));
  });
});
