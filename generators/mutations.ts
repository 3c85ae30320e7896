// The mutations that make a valid request invalid in exactly one way, derived from the model: each
// applies to a kind of member and yields both random bad values and the deterministic edges the
// boundary phase uses. The documented exception for each comes from src/model/validate.ts.
import fc from 'fast-check';
import type { Member, Operation } from '../src/model/types.ts';
import { expectationFor, type ExpectationProvenance } from '../src/model/validate.ts';

export type Mutation =
  | 'missing-required'
  | 'enum-out-of-set'
  | 'out-of-range'
  | 'pattern-violation'
  | 'empty-string'
  | 'wrong-type'
  | 'malformed-timestamp'
  | 'empty-next-token'
  | 'tampered-next-token'
  | 'malformed-json'
  | 'unknown-resource';

/** sdk: the request can be sent through the SDK; http: only as a raw HTTP request. */
export type Channel = 'sdk' | 'http';
/** which rule makes it invalid: the JSON Schema, the wire encoding, Smithy's pagination rules, or the
 * target's state (a well-formed id of a resource that does not exist) */
export type Rule = 'schema' | 'wire' | 'pagination' | 'state';

export interface MutationSite {
  mutation: Mutation;
  member: Member;
  channel: Channel;
  rule: Rule;
  expectedError: string;
  /** whether the docs state that exception (judged strictly) or only convention does (any 4xx) */
  provenance: ExpectationProvenance;
  /** other exceptions the operation documents whose meaning fits the violation as well */
  alsoDocumented?: string[];
  /** the JSON Schema keywords (schema rule) or wire problem kinds that must report it */
  reportedAs: string[];
  /** the bad value: for `sdk`, an SDK-form member value (undefined = removed); for `http`, the raw
   * wire value to put in the query string or the JSON body */
  values: fc.Arbitrary<unknown>;
  /** a few deterministic bad values, for the boundary phase */
  edges: unknown[];
}

export const REMOVED = Symbol('removed');

const ZERO_UUID = '00000000-0000-4000-8000-000000000000';
// every form has the same length and alphabet for any uuid, so one that fits the zero uuid fits them all
const UNKNOWN_FORMS: ((u: string) => string)[] = [
  (u) => `nonexistent-${u}`,
  (u) => `nonexistent_${u.replace(/-/g, '_')}`,
  (u) => `nonexistent${u.replace(/-/g, '')}`,
  (u) => u.replace(/-/g, ''),
];

const NOT_A_DATE = ['not-a-date', '2024-13-45T00:00:00Z', '1700000000', 'yesterday'];

function site(
  member: Member,
  mutation: Mutation,
  channel: Channel,
  rule: Rule,
  reportedAs: string[],
  values: fc.Arbitrary<unknown>,
  edges: unknown[],
): MutationSite {
  const { error: expectedError, provenance } = expectationFor(
    mutation === 'missing-required' ? 'required' : mutation,
  );
  return { mutation, member, channel, rule, expectedError, provenance, reportedAs, values, edges };
}

