// A raw-socket HTTP client for hostile-input tests: writes bytes as given, reads one answer (or notes
// that the server closed without one).
import net from 'node:net';

export interface RawAnswer {
  status?: number;
  headers: Record<string, string>;
  body: string;
  /** the socket was closed by the server (after the answer, or without one) */
  closed: boolean;
  ms: number;
}

function parse(all: Buffer): { status: number; headers: Record<string, string>; body: string } | undefined {
  // interim answers (100 Continue) come first: the final one follows them
  let buf = all;
  while (/^HTTP\/1\.[01] 1\d\d /.test(buf.subarray(0, 16).toString('latin1')) && buf.indexOf('\r\n\r\n') >= 0)
    buf = buf.subarray(buf.indexOf('\r\n\r\n') + 4);
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [line, ...lines] = buf.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(line!)?.[1]);
  const headers: Record<string, string> = {};
  for (const l of lines) {
    const i = l.indexOf(':');
    headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
  }
  const length = Number(headers['content-length'] ?? NaN);
  const body = buf.subarray(end + 4);
  if (!Number.isInteger(length) || body.length < length) return undefined;
  return { status, headers, body: body.subarray(0, length).toString('utf8') };
}

/** Sends `chunks` (with `gapMs` between them) and resolves with the first answer, or when the server
 * closes the socket, or after `waitMs`. */
export function rawRequest(
  port: number,
  chunks: (string | Buffer)[],
  o: { gapMs?: number; waitMs?: number } = {},
): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const socket = net.connect(port, '127.0.0.1');
    let buf = Buffer.alloc(0);
    let settled = false;
    const finish = (closed: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const answer = parse(buf);
      socket.destroy();
      resolve({
        status: answer?.status,
        headers: answer?.headers ?? {},
        body: answer?.body ?? buf.toString('latin1'),
        closed,
        ms: performance.now() - t0,
      });
    };
    const timer = setTimeout(() => finish(false), o.waitMs ?? 5000);
    socket.on('data', (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      const answer = parse(buf);
      // an answer that closes the connection: wait for the close, to tell that it happened
      if (answer && answer.headers.connection !== 'close') setImmediate(() => finish(socket.readableEnded));
    });
    socket.on('end', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
    socket.on('connect', async () => {
      for (const [i, c] of chunks.entries()) {
        if (i > 0 && o.gapMs) await new Promise((r) => setTimeout(r, o.gapMs));
        if (settled || socket.destroyed) return;
        socket.write(c);
      }
    });
  });
}
