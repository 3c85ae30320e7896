// Compares a derived service model with AWS's official model file (a test oracle only: nothing in
// src/ reads it). Each comparable fact is one line of agreement or one line of residue.
import { readFileSync } from 'node:fs';
import type { Member, ServiceModel, Shape } from '../../src/model/types.ts';

interface OShape {
  type: string;
  /** botocore marks Smithy's document type as a structure with `document: true` */
  document?: boolean;
  members?: Record<string, { shape: string }>;
  required?: string[];
  member?: { shape: string };
  key?: { shape: string };
  value?: { shape: string };
  enum?: string[];
}
export interface OModel {
  operations: Record<
    string,
    { name: string; input?: { shape: string }; output?: { shape: string }; errors?: { shape: string }[] }
  >;
  shapes: Record<string, OShape>;
}

export const oracle: OModel = JSON.parse(
  readFileSync(new URL('../fixtures/oracle/service-2.json', import.meta.url), 'utf8'),
);
export type OPaginators = Record<
  string,
  {
    input_token: string | string[];
    output_token: string | string[];
    limit_key?: string;
    result_key: string | string[];
  }
>;
export const oraclePaginators: OPaginators = JSON.parse(
  readFileSync(new URL('../fixtures/oracle/paginators-1.json', import.meta.url), 'utf8'),
).pagination;

const TYPE: Record<string, string> = { long: 'integer', integer: 'integer', double: 'float', float: 'float' };

export interface Scope {
  /** compare only what a docs-only model can state: members the pages show, input required marks */
  docsOnly: boolean;
}

export interface Agreement {
  agree: number;
  total: number;
  residue: string[];
  /** oracle facts the pages do not state at all (docs-only scope): listed, not counted */
  notStated: string[];
  /** members only the installed SDK has (it is newer than the oracle): listed, not counted */
  newerInSdk: string[];
}

/** The pagination facts a paginator page can state, in the form a derived model states them. */
function paginationFacts(p: OPaginators[string] | undefined): unknown {
  if (!p) return null;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) && v.length === 1 ? v[0] : v);
  return {
    input_token: one(p.input_token),
    output_token: one(p.output_token),
    limit_key: p.limit_key,
    result_key: one(p.result_key),
  };
}

/** Against the Backup oracle by default; the corpus script passes another service's botocore model. */
export function compare(
  model: ServiceModel,
  scope: Scope,
  against: { model: OModel; paginators: OPaginators } = { model: oracle, paginators: oraclePaginators },
): Agreement {
  const oracle = against.model;
  const oraclePaginators = against.paginators;
  const r: Agreement = { agree: 0, total: 0, residue: [], notStated: [], newerInSdk: [] };
  const fact = (ok: boolean, what: string) => {
    r.total++;
    if (ok) r.agree++;
    else r.residue.push(what);
  };
  for (const [name, o] of Object.entries(oracle.operations)) {
    const op = model.operations[name];
    if (!op) {
      if (scope.docsOnly) r.notStated.push(`${name}: no page documents the operation`);
      else fact(false, `${name}: operation missing`);
      continue;
    }
    fact(true, name);
    if (o.input) walk(o.input.shape, op.input, `${name} input`, true);
    if (o.output) walk(o.output.shape, op.output, `${name} output`, false);
    const errs = (o.errors ?? [])
      .map((e) => e.shape)
      .sort()
      .join(',');
    fact(
      errs === [...op.errors].sort().join(','),
      `${name} errors: oracle ${errs}, derived ${op.errors.join(',')}`,
    );
    const p = oraclePaginators[name];
    const d = op.paginated;
    fact(
      JSON.stringify(paginationFacts(p)) ===
        JSON.stringify(
          d
            ? {
                input_token: d.inputToken,
                output_token: d.outputToken,
                limit_key: d.limitKey,
                result_key: d.resultKey,
              }
            : null,
        ),
      `${name} pagination: oracle ${JSON.stringify(p)}, derived ${JSON.stringify(d)}`,
    );
  }
  return r;

  function walk(oName: string, shape: Shape | undefined, path: string, input: boolean, depth = 0): void {
    const o = oracle.shapes[oName]!;
    if (!shape) {
      fact(false, `${path}: no shape derived`);
      return;
    }
    const t = o.document
      ? 'document'
      : o.type === 'string' ||
          o.type === 'boolean' ||
          o.type === 'timestamp' ||
          o.type === 'list' ||
          o.type === 'map' ||
          o.type === 'structure'
        ? o.type
        : o.type === 'blob'
          ? 'blob'
          : (TYPE[o.type] ?? o.type);
    fact(shape.type === t, `${path}: type oracle ${t}, derived ${shape.type}`);
    if (shape.type !== t || depth > 12) return;
    if (scope.docsOnly && o.enum && !shape.enum) r.notStated.push(`${path}: enum (the page shows 'string')`);
    else if (o.enum || shape.enum)
      fact(
        JSON.stringify(o.enum) === JSON.stringify(shape.enum),
        `${path}: enum oracle ${o.enum}, derived ${shape.enum}`,
      );
    if (o.member) walk(o.member.shape, shape.member!, `${path}[]`, input, depth + 1);
    if (o.key) walk(o.key.shape, shape.key!, `${path}{key}`, input, depth + 1);
    if (o.value) walk(o.value.shape, shape.value!, `${path}{value}`, input, depth + 1);
    for (const [mName, m] of Object.entries(o.members ?? {})) {
      const dm: Member | undefined = shape.members?.[mName];
      const docsStated = dm?.provenance.some((p) => p.source === 'docs');
      if (scope.docsOnly && !docsStated) {
        r.notStated.push(`${path}.${mName}`);
        continue;
      }
      fact(!!dm, `${path}.${mName}: member missing`);
      if (!dm) continue;
      if (input || !scope.docsOnly)
        fact(
          dm.required === (o.required ?? []).includes(mName),
          `${path}.${mName}: required oracle ${(o.required ?? []).includes(mName)}, derived ${dm.required}`,
        );
      walk(m.shape, dm.shape, `${path}.${mName}`, input, depth + 1);
    }
    for (const extra of Object.keys(shape.members ?? {}).filter((k) => !o.members?.[k])) {
      const sdkOnly = shape.members![extra]!.provenance.every((p) => p.source === 'sdk');
      if (sdkOnly && !scope.docsOnly) r.newerInSdk.push(`${path}.${extra}`);
      else fact(false, `${path}.${extra}: not in the oracle`);
    }
  }
}
