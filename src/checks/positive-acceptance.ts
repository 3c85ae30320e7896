// Valid requests are accepted.
import { describeAnswer, errorName, type ExchangeCheck } from './types.ts';

const STATE_CONFLICTS = ['AlreadyExistsException', 'ConflictException'];

export const positiveAcceptance: ExchangeCheck = {
  id: 'positive-acceptance',
  description:
    'A request valid against the documented input schema is accepted (2xx). ' +
    'An answer that a referenced resource does not exist, or a conflict with what exists that the ' +
    'operation documents (AlreadyExistsException, ConflictException), is not a rejection of the request.',
  applies: (x) => x.case.mode === 'positive',
  run(x, model) {
    if (x.case.mode !== 'positive') return [];
    const o = x.observed;
    if (o.status !== undefined && o.status >= 200 && o.status < 300) return [];
    const name = errorName(o);
    if (name === 'ResourceNotFoundException') return [];
    // state, not the request's shape: a name drawn twice, a resource in use — where the operation says so
    if (name && STATE_CONFLICTS.includes(name) && model.operations[x.operation]?.errors.includes(name))
      return [];
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
