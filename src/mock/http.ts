// The mock's one HTTP resolver (Fetch Request in, Response out), used by the msw handlers, the
// in-process fast path and the standalone server alike. Routing, decoding and validation all come
// from the model; bad input of any kind gets a clear 4xx and never touches the state.
import { randomUUID } from 'node:crypto';
import type { Operation, ServiceModel } from '../model/types.ts';
import { expectationFor, validatorFor } from '../model/validate.ts';
import { decodeRequest, matchPath } from '../wire/request.ts';
import {
  errorWireResponse,
  successResponse,
  toFetchResponse,
  type ErrorSpec,
  type WireResponse,
} from '../wire/response.ts';
import { FAILURE_ERRORS } from './faults.ts';
import { DEFAULT_LIMITS } from './limits.ts';
import { MockError } from './store.ts';
import type { MockContext, WireRequest } from './types.ts';

/** the default request body limit (MockLimits.maxBodyBytes) */
export const MAX_BODY_BYTES = DEFAULT_LIMITS.maxBodyBytes;

export type { MockContext, WireRequest } from './types.ts';

// Routes by method and first path segment: a request is matched against the few operations there, not
// against all of them (every operation of the model is served)
const routes = new WeakMap<ServiceModel, Map<string, Operation[]>>();
const firstSeg = (path: string) => path.split('/')[1] ?? '';
function routeTable(model: ServiceModel): Map<string, Operation[]> {
  let t = routes.get(model);
  if (!t) {
    routes.set(model, (t = new Map()));
    for (const op of Object.values(model.operations)) {
      if (!op.http) continue;
      const k = `${op.http.method} ${firstSeg(op.http.uri.split('?')[0]!)}`;
      t.set(k, [...(t.get(k) ?? []), op]);
    }
    // an operation whose URI requires a query literal (`?delete`) is tried first
    const literal = (o: Operation) => Number(o.http!.uri.includes('?'));
    for (const ops of t.values()) ops.sort((x, y) => literal(y) - literal(x));
  }
  return t;
}

function route(model: ServiceModel, method: string, url: URL): Operation | undefined {
  for (const op of routeTable(model).get(`${method} ${firstSeg(url.pathname)}`) ?? []) {
    const literal = op.http!.uri.split('?')[1]?.split('&')[0]?.split('=')[0];
    if (literal && !url.searchParams.has(literal)) continue;
    if (matchPath(op, url.pathname)) return op;
  }
  return undefined;
}

// the media type alone (parameters after `;` aside): JSON, AWS's JSON 1.0/1.1, or any `type/x+json`
const TOKEN = "[a-z0-9!#$%&'*+.^_`|~-]+";
const JSON_TYPES = new RegExp(`^(application/(json|x-amz-json-1\\.[01])|${TOKEN}/${TOKEN}\\+json)$`);
const isJson = (type: string) => JSON_TYPES.test(type.split(';')[0]!.trim().toLowerCase());

/** The Fetch face of the resolver: msw handlers and the standalone server use it. */
export async function resolve(ctx: MockContext, request: Request): Promise<Response> {
  const limit = ctx.limits?.maxBodyBytes ?? MAX_BODY_BYTES;
  const answer = await resolveWire(ctx, {
    method: request.method,
    url: new URL(request.url),
    headers: request.headers,
    body: () => readLimited(request, limit),
  });
  return answer ? toFetchResponse(answer) : Response.error();
}

/** The one resolver: the answer on the wire, or undefined for a dropped connection. It never throws:
 * client input of any kind is a 4xx; a defect of the mock itself is still an AWS-shaped answer. */
export async function resolveWire(ctx: MockContext, request: WireRequest): Promise<WireResponse | undefined> {
  try {
    return await answerWire(ctx, request);
  } catch {
    return errorWireResponse(
      {
        name: 'InternalFailure',
        status: 500,
        fault: 'server',
        message: 'The mock failed to handle the request',
      },
      randomUUID(),
    );
  }
}

