// The six exchange checks (src/checks EXCHANGE_CHECKS) on every operation of the model against the
// mock, as the runner judges an exchange (src/runner/exchange.ts): a valid and an invalid generated
// request per operation and seed; no finding but notes (answers a convention accepts).
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { invalidRequest, validRequest } from '../../generators/index.ts';
import { mutationSites } from '../../generators/mutations.ts';
import { EXCHANGE_CHECKS, type Exchange } from '../../src/checks/index.ts';
import { createMock, ManualClock } from '../../src/mock/index.ts';
import { loadBackupModel } from '../../src/model/load.ts';
import type { ServiceModel } from '../../src/model/types.ts';
import { builtinTarget } from '../../src/targets/select.ts';

const SEEDS = 20;
let model: ServiceModel;
beforeAll(async () => {
  model = await loadBackupModel();
});

const freshTarget = async (seed: number) =>
  builtinTarget(await createMock({ model, seed, clock: new ManualClock(Date.UTC(2026, 0, 1)) }), 5_000);

describe('the exchange checks on every operation', () => {
  it(`the six pass on every operation, valid and invalid requests (${SEEDS} seeds)`, async () => {
    expect(EXCHANGE_CHECKS).toHaveLength(6);
    const findings: string[] = [];
    const applied = new Map<string, number>();
    // the arbitraries are built once per operation (building them costs more than drawing)
    const ops = Object.values(model.operations);
    const valid = ops.map((op, k) => fc.sample(validRequest(model, op.name), { seed: k, numRuns: SEEDS }));
    // an operation with no member that can be made invalid (only state can fail it) has no invalid case
    const invalid = ops.map((op, k) =>
      mutationSites(op).length ? fc.sample(invalidRequest(model, op.name), { seed: k, numRuns: SEEDS }) : [],
    );
    for (let seed = 1; seed <= SEEDS; seed++) {
      const target = await freshTarget(seed);
      for (const [k, op] of ops.entries()) {
        for (const c of [valid[k]![seed - 1]!, ...(invalid[k]?.slice(seed - 1, seed) ?? [])]) {
          const channel = c.mode === 'negative' ? c.channel : 'sdk';
          const http = c.mode === 'negative' ? c.http : undefined;
          const observed =
            channel === 'http' ? await target.sendHttp(http!) : await target.sendSdk(op.name, c.input);
          const x: Exchange = { operation: op.name, case: c, channel, observed, ...(http ? { http } : {}) };
          for (const check of EXCHANGE_CHECKS) {
            if (!check.applies(x)) continue;
            applied.set(check.id, (applied.get(check.id) ?? 0) + 1);
            for (const f of check.run(x, model))
              if (!f.note) findings.push(`seed ${seed} ${op.name} ${c.mode} ${f.check}: ${f.received}`);
          }
        }
      }
    }
    expect(findings).toEqual([]);
    // every check judged something: a check that never applies proves nothing
    for (const check of EXCHANGE_CHECKS) expect(applied.get(check.id) ?? 0, check.id).toBeGreaterThan(0);
  }, 180_000);
});
