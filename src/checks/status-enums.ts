// output-enums (formerly status-enums): every enum-valued field in every answer of every operation is
// within the documented set, and a By<Field> filter on an enum returns only that value.
import type { Shape } from '../model/types.ts';
import { isRecord } from '../wire/values.ts';
import { parseJson, succeeded, type ExchangeCheck, type Finding } from './types.ts';

function enumProblems(
  shape: Shape,
  v: unknown,
  path: string,
  out: { path: string; value: unknown; allowed: string[] }[],
): void {
  if (v === undefined || v === null) return;
  if (shape.enum && (typeof v !== 'string' || !shape.enum.includes(v)))
    out.push({ path, value: v, allowed: shape.enum });
  if (shape.type === 'list' && Array.isArray(v))
    v.forEach((x, i) => enumProblems(shape.member!, x, `${path}[${i}]`, out));
  if (shape.type === 'map' && isRecord(v)) {
    for (const [k, x] of Object.entries(v)) {
      enumProblems(shape.key!, k, `${path}{key}`, out);
      enumProblems(shape.value!, x, `${path}.${k}`, out);
    }
  }
  if (shape.type === 'structure' && isRecord(v)) {
    for (const m of Object.values(shape.members ?? {}))
      enumProblems(m.shape, v[m.locationName], path ? `${path}.${m.name}` : m.name, out);
  }
}

export const statusEnums: ExchangeCheck = {
  id: 'output-enums',
  description:
    'Every enum-valued field of every answer is within the documented set; a By<Field> filter on an ' +
    'enum returns only items with that value.',
  applies: succeeded,
  run(x, model) {
    const o = x.observed;
    const op = model.operations[x.operation];
    if (!op || !succeeded(x)) return [];
    const body = parseJson(o.body);
    const out: Finding[] = [];
    const bad: { path: string; value: unknown; allowed: string[] }[] = [];
    enumProblems(op.output, body, '', bad);
    for (const b of bad)
      out.push({
        check: 'output-enums',
        operation: x.operation,
        received: `${b.path} = ${JSON.stringify(b.value)}`,
        documented: `one of ${b.allowed.join(' | ')}`,
      });
    const list = op.paginated?.resultKey;
    const items = list && isRecord(body) && Array.isArray(body[list]) ? (body[list] as unknown[]) : [];
    // a filter is judged on valid requests only, and on items that carry the field it filters by
    for (const [name, m] of Object.entries(op.input.members ?? {})) {
      const filter = x.case.mode === 'positive' ? x.case.input[name] : undefined;
      const field = name.replace(/^By/, '');
      if (!m.shape.enum || name === field || filter === undefined) continue;
      const off = items.filter((it) => isRecord(it) && it[field] !== undefined && it[field] !== filter);
      if (off.length)
        out.push({
          check: 'output-enums',
          operation: x.operation,
          received: `${off.length} item(s) with ${field} ≠ ${String(filter)} under ${name}=${String(filter)}`,
          documented: `${name} returns only items with ${field} = ${String(filter)}`,
        });
    }
    return out;
  },
};
