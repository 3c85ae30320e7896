// Values between their three forms, walked along the model: the SDK's (Date, Uint8Array), the data
// model's JSON (RFC 3339 strings, base64: what spec/*.schema.json validates) and the restJson1 body
// (epoch seconds, base64). One walk, parameterised by the form.
import type { Shape } from '../model/types.ts';

export type Form = 'data' | 'wire';

/** SDK value → JSON in the given form (Dates become ISO strings or epoch seconds). */
export function toJson(shape: Shape, value: unknown, form: Form): unknown {
  if (value === undefined || value === null) return value;
  switch (shape.type) {
    case 'timestamp':
      if (!(value instanceof Date)) return value; // already malformed on purpose: pass through untouched
      return form === 'data' ? value.toISOString() : value.getTime() / 1000;
    case 'blob':
      return value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value;
    case 'list':
      return Array.isArray(value) ? value.map((v) => toJson(shape.member!, v, form)) : value;
    case 'map':
      return isRecord(value) ? mapValues(value, (v) => toJson(shape.value!, v, form)) : value;
    case 'structure': {
      if (!isRecord(value)) return value;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        const m = shape.members?.[k];
        const key = m && form === 'wire' ? m.locationName : k;
        out[key] = m ? toJson(m.shape, v, form) : v;
      }
      return out;
    }
    default:
      return value;
  }
}

/** JSON in the given form → the SDK's values (epoch seconds or ISO strings become Dates). */
export function fromJson(shape: Shape, value: unknown, form: Form): unknown {
  if (value === undefined || value === null) return value;
  switch (shape.type) {
    case 'timestamp':
      if (typeof value === 'number') return new Date(Math.round(value * 1000));
      if (typeof value === 'string' && form === 'data') return new Date(value);
      return value;
    case 'blob':
      return typeof value === 'string' ? new Uint8Array(Buffer.from(value, 'base64')) : value;
    case 'list':
      return Array.isArray(value) ? value.map((v) => fromJson(shape.member!, v, form)) : value;
    case 'map':
      return isRecord(value) ? mapValues(value, (v) => fromJson(shape.value!, v, form)) : value;
    case 'structure': {
      if (!isRecord(value)) return value;
      const byWire = new Map(Object.values(shape.members ?? {}).map((m) => [form === 'wire' ? m.locationName : m.name, m]));
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        const m = byWire.get(k);
        out[m ? m.name : k] = m ? fromJson(m.shape, v, form) : v;
      }
      return out;
    }
    default:
      return value;
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof Uint8Array);
}

function mapValues(o: Record<string, unknown>, f: (v: unknown) => unknown): Record<string, unknown> {
  // keys such as __proto__ stay plain data: defineProperty never invokes the prototype setter
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) Object.defineProperty(out, k, { value: f(v), enumerable: true, writable: true, configurable: true });
  return out;
}

/** Wire-form members whose JSON kind the restJson1 body rules forbid, which the data-form schema
 * cannot see: a timestamp that is not epoch seconds, a blob that is not a string. */
export function wireKindProblems(shape: Shape, value: unknown, path = ''): { path: string; message: string }[] {
  if (value === undefined || value === null) return [];
  switch (shape.type) {
    case 'timestamp':
      return typeof value === 'number' ? [] : [{ path, message: `${path} is ${JSON.stringify(value)}: a body timestamp must be epoch seconds (a number)` }];
    case 'list':
      return Array.isArray(value) ? value.flatMap((v, i) => wireKindProblems(shape.member!, v, `${path}[${i}]`)) : [];
    case 'map':
      return isRecord(value) ? Object.entries(value).flatMap(([k, v]) => wireKindProblems(shape.value!, v, `${path}.${k}`)) : [];
    case 'structure':
      if (!isRecord(value)) return [];
      return Object.values(shape.members ?? {}).flatMap((m) => wireKindProblems(m.shape, value[m.locationName], path ? `${path}.${m.name}` : m.name));
    default:
      return [];
  }
}
