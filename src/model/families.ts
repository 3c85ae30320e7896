// Resource families, derived from the model's own bindings rather than listed by hand: a family is an
// item path ending in its identifier's label (`/things/{ThingName}`) with a collection beside it
// (`/things`). GET on the collection with a list result lists, PUT/POST there creates; on the item GET
// reads, DELETE deletes, POST/PUT updates (a PUT is the create where the collection has none: Smithy's
// `put` lifecycle). Lists elsewhere join the family whose collection they name and whose identifier
// their items carry; a path with several methods and no identifier of its own is a singleton; any other
// operation below an item path is one of that family's `other` operations. What the bindings do not
// show (a job started at a singular path) the overlay states, with its source, as `resourceFacts`.
// Knows no operation of any service by name.
import {
  endsInLabel,
  isLabel,
  itemMembers,
  labels,
  lastLiteral,
  listResultKey,
  literals,
  method,
  outputs,
  pascal,
  pathOf,
  segs,
  stem,
  up,
  writes,
  yields,
} from './family-paths.ts';
import type { ResourceFact, Role } from './overlay-resources.ts';
import type { Operation, ServiceModel } from './types.ts';

export interface FamilyCorrection {
  operation: string;
  role: Role;
  source: string;
  note?: string;
}

export interface ResourceFamily {
  name: string;
  kind: 'collection' | 'singleton';
  /** the item path (ends with the identifier's label) or, for a singleton, its own path */
  path: string;
  /** the member naming one item; absent for a singleton */
  identifier?: string;
  /** every label needed to address one item: the parents' identifiers, then its own */
  identifiers: string[];
  parent?: string;
  /** the output member carrying the item's ARN, where the identifier is not the ARN itself */
  arn?: string;
  create: string[];
  read: string[];
  list: string[];
  update: string[];
  delete: string[];
  other: string[];
  /** list operation → the output member holding a page's items */
  resultKeys: Record<string, string>;
  /** operations whose output yields the identifier without needing it as input */
  yieldedBy: string[];
  /** the overlay's corrections, with their sources */
  corrections: FamilyCorrection[];
  /** the create's input member naming the parent by its ARN (the parent's identifiers are read from it
   * by the ARN's documented format), where the path names the parent by name */
  parentArn?: string;
}

export interface Families {
  families: ResourceFamily[];
  /** operations with an HTTP binding that belong to no family */
  unassigned: string[];
  /** overlay facts naming a family the derivation does not produce (index into resourceFacts) */
  unknownFacts: number[];
}

type Draft = Omit<ResourceFamily, 'name' | 'parent'> & { coll: string };
type Roles = Pick<ResourceFamily, 'create' | 'read' | 'list' | 'update' | 'delete' | 'other'>;

function draft(path: string, kind: ResourceFamily['kind'], coll: string): Draft {
  const ids = labels(path);
  return {
    kind,
    path,
    coll,
    identifiers: ids,
    ...(kind === 'collection' ? { identifier: ids.at(-1)! } : {}),
    create: [],
    read: [],
    list: [],
    update: [],
    delete: [],
    other: [],
    resultKeys: {},
    yieldedBy: [],
    corrections: [],
  };
}

function addList(d: Draft, o: Operation): void {
  d.list.push(o.name);
  d.resultKeys[o.name] = listResultKey(o)!;
}

export function deriveFamilies(model: ServiceModel): Families {
  const ops = Object.values(model.operations)
    .filter((o) => o.http)
    .sort((a, b) => a.name.localeCompare(b.name));
  const facts = model.resourceFacts ?? [];
  const free = new Set(ops.filter((o) => !facts.some((f) => f.operation === o.name)));
  const at = new Map<string, Operation[]>();
  for (const o of free) push(at, pathOf(o), o);

  // Item paths: every path ending in a label, and every label-ending prefix of one.
  const items = new Set<string>();
  for (const p of at.keys()) {
    segs(p).forEach(
      (s, i) =>
        isLabel(s) &&
        items.add(
          `/${segs(p)
            .slice(0, i + 1)
            .join('/')}`,
        ),
    );
  }
  const byColl = new Map<string, Draft[]>();
  for (const item of [...items].sort()) push(byColl, up(item), draft(item, 'collection', up(item)));

  const drafts: Draft[] = [];
  const take = (o: Operation) => free.delete(o);
  for (const [coll, ds] of byColl) {
    // Which item path owns a collection operation: the one whose identifier its result carries.
    const owner = (carried: string[]) =>
      ds.find((d) => carried.includes(d.identifier!)) ?? (ds.length === 1 ? ds[0] : undefined);
    for (const o of at.get(coll) ?? []) {
      if (method(o) === 'GET' && listResultKey(o)) {
        const d = owner(itemMembers(o));
        if (d) {
          addList(d, o);
          take(o);
        }
      } else if (writes(o)) {
        const d = owner(outputs(o));
        if (d) {
          d.create.push(o.name);
          take(o);
        }
      }
    }
    for (const d of ds) {
      const onItem = at.get(d.path) ?? [];
      const isFamily = d.list.length || d.create.length || onItem.some((o) => method(o) === 'PUT');
      if (!isFamily) continue;
      for (const o of onItem) {
        const m = method(o);
        if (m === 'GET') d.read.push(o.name);
        else if (m === 'DELETE') d.delete.push(o.name);
        else if (m === 'PUT' && !d.create.length) d.create.push(o.name);
        else d.update.push(o.name);
        take(o);
      }
      drafts.push(d);
    }
  }
  const stated = ops.filter((o) => facts.some((f) => f.operation === o.name));
  attachElsewhere(drafts, [...free], stated, take);
  const families = finish(drafts, ops, facts);
  const named = new Set(families.map((f) => f.name));
  const unknownFacts = facts.flatMap((f, i) => (named.has(f.family) ? [] : [i]));
  const assigned = new Set(families.flatMap(members));
  const unassigned = ops.filter((o) => !assigned.has(o.name)).map((o) => o.name);
  return { families, unassigned, unknownFacts };
}

