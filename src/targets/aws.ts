// The real service, through the SDK's standard credential chain and region. Read-only unless the user
// opts in with --allow-mutations and names the account, which must be the caller's own.
import { BackupClient } from '@aws-sdk/client-backup';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { sendSigned } from './fetch-target.ts';
import { callSdk, recording } from './sdk-call.ts';
import { clientSigner } from './sign.ts';
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
  /** for tests: where STS is asked who the caller is (AWS_ENDPOINT_URL_STS works too); with only
   * `endpoint` overridden, the pre-flight resolves credentials and region but asks no STS */
  stsEndpoint?: string;
  region?: string;
}

export async function awsTarget(o: AwsTargetOptions): Promise<Target> {
  if (o.allowMutations) {
    if (!o.account)
      throw new TargetConfigError(
        '--allow-mutations needs --account <12-digit id>: the account the run may change',
      );
    if (!/^\d{12}$/.test(o.account))
      throw new TargetConfigError(`--account must be a 12-digit account id, got '${o.account}'`);
    const sts = new STSClient({
      ...(o.region ? { region: o.region } : {}),
      ...(o.stsEndpoint ? { endpoint: o.stsEndpoint } : {}),
    });
    let caller: string | undefined;
    try {
      caller = (await sts.send(new GetCallerIdentityCommand({}))).Account;
    } catch (e) {
      throw new TargetConfigError(
        `cannot confirm the caller's account (${(e as Error).message}); nothing was sent`,
      );
    } finally {
      sts.destroy();
    }
    if (caller !== o.account)
      throw new TargetConfigError(
        `--account ${o.account} is not the caller's account (${caller}); nothing was sent`,
      );
  }
  const inner = new NodeHttpHandler({ requestTimeout: o.timeoutMs, connectionTimeout: o.timeoutMs });
  const rec = recording(inner as never);
  const client = new BackupClient({
    ...(o.region ? { region: o.region } : {}),
    ...(o.endpoint ? { endpoint: o.endpoint } : {}),
    maxAttempts: 1,
    requestHandler: rec.handler as never,
  });
  const sign = clientSigner(client);
  let origin: Promise<string> | undefined;
  return {
    name: 'aws',
    mutationsAllowed: !!o.allowMutations,
    // raw cases are signed by the SDK's signer; which of them a read-only run may send, the runner decides
    rawHttp: true,
    preflight: () => awsPreflight(client, o),
    sendSdk: (op, input) => callSdk(client, rec, op, input, o.timeoutMs),
    sendHttp: async (call) => {
      let base: string;
      try {
        base = await (origin ??= rawOrigin(client, o.endpoint));
      } catch (e) {
        origin = undefined;
        const detail = `no endpoint for raw HTTP (${(e as Error).message})`;
        return { headers: {}, failure: 'network', failureDetail: detail, ms: 0 };
      }
      return sendSigned(sign, fetch, `${base}${call.path}`, call, o.timeoutMs);
    },
    close: async () => {
      client.destroy();
      inner.destroy();
    },
  };
}

/** Where raw calls go: the endpoint override, else the one the SDK's endpoint rules give for the region
 * (FIPS and dual-stack settings included), without a trailing slash. */
async function rawOrigin(client: BackupClient, endpoint: string | undefined): Promise<string> {
  if (endpoint) return endpoint.replace(/\/$/, '');
  const c = client.config;
  const ep = c.endpointProvider({
    Region: await c.region(),
    UseFIPS: await c.useFipsEndpoint(),
    UseDualStack: await c.useDualstackEndpoint(),
  });
  return ep.url.href.replace(/\/$/, '');
}

const SET_CREDENTIALS =
  'set AWS_PROFILE (a profile in ~/.aws/config or ~/.aws/credentials), ' +
  'or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY';

/** Credentials and region resolve, and STS names the caller's account: otherwise what failed and what
 * to set. No Backup request is sent. */
async function awsPreflight(
  client: BackupClient,
  o: AwsTargetOptions,
): Promise<{ account?: string; problem?: string }> {
  try {
    await client.config.region();
  } catch (e) {
    return { problem: `no AWS region resolved (${(e as Error).message}); set AWS_REGION or pass --region` };
  }
  try {
    await client.config.credentials();
  } catch (e) {
    return {
      problem:
        `no AWS credentials resolved (${(e as Error).name}: ${(e as Error).message}); ` +
        `${SET_CREDENTIALS}`,
    };
  }
  if (o.endpoint && !o.stsEndpoint && !process.env.AWS_ENDPOINT_URL_STS) return {};
  const sts = new STSClient({
    ...(o.region ? { region: o.region } : {}),
    ...(o.stsEndpoint ? { endpoint: o.stsEndpoint } : {}),
    maxAttempts: 1,
  });
  try {
    return { account: (await sts.send(new GetCallerIdentityCommand({}))).Account };
  } catch (e) {
    const err = e as Error & { $metadata?: { httpStatusCode?: number } };
    return err.$metadata?.httpStatusCode
      ? {
          problem:
            `STS GetCallerIdentity refused the credentials (${err.name}: ${err.message}); ` +
            `${SET_CREDENTIALS} for a valid identity`,
        }
      : {
          problem:
            `STS GetCallerIdentity could not be reached (${err.name}: ${err.message}); ` +
            'check the network, a proxy (HTTPS_PROXY) or AWS_ENDPOINT_URL_STS',
        };
  } finally {
    sts.destroy();
  }
}
