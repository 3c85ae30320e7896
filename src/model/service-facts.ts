// Service behaviour as data (spec/overlay/behaviour.json): each resource's status lifecycle, the
// fields that never change, what a job takes from its parent (a recovery point), and what each list
// filter means. The checks judge by these facts; none of them is written into a check.
import { packageRoot } from './package-root.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OverlayError } from './overlay.ts';

export interface SourcedFact {
  /** the AWS page that states it */
  source: string;
  note?: string;
}

export interface ResourceFacts {
  name: string;
  idMember: string;
  operations: string[];
  lifecycle: SourcedFact & { member: string; ranks: Record<string, number>; terminal: string[] };
  immutable: SourcedFact & { members: string[] };
  fromParent: SourcedFact & { key: string; members: string[] };
}

export type FilterMatch = 'equals' | 'before' | 'after';

export interface FilterFact extends SourcedFact {
  operation: string;
  member: string;
  /** the item field the filter reads; a dotted path for a nested one */
  field: string;
  match: FilterMatch;
}

export interface ServiceFacts {
  file: string;
  resources: ResourceFacts[];
  filters: FilterFact[];
}

const MATCHES: FilterMatch[] = ['equals', 'before', 'after'];

/** Validates a parsed behaviour overlay; every error names the file and the field. */
export function parseServiceFacts(file: string, doc: unknown): ServiceFacts {
  const fail = (field: string, expected: string): never => {
    throw new OverlayError(file, field, expected);
  };
  const rec = (v: unknown, at: string) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : fail(at, 'an object');
  const str = (v: unknown, at: string) =>
    typeof v === 'string' && v !== '' ? v : fail(at, 'a non-empty string');
  const strs = (v: unknown, at: string) =>
    Array.isArray(v) && v.length && v.every((x) => typeof x === 'string')
      ? (v as string[])
      : fail(at, 'a non-empty array of strings');
  const sourced = (x: Record<string, unknown>, at: string): SourcedFact => {
    if (typeof x.source !== 'string' || !/^https:\/\/docs\.aws\.amazon\.com\//.test(x.source))
      fail(`${at}.source`, 'the https://docs.aws.amazon.com/ page that states the fact');
    return { source: x.source as string, ...(typeof x.note === 'string' ? { note: x.note } : {}) };
  };
  const root = rec(doc, '(root)');
  if (!Array.isArray(root.resources)) fail('resources', 'an array of resources');
  if (!Array.isArray(root.filters)) fail('filters', 'an array of filters');
  const resources = (root.resources as unknown[]).map((r, i): ResourceFacts => {
    const at = `resources[${i}]`;
    const x = rec(r, at);
    const life = rec(x.lifecycle, `${at}.lifecycle`);
    const ranks = rec(life.ranks, `${at}.lifecycle.ranks`);
    for (const [k, v] of Object.entries(ranks))
      if (!Number.isInteger(v))
        fail(`${at}.lifecycle.ranks.${k}`, "a whole number (the status's place in the lifecycle)");
    const terminal = strs(life.terminal, `${at}.lifecycle.terminal`);
    terminal.forEach(
      (t, k) =>
        ranks[t] === undefined &&
        fail(`${at}.lifecycle.terminal[${k}]`, `a status of lifecycle.ranks (no '${t}')`),
    );
    const imm = rec(x.immutable, `${at}.immutable`);
    const parent = rec(x.fromParent, `${at}.fromParent`);
    return {
      name: str(x.name, `${at}.name`),
      idMember: str(x.idMember, `${at}.idMember`),
      operations: strs(x.operations, `${at}.operations`),
      lifecycle: {
        member: str(life.member, `${at}.lifecycle.member`),
        ranks: ranks as Record<string, number>,
        terminal,
        ...sourced(life, `${at}.lifecycle`),
      },
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
  const filters = (root.filters as unknown[]).map((f, i): FilterFact => {
    const at = `filters[${i}]`;
    const x = rec(f, at);
    if (!MATCHES.includes(x.match as FilterMatch)) fail(`${at}.match`, `one of ${MATCHES.join(', ')}`);
    return {
      operation: str(x.operation, `${at}.operation`),
      member: str(x.member, `${at}.member`),
      field: str(x.field, `${at}.field`),
      match: x.match as FilterMatch,
      ...sourced(x, `${at}`),
    };
  });
  return { file, resources, filters };
}

// from the package root, not this module's place: compiled, this module sits one folder deeper (dist/)
const file = () => join(packageRoot(), 'spec/overlay/behaviour.json');
let cached: ServiceFacts | undefined;

/** The project's behaviour overlay, read and validated once per process. */
export function serviceFacts(): ServiceFacts {
  cached ??= parseServiceFacts('spec/overlay/behaviour.json', JSON.parse(readFileSync(file(), 'utf8')));
  return cached;
}

/** The facts of the resource an operation answers about, if the overlay states them. */
export function resourceOf(operation: string, facts = serviceFacts()): ResourceFacts | undefined {
  return facts.resources.find((r) => r.operations.includes(operation));
}
