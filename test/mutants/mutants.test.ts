// Every defective mock in the catalogue is caught by the check it declares, within the default budget.
import { afterAll, describe, expect, it } from 'vitest';
import { MUTANTS } from './index.ts';
import { runAgainst } from './harness.ts';

const rows: { id: string; check: string; caught: boolean; cases?: number; phase?: string }[] = [];

describe('the mutant catalogue', () => {
  it('holds at least 30 distinct defects, each declaring its check', () => {
    expect(MUTANTS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(MUTANTS.map((m) => m.id)).size).toBe(MUTANTS.length);
  });

  for (const m of MUTANTS) {
    it(`${m.id} is caught by ${m.caughtBy}`, async () => {
      const r = await runAgainst(m.wrap, 1, 100, { ...(m.history ? { history: m.history } : {}) });
      const hit = r.cells.filter((c) => c.check === m.caughtBy && c.status === 'failed');
      const first = hit.map((c) => c.casesToFirstFailure ?? Infinity).sort((a, b) => a - b)[0];
      rows.push({
        id: m.id,
        check: m.caughtBy,
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
        '| mutant | check | caught | cases to detection | phase |',
        '|---|---|---|---|---|',
        ...rows.map(
          (r) =>
            `| ${r.id} | ${r.check} | ${r.caught ? 'yes' : 'NO'} | ${r.cases ?? '—'} | ${r.phase ?? '—'} |`,
        ),
      ].join('\n'),
    );
  });
});
