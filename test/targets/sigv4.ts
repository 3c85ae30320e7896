// An independent SigV4 verifier (AWS's published algorithm, written from the spec with node:crypto, not
// the SDK's code): recomputes a received request's signature from its method, URL, headers and body.
import { createHash, createHmac } from 'node:crypto';

const hex = (s: string) => createHash('sha256').update(s).digest('hex');
const hmac = (key: string | Buffer, s: string) => createHmac('sha256', key).update(s).digest();
const rfc3986 = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export interface ParsedAuthorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

export function parseAuthorization(value: string): ParsedAuthorization | undefined {
  const m = new RegExp(
    '^AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, ?' +
      'SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$',
  ).exec(value);
  if (!m) return undefined;
  return {
    accessKeyId: m[1]!,
    date: m[2]!,
    region: m[3]!,
    service: m[4]!,
    signedHeaders: m[5]!.split(';'),
    signature: m[6]!,
  };
}

/** The signature the request should carry, for the secret key; undefined when it carries none. */
export function expectedSignature(
  req: { method: string; url: string; headers: Record<string, string>; body?: string },
  secret: string,
): string | undefined {
  const auth = parseAuthorization(req.headers.authorization ?? '');
  if (!auth) return undefined;
  const u = new URL(req.url);
  // non-S3 services: each path segment is URI-encoded once more (the wire path is already encoded)
  const path = u.pathname.split('/').map(rfc3986).join('/');
  const pairs = [...u.searchParams].map(([k, v]) => [rfc3986(k), rfc3986(v)] as const);
  pairs.sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1));
  const query = pairs.map(([k, v]) => `${k}=${v}`).join('&');
  const value = (h: string) => (h === 'host' ? u.host : (req.headers[h] ?? '')).trim().replace(/\s+/g, ' ');
  const canonical = [
    req.method,
    path,
    query,
    auth.signedHeaders.map((h) => `${h}:${value(h)}\n`).join(''),
    auth.signedHeaders.join(';'),
    hex(req.body ?? ''),
  ].join('\n');
  const amzDate = req.headers['x-amz-date'] ?? '';
  const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, hex(canonical)].join('\n');
  let key = hmac(`AWS4${secret}`, auth.date);
  for (const part of [auth.region, auth.service, 'aws4_request']) key = hmac(key, part);
  return createHmac('sha256', key).update(toSign).digest('hex');
}
