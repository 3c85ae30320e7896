// The family scenarios: unknown-resource (a read, update or delete of a well-formed identifier that
// does not exist) and crud (create → read → list → update → read → delete → read → list, on an item
// the run creates and names itself). The IO lives here; the judging in src/checks.
import fc from 'fast-check';
import { validInput } from '../../generators/requests.ts';
import { valueFor } from '../../generators/values.ts';
import { SCENARIO } from '../checks/index.ts';
import type { CrudRecord } from '../checks/crud.ts';
import { describeAnswer } from '../checks/types.ts';
import type { ResourceFamily } from '../model/families.ts';
import type { Operation } from '../model/types.ts';
import { expectationFor } from '../model/validate.ts';
import type { Bindings } from './bindings.ts';
import type { ExchangeContext } from './exchange.ts';
import { isOwnName, nameAndBind, ownName } from './naming.ts';
import type { OperationPlan, RunPlan } from './plan.ts';
import { record } from './scenarios.ts';
import { send } from './send.ts';
import { createInput, type Created } from './setup.ts';
import { arnRecord, deletionMarks, duplicateCreate, nestedReads } from './crud-steps.ts';
import { addressOf } from '../model/families-parent.ts';

type Item = Record<string, unknown>;

/** A valid request addressing `ids`: required members drawn, the rest left out, names the run's own. */
export function requestFor(op: Operation, ids: Record<string, unknown>, seed: number, tag: string): Item {
  const members = Object.fromEntries(Object.entries(ids).map(([k, v]) => [k, fc.constant(v)]));
  const drawn = fc.sample(validInput(op, { members }), { seed, numRuns: 1 })[0]!;
  const out: Item = {};
  for (const m of Object.values(op.input.members ?? {})) {
    if (ids[m.name] !== undefined) out[m.name] = ids[m.name];
    else if (m.required && drawn[m.name] !== undefined)
      out[m.name] = nameAndBind(m.shape, drawn[m.name], { seed, tag, bound: {} }, m);
  }
  return out;
}

/** Answers why it could not judge (or undefined once judged). `mayChange`: the request may be sent as a
 * valid mutating one (mutations allowed; on a real account only where every identifier is the run's). */
export async function unknownResourceScenario(
  ctx: ExchangeContext,
  p: OperationPlan,
  b: Bindings,
  o: { readOnly: boolean; ownedOnly: boolean },
): Promise<string | undefined> {
  const f = p.family!;
  const absent: Record<string, string> = {};
  for (const id of f.identifiers) {
    const shape = p.op.input.members?.[id]?.shape;
    if (!shape) continue;
    absent[id] =
      ownName(shape, ctx.seed, `${b.runTag}-absent-${ctx.collector.requests}`) ??
      String(fc.sample(valueFor(shape), { seed: ctx.seed + id.length, numRuns: 1 })[0]);
  }
  if (!Object.keys(absent).length) return `${p.op.name} takes none of ${f.name}'s identifiers`;
  if (p.access === 'mutating' && o.readOnly)
    return 'read-only run: a valid mutating request is never sent (--allow-mutations --account <id>)';
  if (p.access === 'mutating' && o.ownedOnly && !Object.values(absent).every((v) => isOwnName(v, ctx.seed)))
    return (
      'the identifier cannot be one the run names itself, ' +
      `so ${p.op.name} might change a resource it did not create`
    );
  const others = b.members(p, new Set());
  const drawn = fc.sample(validInput(p.op, { members: others }), { seed: ctx.seed, numRuns: 1 })[0]!;
  const input: Item = {};
  for (const m of Object.values(p.op.input.members ?? {}))
    if (m.required || absent[m.name]) input[m.name] = absent[m.name] ?? drawn[m.name];
  const observed = await send(ctx, p.op.name, input);
  ctx.collector.count('unknown-resource', p.op.name);
  ctx.collector.answered(p.op.name, observed, p.op.errors);
  const { error, provenance } = expectationFor('unknown-resource', p.op);
  record(
    ctx,
    SCENARIO['unknown-resource'].judge({
      operation: p.op.name,
      identifiers: absent,
      observed,
      expected: { error, provenance },
    }),
    'an identifier that does not exist',
  );
  return undefined;
}

async function listIds(
  ctx: ExchangeContext,
  op: Operation,
  f: ResourceFamily,
  scope: Item,
): Promise<string[] | string> {
  const p = op.paginated;
  const ids: string[] = [];
  let token: string | undefined;
  for (let page = 0; page < 50; page++) {
    const o = await send(ctx, op.name, { ...scope, ...(token && p ? { [p.inputToken]: token } : {}) });
    if (!o.output) return `${op.name} answered ${describeAnswer(o)}`;
    for (const it of (o.output[f.resultKeys[op.name]!] as Item[] | undefined) ?? [])
      ids.push(String(it[f.identifier!]));
    token =
      p && typeof o.output[p.outputToken] === 'string' ? (o.output[p.outputToken] as string) : undefined;
    if (!token) break;
  }
  return ids;
}

/** create → read → list → update → read → delete → read → list. Answers why when nothing could be
 * judged. `made`: what the scenario created, for the clean-up. */
