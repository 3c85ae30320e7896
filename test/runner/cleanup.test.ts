// With mutations allowed, the run creates only what it names itself, never changes what it did not
// create, and deletes what it created in reverse order in a finally — also when it is interrupted.
// The target is a tiny vault service (create, describe, list, delete) that records every request.
import { describe, expect, it } from 'vitest';
import { loadBackupModel } from '../../src/model/load.ts';
import { runConformance } from '../../src/runner/run.ts';
import { fetchFunctionTarget } from '../../src/targets/fetch-target.ts';

const json = (status: number, body: unknown, type?: string) =>
  new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/json',
      'x-amzn-requestid': 'r',
      ...(type ? { 'x-amzn-errortype': type } : {}),
    },
  });

function vaultService(onCreate?: (n: number) => void) {
  const vaults = new Map<string, { BackupVaultName: string; BackupVaultArn: string; CreationDate: number }>();
  vaults.set('their-vault', {
    BackupVaultName: 'their-vault',
    BackupVaultArn: 'arn:x:their-vault',
    CreationDate: 1,
  });
  const writes: string[] = [];
  const created: string[] = [];
  const deleted: string[] = [];
  const fetch = async (q: Request): Promise<Response> => {
    const url = new URL(q.url);
    const m = /^\/backup-vaults\/([^/]+)$/.exec(url.pathname);
    const name = m ? decodeURIComponent(m[1]!) : undefined;
    if (q.method !== 'GET') writes.push(`${q.method} ${name ?? url.pathname}`);
    if (url.pathname.replace(/\/$/, '') === '/backup-vaults' && q.method === 'GET')
      return json(200, { BackupVaultList: [...vaults.values()] });
    if (!name) return json(404, { Code: 'UnknownOperationException' }, 'UnknownOperationException');
    if (q.method === 'PUT') {
      if (!/^[a-zA-Z0-9\-_]{2,50}$/.test(name))
        return json(400, { Code: 'InvalidParameterValueException' }, 'InvalidParameterValueException');
      if (vaults.has(name)) return json(400, { Code: 'AlreadyExistsException' }, 'AlreadyExistsException');
      // the ARN in its documented format (the crud check matches it with the name created)
      const arn = `arn:aws:backup:us-east-1:123456789012:backup-vault:${name}`;
      const v = { BackupVaultName: name, BackupVaultArn: arn, CreationDate: 2 };
      vaults.set(name, v);
      created.push(name);
      onCreate?.(created.length);
      return json(200, v);
    }
    const v = vaults.get(name);
    if (!v) return json(400, { Code: 'ResourceNotFoundException' }, 'ResourceNotFoundException');
    if (q.method === 'DELETE') {
      vaults.delete(name);
      deleted.push(name);
      return json(200, {});
    }
    return json(200, v);
  };
  return { fetch, vaults, writes, created, deleted };
}

const OPS = ['CreateBackupVault', 'DescribeBackupVault', 'ListBackupVaults', 'DeleteBackupVault'];

describe('with mutations allowed', () => {
  for (const ownedOnly of [false, true]) {
    const title =
      'creates only what it names, never touches what it did not create ' + `(ownedOnly: ${ownedOnly})`;
    it(title, async () => {
      const model = await loadBackupModel();
      const svc = vaultService();
      const target = fetchFunctionTarget(svc.fetch, {
        name: 'vaults',
        origin: 'https://backup.us-east-1.amazonaws.com',
        timeoutMs: 2000,
      });
      const r = await runConformance({ model, target, runs: 20, seed: 8, operations: OPS, ownedOnly });
      expect(svc.created.length).toBeGreaterThan(0);
      for (const n of svc.created) expect(n).toMatch(/^conformance[-_]8[-_]/);
      expect(svc.writes.filter((w) => w.includes('their-vault'))).toEqual([]);
      expect(svc.vaults.has('their-vault')).toBe(true);
      // everything created is gone again
      expect([...svc.vaults.keys()]).toEqual(['their-vault']);
      const crud = r.cells.filter((c) => c.check === 'crud');
      expect(crud.map((c) => c.status)).toEqual(crud.map(() => 'passed'));
      expect(
        r.cells.find((c) => c.check === 'unknown-resource' && c.operation === 'DeleteBackupVault')!.status,
      ).toBe('passed');
    }, 60_000);
  }

  it('an interrupted run still deletes what it created, last first', async () => {
    const model = await loadBackupModel();
    const stop = new AbortController();
    const svc = vaultService((n) => n === 4 && stop.abort());
    const target = fetchFunctionTarget(svc.fetch, {
      name: 'vaults',
      origin: 'https://backup.us-east-1.amazonaws.com',
      timeoutMs: 2000,
    });
    const r = await runConformance({
      model,
      target,
      runs: 20,
      seed: 9,
      operations: OPS,
      signal: stop.signal,
    });
    expect(r.notes.join('\n')).toMatch(/interrupted/);
    expect(svc.created.length).toBeGreaterThanOrEqual(3);
    expect([...svc.vaults.keys()]).toEqual(['their-vault']);
    // reverse order of creation
    expect(svc.deleted).toEqual([...svc.created].reverse().filter((n) => svc.deleted.includes(n)));
  }, 60_000);

  it('what could not be deleted is listed in the notes', async () => {
    const model = await loadBackupModel();
    const svc = vaultService();
    const stubborn = async (q: Request) =>
      q.method === 'DELETE'
        ? json(400, { Code: 'InvalidRequestException' }, 'InvalidRequestException')
        : svc.fetch(q);
    const target = fetchFunctionTarget(stubborn, {
      name: 'vaults',
      origin: 'https://backup.us-east-1.amazonaws.com',
      timeoutMs: 2000,
    });
    const r = await runConformance({ model, target, runs: 5, seed: 10, operations: OPS });
    const notes = r.notes.join('\n');
    expect(notes).toMatch(/clean-up: \d+ resource\(s\) the run created are left/);
    expect(notes).toMatch(
      /BackupVault .*conformance-10-.*DeleteBackupVault answered HTTP 400 InvalidRequestException/,
    );
  }, 60_000);
});
