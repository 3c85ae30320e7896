// The SDK's request and answer shapes and the adapters between them and the other two currencies on
// the wire: Fetch Request/Response (msw, fetch targets) and the WireRequest every resolver reads.
// Wire code, not mock code: targets and the mock's request handlers share them, and none needs msw.
import { readBody, utf8 } from './body.ts';
import type { WireResponse } from './response.ts';

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

/** A request as a resolver reads it: what a Fetch Request, an SDK request or a socket all provide.
 * `body()` gives the text, or undefined when it exceeds the reader's byte limit. */
export interface WireRequest {
  method: string;
  url: URL;
  headers: Pick<Headers, 'get' | 'has'>;
  body(): Promise<string | undefined>;
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

/** The SDK's request as a resolver reads it; a body above maxBodyBytes reads as undefined. */
export function toWireRequest(r: SdkHttpRequest, maxBodyBytes: number): WireRequest {
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
