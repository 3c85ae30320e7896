// The generic stateful implementation of a resource family, by role (src/model/families.ts): create
// stores, read answers what was stored, list pages through the family's items with sealed tokens, update
// merges, delete removes, other operations answer from the item they name. The exceptions are the ones
// each operation documents (its `*NotFound*`, `*AlreadyExists*` errors); where it documents none the
// mock does what a PUT-style AWS API plausibly does: a duplicate create overwrites the attributes
// (keeping the server-set fields), a delete or read of a missing item answers as if it were there.
import type { ResourceFamily } from '../../model/families.ts';
import { parentIdsFromArn } from '../../model/families-parent.ts';
import type { Operation } from '../../model/types.ts';
import { seeded, uuidFrom } from '../random.ts';
import { isRecord, stableJson } from '../../wire/values.ts';
import { MockError } from '../store.ts';
import { place, type Env, type Impl, type Input } from './env.ts';
import { arnOf, hash, outputFrom, type View } from './output.ts';
import { filtersIn, matchersOf, pageOf, type Listed } from './pages.ts';
import { KEY_SEP, type Item } from './store.ts';

export type { Env, Impl, Input } from './env.ts';
export { pageOf, type Listed } from './pages.ts';

/** A family the mock keeps state for: items it can create and then find again, or a singleton's
 * settings it can put and read back. */
export function isStateful(f: ResourceFamily): boolean {
  if (f.kind === 'singleton') return f.update.length > 0 && f.read.length > 0;
  return f.create.length > 0 && f.read.length + f.list.length > 0;
}

const notFound = (op: Operation) => op.errors.find((e) => /NotFound/.test(e));
const conflict = (op: Operation) => op.errors.find((e) => /AlreadyExists/.test(e));
const keyOf = (ids: string[], input: Input) => ids.map((i) => String(input[i])).join(KEY_SEP);
const has = (ids: string[], input: Input) => ids.every((i) => typeof input[i] === 'string');
const viewOf = (item: Item): View => ({
  values: { ...item.attrs, ...item.ids },
  createdAt: item.createdAt,
  updatedAt: item.updatedAt,
  version: item.version,
});

/** A validated, schema-valid answer from the request alone: members it names echo back. It is the last
 * page of a listing, so a next token sent to it is one the mock never issued. */
export function stateless(env: Env, op: Operation): Impl {
  const pg = op.paginated;
  if (!pg)
    return (input) =>
      outputFrom(op, { values: input }, place(env), hash(op.name + stableJson(input), env.seed));
  // a listing of generated items: the same items for the same filters, cut into pages by MaxResults,
  // with a sealed token bound to the filters, so that the pages together are the listing
  // the documented By* filters select from the items drawn without them
  const byFilter = matchersOf(op.name);
  return (input) => {
    const { [pg.inputToken]: token, ...filters } = input;
    if (pg.limitKey) delete filters[pg.limitKey];
    const f = stableJson(filters);
    const from = token === undefined ? 0 : env.tokens.open<{ f: string; a: number }>(String(token), f).a;
    const drawnFrom = Object.fromEntries(Object.entries(filters).filter(([k]) => !byFilter.has(k)));
    const key = stableJson(drawnFrom);
    const out = outputFrom(op, { values: drawnFrom }, place(env), hash(op.name + key, env.seed));
    const drawn = Array.isArray(out[pg.resultKey]) ? (out[pg.resultKey] as Input[]) : [];
    const all = drawn.filter(filtersIn(op.name, filters));
    const size = Math.max(1, (pg.limitKey ? (input[pg.limitKey] as number | undefined) : undefined) ?? 100);
    out[pg.resultKey] = all.slice(from, from + size);
    delete out[pg.outputToken];
    if (from + size < all.length) out[pg.outputToken] = env.tokens.seal({ f, a: from + size });
    return out;
  };
}

