// Valid requests and labelled invalid requests for any operation of the model.
import fc from 'fast-check';
import type { Operation } from '../src/model/types.ts';
import type { ExpectationProvenance } from '../src/model/validate.ts';
import { encodeRequest, type HttpRequestSpec } from '../src/wire/request.ts';
import { toJson } from '../src/wire/values.ts';
import {
  REMOVED,
  mutationSites,
  type Channel,
  type Mutation,
  type MutationSite,
  type Rule,
} from './mutations.ts';
import { orderRanges, valueFor, type ValueOptions } from './values.ts';

export type Input = Record<string, unknown>;

export interface RequestOptions extends Partial<ValueOptions> {
  /** arbitraries that replace the model's for named top-level members (e.g. recovery point ARNs a
   * target actually has) */
  members?: Record<string, fc.Arbitrary<unknown>>;
}

export interface ValidCase {
  operation: string;
  mode: 'positive';
  input: Input;
}

export interface InvalidCase {
  operation: string;
  mode: 'negative';
  mutation: Mutation;
  /** the member made invalid ('' for the whole body) */
  path: string;
  /** the exception AWS documents for it */
  expectedError: string;
  /** documented: judged strictly; convention: any well-formed 4xx passes and the answer is noted */
  provenance: ExpectationProvenance;
  /** other exceptions the operation documents for this violation, accepted as well */
  alsoDocumented?: string[];
  channel: Channel;
  rule: Rule;
  /** what must report it: JSON Schema keywords (rule schema) or wire problem kinds */
  reportedAs: string[];
  /** the SDK-form input: sent as is on the sdk channel; the valid base of `http` on the http channel */
  input: Input;
  /** the raw request, on the http channel */
  http?: HttpRequestSpec;
}

/** Members a valid request never carries: a pagination input token is only valid when a previous
 * response issued it, so a made-up one would be invalid (it is a mutation instead). */
export function omittedFromValid(op: Operation): Set<string> {
  return new Set(op.paginated ? [op.paginated.inputToken] : []);
}

export function validInput(op: Operation, o: RequestOptions = {}): fc.Arbitrary<Input> {
  const omit = omittedFromValid(op);
  const members = Object.values(op.input.members ?? {}).filter((m) => !omit.has(m.name));
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  const vo: ValueOptions = { maxItems: o.maxItems ?? 4 };
  for (const m of members) record[m.name] = o.members?.[m.name] ?? valueFor(m.shape, m, vo);
  return fc
    .record(record, { requiredKeys: members.filter((m) => m.required).map((m) => m.name) })
    .map((r) => orderRanges(r, op.input.members ?? {})) as fc.Arbitrary<Input>;
}

export function applyMutation(op: Operation, base: Input, s: MutationSite, bad: unknown): InvalidCase {
  const common = {
    operation: op.name,
    mode: 'negative' as const,
    mutation: s.mutation,
    path: s.member.name,
    expectedError: s.expectedError,
    provenance: s.provenance,
    ...(s.alsoDocumented ? { alsoDocumented: s.alsoDocumented } : {}),
    channel: s.channel,
    rule: s.rule,
    reportedAs: s.reportedAs,
  };
  if (s.channel === 'sdk') {
    const input = { ...base };
    if (bad === REMOVED) delete input[s.member.name];
    else input[s.member.name] = bad;
    return { ...common, input };
  }
  const http = encodeRequest(op, base);
  if (s.mutation === 'malformed-json')
    return { ...common, input: base, http: { ...http, body: String(bad) } };
  const m = s.member;
  if (m.location === 'body') {
    const body = JSON.parse(http.body ?? '{}') as Record<string, unknown>;
    body[m.locationName] = bad;
    return { ...common, input: base, http: { ...http, body: JSON.stringify(body) } };
  }
  const url = new URL(http.path, 'http://x');
  if (m.location === 'query') url.searchParams.set(m.locationName, String(bad));
  const headers = m.location === 'header' ? { ...http.headers, [m.locationName]: String(bad) } : http.headers;
  return { ...common, input: base, http: { ...http, headers, path: `${url.pathname}${url.search}` } };
}

export function invalidCases(op: Operation, o: RequestOptions = {}): fc.Arbitrary<InvalidCase> {
  const sites = mutationSites(op);
  if (!sites.length)
    throw new Error(`${op.name} has no member that can be made invalid (only state can make it fail)`);
  return fc
    .tuple(validInput(op, o), fc.constantFrom(...sites))
    .chain(([base, s]) => s.values.map((bad) => applyMutation(op, base, s, bad)));
}

/** The data-model JSON of an input (what spec/*.schema.json validates). */
export function inputAsJson(op: Operation, input: Input): unknown {
  return toJson(op.input, input, 'data');
}
