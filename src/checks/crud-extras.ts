// Two parts of the crud judgement that each read one more recorded step: a second create of the item
// the run just created (a duplicate), and the ARNs answered for the created item against the format AWS
// documents for them. Pure: the record in, findings out.
import { arnFits } from '../model/arn-formats.ts';
import type { Expectation } from '../model/violations.ts';
import type { Observed } from '../targets/types.ts';
import { accepted, clientError, describeAnswer, errorName, type Finding } from './types.ts';

export interface DuplicateRecord {
  operation: string;
  /** the identifier the second create named again */
  id: string;
  observed: Observed;
  /** the create's expectation for a duplicate (violations.json kind `duplicate`) */
  expected: Pick<Expectation, 'error' | 'provenance' | 'source'>;
}

export interface ArnRecord {
  /** the ARN member (`BackupVaultArn`) */
  member: string;
  /** absent where no format is documented for the member: not judged, noted */
  format?: string;
  source?: string;
  /** the identifiers the run created the item with (placeholders named as members) */
  values: Record<string, string>;
  /** every ARN answered for the created item, by the operation that answered it */
  answered: { operation: string; arn: string }[];
}

const server = (o: Observed) => !!o.failure || (o.status ?? 0) >= 500;

/** Judged as documented, no stricter: where the create documents the conflict exception, accepting the
 * duplicate (a 2xx) is a finding and another client error a note; where it documents none, the service
 * may overwrite (a PUT), so any answer but a server error passes, noted. */
export function checkDuplicate(family: string, d: DuplicateRecord): Finding[] {
  const f = (received: string, documented: string, note = false): Finding[] => [
    {
      check: 'crud',
      operation: d.operation,
      received,
      documented,
      provenance: d.expected.provenance,
      ...(note ? { note } : {}),
    },
  ];
  const answer = describeAnswer(d.observed);
  const what = `a second ${d.operation} of the ${family} ${d.id} just created answered ${answer}`;
  if (server(d.observed)) return f(what, 'a duplicate create is answered, never with a server error');
  if (d.expected.provenance === 'convention')
    return f(what, `${d.operation} documents no conflict exception: ${d.expected.source}`, true);
  if (accepted(d.observed))
    return f(what, `the duplicate is refused with ${d.expected.error}: ${d.expected.source}`);
  if (clientError(d.observed) && errorName(d.observed) === d.expected.error) return [];
  return f(what, `the duplicate is refused with ${d.expected.error}: ${d.expected.source}`, true);
}

/** Every ARN answered for the created item fits its documented format with the item's identifiers. */
export function checkArns(family: string, a: ArnRecord): Finding[] {
  const { format } = a;
  if (!format)
    return a.answered.slice(0, 1).map((x) => ({
      check: 'crud' as const,
      operation: x.operation,
      received: `${x.operation} answered ${a.member} ${x.arn} for the ${family} just created`,
      documented: `no format of ${a.member} is documented (spec/overlay/behaviour.json arns): not judged`,
      provenance: 'convention' as const,
      note: true,
    }));
  const wrong = a.answered.filter((x) => !arnFits(format, a.values, x.arn));
  return wrong.slice(0, 2).map((x) => ({
    check: 'crud' as const,
    operation: x.operation,
    received:
      `${x.operation} answered ${a.member} ${x.arn} ` +
      `for the ${family} created as ${JSON.stringify(a.values)}`,
    documented: `${a.member} has the documented format ${a.format} (${a.source})`,
  }));
}
