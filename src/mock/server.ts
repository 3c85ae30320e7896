// The standalone server: node:http in front of the mock's resolver. Binds 127.0.0.1 unless told
// otherwise; a dropped-connection fault destroys the socket. Every answer is AWS-shaped — a status,
// `x-amzn-errortype`, `{Code, Message, Type, Context}` and `x-amzn-requestid` — including for what
// Node's HTTP parser rejects, CONNECT, and requests that time out.
import { randomUUID } from 'node:crypto';
import { createServer, STATUS_CODES } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { errorWireResponse, type WireResponse } from '../wire/response.ts';
import type { BackupMock, WireRequest } from './types.ts';
import { DEFAULT_SERVER_LIMITS, type ServerLimits } from './limits.ts';

export interface RunningServer {
  server: Server;
  endpoint: string;
  limits: ServerLimits;
  close(): Promise<void>;
}

// the resolver reads only the path and query: the URL is never built from the untrusted Host header
const ORIGIN = 'http://mock.invalid';

const clientError = (name: string, status: number, message: string): WireResponse =>
  errorWireResponse({ name, status, fault: 'client', message }, randomUUID(), { connection: 'close' });

function toWireRequest(req: IncomingMessage, url: URL, maxBodyBytes: number): WireRequest {
  return {
    method: req.method ?? 'GET',
    url,
    headers: {
      get: (n) => {
        const v = req.headers[n.toLowerCase()];
        return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
      },
      has: (n) => req.headers[n.toLowerCase()] !== undefined,
    },
    // as the Fetch face does: a GET or HEAD body is not read
    body: async () =>
      req.method === 'GET' || req.method === 'HEAD' ? '' : readRequestBody(req, maxBodyBytes),
  };
}

/** The body as text, or undefined past the limit — reading then stops without destroying the socket,
 * so the 413 can still be written (and the connection closed after it). */
function readRequestBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  if (Number(req.headers['content-length']) > limit) return Promise.resolve(undefined);
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const stop = () => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
    };
    const onData = (c: Buffer) => {
      if ((total += c.length) > limit) {
        stop();
        req.pause();
        done(undefined);
      } else chunks.push(c);
    };
    const onEnd = () => {
      stop();
      done(Buffer.concat(chunks).toString('utf8'));
    };
    const onError = (e: Error) => {
      stop();
      fail(e);
    };
    const onClose = () => {
      stop();
      fail(new Error('the connection closed before the body arrived'));
    };
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

/** The request target as a URL: origin-form (`/path?q`) or absolute-form (a proxy's); else undefined. */
function targetUrl(target: string | undefined): URL | undefined {
  if (!target) return undefined;
  try {
    const u = target.startsWith('/') ? new URL(target, ORIGIN) : new URL(target);
    return /^https?:$/.test(u.protocol) ? new URL(`${u.pathname}${u.search}`, ORIGIN) : undefined;
  } catch {
    return undefined;
  }
}

function write(res: ServerResponse, w: WireResponse, close: boolean): void {
  const body = Buffer.from(w.body);
  const length = { 'content-length': String(body.length) };
  res.writeHead(w.status, { ...w.headers, ...length, ...(close ? { connection: 'close' } : {}) });
  res.end(body);
}

async function answer(mock: BackupMock, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = targetUrl(req.url);
  if (!url) {
    return write(res, clientError('InvalidRequestException', 400, 'The request target is not a path'), true);
  }
  const w = await mock.answer(toWireRequest(req, url, mock.limits.maxBodyBytes));
  if (!w) return void req.socket.destroy();
  // a body left unread (too large, or on a route that reads none) must not be taken for the next request
  write(res, w, w.status === 413 || !req.complete);
}

