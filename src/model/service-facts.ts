// Service behaviour as data (spec/overlay/behaviour.json): each resource's status lifecycle, the
// fields that never change, what a job takes from its parent (a recovery point), and what each list
// filter means. The checks, the mock and the generators read these facts; none is written into them.
import { packageRoot } from './package-root.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fieldReader } from './overlay-fields.ts';
import { parseArnFormats, type ArnFormat } from './arn-formats.ts';

export interface SourcedFact {
  /** the AWS page that states it */
  source: string;
  note?: string;
}

/** A resource's status lifecycle: a status never moves to a lower rank; a terminal status stays. */
export interface LifecycleFact extends SourcedFact {
  resource: string;
  /** the item field that holds the status */
  member: string;
  /** operations whose answers carry the status */
  operations: string[];
  ranks: Record<string, number>;
  terminal: string[];
}

export interface ResourceFacts {
  name: string;
  idMember: string;
  operations: string[];
  /** the resource's entry of `lifecycles` */
  lifecycle: LifecycleFact;
  immutable: SourcedFact & { members: string[] };
  fromParent: SourcedFact & { key: string; members: string[] };
}

/** equals: the field equals the value exactly; before/after: the field's time is strictly before/after
 * it; flag: a boolean that selects items by a property no item field shows */
export type FilterMatch = 'equals' | 'before' | 'after' | 'flag';

export interface FilterFact extends SourcedFact {
  operation: string;
  member: string;
  /** the item field the filter reads; a dotted path for a nested one; null when no item field has it */
  field: string | null;
  match: FilterMatch;
  /** why the field is not in the list output (with `field: null`) */
  notInOutput?: string;
  /** values that match every item (`*` from an Organizations management account, …) */
  wildcards?: string[];
  /** the page's sentence that states the filter's meaning */
  states: string;
}

export interface ServiceFacts {
  file: string;
  lifecycles: LifecycleFact[];
  resources: ResourceFacts[];
  filters: FilterFact[];
  /** documented ARN formats, per ARN member (arn-formats.ts) */
  arns?: ArnFormat[];
}

const MATCHES: FilterMatch[] = ['equals', 'before', 'after', 'flag'];

