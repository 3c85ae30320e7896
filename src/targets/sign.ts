// SigV4 for raw HTTP cases, by the SDK's own signer: the SignatureV4 the BackupClient builds from its
// credentials, region, the SDK's signing name for the service (`backup`) and its sha256. Real AWS rejects
// an unsigned request, and moto routes by the signature's credential scope (unsigned, a request reaches its
// S3 backend), so a raw case must carry the signature a real client would send.
// The signed headers live only inside the target: they never reach an Observed, a report or a log.
import type { BackupClient } from '@aws-sdk/client-backup';
import type { HttpCall } from './types.ts';

/** The request form the SDK's signer reads (Smithy's HttpRequest, as plain data). */
interface SignableRequest {
  method: string;
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  body?: string;
}

interface RequestSigner {
  sign(request: SignableRequest, options?: { signingDate?: Date }): Promise<SignableRequest>;
}

/** Signs one raw call addressed to `url` (origin + path + query, as it will be sent). */
export type RawSigner = (url: string, call: HttpCall, signingDate?: Date) => Promise<HttpCall>;

/** The client's signer (its credentials and region resolve on first use, as for SDK calls). */
export function clientSigner(client: BackupClient): RawSigner {
  const config = client.config as unknown as { signer: () => Promise<RequestSigner> };
  let signer: Promise<RequestSigner> | undefined;
  return async (url, call, signingDate) => {
    signer ??= config.signer();
    return signCall(await signer, url, call, signingDate);
  };
}

/** The signature is computed over what fetch will put on the wire: the URL as the WHATWG parser
 * normalises it (dot segments, escapes), the Host fetch sends, and the case's own headers. */
export async function signCall(
  signer: RequestSigner,
  url: string,
  call: HttpCall,
  signingDate?: Date,
): Promise<HttpCall> {
  const u = new URL(url);
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of u.searchParams) {
    const had = query[k];
    query[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
  }
  // header names are case-insensitive; the signer and fetch both see them lower-cased, once
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(call.headers)) headers[k.toLowerCase()] = v;
  delete headers.authorization;
  headers.host = u.host;
  const signed = await signer.sign(
    {
      method: call.method,
      protocol: u.protocol,
      hostname: u.hostname,
      ...(u.port ? { port: Number(u.port) } : {}),
      path: u.pathname,
      query,
      headers,
      ...(call.body !== undefined ? { body: call.body } : {}),
    },
    signingDate ? { signingDate } : {},
  );
  // fetch sets Host itself (from the URL it was signed for)
  const { host, ...sent } = signed.headers;
  void host;
  return { ...call, headers: sent };
}
