// The verdict per operation, from its cells and how its valid requests were answered: not-sent (the
// safety rules kept every request), not-implemented (no request was answered as the operation),
// findings (a cell failed), cannot-set-up (its inputs need a resource the run could neither create
// nor find, and nothing it sent succeeded: never a failure), else conforming.
import type { Collector } from './collector.ts';
import type { RunPlan } from './plan.ts';
import type { Cell, OperationVerdict } from './types.ts';

/** An operation the target does not implement is one finding, its verdict: its cells say only that
 * (every request got the same 404 page or 500), so they fold into it — skipped, saying why, their
 * failures and details dropped — and the reports show one line per such operation, not six. The run
 * still fails on it (tally's notImplemented; the CLI exits 1). */
export function foldUnimplemented(cells: Cell[], verdicts: OperationVerdict[]): Cell[] {
  const gone = new Map(verdicts.filter((v) => v.verdict === 'not-implemented').map((v) => [v.operation, v]));
  return cells.map((c): Cell => {
    const v = gone.get(c.operation);
    if (!v || c.status === 'skipped') return c;
    return {
      check: c.check,
      operation: c.operation,
      status: 'skipped',
      cases: c.cases,
      failures: 0,
      details: [],
      skippedReason: `not implemented by the target (the operation's verdict): ${v.reason ?? ''}`,
    };
  });
}

export interface VerdictInputs {
  plan: RunPlan;
  cells: Cell[];
  collector: Collector;
  /** requests sent per operation */
  requests: Map<string, number>;
  /** operation → why its inputs could not be satisfied */
  cannot: Map<string, string>;
  /** operation → why only some (or none) of its requests were sent */
  restricted: Map<string, string>;
}

export function operationVerdicts(v: VerdictInputs): OperationVerdict[] {
  const unimplemented = v.collector.unimplementedOps();
  return v.plan.plans.map((p): OperationVerdict => {
    const name = p.op.name;
    const requests = v.requests.get(name) ?? 0;
    const base = {
      operation: name,
      ...(p.family ? { family: p.family.name } : {}),
      access: p.access,
      requests,
    };
    const failed = v.cells.filter((c) => c.operation === name && c.status === 'failed');
    if (requests === 0)
      return {
        ...base,
        verdict: 'not-sent',
        reason: v.restricted.get(name) ?? v.cannot.get(name) ?? 'not reached',
      };
    const off = unimplemented.get(name);
    if (off)
      return {
        ...base,
        verdict: 'not-implemented',
        reason: `no request was answered as the operation; ${off}`,
      };
    if (failed.length)
      return {
        ...base,
        verdict: 'findings',
        reason: `${failed.length} check(s) failed: ${failed.map((c) => c.check).join(', ')}`,
      };
    const cannot = v.cannot.get(name);
    if (cannot && v.collector.successes(name) === 0)
      return { ...base, verdict: 'cannot-set-up', reason: cannot };
    const r = v.restricted.get(name);
    return { ...base, verdict: 'conforming', ...(r ? { reason: r } : {}) };
  });
}
