// The runner's vocabulary: options in, events out, one result per check × operation.
import type { CheckId } from '../checks/types.ts';
import type { ExpectationProvenance } from '../model/validate.ts';

/** inconclusive: the check's preconditions did not hold (no job could be started, nothing to page, a
 * listing failed): it judged nothing, which is neither a pass nor a finding */
export type CellStatus = 'passed' | 'failed' | 'skipped' | 'inconclusive';

/** documented: a page, the SDK model or an API Reference URL states the expectation; convention:
 * nothing does, so any well-formed client error passed and the answer is noted */
export type { ExpectationProvenance };

/** An answer a convention-level expectation accepted, noted so that a reader sees what came back. */
export interface CellNote {
  received: string;
  documented: string;
  provenance: ExpectationProvenance;
  label?: string;
}

export interface FailureDetail {
  check: CheckId;
  operation: string;
  phase: 'boundary' | 'random' | 'scenario';
  mode?: 'positive' | 'negative';
  label?: string;
  received: string;
  documented: string;
  provenance: ExpectationProvenance;
  /** the (shrunk) request, sensitive members redacted */
  request?: unknown;
  /** the answer as received: status, x-amzn-errortype, body (redacted) */
  response?: { status?: number; errorType?: string; body?: string; failure?: string };
  seed: number;
  /** fast-check's counterexample path: with the seed, replays the shrunk case */
  path?: string;
  reproduce?: string;
}

export interface Cell {
  check: CheckId;
  operation: string;
  status: CellStatus;
  cases: number;
  failures: number;
  /** how many cases the check had judged when it first failed (1 = the first) */
  casesToFirstFailure?: number;
  details: FailureDetail[];
  skippedReason?: string;
  /** why the check could not judge (status inconclusive) */
  inconclusiveReason?: string;
  /** answers accepted under a convention, with what came back */
  notes?: CellNote[];
}

export interface RunResult {
  tool: string;
  version: string;
  target: string;
  seed: number;
  runs: number;
  startedAt: string;
  durationMs: number;
  requests: number;
  cells: Cell[];
  /** what was not sent, and why (e.g. read-only against the real service) */
  notes: string[];
  /** the caller's account, when the pre-flight named it (STS GetCallerIdentity) */
  account?: string;
  /** where the time went: wall ms per phase (requests included), and ms spent judging per check
   * (for scenario checks, the whole scenario) */
  timings: { phases: Record<string, number>; checks: Record<string, number> };
  /** the verdict per operation, in the model's order (absent in results written before it existed) */
  operations?: OperationVerdict[];
}

/** conforming: every cell it had passed (inconclusive ones aside); findings: a cell failed;
 * not-implemented: the target answered no valid request as the operation (404, UnknownOperation…);
 * cannot-set-up: its inputs need resources the run could neither create nor find (never a failure);
 * not-sent: the run's safety rules kept every request of it (read-only against a real account) */
export type OperationVerdictKind =
  | 'conforming'
  | 'findings'
  | 'not-implemented'
  | 'cannot-set-up'
  | 'not-sent';

export interface OperationVerdict {
  operation: string;
  /** the resource family it belongs to (x-aws-resources), if any */
  family?: string;
  /** read: an HTTP GET, and only those; mutating: every other method */
  access: 'read' | 'mutating';
  verdict: OperationVerdictKind;
  /** why, for every verdict but conforming */
  reason?: string;
  /** requests sent for it */
  requests: number;
}

export type RunEvent =
  | { kind: 'phase'; phase: string; operation?: string }
  | { kind: 'case'; operation: string; requests: number }
  /** the run moved on to an operation: its position among the operations the run covers (1-based) */
  | { kind: 'operation'; operation: string; index: number; total: number }
  | { kind: 'finding'; check: CheckId; operation: string; received: string };
