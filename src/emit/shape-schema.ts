// One walk from a model shape to a JSON Schema (2020-12) fragment, shared by the JSON Schema and
// OpenAPI emitters. `timestamps` chooses the representation: the data model (RFC 3339 strings) or
// the restJson1 body wire form (epoch seconds).
import type { Member, Provenance, Shape } from '../model/types.ts';

export type JsonSchema = { [k: string]: unknown };

export interface SchemaOptions {
  timestamps: 'date-time' | 'epoch-seconds';
  /** property names: member names (the SDK's data model) or wire names (restJson1 `jsonName`) */
  keys: 'member' | 'wire';
  /** emit `x-provenance` on every shape */
  provenance: boolean;
  /** emit member descriptions */
  descriptions: boolean;
}

export function provenanceStrings(p: Provenance[]): string[] {
  return [
    ...new Set(
      p.map((x) =>
        x.source === 'docs'
          ? `docs:${x.file}:${x.line}`
          : x.source === 'sdk'
            ? `sdk:${x.package}`
            : `api-reference:${x.url}`,
      ),
    ),
  ];
}

export function shapeSchema(shape: Shape, o: SchemaOptions): JsonSchema {
  const s: JsonSchema = scalar(shape, o);
  if (shape.enum) s.enum = [...shape.enum];
  if (shape.min !== undefined)
    s[shape.type === 'list' ? 'minItems' : shape.type === 'map' ? 'minProperties' : 'minimum'] = shape.min;
  if (shape.max !== undefined)
    s[shape.type === 'list' ? 'maxItems' : shape.type === 'map' ? 'maxProperties' : 'maximum'] = shape.max;
  if (shape.minLength !== undefined) s.minLength = shape.minLength;
  if (shape.maxLength !== undefined) s.maxLength = shape.maxLength;
  if (shape.pattern !== undefined) s.pattern = shape.pattern;
  if (shape.sensitive) s['x-aws-sensitive'] = true;
  if (shape.documentedValues) s['x-aws-documented-values'] = [...shape.documentedValues];
  if (o.provenance && shape.provenance.length) s['x-provenance'] = provenanceStrings(shape.provenance);
  return s;
}

function scalar(shape: Shape, o: SchemaOptions): JsonSchema {
  switch (shape.type) {
    case 'string':
      return { type: 'string' };
    case 'integer':
      return { type: 'integer' };
    case 'float':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'timestamp':
      return o.timestamps === 'date-time'
        ? { type: 'string', format: 'date-time' }
        : { type: 'number', description: 'seconds since the Unix epoch, may be fractional' };
    case 'blob':
      return { type: 'string', contentEncoding: 'base64' };
    case 'document':
      return {};
    case 'list':
      return { type: 'array', items: shapeSchema(shape.member!, o) };
    case 'map':
      return {
        type: 'object',
        propertyNames: shapeSchema(shape.key!, o),
        additionalProperties: shapeSchema(shape.value!, o),
      };
    case 'structure':
      return structureSchema(Object.values(shape.members ?? {}), o);
  }
}

/** An object schema over the given members: `properties`, `required`, no undocumented fields. */
export function structureSchema(members: Member[], o: SchemaOptions): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const key = (m: Member) => (o.keys === 'wire' && m.location === 'body' ? m.locationName : m.name);
  for (const m of members) properties[key(m)] = memberSchema(m, o);
  const required = members.filter((m) => m.required).map(key);
  return {
    type: 'object',
    properties,
    ...(required.length ? { required } : {}),
    additionalProperties: false,
  };
}

export function memberSchema(m: Member, o: SchemaOptions): JsonSchema {
  const s = shapeSchema(m.shape, o);
  if (o.descriptions && m.description) s.description = m.description;
  if (m.location !== 'body') s['x-aws-location'] = { in: m.location, name: m.locationName };
  if (m.idempotencyToken) s['x-aws-idempotency-token'] = true;
  if (o.provenance) s['x-provenance'] = provenanceStrings([...m.provenance, ...m.shape.provenance]);
  return s;
}
