// The standalone server: node:http in front of the mock's resolver. Binds 127.0.0.1 unless told
// otherwise; a dropped-connection fault destroys the socket.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { BackupMock } from './index.ts';

export interface RunningServer {
  server: Server;
  endpoint: string;
  close(): Promise<void>;
}

function toRequest(req: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', origin), {
    method: req.method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } : {}),
  } as RequestInit);
}

async function answer(mock: BackupMock, req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
  const response = await mock.fetch(toRequest(req, origin));
  if (response.type === 'error') {
    req.socket.destroy();
    return;
  }
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = { 'content-length': String(body.length) };
  response.headers.forEach((v, k) => (headers[k] = v));
  if (response.status === 413) headers.connection = 'close';
  res.writeHead(response.status, headers).end(body);
}

export function serve(mock: BackupMock, port = 4566, host = '127.0.0.1'): Promise<RunningServer> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer((req, res) => {
      answer(mock, req, res, `http://${req.headers.host ?? host}`).catch(() => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json', 'x-amzn-errortype': 'InternalFailure', 'x-amzn-requestid': randomUUID() }).end('{"Code":"InternalFailure","Message":"The mock failed to handle the request"}');
        else res.destroy();
      });
    });
    server.keepAliveTimeout = 5000;
    server.once('error', reject);
    server.listen(port, host, () => {
      const addr = server.address();
      const actual = typeof addr === 'object' && addr ? addr.port : port;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolvePromise({
        server,
        endpoint: `http://${shownHost}:${actual}`,
        close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
      });
    });
  });
}
