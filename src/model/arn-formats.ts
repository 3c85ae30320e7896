// Documented ARN formats (spec/overlay/behaviour.json `arns`): for an ARN member of a resource, the
// template AWS documents (`arn:${Partition}:backup:${Region}:${Account}:backup-vault:${BackupVaultName}`),
// its placeholders named as the model's members where they are one. The crud check matches an answered
// ARN against its format with the identifiers the run created; the mock builds its ARNs from the same
// format. One definition, read by both.
import type { FieldReader } from './overlay-fields.ts';

export interface ArnFormat {
  /** the output member carrying the ARN (`BackupVaultArn`) */
  member: string;
  /** the documented template; `${Name}` placeholders */
  format: string;
  source: string;
  note?: string;
}

const PLACEHOLDER = /\$\{(\w+)\}/g;

export function parseArnFormats(list: unknown, { fail, rec, page }: FieldReader): ArnFormat[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) return fail('arns', 'an array of ARN formats');
  const seen = new Set<string>();
  return list.map((x, i): ArnFormat => {
    const at = `arns[${i}]`;
    const r = rec(x, at);
    const member = r.member;
    if (typeof member !== 'string' || !/^\w+Arn$/.test(member)) fail(`${at}.member`, 'an *Arn member name');
    if (seen.has(member as string))
      fail(`${at}.member`, `one format per member (${String(member)} is twice)`);
    seen.add(member as string);
    const format = r.format;
    if (typeof format !== 'string' || !/^arn:.*\$\{\w+\}/.test(format))
      fail(`${at}.format`, "a template such as 'arn:${Partition}:backup:${Region}:…:${Name}'");
    const source = page(r.source, `${at}.source`);
    return {
      member: member as string,
      format: format as string,
      source,
      ...(typeof r.note === 'string' ? { note: r.note } : {}),
    };
  });
}

/** The placeholders of a format, in order. */
export const placeholders = (format: string): string[] => [...format.matchAll(PLACEHOLDER)].map((m) => m[1]!);

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `arn` fits `format` with the known placeholders (`values`) in place; a placeholder whose value
 * is not known (the account, a service-assigned id) matches any non-empty run without a colon. */
export function arnFits(format: string, values: Record<string, string>, arn: string): boolean {
  const parts = format.split(PLACEHOLDER);
  // split with a capture group alternates literal text and placeholder names
  const re = parts
    .map((p, i) => (i % 2 === 0 ? esc(p) : values[p] !== undefined ? esc(values[p]!) : '[^:]+'))
    .join('');
  return new RegExp(`^${re}$`).test(arn);
}

/** The format filled in: known placeholders from `values`, the rest from `fill`. */
export function arnFrom(
  format: string,
  values: Record<string, unknown>,
  fill: (name: string) => string,
): string {
  return format.replace(PLACEHOLDER, (_m, name: string) =>
    typeof values[name] === 'string' ? (values[name] as string) : fill(name),
  );
}

/** The placeholders' values an ARN gives by its format (`BackupVaultName` of a vault's ARN), or undefined
 * where it does not fit. A placeholder followed by `-` and another stops at the last hyphen. */
export function arnValues(format: string, arn: string): Record<string, string> | undefined {
  const parts = format.split(PLACEHOLDER);
  const names: string[] = [];
  const re = parts
    .map((p, i) => {
      if (i % 2 === 0) return esc(p);
      names.push(p);
      return '([^:]+)';
    })
    .join('');
  const m = new RegExp(`^${re}$`).exec(arn);
  return m ? Object.fromEntries(names.map((n, i) => [n, m[i + 1]!])) : undefined;
}
