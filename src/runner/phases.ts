// The two exchange phases for one operation: the deterministic boundary list first, then random cases
// under fast-check, which shrinks the first failure to a minimal request and gives its seed and path.
import fc from 'fast-check';
import { boundaryCases } from '../../generators/boundary.ts';
import { mutationSites } from '../../generators/mutations.ts';
import {
  invalidCases,
  validInput,
  type InvalidCase,
  type RequestOptions,
  type ValidCase,
} from '../../generators/requests.ts';
import type { Operation } from '../model/types.ts';
import { detail, exchange, judge, record, type ExchangeContext } from './exchange.ts';

export interface PhaseOptions {
  runs: number;
  /** member overrides: resources the target has (recovery points, job ids) */
  members: RequestOptions['members'];
  /** only requests that cannot create or change anything (read-only runs) */
  readOnly: boolean;
  /** operations that create or change resources */
  mutating: boolean;
}

type Case = ValidCase | InvalidCase;

/** Cases a read-only run may send: any request to a read-only operation; to a mutating one, only
 * requests certain to fail validation. */
function allowed(c: Case, o: PhaseOptions): boolean {
  if (!o.readOnly || !o.mutating) return true;
  return c.mode === 'negative' && c.rule !== 'pagination' && c.rule !== 'state';
}

function arbitrary(op: Operation, o: PhaseOptions): fc.Arbitrary<Case> {
  const valid = validInput(op, { members: o.members }).map(
    (input): Case => ({ operation: op.name, mode: 'positive', input }),
  );
  const invalid = mutationSites(op).length ? invalidCases(op, { members: o.members }) : undefined;
  if (o.readOnly && o.mutating) return invalid!;
  return invalid ? fc.oneof(valid, invalid) : valid;
}

export async function boundaryPhase(ctx: ExchangeContext, op: Operation, o: PhaseOptions): Promise<number> {
  let skipped = 0;
  for (const b of boundaryCases(op, { members: o.members }, ctx.seed)) {
    if (!allowed(b.case, o)) {
      skipped++;
      continue;
    }
    const x = await exchange(ctx, b.case);
    if (!x) {
      skipped++;
      continue;
    }
    record(ctx, x, judge(ctx, x), 'boundary', { label: b.label });
  }
  return skipped;
}

export async function randomPhase(ctx: ExchangeContext, op: Operation, o: PhaseOptions): Promise<void> {
  if (o.readOnly && o.mutating && !mutationSites(op).length) return;
  const arb = arbitrary(op, o);
  let shrinking = false;
  const property = fc.asyncProperty(arb, async (c) => {
    const x = await exchange(ctx, c);
    if (!x) return true;
    if (shrinking) {
      // shrink attempts are not cases: judge them on a scratch collector
      return judgeWith(ctx, x).length === 0;
    }
    const findings = judge(ctx, x);
    if (x.case.mode === 'positive')
      ctx.collector.answered(x.operation, x.observed, ctx.model.operations[x.operation]?.errors);
    if (findings.length) {
      shrinking = true;
      for (const check of new Set(findings.map((f) => f.check))) ctx.collector.bump(check, x.operation);
    }
    return findings.length === 0;
  });
  const out = await fc.check(property, { numRuns: o.runs, seed: ctx.seed });
  if (!out.failed || !out.counterexample) return;
  const [minimal] = out.counterexample;
  const x = await exchange(ctx, minimal);
  // the shrunk case stands for the failure found in the main run: its findings are details, already counted
  if (x)
    for (const f of judgeWith(ctx, x))
      ctx.collector.fail(detail(ctx, x, f, 'random', { path: out.counterexamplePath ?? undefined }), false);
  // the rest of the budget, without shrinking, so every check still gets its cases
  const rest = o.runs - out.numRuns;
  for (const c of rest > 0 ? fc.sample(arb, { seed: ctx.seed + 1, numRuns: rest }) : []) {
    const y = await exchange(ctx, c);
    if (y) record(ctx, y, judge(ctx, y), 'random');
  }
}

/** The findings without counting anything. */
function judgeWith(ctx: ExchangeContext, x: Parameters<typeof judge>[1]) {
  const scratch = Object.create(ctx.collector) as typeof ctx.collector;
  scratch.count = () => {};
  scratch.note = () => {};
  return judge({ ...ctx, collector: scratch }, x);
}
