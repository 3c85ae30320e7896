// The run's own view of the wire: requests counted per operation (for the verdicts), every item a
// create made kept for the clean-up (SDK and raw requests alike: a lax target may accept a raw create
// the run meant to be rejected), and the requests still in flight, which an interrupted run lets land
// (each within the target's timeout) before cleaning up, so that what they made is deleted too.
import type { ServiceModel } from '../model/types.ts';
import type { HttpCall, Target } from '../targets/types.ts';
import { decodeRequest } from '../wire/request.ts';
import type { RunPlan } from './plan.ts';
import { operationsOf } from './safety.ts';
import { createdBy, type Created } from './setup.ts';

export interface Tracking {
  target: Target;
  made: Created[];
  perOp: Map<string, number>;
  /** resolves once every request sent so far has settled */
  settled(): Promise<void>;
}

export function tracking(model: ServiceModel, plan: RunPlan, t: Target): Tracking {
  const made: Created[] = [];
  const perOp = new Map<string, number>();
  const inFlight = new Set<Promise<unknown>>();
  const count = (op: string) => perOp.set(op, (perOp.get(op) ?? 0) + 1);
  const flying = <T>(p: Promise<T>): Promise<T> => {
    inFlight.add(p);
    p.then(
      () => inFlight.delete(p),
      () => inFlight.delete(p),
    );
    return p;
  };
  const sdk = async (op: string, input: Record<string, unknown>) => {
    count(op);
    const out = await t.sendSdk(op, input);
    const created = createdBy(model, plan, op, input, out);
    if (created) made.push(created);
    return out;
  };
  const raw = async (call: HttpCall) => {
    const op = operationsOf(model, call)[0];
    if (op) count(op.name);
    const out = await t.sendHttp(call);
    if (op && (out.status ?? 0) < 300) {
      const { input } = decodeRequest(
        op,
        new URL(call.path, 'http://x'),
        new Headers(call.headers),
        call.body ?? '',
      );
      const created = createdBy(model, plan, op.name, input, out);
      if (created) made.push(created);
    }
    return out;
  };
  return {
    target: {
      ...t,
      sendSdk: (op, input) => flying(sdk(op, input)),
      sendHttp: (call) => flying(raw(call)),
      close: () => t.close(),
    },
    made,
    perOp,
    settled: async () => {
      await Promise.allSettled([...inFlight]);
    },
  };
}
