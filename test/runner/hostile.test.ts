// Targets that misbehave over the network — reset, hang, answer bytes that are not HTTP or JSON that is
// not JSON, answer 64 MB, or drip their answer a byte at a time — are findings within the run's timeout,
// never a crash or a hung run; the reports are written.
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMock, type BackupMock } from '../../src/mock/index.ts';
import { serve, type RunningServer } from '../../src/mock/server.ts';
import { loadBackupModel } from '../../src/model/load.ts';
import { writeReports } from '../../src/report/write.ts';
import { RESTORE_OPERATIONS, runConformance } from '../../src/runner/run.ts';
import { endpointTarget } from '../../src/targets/fetch-target.ts';

type Kind = 'reset' | 'hang' | 'not-http' | 'not-json' | 'huge' | 'drip';
const KINDS: Kind[] = ['reset', 'hang', 'not-http', 'not-json', 'huge', 'drip'];

function misbehave(kind: Kind, req: IncomingMessage, res: ServerResponse): void {
  const socket = req.socket;
  switch (kind) {
    case 'reset':
      return void socket.resetAndDestroy();
    case 'hang':
      return;
    case 'not-http':
      return void socket.end('SSH-2.0-OpenSSH_9.6\r\n\r\n\u0000\u0001garbage');
    case 'not-json':
      return void res
        .writeHead(200, { 'content-type': 'application/json', 'x-amzn-requestid': 'r' })
        .end('{"RestoreJobs": [oops');
    case 'huge': {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(64 * 2 ** 20) });
      const chunk = Buffer.alloc(2 ** 20, 0x20);
      let left = 64;
      const more = () => {
        while (left > 0 && !res.destroyed) {
          left--;
          if (!res.write(chunk)) return void res.once('drain', more);
        }
        res.end();
      };
      more();
      return;
    }
    case 'drip': {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100000' });
      const t = setInterval(() => (res.destroyed ? clearInterval(t) : res.write(' ')), 50);
      res.on('close', () => clearInterval(t));
    }
  }
}

/** A server on 127.0.0.1:0 that misbehaves on the requests `when` picks and otherwise forwards to `real`. */
async function hostile(
  when: (n: number) => Kind | undefined,
  real?: string,
): Promise<{ url: string; server: Server }> {
  let n = 0;
  const server = createServer(async (req, res) => {
    const kind = when(++n);
    if (kind) return misbehave(kind, req, res);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(
        ([k]) => !['host', 'connection', 'content-length', 'transfer-encoding'].includes(k),
      ),
    ) as Record<string, string>;
    const answer = await fetch(`${real}${req.url}`, {
      method: req.method,
      headers,
      ...(hasBody ? { body: Buffer.concat(chunks) } : {}),
    });
    const out: Record<string, string> = {};
    answer.headers.forEach((v, k) => {
      if (k !== 'content-length' && k !== 'connection') out[k] = v;
    });
    res.writeHead(answer.status, out).end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address() as { port: number };
  return { url: `http://127.0.0.1:${addr.port}`, server };
}

let mock: BackupMock;
let real: RunningServer;
const servers: Server[] = [];
beforeAll(async () => {
  mock = await createMock();
  real = await serve(mock, 0);
});
afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    s.close();
  }
  await real.close();
});

const TIMEOUT = 400;

describe('each kind of misbehaviour, on both channels', () => {
  const want: Record<Kind, RegExp> = {
    reset: /^reset$/,
    hang: /^timeout$/,
    'not-http': /^garbage$/,
    'not-json': /^garbage$/,
    huge: /^garbage$/,
    drip: /^timeout$/,
  };
  for (const kind of KINDS) {
    it(`${kind}: a failure the checks judge, within the timeout`, async () => {
      const h = await hostile(() => kind);
      servers.push(h.server);
      // a huge answer gets time enough to show that the byte cap, not the timeout, ends it
      const timeout = kind === 'huge' ? 10_000 : TIMEOUT;
      const target = endpointTarget(h.url, timeout);
      try {
        const sdk = await target.sendSdk('ListRestoreJobs', {});
        expect(sdk.failure ?? '', JSON.stringify(sdk)).toMatch(want[kind]);
        expect(sdk.ms).toBeLessThan(timeout + 2000);
        const http = await target.sendHttp({ method: 'GET', path: '/restore-jobs/', headers: {} });
        // raw HTTP: JSON that is not JSON arrives as an answer the checks read; the rest are failures
        if (kind === 'not-json') expect([http.status, http.body]).toEqual([200, '{"RestoreJobs": [oops']);
        else expect(http.failure ?? '', JSON.stringify(http)).toMatch(want[kind]);
        expect(http.ms).toBeLessThan(timeout + 2000);
        if (kind === 'huge')
          expect(`${sdk.failureDetail} ${http.failureDetail}`).toMatch(
            /exceeds 8388608 bytes.*exceeds 8388608 bytes/,
          );
      } finally {
        await target.close();
      }
    });
  }
});

describe('a run against a target that misbehaves now and then', () => {
  // one run per kind: a cell keeps a few distinct details, so kinds mixed in one run could crowd each
  // other out
  const seen: Record<string, RegExp> = { reset: /reset/, hang: /timeout/, 'not-http': /garbage/ };
  for (const [kind, finding] of Object.entries(seen)) {
    it(`${kind} now and then: the run finishes within its timeouts, a finding, the reports written`, {
      timeout: 120_000,
    }, async () => {
      const model = await loadBackupModel();
      // a hang costs a whole timeout: fewer of them keep the test short
      const every = kind === 'hang' ? 30 : 9;
      const h = await hostile((n) => (n % every === 0 ? (kind as Kind) : undefined), real.endpoint);
      servers.push(h.server);
      const target = endpointTarget(h.url, TIMEOUT);
      const t0 = performance.now();
      const r = await runConformance({
        model,
        target,
        runs: 10,
        seed: 4,
        operations: RESTORE_OPERATIONS,
        recoveryPoints: mock.store.recoveryPoints().map((p) => p.arn),
      });
      await target.close();
      const failing = r.cells.filter((c) => c.status === 'failed');
      expect(failing.map((c) => c.check)).toContain('not-a-server-error');
      const received = failing.flatMap((c) => c.details.map((d) => d.received)).join('\n');
      expect(received).toMatch(finding);
      // bounded: no request waited much beyond its timeout
      expect(performance.now() - t0).toBeLessThan(r.requests * (TIMEOUT + 100) + 30_000);
      const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
      const files = writeReports(r, dir, ['json', 'md']);
      expect(files).toHaveLength(2);
      expect(JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')).summary.failed).toBeGreaterThan(0);
    });
  }
});
