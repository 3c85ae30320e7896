// Service model → OpenAPI 3.1 with the restJson1 bindings: paths, methods, query parameter names,
// success codes, JSON bodies in wire form, and error responses with the `x-amzn-errortype` header.
// Operations without an HTTP binding (docs-only models) cannot be placed and are left out. Every operation
// is tagged with its resource family (src/model/families.ts), so the document lints clean (spectral:oas).
import { deriveFamilies, type ResourceFamily } from '../model/families.ts';
import { ROLES } from '../model/overlay-resources.ts';
import type { Member, Operation, ServiceModel } from '../model/types.ts';
import { pathKeys, sharedPathNote } from './openapi-paths.ts';
import {
  memberSchema,
  shapeSchema,
  structureSchema,
  type JsonSchema,
  type SchemaOptions,
} from './shape-schema.ts';

const WIRE: SchemaOptions = {
  timestamps: 'epoch-seconds',
  keys: 'wire',
  provenance: false,
  descriptions: true,
};
/** Query strings and headers carry timestamps as ISO 8601 (restJson1). */
const QUERY: SchemaOptions = { ...WIRE, timestamps: 'date-time' };

const REQUEST_ID = { description: 'Request id, on every response', schema: { type: 'string' } };

export interface OpenApiOptions {
  /** also give each URI another client sends (botocore's trailing slashes) its own path item, so that a
   * validating proxy accepts that client's requests; OpenAPI's linters warn on such trailing slashes */
  clientPaths?: boolean;
}

const UNGROUPED = 'Ungrouped';

type Place = { family: string; role: string };
interface Placed {
  op: Operation;
  /** the other client whose URI this is; undefined for the SDK's own */
  client?: string;
  uri: string;
}

export function toOpenApi(model: ServiceModel, options: OpenApiOptions = {}): JsonSchema {
  const paths: Record<string, JsonSchema> = {};
  const schemas: Record<string, JsonSchema> = {};
  for (const e of Object.values(model.errors).sort((a, b) => a.name.localeCompare(b.name))) {
    schemas[e.name] = shapeSchema(e.shape, WIRE);
  }
  const { families, unassigned } = deriveFamilies(model);
  const placeOf = new Map<string, Place>();
  for (const f of families) {
    for (const r of ROLES) for (const o of f[r]) placeOf.set(o, { family: f.name, role: r });
  }
  const ops = Object.values(model.operations)
    .filter((o) => o.http)
    .sort((a, b) => a.name.localeCompare(b.name));
  const placed: Placed[] = ops.flatMap((op) => [
    { op, uri: op.http!.uri },
    ...(options.clientPaths ? (op.clientUris ?? []).map((c) => ({ op, client: c.client, uri: c.uri })) : []),
  ]);
  const keys = pathKeys(placed.map((p, i) => ({ id: String(i), uri: p.uri })));
  const shared = new Map<string, { op: Operation; renamed: Record<string, string> }[]>();
  placed.forEach((p, i) => {
    const { op } = p;
    const { key, renamed } = keys.get(String(i))!;
    const body = Object.values(op.input.members ?? {}).filter((m) => m.location === 'body');
    const outBody = Object.values(op.output.members ?? {}).filter((m) => m.location === 'body');
    if (body.length) schemas[`${op.name}RequestBody`] = structureSchema(body, WIRE);
    if (outBody.length) schemas[`${op.name}Output`] = structureSchema(outBody, WIRE);
    (paths[key] ??= {})[op.http!.method.toLowerCase()] = operation(model, p, renamed, placeOf.get(op.name));
    shared.set(key, [...(shared.get(key) ?? []), { op, renamed }]);
  });
  for (const [key, entries] of shared) {
    const note = sharedPathNote(entries);
    if (note) paths[key] = { description: note, ...paths[key] };
  }
  const ungrouped = `Operations in no resource family: ${unassigned.join(', ')}.`;
  const sdk = model.sdkPackage ? ` and ${model.sdkPackage}` : '';
  return {
    openapi: '3.1.0',
    info: {
      title: `${model.service} API (derived from the documentation pages${sdk})`,
      version: '1.0.0',
      description: infoDescription(model, ops, options),
      contact: { name: 'aws-backup-conformance' },
    },
    servers: [
      {
        url: `https://${model.service.toLowerCase()}.{region}.amazonaws.com`,
        variables: { region: { default: 'us-east-1' } },
      },
    ],
    security: [{ sigv4: [] }],
    tags: [
      ...families.map(tagOf),
      ...(unassigned.length ? [{ name: UNGROUPED, description: ungrouped }] : []),
    ],
    paths,
    components: {
      schemas,
      securitySchemes: {
        sigv4: {
          type: 'apiKey',
          name: 'Authorization',
          in: 'header',
          description: 'AWS Signature Version 4',
        },
      },
    },
  };
}