function push<T>(m: Map<string, T[]>, key: string, v: T): void {
  m.set(key, [...(m.get(key) ?? []), v]);
}

/** Lists and creates on another path that name a family's collection; singletons; other operations. */
function attachElsewhere(
  drafts: Draft[],
  rest: Operation[],
  stated: Operation[],
  take: (o: Operation) => void,
): void {
  for (const o of rest) {
    const p = pathOf(o);
    if (endsInLabel(p)) continue;
    const named = drafts.filter((d) => d.kind === 'collection' && lastLiteral(d.coll) === lastLiteral(p));
    const carried = method(o) === 'GET' && listResultKey(o) ? itemMembers(o) : writes(o) ? outputs(o) : [];
    const d = named.filter((x) => carried.includes(x.identifier!));
    if (d.length !== 1) continue;
    if (method(o) === 'GET') addList(d[0]!, o);
    else d[0]!.create.push(o.name);
    take(o);
  }
  const left = rest.filter((o) => !drafts.some((d) => members(d).includes(o.name)));
  const byPath = new Map<string, Operation[]>();
  for (const o of left) push(byPath, pathOf(o), o);
  for (const [p, os] of byPath) {
    // an operation the overlay places still shows that its path holds something with several methods
    const methods = new Set([...os, ...stated.filter((o) => pathOf(o) === p)].map(method));
    if (methods.size < 2 || endsInLabel(p)) continue;
    const d = draft(p, 'singleton', p);
    for (const o of os) {
      (method(o) === 'GET' ? d.read : method(o) === 'DELETE' ? d.delete : d.update).push(o.name);
    }
    os.forEach(take);
    drafts.push(d);
  }
  for (const o of left.filter((x) => !drafts.some((d) => members(d).includes(x.name)))) {
    const d = deepest(
      drafts.filter((x) => x.kind === 'collection'),
      pathOf(o),
    );
    if (d) {
      d.other.push(o.name);
      take(o);
    }
  }
}

/** The family whose item path is the longest proper prefix of `p`. */
function deepest<T extends { path: string }>(ds: T[], p: string): T | undefined {
  return ds.filter((d) => p.startsWith(`${d.path}/`)).sort((a, b) => b.path.length - a.path.length)[0];
}

function members(f: Roles): string[] {
  return [...f.create, ...f.read, ...f.list, ...f.update, ...f.delete, ...f.other];
}

function finish(drafts: Draft[], ops: Operation[], facts: ResourceFact[]): ResourceFamily[] {
  const names = new Map<Draft, string>();
  const collections = drafts
    .filter((d) => d.kind === 'collection')
    .sort((a, b) => a.path.localeCompare(b.path));
  for (const d of collections) {
    // the identifier's stem (`BackupVaultName` → BackupVault); a bare `Name`/`Id`, or a stem another family
    // already has, falls back to the collection's literal segments
    const base = stem(d.identifier!);
    const taken = !base || [...names.values()].includes(base);
    names.set(d, taken ? literals(d.coll).map(pascal).join('') : base);
  }
  const parentOf = (d: Draft): Draft | undefined => {
    if (d.kind === 'singleton') return deepest(collections, d.path);
    const label = labels(d.coll).at(-1);
    if (!label) return undefined;
    const byId = collections.filter((x) => x !== d && x.identifier === label);
    return deepest(byId, d.coll) ?? (byId.length === 1 ? byId[0] : undefined);
  };
  for (const d of drafts.filter((x) => x.kind === 'singleton')) {
    names.set(d, `${names.get(parentOf(d)!) ?? ''}${pascal(lastLiteral(d.path))}`);
  }
  const byName = new Map(drafts.map((d) => [names.get(d)!, d]));
  for (const f of facts) {
    const d = byName.get(f.family);
    if (!d) continue;
    const o = ops.find((x) => x.name === f.operation);
    if (f.role === 'list' && o) addList(d, o);
    else d[f.role].push(f.operation);
    const { operation, role, source, note } = f;
    d.corrections.push({ operation, role, source, ...(note ? { note } : {}) });
    if (f.parentArn) d.parentArn = f.parentArn;
  }
  return drafts
    .map((d): ResourceFamily => {
      const { coll: _coll, ...rest } = d;
      const parent = parentOf(d);
      return {
        name: names.get(d)!,
        ...rest,
        ...(parent ? { parent: names.get(parent)! } : {}),
        ...arnOf(
          d,
          ops.filter((o) => members(d).includes(o.name)),
        ),
        yieldedBy: d.identifier ? ops.filter((o) => yields(o, d.identifier!)).map((o) => o.name) : [],
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** `<Stem>Arn` where the identifier is a name or id and the family's own operations output it. */
function arnOf(d: Draft, own: Operation[]): { arn?: string } {
  if (!d.identifier || !stem(d.identifier) || d.identifier.endsWith('Arn')) return {};
  const arn = `${stem(d.identifier)}Arn`;
  return own.some((o) => outputs(o).includes(arn) || itemMembers(o).includes(arn)) ? { arn } : {};
}
