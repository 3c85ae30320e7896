// A target that speaks Fetch: the built-in mock, a user's handler function or msw handlers, or any
// endpoint URL. SDK calls go through @aws-sdk/client-backup with a recording request handler; raw
// HTTP calls go straight to the same function.
import { BackupClient } from '@aws-sdk/client-backup';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { toFetchRequest, toSdkResponse } from '../mock/fast-path.ts';
import { callSdk, recording } from './sdk-call.ts';
import type { HttpCall, Observed, Target } from './types.ts';

export type FetchFn = (request: Request) => Promise<Response>;

const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' };

export interface FetchTargetOptions {
  name: string;
  /** the origin requests are addressed to */
  origin: string;
  timeoutMs: number;
  mutationsAllowed?: boolean;
  endpoint?: string;
  /** answers the SDK's requests instead of converting them to Fetch (the built-in mock's direct handler) */
  sdkHandler?: { handle(request: never): Promise<{ response: { statusCode: number; headers: Record<string, string>; body: unknown } }> };
}

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${ms} ms`), { timeout: true })), ms); });
  try { return await Promise.race([p, timeout]); } finally { clearTimeout(timer); }
}

/** Raw HTTP through a Fetch function, classified the same way as SDK calls. */
export async function observeFetch(fetchFn: FetchFn, url: string, call: HttpCall, timeoutMs: number): Promise<Observed> {
  const t0 = performance.now();
  try {
    const res = await withTimeout(fetchFn(new Request(url, { method: call.method, headers: call.headers, ...(call.body !== undefined ? { body: call.body } : {}) })), timeoutMs);
    if (res.type === 'error') return { headers: {}, failure: 'reset', failureDetail: 'the connection was dropped', ms: performance.now() - t0 };
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => (headers[k] = v));
    const body = await withTimeout(res.text(), timeoutMs);
    return { status: res.status, headers, body, ms: performance.now() - t0 };
  } catch (e) {
    const err = e as Error & { timeout?: boolean; cause?: { code?: string } };
    const failure = err.timeout ? 'timeout' : /ECONNRESET|socket|other side closed|terminated/i.test(`${err.cause?.code} ${err.message} ${String(err.cause)}`) ? 'reset' : 'network';
    return { headers: {}, failure, failureDetail: `${err.message}${err.cause ? ` (${String((err.cause as Error).message ?? err.cause)})` : ''}`, ms: performance.now() - t0 };
  }
}

/** In-process: the SDK's requests resolved by a Fetch function (the built-in mock, msw handlers, user code). */
export function fetchFunctionTarget(fetchFn: FetchFn, o: FetchTargetOptions): Target {
  const inner = o.sdkHandler ?? {
    handle: async (request: unknown) => toSdkResponse(await fetchFn(toFetchRequest(request as never))),
  };
  const rec = recording(inner);
  const client = new BackupClient({ region: 'us-east-1', credentials: CREDENTIALS, endpoint: o.origin, maxAttempts: 1, requestHandler: rec.handler as never });
  return {
    name: o.name,
    ...(o.endpoint ? { endpoint: o.endpoint } : {}),
    mutationsAllowed: o.mutationsAllowed ?? true,
    rawHttp: true,
    sendSdk: (op, input) => callSdk(client, rec, op, input, o.timeoutMs),
    sendHttp: (call) => observeFetch(fetchFn, `${o.origin}${call.path}`, call, o.timeoutMs),
    close: async () => client.destroy(),
  };
}

/** Any server that speaks AWS Backup's API, over the network. */
export function endpointTarget(endpoint: string, timeoutMs: number): Target {
  const url = new URL(endpoint);
  const inner = new NodeHttpHandler({ requestTimeout: timeoutMs, connectionTimeout: timeoutMs });
  const rec = recording(inner as never);
  const client = new BackupClient({ region: 'us-east-1', credentials: CREDENTIALS, endpoint, maxAttempts: 1, requestHandler: rec.handler as never });
  const origin = `${url.protocol}//${url.host}`;
  return {
    name: `endpoint:${endpoint}`,
    endpoint,
    mutationsAllowed: true,
    rawHttp: true,
    sendSdk: (op, input) => callSdk(client, rec, op, input, timeoutMs),
    sendHttp: (call) => observeFetch(fetch, `${origin}${url.pathname.replace(/\/$/, '')}${call.path}`, call, timeoutMs),
    close: async () => { client.destroy(); inner.destroy(); },
  };
}
