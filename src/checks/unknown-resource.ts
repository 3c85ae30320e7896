// unknown-resource: a read, update or delete naming a well-formed identifier that does not exist is
// answered with the not-found exception the operation documents (ResourceNotFoundException); where
// the operation documents none, any well-formed client error passes and the answer is noted.
import type { ExpectationProvenance } from '../model/validate.ts';
import type { Observed } from '../targets/types.ts';
import { describeAnswer, errorName, rejectionVerdict, type Finding } from './types.ts';

export interface UnknownResourceRecord {
  operation: string;
  /** the identifiers sent, none of which the target has */
  identifiers: Record<string, string>;
  observed: Observed;
  expected: { error: string; provenance: ExpectationProvenance };
}

export function checkUnknownResource(r: UnknownResourceRecord): Finding[] {
  const what = Object.entries(r.identifiers)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  const documented =
    r.expected.provenance === 'documented'
      ? `${r.expected.error} (4xx) for ${what}, which does not exist`
      : `a client error (4xx naming its exception) for ${what}, which does not exist; ` +
        `by convention ${r.expected.error}, the operation documents none`;
  const verdict = rejectionVerdict(r.observed, r.expected);
  if (verdict === 'pass') return [];
  const base = {
    check: 'unknown-resource' as const,
    operation: r.operation,
    documented,
    provenance: r.expected.provenance,
  };
  if (verdict === 'note')
    return [{ ...base, received: `${errorName(r.observed)} (HTTP ${r.observed.status})`, note: true }];
  const s = r.observed.status ?? 0;
  return [{ ...base, received: s >= 200 && s < 300 ? `accepted: HTTP ${s}` : describeAnswer(r.observed) }];
}
