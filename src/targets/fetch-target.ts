// A target that speaks Fetch: the built-in mock, a user's handler function or msw handlers, or any
// endpoint URL. SDK calls go through @aws-sdk/client-backup with a recording request handler; raw
// HTTP calls go straight to the same function, signed with SigV4 by the client's own signer (sign.ts).
import { BackupClient, type BackupClientConfig } from '@aws-sdk/client-backup';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { toFetchRequest, toSdkResponse } from '../mock/fast-path.ts';
import { readBody, utf8 } from '../wire/body.ts';
import { callSdk, MAX_RESPONSE_BYTES, recording, tooLarge } from './sdk-call.ts';
import { clientSigner, type RawSigner } from './sign.ts';
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
  /** sign raw calls with SigV4 as the SDK signs its own (default true); the built-in mock, which ignores
   * signatures, turns it off: a signature costs ~0.25-0.4 ms, as much as the mock's whole answer */
  signRaw?: boolean;
  /** sign the SDK's requests (default true); the built-in mock, which ignores signatures, turns it off:
   * the signer hashes every payload and recomputes its key's cache key with an HMAC, ~0.2 ms a request */
  signSdk?: boolean;
  /** answers the SDK's requests instead of converting them to Fetch (the built-in mock's direct handler) */
  sdkHandler?: {
    handle(
      request: never,
    ): Promise<{ response: { statusCode: number; headers: Record<string, string>; body: unknown } }>;
  };
}

/** Raw HTTP through a Fetch function, classified the same way as SDK calls: one deadline for the answer
 * and its whole body (aborted when it passes, so a dripping body cannot hold the run), and at most
 * MAX_RESPONSE_BYTES read. */
export async function observeFetch(
  fetchFn: FetchFn,
  url: string,
  call: HttpCall,
  timeoutMs: number,
): Promise<Observed> {
  const t0 = performance.now();
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  // a Fetch function that ignores the signal must not hang the run either
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { timeout: true }));
    }, timeoutMs);
  });
  let status: number | undefined;
  const headers: Record<string, string> = {};
  try {
    const request = new Request(url, {
      method: call.method,
      headers: call.headers,
      signal: abort.signal,
      ...(call.body !== undefined ? { body: call.body } : {}),
    });
    const res = await Promise.race([fetchFn(request), deadline]);
    if (res.type === 'error')
      return {
        headers: {},
        failure: 'reset',
        failureDetail: 'the connection was dropped',
        ms: performance.now() - t0,
      };
    status = res.status;
    res.headers.forEach((v, k) => (headers[k] = v));
    const bytes = await Promise.race([readBody(res.body ?? undefined, MAX_RESPONSE_BYTES), deadline]);
    if (!bytes) throw tooLarge();
    return { status, headers, body: utf8(bytes), ms: performance.now() - t0 };
  } catch (e) {
    const err = e as Error & { timeout?: boolean; code?: string; cause?: { code?: string } };
    const ms = performance.now() - t0;
    if (err.code === 'E_RESPONSE_TOO_LARGE')
      return { status, headers, failure: 'garbage', failureDetail: err.message, ms };
    const text = `${err.cause?.code} ${err.message} ${String(err.cause)}`;
    const failure =
      err.timeout || abort.signal.aborted
        ? 'timeout'
        : /HPE_|Parse Error/i.test(text)
          ? 'garbage'
          : /ECONNRESET|socket|other side closed|terminated/i.test(text)
            ? 'reset'
            : 'network';
    const cause = err.cause ? ` (${String((err.cause as Error).message ?? err.cause)})` : '';
    return {
      headers: {},
      failure,
      failureDetail: `${err.message}${cause}`,
      ms,
    };
  } finally {
    clearTimeout(timer);
    abort.abort(); // whatever is still open of this exchange is closed
  }
}

/** A raw call signed as the SDK signs its own, then observed. A signature that cannot be made (no
 * credentials resolve) is the exchange's failure, never a crash; its message names no secret. */
export async function sendSigned(
  sign: RawSigner,
  fetchFn: FetchFn,
  url: string,
  call: HttpCall,
  timeoutMs: number,
): Promise<Observed> {
  const t0 = performance.now();
  let signed: HttpCall;
  try {
    signed = await sign(url, call);
  } catch (e) {
    const err = e as Error;
    return {
      headers: {},
      failure: 'network',
      failureDetail: `the request could not be signed (${err.name}: ${err.message})`,
      ms: performance.now() - t0,
    };
  }
  return observeFetch(fetchFn, url, signed, timeoutMs);
}

/** SigV4 as the client's scheme, with a signer that leaves the request as it is. */
const UNSIGNED: NonNullable<BackupClientConfig['httpAuthSchemes']>[number] = {
  schemeId: 'aws.auth#sigv4',
  identityProvider: (c) => c.getIdentityProvider('aws.auth#sigv4'),
  signer: { sign: async (request) => request },
};

/** In-process: the SDK's requests resolved by a Fetch function (the built-in mock, msw handlers, user
 * code). */
export function fetchFunctionTarget(fetchFn: FetchFn, o: FetchTargetOptions): Target {
  const inner = o.sdkHandler ?? {
    handle: async (request: unknown) => toSdkResponse(await fetchFn(toFetchRequest(request as never))),
  };
  const rec = recording(inner);
  const client = new BackupClient({
    region: 'us-east-1',
    credentials: CREDENTIALS,
    endpoint: o.origin,
    maxAttempts: 1,
    requestHandler: rec.handler as never,
    // calls pass no per-call options (see callSdk): the stack resolved once per command is reused
    cacheMiddleware: true,
    ...(o.signSdk === false ? { httpAuthSchemes: [UNSIGNED] } : {}),
  });
  const sign: RawSigner = o.signRaw === false ? async (_url, call) => call : clientSigner(client);
  return {
    name: o.name,
    ...(o.endpoint ? { endpoint: o.endpoint } : {}),
    mutationsAllowed: o.mutationsAllowed ?? true,
    rawHttp: true,
    // a Fetch function's answer is read whole before the SDK sees it: there is no socket to abort
    sendSdk: (op, input) => callSdk(client, rec, op, input, o.timeoutMs, false),
    sendHttp: (call) => sendSigned(sign, fetchFn, `${o.origin}${call.path}`, call, o.timeoutMs),
    close: async () => client.destroy(),
  };
}

/** Any server that speaks AWS Backup's API, over the network. */
export function endpointTarget(endpoint: string, timeoutMs: number): Target {
  const url = new URL(endpoint);
  const inner = new NodeHttpHandler({ requestTimeout: timeoutMs, connectionTimeout: timeoutMs });
  const rec = recording(inner as never);
  const client = new BackupClient({
    region: 'us-east-1',
    credentials: CREDENTIALS,
    endpoint,
    maxAttempts: 1,
    requestHandler: rec.handler as never,
  });
  const origin = `${url.protocol}//${url.host}`;
  const sign = clientSigner(client);
  return {
    name: `endpoint:${endpoint}`,
    endpoint,
    mutationsAllowed: true,
    rawHttp: true,
    sendSdk: (op, input) => callSdk(client, rec, op, input, timeoutMs),
    sendHttp: (call) =>
      sendSigned(sign, fetch, `${origin}${url.pathname.replace(/\/$/, '')}${call.path}`, call, timeoutMs),
    close: async () => {
      client.destroy();
      inner.destroy();
    },
  };
}
