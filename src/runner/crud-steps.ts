// Steps of the crud scenario that read the model and the overlay: where a read nests the item, a second
// create of the item just created (the duplicate), and the ARNs answered for it with their documented
// format. The judging is in src/checks/crud-extras.ts.
import type { ArnRecord, DuplicateRecord } from '../checks/crud-extras.ts';
import type { ResourceFamily } from '../model/families.ts';
import { arnFormatOf } from '../model/service-facts.ts';
import type { Operation, ServiceModel } from '../model/types.ts';
import { expectationFor } from '../model/validate.ts';
import type { Observed } from '../targets/types.ts';
import { isRecord } from '../wire/values.ts';
import type { ExchangeContext } from './exchange.ts';
import { send } from './send.ts';

type Item = Record<string, unknown>;

/** Read operation → the one output member (a structure) whose shape carries the family's identifier:
 * the answer nests the item there (DescribeReportPlan → ReportPlan). */
export function nestedReads(model: ServiceModel, f: ResourceFamily): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of f.read) {
    const members = Object.values(model.operations[r]?.output.members ?? {});
    const holders = members.filter(
      (m) => m.shape.type === 'structure' && m.shape.members?.[f.identifier ?? ''],
    );
    if (holders.length === 1) out[r] = holders[0]!.name;
  }
  return out;
}

/** Read operation → its top-level timestamp output member named for a deletion (`DeletionDate`): the
 * read documents that it may show a deleted item. */
export function deletionMarks(model: ServiceModel, f: ResourceFamily): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of f.read) {
    const m = Object.values(model.operations[r]?.output.members ?? {}).find(
      (x) => x.shape.type === 'timestamp' && /^Deletion/.test(x.name),
    );
    if (m) out[r] = m.name;
  }
  return out;
}

/** Whether the create named the item itself (top level, or one structure down as in
 * `TieringConfiguration.TieringConfigurationName`), rather than the service assigning its identifier. */
export function namesItself(input: Item, member: string, id: string): boolean {
  return input[member] === id || Object.values(input).some((v) => isRecord(v) && v[member] === id);
}

/** A second create of the item just created, or why none is sent. Sent only where the create names the
 * item itself: a second create where the service assigns the identifier makes another item, which is no
 * duplicate. The run's own name, created by this run a moment ago: on a real account only with mutations
 * allowed (crud runs only then), and anything it makes is tracked and deleted like every create. */
export async function duplicateCreate(
  ctx: ExchangeContext,
  creator: Operation,
  f: ResourceFamily,
  input: Item,
  id: string,
): Promise<DuplicateRecord | string> {
  if (!f.identifier || !namesItself(input, f.identifier, id))
    return `${creator.name} does not name the ${f.name} itself (the service assigns ${f.identifier})`;
  // an idempotency token repeated with the same parameters is a retry, which the service may answer
  // with the item it already made: the duplicate leaves every token member out (the SDK draws a fresh
  // one where the member is marked as a token), so that it is a new request for an existing name
  const again: Item = {};
  for (const m of Object.values(creator.input.members ?? {}))
    if (input[m.name] !== undefined && !m.idempotencyToken) again[m.name] = input[m.name];
  const observed = await send(ctx, creator.name, again);
  const { error, provenance, source } = expectationFor('duplicate-create', creator);
  return { operation: creator.name, id, observed, expected: { error, provenance, source } };
}

/** The ARNs answered for the created item (the create's answer, the reads'), with the documented
 * format where there is one (else they are noted, not judged); undefined where the family has no ARN
 * member. */
export function arnRecord(
  f: ResourceFamily,
  ids: Record<string, string>,
  answers: { operation: string; observed: Observed; nested?: string }[],
): ArnRecord | undefined {
  if (!f.arn) return undefined;
  const fmt = arnFormatOf(f.arn);
  const answered: ArnRecord['answered'] = [];
  for (const a of answers) {
    const inner = a.nested ? a.observed.output?.[a.nested] : undefined;
    const arn = a.observed.output?.[f.arn] ?? (isRecord(inner) ? inner[f.arn] : undefined);
    if (typeof arn === 'string') answered.push({ operation: a.operation, arn });
  }
  return { member: f.arn, ...(fmt ? { format: fmt.format, source: fmt.source } : {}), values: ids, answered };
}
