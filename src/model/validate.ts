// Validation against the emitted JSON Schema (ajv, 2020-12), for SDK-form values, and the one place
// that says which documented exception a violation earns.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { toJsonSchema } from '../emit/json-schema.ts';
import { toJson } from '../wire/values.ts';
import type { Operation, ServiceModel } from './types.ts';

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
  const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: true });
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

/** How sure an expectation is: `documented` (a page, the SDK model or an API Reference URL states
 * it) is judged strictly; `convention` (nothing documents it) accepts any well-formed 4xx client
 * error and notes what came back. */
export type ExpectationProvenance = 'documented' | 'convention';

export interface Expectation {
  /** the exception expected */
  error: string;
  provenance: ExpectationProvenance;
  /** where it is stated, or why nothing is */
  source: string;
}

const API = 'https://docs.aws.amazon.com/aws-backup/latest/devguide';
const BAD_VALUE: Expectation = {
  error: 'InvalidParameterValueException',
  provenance: 'documented',
  source:
    `${API}/API_StartRestoreJob.html#API_StartRestoreJob_Errors: ` +
    `"Indicates that something is wrong with a parameter's value. ` +
    `For example, the value is out of range."`,
};

/** Which exception each way of breaking a request earns, and the evidence for it. Keyed by JSON
 * Schema keyword, wire problem kind or mutation; anything else is a bad value. */
export const EXPECTATIONS: Record<string, Expectation> = {
  required: {
    error: 'MissingParameterValueException',
    provenance: 'documented',
    source:
      `${API}/API_StartRestoreJob.html#API_StartRestoreJob_Errors: ` +
      `"Indicates that a required parameter is missing."`,
  },
  'unknown-resource': {
    error: 'ResourceNotFoundException',
    provenance: 'documented',
    source:
      `${API}/API_DescribeRestoreJob.html#API_DescribeRestoreJob_Errors: ` +
      `"A resource that is required for the action doesn't exist."`,
  },
  // no page says what a body that is not JSON earns; AWS's JSON front ends commonly answer this
  'malformed-json': {
    error: 'SerializationException',
    provenance: 'convention',
    source:
      "no page documents the answer to an unparseable body; AWS's restJson1 front ends commonly answer " +
      'SerializationException (400)',
  },
  // NextToken is documented only as "the next item following a partial list": no exception for a bad one
  'empty-next-token': {
    error: 'InvalidParameterValueException',
    provenance: 'convention',
    source: `${API}/API_ListRestoreJobs.html documents no exception for an empty NextToken`,
  },
  'tampered-next-token': {
    error: 'InvalidParameterValueException',
    provenance: 'convention',
    source: `${API}/API_ListRestoreJobs.html documents no exception for a NextToken it did not issue`,
  },
  'filter-mismatched-next-token': {
    error: 'InvalidParameterValueException',
    provenance: 'convention',
    source: `${API}/API_ListRestoreJobs.html documents no exception for a NextToken sent with other filters`,
  },
};

/** The expectation for a violation. For an operation, a documented expectation whose exception the
 * operation does not list is only a convention there: judge by the operation's documented errors. */
export function expectationFor(keywordOrProblem: string, op?: Pick<Operation, 'errors'>): Expectation {
  const e = EXPECTATIONS[keywordOrProblem] ?? BAD_VALUE;
  if (op && e.provenance === 'documented' && !op.errors.includes(e.error)) {
    return {
      ...e,
      provenance: 'convention',
      source: `${e.source} (not among the operation's documented errors)`,
    };
  }
  return e;
}

/** The exception expected for a request that breaks a rule (see EXPECTATIONS for the evidence). */
export function expectedErrorFor(keywordOrProblem: string): string {
  return expectationFor(keywordOrProblem).error;
}
