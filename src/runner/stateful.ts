// Stateful sequences with fast-check's model-based commands: start / list / describe interleaved at
// random, each answer compared with a model of the jobs this run started.
import fc from 'fast-check';
import { validInput, type RequestOptions } from '../../generators/requests.ts';
import type { Operation } from '../model/types.ts';
import { send as sendOne, type ScenarioContext } from './scenarios.ts';

interface Model {
  started: string[];
}
interface Real {
  failures: string[];
}

type Item = Record<string, unknown>;

export async function statefulScenario(
  ctx: ScenarioContext,
  ops: { start: Operation; describe: Operation },
  members: RequestOptions['members'],
  idField: string,
  sequences: number,
): Promise<undefined> {
  const p = ctx.list.paginated!;
  class Start implements fc.AsyncCommand<Model, Real> {
    constructor(readonly input: Item) {}
    check = () => true;
    async run(m: Model, r: Real) {
      const o = await sendOne(ctx, ops.start.name, this.input);
      const id = o.output?.[idField];
      if (typeof id !== 'string') {
        r.failures.push(`${ops.start.name} answered ${o.status ?? o.failure} without ${idField}`);
        return;
      }
      m.started.push(id);
    }
    toString = () => `start(${String(this.input.RecoveryPointArn ?? '')})`;
  }
  class Describe implements fc.AsyncCommand<Model, Real> {
    constructor(readonly pick: number) {}
    check = (m: Readonly<Model>) => m.started.length > 0;
    async run(m: Model, r: Real) {
      const id = m.started[this.pick % m.started.length]!;
      const o = await sendOne(ctx, ops.describe.name, { [idField]: id });
      if (o.output?.[idField] !== id)
        r.failures.push(`${ops.describe.name}(${id}) answered ${String(o.output?.[idField] ?? o.status)}`);
    }
    toString = () => `describe(#${this.pick})`;
  }
  class List implements fc.AsyncCommand<Model, Real> {
    check = () => true;
    async run(m: Model, r: Real) {
      const seen = new Set<string>();
      let token: string | undefined;
      let pages = 0;
      do {
        const o = await sendOne(ctx, ctx.list.name, {
          ...(p.limitKey ? { [p.limitKey]: 1000 } : {}),
          ...(token ? { [p.inputToken]: token } : {}),
        });
        for (const i of (o.output?.[p.resultKey] as Item[] | undefined) ?? []) seen.add(String(i[idField]));
        token = o.output?.[p.outputToken] as string | undefined;
      } while (token && ++pages < 50);
      const missing = m.started.filter((id) => !seen.has(id));
      if (missing.length)
        r.failures.push(`${ctx.list.name} lacks ${missing.length} started job(s), e.g. ${missing[0]}`);
    }
    toString = () => 'list()';
  }
  const commands = [
    validInput(ops.start, { members }).map((i) => new Start(i) as fc.AsyncCommand<Model, Real>),
    fc.nat(20).map((n) => new Describe(n) as fc.AsyncCommand<Model, Real>),
    fc.constant(new List() as fc.AsyncCommand<Model, Real>),
  ];
  const result = await fc.check(
    fc.asyncProperty(fc.commands(commands, { maxCommands: 8 }), async (cmds) => {
      const real: Real = { failures: [] };
      await fc.asyncModelRun(() => ({ model: { started: [] }, real }), cmds);
      if (real.failures.length) throw new Error(real.failures.join('; '));
    }),
    { numRuns: sequences, seed: ctx.seed },
  );
  ctx.collector.count('stateful', ops.start.name, result.numRuns);
  if (result.failed) {
    const error =
      result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
    ctx.collector.fail({
      check: 'stateful',
      operation: ops.start.name,
      phase: 'scenario',
      label: String(result.counterexample?.[0] ?? ''),
      received: error,
      documented: 'answers that agree with the jobs this run started',
      provenance: 'documented',
      seed: ctx.seed,
      ...(result.counterexamplePath ? { path: result.counterexamplePath } : {}),
    });
  }
}
