// Each By* filter returns exactly the matching subset of the full listing. The meaning of each
// filter is data (spec/overlay/behaviour.json), as its documentation states it ("created before the
// specified date", …): equality is exact (another case, a prefix, a suffix or a space is another
// value); before/after are strict.
import { serviceFacts, type FilterFact, type ServiceFacts } from '../model/service-facts.ts';
import { isRecord } from '../wire/values.ts';
import type { Finding } from './types.ts';

type Item = Record<string, unknown>;
const time = (v: unknown) =>
  v instanceof Date
    ? v.getTime()
    : typeof v === 'number'
      ? v * 1000
      : typeof v === 'string'
        ? Date.parse(v)
        : NaN;

/** The value at a dotted path (`CreatedBy.RestoreTestingPlanArn`). */
export const fieldOf = (item: Item, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (isRecord(v) ? v[k] : undefined), item);

/** A filter an item field shows (facts with `field: null` cannot be judged from the listing). */
export type FieldFilter = FilterFact & { field: string };

export function matcher(
  f: Pick<FieldFilter, 'field' | 'match'> & Pick<FilterFact, 'wildcards'>,
): (item: Item, value: unknown) => boolean {
  const every = (v: unknown) => typeof v === 'string' && !!f.wildcards?.includes(v);
  if (f.match === 'equals') return (i, v) => every(v) || fieldOf(i, f.field) === v;
  const before = f.match === 'before';
  return (i, v) => {
    const x = fieldOf(i, f.field);
    return x !== undefined && (before ? time(x) < time(v) : time(x) > time(v));
  };
}

/** The documented filters of an operation that an item field shows, by member. */
export function filtersOf(
  operation: string,
  facts: ServiceFacts = serviceFacts(),
): Record<string, FieldFilter> {
  const judgeable = (f: FilterFact): f is FieldFilter =>
    f.operation === operation && f.field !== null && f.match !== 'flag';
  return Object.fromEntries(facts.filters.filter(judgeable).map((f) => [f.member, f]));
}

export interface FilterRecord {
  operation: string;
  filter: string;
  value: unknown;
  full: Item[];
  got: string[];
  idField: string;
}

export function checkFilter(r: FilterRecord, facts: ServiceFacts = serviceFacts()): Finding[] {
  const fact = filtersOf(r.operation, facts)[r.filter];
  if (!fact) return [];
  const match = matcher(fact);
  const want = r.full.filter((i) => match(i, r.value)).map((i) => String(i[r.idField]));
  const missing = want.filter((id) => !r.got.includes(id));
  const extra = r.got.filter((id) => !want.includes(id));
  if (!missing.length && !extra.length) return [];
  const v = r.value instanceof Date ? r.value.toISOString() : JSON.stringify(r.value);
  const missingText = missing.length ? `, ${missing.length} matching item(s) missing` : '';
  const extraText = extra.length ? `, ${extra.length} non-matching item(s) included` : '';
  const how = fact.match === 'equals' ? 'equal to the value, exactly' : `strictly ${fact.match}`;
  return [
    {
      check: 'filters',
      operation: r.operation,
      received: `${r.filter}=${v}: ${r.got.length} item(s)${missingText}${extraText}`,
      documented:
        `exactly the ${want.length} item(s) of the full listing that match ` +
        `(${r.filter}: ${fact.field} ${how}; ${fact.source})`,
    },
  ];
}
