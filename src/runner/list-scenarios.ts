// Pagination and filters over every paginated operation, on the state the set-up made: a listing inside
// a parent (a plan's selections, a vault's recovery points) is scoped to one the run has, and the items
// the run created there must all be listed.
import { filtersOf } from '../checks/filters.ts';
import type { Operation } from '../model/types.ts';
import type { Bindings } from './bindings.ts';
import type { Collector } from './collector.ts';
import type { ExchangeContext } from './exchange.ts';
import { filterScenario } from './filter-scenario.ts';
import type { RunPlan } from './plan.ts';
import { paginationScenario, type ScenarioContext } from './scenarios.ts';
import type { Created } from './setup.ts';
import type { RunEvent } from './types.ts';

/** The member of a listing's items that identifies one: the family's identifier, else its ARN, else the
 * first `*Id`/`*Arn`/`*Name` member. */
export function itemIdOf(op: Operation, identifier?: string, arn?: string): string | undefined {
  const key = op.paginated?.resultKey;
  const item = Object.keys((key && op.output.members?.[key]?.shape.member?.members) || {});
  return [identifier, arn].find((x) => x && item.includes(x)) ?? item.find((m) => /(Id|Arn|Name)$/.test(m));
}

export async function listScenarios(
  ctx: ExchangeContext,
  plan: RunPlan,
  b: Bindings,
  made: Created[],
  o: {
    collector: Collector;
    emit: (e: RunEvent) => void;
    timed: (key: string, f: () => Promise<unknown>) => Promise<void>;
    advance?: (ms: number) => void;
  },
): Promise<void> {
  const c = o.collector;
  for (const p of plan.plans.filter((x) => x.op.paginated)) {
    const op = p.op;
    const f = p.family;
    const idField = itemIdOf(op, f?.identifier, f?.arn);
    const wanted = (['pagination', 'filters'] as const).filter(
      (k) => c.wants(k) && (k === 'pagination' || Object.keys(filtersOf(op.name)).length),
    );
    if (!wanted.length) continue;
    if (!idField) {
      for (const k of wanted)
        c.inconclusive(k, op.name, `${op.name}'s items carry no identifier to compare pages by`);
      continue;
    }
    const scope: Record<string, unknown> = {};
    const pg = op.paginated!;
    let missing: string | undefined;
    for (const m of Object.values(op.input.members ?? {})) {
      if (!m.required || m.name === pg.inputToken || m.name === pg.limitKey) continue;
      const v = b.values(p, m.name)[0];
      if (v === undefined)
        missing = `${op.name} needs ${m.name}: ${b.why.get(m.name) ?? 'none is known to the run'}`;
      else scope[m.name] = v;
    }
    if (missing) {
      for (const k of wanted) c.inconclusive(k, op.name, missing);
      continue;
    }
    // items the run created in this scope, which a listing must contain
    const inScope = (x: Created) => x.family === f && Object.entries(scope).every(([k, v]) => x.ids[k] === v);
    const scoped = Object.keys(scope).every((k) => f?.identifiers.includes(k));
    const known = scoped ? made.filter(inScope).map((x) => String(x.ids[idField] ?? x.output[idField])) : [];
    const sctx: ScenarioContext = {
      ...ctx,
      list: op,
      known,
      scope,
      ...(o.advance ? { advance: o.advance } : {}),
    };
    const unsure = (k: 'pagination' | 'filters') => (why: string | undefined) => {
      if (why) c.inconclusive(k, op.name, why);
    };
    if (wanted.includes('pagination')) {
      o.emit({ kind: 'phase', phase: 'pagination', operation: op.name });
      await o.timed('pagination', async () => {
        for (const size of [1, 3, 5]) unsure('pagination')(await paginationScenario(sctx, idField, size));
      });
    }
    if (wanted.includes('filters')) {
      o.emit({ kind: 'phase', phase: 'filters', operation: op.name });
      await o.timed('filters', async () => unsure('filters')(await filterScenario(sctx, idField)));
    }
  }
}
