// Safety first: on a target without mutations allowed, no request that could pass validation leaves the
// process for a mutating operation — proved over EVERY operation of the model, at the wire (a recording
// fetch under the target sees SDK and raw requests alike), against an oracle composed here from the
// wire decoder and the validator.
import { describe, expect, it } from 'vitest';
import { mutationSites } from '../../generators/mutations.ts';
import { createMock } from '../../src/mock/index.ts';
import { loadBackupModel } from '../../src/model/load.ts';
import { validatorFor } from '../../src/model/validate.ts';
import { planRun, selectOperations } from '../../src/runner/plan.ts';
import { runConformance } from '../../src/runner/run.ts';
import { guarded, SafetyError } from '../../src/runner/safety.ts';
import { fetchFunctionTarget } from '../../src/targets/fetch-target.ts';
import type { Target } from '../../src/targets/types.ts';
import { decodeRequest, encodeRequest, matchPath } from '../../src/wire/request.ts';

const ORIGIN = 'https://backup.us-east-1.amazonaws.com';

interface Sent {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

describe('a read-only run over every operation', () => {
  it('sends a mutating operation only requests the validator says are invalid (SDK and raw)', async () => {
    const model = await loadBackupModel();
    const mock = await createMock({ model });
    const sent: Sent[] = [];
    const recording = async (q: Request): Promise<Response> => {
      const body = await q.clone().text();
      sent.push({ method: q.method, url: new URL(q.url), headers: new Headers(q.headers), body });
      return mock.fetch(q);
    };
    const target = fetchFunctionTarget(recording, {
      name: 'recording',
      origin: ORIGIN,
      timeoutMs: 5000,
      mutationsAllowed: false,
    });
    const r = await runConformance({
      model,
      target,
      runs: 5,
      seed: 21,
      recoveryPoints: mock.store.recoveryPoints().map((p) => p.arn),
    });
    await target.close();
    const ops = Object.values(model.operations).filter((op) => op.http);
    expect(r.operations!.map((v) => v.operation).sort()).toEqual(ops.map((op) => op.name).sort());
    const validator = validatorFor(model);
    const counts = new Map<string, number>();
    const leaks: string[] = [];
    for (const s of sent) {
      const reachable = ops.filter(
        (op) => op.http!.method === s.method && matchPath(op, s.url.pathname) !== undefined,
      );
      for (const op of reachable) counts.set(op.name, (counts.get(op.name) ?? 0) + 1);
      if (s.method === 'GET') continue;
      // a non-GET request that matches no operation could still be routed somewhere: a leak too
      if (!reachable.length) leaks.push(`${s.method} ${s.url.pathname} reaches no operation`);
      for (const op of reachable) {
        const { input, problems } = decodeRequest(op, s.url, s.headers, s.body);
        if (!problems.length && validator.input(op, input).length === 0)
          leaks.push(`${op.name}: a valid request was sent: ${s.method} ${s.url.pathname} ${s.body}`);
      }
    }
    expect(leaks).toEqual([]);
    // mutating operations were exercised with invalid requests; one none of whose requests could be
    // sent is 'not-sent' with the reason, never a failure
    const plan = planRun(model, selectOperations(model, undefined));
    const mutating = plan.plans.filter((p) => p.access === 'mutating');
    expect(mutating.length).toBeGreaterThan(40);
    let exercised = 0;
    for (const p of mutating) {
      const verdict = r.operations!.find((v) => v.operation === p.op.name)!;
      expect(verdict.access).toBe('mutating');
      if ((counts.get(p.op.name) ?? 0) > 0) exercised++;
      else {
        expect(verdict.verdict, p.op.name).toBe('not-sent');
        expect(verdict.reason).toMatch(/read-only/);
      }
      if (!mutationSites(p.op).length) expect(verdict.verdict, p.op.name).toBe('not-sent');
    }
    expect(exercised).toBeGreaterThan(mutating.length / 2);
    // and reads were sent valid requests
    for (const p of plan.plans.filter((x) => x.access === 'read'))
      expect(counts.get(p.op.name) ?? 0, p.op.name).toBeGreaterThan(0);
  }, 120_000);

  it('every operation is classified before anything is sent: read iff HTTP GET', async () => {
    const model = await loadBackupModel();
    const plan = planRun(model, selectOperations(model, 'all'));
    for (const p of plan.plans) expect(p.access).toBe(p.op.http!.method === 'GET' ? 'read' : 'mutating');
    expect(plan.plans.find((p) => p.op.name === 'UpdateRegionSettings')!.access).toBe('mutating');
  });
});

describe('the guard at the target', () => {
  const fake = (): Target & { calls: string[] } => {
    const calls: string[] = [];
    const ok = async () => ({ status: 200, headers: {}, body: '{}', output: {}, ms: 0 });
    return {
      name: 'aws',
      mutationsAllowed: false,
      rawHttp: true,
      calls,
      sendSdk: (op) => {
        calls.push(op);
        return ok();
      },
      sendHttp: (c) => {
        calls.push(`${c.method} ${c.path}`);
        return ok();
      },
      close: async () => {},
    };
  };

  it('refuses a valid mutating request on both channels, lets invalid ones and reads through', async () => {
    const model = await loadBackupModel();
    const inner = fake();
    const t = guarded(inner, model);
    const valid = { BackupVaultName: 'conformance-1-x' };
    await expect(t.sendSdk('DeleteBackupVault', valid)).rejects.toThrow(SafetyError);
    const raw = encodeRequest(model.operations.DeleteBackupVault!, valid);
    await expect(t.sendHttp(raw)).rejects.toThrow(SafetyError);
    await expect(t.sendHttp({ ...raw, path: '/no/such/route' })).rejects.toThrow(SafetyError);
    expect(inner.calls).toEqual([]);
    await t.sendSdk('DeleteBackupVault', {});
    await t.sendSdk('ListBackupVaults', {});
    const bad = encodeRequest(model.operations.CreateBackupVault!, { BackupVaultName: 'v1' });
    await t.sendHttp({ ...bad, body: '{' });
    expect(inner.calls).toHaveLength(3);
  });

  it('is not in the way when mutations are allowed', async () => {
    const model = await loadBackupModel();
    const inner = { ...fake(), mutationsAllowed: true };
    expect(guarded(inner, model)).toBe(inner);
  });
});
