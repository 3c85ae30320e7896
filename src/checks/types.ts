// What checks read and say. A check is a pure function: no IO, no state.
import type { InvalidCase, ValidCase } from '../../generators/requests.ts';
import type { ServiceModel } from '../model/types.ts';
import type { ExpectationProvenance } from '../model/validate.ts';
import type { HttpCall, Observed } from '../targets/types.ts';

export type CheckId =
  | 'not-a-server-error'
  | 'positive-acceptance'
  | 'negative-rejection'
  | 'error-shape'
  | 'response-schema'
  | 'output-enums'
  /** the former name of output-enums, still accepted (--checks, results written before) */
  | 'status-enums'
  | 'pagination'
  | 'filters'
  | 'idempotency'
  | 'lifecycle'
  | 'stateful'
  | 'history'
  | 'unknown-resource'
  | 'crud';

/** Former check names and the check each now is. */
export const CHECK_ALIASES: Partial<Record<CheckId, CheckId>> = { 'status-enums': 'output-enums' };

/** A check judging a recorded sequence (a listing paged through, a job followed, an item created,
 * read, updated and deleted): the runner records, the judge is pure. */
export interface ScenarioCheck<R> {
  id: CheckId;
  description: string;
  judge(record: R): Finding[];
}

/** One request sent and the answer observed. */
export interface Exchange {
  operation: string;
  case: ValidCase | InvalidCase;
  channel: 'sdk' | 'http';
  http?: HttpCall;
  observed: Observed;
  /** a fault was asked of the target for this request */
  faultRequested?: boolean;
}

export interface Finding {
  check: CheckId;
  operation: string;
  /** what was received, against what is documented */
  received: string;
  documented: string;
  /** documented (a page, the SDK model, an API Reference URL) or convention; absent = documented */
  provenance?: ExpectationProvenance;
  /** not a failure: an answer a convention-level expectation accepted, noted for the report */
  note?: boolean;
}

/** A check whose preconditions did not hold: it judged nothing, and says why. */
export interface Inconclusive {
  check: CheckId;
  operation: string;
  reason: string;
}

export interface ExchangeCheck {
  id: CheckId;
  description: string;
  /** whether the check has something to judge in this exchange (counts towards its cases) */
  applies(x: Exchange): boolean;
  run(x: Exchange, model: ServiceModel): Finding[];
}

/** The exception name as clients read it: the header first, then a body `Code`/`code`, then `__type`;
 * in each, a `:` suffix (`Name:http://…`) and a namespace (`com.amazonaws.backup#Name`) are dropped,
 * as the SDKs drop them. */
export function errorName(o: Observed): string | undefined {
  const bare = (s: unknown) =>
    typeof s === 'string' && s !== '' ? s.split(':')[0]!.split('#').pop() || undefined : undefined;
  const header = bare(o.headers['x-amzn-errortype']);
  if (header !== undefined) return header;
  const body = parseJson(o.body) as { Code?: string; code?: string; __type?: string } | undefined;
  return bare(body?.Code) ?? bare(body?.code) ?? bare(body?.__type);
}

/** A well-formed client error: a 4xx that names its exception. What a convention-level expectation
 * accepts. */
export const clientError = (o: Observed): boolean =>
  !o.failure && o.status !== undefined && o.status >= 400 && o.status < 500 && errorName(o) !== undefined;

/** A request that must be rejected, judged against its expectation: the expected exception in a 4xx
 * passes; under a convention (nothing documents the exception) any 4xx naming one passes with a note. */
export function rejectionVerdict(
  o: Observed,
  e: { error: string; provenance: ExpectationProvenance; alsoDocumented?: string[] },
): 'pass' | 'note' | 'fail' {
  if (!clientError(o)) return 'fail';
  // judged as documented, no stricter: another exception the operation documents for it passes too
  if (errorName(o) === e.error || e.alsoDocumented?.includes(errorName(o)!)) return 'pass';
  return e.provenance === 'convention' ? 'note' : 'fail';
}

export function parseJson(s: string | undefined): unknown {
  if (!s) return undefined;
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

/** A 2xx answer, whether or not the SDK could read it: success checks judge it on its bytes. */
export const succeeded = (x: Exchange): boolean =>
  (x.observed.status ?? 0) >= 200 && (x.observed.status ?? 0) < 300;

/** An answer that arrived whole with a 2xx. */
export const accepted = (o: Observed): boolean =>
  !o.failure && (o.status ?? 0) >= 200 && (o.status ?? 0) < 300;

/** A 4xx naming an exception the operation documents. */
export const documentedClientError = (o: Observed, documents: readonly string[]): boolean => {
  const status = o.status ?? 0;
  const name = errorName(o);
  return status >= 400 && status < 500 && !!name && documents.includes(name);
};

/** Exceptions about what exists rather than about the request's shape: where the operation documents
 * one, it is a truthful answer to a request that also names what the target lacks or already has. */
export const STATE_EXCEPTIONS = ['ResourceNotFoundException', 'AlreadyExistsException', 'ConflictException'];

/** A redirect or client error (3xx, 4xx) that arrived whole, but whose body the SDK could not read
 * (moto's HTML 404 page, a 308 to a path with a slash): an answer, not a failure of the server — whether
 * it is the right one is for negative-rejection, positive-acceptance and error-shape to say. */
export const unreadableClientError = (o: Observed): boolean =>
  o.failure === 'garbage' && o.body !== undefined && (o.status ?? 0) >= 300 && (o.status ?? 0) < 500;

export function describeAnswer(o: Observed): string {
  // an answer that arrived whole with a body the SDK cannot read: said by its status, not "garbage"
  if (o.failure === 'garbage' && o.body !== undefined && (o.status ?? 0) >= 300) {
    const type = o.headers['content-type'] || 'no content type';
    return `HTTP ${o.status}${errorName(o) ? ` ${errorName(o)}` : ''} (${type}, a body the SDK cannot read)`;
  }
  if (o.failure) return `${o.failure}${o.failureDetail ? ` (${o.failureDetail})` : ''}`;
  const name = errorName(o);
  return `HTTP ${o.status}${name ? ` ${name}` : ''}`;
}
