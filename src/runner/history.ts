// Judges everything observed in the run (the history check) once the run is over: each operation's
// cell counts the observations it contributed that were compared with an earlier one.
import { checkHistory } from '../checks/history.ts';
import { serviceFacts } from '../model/service-facts.ts';
import type { ExchangeContext } from './exchange.ts';
import type { Observations } from './observations.ts';

export function judgeHistory(ctx: ExchangeContext, observations: Observations): void {
  const t0 = performance.now();
  for (const resource of serviceFacts().resources) {
    const seen = observations.all.filter((o) => resource.operations.includes(o.operation));
    const { cases, findings } = checkHistory(seen, resource);
    for (const [op, n] of Object.entries(cases)) ctx.collector.count('history', op, n);
    for (const op of resource.operations) {
      if (!cases[op] && ctx.model.operations[op]) ctx.collector.inconclusive('history', op, `no ${resource.name} was seen twice through ${op}: nothing to compare`);
    }
    for (const f of findings) ctx.collector.fail({ ...f, provenance: 'documented', phase: 'scenario', label: 'every observation of the run', seed: ctx.seed });
  }
  ctx.collector.time(ctx.collector.checkMs, 'history', performance.now() - t0);
}
