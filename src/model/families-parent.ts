// Where a create names its parent by ARN (spec/overlay/backup.json `resources[].parentArn`) while the
// paths of the family's other operations name it by name, the parent's identifiers are read from that
// ARN by the parent's documented ARN format (spec/overlay/behaviour.json `arns`): one definition, read
// by the runner's set-up and the mock alike.
import { arnValues } from './arn-formats.ts';
import type { ResourceFamily } from './families.ts';
import { arnFormatOf } from './service-facts.ts';

/** The parent's identifiers named by the create's `parentArn` member, or undefined where the family has
 * none, or the ARN does not fit the parent's documented format. */
export function parentIdsFromArn(
  f: ResourceFamily,
  parent: ResourceFamily | undefined,
  input: Record<string, unknown>,
): Record<string, string> | undefined {
  const arn = f.parentArn ? input[f.parentArn] : undefined;
  const fmt = parent?.arn ? arnFormatOf(parent.arn) : undefined;
  if (typeof arn !== 'string' || !fmt) return undefined;
  const values = arnValues(fmt.format, arn);
  if (!values) return undefined;
  const ids = parent!.identifiers.filter((i) => values[i] !== undefined);
  return ids.length === parent!.identifiers.length
    ? Object.fromEntries(ids.map((i) => [i, values[i]!]))
    : undefined;
}

/** Every identifier addressing the item a create made: its own (`id`), and its parents' as the create
 * named them (by ARN where the family says so, else the input's members of the same name). Members
 * not known are left out. */
export function addressOf(
  f: ResourceFamily,
  parent: ResourceFamily | undefined,
  input: Record<string, unknown>,
  id: string,
): Record<string, string> {
  const named = f.parentArn ? (parentIdsFromArn(f, parent, input) ?? {}) : input;
  const out: Record<string, string> = {};
  for (const m of f.identifiers) {
    const v = m === f.identifier ? id : named[m];
    if (typeof v === 'string') out[m] = v;
  }
  return out;
}