function operation(
  model: ServiceModel,
  { op, client, uri }: Placed,
  renamed: Record<string, string>,
  place?: Place,
): JsonSchema {
  const members = Object.values(op.input.members ?? {});
  const body = members.filter((m) => m.location === 'body');
  const sdk = model.sdkPackage ?? 'the SDK';
  const description = op.description || `${op.name}: no documentation page; bindings and shapes from ${sdk}.`;
  const labels = Object.fromEntries(Object.entries(renamed).map(([member, label]) => [label, member]));
  const params = members
    .filter((m) => m.location !== 'body')
    .map((m) => parameter(m, renamed[m.locationName]));
  const json = { 'application/json': { schema: ref(`${op.name}RequestBody`) } };
  const requestBody = { required: body.some((m) => m.required), content: json };
  const clientUris = Object.fromEntries((op.clientUris ?? []).map((c) => [c.client, c.uri]));
  const p = op.paginated;
  return {
    operationId: client ? `${op.name}_${client}` : op.name,
    tags: [place?.family ?? UNGROUPED],
    summary: description.slice(0, 120),
    description: client
      ? `${description}\n\nThe URI ${client} sends for ${op.name}; the same operation.`
      : description,
    parameters: [...params, ...literalParams(uri.split('?')[1])],
    ...(body.length ? { requestBody } : {}),
    responses: responses(op, model),
    ...(place ? { 'x-aws-resource': place } : {}),
    ...(Object.keys(labels).length ? { 'x-aws-label-members': labels } : {}),
    ...(client ? { 'x-aws-canonical-operation': op.name, 'x-aws-client': client } : {}),
    ...(!client && Object.keys(clientUris).length ? { 'x-aws-client-uris': clientUris } : {}),
    ...(p
      ? {
          'x-aws-pagination': {
            inputToken: p.inputToken,
            outputToken: p.outputToken,
            limitKey: p.limitKey,
            resultKey: p.resultKey,
          },
        }
      : {}),
  };
}

function infoDescription(model: ServiceModel, ops: Operation[], options: OpenApiOptions): string {
  const sdk = model.sdkPackage ?? 'the SDK';
  const clients = [...new Set(ops.flatMap((o) => (o.clientUris ?? []).map((c) => c.client)))].join(', ');
  const paths = !clients
    ? ''
    : options.clientPaths
      ? `Paths are those ${sdk} sends, and also those ${clients} sends where they differ ` +
        '(a trailing slash): each such path item holds a copy of the operation, operationId suffixed ' +
        'with the client, x-aws-canonical-operation naming the operation.'
      : `Paths are those ${sdk} sends; where ${clients} sends another URI (a trailing slash), ` +
        'x-aws-client-uris on the operation gives it.';
  return (
    'restJson1 wire form: body timestamps are epoch seconds, query timestamps ISO 8601. ' +
    'Errors carry x-amzn-errortype. Operations are tagged with their resource family ' +
    `(x-aws-resources in the JSON Schema; spec/resources.md). ${paths}`
  );
}

function tagOf(f: ResourceFamily): JsonSchema {
  const roles = ROLES.filter((r) => f[r].length)
    .map((r) => `${r}: ${f[r].join(', ')}`)
    .join('; ');
  const at = f.identifiers.length ? ` addressed by ${f.identifiers.join(' + ')}` : '';
  const id = f.identifier ? `identified by ${f.identifiers.join(' + ')}` : `a singleton${at}`;
  const what = f.kind === 'collection' ? 'Resource' : 'Sub-resource';
  const parent = f.parent ? `, in a ${f.parent}` : '';
  return { name: f.name, description: `${what} at ${f.path}, ${id}${parent}. ${roles}.` };
}

function ref(name: string): JsonSchema {
  return { $ref: `#/components/schemas/${name}` };
}

/** `label`: the name a path label travels under where equivalent templates were merged (openapi-paths.ts). */
function parameter(m: Member, label?: string): JsonSchema {
  const schema = memberSchema(m, QUERY);
  const own = schema.description as string | undefined;
  const description = label ? `The member ${m.name}${own ? `: ${own}` : '.'}` : own;
  delete schema.description;
  delete schema['x-aws-location'];
  return {
    name: label ?? m.locationName,
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
    return {
      name,
      in: 'query',
      required: true,
      allowEmptyValue: value === '',
      schema: { type: 'string', const: value },
    };
  });
}

function responses(op: Operation, model: ServiceModel): JsonSchema {
  const out: Record<string, JsonSchema> = {
    [String(op.http!.code)]: {
      description: `${op.name} succeeded`,
      headers: { 'x-amzn-requestid': REQUEST_ID },
      ...(Object.keys(op.output.members ?? {}).length
        ? { content: { 'application/json': { schema: ref(`${op.name}Output`) } } }
        : {}),
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
        'x-amzn-errortype': {
          description: 'The exception name',
          required: true,
          schema: { type: 'string', enum: names },
        },
        'x-amzn-requestid': REQUEST_ID,
      },
      content: {
        'application/json': { schema: names.length === 1 ? ref(names[0]!) : { anyOf: names.map(ref) } },
      },
    };
  }
  return out;
}
