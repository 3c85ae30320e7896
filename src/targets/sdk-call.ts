// Sends one operation through @aws-sdk/client-backup while recording the raw answer the SDK read:
// status, headers and body bytes, so checks see the wire as well as the SDK's view of it.
import * as Backup from '@aws-sdk/client-backup';
import { readBody, utf8 } from '../wire/body.ts';
import type { Observed } from './types.ts';

interface RawHandler {
  handle(request: unknown, options?: unknown): Promise<{ response: { statusCode: number; headers: Record<string, string>; body: unknown } }>;
}

export interface RecordingHandler {
  handler: RawHandler & { updateHttpClientConfig(): void; httpHandlerConfigs(): object };
  last(): { status: number; headers: Record<string, string>; body: string } | undefined;
}

/** Wraps a request handler: the response body is read once, kept, and handed on to the SDK as bytes. */
export function recording(inner: RawHandler): RecordingHandler {
  let last: { status: number; headers: Record<string, string>; body: string } | undefined;
  return {
    last: () => last,
    handler: {
      async handle(request, options) {
        last = undefined;
        const { response } = await inner.handle(request, options);
        const bytes = (await readBody(response.body))!;
        last = { status: response.statusCode, headers: lower(response.headers), body: utf8(bytes) };
        return { response: { ...response, body: bytes } };
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

export async function callSdk(client: Backup.BackupClient, rec: RecordingHandler, operation: string, input: Record<string, unknown>, timeoutMs: number): Promise<Observed> {
  const Command = commands[`${operation}Command`];
  if (!Command) throw new Error(`the SDK has no ${operation}Command`);
  const t0 = performance.now();
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  // a target that never answers must not hang the run, whatever the request handler does with the signal
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => { abort.abort(); reject(new Error('timeout')); }, timeoutMs);
  });
  try {
    const out = (await Promise.race([client.send(new Command(input) as never, { abortSignal: abort.signal }), deadline])) as unknown as Record<string, unknown>;
    const { $metadata, ...output } = out;
    void $metadata;
    const raw = rec.last();
    return { status: raw?.status, headers: raw?.headers ?? {}, body: raw?.body, output, ms: performance.now() - t0 };
  } catch (e) {
    const err = e as { name?: string; message?: string; $fault?: string; $metadata?: { httpStatusCode?: number }; code?: string };
    const raw = rec.last();
    const ms = performance.now() - t0;
    if (abort.signal.aborted) return { headers: {}, failure: 'timeout', failureDetail: `no answer within ${timeoutMs} ms`, ms };
    if (!raw) {
      const reset = /ECONNRESET|socket hang up|EPIPE/i.test(`${err.code} ${err.message}`);
      return { headers: {}, failure: reset ? 'reset' : 'network', failureDetail: `${err.name}: ${err.message}`, ms };
    }
    const modelled = typeof (Backup as Record<string, unknown>)[err.name ?? ''] === 'function' && e instanceof ((Backup as Record<string, unknown>)[err.name!] as new () => Error);
    const garbage = err.name === 'SyntaxError' || /Deserialization error|Unexpected token|not valid JSON/i.test(err.message ?? '');
    return {
      status: raw.status, headers: raw.headers, body: raw.body, ms,
      ...(garbage ? { failure: 'garbage' as const, failureDetail: err.message } : {}),
      error: { name: err.name ?? 'Error', fault: err.$fault, status: err.$metadata?.httpStatusCode, message: err.message ?? '', modelled },
    };
  } finally {
    clearTimeout(timer);
  }
}
