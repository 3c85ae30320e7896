// Valid requests are accepted.
import {
  describeAnswer,
  documentedClientError,
  errorName,
  type ExchangeCheck,
  STATE_EXCEPTIONS,
} from './types.ts';

/** Numbers of a `Min<X>` and a `Max<X>` member where the minimum exceeds the maximum, at the top level or
 * one structure down: each member is valid alone, and no page states how the two relate, so a target
 * that refuses the pair (PutBackupVaultLockConfiguration's MinRetentionDays above MaxRetentionDays:
 * moto does) answers what AWS plausibly would. */
export function inversedRange(input: Record<string, unknown>, depth = 1): string | undefined {
  for (const [k, lo] of Object.entries(input)) {
    const hi = k.startsWith('Min') ? input[`Max${k.slice(3)}`] : undefined;
    if (typeof lo === 'number' && typeof hi === 'number' && lo > hi)
      return `${k} ${lo} > Max${k.slice(3)} ${hi}`;
    if (depth && lo && typeof lo === 'object' && !Array.isArray(lo)) {
      const inner = inversedRange(lo as Record<string, unknown>, depth - 1);
      if (inner) return `${k}.${inner}`;
    }
  }
  return undefined;
}

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
    const documents = model.operations[x.operation]?.errors ?? [];
    if (name && STATE_EXCEPTIONS.includes(name) && documents.includes(name)) return [];
    const inversed = inversedRange(x.case.input);
    if (inversed && documentedClientError(o, documents))
      return [
        {
          check: 'positive-acceptance',
          operation: x.operation,
          received: `${describeAnswer(o)} for ${inversed}`,
          documented:
            'each member is valid alone and no page states how a minimum and its maximum relate: ' +
            'refusing a minimum above the maximum with a documented exception is plausible (noted)',
          provenance: 'convention',
          note: true,
        },
      ];
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
