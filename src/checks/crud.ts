// crud: what was created is read and listed with the values it was created with; an update is seen by
// the next read; a deleted item is gone (a read answers the not-found exception, a listing omits it).
// Judged leniently, as AWS documents no more: a member the answer does not carry is not compared, a
// list in the answer may hold more than was sent, and order of list elements is not judged.
import type { Observed } from '../targets/types.ts';
import { accepted, describeAnswer, rejectionVerdict, type Finding } from './types.ts';
import type { ExpectationProvenance } from '../model/validate.ts';
import { checkArns, checkDuplicate, type ArnRecord, type DuplicateRecord } from './crud-extras.ts';

type Item = Record<string, unknown>;

export interface CrudRecord {
  family: string;
  id: string;
  create: { operation: string; input: Item };
  /** reads after the create, after the update and after the delete */
  reads: { operation: string; after: 'create' | 'update' | 'delete'; observed: Observed }[];
  /** listings (ids seen, or why the listing failed) */
  listings: { operation: string; after: 'create' | 'delete'; ids: string[] | string }[];
  update?: { operation: string; input: Item; observed: Observed };
  delete?: { operation: string; observed: Observed };
  /** the exception a read of a deleted item earns, per read operation */
  gone: Record<string, { error: string; provenance: ExpectationProvenance }>;
  /** members not to compare (sensitive ones, identifiers the service normalises) */
  skip?: string[];
  /** read operation → a timestamp member its output documents for the item's deletion (`DeletionDate`):
   * such a read may answer a deleted item, marked deleted (from the model) */
  deletion?: Record<string, string>;
  /** read operation → the output member its answer nests the item under (`ReportPlan`), from the model */
  nested?: Record<string, string>;
  /** a second create of the same identifier, where the create names its item itself */
  duplicate?: DuplicateRecord;
  /** the ARNs answered for the item, where its ARN's format is documented */
  arns?: ArnRecord;
}

const show = (v: unknown) => {
  const s = v instanceof Date ? v.toISOString() : JSON.stringify(v);
  return s === undefined ? 'undefined' : s.length > 80 ? `${s.slice(0, 77)}…` : s;
};

/** Where `got` disagrees with what was `sent`; only what both carry is compared. */
export function differences(sent: unknown, got: unknown, path = ''): string[] {
  if (got === undefined || got === null || sent === undefined) return [];
  if (sent instanceof Date || got instanceof Date) {
    const t = (x: unknown) =>
      x instanceof Date ? x.getTime() : typeof x === 'number' ? x * 1000 : Date.parse(String(x));
    return t(sent) === t(got) ? [] : [`${path} = ${show(got)}, created with ${show(sent)}`];
  }
  if (Array.isArray(sent)) {
    if (!Array.isArray(got)) return [`${path} = ${show(got)}, created with ${show(sent)}`];
    const missing = sent.filter((s) => !got.some((g) => differences(s, g).length === 0));
    return missing.length ? [`${path} lacks ${show(missing[0])} it was created with`] : [];
  }
  if (typeof sent === 'object') {
    if (typeof got !== 'object') return [`${path} = ${show(got)}, created with ${show(sent)}`];
    return Object.entries(sent as Item).flatMap(([k, v]) =>
      differences(v, (got as Item)[k], path ? `${path}.${k}` : k),
    );
  }
  return sent === got ? [] : [`${path} = ${show(got)}, created with ${show(sent)}`];
}

export function checkCrud(r: CrudRecord): Finding[] {
  const out: Finding[] = [];
  const f = (operation: string, received: string, documented: string): void => {
    out.push({ check: 'crud', operation, received, documented });
  };
  const strip = (i: Item) => Object.fromEntries(Object.entries(i).filter(([k]) => !r.skip?.includes(k)));
  for (const read of r.reads) {
    if (read.after === 'delete') {
      const e = r.gone[read.operation];
      // a read documenting when the item was deleted (GetBackupPlan's DeletionDate) may still show it,
      // as deleted: judged as documented, no stricter
      const marked = r.deletion?.[read.operation];
      if (marked && accepted(read.observed) && read.observed.output?.[marked] != null) continue;
      const verdict = e ? rejectionVerdict(read.observed, e) : accepted(read.observed) ? 'fail' : 'pass';
      if (verdict === 'fail')
        f(
          r.delete?.operation ?? read.operation,
          `${read.operation} after the delete answered ${describeAnswer(read.observed)}`,
          `a deleted ${r.family} is gone: ${e?.error ?? 'a not-found error'}` +
            (marked ? ` (or shown with its ${marked})` : ''),
        );
      continue;
    }
    if (!accepted(read.observed)) {
      f(
        read.operation,
        `${read.operation} of the ${r.family} just ${read.after}d answered ${describeAnswer(read.observed)}`,
        `the ${r.family} ${r.create.operation} created is read`,
      );
      continue;
    }
    const sent = read.after === 'update' && r.update ? r.update.input : r.create.input;
    const by = read.after === 'update' ? r.update!.operation : r.create.operation;
    // an answer that nests the item under one structure member is compared on that member's fields too
    const wrap = r.nested?.[read.operation];
    const inner = wrap ? read.observed.output?.[wrap] : undefined;
    const out = read.observed.output;
    const got = inner && typeof inner === 'object' ? { ...inner, ...out } : out;
    for (const d of differences(strip(sent), got).slice(0, 3))
      f(
        read.after === 'update' ? by : read.operation,
        `${read.operation}: ${d}`,
        `read with the values ${by} sent`,
      );
  }
  if (r.update && !accepted(r.update.observed))
    f(
      r.update.operation,
      `updating the ${r.family} just created answered ${describeAnswer(r.update.observed)}`,
      'an update of an existing item is accepted',
    );
  if (r.delete && !accepted(r.delete.observed))
    f(
      r.delete.operation,
      `deleting the ${r.family} just created answered ${describeAnswer(r.delete.observed)}`,
      'a delete of an existing item is accepted',
    );
  for (const l of r.listings) {
    if (typeof l.ids === 'string') continue;
    const listed = l.ids.includes(r.id);
    if (l.after === 'create' && !listed)
      f(
        l.operation,
        `${l.operation} does not list the ${r.family} ${r.id} just created (${l.ids.length} listed)`,
        'a created item is listed',
      );
    if (l.after === 'delete' && listed && r.delete && accepted(r.delete.observed))
      f(
        r.delete.operation,
        `${l.operation} still lists the ${r.family} ${r.id} after the delete`,
        'a deleted item is not listed',
      );
  }
  if (r.duplicate) out.push(...checkDuplicate(r.family, r.duplicate));
  if (r.arns) out.push(...checkArns(r.family, r.arns));
  return out;
}