/** Validates a parsed behaviour overlay; every error names the file and the field. */
export function parseServiceFacts(file: string, doc: unknown): ServiceFacts {
  const reader = fieldReader(file);
  const { fail, rec, str, strs, page } = reader;
  const sourced = (x: Record<string, unknown>, at: string): SourcedFact => ({
    source: page(x.source, `${at}.source`),
    ...(typeof x.note === 'string' ? { note: x.note } : {}),
  });
  const root = rec(doc, '(root)');
  // lifecycles may be absent (no status lifecycle stated); resources and filters are arrays
  for (const k of ['resources', 'filters', ...(root.lifecycles === undefined ? [] : ['lifecycles'])])
    if (!Array.isArray(root[k])) fail(k, `an array of ${k}`);
  const lifecycles = ((root.lifecycles ?? []) as unknown[]).map((l, i): LifecycleFact => {
    const at = `lifecycles[${i}]`;
    const x = rec(l, at);
    const ranks = rec(x.ranks, `${at}.ranks`);
    for (const [k, v] of Object.entries(ranks))
      if (!Number.isInteger(v))
        fail(`${at}.ranks.${k}`, "a whole number (the status's place in the lifecycle)");
    if (!Object.keys(ranks).length) fail(`${at}.ranks`, 'at least one status');
    const terminal = strs(x.terminal, `${at}.terminal`);
    terminal.forEach(
      (t, k) => ranks[t] === undefined && fail(`${at}.terminal[${k}]`, `a status of ranks (no '${t}')`),
    );
    return {
      resource: str(x.resource, `${at}.resource`),
      member: str(x.member, `${at}.member`),
      operations: strs(x.operations, `${at}.operations`),
      ranks: ranks as Record<string, number>,
      terminal,
      ...sourced(x, at),
    };
  });
  const resources = (root.resources as unknown[]).map((r, i): ResourceFacts => {
    const at = `resources[${i}]`;
    const x = rec(r, at);
    const name = str(x.name, `${at}.name`);
    const lifecycle =
      lifecycles.find((l) => l.resource === name) ??
      fail(`${at}.name`, `a resource of lifecycles (no lifecycle for '${name}')`);
    const imm = rec(x.immutable, `${at}.immutable`);
    const parent = rec(x.fromParent, `${at}.fromParent`);
    return {
      name,
      idMember: str(x.idMember, `${at}.idMember`),
      operations: strs(x.operations, `${at}.operations`),
      lifecycle,
      immutable: {
        members: strs(imm.members, `${at}.immutable.members`),
        ...sourced(imm, `${at}.immutable`),
      },
      fromParent: {
        key: str(parent.key, `${at}.fromParent.key`),
        members: strs(parent.members, `${at}.fromParent.members`),
        ...sourced(parent, `${at}.fromParent`),
      },
    };
  });
  const seen = new Set<string>();
  const filters = (root.filters as unknown[]).map((f, i): FilterFact => {
    const at = `filters[${i}]`;
    const x = rec(f, at);
    if (!MATCHES.includes(x.match as FilterMatch)) fail(`${at}.match`, `one of ${MATCHES.join(', ')}`);
    const source = sourced(x, at);
    const operation = str(x.operation, `${at}.operation`);
    const member = str(x.member, `${at}.member`);
    if (seen.has(`${operation}.${member}`)) fail(`${at}.member`, `one fact per filter (${member} is twice)`);
    seen.add(`${operation}.${member}`);
    const field = x.field === null ? null : str(x.field, `${at}.field`);
    if (field === null && typeof x.notInOutput !== 'string')
      fail(`${at}.notInOutput`, 'why no item field carries what the filter matches (field is null)');
    if (field !== null && x.notInOutput !== undefined)
      fail(`${at}.notInOutput`, 'absent when field is named');
    const wildcards = x.wildcards === undefined ? undefined : strs(x.wildcards, `${at}.wildcards`);
    return {
      operation,
      member,
      field,
      match: x.match as FilterMatch,
      ...(field === null ? { notInOutput: x.notInOutput as string } : {}),
      ...(wildcards ? { wildcards } : {}),
      states: str(x.states, `${at}.states`),
      ...source,
    };
  });
  const arns = parseArnFormats(root.arns, reader);
  return { file, lifecycles, resources, filters, ...(arns.length ? { arns } : {}) };
}

// from the package root, not this module's place: compiled, this module sits one folder deeper (dist/)
const file = () => join(packageRoot(), 'spec/overlay/behaviour.json');
let cached: ServiceFacts | undefined;

/** The project's behaviour overlay, read and validated once per process. */
export function serviceFacts(): ServiceFacts {
  cached ??= parseServiceFacts('spec/overlay/behaviour.json', JSON.parse(readFileSync(file(), 'utf8')));
  return cached;
}

/** A resource's status lifecycle (`RestoreJob`, `BackupJob`, …), if the overlay states one. */
export function lifecycleOf(resource: string, facts = serviceFacts()): LifecycleFact | undefined {
  return facts.lifecycles.find((l) => l.resource === resource);
}

/** The lifecycle of the resource whose status an operation answers with, if the overlay states it. */
export function lifecycleForOperation(operation: string, facts = serviceFacts()): LifecycleFact | undefined {
  return facts.lifecycles.find((l) => l.operations.includes(operation));
}

/** The documented format of an ARN member (`BackupVaultArn`), if the overlay states one. */
export function arnFormatOf(member: string, facts = serviceFacts()): ArnFormat | undefined {
  return facts.arns?.find((a) => a.member === member);
}

/** The facts of the resource an operation answers about, if the overlay states them. */
export function resourceOf(operation: string, facts = serviceFacts()): ResourceFacts | undefined {
  return facts.resources.find((r) => r.operations.includes(operation));
}
