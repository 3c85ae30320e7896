// The real service, through the SDK's standard credential chain and region. Read-only unless the user
// opts in with --allow-mutations and names the account, which must be the caller's own.
import { BackupClient } from '@aws-sdk/client-backup';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { callSdk, recording } from './sdk-call.ts';
import type { Target } from './types.ts';

export class TargetConfigError extends Error {
  readonly code = 'E_TARGET_CONFIG';
}

export interface AwsTargetOptions {
  timeoutMs: number;
  allowMutations?: boolean;
  account?: string;
  /** for tests: an endpoint override (the same code path, another address) */
  endpoint?: string;
  region?: string;
}

export async function awsTarget(o: AwsTargetOptions): Promise<Target> {
  if (o.allowMutations) {
    if (!o.account) throw new TargetConfigError('--allow-mutations needs --account <12-digit id>: the account the run may change');
    if (!/^\d{12}$/.test(o.account)) throw new TargetConfigError(`--account must be a 12-digit account id, got '${o.account}'`);
    const sts = new STSClient({ ...(o.region ? { region: o.region } : {}) });
    let caller: string | undefined;
    try {
      caller = (await sts.send(new GetCallerIdentityCommand({}))).Account;
    } catch (e) {
      throw new TargetConfigError(`cannot confirm the caller's account (${(e as Error).message}); nothing was sent`);
    } finally {
      sts.destroy();
    }
    if (caller !== o.account) throw new TargetConfigError(`--account ${o.account} is not the caller's account (${caller}); nothing was sent`);
  }
  const inner = new NodeHttpHandler({ requestTimeout: o.timeoutMs, connectionTimeout: o.timeoutMs });
  const rec = recording(inner as never);
  const client = new BackupClient({ ...(o.region ? { region: o.region } : {}), ...(o.endpoint ? { endpoint: o.endpoint } : {}), maxAttempts: 1, requestHandler: rec.handler as never });
  return {
    name: 'aws',
    mutationsAllowed: !!o.allowMutations,
    rawHttp: false, // raw requests would need hand-made SigV4 signatures; the http channel is skipped
    sendSdk: (op, input) => callSdk(client, rec, op, input, o.timeoutMs),
    sendHttp: () => Promise.reject(new Error('raw HTTP is not sent to the real service')),
    close: async () => { client.destroy(); inner.destroy(); },
  };
}
