// Validation against the emitted JSON Schema (ajv, 2020-12), for SDK-form values, and the one place
// that says which documented exception a violation earns.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { toJsonSchema } from '../emit/json-schema.ts';
import { toJson } from '../wire/values.ts';
import type { Operation, ServiceModel } from './types.ts';
import { type Expectation, resolveExpectation, violationFacts } from './violations.ts';

export interface Violation {
  /** member path: `Metadata`, `RestoreJobs[0].Status`; '' for the whole value */
  path: string;
  /** the JSON Schema keyword that failed: required, enum, minimum, maximum, pattern, type, format, … */
  keyword: string;
  message: string;
}

export interface Validator {
  input(op: Operation, value: unknown): Violation[];
  output(op: Operation, value: unknown): Violation[];
}

const cache = new WeakMap<ServiceModel, Validator>();

export function validatorFor(model: ServiceModel): Validator {
  const hit = cache.get(model);
  if (hit) return hit;
  const schema = toJsonSchema(model);
  // compiled once per operation's input and output, on first use. Compiling is what costs (~1 s for
  // every operation): a shape another one refers to is compiled once as its own function (inlineRefs
  // off), not again inside each; the optimiser's passes are skipped; the emitted schema is not checked
  // against the meta-schema here (test/spec/artifacts.test.ts does)
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    unicodeRegExp: true,
    inlineRefs: false,
    validateSchema: false,
    code: { optimize: false },
  });
  addFormats.default(ajv);
  ajv.addSchema(schema);
  const compiled = new Map<string, ValidateFunction>();
  const get = (def: string) => {
    let f = compiled.get(def);
    if (!f) {
      f = ajv.getSchema(`${schema.$id as string}#/$defs/${def}`);
      if (!f) throw new Error(`no schema $defs/${def}`);
      compiled.set(def, f);
    }
    return f;
  };
  const run = (f: ValidateFunction, data: unknown) => (f(data) ? [] : (f.errors ?? []).map(violation));
  const v: Validator = {
    input: (op, value) => run(get(`${op.name}Input`), toJson(op.input, value, 'data')),
    output: (op, value) => run(get(`${op.name}Output`), toJson(op.output, value, 'data')),
  };
  cache.set(model, v);
  return v;
}

function violation(e: ErrorObject): Violation {
  const path = e.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
  const extra =
    e.keyword === 'required'
      ? (e.params as { missingProperty: string }).missingProperty
      : e.keyword === 'additionalProperties'
        ? (e.params as { additionalProperty: string }).additionalProperty
        : undefined;
  const full = extra ? (path ? `${path}.${extra}` : extra) : path;
  return { path: full, keyword: e.keyword, message: `${full || '(value)'} ${e.message ?? e.keyword}` };
}

export type { Expectation, ExpectationProvenance } from './violations.ts';

/** Which exception each way of breaking a request earns service-wide, and the evidence for it, keyed
 * by JSON Schema keyword, wire problem kind or mutation (spec/overlay/violations.json); anything else
 * is a bad value. Per operation, see expectationFor. */
export const EXPECTATIONS: Record<string, Expectation> = Object.fromEntries(
  violationFacts().kinds.flatMap((k) => k.reportedAs.map((r) => [r, resolveExpectation(r)])),
);

/** The expectation for a violation. With an operation, the exception THAT operation documents for the
 * violation's kind (the first of the kind's preferred exceptions among its errors); where it documents
 * none, a convention saying what is expected and why. */
export function expectationFor(
  keywordOrProblem: string,
  op?: Pick<Operation, 'errors'> & { name?: string },
): Expectation {
  return resolveExpectation(keywordOrProblem, op);
}

/** The exception expected for a request that breaks a rule, for the operation if one is given. */
export function expectedErrorFor(keywordOrProblem: string, op?: Pick<Operation, 'errors'>): string {
  return expectationFor(keywordOrProblem, op).error;
}
