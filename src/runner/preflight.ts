// Before judging anything: can the target be used at all? A target that cannot be reached, or whose
// credentials do not resolve, says nothing about the service: the run stops with what failed and
// what to set (exit 2), and writes no verdicts. A target that fails part-way is judged as usual.
import { describeAnswer } from '../checks/types.ts';
import type { Operation } from '../model/types.ts';
import type { Target } from '../targets/types.ts';

export class PreflightError extends Error {
  readonly code = 'E_TARGET_CONFIG';
}

/** `probe`: a read-only listing, sent once to see that something answers. */
export async function preflight(target: Target, probe: Operation | undefined): Promise<{ account?: string }> {
  const identity = target.preflight ? await target.preflight() : {};
  if (identity.problem) throw new PreflightError(`pre-flight: ${identity.problem}. Nothing was judged.`);
  if (probe) {
    const limit = probe.paginated?.limitKey;
    const o = await target.sendSdk(probe.name, limit ? { [limit]: 1 } : {});
    // no answer at all (refused, unresolvable host): an answer of any kind, even an error, is judged
    if (o.failure === 'network') {
      const where = target.endpoint ? ` at ${target.endpoint}` : '';
      throw new PreflightError(
        `pre-flight: the ${target.name} target cannot be reached${where}: ${describeAnswer(o)}. ` +
          'Start the server (e.g. aws-backup-conformance mock --port <port>) or fix the --target URL. ' +
          'Nothing was judged.',
      );
    }
  }
  return identity.account ? { account: identity.account } : {};
}
