// Mistakes in exceptions and the wire.
import { editAnswers, editErrors, editQuery, opOf, withBody, type Mutant } from './kit.ts';

export const wireMutants: Mutant[] = [
  {
    id: 'wrong-exception-for-missing-member',
    caughtBy: 'negative-rejection',
    description: 'a missing required member answered InvalidParameterValueException',
    wrap: editErrors((b, res) =>
      b.Code === 'MissingParameterValueException'
        ? withBody(
            res,
            { ...b, Code: 'InvalidParameterValueException' },
            { headers: { 'x-amzn-errortype': 'InvalidParameterValueException' } },
          )
        : res,
    ),
  },
  {
    id: '500-for-invalid-enum',
    caughtBy: 'not-a-server-error',
    description: 'an unknown ByStatus value crashes the handler: 500',
    wrap: editErrors((b, res) =>
      b.Context === 'ByStatus'
        ? withBody(
            res,
            { Code: 'InternalFailure', Message: 'Internal error' },
            { status: 500, headers: { 'x-amzn-errortype': 'InternalFailure' } },
          )
        : res,
    ),
  },
  {
    id: 'maxresults-out-of-range-accepted',
    caughtBy: 'negative-rejection',
    description: 'MaxResults 0 or 1001 is clamped into range instead of rejected',
    wrap: editQuery('list', (q) => {
      const n = Number(q.get('maxResults'));
      if (q.has('maxResults') && Number.isInteger(n))
        q.set('maxResults', String(Math.min(1000, Math.max(1, n))));
    }),
  },
  {
    id: 'not-found-as-404',
    caughtBy: 'error-shape',
    description: 'ResourceNotFoundException with HTTP 404 (AWS Backup answers 400)',
    wrap: editErrors((b, res) =>
      b.Code === 'ResourceNotFoundException' ? withBody(res, b, { status: 404 }) : res,
    ),
  },
  {
    id: 'no-error-type',
    caughtBy: 'error-shape',
    description: 'errors without x-amzn-errortype and without a code in the body',
    wrap: editErrors((b, res) => {
      const { Code: _c, ...rest } = b;
      void _c;
      return withBody(res, rest, { headers: { 'x-amzn-errortype': undefined } });
    }),
  },
  {
    id: 'error-without-message',
    caughtBy: 'error-shape',
    description: 'error bodies without Message',
    wrap: editErrors((b, res) => {
      const { Message: _m, ...rest } = b;
      void _m;
      return withBody(res, rest);
    }),
  },
  {
    id: 'no-request-id',
    caughtBy: 'error-shape',
    description: 'no x-amzn-requestid header',
    wrap: (inner) => async (req) => {
      const res = await inner(req);
      return withBody(res, await res.text(), { headers: { 'x-amzn-requestid': undefined } });
    },
  },
  {
    id: 'wrong-content-type',
    caughtBy: 'response-schema',
    description: 'successful answers sent as text/plain',
    wrap: (inner) => async (req) => {
      const res = await inner(req);
      return res.status < 300 && opOf(req) !== 'other'
        ? withBody(res, await res.text(), { headers: { 'content-type': 'text/plain' } })
        : res;
    },
  },
  {
    id: 'undocumented-field',
    caughtBy: 'response-schema',
    description: 'DescribeRestoreJob answers carry a field the docs do not have',
    wrap: editAnswers('describe', (b) => ({ ...b, InternalShard: 7 })),
  },
];
