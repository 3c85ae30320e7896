// What a By* filter means, as a predicate over listed items: read from the filter facts
// (spec/overlay/behaviour.json), by the filters check and the mock's listings alike.
import { isRecord } from '../wire/values.ts';
import { serviceFacts, type FilterFact, type ServiceFacts } from './service-facts.ts';

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
