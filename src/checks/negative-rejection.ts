// Invalid requests are rejected with 4xx and with the documented exception.
// A convention-level expectation (nothing documents the exception) accepts any well-formed 4xx client
// error and notes what came back. Judged as documented, no stricter, two answers are noted, not failed:
// - an exception about what exists (ResourceNotFound, AlreadyExists, Conflict) that the operation
//   documents: no page says whether a request is validated before what it names is looked up, and a
//   request invalid in one member may well name a resource the target lacks (or already has);
// - a bad pagination token accepted: no AWS Backup page says that an empty or made-up NextToken is
//   refused (Smithy's rules bind a token to its filters only; the pagination check judges that).
import {
  describeAnswer,
  documentedClientError,
  errorName,
  type ExchangeCheck,
  rejectionVerdict,
  STATE_EXCEPTIONS,
} from './types.ts';

export const negativeRejection: ExchangeCheck = {
  id: 'negative-rejection',
  description:
    'A request invalid in one labelled way is rejected with 4xx and the exception documented for it; ' +
    'accepting it and rejecting it with another exception are reported apart.',
  applies: (x) => x.case.mode === 'negative',
  run(x, model) {
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
    // the kind of violation is part of what was received: a report keeps one detail per distinct text
    const f = (received: string) => [
      {
        check: 'negative-rejection' as const,
        operation: x.operation,
        received: `${received} for ${what}`,
        documented: want,
        provenance,
      },
    ];
    const note = (received: string) => ({
      ...f(received)[0]!,
      provenance: 'convention' as const,
      note: true,
    });
    const name = errorName(o);
    const verdict = rejectionVerdict(o, {
      error: c.expectedError,
      provenance,
      alsoDocumented: c.alsoDocumented,
    });
    if (verdict === 'pass') return [];
    if (verdict === 'note') return [{ ...f(`${name} (HTTP ${status})`)[0]!, note: true }];
    const documented = documentedClientError(o, model.operations[x.operation]?.errors ?? []);
    if (documented && STATE_EXCEPTIONS.includes(name!))
      return [note(`${name} (HTTP ${status}), documented, about what exists,`)];
    // an identifier of no resource that is not even an ARN (nonexistent-…) may be refused as a bad value
    if (documented && c.mutation === 'unknown-resource' && /Arn$/.test(c.path))
      if (name === 'InvalidParameterValueException') return [note(`${name} (HTTP ${status}), not an ARN,`)];
    if (c.rule === 'pagination' && !o.failure && status >= 200 && status < 300)
      return [note(`accepted: HTTP ${status} (no page says a bad token is refused)`)];
    // failed: say how
    if (o.failure) return f(describeAnswer(o));
    if (status >= 200 && status < 300) return f(`accepted: HTTP ${status}`);
    if (status < 400 || status >= 500) return f(describeAnswer(o));
    if (provenance === 'documented') return f(`wrong exception: ${name ?? '(none named)'} (HTTP ${status})`);
    return f(`HTTP ${status} naming no exception`);
  },
};
