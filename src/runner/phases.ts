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
import type { Exchange, Finding } from '../checks/types.ts';
import type { Operation } from '../model/types.ts';
import { detail, exchange, judge, record, type ExchangeContext } from './exchange.ts';
import { certainlyInvalid, rawCertainlyInvalid } from './safety.ts';

export interface PhaseOptions {
  runs: number;
  /** member overrides: resources the target has (recovery points, job ids) */
  members: RequestOptions['members'];
  /** only requests that cannot create or change anything (read-only runs) */
  readOnly: boolean;
  /** operations that create or change resources */
  mutating: boolean;
  /** a mutating operation that may get only requests certain to fail validation, also where mutations
   * are allowed (a real account: the run changes only what it created itself) */
  invalidOnly?: boolean;
  /** members given a new value in every case (a create's own name: a repeated one is a conflict) */
  fresh?: Record<string, () => unknown>;
}

/** The case with its fresh members renewed, where it carries them (never one a mutation removed). */
function renew(c: Case, o: PhaseOptions): Case {
  if (!o.fresh || (c.mode === 'negative' && c.channel === 'http')) return c;
  const input = { ...c.input };
  for (const [k, next] of Object.entries(o.fresh))
    if (input[k] !== undefined && !(c.mode === 'negative' && c.path === k)) input[k] = next();
  return { ...c, input } as Case;
}

type Case = ValidCase | InvalidCase;

const restricted = (o: PhaseOptions) => o.mutating && (o.readOnly || !!o.invalidOnly);

/** Cases a read-only run may send: any request to a read-only operation; to a mutating one, only
 * requests the validator says are invalid (on the raw channel: as every operation it could reach). */
function allowed(ctx: ExchangeContext, op: Operation, c: Case, o: PhaseOptions): boolean {
  if (!restricted(o)) return true;
  if (c.mode !== 'negative' || c.rule === 'pagination' || c.rule === 'state') return false;
  return c.channel === 'http'
    ? rawCertainlyInvalid(ctx.model, c.http!)
    : certainlyInvalid(ctx.model, op, c.input);
}

function arbitrary(op: Operation, o: PhaseOptions): fc.Arbitrary<Case> {
  const valid = validInput(op, { members: o.members }).map(
    (input): Case => ({ operation: op.name, mode: 'positive', input }),
  );
  const invalid = mutationSites(op).length ? invalidCases(op, { members: o.members }) : undefined;
  if (restricted(o)) return invalid!;
  return invalid ? fc.oneof(valid, invalid) : valid;
}

export async function boundaryPhase(ctx: ExchangeContext, op: Operation, o: PhaseOptions): Promise<number> {
  let skipped = 0;
  for (const b of boundaryCases(op, { members: o.members }, ctx.seed)) {
    if (!allowed(ctx, op, b.case, o)) {
      skipped++;
      continue;
    }
    const x = await exchange(ctx, renew(b.case, o));
    if (!x) {
      skipped++;
      continue;
    }
    record(ctx, x, judge(ctx, x), 'boundary', { label: b.label });
  }
  return skipped;
}

export async function randomPhase(ctx: ExchangeContext, op: Operation, o: PhaseOptions): Promise<void> {
  if (restricted(o) && !mutationSites(op).length) return;
  const arb = arbitrary(op, o);
  let shrinking = false;
  let first: { x: Exchange; findings: Finding[] } | undefined;
  const send = (c: Case) => (allowed(ctx, op, c, o) ? exchange(ctx, c) : Promise.resolve(undefined));
  const property = fc.asyncProperty(arb, async (c) => {
    const x = await send(c);
    if (!x) return true;
    if (shrinking) {
      // shrink attempts are not cases: judge them on a scratch collector
      return judgeWith(ctx, x).length === 0;
    }
    const findings = judge(ctx, x);
    ctx.collector.answered(x.operation, x.observed, ctx.model.operations[x.operation]?.errors);
    if (findings.length) {
      shrinking = true;
      first = { x, findings };
      for (const check of new Set(findings.map((f) => f.check))) ctx.collector.bump(check, x.operation);
    }
    return findings.length === 0;
  });
  const out = await fc.check(property, { numRuns: o.runs, seed: ctx.seed });
  if (!out.failed || !out.counterexample) return;
  const [minimal] = out.counterexample;
  const x = await send(minimal);
  // the shrunk case stands for the failure found in the main run where it fails the same check (already
  // counted); a check it does not fail (shrinking follows any failure, and a target may answer otherwise
  // the second time) keeps the first failing case as its detail; a check only the shrunk case fails is a
  // failing case of its own
  const shrunk = x ? judgeWith(ctx, x) : [];
  const counted = new Set(first!.findings.map((f) => f.check));
  for (const f of shrunk)
    ctx.collector.fail(
      detail(ctx, x!, f, 'random', { path: out.counterexamplePath ?? undefined }),
      !counted.has(f.check),
    );
  for (const f of first!.findings)
    if (!shrunk.some((g) => g.check === f.check))
      ctx.collector.fail(detail(ctx, first!.x, f, 'random'), false);
  // the rest of the budget, without shrinking, so every check still gets its cases
  const rest = o.runs - out.numRuns;
  for (const c of rest > 0 ? fc.sample(arb, { seed: ctx.seed + 1, numRuns: rest }) : []) {
    const y = await send(c);
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
