// unknown-resource: a read, update or delete naming a well-formed identifier that does not exist is
// answered with the not-found exception the operation documents (ResourceNotFoundException); where
// the operation documents none, any well-formed client error passes and the answer is noted — and so
// does a success: with no not-found documented, an idempotent delete or an update that creates is
// what AWS may plausibly answer (judged as documented, no stricter).
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
        `by convention ${r.expected.error}, the operation documents none (a success is noted, not a finding)`;
  const s = r.observed.status ?? 0;
  const accepted = s >= 200 && s < 300;
  const verdict =
    r.expected.provenance === 'convention' && accepted ? 'note' : rejectionVerdict(r.observed, r.expected);
  if (verdict === 'pass') return [];
  const base = {
    check: 'unknown-resource' as const,
    operation: r.operation,
    documented,
    provenance: r.expected.provenance,
  };
  if (verdict === 'note') {
    const received = accepted ? `accepted: HTTP ${s}` : `${errorName(r.observed)} (HTTP ${s})`;
    return [{ ...base, received, note: true }];
  }
  return [{ ...base, received: accepted ? `accepted: HTTP ${s}` : describeAnswer(r.observed) }];
}
