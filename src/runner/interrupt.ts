// An interrupted run (SIGINT) still reports what it judged. Once the signal fires, the target's
// requests never settle — the run stops at its next request, wherever it is (a fast-check property,
// a scenario) — and the run answers at once with what its collector holds.
import type { Target } from '../targets/types.ts';

const never = new Promise<never>(() => {});

/** The target, stopping at the signal. An in-process target answers in microtasks alone, which never
 * let a signal handler run: every 50 ms the next request first yields to the event loop. */
export function stoppable(target: Target, signal?: AbortSignal): Target {
  if (!signal) return target;
  let yielded = performance.now();
  const gate = async <T>(send: () => Promise<T>): Promise<T> => {
    if (performance.now() - yielded > 50) {
      await new Promise((r) => setImmediate(r));
      yielded = performance.now();
    }
    return signal.aborted ? never : send();
  };
  return {
    ...target,
    sendSdk: (op, input) => gate(() => target.sendSdk(op, input)),
    sendHttp: (call) => gate(() => target.sendHttp(call)),
    close: () => target.close(),
  };
}

/** Resolves true when the signal fired before the work finished, false when the work finished. */
export function untilAborted(work: Promise<void>, signal?: AbortSignal): Promise<boolean> {
  if (!signal) return work.then(() => false);
  if (signal.aborted) return Promise.resolve(true);
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(true);
    signal.addEventListener('abort', onAbort, { once: true });
    const done = () => signal.removeEventListener('abort', onAbort);
    work.then(
      () => {
        done();
        resolve(false);
      },
      (e: unknown) => {
        done();
        reject(e);
      },
    );
  });
}
