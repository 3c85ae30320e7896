// Raw HTTP cases carry the SigV4 signature the SDK's own signer makes: verified by an independent
// implementation of the algorithm, against a fixed clock and on requests as a target really sends them;
// with moto on the machine, a signed raw list request reaches its Backup backend and an unsigned one not.
import { spawn, spawnSync } from 'node:child_process';
import { BackupClient } from '@aws-sdk/client-backup';
import { describe, expect, it } from 'vitest';
import { loadBackupModel } from '../../src/model/load.ts';
import { awsTarget } from '../../src/targets/aws.ts';
import { endpointTarget, fetchFunctionTarget } from '../../src/targets/fetch-target.ts';
import { clientSigner } from '../../src/targets/sign.ts';
import type { HttpCall } from '../../src/targets/types.ts';
import { encodeRequest } from '../../src/wire/request.ts';
import { expectedSignature, parseAuthorization } from './sigv4.ts';

const KEY = { accessKeyId: 'AKIDTESTSIGNING', secretAccessKey: 'test/secret+key' };
const client = () => new BackupClient({ region: 'eu-west-2', credentials: KEY });

const CALLS: HttpCall[] = [
  { method: 'GET', path: '/backup-vaults/?maxResults=5&nextToken=a%2Bb%20c&byShared=true', headers: {} },
  {
    method: 'PUT',
    path: '/backup-vaults/my%3Avault%2Fx',
    headers: { 'Content-Type': 'application/json', 'X-Extra': '  spaced   value ' },
    body: '{"BackupVaultTags": {"k": 1',
  },
  { method: 'DELETE', path: '/backup-plans/./a/../b', headers: {} },
];

describe('signing raw calls with the SDK signer', () => {
  it('against a fixed clock, the signature verifies with an independent SigV4 implementation', async () => {
    const sign = clientSigner(client());
    const at = new Date('2026-01-02T03:04:05Z');
    for (const call of CALLS) {
      const url = `https://backup.eu-west-2.amazonaws.com${call.path}`;
      const signed = await sign(url, call, at);
      const auth = parseAuthorization(signed.headers.authorization!);
      expect(auth).toMatchObject({
        accessKeyId: KEY.accessKeyId,
        date: '20260102',
        region: 'eu-west-2',
        service: 'backup',
      });
      expect(auth!.signedHeaders).toEqual(expect.arrayContaining(['host', 'x-amz-date']));
      expect(signed.headers['x-amz-date']).toBe('20260102T030405Z');
      const req = { method: call.method, url, headers: signed.headers, body: call.body };
      expect(expectedSignature(req, KEY.secretAccessKey)).toBe(auth!.signature);
      // a different secret, or a changed body, does not verify
      expect(expectedSignature(req, 'other')).not.toBe(auth!.signature);
      expect(expectedSignature({ ...req, body: `${call.body ?? ''} ` }, KEY.secretAccessKey)).not.toBe(
        auth!.signature,
      );
      // the same request signed again at the same instant: the same signature
      expect((await sign(url, call, at)).headers.authorization).toBe(signed.headers.authorization);
    }
  });

  it('a fetch-function target sends every raw call signed, and its answer carries no signature', async () => {
    const seen: { method: string; url: string; headers: Record<string, string>; body: string }[] = [];
    const target = fetchFunctionTarget(
      async (r) => {
        const headers: Record<string, string> = {};
        r.headers.forEach((v, k) => (headers[k] = v));
        seen.push({ method: r.method, url: r.url, headers, body: await r.text() });
        return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
      },
      { name: 'capture', origin: 'http://127.0.0.1:9', timeoutMs: 5000 },
    );
    try {
      for (const call of CALLS) {
        const observed = await target.sendHttp(call);
        expect(JSON.stringify(observed)).not.toMatch(/AWS4-HMAC-SHA256|authorization/i);
      }
      expect(seen).toHaveLength(CALLS.length);
      for (const req of seen) {
        const auth = parseAuthorization(req.headers.authorization ?? '');
        expect(auth?.service).toBe('backup');
        // the fetch-function target's fixed test credentials (fetch-target.ts)
        expect(expectedSignature(req, 'not-a-secret')).toBe(auth!.signature);
      }
      // the dot segments fetch removes are not in the signed (and sent) path
      expect(new URL(seen[2]!.url).pathname).toBe('/backup-plans/b');
    } finally {
      await target.close();
    }
  });

  it('the aws target accepts raw cases and signs them with its credentials and region', async () => {
    const got: Record<string, string>[] = [];
    const server = await listen((headers) => got.push(headers));
    const saved = { ...process.env };
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIDAWSTARGET', AWS_SECRET_ACCESS_KEY: 'aws-secret' });
    delete process.env.AWS_PROFILE;
    const target = await awsTarget({ timeoutMs: 5000, endpoint: server.url, region: 'ap-south-1' });
    try {
      expect(target.rawHttp).toBe(true);
      const o = await target.sendHttp({ method: 'GET', path: '/backup-vaults/', headers: {} });
      expect(o.status).toBe(200);
      const auth = parseAuthorization(got[0]!.authorization ?? '');
      expect(auth).toMatchObject({ accessKeyId: 'AKIDAWSTARGET', region: 'ap-south-1', service: 'backup' });
    } finally {
      process.env = saved;
      await target.close();
      server.close();
    }
  });
});