function missing(op: Operation, what: string): MockError | undefined {
  const name = notFound(op);
  return name ? new MockError(name, `${what} was not found`) : undefined;
}

/** The generic implementation of `op` in a stateful family `f`. */
export function generic(env: Env, f: ResourceFamily, op: Operation): Impl {
  const own = f.identifier;
  const parent = f.parent ? env.families.get(f.parent) : undefined;
  const parentIds = parent && isStateful(parent) ? parent.identifiers : [];
  const tokenMembers = Object.values(op.input.members ?? {}).filter((m) => m.idempotencyToken);
  const describe = (input: Input) => `${f.name} ${f.identifiers.map((i) => String(input[i])).join('/')}`;

  // a child needs its parent, where the operation documents the not-found exception for it. Where it
  // documents none (CreateBackupSelection), the request is taken: a valid request answered with an
  // exception the operation does not list would be the mock's own invention (checks: positive-acceptance,
  // error-shape); the child is then reachable only by operations that do not check the parent either
  const needParent = (input: Input) => {
    if (!parentIds.length || !has(parentIds, input)) return;
    if (env.store.get(parent!.name, keyOf(parentIds, input))) return;
    const e = missing(op, `${parent!.name} ${parentIds.map((i) => String(input[i])).join('/')}`);
    if (e) throw e;
  };
  // a create naming its parent by ARN (overlay parentArn: a restore access vault's source vault): the
  // parent's identifiers come from that ARN; a member of the same name in the create names the new item
  const addressed = (input: Input): Input => {
    if (!f.parentArn || !parent) return input;
    const out: Input = { ...input };
    for (const i of parent.identifiers) delete out[i];
    return { ...out, ...(parentIdsFromArn(f, parent, input) ?? {}) };
  };
  const find = (input: Input): Item | undefined => {
    if (f.kind === 'singleton' || has(f.identifiers, input))
      return env.store.get(f.name, keyOf(f.identifiers, input));
    // addressed by its own identifier alone (a describe that takes no parent)
    for (const it of env.store.items(f.name)) if (own && it.ids[own] === input[own]) return it;
    return undefined;
  };
  const answer = (item: Item | undefined, input: Input) =>
    item ? outputFrom(op, viewOf(item), place(env), item.seed) : stateless(env, op)(input);
  // what reads show of the request (its idempotency token too: a CreatorRequestId reads back)
  const attrsOf = (input: Input) => {
    const attrs: Input = {};
    for (const [k, v] of Object.entries(input)) if (!f.identifiers.includes(k)) attrs[k] = v;
    return attrs;
  };
  // the one place a new item is made (a create, a singleton's first put): its server-set fields —
  // identifiers not given, version, the seed of its generated values — drawn from one sequence number
  const draw = () => seeded(hash(`${f.name}#${env.store.nextSeq()}`, env.seed));
  const newItem = (ids: Record<string, string>, input: Input, rand: () => number): Item => {
    const now = env.clock.now();
    return {
      family: f.name,
      key: keyOf(f.identifiers, ids),
      ids,
      attrs: attrsOf(input),
      seq: env.store.nextSeq(),
      createdAt: now,
      updatedAt: now,
      version: uuidFrom(rand),
      seed: Math.floor(rand() * 2 ** 32),
    };
  };
  const fingerprintOf = (input: Input) => {
    const rest = attrsOf(input);
    for (const m of tokenMembers) delete rest[m.name];
    return stableJson(rest);
  };

  const role = (['create', 'read', 'list', 'update', 'delete'] as const).find((r) => f[r].includes(op.name));
  switch (f.kind === 'singleton' && role === 'create' ? 'update' : role) {
    case 'create':
      return (input) => {
        const at = addressed(input);
        needParent(at);
        const token = tokenMembers.map((m) => input[m.name]).find((t) => typeof t === 'string') as string;
        const fingerprint = fingerprintOf(input);
        const again = token && env.store.byToken(f.name, token, fingerprint);
        const kept = again ? env.store.get(f.name, again) : undefined;
        if (kept) return answer(kept, input);
        const rand = draw();
        const ids: Record<string, string> = {};
        for (const i of f.identifiers) {
          // the name a create gives may sit one structure down
          // (TieringConfiguration.TieringConfigurationName)
          const given = at[i] ?? Object.values(input).find((v) => isRecord(v) && typeof v[i] === 'string');
          if (typeof given === 'string') ids[i] = given;
          else if (isRecord(given)) ids[i] = given[i] as string;
          else if (i === own)
            ids[i] = /Arn$/.test(i) ? arnOf(env, i.replace(/Arn$/, ''), uuidFrom(rand)) : uuidFrom(rand);
        }
        const key = keyOf(f.identifiers, ids);
        const before = env.store.get(f.name, key);
        const dup = conflict(op);
        if (before && dup) throw new MockError(dup, `${describe(ids)} already exists`, own);
        const item: Item = before
          ? { ...before, attrs: attrsOf(input), updatedAt: env.clock.now() }
          : newItem(ids, input, rand);
        env.store.put(item);
        if (token) env.store.remember(f.name, token, fingerprint, key);
        return answer(item, input);
      };
    case 'read':
      return (input) => {
        needParent(input);
        const item = find(input);
        // a top-level singleton (account settings) always exists; one set on a parent (a vault's access
        // policy) exists once put, and is not found after its delete, where the read documents that
        if (!item && (f.kind !== 'singleton' || f.parent)) {
          const e = missing(op, describe(input));
          if (e) throw e;
        }
        return answer(item, input);
      };
    case 'update':
      return (input) => {
        needParent(input);
        const item = find(input);
        if (!item && f.kind === 'singleton') {
          const ids = Object.fromEntries(f.identifiers.map((i) => [i, String(input[i])]));
          const fresh = newItem(ids, input, draw());
          env.store.put(fresh);
          return answer(fresh, input);
        }
        if (!item) {
          const e = missing(op, describe(input));
          if (e) throw e;
          return answer(undefined, input);
        }
        const next: Item = {
          ...item,
          attrs: { ...item.attrs, ...attrsOf(input) },
          updatedAt: env.clock.now(),
          version: uuidFrom(seeded(hash(`${item.version}+`, env.seed))),
        };
        env.store.put(next);
        return answer(next, input);
      };
    case 'delete':
      return (input) => {
        needParent(input);
        const item = find(input);
        if (!item) {
          const e = f.kind === 'singleton' ? undefined : missing(op, describe(input));
          if (e) throw e;
          return answer(undefined, input);
        }
        env.store.delete(f.name, item.key);
        // the children go with it, as a vault's access policy goes with the vault
        for (const child of env.families.values())
          if (child.parent === f.name) env.store.deleteUnder(child.name, item.key);
        return answer(item, input);
      };
    case 'list':
      return (input) => {
        needParent(input);
        return pageOf(env, op, input, scoped(env, f, input));
      };
    default:
      // the family's other operations answer from the item they name, which must exist; a token of a
      // paginated one is one the mock issued (none: its answers are single pages)
      return (input) => {
        const token = op.paginated && input[op.paginated.inputToken];
        if (token !== undefined && token !== false) env.tokens.open(String(token), '');
        if (!own || !(own in input)) return answer(undefined, input);
        const item = find(input);
        if (!item) {
          const e = missing(op, describe(input));
          if (e) throw e;
        }
        return answer(item, input);
      };
  }
}

function* scoped(env: Env, f: ResourceFamily, input: Input): Generator<Listed> {
  const scope = f.identifiers.filter((i) => typeof input[i] === 'string');
  for (const item of env.store.items(f.name))
    if (!scope.some((i) => item.ids[i] !== input[i]))
      yield { seq: item.seq, view: viewOf(item), seed: item.seed };
}