/** Every way the operation's request can be made invalid, one member at a time. */
export function mutationSites(op: Operation): MutationSite[] {
  const out: MutationSite[] = [];
  const members = Object.values(op.input.members ?? {});
  const token = op.paginated?.inputToken;
  for (const m of members) {
    const s = m.shape;
    const pattern = s.pattern ? new RegExp(s.pattern, 'u') : undefined;
    if (m.required && m.location !== 'path')
      out.push(site(m, 'missing-required', 'sdk', 'schema', ['required'], fc.constant(REMOVED), [REMOVED]));
    if (s.type === 'string' && s.enum?.length) {
      const bad = [s.enum[0]!.toLowerCase(), 'DONE', `${s.enum[0]}_X`].filter((v) => !s.enum!.includes(v));
      out.push(
        site(
          m,
          'enum-out-of-set',
          'sdk',
          'schema',
          ['enum'],
          fc.oneof(
            fc.constantFrom(...bad),
            fc.string({ minLength: 1, maxLength: 12 }).filter((v) => !s.enum!.includes(v) && fits(v)),
          ),
          bad,
        ),
      );
    }
    if (s.type === 'integer' && (s.min !== undefined || s.max !== undefined)) {
      const below = s.min !== undefined ? [fc.integer({ min: -1_000_000, max: s.min - 1 })] : [];
      const above = s.max !== undefined ? [fc.integer({ min: s.max + 1, max: s.max + 1_000_000 })] : [];
      const edges = [
        ...(s.min !== undefined ? [s.min - 1] : []),
        ...(s.max !== undefined ? [s.max + 1] : []),
      ];
      out.push(
        site(m, 'out-of-range', 'sdk', 'schema', ['minimum', 'maximum'], fc.oneof(...below, ...above), edges),
      );
    }
    if (s.type === 'string' && pattern) {
      const bad = fc
        .string({ minLength: 1, maxLength: Math.min(s.maxLength ?? 40, 40) })
        // a path label of dots is another URL once dot segments are normalised, not a bad label
        .filter((v) => !pattern.test(v) && !(m.location === 'path' && /^\.{1,2}$/.test(v)));
      out.push(
        site(m, 'pattern-violation', 'sdk', 'schema', ['pattern'], bad, [
          fc.sample(bad, { seed: 1, numRuns: 1 })[0],
        ]),
      );
    }
    // an empty path label is not sent: the SDK refuses it ("Empty value provided for input HTTP label"),
    // and on the wire `/things//x` is another route, whose answer no page documents
    const emptyable = m.location !== 'path' && s.type === 'string' && !s.enum;
    if (emptyable && ((pattern && !pattern.test('')) || (s.minLength ?? 0) > 0)) {
      out.push(site(m, 'empty-string', 'sdk', 'schema', ['pattern', 'minLength'], fc.constant(''), ['']));
    }
    const wrongType = wrongTypeValues(m);
    if (wrongType)
      out.push(
        site(
          m,
          'wrong-type',
          'http',
          m.location === 'body' ? 'schema' : 'wire',
          m.location === 'body' ? ['type'] : ['wrong-type'],
          fc.constantFrom(...wrongType),
          wrongType.slice(0, 1),
        ),
      );
    if (s.type === 'timestamp' && m.location !== 'path') {
      const bad = m.location === 'body' ? ['2024-01-01T00:00:00Z', 'yesterday'] : NOT_A_DATE;
      out.push(
        site(
          m,
          'malformed-timestamp',
          'http',
          'wire',
          ['malformed-timestamp'],
          fc.constantFrom(...bad),
          bad.slice(0, 1),
        ),
      );
    }
    if (m.location === 'path' && s.type === 'string' && op.errors.includes('ResourceNotFoundException')) {
      // a path label names a resource: a well-formed name of one that does not exist, in the first form
      // the member's pattern and length admit (a name pattern without hyphens, e.g.); none: no such case
      const form = UNKNOWN_FORMS.find((f) => fits(f(ZERO_UUID)));
      if (form)
        out.push(
          site(
            m,
            'unknown-resource',
            'sdk',
            'state',
            ['unknown-resource'],
            fc.uuid().map(form).filter(fits),
            [form(ZERO_UUID)],
          ),
        );
    }
    if (m.name === token) {
      out.push(site(m, 'empty-next-token', 'sdk', 'pagination', ['empty-next-token'], fc.constant(''), ['']));
      const forged = fc.base64String({ minLength: 8, maxLength: 64 }).filter((v) => v.length > 0);
      out.push(
        site(m, 'tampered-next-token', 'sdk', 'pagination', ['tampered-next-token'], forged, [
          'dGFtcGVyZWQ=',
        ]),
      );
    }
    function fits(v: string) {
      return (!pattern || pattern.test(v)) && v.length <= (s.maxLength ?? Infinity);
    }
  }
  const body = members.filter((m) => m.location === 'body');
  if (body.length) {
    const anyBody = body[0]!;
    const bad = ['{', 'not json', '{"a":', '[1,2'];
    out.push({
      ...site(
        anyBody,
        'malformed-json',
        'http',
        'wire',
        ['malformed-json'],
        fc.constantFrom(...bad),
        bad.slice(0, 1),
      ),
      member: { ...anyBody, name: '' },
    });
  }
  // the exception THIS operation documents for the violation (a convention where it documents none)
  return out.map((s) => {
    const e = expectationFor(s.mutation === 'missing-required' ? 'required' : s.mutation, op);
    const also = e.alsoDocumented ? { alsoDocumented: e.alsoDocumented } : {};
    return { ...s, expectedError: e.error, provenance: e.provenance, ...also };
  });
}

/** JSON values of the wrong kind for the member: a string where a number is wanted, and so on. In a
 * query string only numbers and booleans can be of the wrong kind. */
function wrongTypeValues(m: Member): unknown[] | undefined {
  const t = m.shape.type;
  if (m.location === 'query' || m.location === 'header') {
    if (t === 'integer' || t === 'float') return ['abc', '12x', '1.5e'];
    if (t === 'boolean') return ['yes', '2'];
    return undefined;
  }
  if (m.location !== 'body') return undefined;
  switch (t) {
    case 'string':
      return [123, true, ['x']];
    case 'integer':
    case 'float':
      return ['12', true];
    case 'boolean':
      return ['true', 1];
    case 'list':
      return ['x', { a: 1 }];
    case 'map':
    case 'structure':
      return ['x', 42, ['x']];
    default:
      return undefined;
  }
}
