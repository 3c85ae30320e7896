// Docs ⊕ SDK, shape by shape. The docs give enums, integer vs float, descriptions and documented
// values; the SDK gives wire bindings, required members, sensitivity and members the docs lack.
// Where the two disagree the SDK's wire fact wins and the disagreement becomes a drift item.
import type { DocMember, DocShape } from '../docs/types.ts';
import type { DriftItem, Member, Provenance, Shape } from './types.ts';

export interface MergeCtx {
  operation: string;
  page: string;
  sdkPackage?: string;
  drift: DriftItem[];
}

export function docProvenance(ref: { file: string; line: number }): Provenance {
  return { source: 'docs', file: ref.file, line: ref.line };
}

export function mergeShape(
  doc: DocShape | undefined,
  sdk: Shape | undefined,
  path: string,
  ctx: MergeCtx,
): Shape {
  if (!doc) {
    if (!sdk) return { type: 'structure', members: {}, provenance: [] };
    return sdk;
  }
  const prov = [docProvenance(doc.ref), ...(sdk?.provenance ?? [])];
  const type = doc.type;
  if (sdk && sdk.type !== type) {
    const numeric = sdk.type === 'float' && (type === 'integer' || type === 'float');
    if (!numeric) {
      ctx.drift.push({
        kind: 'type',
        operation: ctx.operation,
        subject: path,
        detail: `the page says ${type}, the SDK binds ${sdk.type}; the SDK's type is used`,
        sources: [`${ctx.page}:${doc.ref.line}`, ctx.sdkPackage ?? 'sdk'],
      });
      return { ...sdk, provenance: prov };
    }
  }
  const shape: Shape = { type, provenance: prov };
  if (doc.enum) shape.enum = [...doc.enum];
  if (sdk?.sensitive) shape.sensitive = true;
  if (type === 'list') shape.member = mergeShape(doc.member, sdk?.member, `${path}[]`, ctx);
  if (type === 'map') {
    shape.key = mergeShape(doc.key, sdk?.key, `${path}{key}`, ctx);
    shape.value = mergeShape(doc.value, sdk?.value, `${path}{value}`, ctx);
  }
  if (type === 'structure') shape.members = mergeMembers(doc.members ?? [], sdk?.members, path, ctx);
  return shape;
}

function mergeMembers(
  docs: DocMember[],
  sdk: Record<string, Member> | undefined,
  path: string,
  ctx: MergeCtx,
): Record<string, Member> {
  const out: Record<string, Member> = {};
  const at = (name: string) => (path ? `${path}.${name}` : name);
  for (const d of docs) {
    const s = sdk?.[d.name];
    const shape = mergeShape(d.shape, s?.shape, at(d.name), ctx);
    if (d.documentedValues) shape.documentedValues = d.documentedValues;
    if (sdk && !s) {
      ctx.drift.push({
        kind: 'member-extra',
        operation: ctx.operation,
        subject: at(d.name),
        detail: `documented on the page but absent from the SDK's model`,
        sources: [`${ctx.page}:${d.ref.line}`, ctx.sdkPackage ?? 'sdk'],
      });
    }
    if (s && d.required !== undefined && d.required !== s.required) {
      ctx.drift.push({
        kind: 'required',
        operation: ctx.operation,
        subject: at(d.name),
        detail:
          `the page marks it ${d.required ? 'required' : 'optional'}, ` +
          `the SDK ${s.required ? 'requires it' : 'does not require it'}; the SDK is followed`,
        sources: [`${ctx.page}:${d.ref.line}`, ctx.sdkPackage ?? 'sdk'],
      });
    }
    const name = d.name;
    const required = s ? s.required : d.required === true;
    const location = s?.location ?? 'body';
    const locationName = s?.locationName ?? d.name;
    const provenance = s ? [docProvenance(d.ref), ...s.provenance] : [docProvenance(d.ref)];
    const description = d.description;
    // one literal per combination of the optional keys (key order as ever), no spreads: a page has thousands
    out[name] = s?.idempotencyToken
      ? description
        ? { name, shape, required, location, locationName, idempotencyToken: true, description, provenance }
        : { name, shape, required, location, locationName, idempotencyToken: true, provenance }
      : description
        ? { name, shape, required, location, locationName, description, provenance }
        : { name, shape, required, location, locationName, provenance };
  }
  for (const [name, s] of Object.entries(sdk ?? {})) {
    if (out[name]) continue;
    ctx.drift.push({
      kind: 'member-missing',
      operation: ctx.operation,
      subject: at(name),
      detail: `in the SDK's model but not documented on the page; taken from the SDK`,
      sources: [ctx.page, ctx.sdkPackage ?? 'sdk'],
    });
    out[name] = s;
  }
  return out;
}
