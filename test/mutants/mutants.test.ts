// Every defective mock in the catalogue is caught by the check it declares, within the default budget.
import { afterAll, describe, expect, it } from 'vitest';
import { MUTANTS } from './index.ts';
import { RESTORE_OPERATIONS } from '../../src/runner/run.ts';
import type { RunResult } from '../../src/runner/types.ts';
import { runAgainst } from './harness.ts';

// The faithful mock's run over the same operations: a cell it already fails proves nothing about a
// mutant, so a mutant is caught only by a cell of its check that the faithful run does not fail.
const faithful = new Map<string, Promise<RunResult>>();
const faithfulRun = (ops: string[]) => {
  const key = ops.join(',');
  if (!faithful.has(key))
    faithful.set(
      key,
      runAgainst((inner) => inner, 1, 100, { operations: ops }),
    );
  return faithful.get(key)!;
};

interface Row {
  id: string;
  check: string;
  operation?: string;
  caught: boolean;
  cases?: number;
  phase?: string;
}
const rows: Row[] = [];

describe('the mutant catalogue', () => {
  it('holds at least 50 distinct defects, each declaring its check', () => {
    expect(MUTANTS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(MUTANTS.map((m) => m.id)).size).toBe(MUTANTS.length);
  });

  it('holds at least 15 defects outside restore jobs, over at least 8 families of operations', () => {
    const outside = MUTANTS.filter((m) => m.operations?.every((o) => !RESTORE_OPERATIONS.includes(o)));
    expect(outside.length).toBeGreaterThanOrEqual(15);
    expect(new Set(outside.map((m) => m.operations!.join())).size).toBeGreaterThanOrEqual(8);
  });

  for (const m of MUTANTS) {
    it(`${m.id} is caught by ${m.caughtBy}`, async () => {
      const operations = m.operations ?? RESTORE_OPERATIONS;
      const r = await runAgainst(m.wrap, 1, 100, {
        operations,
        ...(m.history ? { history: m.history } : {}),
      });
      const base = await faithfulRun(operations);
      const alreadyFailed = new Set(
        base.cells.filter((c) => c.status === 'failed').map((c) => `${c.check} ${c.operation}`),
      );
      const hit = r.cells.filter(
        (c) =>
          c.check === m.caughtBy && c.status === 'failed' && !alreadyFailed.has(`${c.check} ${c.operation}`),
      );
      const first = hit.map((c) => c.casesToFirstFailure ?? Infinity).sort((a, b) => a - b)[0];
      rows.push({
        id: m.id,
        check: m.caughtBy,
        ...(hit[0] ? { operation: hit[0].operation } : {}),
        caught: hit.length > 0,
        ...(first !== undefined ? { cases: first } : {}),
        ...(hit[0]?.details[0] ? { phase: hit[0].details[0].phase } : {}),
      });
      expect(hit.length, `${m.description}: ${m.caughtBy} did not fail`).toBeGreaterThan(0);
    });
  }

  afterAll(() => {
    const caught = rows.filter((r) => r.caught);
    const cases = caught.map((r) => r.cases!).sort((a, b) => a - b);
    const median = cases[Math.floor(cases.length / 2)];
    console.log(
      [
        `mutation score: ${caught.length}/${rows.length} ` +
          `(${((100 * caught.length) / rows.length).toFixed(0)}%), median cases to detection: ${median}`,
        '| mutant | check | operation | caught | cases to detection | phase |',
        '|---|---|---|---|---|---|',
        ...rows.map(
          (r) =>
            `| ${r.id} | ${r.check} | ${r.operation ?? '—'} | ${r.caught ? 'yes' : 'NO'} ` +
            `| ${r.cases ?? '—'} | ${r.phase ?? '—'} |`,
        ),
      ].join('\n'),
    );
  });
});
