// Every stateful resource family (derived from the model, none named here) through the SDK: fast-check
// command sequences of create, read, list, update, delete and duplicate create against the mock, checked
// against a model of what should exist: what was created reads and lists with its values and an ARN that
// embeds its identifier; an update is seen; what was deleted is gone (a read and a second delete answer
// the documented not-found); a duplicate create answers the documented conflict.
import * as sdk from '@aws-sdk/client-backup';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { validRequest } from '../../generators/index.ts';
import { mockClientConfig } from '../../src/mock/client-config.ts';
import { createMock, ManualClock } from '../../src/mock/index.ts';
import { isStateful } from '../../src/mock/resources/generic.ts';
import { FAMILY_IMPLS } from '../../src/mock/resources/registry.ts';
import { deriveFamilies, type ResourceFamily } from '../../src/model/families.ts';
import { loadBackupModel } from '../../src/model/load.ts';
import type { ServiceModel } from '../../src/model/types.ts';

type Rec = Record<string, unknown>;
type Answer = { ok: true; out: Rec } | { ok: false; name: string };
interface Real {
  client: sdk.BackupClient;
  parent: Rec;
}
interface Item {
  id: string;
  create: Rec;
  /** top-level strings an update set */
  updated: Rec;
  gone: boolean;
}
interface Model {
  items: Item[];
}

const model: ServiceModel = await loadBackupModel();
const families = deriveFamilies(model).families.filter(
  (f) =>
    f.kind === 'collection' && isStateful(f) && f.create.length && f.read.length && !FAMILY_IMPLS[f.name],
);

async function call(client: sdk.BackupClient, name: string, input: Rec): Promise<Answer> {
  const Command = (sdk as unknown as Record<string, new (i: Rec) => never>)[`${name}Command`]!;
  try {
    const { $metadata: _, ...out } = (await client.send(new Command(input))) as unknown as Rec;
    return { ok: true, out };
  } catch (e) {
    return { ok: false, name: (e as Error).name };
  }
}

const inputs = (op: string) => validRequest(model, op).map((c) => c.input);
const documented = (op: string, pattern: RegExp) => model.operations[op]!.errors.find((e) => pattern.test(e));
/** a value the SDK drew for the request (an idempotency token the input left out): not known to the model */
const DRAWN_BY_SDK = Symbol('drawn by the SDK');
const tokenMembers = (op: string) =>
  Object.values(model.operations[op]!.input.members ?? {})
    .filter((m) => m.idempotencyToken)
    .map((m) => m.name);
const strings = (r: Rec) => Object.entries(r).filter(([, v]) => typeof v === 'string') as [string, string][];

