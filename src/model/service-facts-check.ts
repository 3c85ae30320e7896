// The semantics overlays checked against the model they describe: every filter fact names a real By*
// member and a real field of the listed items, every By* member has exactly one fact, every lifecycle
// names real operations and ranks exactly the documented statuses, every preferred exception is one
// the service declares. Each problem names the overlay file and the field.
import type { ServiceFacts } from './service-facts.ts';
import type { Operation, ServiceModel, Shape } from './types.ts';
import type { ViolationFacts } from './violations.ts';

export interface FactProblem {
  file: string;
  field: string;
  expected: string;
}

/** The shape of one listed item: the element of the paginated result key, else of the only list. */
export function listItem(op: Operation): Shape | undefined {
  const out = op.output.members ?? {};
  const key =
    op.paginated?.resultKey ??
    Object.keys(out).find((k) => out[k]!.shape.type === 'list' && out[k]!.shape.member);
  return key ? out[key]?.shape.member : undefined;
}

/** The shape at a dotted path inside a structure (`CreatedBy.BackupPlanId`). */
export const shapeAt = (s: Shape | undefined, path: string): Shape | undefined =>
  path.split('.').reduce<Shape | undefined>((x, k) => x?.members?.[k]?.shape, s);

/** Where a status member sits in an operation's output: top level, or one structure or list deeper. */
function statusShape(op: Operation, member: string): Shape | undefined {
  const out = op.output;
  if (out.members?.[member]) return out.members[member]!.shape;
  for (const m of Object.values(out.members ?? {})) {
    const inner = m.shape.type === 'list' ? m.shape.member : m.shape;
    if (inner?.members?.[member]) return inner.members[member]!.shape;
  }
  return undefined;
}

export function serviceFactProblems(model: ServiceModel, facts: ServiceFacts): FactProblem[] {
  const out: FactProblem[] = [];
  const bad = (field: string, expected: string) => out.push({ file: facts.file, field, expected });
  facts.lifecycles.forEach((l, i) => {
    l.operations.forEach((name, j) => {
      const op = model.operations[name];
      if (!op) return bad(`lifecycles[${i}].operations[${j}]`, `an operation of the model (no '${name}')`);
      const s = statusShape(op, l.member);
      if (!s) return;
      const missing = (s.enum ?? []).filter((v) => l.ranks[v] === undefined);
      const extra = s.enum ? Object.keys(l.ranks).filter((v) => !s.enum!.includes(v)) : [];
      if (missing.length) bad(`lifecycles[${i}].ranks`, `a rank for every documented status (no ${missing})`);
      if (extra.length) bad(`lifecycles[${i}].ranks`, `documented statuses of ${name} only (not ${extra})`);
    });
    if (!l.operations.some((n) => model.operations[n] && statusShape(model.operations[n]!, l.member)))
      bad(`lifecycles[${i}].member`, `a status member answered by one of its operations (no '${l.member}')`);
  });
  const seen = new Set<string>();
  facts.filters.forEach((f, i) => {
    const at = `filters[${i}]`;
    const op = model.operations[f.operation];
    if (!op) return bad(`${at}.operation`, `an operation of the model (no '${f.operation}')`);
    if (!f.member.startsWith('By') || !op.input.members?.[f.member])
      return bad(`${at}.member`, `a By* input member of ${f.operation} (no '${f.member}')`);
    seen.add(`${f.operation}.${f.member}`);
    if (f.field !== null && !shapeAt(listItem(op), f.field))
      bad(`${at}.field`, `a field of the items ${f.operation} lists (no '${f.field}')`);
  });
  for (const op of Object.values(model.operations))
    for (const m of Object.keys(op.input.members ?? {}))
      if (m.startsWith('By') && !seen.has(`${op.name}.${m}`))
        bad('filters', `a fact for every By* member (none for ${op.name}.${m})`);
  const ops = Object.values(model.operations);
  (facts.arns ?? []).forEach((a, i) => {
    if (!ops.some((op) => op.output.members?.[a.member]))
      bad(`arns[${i}].member`, `an output member of some operation (no '${a.member}')`);
  });
  return out;
}

export function violationFactProblems(model: ServiceModel, facts: ViolationFacts): FactProblem[] {
  const out: FactProblem[] = [];
  facts.kinds.forEach((k, i) =>
    k.prefer.forEach(
      (e, j) =>
        model.errors[e] ||
        out.push({
          file: facts.file,
          field: `kinds[${i}].prefer[${j}]`,
          expected: `an error of the model (no '${e}')`,
        }),
    ),
  );
  return out;
}
