// Every operation of the model against the mock: a valid generated request is answered 2xx with an
// output valid against the operation's output schema, or with one of the exceptions the operation
// documents (a not-found for the unknown vault a random request names); never UnknownOperation, never
// a 5xx. (exchange-checks.test.ts runs the six exchange checks on every operation.)
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { validRequest } from '../../generators/index.ts';
import { createMock, ManualClock } from '../../src/mock/index.ts';
import { loadBackupModel } from '../../src/model/load.ts';
import type { ServiceModel } from '../../src/model/types.ts';
import { validatorFor } from '../../src/model/validate.ts';
import { builtinTarget } from '../../src/targets/select.ts';

const SEEDS = 20;
let model: ServiceModel;
beforeAll(async () => {
  model = await loadBackupModel();
});

const freshTarget = async (seed: number) =>
  builtinTarget(await createMock({ model, seed, clock: new ManualClock(Date.UTC(2026, 0, 1)) }), 5_000);

describe('every operation of the model', () => {
  it(`a valid request: 2xx, a schema-valid output or a documented exception (${SEEDS} seeds)`, async () => {
    const problems: string[] = [];
    // the arbitraries are built once per operation (building them costs more than drawing)
    const ops = Object.values(model.operations);
    const valid = ops.map((op, k) => fc.sample(validRequest(model, op.name), { seed: k, numRuns: SEEDS }));
    for (let seed = 1; seed <= SEEDS; seed++) {
      const target = await freshTarget(seed);
      for (const [k, op] of ops.entries()) {
        // a seed per operation: one seed draws the same vault name for both of the family's creates
        const c = valid[k]![seed - 1];
        const o = await target.sendSdk(op.name, c!.input);
        const at = `seed ${seed} ${op.name}`;
        if (o.status === undefined || o.status >= 500) problems.push(`${at}: ${o.status} ${o.body}`);
        else if (o.error) {
          if (!op.errors.includes(o.error.name)) problems.push(`${at}: undocumented ${o.error.name}`);
        } else {
          const wire = JSON.parse(o.body || '{}') as Record<string, unknown>;
          const v = validatorFor(model).output(op, o.output && stripMeta(o.output));
          if (v.length)
            problems.push(`${at}: output ${v[0]!.message} in ${JSON.stringify(wire).slice(0, 200)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  }, 180_000);
});

function stripMeta(o: Record<string, unknown>): Record<string, unknown> {
  const { $metadata: _, ...rest } = o;
  return rest;
}
