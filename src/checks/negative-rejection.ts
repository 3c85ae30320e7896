// Invalid requests are rejected with 4xx and with the documented exception.
import { describeAnswer, errorName, type ExchangeCheck } from './types.ts';

export const negativeRejection: ExchangeCheck = {
  id: 'negative-rejection',
  description: 'A request invalid in one labelled way is rejected with 4xx and the exception documented for it; accepting it and rejecting it with another exception are reported apart.',
  applies: (x) => x.case.mode === 'negative',
  run(x) {
    if (x.case.mode !== 'negative') return [];
    const c = x.case;
    const o = x.observed;
    const status = o.status ?? 0;
    const want = `${c.expectedError} (4xx) for ${c.mutation} of ${c.path || 'the body'}`;
    if (o.failure) return [{ check: 'negative-rejection', operation: x.operation, received: describeAnswer(o), documented: want }];
    if (status >= 200 && status < 300) return [{ check: 'negative-rejection', operation: x.operation, received: `accepted: HTTP ${status}`, documented: want }];
    const name = errorName(o);
    if (status < 400 || status >= 500) return [{ check: 'negative-rejection', operation: x.operation, received: describeAnswer(o), documented: want }];
    if (name !== c.expectedError) return [{ check: 'negative-rejection', operation: x.operation, received: `wrong exception: ${name ?? '(none named)'} (HTTP ${status})`, documented: want }];
    return [];
  },
};
