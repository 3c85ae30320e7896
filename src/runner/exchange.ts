// One case: send it to the target on its channel, judge the answer with every selected exchange check,
// and record cases and failures. Returns the findings, so a property can fail on them.
import type { InvalidCase, ValidCase } from '../../generators/requests.ts';
import { EXCHANGE_CHECKS } from '../checks/index.ts';
import { errorName, type Exchange, type Finding } from '../checks/types.ts';
import { redact, redactWireBody } from '../model/redact.ts';
import type { ServiceModel } from '../model/types.ts';
import type { Target } from '../targets/types.ts';
import type { Collector } from './collector.ts';
import type { Observations } from './observations.ts';
import { cliCommand, curlCommand } from './repro.ts';
import type { FailureDetail } from './types.ts';

export interface ExchangeContext {
  model: ServiceModel;
  target: Target;
  collector: Collector;
  seed: number;
  onRequest?: () => void;
  /** every resource the answers show, for the history check */
  observations?: Observations;
}

export async function exchange(
  ctx: ExchangeContext,
  c: ValidCase | InvalidCase,
): Promise<Exchange | undefined> {
  const channel = c.mode === 'negative' ? c.channel : 'sdk';
  if (channel === 'http' && !ctx.target.rawHttp) return undefined;
  const http = c.mode === 'negative' ? c.http : undefined;
  const observed =
    channel === 'http' ? await ctx.target.sendHttp(http!) : await ctx.target.sendSdk(c.operation, c.input);
  if (channel === 'sdk') ctx.observations?.seen(c.operation, c.input, observed);
  ctx.collector.requests++;
  ctx.onRequest?.();
  return { operation: c.operation, case: c, channel, ...(http ? { http } : {}), observed };
}

/** Runs the exchange checks on one exchange, counting it where they apply. Returns the failures;
 * notes (answers a convention accepted) go straight to the collector. */
export function judge(ctx: ExchangeContext, x: Exchange): Finding[] {
  const findings: Finding[] = [];
  for (const check of EXCHANGE_CHECKS) {
    if (!ctx.collector.wants(check.id) || !check.applies(x)) continue;
    ctx.collector.count(check.id, x.operation);
    const t0 = performance.now();
    for (const f of check.run(x, ctx.model)) {
      if (!f.note) findings.push(f);
      else
        ctx.collector.note(f.check, f.operation, {
          received: f.received,
          documented: f.documented,
          provenance: f.provenance ?? 'convention',
          ...(x.case.mode === 'negative' ? { label: x.case.mutation } : {}),
        });
    }
    ctx.collector.time(ctx.collector.checkMs, check.id, performance.now() - t0);
  }
  return findings;
}

/** Records an exchange's findings: each failing check counts the case once; every distinct finding is
 * kept as a detail. Also tallies how cases were answered, to tell "not implemented". */
export function record(
  ctx: ExchangeContext,
  x: Exchange,
  findings: Finding[],
  phase: FailureDetail['phase'],
  extra: { label?: string; path?: string } = {},
): void {
  const counted = new Set<string>();
  for (const f of findings) {
    ctx.collector.fail(detail(ctx, x, f, phase, extra), !counted.has(f.check));
    counted.add(f.check);
  }
  // valid or not, an answer as the operation (a 2xx, an exception it documents) shows it is served
  ctx.collector.answered(x.operation, x.observed, ctx.model.operations[x.operation]?.errors);
}

export function detail(
  ctx: ExchangeContext,
  x: Exchange,
  f: Finding,
  phase: FailureDetail['phase'],
  extra: { label?: string; path?: string } = {},
): FailureDetail {
  const op = ctx.model.operations[x.operation]!;
  const o = x.observed;
  const request =
    x.channel === 'http'
      ? { http: { ...x.http!, body: redactWireBody(op.input, x.http!.body) } }
      : redact(op.input, x.case.input);
  const reproduce =
    x.channel === 'http'
      ? ctx.target.endpoint
        ? curlCommand({ ...x.http!, body: redactWireBody(op.input, x.http!.body) }, ctx.target.endpoint)
        : undefined
      : cliCommand(x.operation, request, ctx.target.endpoint);
  return {
    check: f.check,
    operation: f.operation,
    phase,
    mode: x.case.mode,
    ...(extra.label ? { label: extra.label } : {}),
    received: f.received,
    documented: f.documented,
    provenance: f.provenance ?? 'documented',
    request,
    response: {
      ...(o.status !== undefined ? { status: o.status } : {}),
      ...(errorName(o) ? { errorType: errorName(o) } : {}),
      ...(o.body !== undefined
        ? {
            body:
              (o.status ?? 0) < 300
                ? redactWireBody(op.output, o.body)?.slice(0, 2000)
                : o.body.slice(0, 2000),
          }
        : {}),
      ...(o.failure ? { failure: `${o.failure}${o.failureDetail ? `: ${o.failureDetail}` : ''}` } : {}),
    },
    seed: ctx.seed,
    ...(extra.path ? { path: extra.path } : {}),
    ...(reproduce ? { reproduce } : {}),
  };
}
