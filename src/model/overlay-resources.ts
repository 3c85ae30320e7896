// Overlay facts about resources and the wire that the model cannot derive by itself, each with the AWS
// API Reference page that states it: an operation whose place in a resource family its URI and method do
// not show (a job started at a singular path, a create that is a PUT on another family's path), and the
// URI another SDK sends where it differs from the installed SDK's (botocore's trailing slashes).
import type { Provenance, ServiceModel } from './types.ts';

export const ROLES = ['create', 'read', 'list', 'update', 'delete', 'other'] as const;
export type Role = (typeof ROLES)[number];

export interface ResourceFact {
  operation: string;
  /** a family name as the derivation names it (see spec/resources.md) */
  family: string;
  role: Role;
  source: string;
  note?: string;
  /** the create's input member naming the parent by its ARN where its path names it otherwise (by name) */
  parentArn?: string;
}

export interface UriFact {
  operation: string;
  /** the client that sends this URI, e.g. `botocore` */
  client: string;
  /** the URI template that client sends, labels named as the operation's members */
  uri: string;
  source: string;
  note?: string;
}

type Fail = (field: string, expected: string) => never;

const SOURCE = /^https:\/\/docs\.aws\.amazon\.com\//;
const text = (x: Record<string, unknown>, k: string, at: string, fail: Fail, what: string): string => {
  const v = x[k];
  if (typeof v !== 'string' || !v) fail(`${at}.${k}`, what);
  return v as string;
};

function items(list: unknown, name: string, fail: Fail): Record<string, unknown>[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) fail(name, 'an array');
  return (list as unknown[]).map((x, i) => {
    if (typeof x !== 'object' || x === null) fail(`${name}[${i}]`, 'an object');
    const r = x as Record<string, unknown>;
    text(r, 'operation', `${name}[${i}]`, fail, 'an operation name');
    if (typeof r.source !== 'string' || !SOURCE.test(r.source)) {
      fail(`${name}[${i}].source`, 'the https://docs.aws.amazon.com/ page that states the fact');
    }
    return r;
  });
}

const note = (r: Record<string, unknown>) => (typeof r.note === 'string' ? { note: r.note } : {});

export function parseResourceFacts(list: unknown, fail: Fail): ResourceFact[] {
  return items(list, 'resources', fail).map((r, i) => {
    const role = r.role as Role;
    if (!ROLES.includes(role)) fail(`resources[${i}].role`, `one of ${ROLES.join(', ')}`);
    const family = text(r, 'family', `resources[${i}]`, fail, 'a family name');
    if (r.parentArn !== undefined && (typeof r.parentArn !== 'string' || !/Arn$/.test(r.parentArn)))
      fail(`resources[${i}].parentArn`, "the create's input member holding the parent's ARN (…Arn)");
    const parentArn = typeof r.parentArn === 'string' ? { parentArn: r.parentArn } : {};
    const source = r.source as string;
    return { operation: r.operation as string, family, role, source, ...note(r), ...parentArn };
  });
}

export function parseUriFacts(list: unknown, fail: Fail): UriFact[] {
  return items(list, 'uris', fail).map((r, i) => {
    const client = text(r, 'client', `uris[${i}]`, fail, 'the client that sends the URI (e.g. botocore)');
    const uri = text(r, 'uri', `uris[${i}]`, fail, 'a URI template starting with /');
    if (!uri.startsWith('/')) fail(`uris[${i}].uri`, 'a URI template starting with /');
    return { operation: r.operation as string, client, uri, source: r.source as string, ...note(r) };
  });
}

const labels = (uri: string) =>
  [...uri.split('?')[0]!.matchAll(/\{(\w+)\+?\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');

/** Attaches each URI fact to its operation; a fact whose labels are not the operation's is an error. */
export function applyUriFacts(model: ServiceModel, file: string, facts: UriFact[], fail: Fail): void {
  facts.forEach((f, i) => {
    const op = model.operations[f.operation];
    if (!op?.http) {
      fail(`uris[${i}].operation`, `an operation of the model with an HTTP binding (no '${f.operation}')`);
    }
    if (labels(op!.http!.uri) !== labels(f.uri)) {
      fail(`uris[${i}].uri`, `the labels of ${f.operation}'s URI ${op!.http!.uri}`);
    }
    const provenance: Provenance[] = [{ source: 'api-reference', url: f.source, overlay: file }];
    (op!.clientUris ??= []).push({ client: f.client, uri: f.uri, provenance });
  });
}