describe('the signature stays inside the target', () => {
  it('a run whose raw cases all fail: no report holds the signature or the secret', async () => {
    const model = await loadBackupModel();
    const { runConformance } = await import('../../src/runner/run.ts');
    const { REPORTERS } = await import('../../src/report/reporters.ts');
    let signedRaw = 0;
    // raw cases (no SDK user agent) are all accepted: each a finding, kept with its curl reproduction;
    // SDK cases are refused, so the findings kept are the raw ones
    const target = fetchFunctionTarget(
      async (req) => {
        if (req.headers.has('x-amz-user-agent'))
          return new Response('{"Message":"no"}', {
            status: 400,
            headers: { 'x-amzn-errortype': 'InvalidParameterValueException' },
          });
        if (req.headers.get('authorization')?.startsWith('AWS4-HMAC-SHA256')) signedRaw++;
        return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
      },
      { name: 'accepts-raw', origin: 'http://127.0.0.1:9', endpoint: 'http://127.0.0.1:9', timeoutMs: 5000 },
    );
    try {
      const r = await runConformance({
        model,
        target,
        runs: 5,
        seed: 3,
        checks: ['negative-rejection'],
        preflight: false,
      });
      const raw = r.cells.flatMap((c) => c.details).filter((d) => d.reproduce?.startsWith('curl'));
      expect(raw.length).toBeGreaterThan(0);
      expect(signedRaw).toBeGreaterThan(0);
      const all = Object.values(REPORTERS)
        .map((rep) => rep.render(r) + (rep.console?.(r) ?? ''))
        .join('\n');
      expect(all).not.toMatch(/AWS4-HMAC-SHA256|Signature=|not-a-secret|x-amz-date/i);
    } finally {
      await target.close();
    }
  });
});

async function listen(onRequest: (headers: Record<string, string>) => void) {
  const { createServer } = await import('node:http');
  const server = createServer((req, res) => {
    onRequest(req.headers as Record<string, string>);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

const HAS_MOTO = spawnSync('sh', ['-c', 'command -v moto_server']).status === 0;
if (!HAS_MOTO)
  console.warn('skipped: moto_server is not on PATH; the signed-raw-HTTP-to-moto test did not run');

describe.skipIf(!HAS_MOTO)('signed raw HTTP against moto', () => {
  it('a signed raw GET of a list operation reaches the Backup backend; unsigned, it does not', async () => {
    const model = await loadBackupModel();
    const { freePort } = await import('../package/support.ts');
    const port = await freePort();
    const moto = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
    const endpoint = `http://127.0.0.1:${port}`;
    const target = endpointTarget(endpoint, 10_000);
    try {
      for (let i = 0; i < 75; i++) {
        if (
          await fetch(`${endpoint}/moto-api/`).then(
            () => true,
            () => false,
          )
        )
          break;
        await new Promise((r) => setTimeout(r, 200));
      }
      const call = encodeRequest(model.operations.ListBackupVaults!, {});
      const signed = await target.sendHttp(call);
      expect(signed.status).toBe(200);
      expect(JSON.parse(signed.body!)).toHaveProperty('BackupVaultList');
      const unsigned = await fetch(`${endpoint}${call.path}`, { headers: call.headers });
      const text = await unsigned.text();
      expect(text).not.toMatch(/BackupVaultList/);
    } finally {
      await target.close();
      moto.kill();
    }
  });
});
