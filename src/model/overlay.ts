// The spec overlay: constraints that neither page form states (ranges, patterns, lengths), each with
// the AWS API Reference page that documents it. Applied to the model with provenance `api-reference`.
// Resource and URI facts (overlay-resources.ts) ride along: families.ts and the OpenAPI emitter read them.
import type { Constraints, ServiceModel, Shape } from './types.ts';
import { deriveFamilies } from './families.ts';
import {
  applyUriFacts,
  parseResourceFacts,
  parseUriFacts,
  type ResourceFact,
  type UriFact,
} from './overlay-resources.ts';

export interface OverlayFact {
  /** `<Operation>.<input|output>.<Member>` then `.Member`, `[]` (list element) or `{key}` / `{value}` */
  target: string;
  constraints: Constraints;
  /** the AWS API Reference page (URL) that states the constraint */
  source: string;
  note?: string;
}

export interface Overlay {
  file: string;
  service: string;
  facts: OverlayFact[];
  /** where an operation belongs in a resource family, where its URI and method do not show it */
  resources?: ResourceFact[];
  /** URIs another client sends (e.g. botocore's trailing slashes) */
  uris?: UriFact[];
}

export class OverlayError extends Error {
  readonly code = 'E_OVERLAY';
  constructor(
    readonly file: string,
    readonly field: string,
    expected: string,
  ) {
    super(`${file}: ${field}: expected ${expected}`);
    this.name = 'OverlayError';
  }
}

const CONSTRAINT_KEYS: Record<keyof Constraints, 'number' | 'string' | 'string[]'> = {
  min: 'number',
  max: 'number',
  minLength: 'number',
  maxLength: 'number',
  pattern: 'string',
  enum: 'string[]',
};

const isA = (v: unknown, want: string) =>
  want === 'string[]'
    ? Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string')
    : typeof v === want;

/** Validates a parsed overlay document; every error names the file and the field. */
export function parseOverlay(file: string, doc: unknown): Overlay {
  const o = doc as { service?: unknown; facts?: unknown; resources?: unknown; uris?: unknown };
  if (typeof o !== 'object' || o === null) throw new OverlayError(file, '(root)', 'a JSON object');
  if (typeof o.service !== 'string') throw new OverlayError(file, 'service', 'a service name string');
  if (!Array.isArray(o.facts)) throw new OverlayError(file, 'facts', 'an array of facts');
  const facts = o.facts.map((f: unknown, i: number): OverlayFact => {
    const at = `facts[${i}]`;
    const x = f as Record<string, unknown>;
    if (
      typeof x?.target !== 'string' ||
      !/^\w+\.(input|output)(\.\w+|\[\]|\{key\}|\{value\})+$/.test(x.target)
    ) {
      throw new OverlayError(file, `${at}.target`, "'<Operation>.<input|output>.<Member>…'");
    }
    if (typeof x.source !== 'string' || !/^https:\/\/docs\.aws\.amazon\.com\//.test(x.source)) {
      throw new OverlayError(
        file,
        `${at}.source`,
        'the https://docs.aws.amazon.com/ page that states the fact',
      );
    }
    const c = x.constraints as Record<string, unknown>;
    if (typeof c !== 'object' || c === null) throw new OverlayError(file, `${at}.constraints`, 'an object');
    for (const [k, v] of Object.entries(c)) {
      const want = CONSTRAINT_KEYS[k as keyof Constraints];
      if (!want)
        throw new OverlayError(
          file,
          `${at}.constraints.${k}`,
          `one of ${Object.keys(CONSTRAINT_KEYS).join(', ')}`,
        );
      if (!isA(v, want))
        throw new OverlayError(
          file,
          `${at}.constraints.${k}`,
          want === 'string[]' ? 'a non-empty array of strings' : `a ${want}`,
        );
      if (k === 'pattern') {
        try {
          new RegExp(v as string, 'u');
        } catch {
          throw new OverlayError(file, `${at}.constraints.pattern`, 'a valid regular expression');
        }
      }
    }
    return {
      target: x.target,
      constraints: c as Constraints,
      source: x.source,
      ...(typeof x.note === 'string' ? { note: x.note } : {}),
    };
  });
  const fail = (field: string, expected: string): never => {
    throw new OverlayError(file, field, expected);
  };
  const resources = parseResourceFacts(o.resources, fail);
  const uris = parseUriFacts(o.uris, fail);
  const extra = { ...(resources.length ? { resources } : {}), ...(uris.length ? { uris } : {}) };
  return { file, service: o.service, facts, ...extra };
}

function resolve(model: ServiceModel, target: string): Shape | undefined {
  const [op, io, ...rest] = target.split(/\.|(?=\[\])|(?=\{)/);
  const operation = model.operations[op!];
  let shape: Shape | undefined = io === 'input' ? operation?.input : operation?.output;
  for (const step of rest) {
    if (!shape) return undefined;
    if (step === '[]') shape = shape.member;
    else if (step === '{key}') shape = shape.key;
    else if (step === '{value}') shape = shape.value;
    else shape = shape.members?.[step]?.shape;
  }
  return shape;
}

export function applyOverlay(model: ServiceModel, overlay: Overlay): void {
  overlay.facts.forEach((fact, i) => {
    const shape = resolve(model, fact.target);
    if (!shape)
      throw new OverlayError(
        overlay.file,
        `facts[${i}].target`,
        `a member of the model (no '${fact.target}')`,
      );
    Object.assign(shape, fact.constraints);
    shape.provenance.push({ source: 'api-reference', url: fact.source, overlay: overlay.file });
  });
  const fail = (field: string, expected: string): never => {
    throw new OverlayError(overlay.file, field, expected);
  };
  overlay.resources?.forEach((f, i) => {
    if (!model.operations[f.operation]) {
      fail(`resources[${i}].operation`, `an operation of the model (no '${f.operation}')`);
    }
    if (f.parentArn && !model.operations[f.operation]!.input.members?.[f.parentArn])
      fail(`resources[${i}].parentArn`, `an input member of ${f.operation} (no '${f.parentArn}')`);
  });
  if (overlay.resources) {
    model.resourceFacts = [...overlay.resources];
    const { families, unknownFacts } = deriveFamilies(model);
    for (const i of unknownFacts) {
      const names = families.map((f) => f.name).join(', ');
      fail(`resources[${i}].family`, `a family the model derives (${names})`);
    }
  }
  applyUriFacts(model, overlay.file, overlay.uris ?? [], fail);
}
