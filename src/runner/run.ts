// A conformance run over every operation of the model (or those --operations names): classify each
// from the model (read or mutating) before sending anything; find and, where allowed, create what the
// operations' inputs need; run the scenario checks on that state; then the boundary and random phases
// per operation (reads first, deletes last); clean up what was created, in a finally. Every check ×
// operation ends passed, failed, skipped or inconclusive, and every operation gets a verdict.
import { ALL_CHECKS, EXCHANGE_CHECKS, resolveCheck } from '../checks/index.ts';
import { filtersOf } from '../checks/filters.ts';
import type { CheckId } from '../checks/types.ts';
import type { ResourceFamily } from '../model/families.ts';
import { resourceOf } from '../model/service-facts.ts';
import type { ServiceModel } from '../model/types.ts';
import type { Target } from '../targets/types.ts';
import { Bindings } from './bindings.ts';
import { Collector } from './collector.ts';
import { crudScenario, unknownResourceScenario } from './family-scenarios.ts';
import { stoppable, untilAborted } from './interrupt.ts';
import type { ExchangeContext } from './exchange.ts';
import { mutationSites } from '../../generators/mutations.ts';
import { boundaryPhase, randomPhase } from './phases.ts';
import { judgeHistory } from './history.ts';
import { Observations } from './observations.ts';
import { planOf, planRun, selectOperations, type OperationPlan, type RunPlan } from './plan.ts';
import { preflight } from './preflight.ts';
import { guarded } from './safety.ts';
import { tracking } from './tracking.ts';
import { cleanUp, createAll, findListed, setupCount } from './setup.ts';
import { jobScenarios } from './job-scenarios.ts';
import { listScenarios } from './list-scenarios.ts';
import type { RunEvent, RunResult } from './types.ts';
import { foldUnimplemented, operationVerdicts } from './verdicts.ts';

/** The restore-job operations the toolkit began with (kept for callers that name them). */
export const RESTORE_OPERATIONS = ['StartRestoreJob', 'ListRestoreJobs', 'DescribeRestoreJob'];

export interface RunOptions {
  model: ServiceModel;
  target: Target;
  checks?: CheckId[];
  /** the operations to cover (names; see selectOperations for --operations); default: every one */
  operations?: string[];
  /** random cases per operation, for every operation; default: DEFAULT_RUNS */
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
  /** valid mutating requests only about resources the run created (default: on the real service) */
  ownedOnly?: boolean;
}

const roleOf = (p: OperationPlan) => p.role ?? 'other';

/** Exchange checks judge every operation; a scenario check only the operations it exercises. */
function cells(plan: RunPlan): [CheckId, string][] {
  const out: [CheckId, string][] = [];
  const crudFamilies = new Set(
    plan.plans.flatMap((p) => (p.family && crudable(p.family) ? [p.family.name] : [])),
  );
  for (const p of plan.plans) {
    const op = p.op;
    for (const c of EXCHANGE_CHECKS) out.push([c.id, op.name]);
    if (op.paginated) out.push(['pagination', op.name]);
    if (op.paginated && Object.keys(filtersOf(op.name)).length) out.push(['filters', op.name]);
    if (jobFamily(p.family) && p.family!.create[0] === op.name)
      out.push(['idempotency', op.name], ['lifecycle', op.name], ['stateful', op.name]);
    if (resourceOf(op.name)) out.push(['history', op.name]);
    if (unknownApplies(p)) out.push(['unknown-resource', op.name]);
    if (
      p.family &&
      crudFamilies.has(p.family.name) &&
      ['create', 'read', 'list', 'update', 'delete'].includes(roleOf(p))
    )
      out.push(['crud', op.name]);
  }
  return out;
}

/** The random budget per operation when no `runs` is given. The operations of a job family (the restore
 * jobs: a lifecycle documented in spec/overlay/behaviour.json, the API the toolkit began deep on) keep the
 * full depth; every other operation gets a quarter of it, which keeps the default run over every
 * operation of the built-in mock near 10 s on a 2-core machine (each random case is one request, and the
 * random phase was ~85% of the requests at 100 each). `runs: N` gives every operation N: cost stays
 * linear in it. */
