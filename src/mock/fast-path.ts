// In-process request handlers for an SDK client — no sockets, no patching of Node's http: the direct
// one hands the SDK's request to the mock's resolver as it is (no Fetch objects in between: building and
// reading undici Requests and Responses cost more than the mock itself); the msw one resolves Fetch
// Requests with msw's getResponse over the mock's handlers. msw is an optional peer dependency: it is
// loaded only when the msw handler is first used, so the mock core runs without it.
import { loadMsw } from './msw-peer.ts';
import { readBody, utf8 } from '../wire/body.ts';
import type { WireResponse } from '../wire/response.ts';
import { MAX_BODY_BYTES, type WireRequest } from './http.ts';
import type { BackupMock } from './index.ts';

export interface SdkHttpRequest {
  method: string;
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

function urlOf(r: SdkHttpRequest): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(r.query ?? {})) {
    for (const x of v === null ? [''] : Array.isArray(v) ? v : [v]) qs.append(k, x);
  }
  const q = qs.toString().replace(/=(?=&|$)/g, '');
  return `${r.protocol}//${r.hostname}${r.port ? `:${r.port}` : ''}${r.path}${q ? `?${q}` : ''}`;
}

const hasBody = (r: SdkHttpRequest) =>
  r.body !== undefined && r.body !== null && r.method !== 'GET' && r.method !== 'HEAD';

export function toFetchRequest(r: SdkHttpRequest): Request {
  return new Request(urlOf(r), {
    method: r.method,
    headers: r.headers,
    ...(hasBody(r) ? { body: r.body as BodyInit } : {}),
  });
}

/** The SDK's request as the resolver reads it. */
export function toWireRequest(r: SdkHttpRequest, maxBodyBytes = MAX_BODY_BYTES): WireRequest {
  const headers = new Map(Object.entries(r.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
  return {
    method: r.method,
    url: new URL(urlOf(r)),
    headers: { get: (n) => headers.get(n.toLowerCase()) ?? null, has: (n) => headers.has(n.toLowerCase()) },
    body: async () => {
      const bytes = hasBody(r) ? await readBody(r.body, maxBodyBytes) : new Uint8Array();
      return bytes && utf8(bytes);
    },
  };
}

/** What an SDK request handler throws for a dropped connection: what a socket would. */
export function droppedConnection(): Error & { code: string } {
  return Object.assign(new Error('socket hang up (the connection was dropped)'), { code: 'ECONNRESET' });
}

/** A wire answer as an SDK request handler returns it; a dropped connection throws as a socket would. */
export function wireToSdkResponse(w: WireResponse | undefined) {
  if (!w) throw droppedConnection();
  return { response: { statusCode: w.status, headers: { ...w.headers }, body: Buffer.from(w.body) } };
}

/** The direct in-process handler: `new BackupClient({ requestHandler: directRequestHandler(mock) })`. */
export function directRequestHandler(mock: BackupMock) {
  return {
    async handle(request: SdkHttpRequest) {
      return wireToSdkResponse(await mock.answer(toWireRequest(request, mock.limits.maxBodyBytes)));
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
  };
}

/** A Fetch answer as an SDK request handler returns it; a dropped connection throws as a socket would. */
export async function toSdkResponse(res: Response | undefined) {
  if (!res || res.type === 'error') {
    throw droppedConnection();
  }
  const headers: Record<string, string> = {};
  res.headers.forEach((v, k) => (headers[k] = v));
  // bytes, not a stream: the SDK reads a Uint8Array body as it is
  return { response: { statusCode: res.status, headers, body: new Uint8Array(await res.arrayBuffer()) } };
}

/** The msw handler: `new BackupClient({ requestHandler: mockRequestHandler(mock) })` resolves Fetch
 * Requests with msw's getResponse (msw 2.15 retains about 1 KB per request: see the README). */
export function mockRequestHandler(mock: BackupMock) {
  // one catch-all handler: every request here is for the mock, and its resolver routes by the model
  // (matching seven route handlers first cost a third of the throughput)
  const ready = loadMsw().then(({ getResponse, http }) => ({
    getResponse,
    handlers: [http.all('*', ({ request }) => mock.fetch(request))],
  }));
  ready.catch(() => {}); // reported by the first handle(), not as an unhandled rejection
  return {
    async handle(request: SdkHttpRequest) {
      const { getResponse, handlers } = await ready;
      return toSdkResponse(await getResponse(handlers, toFetchRequest(request)));
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
  };
}
