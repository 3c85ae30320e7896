// Responses for any operation: valid outputs (with the edges a paginated listing can have) and error
// answers for each documented exception plus throttling, in the restJson1 wire form.
import fc from 'fast-check';
import type { Operation, ServiceModel } from '../src/model/types.ts';
import { errorWireResponse, successResponse, type WireResponse } from '../src/wire/response.ts';
import { structureFor, valueFor } from './values.ts';

export type { WireResponse };

export type PageKind = 'empty' | 'short' | 'full';

export interface ResponseOptions {
  /** for paginated operations: which page sizes to draw (default all three) */
  pages?: PageKind[];
  /** items on a full page: the documented maximum of the limit member, else 100 */
  fullPageSize?: number;
  maxItems?: number;
}

/** The documented maximum page size: the limit member's max, else 100. */
export function fullPageSize(op: Operation): number {
  const limit = op.paginated?.limitKey ? op.input.members?.[op.paginated.limitKey]?.shape.max : undefined;
  return limit ?? 100;
}

/** SDK-form outputs. For a paginated operation the result list is empty, short or full, and a page
 * may carry a next token whatever its size (an empty page with a token is legal). */
export function validOutput(op: Operation, o: ResponseOptions = {}): fc.Arbitrary<Record<string, unknown>> {
  const base = structureFor(op.output, { maxItems: o.maxItems ?? 4 });
  const p = op.paginated;
  if (!p) return base;
  const list = op.output.members?.[p.resultKey]?.shape;
  if (!list?.member) return base;
  const item = valueFor(list.member, undefined, { maxItems: o.maxItems ?? 2 });
  const full = o.fullPageSize ?? fullPageSize(op);
  const sizes: Record<PageKind, fc.Arbitrary<unknown[]>> = {
    empty: fc.constant([]),
    short: fc.array(item, { minLength: 1, maxLength: Math.max(1, Math.min(full - 1, 10)) }),
    full: fc.array(item, { minLength: full, maxLength: full }),
  };
  const pages = o.pages ?? ['empty', 'short', 'full'];
  const token = fc.option(
    fc.base64String({ minLength: 8, maxLength: 40 }).filter((t) => t.length > 0),
    { nil: undefined },
  );
  return fc.tuple(base, fc.oneof(...pages.map((k) => sizes[k])), token).map(([out, items, next]) => {
    const r: Record<string, unknown> = { ...out, [p.resultKey]: items };
    delete r[p.outputToken];
    if (next !== undefined) r[p.outputToken] = next;
    return r;
  });
}

export function toWireResponse(
  op: Operation,
  output: Record<string, unknown>,
  requestId = 'req-0',
): WireResponse {
  return successResponse(op, output, requestId);
}

export interface ErrorAnswer extends WireResponse {
  name: string;
  fault: 'client' | 'server';
  /** whether a client should retry it */
  retryable: boolean;
}

/** Not in Backup's model, but answered by every AWS service under load. */
export const THROTTLING = { name: 'ThrottlingException', status: 400, fault: 'client' as const };

/** Error answers: each documented exception of the operation, plus throttling. */
export function errorAnswer(model: ServiceModel, op: Operation): fc.Arbitrary<ErrorAnswer> {
  const documented = op.errors.map((n) => {
    const e = model.errors[n];
    return { name: n, status: e?.httpStatus ?? 400, fault: e?.fault ?? ('client' as const) };
  });
  return fc
    .tuple(fc.constantFrom(...documented, THROTTLING), fc.string({ minLength: 1, maxLength: 60 }), fc.uuid())
    .map(([e, message, id]) => ({
      ...errorWireResponse({ ...e, message }, id),
      name: e.name,
      fault: e.fault,
      retryable: e.fault === 'server' || e.name === THROTTLING.name,
    }));
}
