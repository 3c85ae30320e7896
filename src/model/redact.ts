// Sensitive members (the model marks them, e.g. restore Metadata) never reach a report or a log.
import { isRecord } from '../wire/values.ts';
import type { Shape } from './types.ts';

export const REDACTED = '<redacted>';

export function redact(shape: Shape | undefined, value: unknown): unknown {
  if (!shape || value === undefined || value === null) return value;
  if (shape.sensitive) return REDACTED;
  if (shape.type === 'list' && Array.isArray(value)) return value.map((v) => redact(shape.member, v));
  if (shape.type === 'map' && isRecord(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(shape.value, v)]));
  if (shape.type === 'structure' && isRecord(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, redact(shape.members?.[k]?.shape, v)]),
    );
  }
  return value;
}

/** A JSON body in wire form, with sensitive members redacted; unparseable text is kept as is. */
export function redactWireBody(shape: Shape, body: string | undefined): string | undefined {
  if (!body) return body;
  try {
    const parsed = JSON.parse(body) as unknown;
    const byWire: Shape = {
      ...shape,
      members: Object.fromEntries(Object.values(shape.members ?? {}).map((m) => [m.locationName, m])),
    };
    return JSON.stringify(redact(byWire, parsed));
  } catch {
    return body;
  }
}
