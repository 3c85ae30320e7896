// Behaviour AWS allows that a mock written independently of this project may well show: none of it is
// a finding. Each variant wraps the faithful mock (or configures it) and changes one such thing.
import type { MockOptions } from '../../src/mock/index.ts';
import { editQuery, opOf, withBody, type FetchFn } from './kit.ts';

export interface Variant {
  id: string;
  description: string;
  wrap: (inner: FetchFn) => FetchFn;
  mock?: MockOptions;
  history?: number;
}

const same = (inner: FetchFn) => inner;
const TIMESTAMP = /("(?:CreationDate|CompletionDate|RecoveryPointCreationDate)":)(\d+)(\.\d+)?/g;

/** Rewrites the error type of every error answer (header and body). */
const errorType = (rename: (name: string) => string) => (inner: FetchFn) => async (req: Request) => {
  const res = await inner(req);
  const name = res.headers.get('x-amzn-errortype');
  if (res.status < 400 || !name) return res;
  const body = (await res
    .clone()
    .json()
    .catch(() => ({}))) as Record<string, unknown>;
  const { Code: _c, ...rest } = body;
  return withBody(res, { ...rest, __type: rename(name) }, { headers: { 'x-amzn-errortype': rename(name) } });
};

export const VARIANTS: Variant[] = [
  {
    id: 'unparseable-body-serialization-exception',
    description: 'a body that is not JSON is answered SerializationException (400) with a lower-case message',
    wrap: (inner) => async (req) => {
      if (opOf(req) !== 'start') return inner(req);
      const text = await req.clone().text();
      try {
        JSON.parse(text);
      } catch {
        return new Response(JSON.stringify({ message: 'Unexpected end of input' }), {
          status: 400,
          headers: {
            'content-type': 'application/json',
            'x-amzn-errortype': 'SerializationException',
            'x-amzn-requestid': 'variant',
          },
        });
      }
      return inner(req);
    },
  },
  {
    id: 'unparseable-body-invalid-request',
    description:
      'a body that is not JSON is answered InvalidRequestException (what this mock answered before)',
    wrap: (inner) => async (req) => {
      const res = await inner(req);
      return res.headers.get('x-amzn-errortype') === 'SerializationException'
        ? withBody(
            res,
            { Code: 'InvalidRequestException', Message: 'the body is not JSON' },
            { headers: { 'x-amzn-errortype': 'InvalidRequestException' } },
          )
        : res;
    },
  },
  {
    id: 'fractional-epoch-timestamps',
    description: 'body timestamps written with fractional seconds (1767225600.000, 1767225645.12300)',
    wrap: (inner) => async (req) => {
      const res = await inner(req);
      if (res.status >= 300) return res;
      const text = (await res.text()).replace(
        TIMESTAMP,
        (_m, k: string, s: string, f?: string) => `${k}${s}${f ?? '.0'}00`,
      );
      return withBody(res, text);
    },
  },
  {
    id: 'short-and-empty-pages',
    description:
      'pages shorter than MaxResults, the first ones empty, ' +
      'every one still carrying a token while jobs remain',
    wrap: same,
    mock: { behaviour: { jobs: [], pageSizes: [0, 1, 0, 2, 1], faults: [], latencyMs: [] } },
  },
  {
    id: 'namespaced-error-type',
    description: 'error types namespaced: com.amazonaws.backup#InvalidParameterValueException',
    wrap: errorType((n) => `com.amazonaws.backup#${n}`),
  },
  {
    id: 'error-type-with-suffix',
    description:
      'error types with a suffix: InvalidParameterValueException:http://internal.amazon.com/coral/…',
    wrap: errorType((n) => `${n}:http://internal.amazon.com/coral/com.amazon.backup/`),
  },
  {
    id: 'past-jobs-over-every-status',
    description:
      'the service already holds 40 past jobs the run did not start, over every status and a month of dates',
    wrap: same,
    history: 40,
  },
  {
    // no AWS Backup page says an empty (or made-up) NextToken is refused: accepting one is noted only
    id: 'empty-token-from-the-start',
    description: 'an empty nextToken is taken as "from the start" (no page documents a refusal)',
    wrap: editQuery('list', (q) => {
      if (q.get('nextToken') === '') q.delete('nextToken');
    }),
  },
];
