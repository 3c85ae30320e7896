// The in-process fast path: a request handler for the SDK client that resolves each request with msw's
// getResponse over the mock's handlers — no sockets, no patching of Node's http.
import { getResponse, http } from 'msw';
import type { BackupMock } from './index.ts';

interface SdkHttpRequest {
  method: string;
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

export function toFetchRequest(r: SdkHttpRequest): Request {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(r.query ?? {})) {
    for (const x of v === null ? [''] : Array.isArray(v) ? v : [v]) qs.append(k, x);
  }
  const q = qs.toString().replace(/=(?=&|$)/g, '');
  const url = `${r.protocol}//${r.hostname}${r.port ? `:${r.port}` : ''}${r.path}${q ? `?${q}` : ''}`;
  const hasBody = r.body !== undefined && r.body !== null && r.method !== 'GET' && r.method !== 'HEAD';
  return new Request(url, { method: r.method, headers: r.headers, ...(hasBody ? { body: r.body as BodyInit } : {}) });
}

/** A Fetch answer as an SDK request handler returns it; a dropped connection throws as a socket would. */
export async function toSdkResponse(res: Response | undefined) {
  if (!res || res.type === 'error') {
    throw Object.assign(new Error('socket hang up (the connection was dropped)'), { code: 'ECONNRESET' });
  }
  const headers: Record<string, string> = {};
  res.headers.forEach((v, k) => (headers[k] = v));
  // bytes, not a stream: the SDK reads a Uint8Array body as it is
  return { response: { statusCode: res.status, headers, body: new Uint8Array(await res.arrayBuffer()) } };
}

/** A `requestHandler` for `new BackupClient({ requestHandler: mockRequestHandler(mock) })`. */
export function mockRequestHandler(mock: BackupMock) {
  // one catch-all handler: every request here is for the mock, and its resolver routes by the model
  // (matching seven route handlers first cost a third of the throughput)
  const handlers = [http.all('*', ({ request }) => mock.fetch(request))];
  return {
    async handle(request: SdkHttpRequest) {
      return toSdkResponse(await getResponse(handlers, toFetchRequest(request)));
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
  };
}
