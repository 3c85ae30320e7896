// A conformance run: set up data where allowed, the boundary then random phases per operation, then
// the scenarios; every check × operation ends passed, failed or skipped (with the reason).
import fc from 'fast-check';
import { ALL_CHECKS, EXCHANGE_CHECKS } from '../checks/index.ts';
import { describeAnswer, type CheckId } from '../checks/types.ts';
import { resourceOf } from '../model/service-facts.ts';
import type { Operation, ServiceModel } from '../model/types.ts';
import type { Target } from '../targets/types.ts';
import { Collector } from './collector.ts';
import { stoppable, untilAborted } from './interrupt.ts';
import type { ExchangeContext } from './exchange.ts';
import { boundaryPhase, randomPhase } from './phases.ts';
import { judgeHistory } from './history.ts';
import { Observations } from './observations.ts';
import { preflight } from './preflight.ts';
import { filterScenario } from './filter-scenario.ts';
import {
  idempotencyScenario,
  lifecycleScenario,
  paginationScenario,
  send,
  type ScenarioContext,
} from './scenarios.ts';
import { statefulScenario } from './stateful.ts';
import type { RunEvent, RunResult } from './types.ts';

export const RESTORE_OPERATIONS = ['StartRestoreJob', 'ListRestoreJobs', 'DescribeRestoreJob'];

export interface RunOptions {
  model: ServiceModel;
  target: Target;
  checks?: CheckId[];
  runs?: number;
  seed?: number;
  /** recovery point ARNs the target has */
  recoveryPoints?: string[];
  /** false: no pre-flight (the caller has checked the target) */
  preflight?: boolean;
  /** advances the target's clock (the built-in mock's), so lifecycles can be followed quickly */
  advance?: (ms: number) => void;
  onEvent?: (e: RunEvent) => void;
  /** stops the run (SIGINT): the result is what was judged so far, and its notes say so */
  signal?: AbortSignal;
}

const SEED_JOBS = 12;

/** Exchange checks judge every operation; a scenario check only the operations it exercises. */
function cells(ops: Operation[]): [CheckId, string][] {
  const out: [CheckId, string][] = [];
  for (const op of ops) {
    for (const c of EXCHANGE_CHECKS) out.push([c.id, op.name]);
    if (op.paginated) out.push(['pagination', op.name], ['filters', op.name]);
    if (Object.values(op.input.members ?? {}).some((m) => m.idempotencyToken))
      out.push(['idempotency', op.name], ['lifecycle', op.name], ['stateful', op.name]);
    if (resourceOf(op.name)) out.push(['history', op.name]);
  }
  return out;
}

const round = (o: Record<string, number>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v * 10) / 10]));

