// Valid requests are accepted.
import { describeAnswer, errorName, type ExchangeCheck } from './types.ts';

export const positiveAcceptance: ExchangeCheck = {
  id: 'positive-acceptance',
  description:
    'A request valid against the documented input schema is accepted (2xx). ' +
    'An answer that a referenced resource does not exist is not a rejection of the request.',
  applies: (x) => x.case.mode === 'positive',
  run(x) {
    if (x.case.mode !== 'positive') return [];
    const o = x.observed;
    if (o.status !== undefined && o.status >= 200 && o.status < 300) return [];
    if (errorName(o) === 'ResourceNotFoundException') return [];
    return [
      {
        check: 'positive-acceptance',
        operation: x.operation,
        received: describeAnswer(o),
        documented: 'a valid request is accepted (2xx)',
      },
    ];
  },
};
