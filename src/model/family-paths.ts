// Small readings of an operation's binding and shapes that the family derivation (families.ts) is built
// from: its URI template as a path, the path's segments and labels, and the members a list's items carry.
import type { Operation } from './types.ts';

/** The URI template without its literal query, greedy labels plain, and no trailing slash. */
export const pathOf = (o: Operation) =>
  o
    .http!.uri.split('?')[0]!
    .replace(/\{(\w+)\+\}/g, '{$1}')
    .replace(/(.)\/$/, '$1');
export const segs = (p: string) => p.split('/').filter(Boolean);
export const isLabel = (s: string) => /^\{\w+\}$/.test(s);
export const endsInLabel = (p: string) => isLabel(segs(p).at(-1) ?? '');
export const labels = (p: string) =>
  segs(p)
    .filter(isLabel)
    .map((s) => s.slice(1, -1));
/** The path one segment up: an item path's collection. */
export const up = (p: string) => `/${segs(p).slice(0, -1).join('/')}`;
export const literals = (p: string) => segs(p).filter((s) => !isLabel(s));
export const lastLiteral = (p: string) => literals(p).at(-1) ?? '';
export const pascal = (s: string) =>
  s
    .split(/[-_]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
/** `BackupVaultName` → `BackupVault`; a bare `Name` → ''. */
export const stem = (id: string) => id.replace(/(Name|Id|Arn)$/, '');
export const method = (o: Operation) => o.http!.method.toUpperCase();
export const writes = (o: Operation) => ['PUT', 'POST', 'PATCH'].includes(method(o));

/** The output member holding a list operation's items: the paginator's result key, else the one list. */
export function listResultKey(o: Operation): string | undefined {
  if (o.paginated) return o.paginated.resultKey;
  const lists = Object.values(o.output.members ?? {}).filter((m) => m.shape.type === 'list');
  return lists.length === 1 ? lists[0]!.name : undefined;
}

/** The members of a list operation's items (none for an operation that lists nothing). */
export function itemMembers(o: Operation): string[] {
  const key = listResultKey(o);
  const el = key ? o.output.members?.[key]?.shape.member : undefined;
  return Object.keys(el?.members ?? {});
}

export const outputs = (o: Operation) => Object.keys(o.output.members ?? {});

/** True when the output carries `member` (top level or in its list's items) and the input does not. */
export function yields(o: Operation, member: string): boolean {
  return !o.input.members?.[member] && (outputs(o).includes(member) || itemMembers(o).includes(member));
}
