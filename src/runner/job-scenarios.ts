// The job scenarios (idempotency, lifecycle, stateful) for every family whose items are jobs with a
// documented lifecycle (spec/overlay/behaviour.json): started by its create, followed by its read and
// its listing. They need mutations; on a read-only run they are skipped with the reason.
import type { CheckId } from '../checks/types.ts';
import { resourceOf } from '../model/service-facts.ts';
import type { Bindings } from './bindings.ts';
import type { ExchangeContext } from './exchange.ts';
import { planOf, type RunPlan } from './plan.ts';
import { idempotencyScenario, lifecycleScenario, type ScenarioContext } from './scenarios.ts';
import { createInput, type Created } from './setup.ts';
import { statefulScenario } from './stateful.ts';
import type { RunEvent } from './types.ts';

export async function jobScenarios(
  ctx: ExchangeContext,
  plan: RunPlan,
  b: Bindings,
  made: Created[],
  o: {
    readOnly: boolean;
    runs: number;
    emit: (e: RunEvent) => void;
    timed: (key: string, f: () => Promise<unknown>) => Promise<void>;
    advance?: (ms: number) => void;
  },
): Promise<void> {
  const c = ctx.collector;
  for (const p of plan.plans) {
    const f = p.family;
    if (!f || f.create[0] !== p.op.name || !resourceOf(p.op.name)) continue;
    const describe = ctx.model.operations[f.read[0] ?? ''];
    const list = f.list
      .map((l) => ctx.model.operations[l]!)
      .find((l) => l.paginated && !Object.values(l.input.members ?? {}).some((m) => m.required));
    if (!describe || !list) continue;
    const start = p.op;
    const idField = f.identifier!;
    const members = b.members(planOf(plan, start), plan.identifiers);
    const missing = b.missing(p);
    const sctx: ScenarioContext = {
      ...ctx,
      list,
      known: made.filter((x) => x.family === f).map((x) => x.ids[idField]!),
      ...(o.advance ? { advance: o.advance } : {}),
    };
    const startInput = missing.length ? undefined : createInput(start, members, ctx.seed, 700, b, idField);
    const runs: [CheckId, () => Promise<string | undefined>][] = [
      ['idempotency', () => idempotencyScenario(sctx, start, startInput!, idField)],
      ['lifecycle', () => lifecycleScenario(sctx, start, describe, startInput!, idField)],
      [
        'stateful',
        () =>
          statefulScenario(sctx, { start, describe }, members, idField, Math.max(5, Math.round(o.runs / 10))),
      ],
    ];
    for (const [check, run] of runs) {
      if (!c.wants(check)) continue;
      if (o.readOnly) {
        c.skip(check, start.name, `read-only run: ${start.name} needs --allow-mutations --account <id>`);
        continue;
      }
      if (!startInput) {
        const m = missing[0]!;
        c.skip(check, start.name, `${start.name} needs ${m.member}: ${m.why}`);
        continue;
      }
      if (!b.created.get(idField)?.length) {
        c.inconclusive(check, start.name, b.why.get(idField) ?? `no ${f.name} could be started`);
        continue;
      }
      o.emit({ kind: 'phase', phase: check, operation: start.name });
      await o.timed(check, async () => {
        const why = await run();
        if (why) c.inconclusive(check, start.name, why);
      });
    }
  }
}