async function answerWire(ctx: MockContext, request: WireRequest): Promise<WireResponse | undefined> {
  const requestId = randomUUID();
  const fail = (e: ErrorSpec, headers?: Record<string, string>) => errorWireResponse(e, requestId, headers);
  const fault = ctx.faults.next();
  if (fault.delayMs > 0) await new Promise((r) => setTimeout(r, fault.delayMs));
  if (fault.failure === 'drop') return undefined;
  if (fault.failure === 'throttle')
    return fail({ name: FAILURE_ERRORS.throttle, status: 400, fault: 'client', message: 'Rate exceeded' });
  if (fault.failure === 'unavailable')
    return fail(modelled(ctx, FAILURE_ERRORS.unavailable, 'The service is unavailable (injected fault)'));

  const url = request.url;
  const op = route(ctx.model, request.method, url);
  if (!op) {
    const onPath = Object.values(ctx.model.operations).filter((o) => o.http && matchPath(o, url.pathname));
    if (onPath.length) {
      const allow = onPath.map((o) => o.http!.method).join(', ');
      return fail(
        {
          name: 'MethodNotAllowedException',
          status: 405,
          fault: 'client',
          message: `${request.method} is not allowed on ${url.pathname}; allowed: ${allow}`,
        },
        { allow },
      );
    }
    return fail({
      name: 'UnknownOperationException',
      status: 404,
      fault: 'client',
      message: `No operation at ${request.method} ${url.pathname}`,
    });
  }

  const limits = ctx.limits ?? DEFAULT_LIMITS;
  if (url.search.length > limits.maxQueryBytes) {
    return fail({
      name: 'InvalidParameterValueException',
      status: 400,
      fault: 'client',
      message: `The query string exceeds ${limits.maxQueryBytes} bytes`,
    });
  }
  const body = await request.body();
  if (body === undefined)
    return fail({
      name: 'RequestEntityTooLargeException',
      status: 413,
      fault: 'client',
      message: `The request body exceeds ${limits.maxBodyBytes} bytes`,
    });
  const type = request.headers.get('content-type');
  if (body.trim() !== '' && type && !isJson(type)) {
    return fail({
      name: 'UnsupportedMediaTypeException',
      status: 415,
      fault: 'client',
      message: `Content-Type ${type} is not JSON`,
    });
  }
  const { input, problems } = decodeRequest(op, url, request.headers, body);
  for (const m of Object.values(op.input.members ?? {})) {
    if (m.location === 'path' && Buffer.byteLength(String(input[m.name] ?? '')) > limits.maxLabelBytes) {
      return fail({
        name: 'InvalidParameterValueException',
        status: 400,
        fault: 'client',
        message: `${m.name} exceeds ${limits.maxLabelBytes} bytes`,
        context: m.name,
      });
    }
  }
  // unknown members are ignored, as Smithy servers do
  const wire = problems.find((p) => p.kind !== 'unknown-member');
  if (wire) return fail(modelled(ctx, rejection(ctx.model, wire.kind, op), wire.message, wire.path));
  const violation = validatorFor(ctx.model).input(op, input)[0];
  if (violation) {
    const name = rejection(ctx.model, violation.keyword, op);
    return fail(
      modelled(
        ctx,
        name,
        `${violation.path}: ${violation.message.replace(`${violation.path} `, '')}`,
        violation.path,
      ),
    );
  }
  try {
    return successResponse(op, ctx.resources.impl(op.name)!(input), requestId);
  } catch (e) {
    if (e instanceof MockError) return fail(modelled(ctx, e.errorName, e.message, e.context));
    // a defect of the mock itself: still an answer, never a crash
    return fail({
      name: 'InternalFailure',
      status: 500,
      fault: 'server',
      message: 'The mock failed to handle the request',
    });
  }
}

/** The exception a broken request earns from this operation: the one expectationFor names where the
 * operation documents it or where it is no modelled exception of the service (SerializationException,
 * a convention); else the service's bad-value exception where documented; else, for an operation that
 * documents neither, AWS's generic `ValidationException` — a well-formed 4xx that claims none of the
 * service's modelled exceptions the operation does not list. */
function rejection(model: ServiceModel, kind: string, op: Operation): string {
  const named = expectationFor(kind, op).error;
  if (op.errors.includes(named) || !model.errors[named]) return named;
  const badValue = expectationFor('value').error;
  return op.errors.includes(badValue) ? badValue : 'ValidationException';
}

export function modelled(
  ctx: { model: ServiceModel },
  name: string,
  message: string,
  context?: string,
): ErrorSpec {
  const e = ctx.model.errors[name];
  return {
    name,
    status: e?.httpStatus ?? 400,
    fault: e?.fault ?? 'client',
    message,
    ...(context ? { context } : {}),
  };
}

/** The body as text, or undefined when it is larger than the limit (reading stops there). */
async function readLimited(request: Request, limit: number): Promise<string | undefined> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > limit) return undefined;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
