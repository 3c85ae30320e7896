// restJson1 responses: a success body from an SDK-form output, and the error wire shape AWS Backup
// uses (status, `x-amzn-errortype`, body {Code, Message, Type, Context}), each with `x-amzn-requestid`.
import type { Operation } from '../model/types.ts';
import { toJson } from './values.ts';

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function successResponse(
  op: Operation,
  output: Record<string, unknown>,
  requestId: string,
): WireResponse {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-amzn-requestid': requestId,
  };
  const body: Record<string, unknown> = {};
  for (const m of Object.values(op.output.members ?? {})) {
    const v = output[m.name];
    if (v === undefined) continue;
    if (m.location === 'header') headers[m.locationName] = String(v instanceof Date ? v.toUTCString() : v);
    else body[m.locationName] = toJson(m.shape, v, 'wire');
  }
  return { status: op.http?.code ?? 200, headers, body: JSON.stringify(body) };
}

export interface ErrorSpec {
  name: string;
  status: number;
  fault: 'client' | 'server';
  message: string;
  /** the member or value the error is about, when there is one */
  context?: string;
}

export function errorWireResponse(
  e: ErrorSpec,
  requestId: string,
  extraHeaders: Record<string, string> = {},
): WireResponse {
  return {
    status: e.status,
    headers: {
      'content-type': 'application/json',
      'x-amzn-errortype': e.name,
      'x-amzn-requestid': requestId,
      ...extraHeaders,
    },
    body: JSON.stringify({
      Code: e.name,
      Message: e.message,
      Type: e.fault === 'server' ? 'Server' : 'User',
      Context: e.context ?? '',
    }),
  };
}

// a null-body status (204, 205, 304) takes no body at all: Fetch's Response refuses even an empty one
const NULL_BODY = new Set([101, 204, 205, 304]);

export function toFetchResponse(r: WireResponse): Response {
  return new Response(NULL_BODY.has(r.status) ? null : r.body, { status: r.status, headers: r.headers });
}
