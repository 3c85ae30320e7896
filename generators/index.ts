// The generators' public API. Each factory checks its arguments, then hands over to a small builder.
import type fc from 'fast-check';
import type { Operation, ServiceModel } from '../src/model/types.ts';
import { boundaryCases as buildBoundary, type BoundaryCase } from './boundary.ts';
import {
  invalidCases,
  validInput,
  type InvalidCase,
  type RequestOptions,
  type ValidCase,
} from './requests.ts';
import {
  errorAnswer,
  toWireResponse,
  validOutput,
  type ErrorAnswer,
  type ResponseOptions,
  type WireResponse,
} from './responses.ts';

export class GeneratorArgumentError extends Error {
  readonly code = 'E_GENERATOR_ARGS';
}

function operation(model: ServiceModel, name: string): Operation {
  if (!model || typeof model !== 'object' || !model.operations)
    throw new GeneratorArgumentError('expected a ServiceModel (see loadBackupModel())');
  const op = model.operations[name];
  if (!op) {
    const shared = (n: string) => {
      let i = 0;
      while (i < n.length && n[i]?.toLowerCase() === String(name)[i]?.toLowerCase()) i++;
      return i;
    };
    const near = Object.keys(model.operations)
      .sort((a, b) => shared(b) - shared(a))
      .slice(0, 3)
      .filter((n) => shared(n) >= 4);
    throw new GeneratorArgumentError(
      `unknown operation '${name}'${near.length ? `; did you mean ${near.join(', ')}?` : ''}`,
    );
  }
  return op;
}

function checkOptions(o: RequestOptions | ResponseOptions | undefined, op: Operation): void {
  if (o?.maxItems !== undefined && (!Number.isInteger(o.maxItems) || o.maxItems < 0))
    throw new GeneratorArgumentError(`maxItems must be a whole number ≥ 0, got ${o.maxItems}`);
  for (const name of Object.keys((o as RequestOptions | undefined)?.members ?? {})) {
    if (!op.input.members?.[name])
      throw new GeneratorArgumentError(`members.${name}: ${op.name} has no such input member`);
  }
}

/** Valid requests (SDK form: timestamps as Date) for an operation. */
export function validRequest(model: ServiceModel, name: string, o?: RequestOptions): fc.Arbitrary<ValidCase> {
  const op = operation(model, name);
  checkOptions(o, op);
  return validInput(op, o).map((input) => ({ operation: op.name, mode: 'positive' as const, input }));
}

/** Invalid requests, each wrong in exactly one labelled way. */
export function invalidRequest(
  model: ServiceModel,
  name: string,
  o?: RequestOptions,
): fc.Arbitrary<InvalidCase> {
  const op = operation(model, name);
  checkOptions(o, op);
  return invalidCases(op, o);
}

/** Valid outputs (SDK form), with empty, short and full pages for paginated operations. */
export function validResponse(
  model: ServiceModel,
  name: string,
  o?: ResponseOptions,
): fc.Arbitrary<Record<string, unknown>> {
  const op = operation(model, name);
  checkOptions(o, op);
  if (o?.fullPageSize !== undefined && (!Number.isInteger(o.fullPageSize) || o.fullPageSize < 1))
    throw new GeneratorArgumentError(`fullPageSize must be a whole number ≥ 1, got ${o.fullPageSize}`);
  return validOutput(op, o);
}

/** A valid output in the restJson1 wire form. */
export function wireResponse(
  model: ServiceModel,
  name: string,
  output: Record<string, unknown>,
  requestId?: string,
): WireResponse {
  return toWireResponse(operation(model, name), output, requestId);
}

/** Error answers: every documented exception of the operation, plus throttling. */
export function errorResponse(model: ServiceModel, name: string): fc.Arbitrary<ErrorAnswer> {
  return errorAnswer(model, operation(model, name));
}

/** The deterministic boundary phase for an operation. */
export function boundaryCases(
  model: ServiceModel,
  name: string,
  o?: RequestOptions,
  seed = 0,
): BoundaryCase[] {
  const op = operation(model, name);
  checkOptions(o, op);
  return buildBoundary(op, o, seed);
}

export type {
  BoundaryCase,
  ErrorAnswer,
  InvalidCase,
  RequestOptions,
  ResponseOptions,
  ValidCase,
  WireResponse,
};
export type { Channel, Mutation, Rule } from './mutations.ts';
export { fullPageSize, THROTTLING, type PageKind } from './responses.ts';
export { serviceBehaviour, BehaviourOptionError, type BehaviourOptions } from './behaviours.ts';
