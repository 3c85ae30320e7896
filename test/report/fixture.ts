// A synthetic RunResult at full scale: every operation of the model (109) × 14 checks, families from
// deriveFamilies, verdicts spread as a run against moto might give them (17 implemented: 9 conforming,
// 3 with findings, 5 cannot be set up; the rest not implemented), with text that needs escaping.
import type { CheckId } from '../../src/checks/types.ts';
import { deriveFamilies } from '../../src/model/families.ts';
import type { ServiceModel } from '../../src/model/types.ts';
import type { Cell, OperationVerdict, OperationVerdictKind, RunResult } from '../../src/runner/types.ts';

export const CHECKS = [
  'not-a-server-error',
  'positive-acceptance',
  'negative-rejection',
  'error-shape',
  'response-schema',
  'status-enums',
  'pagination',
  'filters',
  'idempotency',
  'lifecycle',
  'stateful',
  'history',
  'unknown-resource',
  'crud',
] as CheckId[];

export const HOSTILE = 'a <script>alert(1)</script> | pipe & "quote"\nsecond line';

export function familyOf(model: ServiceModel): Map<string, string> {
  const m = new Map<string, string>();
  for (const f of deriveFamilies(model).families)
    for (const op of [...f.create, ...f.read, ...f.list, ...f.update, ...f.delete, ...f.other])
      if (!m.has(op)) m.set(op, f.name);
  return m;
}

/** the verdict of the i-th operation (in the model's order) */
export function kindOf(i: number): OperationVerdictKind {
  const k = i % 6 === 0 && i < 54 ? 'conforming' : i % 6 === 1 && i < 18 ? 'findings' : undefined;
  if (k) return k;
  return i % 6 === 2 && i < 30 ? 'cannot-set-up' : 'not-implemented';
}

export function bigResult(model: ServiceModel): RunResult {
  const families = familyOf(model);
  const ops = Object.keys(model.operations);
  const cells: Cell[] = [];
  const operations: OperationVerdict[] = [];
  const notes: string[] = [];
  ops.forEach((op, i) => {
    const verdict = kindOf(i);
    const family = families.get(op);
    const access = model.operations[op]!.http?.method === 'GET' ? 'read' : 'mutating';
    const reason =
      verdict === 'not-implemented'
        ? 'no valid request succeeded; answers: 10× HTTP 404 (text/html)'
        : verdict === 'cannot-set-up'
          ? `needs a resource the run could not create (${HOSTILE})`
          : undefined;
    operations.push({
      operation: op,
      ...(family ? { family } : {}),
      access,
      verdict,
      ...(reason ? { reason } : {}),
      requests: verdict === 'cannot-set-up' ? 0 : 20,
    });
    if (verdict === 'not-implemented')
      notes.push(`${op}: not implemented by the target, it seems — ${reason}`);
    if (verdict === 'cannot-set-up') return; // nothing was judged
    for (const [j, check] of CHECKS.entries()) {
      const base = { check, operation: op, cases: 10, failures: 0, details: [] };
      if (j >= 12 && verdict === 'conforming' && i % 12 === 0) {
        cells.push({
          ...base,
          status: 'inconclusive',
          cases: 0,
          inconclusiveReason: 'the listing was empty',
        });
      } else if (j >= 6 && j < 12) {
        cells.push({
          ...base,
          status: 'skipped',
          cases: 0,
          skippedReason: 'does not apply to the operation',
        });
      } else if ((verdict === 'findings' && j === 2) || (verdict === 'not-implemented' && j === 1)) {
        cells.push({
          ...base,
          status: 'failed',
          failures: 3,
          details: [
            {
              check,
              operation: op,
              phase: 'boundary',
              received: `HTTP 200 ${HOSTILE}`,
              documented: 'HTTP 400 InvalidParameterValueException',
              provenance: 'documented',
              seed: 42,
            },
          ],
        });
      } else {
        cells.push({
          ...base,
          status: 'passed',
          ...(j === 3 && i === 6
            ? { notes: [{ received: HOSTILE, documented: 'x', provenance: 'convention' }] }
            : {}),
        } as Cell);
      }
    }
  });
  return {
    tool: 'aws-backup-conformance',
    version: '0.1.0',
    target: 'endpoint:http://127.0.0.1:5000',
    seed: 42,
    runs: 10,
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 61_000,
    requests: 2180,
    cells,
    notes: [...notes, 'read-only: a note that is not a verdict'],
    timings: { phases: {}, checks: {} },
    operations,
  };
}
