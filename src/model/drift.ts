// Where sources disagree: another rendering of an operation against the model built from its best
// page (+ SDK), and value lists in descriptions that say different things about the same values.
import type { DocMember, DocShape, OperationPage } from '../docs/types.ts';
import type { DriftItem, Member, Operation, Shape } from './types.ts';

export function compareRendering(page: OperationPage, op: Operation, service: string): DriftItem[] {
  const out: DriftItem[] = [];
  const primary = op.provenance.map((p) =>
    p.source === 'docs' ? p.file : p.source === 'sdk' ? p.package : p.url,
  );
  const item = (kind: DriftItem['kind'], subject: string, detail: string, line?: number) =>
    out.push({
      kind,
      operation: op.name,
      subject,
      detail,
      sources: [line ? `${page.file}:${line}` : page.file, ...primary],
    });

  const walk = (doc: DocShape | undefined, model: Shape, path: string): void => {
    if (!doc) return;
    const where = path || '(root)';
    const numeric = (t: string) => t === 'integer' || t === 'float';
    if (doc.type !== model.type && !(numeric(doc.type) && numeric(model.type))) {
      item('type', where, `${page.file} says ${doc.type}, the model has ${model.type}`, doc.ref.line);
      return;
    }
    if (
      (doc.enum || model.enum) &&
      JSON.stringify(doc.enum?.slice().sort()) !== JSON.stringify(model.enum?.slice().sort())
    ) {
      item('enum', where, `${page.file} lists ${fmt(doc.enum)}, the model ${fmt(model.enum)}`, doc.ref.line);
    }
    if (doc.type === 'list') walk(doc.member, model.member!, `${path}[]`);
    if (doc.type === 'map') walk(doc.value, model.value!, `${path}{value}`);
    if (doc.type === 'structure') members(doc.members ?? [], model.members ?? {}, path);
  };
  const members = (docs: DocMember[], model: Record<string, Member>, path: string): void => {
    const at = (n: string) => (path ? `${path}.${n}` : n);
    for (const d of docs) {
      const m = model[d.name];
      if (!m) {
        item(
          'member-extra',
          at(d.name),
          `${page.file} documents it; the model (SDK) has no such member`,
          d.ref.line,
        );
        continue;
      }
      // response entries never carry [REQUIRED] marks in any rendering: only requests are compared
      if (path.startsWith('(output)')) {
        /* no marks to compare */
      } else if (m.required && d.required === undefined)
        item(
          'required',
          at(d.name),
          `${page.file} lost the [REQUIRED] mark that the SDK supplies`,
          d.ref.line,
        );
      else if (d.required !== undefined && d.required !== m.required) {
        item(
          'required',
          at(d.name),
          `${page.file} marks it ${d.required ? 'required' : 'optional'}; ` +
            `the model has it ${m.required ? 'required' : 'optional'}`,
          d.ref.line,
        );
      }
      walk(d.shape, m.shape, at(d.name));
    }
    for (const name of Object.keys(model)) {
      if (!docs.some((d) => d.name === name))
        item(
          'member-missing',
          at(name),
          `in the ${service} model (${primary.join(', ')}) but not on ${page.file}`,
        );
    }
  };
  walk(page.input, op.input, '');
  if (page.output) walk(page.output, op.output, '(output)');
  const missing = op.errors.filter((e) => !page.errors.some((x) => x.name === e));
  const extra = page.errors.filter((x) => !op.errors.includes(x.name)).map((x) => x.name);
  if (missing.length || extra.length) {
    item(
      'errors',
      'exceptions',
      `${page.file}: ${missing.length ? `lacks ${missing.join(', ')}` : ''}` +
        `${missing.length && extra.length ? '; ' : ''}${extra.length ? `adds ${extra.join(', ')}` : ''}`,
    );
  }
  return out;
}

function fmt(values: string[] | undefined): string {
  return values ? values.join(' | ') : 'no enum';
}

interface ValueList {
  where: string;
  values: string[];
}

function collect(page: OperationPage, opName: string): ValueList[] {
  const out: ValueList[] = [];
  const walk = (s: DocShape | undefined, path: string): void => {
    if (!s) return;
    for (const m of s.members ?? []) {
      const at = path ? `${path}.${m.name}` : m.name;
      if (m.documentedValues)
        out.push({ where: `${page.file}:${m.ref.line} (${opName} ${at})`, values: m.documentedValues });
      walk(m.shape, at);
    }
    walk(s.member, `${path}[]`);
    walk(s.value, `${path}{value}`);
  };
  walk(page.input, '');
  walk(page.output, '(output)');
  return out;
}

const jaccard = (a: Set<string>, b: Set<string>) =>
  [...a].filter((x) => b.has(x)).length / new Set([...a, ...b]).size;

/** Value lists that overlap by half or more describe the same thing; each list that differs from
 * the most common one in its group is reported with what it adds and lacks. */
export function compareValueLists(pages: OperationPage[], opName: (p: OperationPage) => string): DriftItem[] {
  const lists = pages.flatMap((p) => collect(p, opName(p)));
  const variants = new Map<string, { values: Set<string>; where: string[] }>();
  for (const l of lists) {
    const k = [...new Set(l.values)].sort().join('\u0000');
    const v = variants.get(k) ?? { values: new Set(l.values), where: [] };
    v.where.push(l.where);
    variants.set(k, v);
  }
  const groups: { values: Set<string>; where: string[] }[][] = [];
  for (const v of variants.values()) {
    const g = groups.find((grp) => grp.some((o) => jaccard(o.values, v.values) >= 0.5));
    if (g) g.push(v);
    else groups.push([v]);
  }
  const out: DriftItem[] = [];
  for (const g of groups) {
    if (g.length < 2) continue;
    const [common, ...others] = [...g].sort(
      (a, b) => b.where.length - a.where.length || b.values.size - a.values.size,
    );
    for (const o of others) {
      const adds = [...o.values].filter((x) => !common!.values.has(x));
      const lacks = [...common!.values].filter((x) => !o.values.has(x));
      out.push({
        kind: 'values',
        subject: o.where.join('; '),
        detail:
          `lists ${o.values.size} values where the most common list (${common!.values.size} values, ` +
          `${common!.where.length} places, e.g. ${common!.where[0]}) differs` +
          (adds.length ? `; only here: ${adds.join(', ')}` : '') +
          (lacks.length ? `; missing here: ${lacks.join(', ')}` : ''),
        sources: [...o.where, common!.where[0]!],
      });
    }
  }
  return out;
}
