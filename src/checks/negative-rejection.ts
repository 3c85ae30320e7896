// Invalid requests are rejected with 4xx and with the documented exception.
// A convention-level expectation (nothing documents the exception) accepts any well-formed 4xx client
// error and notes what came back.
import { describeAnswer, errorName, type ExchangeCheck, rejectionVerdict } from './types.ts';

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
        ? `${[c.expectedError, ...(c.alsoDocumented ?? [])].join(' or ')} (4xx) for ${what}`
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
    const name = errorName(o);
    const verdict = rejectionVerdict(o, {
      error: c.expectedError,
      provenance,
      alsoDocumented: c.alsoDocumented,
    });
    if (verdict === 'pass') return [];
    if (verdict === 'note') return [{ ...f(`${name} (HTTP ${status}) for ${what}`)[0]!, note: true }];
    // failed: say how
    if (o.failure) return f(describeAnswer(o));
    if (status >= 200 && status < 300) return f(`accepted: HTTP ${status}`);
    if (status < 400 || status >= 500) return f(describeAnswer(o));
    if (provenance === 'documented') return f(`wrong exception: ${name ?? '(none named)'} (HTTP ${status})`);
    return f(`HTTP ${status} naming no exception`);
  },
};
