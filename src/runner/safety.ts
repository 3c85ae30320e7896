// What a run may send, decided from the model before anything leaves the process: an HTTP GET reads;
// every other method may create or change something. Where mutations are not allowed (a real account
// without --allow-mutations --account) a mutating operation gets only requests the validator says are
// invalid, on the SDK and raw channels alike. The guard below enforces it at the target itself, so no
// path of the runner (phases, set-up, scenarios) can get round it.
import type { Operation, ServiceModel } from '../model/types.ts';
import { validatorFor } from '../model/validate.ts';
import type { HttpCall, Observed, Target } from '../targets/types.ts';
import { decodeRequest, matchPath } from '../wire/request.ts';

export type Access = 'read' | 'mutating';

export const accessOf = (op: Operation): Access => (op.http?.method === 'GET' ? 'read' : 'mutating');

/** Whether the validator says this SDK-form input is invalid for the operation. */
export function certainlyInvalid(
  model: ServiceModel,
  op: Operation,
  input: Record<string, unknown>,
): boolean {
  try {
    return validatorFor(model).input(op, input).length > 0;
  } catch {
    // a value the validator cannot even read (a symbol, a cycle) is not a request AWS would accept
    return true;
  }
}

/** The operations a raw request could reach: those of its method whose path template matches. */
export function operationsOf(model: ServiceModel, call: HttpCall): Operation[] {
  const url = new URL(call.path, 'http://x');
  return Object.values(model.operations).filter(
    (op) => op.http?.method === call.method.toUpperCase() && matchPath(op, url.pathname),
  );
}

/** Whether a raw request is certain to fail validation as every operation it could reach. A request
 * that matches no operation's path is not certain to fail (a server may route it anyway). */
export function rawCertainlyInvalid(model: ServiceModel, call: HttpCall): boolean {
  if (call.method.toUpperCase() === 'GET') return false;
  const ops = operationsOf(model, call);
  if (!ops.length) return false;
  const url = new URL(call.path, 'http://x');
  const headers = new Headers(call.headers);
  return ops.every((op) => {
    const { input, problems } = decodeRequest(op, url, headers, call.body ?? '');
    return problems.length > 0 || certainlyInvalid(model, op, input);
  });
}

export class SafetyError extends Error {
  readonly code = 'E_SAFETY';
}

/** The target, refusing (throwing) any mutating request that could pass validation when mutations
 * are not allowed. The runner never asks for one; this is the last line, not the policy. */
export function guarded(target: Target, model: ServiceModel): Target {
  if (target.mutationsAllowed) return target;
  const refuse = (what: string): never => {
    throw new SafetyError(`refused to send ${what} to ${target.name}: it could pass validation`);
  };
  return {
    ...target,
    sendSdk: async (name: string, input: Record<string, unknown>): Promise<Observed> => {
      const op = model.operations[name];
      if (!op || (accessOf(op) === 'mutating' && !certainlyInvalid(model, op, input)))
        refuse(`${name} ${JSON.stringify(Object.keys(input))}`);
      return target.sendSdk(name, input);
    },
    sendHttp: async (call: HttpCall): Promise<Observed> => {
      if (call.method.toUpperCase() !== 'GET' && !rawCertainlyInvalid(model, call))
        refuse(`${call.method} ${call.path}`);
      return target.sendHttp(call);
    },
    close: () => target.close(),
  };
}
