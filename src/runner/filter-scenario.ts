// The filters scenario: each documented filter with a value some item has, then near misses of each
// equality value; the filters check judges each answer against the full listing.
import { checkFilter, fieldOf, filtersOf, itemKey } from '../checks/filters.ts';
import { nearMisses } from './near-miss.ts';
import { listAll, record, type ScenarioContext } from './scenarios.ts';

/** Each documented filter with a value some item has, then near misses of each equality value
 * (another case, a prefix, a suffix, a space), which must match nothing or be refused. */
export async function filterScenario(ctx: ScenarioContext, idField: string): Promise<string | undefined> {
  const full = await listAll(ctx, {}, 1000);
  if (typeof full === 'string') return full;
  const items = full.pages.flatMap((x) => x.items);
  if (!items.length) return `${ctx.list.name} listed nothing: no item to filter`;
  const pick = <T>(xs: T[]) => xs[Math.floor(xs.length / 2)];
  const facts = filtersOf(ctx.list.name);
  const probes: { filter: string; value: unknown; label: string }[] = [];
  for (const [filter, fact] of Object.entries(facts)) {
    if (!ctx.list.input.members?.[filter]) continue;
    const values = items.map((i) => fieldOf(i, fact.field)).filter((v) => v !== undefined);
    const value =
      fact.match === 'equals'
        ? values[0]
        : pick(values.filter((d): d is Date => d instanceof Date).sort((a, b) => a.getTime() - b.getTime()));
    if (value === undefined) continue;
    probes.push({ filter, value, label: filter });
    if (fact.match === 'equals' && typeof value === 'string')
      for (const [how, v] of nearMisses(value))
        probes.push({ filter, value: v, label: `${filter} near miss (${how})` });
  }
  let judged = 0;
  let failed: string | undefined;
  for (const { filter, value, label } of probes) {
    const got = await listAll(ctx, { [filter]: value }, 1000);
    // a near miss may be refused as an invalid value: refusing it matches nothing
    if (typeof got === 'string') {
      if (label === filter) failed ??= got;
      continue;
    }
    judged++;
    ctx.collector.count('filters', ctx.list.name);
    record(
      ctx,
      checkFilter({
        operation: ctx.list.name,
        filter,
        value,
        full: items,
        got: got.pages.flatMap((x) => x.items.map((i) => itemKey(i, idField))),
        idField,
      }),
      label,
    );
  }
  return judged ? undefined : (failed ?? `${ctx.list.name}: no documented filter had a value to try`);
}