export async function crudScenario(
  ctx: ExchangeContext,
  plan: RunPlan,
  f: ResourceFamily,
  b: Bindings,
  made: Created[],
  o: { ownedOnly: boolean; createPlan: OperationPlan },
): Promise<{ why?: string; operations: string[] }> {
  const singleton = f.kind === 'singleton';
  const creator = ctx.model.operations[singleton ? f.update[0]! : f.create[0]!]!;
  const p = o.createPlan;
  const miss = b.missing(p);
  if (miss.length)
    return {
      why: `${creator.name} needs ${miss.map((m) => `${m.member} (${m.why})`).join(', ')}`,
      operations: [creator.name],
    };
  if (singleton && !f.identifiers.length && o.ownedOnly)
    return {
      why: `${f.name} is the account's own: the run changes only what it created`,
      operations: [creator.name],
    };
  const input = singleton
    ? requestFor(
        creator,
        Object.fromEntries(f.identifiers.map((i) => [i, b.created.get(i)![0]])),
        ctx.seed,
        `${b.runTag}-crud`,
      )
    : createInput(creator, b.members(p, plan.identifiers), ctx.seed, 900, b, f.identifier);
  const created = await send(ctx, creator.name, input);
  const id = singleton ? JSON.stringify(input) : (created.output?.[f.identifier!] ?? input[f.identifier!]);
  if (!created.output || typeof id !== 'string')
    return { why: `${creator.name} answered ${describeAnswer(created)}`, operations: [creator.name] };
  // an item whose parent the create does not name cannot be addressed from what the run sent; a create
  // naming it by ARN (the overlay's parentArn: RestoreAccessBackupVault) is read by the ARN's format
  const ids = addressOf(
    f,
    plan.families.find((x) => x.name === f.parent),
    input,
    id,
  );
  const unnamed = f.identifiers.filter((m) => ids[m] === undefined);
  if (unnamed.length)
    return {
      why: `${creator.name} does not name ${unnamed.join(', ')}, which address the item it created`,
      operations: [creator.name],
    };
  // a created item is tracked by the run's target; a singleton's put is not a create
  if (singleton) made.push({ family: f, ids, input, output: created.output, via: creator.name });
  const read = (after: 'create' | 'update' | 'delete') =>
    Promise.all(
      f.read.map(async (r) => ({
        operation: r,
        after,
        observed: await send(ctx, r, requestFor(ctx.model.operations[r]!, ids, ctx.seed, `${b.runTag}-crud`)),
      })),
    );
  const listable = f.list.filter((l) =>
    Object.values(ctx.model.operations[l]!.input.members ?? {}).every((m) => !m.required || ids[m.name]),
  );
  const list = (after: 'create' | 'delete') =>
    Promise.all(
      listable.map(async (l) => {
        const scope = Object.fromEntries(
          Object.keys(ctx.model.operations[l]!.input.members ?? {})
            .filter((m) => ids[m] && m !== f.identifier)
            .map((m) => [m, ids[m]]),
        );
        return { operation: l, after, ids: await listIds(ctx, ctx.model.operations[l]!, f, scope) };
      }),
    );
  const rec: CrudRecord = {
    family: f.name,
    id: singleton ? '' : id,
    create: { operation: creator.name, input },
    reads: await read('create'),
    listings: singleton ? [] : await list('create'),
    gone: Object.fromEntries(
      f.read.map((r) => [r, expectationFor('unknown-resource', ctx.model.operations[r])]),
    ),
    skip: Object.values(creator.input.members ?? {})
      .filter((m) => m.shape.sensitive || m.idempotencyToken)
      .map((m) => m.name),
    nested: nestedReads(ctx.model, f),
    deletion: deletionMarks(ctx.model, f),
  };
  // a second create of the same name, judged where the create documents the conflict (crud-extras.ts)
  const dup = singleton ? undefined : await duplicateCreate(ctx, creator, f, input, id);
  if (dup && typeof dup !== 'string') rec.duplicate = dup;
  const upd = singleton ? undefined : f.update[0];
  if (upd) {
    const uin = requestFor(ctx.model.operations[upd]!, ids, ctx.seed + 1, `${b.runTag}-crud-updated`);
    rec.update = { operation: upd, input: uin, observed: await send(ctx, upd, uin) };
    rec.reads.push(...(await read('update')));
  }
  const del = f.delete[0];
  if (del) {
    rec.delete = {
      operation: del,
      observed: await send(
        ctx,
        del,
        requestFor(ctx.model.operations[del]!, ids, ctx.seed, `${b.runTag}-crud`),
      ),
    };
    rec.reads.push(...(await read('delete')));
    if (!singleton) rec.listings.push(...(await list('delete')));
  }
  const answers = [
    { operation: creator.name, observed: created },
    ...rec.reads
      .filter((r) => r.after !== 'delete')
      .map((r) => ({ ...r, nested: rec.nested?.[r.operation] })),
  ];
  const arns = singleton ? undefined : arnRecord(f, ids, answers);
  if (arns) rec.arns = arns;
  const involved = [
    creator.name,
    ...rec.reads.map((r) => r.operation),
    ...rec.listings.map((l) => l.operation),
    ...(upd ? [upd] : []),
    ...(del ? [del] : []),
  ];
  for (const op of new Set(involved)) ctx.collector.count('crud', op);
  record(ctx, SCENARIO.crud.judge(rec), `${f.name}: create, read, list, update, delete`);
  return { operations: [...new Set(involved)] };
}
