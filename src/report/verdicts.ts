// The verdict per operation, shared by summary.md, report.html, junit.xml and the github reporter: the
// runner's own (`RunResult.operations`), or — for results written before it existed — derived from the
// cells and the run's "not implemented" notes, so old results still render. Pure.
import type { Cell, OperationVerdict, OperationVerdictKind, RunResult } from '../runner/types.ts';

export const VERDICT_LABEL: Record<OperationVerdictKind, string> = {
  conforming: 'conforming',
  findings: 'findings',
  'not-implemented': 'not implemented',
  'cannot-set-up': 'cannot set up',
  'not-sent': 'not sent',
};

/** the order operations are listed in within a family: what needs reading first */
const RANK: Record<OperationVerdictKind, number> = {
  findings: 0,
  'not-implemented': 1,
  'cannot-set-up': 2,
  'not-sent': 3,
  conforming: 4,
};

const NOT_IMPLEMENTED = /^(\S+): not implemented by the target(?:, it seems)?(?: — )?(.*)$/;

/** A run note that is an operation's "not implemented" verdict (its reason, in the verdict table). */
export const isVerdictNote = (note: string): boolean => NOT_IMPLEMENTED.test(note);

/** The runner's verdicts, else ones derived from the cells (no family then: the result carries none);
 * an operation with cells but no verdict of the runner's gets a derived one too. */
export function operationVerdicts(r: RunResult): OperationVerdict[] {
  if (!r.operations) return fromCells(r);
  const known = new Set(r.operations.map((v) => v.operation));
  return [...r.operations, ...fromCells(r).filter((v) => !known.has(v.operation))];
}

function fromCells(r: RunResult): OperationVerdict[] {
  const unimplemented = new Map<string, string>();
  for (const n of r.notes) {
    const m = NOT_IMPLEMENTED.exec(n);
    if (m) unimplemented.set(m[1]!, m[2] || 'not implemented by the target');
  }
  const byOp = cellsByOperation(r.cells);
  return [...byOp].map(([operation, cells]): OperationVerdict => {
    const failed = cells.filter((c) => c.status === 'failed');
    const judged = cells.some((c) => c.status !== 'skipped');
    const base = { operation, access: 'read' as const, requests: 0 };
    const gone = unimplemented.get(operation);
    if (gone !== undefined) return { ...base, verdict: 'not-implemented', reason: gone };
    if (failed.length) return { ...base, verdict: 'findings', reason: failingChecks(failed) };
    if (!judged)
      return { ...base, verdict: 'not-sent', reason: cells[0]?.skippedReason ?? 'every check was skipped' };
    return { ...base, verdict: 'conforming' };
  });
}

export function cellsByOperation(cells: Cell[]): Map<string, Cell[]> {
  const m = new Map<string, Cell[]>();
  for (const c of cells) m.set(c.operation, [...(m.get(c.operation) ?? []), c]);
  return m;
}

const failingChecks = (failed: Cell[]) => {
  const checks = failed.map((c) => c.check).join(', ');
  return `${failed.length === 1 ? 'fails' : `${failed.length} checks fail`}: ${checks}`;
};

/** The reason shown for a verdict: the runner's, else (findings) the failing checks. */
export function reasonOf(v: OperationVerdict, cells: Cell[] = []): string {
  if (v.reason) return v.reason;
  const failed = cells.filter((c) => c.status === 'failed');
  return v.verdict === 'findings' && failed.length ? failingChecks(failed) : '';
}

export interface Coverage {
  total: number;
  implemented: number;
  counts: Record<OperationVerdictKind, number>;
}

export function coverage(vs: OperationVerdict[]): Coverage {
  const counts = { conforming: 0, findings: 0, 'not-implemented': 0, 'cannot-set-up': 0, 'not-sent': 0 };
  for (const v of vs) counts[v.verdict]++;
  // implemented: the target served the operation (or the run could not tell: cannot set up), as in
  // "17 of 109 operations implemented, 9 conforming, 3 with findings, 5 cannot be set up"
  const implemented = counts.conforming + counts.findings + counts['cannot-set-up'];
  return { total: vs.length, implemented, counts };
}

export function coverageLine(c: Coverage): string {
  const n = c.counts;
  return [
    `${c.implemented} of ${c.total} operations implemented`,
    `${n.conforming} conforming`,
    `${n.findings} with findings`,
    `${n['cannot-set-up']} cannot be set up`,
    ...(n['not-sent'] ? [`${n['not-sent']} not sent`] : []),
  ].join(', ');
}

export interface FamilyGroup {
  /** undefined: operations of no family (listed last) */
  family?: string;
  operations: OperationVerdict[];
}

/** Operations grouped by resource family (families alphabetically, ungrouped last); within a group the
 * ones with something to say first, then the run's order. */
export function byFamily(vs: OperationVerdict[]): FamilyGroup[] {
  const groups = new Map<string | undefined, OperationVerdict[]>();
  for (const v of vs) groups.set(v.family, [...(groups.get(v.family) ?? []), v]);
  const names = [...groups.keys()].filter((k): k is string => k !== undefined).sort();
  const order = [...names, ...(groups.has(undefined) ? [undefined] : [])];
  return order.map((family) => ({
    ...(family !== undefined ? { family } : {}),
    operations: groups
      .get(family)!
      .map((v, i) => ({ v, i }))
      .sort((a, b) => RANK[a.v.verdict] - RANK[b.v.verdict] || a.i - b.i)
      .map((x) => x.v),
  }));
}

/** Whether an operation's row in the per-check matrix has something to say (a failure, an inconclusive
 * cell, a note): those rows come first. */
export const speaks = (cells: Cell[]): boolean =>
  cells.some((c) => c.status === 'failed' || c.status === 'inconclusive' || !!c.notes?.length);
