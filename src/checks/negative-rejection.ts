// Invalid requests are rejected with 4xx and with the documented exception.
// A convention-level expectation (nothing documents the exception) accepts any well-formed 4xx client
// error and notes what came back.
import { clientError, describeAnswer, errorName, type ExchangeCheck } from './types.ts';

export const negativeRejection: ExchangeCheck = {
  id: 'negative-rejection',
  description:
    'A request invalid in one labelled way is rejected with 4xx and the exception documented for it; ' +
    'accepting it and rejecting it with another exception are reported apart.',
  applies: (x) => x.case.mode === 'negative',
  run(x) {
    if (x.case.mode !== 'negative') return [];
    const c = x.case;
    const o = x.observed;
    const status = o.status ?? 0;
    const provenance = c.provenance ?? 'documented';
    const what = `${c.mutation} of ${c.path || 'the body'}`;
    const want =
      provenance === 'documented'
        ? `${c.expectedError} (4xx) for ${what}`
        : `a client error (4xx naming its exception) for ${what}; ` +
          `by convention ${c.expectedError}, no page documents one`;
    const f = (received: string) => [
      {
        check: 'negative-rejection' as const,
        operation: x.operation,
        received,
        documented: want,
        provenance,
      },
    ];
    if (o.failure) return f(describeAnswer(o));
    if (status >= 200 && status < 300) return f(`accepted: HTTP ${status}`);
    const name = errorName(o);
    if (status < 400 || status >= 500) return f(describeAnswer(o));
    if (name === c.expectedError) return [];
    if (provenance === 'documented') return f(`wrong exception: ${name ?? '(none named)'} (HTTP ${status})`);
    if (!clientError(o)) return f(`HTTP ${status} naming no exception`);
    return [{ ...f(`${name} (HTTP ${status}) for ${what}`)[0]!, note: true }];
  },
};
