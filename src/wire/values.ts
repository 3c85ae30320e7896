// Values between their three forms, walked along the model: the SDK's (Date, Uint8Array), the data
// model's JSON (RFC 3339 strings, base64: what spec/*.schema.json validates) and the restJson1 body
// (epoch seconds, base64). One walk, parameterised by the form.
import type { Shape } from '../model/types.ts';

export type Form = 'data' | 'wire';

type Convert = (value: unknown) => unknown;
const compiled = { data: new WeakMap<Shape, Convert>(), wire: new WeakMap<Shape, Convert>() };

/** SDK value → JSON in the given form (Dates become ISO strings or epoch seconds). The walk is compiled
 * once per shape and form: it runs for every request and answer. */
export function toJson(shape: Shape, value: unknown, form: Form): unknown {
  return converter(shape, form)(value);
}

function converter(shape: Shape, form: Form): Convert {
  let c = compiled[form].get(shape);
  if (c) return c;
  const nil = (v: unknown) => v === undefined || v === null;
  switch (shape.type) {
    case 'timestamp':
      // a value that is not a Date is already malformed on purpose: passed through untouched
      c =
        form === 'data'
          ? (v) => (v instanceof Date ? v.toISOString() : v)
          : (v) => (v instanceof Date ? v.getTime() / 1000 : v);
      break;
    case 'blob':
      c = (v) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v);
      break;
    case 'list': {
      let item: Convert | undefined;
      c = (v) => (Array.isArray(v) ? v.map((x) => (item ??= converter(shape.member!, form))(x)) : v);
      break;
    }
    case 'map': {
      let val: Convert | undefined;
      c = (v) => (isRecord(v) ? mapValues(v, (x) => (val ??= converter(shape.value!, form))(x)) : v);
      break;
    }
    case 'structure': {
      const members = shape.members ?? {};
      const keys = new Map<string, { key: string; convert: () => Convert }>();
      for (const [name, m] of Object.entries(members)) {
        let mc: Convert | undefined;
        keys.set(name, {
          key: form === 'wire' ? m.locationName : name,
          convert: () => (mc ??= converter(m.shape, form)),
        });
      }
      c = (v) => {
        if (!isRecord(v)) return v;
        const out: Record<string, unknown> = {};
        for (const k in v) {
          const x = v[k];
          const m = keys.get(k);
          const y = m && !nil(x) ? m.convert()(x) : x;
          if (k === '__proto__')
            Object.defineProperty(out, k, { value: y, enumerable: true, writable: true, configurable: true });
          else out[m ? m.key : k] = y;
        }
        return out;
      };
      break;
    }
    default:
      c = (v) => v;
  }
  compiled[form].set(shape, c);
  return c;
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
      const byWire = new Map(
        Object.values(shape.members ?? {}).map((m) => [form === 'wire' ? m.locationName : m.name, m]),
      );
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
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    !(v instanceof Date) &&
    !(v instanceof Uint8Array)
  );
}

function mapValues(o: Record<string, unknown>, f: (v: unknown) => unknown): Record<string, unknown> {
  // keys such as __proto__ stay plain data: defineProperty never invokes the prototype setter
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o))
    Object.defineProperty(out, k, { value: f(v), enumerable: true, writable: true, configurable: true });
  return out;
}

/** Members whose kind the form forbids, which the data-form schema cannot see. On the restJson1 wire
 * a timestamp must be epoch seconds; in the SDK's form a timestamp must be a Date and a blob bytes (a
 * stubbed string where the SDK gives a Date breaks code that calls getTime()). */
export function kindProblems(
  shape: Shape,
  value: unknown,
  form: 'wire' | 'sdk',
  path = '',
): { path: string; message: string }[] {
  if (value === undefined || value === null) return [];
  switch (shape.type) {
    case 'timestamp':
      if (form === 'wire')
        return typeof value === 'number'
          ? []
          : [
              {
                path,
                message:
                  `${path} is ${JSON.stringify(value)}: ` +
                  'a body timestamp must be epoch seconds (a number)',
              },
            ];
      return value instanceof Date && !Number.isNaN(value.getTime())
        ? []
        : [{ path, message: `${path} is ${describe(value)}: the SDK gives a timestamp as a valid Date` }];
    case 'blob':
      return form === 'wire' || value instanceof Uint8Array
        ? []
        : [{ path, message: `${path} is ${describe(value)}: the SDK gives a blob as a Uint8Array` }];
    case 'list':
      return Array.isArray(value)
        ? value.flatMap((v, i) => kindProblems(shape.member!, v, form, `${path}[${i}]`))
        : [];
    case 'map':
      return isRecord(value)
        ? Object.entries(value).flatMap(([k, v]) => kindProblems(shape.value!, v, form, `${path}.${k}`))
        : [];
    case 'structure':
      if (!isRecord(value)) return [];
      return Object.values(shape.members ?? {}).flatMap((m) =>
        kindProblems(
          m.shape,
          value[form === 'wire' ? m.locationName : m.name],
          form,
          path ? `${path}.${m.name}` : m.name,
        ),
      );
    default:
      return [];
  }
}

function describe(v: unknown): string {
  if (v instanceof Date) return 'an invalid Date';
  return `${typeof v === 'string' ? 'the string' : `a ${typeof v}`} ${JSON.stringify(v)?.slice(0, 60)}`;
}

/** JSON with object keys sorted: the same value always gives the same text (a key for values). */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}
