// Sends one operation through @aws-sdk/client-backup while recording the raw answer the SDK read:
// status, headers and body bytes, so checks see the wire as well as the SDK's view of it.
import * as Backup from '@aws-sdk/client-backup';
import { readBody, utf8 } from '../wire/body.ts';
import type { Observed } from './types.ts';

interface RawHandler {
  handle(
    request: unknown,
    options?: unknown,
  ): Promise<{ response: { statusCode: number; headers: Record<string, string>; body: unknown } }>;
}

export interface RecordingHandler {
  handler: RawHandler & { updateHttpClientConfig(): void; httpHandlerConfigs(): object };
  last(): { status: number; headers: Record<string, string>; body: string } | undefined;
}

/** The most of one answer the toolkit reads: a target answering more is a finding, never a crash. */
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

export const tooLarge = () =>
  Object.assign(new Error(`the answer exceeds ${MAX_RESPONSE_BYTES} bytes; reading stopped there`), {
    code: 'E_RESPONSE_TOO_LARGE',
  });

/** Wraps a request handler: the response body is read once (at most MAX_RESPONSE_BYTES; an abort stops
 * the reading, so a target dripping its answer cannot hold the run), kept, and handed on as bytes. */
export function recording(inner: RawHandler): RecordingHandler {
  let last: { status: number; headers: Record<string, string>; body: string } | undefined;
  return {
    last: () => last,
    handler: {
      async handle(request, options) {
        last = undefined;
        const { response } = await inner.handle(request, options);
        const signal = (options as { abortSignal?: AbortSignal } | undefined)?.abortSignal;
        const stop = () =>
          (response.body as { destroy?: (e: Error) => void } | undefined)?.destroy?.(
            new Error('aborted: no answer in time'),
          );
        if (signal?.aborted) stop();
        signal?.addEventListener?.('abort', stop, { once: true });
        try {
          const bytes = await readBody(response.body, MAX_RESPONSE_BYTES);
          last = {
            status: response.statusCode,
            headers: lower(response.headers),
            body: bytes ? utf8(bytes) : '',
          };
          if (!bytes) throw tooLarge();
          return { response: { ...response, body: bytes } };
        } finally {
          signal?.removeEventListener?.('abort', stop);
        }
      },
      updateHttpClientConfig() {},
      httpHandlerConfigs: () => ({}),
    },
  };
}

function lower(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
}

const commands = Backup as unknown as Record<string, new (input: unknown) => unknown>;

/** `passSignal`: hand the request handler the call's abort signal (a socket to close when the deadline
 * passes). An in-process handler that answers with bytes has nothing to abort: without per-call options
 * the client reuses its resolved middleware stack (`cacheMiddleware`), which saves ~0.2 ms a call. */
export async function callSdk(
  client: Backup.BackupClient,
  rec: RecordingHandler,
  operation: string,
  input: Record<string, unknown>,
  timeoutMs: number,
  passSignal = true,
): Promise<Observed> {
  const Command = commands[`${operation}Command`];
  if (!Command) throw new Error(`the SDK has no ${operation}Command`);
  const t0 = performance.now();
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  // a target that never answers must not hang the run, whatever the request handler does with the signal
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(new Error('timeout'));
    }, timeoutMs);
  });
  try {
    const out = (await Promise.race([
      passSignal
        ? client.send(new Command(input) as never, { abortSignal: abort.signal })
        : client.send(new Command(input) as never),
      deadline,
    ])) as unknown as Record<string, unknown>;
    const { $metadata, ...output } = out;
    void $metadata;
    const raw = rec.last();
    return {
      status: raw?.status,
      headers: raw?.headers ?? {},
      body: raw?.body,
      output,
      ms: performance.now() - t0,
    };
  } catch (e) {
    const err = e as {
      name?: string;
      message?: string;
      $fault?: string;
      $metadata?: { httpStatusCode?: number };
      code?: string;
    };
    const raw = rec.last();
    const ms = performance.now() - t0;
    if (abort.signal.aborted)
      return { headers: {}, failure: 'timeout', failureDetail: `no answer within ${timeoutMs} ms`, ms };
    if (err.code === 'E_RESPONSE_TOO_LARGE')
      return {
        status: raw?.status,
        headers: raw?.headers ?? {},
        failure: 'garbage',
        failureDetail: err.message ?? '',
        ms,
      };
    if (!raw) {
      const text = `${err.code} ${err.message}`;
      // bytes that are not HTTP (Node's parser: HPE_*) are garbage; a closed socket is a reset
      const failure = /HPE_|Parse Error/i.test(text)
        ? 'garbage'
        : /ECONNRESET|socket hang up|EPIPE|ECONNABORTED/i.test(text)
          ? 'reset'
          : 'network';
      return { headers: {}, failure, failureDetail: `${err.name}: ${err.message}`, ms };
    }
    const modelled =
      typeof (Backup as Record<string, unknown>)[err.name ?? ''] === 'function' &&
      e instanceof ((Backup as Record<string, unknown>)[err.name!] as new () => Error);
    const garbage =
      err.name === 'SyntaxError' ||
      /Deserialization error|Unexpected token|not valid JSON/i.test(err.message ?? '');
    return {
      status: raw.status,
      headers: raw.headers,
      body: raw.body,
      ms,
      ...(garbage ? { failure: 'garbage' as const, failureDetail: err.message } : {}),
      error: {
        name: err.name ?? 'Error',
        fault: err.$fault,
        status: err.$metadata?.httpStatusCode,
        message: err.message ?? '',
        modelled,
      },
    };
  } finally {
    clearTimeout(timer);
  }
}