export async function runConformance(o: RunOptions): Promise<RunResult> {
  const started = Date.now();
  const seed = o.seed ?? Math.floor(Math.random() * 2 ** 31);
  const runs = o.runs ?? 100;
  const checks = o.checks ?? ALL_CHECKS;
  const ops = RESTORE_OPERATIONS.map((n) => o.model.operations[n]!).filter(Boolean);
  const [start, list, describe] = ['StartRestoreJob', 'ListRestoreJobs', 'DescribeRestoreJob'].map(
    (n) => o.model.operations[n]!,
  );
  // nothing is judged of a target that cannot be reached or whose credentials do not resolve
  const { account } = o.preflight === false ? {} : await preflight(o.target, list);
  const collector = new Collector(checks, cells(ops));
  const notes: string[] = [];
  const emit = o.onEvent ?? (() => {});
  const observations = new Observations();
  const ctx: ExchangeContext = {
    model: o.model,
    target: stoppable(o.target, o.signal),
    collector,
    seed,
    observations,
    onRequest: () => emit({ kind: 'case', operation: '', requests: collector.requests }),
  };
  const readOnly = !o.target.mutationsAllowed;
  const rp = o.recoveryPoints?.length ? fc.constantFrom(...o.recoveryPoints) : undefined;
  const body = async (): Promise<void> => {
    // set-up: jobs to list, describe and page through
    const jobIds: string[] = [];
    const setupStart = performance.now();
    /** recovery points the target started a job from; why none could be started */
    const usable = new Set<string>();
    let cannotStart: string | undefined;
    if (!readOnly && start && rp) {
      emit({ kind: 'phase', phase: 'setup' });
      const refused = new Map<string, number>();
      for (const arn of fc.sample(rp, { seed, numRuns: SEED_JOBS })) {
        const out = await send(ctx, start.name, { RecoveryPointArn: arn, Metadata: {} });
        if (typeof out.output?.RestoreJobId === 'string') {
          jobIds.push(out.output.RestoreJobId);
          usable.add(arn);
        } else refused.set(describeAnswer(out), (refused.get(describeAnswer(out)) ?? 0) + 1);
        // spread over time, so the set-up holds jobs in every state (PENDING, RUNNING and terminal)
        o.advance?.(45_000);
      }
      if (!jobIds.length) {
        const answers = [...refused].map(([a, n]) => `${n}× ${a}`).join(', ');
        cannotStart =
          `no job could be started: ${start.name} from the ${o.recoveryPoints!.length} recovery point(s) ` +
          `given answered ${answers}` +
          ' (pass --recovery-point <arn> with one the target has)';
        notes.push(`set-up: ${cannotStart}; listings may be empty`);
      }
    }
    collector.time(collector.phaseMs, 'setup', performance.now() - setupStart);
    if (readOnly && start)
      collector.skip(
        'history',
        start.name,
        'read-only run: no job is started, so none is seen twice through StartRestoreJob',
      );
    if (readOnly)
      notes.push(
        'read-only: StartRestoreJob was sent only with requests certain to fail validation; ' +
          'idempotency, lifecycle and stateful need --allow-mutations --account <id>',
      );
    // jobs are started from recovery points the target knows, once some are known
    const known = usable.size ? fc.constantFrom(...usable) : rp;
    const members = {
      ...(known ? { RecoveryPointArn: known } : {}),
      ...(jobIds.length ? { RestoreJobId: fc.constantFrom(...jobIds) } : {}),
    };

    for (const op of ops) {
      const phase = { runs, members, readOnly, mutating: op === start };
      emit({ kind: 'phase', phase: 'boundary', operation: op.name });
      let t0 = performance.now();
      const skipped = await boundaryPhase(ctx, op, phase);
      collector.time(collector.phaseMs, 'boundary', performance.now() - t0);
      if (skipped && !o.target.rawHttp)
        notes.push(
          `${op.name}: ${skipped} raw-HTTP boundary case(s) not sent ` +
            `(the ${o.target.name} target takes SDK requests only)`,
        );
      emit({ kind: 'phase', phase: 'random', operation: op.name });
      t0 = performance.now();
      await randomPhase(ctx, op, phase);
      collector.time(collector.phaseMs, 'random', performance.now() - t0);
    }

    notes.push(...collector.unimplemented());

    if (list?.paginated) {
      const sctx: ScenarioContext = {
        ...ctx,
        list,
        known: jobIds,
        ...(o.advance ? { advance: o.advance } : {}),
      };
      const idField = 'RestoreJobId';
      const timed = async (check: CheckId, f: () => Promise<unknown>) => {
        emit({ kind: 'phase', phase: check });
        const t = performance.now();
        await f();
        collector.time(collector.phaseMs, check, performance.now() - t);
        collector.time(collector.checkMs, check, performance.now() - t);
      };
      const unsure = (check: CheckId, op: string) => (why: string | undefined) => {
        if (why) collector.inconclusive(check, op, why);
      };
      if (collector.wants('pagination')) {
        await timed('pagination', async () => {
          for (const size of [1, 3, 5])
            unsure('pagination', list.name)(await paginationScenario(sctx, idField, size));
        });
      }
      if (collector.wants('filters')) {
        await timed('filters', async () => unsure('filters', list.name)(await filterScenario(sctx, idField)));
      }
      const startInput = known
        ? {
            RecoveryPointArn: fc.sample(known, { seed, numRuns: 1 })[0]!,
            Metadata: { 'conformance-run': String(seed) },
          }
        : undefined;
      for (const [check, run] of [
        ['idempotency', () => idempotencyScenario(sctx, start!, startInput!, idField)],
        ['lifecycle', () => lifecycleScenario(sctx, start!, describe!, startInput!, idField)],
        [
          'stateful',
          () =>
            statefulScenario(
              sctx,
              { start: start!, describe: describe! },
              members,
              idField,
              Math.max(5, Math.round(runs / 10)),
            ),
        ],
      ] as const) {
        if (!collector.wants(check)) continue;
        if (readOnly) {
          collector.skip(
            check,
            start!.name,
            'read-only run: starting jobs needs --allow-mutations --account <id>',
          );
          continue;
        }
        if (!startInput) {
          collector.skip(
            check,
            start!.name,
            'no recovery point of the target is known (--recovery-point <arn>)',
          );
          continue;
        }
        if (cannotStart) {
          collector.inconclusive(check, start!.name, cannotStart);
          continue;
        }
        await timed(check, async () => unsure(check, start!.name)(await run()));
      }
    }
  };
  const interrupted = await untilAborted(body(), o.signal);
  // the history is judged over whatever was observed, also when the run was interrupted
  if (collector.wants('history')) judgeHistory(ctx, observations);
  if (interrupted) {
    notes.push(
      `interrupted after ${collector.requests} requests: ` +
        'the checks judged so far are reported; cells not reached are skipped',
    );
    for (const c of collector.result())
      if (c.cases === 0) collector.skip(c.check, c.operation, 'not reached: the run was interrupted');
  }
  for (const c of collector.result())
    if (c.status === 'failed')
      emit({
        kind: 'finding',
        check: c.check,
        operation: c.operation,
        received: c.details[0]?.received ?? '',
      });

  const result: RunResult = {
    tool: 'aws-backup-conformance',
    version: '0.1.0',
    target: o.target.name,
    seed,
    runs,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    requests: collector.requests,
    cells: collector.result(),
    notes,
    ...(account ? { account } : {}),
    timings: { phases: round(collector.phaseMs), checks: round(collector.checkMs) },
  };
  // a copy: a request in flight when the run was interrupted may still land in the collector
  return interrupted ? structuredClone(result) : result;
}
