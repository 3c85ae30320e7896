// What checks read and say. A check is a pure function: no IO, no state.
import type { InvalidCase, ValidCase } from '../../generators/requests.ts';
import type { ServiceModel } from '../model/types.ts';
import type { HttpCall, Observed } from '../targets/types.ts';

export type CheckId =
  | 'not-a-server-error'
  | 'positive-acceptance'
  | 'negative-rejection'
  | 'error-shape'
  | 'response-schema'
  | 'status-enums'
  | 'pagination'
  | 'filters'
  | 'idempotency'
  | 'lifecycle'
  | 'stateful';

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
}

export interface ExchangeCheck {
  id: CheckId;
  description: string;
  /** whether the check has something to judge in this exchange (counts towards its cases) */
  applies(x: Exchange): boolean;
  run(x: Exchange, model: ServiceModel): Finding[];
}

/** The exception name as clients read it: the header first, then a body `Code`/`code`, then `__type`. */
export function errorName(o: Observed): string | undefined {
  const header = o.headers['x-amzn-errortype']?.split(':')[0];
  if (header !== undefined) return header;
  const body = parseJson(o.body) as { Code?: string; code?: string; __type?: string } | undefined;
  return body?.Code ?? body?.code ?? body?.__type?.split('#').pop();
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
export const succeeded = (x: Exchange): boolean => (x.observed.status ?? 0) >= 200 && (x.observed.status ?? 0) < 300;

export function describeAnswer(o: Observed): string {
  if (o.failure) return `${o.failure}${o.failureDetail ? ` (${o.failureDetail})` : ''}`;
  const name = errorName(o);
  return `HTTP ${o.status}${name ? ` ${name}` : ''}`;
}
