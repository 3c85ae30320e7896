// Path keys for the OpenAPI document. OpenAPI forbids two path templates that differ only in their
// label names (`/jobs/{JobId}` and `/jobs/{PlanName}` are "equivalent"), yet a service may bind two
// operations so. Such templates share one key whose label joins the members' names (`{JobIdOrPlanName}`);
// each operation says which member the label carries (`x-aws-label-members`). Pure.
import type { Operation } from '../model/types.ts';

export interface PathKey {
  /** the OpenAPI path key */
  key: string;
  /** member name → the label name it travels under in `key`, where the two differ */
  renamed: Record<string, string>;
}

const template = (uri: string) => uri.split('?')[0]!.replace(/\{(\w+)\+\}/g, '{$1}');
const shapeOf = (path: string) => path.replace(/\{\w+\}/g, '{}');
const labelsOf = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

/** The path key of every operation's URI (and of any other URI given), equivalent templates merged. */
export function pathKeys(uris: { id: string; uri: string }[]): Map<string, PathKey> {
  const names = new Map<string, string[][]>();
  for (const { uri } of uris) {
    const p = template(uri);
    const at = names.get(shapeOf(p)) ?? [];
    labelsOf(p).forEach((n, i) => {
      (at[i] ??= []).includes(n) || at[i]!.push(n);
    });
    names.set(shapeOf(p), at);
  }
  const out = new Map<string, PathKey>();
  for (const { id, uri } of uris) {
    const p = template(uri);
    const merged = names.get(shapeOf(p))!.map((ns) => ns.join('Or'));
    let i = 0;
    const key = shapeOf(p).replace(/\{\}/g, () => `{${merged[i++]}}`);
    const renamed: Record<string, string> = {};
    labelsOf(p).forEach((n, j) => {
      if (merged[j] !== n) renamed[n] = merged[j]!;
    });
    out.set(id, { key, renamed });
  }
  return out;
}

/** The path-item description for a key that several differently-labelled templates share. */
export function sharedPathNote(
  entries: { op: Operation; renamed: Record<string, string> }[],
): string | undefined {
  const renamedOps = entries.filter((e) => Object.keys(e.renamed).length);
  if (!renamedOps.length) return undefined;
  const says = entries
    .map((e) => {
      const labels = labelsOf(template(e.op.http!.uri));
      return `${e.op.http!.method} (${e.op.name}) carries ${labels.join(', ')}`;
    })
    .join('; ');
  return (
    'OpenAPI forbids equivalent path templates, and the service binds these operations to ' +
    `templates that differ only in their label names, so they share this one: ${says}. ` +
    "Each operation names its label's member in x-aws-label-members and in its parameter description."
  );
}