function suite(f: ResourceFamily) {
  const own = f.identifier!;
  const create = f.create[0]!;
  const read = f.read[0]!;
  const notFound = (op: string) => documented(op, /NotFound/);
  const parentIds = f.identifiers.filter((i) => i !== own);
  const address = (r: Real, it: Item, base: Rec) => ({ ...base, ...r.parent, [own]: it.id });
  const pickItem = (m: Model, i: number) => m.items[i % m.items.length]!;
  // what a read or a listing shows of the item: its identifier, ARN and the strings it was sent
  const agrees = (out: Rec, it: Item, where: string) => {
    if (out[own] !== undefined) expect(out[own], `${where} ${own}`).toBe(it.id);
    if (f.arn && typeof out[f.arn] === 'string') expect(out[f.arn], `${where} ${f.arn}`).toContain(it.id);
    for (const [k, v] of [...strings(it.create), ...strings(it.updated)]) {
      const want = it.updated[k] ?? v;
      if (typeof out[k] === 'string' && k !== own && want !== DRAWN_BY_SDK)
        expect(out[k], `${where} ${k}`).toBe(want);
    }
  };

  const cmds: fc.Arbitrary<fc.AsyncCommand<Model, Real>>[] = [
    inputs(create).map((input) => ({
      check: () => true,
      async run(m, r) {
        const sent = { ...input, ...r.parent };
        const a = await call(r.client, create, sent);
        if (!a.ok) {
          expect(model.operations[create]!.errors, `${create} answered ${a.name}`).toContain(a.name);
          if (/AlreadyExists/.test(a.name))
            expect(m.items.some((it) => !it.gone && it.id === sent[own])).toBe(true);
          return;
        }
        const id = (a.out[own] ?? sent[own]) as string;
        expect(typeof id, `${create} answers ${own}`).toBe('string');
        const at = m.items.findIndex((it) => it.id === id);
        if (at >= 0) m.items.splice(at, 1); // recreated (no conflict documented): a fresh item
        m.items.push({ id, create: sent, updated: {}, gone: false });
      },
      toString: () => `${create}`,
    })),
    fc.tuple(fc.nat(), inputs(read)).map(([i, base]) => ({
      check: (m) => m.items.length > 0,
      async run(m, r) {
        const it = pickItem(m, i);
        const a = await call(r.client, read, address(r, it, base));
        if (it.gone) {
          const nf = notFound(read);
          if (nf) expect(a.ok ? 'ok' : a.name, `${read} after delete`).toBe(nf);
        } else if (!a.ok) throw new Error(`${read} of ${it.id}: ${a.name}`);
        else agrees(a.out, it, read);
      },
      toString: () => `${read}(#${i})`,
    })),
  ];
  for (const list of f.list.slice(0, 1)) {
    const op = model.operations[list]!;
    const pg = op.paginated;
    const required = Object.values(op.input.members ?? {}).filter((m) => m.required);
    cmds.push(
      inputs(list).map((base) => ({
        check: () => true,
        async run(m, r) {
          const input: Rec = Object.fromEntries(required.map((x) => [x.name, base[x.name]]));
          Object.assign(input, r.parent);
          if (pg?.limitKey) input[pg.limitKey] = 2; // small pages: the tokens are walked
          const seen: string[] = [];
          for (let page = 0; page < 100; page++) {
            const a = await call(r.client, list, input);
            if (!a.ok) throw new Error(`${list}: ${a.name}`);
            const items = (a.out[f.resultKeys[list]!] ?? []) as Rec[];
            for (const x of items) {
              seen.push(x[own] as string);
              const it = m.items.find((y) => y.id === x[own] && !y.gone);
              if (it) agrees(x, it, list);
            }
            const next = pg && a.out[pg.outputToken];
            if (!next) break;
            input[pg.inputToken] = next;
          }
          expect([...seen].sort()).toEqual(
            m.items
              .filter((it) => !it.gone)
              .map((it) => it.id)
              .sort(),
          );
        },
        toString: () => list,
      })),
    );
  }
  for (const update of f.update.slice(0, 1))
    cmds.push(
      fc.tuple(fc.nat(), inputs(update)).map(([i, base]) => ({
        check: (m) => m.items.length > 0,
        async run(m, r) {
          const it = pickItem(m, i);
          const sent = address(r, it, base);
          const a = await call(r.client, update, sent);
          if (it.gone) {
            const nf = notFound(update);
            if (nf) expect(a.ok ? 'ok' : a.name, `${update} after delete`).toBe(nf);
            return;
          }
          if (!a.ok) throw new Error(`${update} of ${it.id}: ${a.name}`);
          for (const [k, v] of strings(sent)) if (!f.identifiers.includes(k)) it.updated[k] = v;
          // a token the input left out is one the SDK drew, and the mock keeps what it was sent (seed
          // 2028582170: CreateFramework with a token, UpdateFramework without, DescribeFramework)
          for (const t of tokenMembers(update)) if (typeof sent[t] !== 'string') it.updated[t] = DRAWN_BY_SDK;
        },
        toString: () => `${update}(#${i})`,
      })),
    );
  for (const del of f.delete.slice(0, 1))
    cmds.push(
      fc.tuple(fc.nat(), inputs(del)).map(([i, base]) => ({
        check: (m) => m.items.length > 0,
        async run(m, r) {
          const it = pickItem(m, i);
          const a = await call(r.client, del, address(r, it, base));
          if (it.gone) {
            const nf = notFound(del);
            if (nf) expect(a.ok ? 'ok' : a.name, `second ${del}`).toBe(nf);
          } else if (!a.ok) throw new Error(`${del} of ${it.id}: ${a.name}`);
          else it.gone = true;
        },
        toString: () => `${del}(#${i})`,
      })),
    );
  const conflict = documented(create, /AlreadyExists/);
  const tokens = tokenMembers(create);
  if (conflict && model.operations[create]!.input.members?.[own])
    cmds.push(
      fc.nat().map((i) => ({
        check: (m) => m.items.some((it) => !it.gone),
        async run(m, r) {
          const live = m.items.filter((it) => !it.gone);
          const it = live[i % live.length]!;
          // a new request (no idempotency token: the SDK draws a fresh one) for an identifier in use
          const again = { ...it.create };
          for (const t of tokens) delete again[t];
          const a = await call(r.client, create, again);
          expect(a.ok ? 'ok' : a.name, `duplicate ${create}`).toBe(conflict);
        },
        toString: () => `duplicate ${create}(#${i})`,
      })),
    );

  const parent = parentIds.length ? families.find((p) => p.name === f.parent) : undefined;
  const parentInput: fc.Arbitrary<Rec> = parent ? inputs(parent.create[0]!) : fc.constant({});
  return fc.asyncProperty(parentInput, fc.commands(cmds, { maxCommands: 12 }), async (pin, commands) => {
    const mock = await createMock({ model, clock: new ManualClock(Date.UTC(2026, 0, 1)) });
    const client = new sdk.BackupClient(mockClientConfig(mock, { maxAttempts: 1 }));
    const ids: Rec = {};
    if (parent) {
      const a = await call(client, parent.create[0]!, pin);
      if (!a.ok) throw new Error(`parent ${parent.create[0]}: ${a.name}`);
      for (const p of parentIds) ids[p] = a.out[p] ?? pin[p];
    }
    await fc.asyncModelRun(() => ({ model: { items: [] }, real: { client, parent: ids } }), commands);
  });
}

describe('every stateful family: create, read, list, update, delete as fast-check commands', () => {
  beforeAll(() => expect(families.length).toBeGreaterThan(5));
  it.each(families.map((f) => [f.name, f] as const))('%s', async (_, f) => {
    await fc.assert(suite(f), { numRuns: 15 });
  });
});