export const DEFAULT_RUNS = { deep: 100, other: 25 } as const;

/** A family whose items are jobs with a documented lifecycle, started with an idempotency token. */
export const jobFamily = (f: ResourceFamily | undefined): boolean =>
  !!f?.create[0] && !!resourceOf(f.create[0]) && !!f.read.length && !!f.list.length;

const crudable = (f: ResourceFamily) =>
  f.kind === 'singleton'
    ? !!f.update.length && !!f.read.length
    : !!f.create.length && !!(f.read.length || f.list.length);

const unknownApplies = (p: OperationPlan) =>
  !!p.family?.identifiers.length &&
  ['read', 'update', 'delete'].includes(roleOf(p)) &&
  p.family.identifiers.some((id) => p.op.input.members?.[id]);

const round = (o: Record<string, number>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v * 10) / 10]));

/** Reads first, deletes last: a delete's cases never remove what another operation's cases use. */
const ORDER = ['read', 'list', 'create', 'update', 'other', 'delete'];

export async function runConformance(o: RunOptions): Promise<RunResult> {
  const started = Date.now();
  const seed = o.seed ?? Math.floor(Math.random() * 2 ** 31);
  // the job scenarios' budget (they grow with it) and every operation's, unless the default applies
  const runs = o.runs ?? DEFAULT_RUNS.deep;
  const runsOf = (p: OperationPlan) =>
    o.runs ?? (jobFamily(p.family) ? DEFAULT_RUNS.deep : DEFAULT_RUNS.other);
  const checks = [...new Set((o.checks ?? ALL_CHECKS).map((c) => resolveCheck(c) ?? c))];
  const plan = planRun(o.model, o.operations ?? selectOperations(o.model, undefined));
  const readOnly = !o.target.mutationsAllowed;
  const ownedOnly = o.ownedOnly ?? o.target.name === 'aws';
  // a listing that needs no input, sent once to see that something answers
  const probe = [...plan.plans.map((p) => p.op), ...Object.values(o.model.operations)].find(
    (op) =>
      op.http?.method === 'GET' &&
      op.paginated &&
      !Object.values(op.input.members ?? {}).some((m) => m.required),
  );
  // nothing is judged of a target that cannot be reached or whose credentials do not resolve
  const { account } = o.preflight === false ? {} : await preflight(o.target, probe);
  const collector = new Collector(checks, cells(plan));
  const notes: string[] = [];
  // operations whose random phase was not run, none of their boundary requests served: what they got
  const randomSkipped = new Map<string, string>();
  const emit = o.onEvent ?? (() => {});
  const observations = new Observations();
  // every request is counted per operation, and every item a create made (set-up, scenarios and the
  // exchange phases alike, raw requests too) is kept for the clean-up
  const tracked = tracking(o.model, plan, o.target);
  const made = tracked.made;
  // the safety guard sits next to the wire: no path of the run gets past it
  const safe = guarded(tracked.target, o.model);
  const ctx: ExchangeContext = {
    model: o.model,
    target: stoppable(safe, o.signal),
    collector,
    seed,
    observations,
    onRequest: () => emit({ kind: 'case', operation: '', requests: collector.requests }),
  };
  // a fresh built-in mock holds nothing another run named: its names come from the seed alone, so one
  // seed replays the same cases; a shared target gets a per-run tag, so two runs do not collide
  const bindings = new Bindings(
    o.target.name === 'builtin' ? `s${(seed % 36 ** 3).toString(36)}` : undefined,
  );
  const cannot = new Map<string, string>();
  const restricted = new Map<string, string>();
  const rpFamily = plan.families.find(
    (f) => f.identifier && /RecoveryPoint/.test(f.name) && f.identifier.endsWith('Arn'),
  );
  for (const arn of o.recoveryPoints ?? []) if (rpFamily) bindings.add('found', rpFamily.identifier!, arn);
  const timed = async (key: string, f: () => Promise<unknown>) => {
    const t = performance.now();
    await f();
    collector.time(collector.phaseMs, key, performance.now() - t);
    if (collector.checks.includes(key as CheckId))
      collector.time(collector.checkMs, key, performance.now() - t);
  };

  const body = async (): Promise<void> => {
    emit({ kind: 'phase', phase: 'setup' });
    await timed('setup', async () => {
      await findListed(ctx, plan, bindings);
      if (readOnly) {
        for (const f of plan.families.filter((x) => x.create.length))
          for (const id of f.identifiers)
            if (!bindings.why.has(id))
              bindings.why.set(id, 'read-only run: nothing is created, and no listing showed one');
        return;
      }
      await createAll(ctx, plan, bindings, {
        count: setupCount,
        needed: neededFamilies(o.model, plan),
        ...(o.advance ? { advance: o.advance } : {}),
      });
    });
    for (const p of plan.plans) {
      const miss = bindings.missing(p);
      if (miss.length) cannot.set(p.op.name, `needs ${miss.map((m) => `${m.member}: ${m.why}`).join('; ')}`);
    }
    if (readOnly)
      notes.push(
        'read-only: mutating operations were sent only requests the validator says are invalid; ' +
          'valid ones (set-up, crud, idempotency, lifecycle, stateful) need --allow-mutations --account <id>',
      );

    // scenarios on the state set up, before any delete's cases run
    await listScenarios(ctx, plan, bindings, made, {
      collector,
      emit,
      timed,
      ...(o.advance ? { advance: o.advance } : {}),
    });
    if (collector.wants('unknown-resource'))
      await timed('unknown-resource', async () => {
        emit({ kind: 'phase', phase: 'unknown-resource' });
        for (const p of plan.plans.filter(unknownApplies)) {
          const why = await unknownResourceScenario(ctx, p, bindings, { readOnly, ownedOnly });
          if (why) collector.skip('unknown-resource', p.op.name, why);
        }
      });
    if (collector.wants('crud'))
      await timed('crud', async () => {
        emit({ kind: 'phase', phase: 'crud' });
        const fams = [
          ...new Set(plan.plans.flatMap((p) => (p.family && crudable(p.family) ? [p.family] : []))),
        ];
        for (const f of fams) {
          const creator = f.kind === 'singleton' ? f.update[0]! : f.create[0]!;
          const own = plan.plans.filter((p) => p.family === f).map((p) => p.op.name);
          if (readOnly) {
            for (const op of own)
              collector.skip(
                'crud',
                op,
                'read-only run: nothing is created (--allow-mutations --account <id>)',
              );
            continue;
          }
          const createPlan = planOf(plan, o.model.operations[creator]!);
          const r = await crudScenario(ctx, plan, f, bindings, made, { ownedOnly, createPlan });
          if (r.why) for (const op of own) collector.inconclusive('crud', op, r.why);
        }
      });

    const ordered = [...plan.plans].sort((a, b) => ORDER.indexOf(roleOf(a)) - ORDER.indexOf(roleOf(b)));
    let index = 0;
    for (const p of ordered) {
      const op = p.op;
      emit({ kind: 'operation', operation: op.name, index: ++index, total: ordered.length });
      const mutating = p.access === 'mutating';
      const invalidOnly = mutating && (readOnly || ownedOnly);
      if (invalidOnly) {
        const why = readOnly
          ? 'read-only run: only requests the validator says are invalid were sent (a mutating operation)'
          : 'only requests the validator says are invalid were sent: the run changes only what it created';
        restricted.set(op.name, mutationSites(op).length ? why : `${why}; none can be made invalid`);
      }
      const phase = {
        runs: runsOf(p),
        members: bindings.members(p, plan.identifiers, seed),
        readOnly,
        mutating,
        invalidOnly,
        fresh: bindings.fresh(p, seed),
      };
      emit({ kind: 'phase', phase: 'boundary', operation: op.name });
      let t0 = performance.now();
      const skipped = await boundaryPhase(ctx, op, phase);
      collector.time(collector.phaseMs, 'boundary', performance.now() - t0);
      if (skipped && !o.target.rawHttp)
        notes.push(
          `${op.name}: ${skipped} raw-HTTP boundary case(s) not sent ` +
            `(the ${o.target.name} target takes SDK requests only)`,
        );
      // an operation none of whose valid boundary requests was served is not implemented: random cases
      // (and shrinking each failure) would only repeat that
      const unserved = collector.unimplementedOps().get(op.name);
      if (unserved) {
        randomSkipped.set(op.name, unserved);
        continue;
      }
      emit({ kind: 'phase', phase: 'random', operation: op.name });
      t0 = performance.now();
      await randomPhase(ctx, op, phase);
      collector.time(collector.phaseMs, 'random', performance.now() - t0);
    }
    // the job scenarios last (their budget grows with --runs): jobs have no delete to fear
    await jobScenarios(ctx, plan, bindings, made, {
      readOnly,
      runs,
      emit,
      timed,
      ...(o.advance ? { advance: o.advance } : {}),
    });
    notes.push(...collector.unimplemented());
    if (o.runs === undefined) {
      const deep = plan.plans.filter((p) => runsOf(p) === DEFAULT_RUNS.deep).map((p) => p.op.name);
      if (deep.length)
        notes.push(
          `default budget: ${DEFAULT_RUNS.other} random cases per operation, ${DEFAULT_RUNS.deep} for the ` +
            `operations of a job family (${deep.join(', ')}); --runs N gives every operation N`,
        );
    }
  };
  let interrupted = false;
  try {
    interrupted = await untilAborted(body(), o.signal);
  } finally {
    // also after a failure or an interrupt: sent past the interruptible target, through the guard
    await tracked.settled();
    if (made.length) {
      const t = performance.now();
      const left = await cleanUp(guarded(o.target, o.model), made, seed);
      collector.time(collector.phaseMs, 'cleanup', performance.now() - t);
      if (left.length) notes.push(`clean-up: ${left.length} resource(s) the run created are left:`, ...left);
    }
  }
  // the history is judged over whatever was observed, also when the run was interrupted
  if (collector.wants('history')) judgeHistory(ctx, observations, new Set(plan.byName.keys()));
  if (interrupted) {
    notes.push(
      `interrupted after ${collector.requests} requests: ` +
        'the checks judged so far are reported; cells not reached are skipped',
    );
    for (const c of collector.result())
      if (c.cases === 0) collector.skip(c.check, c.operation, 'not reached: the run was interrupted');
  }
  // the verdicts first: an operation the target does not implement folds its cells into its verdict
  const operations = operationVerdicts({
    plan,
    cells: collector.result(),
    collector,
    requests: tracked.perOp,
    cannot,
    restricted,
  });
  const cellsOut = foldUnimplemented(collector.result(), operations);
  // an operation not implemented says how its requests were answered in its verdict: one note for all
  const gone = new Set(operations.filter((v) => v.verdict === 'not-implemented').map((v) => v.operation));
  for (const [op, unserved] of randomSkipped)
    if (!gone.has(op))
      notes.push(
        `${op}: random phase not run, no boundary request was answered as the operation ` + `(${unserved})`,
      );
  const quiet = [...randomSkipped.keys()].filter((op) => gone.has(op)).length;
  if (quiet) notes.push(`random phase not run for the ${quiet} operation(s) the target does not implement`);
  for (const c of cellsOut)
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
    // the budget of most operations (the default's deeper ones are in the notes)
    runs: o.runs ?? DEFAULT_RUNS.other,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    requests: collector.requests,
    cells: cellsOut,
    notes,
    ...(account ? { account } : {}),
    timings: { phases: round(collector.phaseMs), checks: round(collector.checkMs) },
    operations,
  };
  // a copy: a request in flight when the run was interrupted may still land in the collector
  return interrupted ? structuredClone(result) : result;
}

/** The families the covered operations belong to or name, with what their creates need in turn. */
function neededFamilies(model: ServiceModel, plan: RunPlan): Set<string> {
  const out = new Set<string>();
  const owner = (id: string) => plan.families.find((f) => f.identifier === id);
  const visit = (f: ResourceFamily | undefined) => {
    if (!f || out.has(f.name)) return;
    out.add(f.name);
    visit(plan.families.find((x) => x.name === f.parent));
    const create = f.create[0] ? model.operations[f.create[0]] : undefined;
    for (const id of create ? planOf(plan, create).needs : []) visit(owner(id));
  };
  for (const p of plan.plans) {
    visit(p.family);
    for (const id of p.needs) visit(owner(id));
  }
  return out;
}
