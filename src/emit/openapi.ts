// Service model → OpenAPI 3.1 with the restJson1 bindings: paths, methods, query parameter names,
// success codes, JSON bodies in wire form, and error responses with the `x-amzn-errortype` header.
// Operations without an HTTP binding (docs-only models) cannot be placed and are left out.
import type { Member, Operation, ServiceModel } from '../model/types.ts';
import { memberSchema, shapeSchema, structureSchema, type JsonSchema, type SchemaOptions } from './shape-schema.ts';

const WIRE: SchemaOptions = { timestamps: 'epoch-seconds', keys: 'wire', provenance: false, descriptions: true };
/** Query strings and headers carry timestamps as ISO 8601 (restJson1). */
const QUERY: SchemaOptions = { ...WIRE, timestamps: 'date-time' };

const REQUEST_ID = { description: 'Request id, on every response', schema: { type: 'string' } };

export function toOpenApi(model: ServiceModel): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const schemas: Record<string, JsonSchema> = {};
  for (const e of Object.values(model.errors).sort((a, b) => a.name.localeCompare(b.name))) {
    schemas[e.name] = shapeSchema(e.shape, WIRE);
  }
  for (const op of Object.values(model.operations).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!op.http) continue;
    const [path, literal] = op.http.uri.split('?');
    const key = path!.replace(/\{(\w+)\+\}/g, '{$1}');
    const members = Object.values(op.input.members ?? {});
    const body = members.filter((m) => m.location === 'body');
    const outBody = Object.values(op.output.members ?? {}).filter((m) => m.location === 'body');
    if (body.length) schemas[`${op.name}RequestBody`] = structureSchema(body, WIRE);
    schemas[`${op.name}Output`] = structureSchema(outBody, WIRE);
    (paths[key] ??= {})[op.http.method.toLowerCase()] = {
      operationId: op.name,
      ...(op.description ? { summary: op.description.slice(0, 120), description: op.description } : {}),
      parameters: [...members.filter((m) => m.location !== 'body').map(parameter), ...literalParams(literal)],
      ...(body.length ? { requestBody: { required: body.some((m) => m.required), content: { 'application/json': { schema: ref(`${op.name}RequestBody`) } } } } : {}),
      responses: responses(op, model),
      ...(op.paginated ? { 'x-aws-pagination': { inputToken: op.paginated.inputToken, outputToken: op.paginated.outputToken, limitKey: op.paginated.limitKey, resultKey: op.paginated.resultKey } } : {}),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: `${model.service} API (derived from the documentation pages${model.sdkPackage ? ` and ${model.sdkPackage}` : ''})`,
      version: '1.0.0',
      description: 'restJson1 wire form: body timestamps are epoch seconds, query timestamps ISO 8601. Errors carry x-amzn-errortype.',
    },
    servers: [{ url: `https://${model.service.toLowerCase()}.{region}.amazonaws.com`, variables: { region: { default: 'us-east-1' } } }],
    security: [{ sigv4: [] }],
    paths,
    components: {
      schemas,
      securitySchemes: { sigv4: { type: 'apiKey', name: 'Authorization', in: 'header', description: 'AWS Signature Version 4' } },
    },
  };
}

function ref(name: string): JsonSchema {
  return { $ref: `#/components/schemas/${name}` };
}

function parameter(m: Member): JsonSchema {
  const schema = memberSchema(m, QUERY);
  const description = schema.description;
  delete schema.description;
  delete schema['x-aws-location'];
  return {
    name: m.locationName,
    in: m.location,
    required: m.location === 'path' ? true : m.required,
    ...(description ? { description } : {}),
    schema,
    ...(m.shape.type === 'list' ? { style: 'form', explode: true } : {}),
  };
}

/** `?delete` in a Smithy URI is a literal query key the request must carry. */
function literalParams(literal: string | undefined): JsonSchema[] {
  if (!literal) return [];
  return literal.split('&').map((kv) => {
    const [name, value = ''] = kv.split('=');
    return { name, in: 'query', required: true, allowEmptyValue: value === '', schema: { type: 'string', const: value } };
  });
}

function responses(op: Operation, model: ServiceModel): JsonSchema {
  const out: Record<string, JsonSchema> = {
    [String(op.http!.code)]: {
      description: `${op.name} succeeded`,
      headers: { 'x-amzn-requestid': REQUEST_ID },
      ...(Object.keys(op.output.members ?? {}).length ? { content: { 'application/json': { schema: ref(`${op.name}Output`) } } } : {}),
    },
  };
  const byStatus = new Map<number, string[]>();
  for (const name of op.errors) {
    const status = model.errors[name]?.httpStatus ?? 400;
    byStatus.set(status, [...(byStatus.get(status) ?? []), name]);
  }
  for (const [status, names] of [...byStatus].sort(([a], [b]) => a - b)) {
    out[String(status)] = {
      description: names.join(', '),
      headers: {
        'x-amzn-errortype': { description: 'The exception name', required: true, schema: { type: 'string', enum: names } },
        'x-amzn-requestid': REQUEST_ID,
      },
      content: { 'application/json': { schema: names.length === 1 ? ref(names[0]!) : { anyOf: names.map(ref) } } },
    };
  }
  return out;
}
