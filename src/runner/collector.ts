// Accumulates cases and failures per check × operation while a run goes.
import { type CheckId, errorName } from '../checks/types.ts';
import type { Observed } from '../targets/types.ts';
import type { Cell, CellNote, FailureDetail } from './types.ts';

const MAX_DETAILS = 5;
const MAX_NOTES = 5;

export class Collector {
  private readonly cells = new Map<string, Cell>();
  requests = 0;
  readonly checkMs: Record<string, number> = {};
  readonly phaseMs: Record<string, number> = {};

  time(into: Record<string, number>, key: string, ms: number): void {
    into[key] = (into[key] ?? 0) + ms;
  }

  /** `pairs`: the check × operation cells this run reports */
  constructor(
    readonly checks: CheckId[],
    pairs: [CheckId, string][],
  ) {
    for (const [check, operation] of pairs) if (checks.includes(check)) this.cell(check, operation);
  }

  private cell(check: CheckId, operation: string): Cell {
    const k = `${check}\u0000${operation}`;
    let c = this.cells.get(k);
    if (!c) {
      c = { check, operation, status: 'skipped', cases: 0, failures: 0, details: [] };
      this.cells.set(k, c);
    }
    return c;
  }

  wants(check: CheckId): boolean {
    return this.checks.includes(check);
  }

  count(check: CheckId, operation: string, n = 1): void {
    if (this.wants(check)) this.cell(check, operation).cases += n;
  }

  /** `count`: whether this finding counts a failing case (the first finding of a check in an exchange) */
  fail(d: FailureDetail, count = true): void {
    if (!this.wants(d.check)) return;
    const c = this.cell(d.check, d.operation);
    if (count) this.bump(d.check, d.operation);
    // one detail per distinct finding text: the report shows kinds of failure, not repeats
    if (c.details.length < MAX_DETAILS && !c.details.some((x) => x.received === d.received))
      c.details.push(d);
  }

  /** one more failing case, whose details come later (a shrunk counterexample) */
  bump(check: CheckId, operation: string): void {
    if (!this.wants(check)) return;
    const c = this.cell(check, operation);
    c.failures++;
    c.casesToFirstFailure ??= c.cases;
  }

  private readonly answers = new Map<string, { ok: number; spoken: number; other: Map<string, number> }>();

  /** A request's answer; `documented`: the exceptions the operation documents. A 2xx, or an answer
   * naming one of them (an unknown recovery point's ResourceNotFoundException, a documented validation
   * exception), shows the operation is served. */
  answered(operation: string, o: Observed, documented: readonly string[] = []): void {
    const a = this.answers.get(operation) ?? { ok: 0, spoken: 0, other: new Map<string, number>() };
    if (!o.failure && (o.status ?? 0) >= 200 && (o.status ?? 0) < 300) a.ok++;
    else {
      const name = errorName(o);
      if (name && documented.includes(name)) a.spoken++;
      const type = o.headers['content-type'];
      const k =
        o.status === undefined
          ? (o.failure ?? 'no answer')
          : `HTTP ${o.status}${type && /json/.test(type) ? '' : ` (${type || 'no content type'})`}`;
      a.other.set(k, (a.other.get(k) ?? 0) + 1);
    }
    this.answers.set(operation, a);
  }

  /** Operations whose every request got something other than a success or an exception the operation
   * documents. */
  unimplemented(): string[] {
    return [...this.unimplementedOps()].map(
      ([op, answers]) =>
        `${op}: not implemented by the target, it seems — no request was answered as the operation; ` +
        answers,
    );
  }

  /** operation → what its valid requests were answered, for the operations that seem unimplemented */
  unimplementedOps(): Map<string, string> {
    return new Map(
      [...this.answers]
        .filter(([, a]) => a.ok === 0 && a.spoken === 0 && a.other.size)
        .map(([op, a]) => [op, `answers: ${[...a.other].map(([k, n]) => `${n}× ${k}`).join(', ')}`]),
    );
  }

  /** how many valid requests of the operation succeeded (2xx) */
  successes(operation: string): number {
    return this.answers.get(operation)?.ok ?? 0;
  }

  /** An answer accepted under a convention: kept once per distinct text, not counted as a failure. */
  note(check: CheckId, operation: string, n: CellNote): void {
    if (!this.wants(check)) return;
    const c = this.cell(check, operation);
    c.notes ??= [];
    if (c.notes.length < MAX_NOTES && !c.notes.some((x) => x.received === n.received)) c.notes.push(n);
  }

  /** The check's preconditions did not hold: it could not judge (the first reason is kept). */
  inconclusive(check: CheckId, operation: string, reason: string): void {
    if (!this.wants(check)) return;
    const c = this.cell(check, operation);
    c.inconclusiveReason ??= reason;
  }

  skip(check: CheckId, operation: string, reason: string): void {
    if (!this.wants(check)) return;
    const c = this.cell(check, operation);
    if (!c.skippedReason) c.skippedReason = reason;
  }

  result(): Cell[] {
    // a judged case outweighs an inconclusive attempt; a deliberate skip outweighs both
    return [...this.cells.values()].map((c) => {
      const status =
        c.failures > 0
          ? 'failed'
          : c.cases > 0
            ? 'passed'
            : c.inconclusiveReason && !c.skippedReason
              ? 'inconclusive'
              : 'skipped';
      const { inconclusiveReason, ...rest } = c;
      return {
        ...rest,
        status,
        ...(status === 'inconclusive' ? { inconclusiveReason } : {}),
        ...(status === 'skipped' && !c.skippedReason
          ? { skippedReason: inconclusiveReason ?? 'no applicable case for this operation' }
          : {}),
      };
    });
  }
}
