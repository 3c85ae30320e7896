// Each By* filter returns exactly the matching subset of the full listing. The meaning of each
// filter is data (spec/overlay/behaviour.json), as its documentation states it ("created before the
// specified date", …): equality is exact (another case, a prefix, a suffix or a space is another
// value); before/after are strict.
import { filtersOf, matcher } from '../model/filter-match.ts';
import { serviceFacts, type ServiceFacts } from '../model/service-facts.ts';
import { stableJson } from '../wire/values.ts';
import type { Finding } from './types.ts';

type Item = Record<string, unknown>;

export { fieldOf, filtersOf, matcher, type FieldFilter } from '../model/filter-match.ts';

/** How an item is told apart from the others of its listing: its identifier, or, for an item without
 * one (output members are optional), its whole content, so a filter that drops it is still seen. */
export const itemKey = (item: Item, idField: string): string => {
  const id = item[idField];
  return id === undefined || id === null ? `item ${stableJson(item)}` : String(id);
};

export interface FilterRecord {
  operation: string;
  filter: string;
  value: unknown;
  full: Item[];
  /** the keys (itemKey) of the items the filtered listing answered */
  got: string[];
  idField: string;
}

export function checkFilter(r: FilterRecord, facts: ServiceFacts = serviceFacts()): Finding[] {
  const fact = filtersOf(r.operation, facts)[r.filter];
  if (!fact) return [];
  const match = matcher(fact);
  const want = r.full.filter((i) => match(i, r.value)).map((i) => itemKey(i, r.idField));
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
