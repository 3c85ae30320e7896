// Each By* filter returns exactly the matching subset of the full listing. The meaning of each
// filter is the one its documentation states ("created before the specified date", …).
import { isRecord } from '../wire/values.ts';
import type { Finding } from './types.ts';

type Item = Record<string, unknown>;
const time = (v: unknown) => (v instanceof Date ? v.getTime() : typeof v === 'number' ? v * 1000 : typeof v === 'string' ? Date.parse(v) : NaN);

/** Documented semantics per filter: the item field it reads and how it compares (Before/After strict). */
export const FILTER_SEMANTICS: Record<string, (item: Item, value: unknown) => boolean> = {
  ByAccountId: (i, v) => i.AccountId === v,
  ByResourceType: (i, v) => i.ResourceType === v,
  ByStatus: (i, v) => i.Status === v,
  ByCreatedBefore: (i, v) => time(i.CreationDate) < time(v),
  ByCreatedAfter: (i, v) => time(i.CreationDate) > time(v),
  ByCompleteBefore: (i, v) => i.CompletionDate !== undefined && time(i.CompletionDate) < time(v),
  ByCompleteAfter: (i, v) => i.CompletionDate !== undefined && time(i.CompletionDate) > time(v),
  ByRestoreTestingPlanArn: (i, v) => isRecord(i.CreatedBy) && i.CreatedBy.RestoreTestingPlanArn === v,
  ByParentJobId: (i, v) => i.ParentJobId === v,
};

export interface FilterRecord {
  operation: string;
  filter: string;
  value: unknown;
  full: Item[];
  got: string[];
  idField: string;
}

export function checkFilter(r: FilterRecord): Finding[] {
  const match = FILTER_SEMANTICS[r.filter];
  if (!match) return [];
  const want = r.full.filter((i) => match(i, r.value)).map((i) => String(i[r.idField]));
  const missing = want.filter((id) => !r.got.includes(id));
  const extra = r.got.filter((id) => !want.includes(id));
  if (!missing.length && !extra.length) return [];
  const v = r.value instanceof Date ? r.value.toISOString() : String(r.value);
  return [{
    check: 'filters',
    operation: r.operation,
    received: `${r.filter}=${v}: ${r.got.length} item(s)${missing.length ? `, ${missing.length} matching item(s) missing` : ''}${extra.length ? `, ${extra.length} non-matching item(s) included` : ''}`,
    documented: `exactly the ${want.length} item(s) of the full listing that match`,
  }];
}