/** What Node's parser or its timeouts reject, as AWS would answer it. */
function parserAnswer(err: NodeJS.ErrnoException & { rawPacket?: Buffer }): WireResponse {
  switch (err.code) {
    case 'HPE_HEADER_OVERFLOW':
      return clientError(
        'RequestHeaderFieldsTooLargeException',
        431,
        'The request line and headers are too large',
      );
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return clientError(
        'RequestTimeoutException',
        408,
        "The request did not arrive within the server's request timeout",
      );
    case 'HPE_INVALID_METHOD': {
      const method = /^[!-~]{1,32}/.exec(err.rawPacket?.toString('latin1') ?? '')?.[0] ?? 'the method';
      return clientError(
        'MethodNotAllowedException',
        405,
        `${method} is not an HTTP method this service answers`,
      );
    }
    default:
      return clientError(
        'InvalidRequestException',
        400,
        `The request is not well-formed HTTP/1.1 (${err.code ?? 'parse error'})`,
      );
  }
}

function raw(w: WireResponse): string {
  const body = Buffer.from(w.body);
  const all = { ...w.headers, 'content-length': String(body.length), connection: 'close' };
  const head = Object.entries(all)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  return `HTTP/1.1 ${w.status} ${STATUS_CODES[w.status] ?? ''}\r\n${head}\r\n${body.toString('latin1')}`;
}

/** Node's own default does this too (node:_http_server socketOnError): answer only when no response is
 * under way on the socket; when the handler awaits a body that never came, answer through it. */
function onClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  type NodeSocket = Duplex & { _httpMessage?: ServerResponse | null; parser?: { incoming?: unknown } | null };
  const s = socket as NodeSocket;
  const pending = s._httpMessage;
  if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
  if (pending && !pending.headersSent) return void write(pending, parserAnswer(err), true);
  if (pending || s.parser?.incoming) return void socket.destroy();
  socket.end(raw(parserAnswer(err)), 'latin1');
}

export type ServeOptions = Partial<ServerLimits>;

export function serve(
  mock: BackupMock,
  port = 4566,
  host = '127.0.0.1',
  o: ServeOptions = {},
): Promise<RunningServer> {
  const limits = { ...DEFAULT_SERVER_LIMITS, ...o };
  for (const [k, v] of Object.entries(limits)) {
    if (Number.isInteger(v) && v >= 1) continue;
    return Promise.reject(new RangeError(`server limits.${k} must be a whole number ≥ 1, got ${v}`));
  }
  return new Promise((resolvePromise, reject) => {
    const server = createServer(
      {
        requestTimeout: limits.requestTimeoutMs,
        headersTimeout: limits.requestTimeoutMs,
        keepAliveTimeout: limits.keepAliveTimeoutMs,
        // the URL is never built from Host, so a request without one is answered like any other
        requireHostHeader: false,
        maxHeaderSize: limits.maxHeaderBytes,
        // how often Node looks for timed-out requests (its default, 30 s, would stretch a short timeout)
        connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(limits.requestTimeoutMs / 4))),
      },
      (req, res) => {
        answer(mock, req, res).catch(() => {
          const message = 'The mock failed to handle the request';
          const failure = { name: 'InternalFailure', status: 500, fault: 'server' as const, message };
          if (!res.headersSent) write(res, errorWireResponse(failure, randomUUID()), true);
          else res.destroy();
        });
      },
    );
    server.on('clientError', onClientError);
    // no tunnels here: CONNECT gets the answer any other method on no route gets
    server.on('connect', (req: IncomingMessage, socket: Duplex) => {
      socket.on('error', () => {});
      const w = clientError('MethodNotAllowedException', 405, `CONNECT is not allowed on ${req.url ?? '/'}`);
      socket.end(raw(w), 'latin1');
    });
    server.once('error', reject);
    server.listen(port, host, () => {
      const addr = server.address();
      const actual = typeof addr === 'object' && addr ? addr.port : port;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolvePromise({
        server,
        endpoint: `http://${shownHost}:${actual}`,
        limits,
        close: () =>
          new Promise((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}
