// Judges everything observed in the run (the history check) once the run is over: each operation's
// cell counts the observations it contributed that were compared with an earlier one.
import { checkHistory } from '../checks/history.ts';
import { serviceFacts } from '../model/service-facts.ts';
import type { ExchangeContext } from './exchange.ts';
import type { Observations } from './observations.ts';

/** `covered`: the operations the run covers (others get no cell) */
export function judgeHistory(ctx: ExchangeContext, observations: Observations, covered?: Set<string>): void {
  const t0 = performance.now();
  for (const resource of serviceFacts().resources) {
    const seen = observations.all.filter((o) => resource.operations.includes(o.operation));
    const { cases, findings } = checkHistory(seen, resource);
    for (const op of resource.operations.filter((x) => !covered || covered.has(x))) {
      if (!cases[op] && ctx.model.operations[op])
        ctx.collector.inconclusive(
          'history',
          op,
          `no ${resource.name} was seen twice through ${op}: nothing to compare`,
        );
      // cases counted up to each finding, so "cases to detection" says when it was found
      let counted = 0;
      for (const { caseNo, ...f } of findings.filter((x) => x.operation === op)) {
        ctx.collector.count('history', op, caseNo - counted);
        counted = caseNo;
        ctx.collector.fail({
          ...f,
          provenance: 'documented',
          phase: 'scenario',
          label: 'every observation of the run',
          seed: ctx.seed,
        });
      }
      ctx.collector.count('history', op, (cases[op] ?? 0) - counted);
    }
  }
  ctx.collector.time(ctx.collector.checkMs, 'history', performance.now() - t0);
}
