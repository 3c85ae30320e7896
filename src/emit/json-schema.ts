// Service model → JSON Schema 2020-12: `$defs` named <Operation>Input, <Operation>Output and one per
// error shape. Pure: model in, document out.
import { deriveFamilies, type Families } from '../model/families.ts';
import type { ClientUri, ServiceModel } from '../model/types.ts';
import {
  provenanceStrings,
  shapeSchema,
  structureSchema,
  type JsonSchema,
  type SchemaOptions,
} from './shape-schema.ts';

const DATA: SchemaOptions = { timestamps: 'date-time', keys: 'member', provenance: true, descriptions: true };

export const REPRESENTATION_NOTE =
  'Values as the SDK sees them, serialised to JSON. timestamp: an RFC 3339 date-time string ' +
  '(a JavaScript Date serialised with toISOString); on the restJson1 wire, bodies carry epoch seconds ' +
  '(may be fractional) and query strings ISO 8601. blob: a base64 string. document: any JSON value. ' +
  'integer also covers long and float covers double: the documentation pages do not distinguish them. ' +
  'Structures admit no undocumented members. ' +
  'x-aws-resources gives the resource families. ' +
  'x-aws-location gives the HTTP binding of members that are not in the body; ' +
  'x-provenance names the source of each fact (docs:<page>:<line>, sdk:<package>, api-reference:<url>).';

export function toJsonSchema(model: ServiceModel): JsonSchema {
  const defs: Record<string, JsonSchema> = {};
  const operations: Record<string, JsonSchema> = {};
  for (const op of Object.values(model.operations).sort((a, b) => a.name.localeCompare(b.name))) {
    defs[`${op.name}Input`] = {
      ...structureSchema(Object.values(op.input.members ?? {}), DATA),
      ...(op.description ? { description: op.description } : {}),
    };
    defs[`${op.name}Output`] = structureSchema(Object.values(op.output.members ?? {}), DATA);
    operations[op.name] = {
      method: op.method,
      ...(op.http ? { http: op.http } : {}),
      ...(op.clientUris?.length ? { clientUris: op.clientUris.map(clientUri) } : {}),
      input: { $ref: `#/$defs/${op.name}Input` },
      output: { $ref: `#/$defs/${op.name}Output` },
      errors: op.errors.map((e) => ({ $ref: `#/$defs/${e}` })),
      ...(op.paginated
        ? {
            paginated: {
              inputToken: op.paginated.inputToken,
              outputToken: op.paginated.outputToken,
              limitKey: op.paginated.limitKey,
              resultKey: op.paginated.resultKey,
            },
          }
        : {}),
    };
  }
  for (const e of Object.values(model.errors).sort((a, b) => a.name.localeCompare(b.name))) {
    defs[e.name] = {
      ...shapeSchema(e.shape, DATA),
      'x-aws-error': { fault: e.fault, httpStatus: e.httpStatus },
    };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `urn:aws-backup-conformance:${model.service.toLowerCase()}`,
    title:
      `${model.service} (derived from the documentation pages` +
      `${model.sdkPackage ? ` and ${model.sdkPackage}` : ''})`,
    description: REPRESENTATION_NOTE,
    'x-aws-service': model.service,
    ...(model.sdkPackage ? { 'x-aws-sdk-package': model.sdkPackage } : {}),
    'x-aws-operations': operations,
    'x-aws-resources': resourcesSection(deriveFamilies(model)),
    $defs: defs,
  };
}

/** The derived resource families, keyed by name (see src/model/families.ts for how each is found). */
function resourcesSection({ families, unassigned }: Families): JsonSchema {
  return {
    description:
      'Resource families derived from URI templates, methods, path labels, identifier members ' +
      'and paginators; corrections name the AWS API Reference page that states them. unassigned: ' +
      'operations in no family.',
    families: Object.fromEntries(families.map(({ name, ...f }) => [name, f])),
    unassigned,
  };
}

const clientUri = (c: ClientUri) => ({
  client: c.client,
  uri: c.uri,
  'x-provenance': provenanceStrings(c.provenance),
});
