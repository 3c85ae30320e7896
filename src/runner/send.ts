// One SDK request outside the exchange phases (set-up, scenarios, probes), counted like theirs.
import type { Observed } from '../targets/types.ts';
import type { ExchangeContext } from './exchange.ts';

type Item = Record<string, unknown>;

/** One SDK request outside the exchange phases, counted like theirs; what it shows is observed. */
export async function send(ctx: ExchangeContext, op: string, input: Item): Promise<Observed> {
  ctx.collector.requests++;
  ctx.onRequest?.();
  const o = await ctx.target.sendSdk(op, input);
  ctx.observations?.seen(op, input, o);
  return o;
}
