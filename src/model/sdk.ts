// Reads the installed AWS SDK package's own schema (smithy-typescript static schemas) through
// smithy's NormalizedSchema façade: HTTP bindings, member locations, required members, error shapes.
import { NormalizedSchema } from '@smithy/core/schema';
import type { ErrorShape, HttpBinding, Location, Member, Provenance, Shape } from './types.ts';

export interface SdkOperation {
  name: string;
  http: HttpBinding;
  input: Shape;
  output: Shape;
}

export interface SdkService {
  package: string;
  /** keyed by lower-cased operation name, so boto3's snake_case can find them */
  operations: Map<string, SdkOperation>;
  errors: Record<string, ErrorShape>;
}

type StaticSchema = [number, string, string, Record<string, unknown> | number, ...unknown[]];

/** The SDK package name for a service as boto3 pages title it (`Backup` → `@aws-sdk/client-backup`). */
export function sdkPackageFor(service: string): string {
  return `@aws-sdk/client-${service.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

/** undefined when no SDK package for the service is installed: the spec is then docs-only. */
export async function loadSdk(service: string): Promise<SdkService | undefined> {
  const pkg = sdkPackageFor(service);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pkg)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  return sdkFromModule(pkg, mod);
}

export function sdkFromModule(pkg: string, mod: Record<string, unknown>): SdkService {
  const prov: Provenance = { source: 'sdk', package: pkg };
  const operations = new Map<string, SdkOperation>();
  const errors: Record<string, ErrorShape> = {};
  for (const [key, value] of Object.entries(mod)) {
    if (!key.endsWith('$') || !Array.isArray(value)) continue;
    const sc = value as StaticSchema;
    if (sc[0] === 9) {
      const traits = (typeof sc[3] === 'object' ? sc[3] : {}) as { http?: [string, string, number] };
      if (!traits.http) continue;
      const [method, uri, code] = traits.http;
      operations.set(sc[2].toLowerCase(), {
        name: sc[2],
        http: { method, uri, code },
        input: toShape(NormalizedSchema.of(sc[4] as never), prov, []),
        output: toShape(NormalizedSchema.of(sc[5] as never), prov, []),
      });
    } else if (sc[0] === -3 && !sc[1].startsWith('smithy.ts.sdk.synthetic')) {
      const ns = NormalizedSchema.of(sc as never);
      const t = ns.getMergedTraits() as { error?: string; httpError?: number };
      const fault = t.error === 'server' ? 'server' : 'client';
      errors[sc[2]] = {
        name: sc[2],
        fault,
        httpStatus: t.httpError ?? (fault === 'server' ? 500 : 400),
        shape: toShape(ns, prov, []),
        provenance: [prov],
      };
    }
  }
  return { package: pkg, operations, errors };
}

function toShape(ns: NormalizedSchema, prov: Provenance, path: string[]): Shape {
  const sensitive = ns.getMergedTraits().sensitive ? true : undefined;
  const base = { provenance: [prov], ...(sensitive ? { sensitive } : {}) };
  if (ns.isUnitSchema()) return { type: 'structure', members: {}, ...base };
  if (ns.isStructSchema()) {
    const name = ns.getName(true) ?? '';
    if (path.includes(name)) return { type: 'document', ...base }; // recursive shape: cut the cycle
    const raw = ns.getSchema() as unknown as unknown[];
    const requiredCount = typeof raw[6] === 'number' ? raw[6] : 0;
    const members: Record<string, Member> = {};
    let i = 0;
    for (const [memberName, m] of ns.structIterator()) {
      members[memberName] = toMember(memberName, m, i++ < requiredCount, prov, [...path, name]);
    }
    return { type: 'structure', members, ...base };
  }
  if (ns.isListSchema()) return { type: 'list', member: toShape(ns.getValueSchema(), prov, path), ...base };
  if (ns.isMapSchema()) {
    return {
      type: 'map',
      key: toShape(ns.getKeySchema(), prov, path),
      value: toShape(ns.getValueSchema(), prov, path),
      ...base,
    };
  }
  if (ns.isTimestampSchema()) return { type: 'timestamp', ...base };
  if (ns.isBlobSchema()) return { type: 'blob', ...base };
  if (ns.isBooleanSchema()) return { type: 'boolean', ...base };
  // the SDK does not tell integer from float; the docs do, and win in the merge
  if (ns.isNumericSchema() || ns.isBigIntegerSchema() || ns.isBigDecimalSchema())
    return { type: 'float', ...base };
  if (ns.isDocumentSchema()) return { type: 'document', ...base };
  return { type: 'string', ...base };
}

function toMember(
  name: string,
  m: NormalizedSchema,
  required: boolean,
  prov: Provenance,
  path: string[],
): Member {
  const t = m.getMergedTraits() as {
    httpQuery?: string;
    httpLabel?: number;
    httpHeader?: string;
    jsonName?: string;
    idempotencyToken?: number;
  };
  let location: Location = 'body';
  let locationName = t.jsonName ?? name;
  if (t.httpLabel) {
    location = 'path';
    locationName = name;
  } else if (t.httpQuery) {
    location = 'query';
    locationName = t.httpQuery;
  } else if (t.httpHeader) {
    location = 'header';
    locationName = t.httpHeader;
  }
  return {
    name,
    shape: toShape(m, prov, path),
    required,
    location,
    locationName,
    ...(t.idempotencyToken ? { idempotencyToken: true } : {}),
    provenance: [prov],
  };
}
