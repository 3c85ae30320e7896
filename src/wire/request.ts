// restJson1 requests, both ways, from the model's bindings: SDK-form input → method, path, query,
// headers and JSON body; and an HTTP request → SDK-form input plus the wire problems found on the way
// (a query value that is not an integer, a timestamp that is not ISO 8601, a body that is not JSON).
import type { Member, Operation } from '../model/types.ts';
import { fromJson, isRecord, toJson } from './values.ts';

export interface HttpRequestSpec {
  method: string;
  /** path and query, as sent: `/restore-jobs?maxResults=5` */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export type WireProblemKind = 'wrong-type' | 'malformed-timestamp' | 'malformed-json' | 'unknown-member';

export interface WireProblem {
  kind: WireProblemKind;
  /** member path, e.g. `MaxResults`, `Metadata`; '' for the whole body */
  path: string;
  message: string;
}

const members = (op: Operation) => Object.values(op.input.members ?? {});
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

function queryString(_m: Member, v: unknown): string[] {
  const one = (x: unknown) => (x instanceof Date ? x.toISOString() : String(x));
  return Array.isArray(v) ? v.map(one) : [one(v)];
}

export function encodeRequest(op: Operation, input: Record<string, unknown>): HttpRequestSpec {
  if (!op.http) throw new Error(`${op.name} has no HTTP binding (docs-only model)`);
  const [template, literal] = op.http.uri.split('?');
  const query = new URLSearchParams();
  const headers: Record<string, string> = {};
  const body: Record<string, unknown> = {};
  let path = template!;
  for (const m of members(op)) {
    const v = input[m.name];
    if (v === undefined) continue;
    if (m.location === 'path') {
      path = path.replace(new RegExp(`\\{${m.locationName}(\\+?)\\}`), (_s, greedy: string) =>
        greedy ? String(v).split('/').map(encodeURIComponent).join('/') : encodeURIComponent(String(v)),
      );
    } else if (m.location === 'query') for (const s of queryString(m, v)) query.append(m.locationName, s);
    else if (m.location === 'header') headers[m.locationName] = queryString(m, v).join(',');
    else body[m.locationName] = toJson(m.shape, v, 'wire');
  }
  const hasBody = members(op).some((m) => m.location === 'body');
  if (hasBody) headers['content-type'] = 'application/json';
  // a Smithy literal query (`?delete`) goes first, as written
  const qs = [literal, query.toString()].filter(Boolean).join('&');
  return {
    method: op.http.method,
    path: qs ? `${path}?${qs}` : path,
    headers,
    ...(hasBody ? { body: JSON.stringify(body) } : {}),
  };
}

const compiled = new WeakMap<Operation, { re: RegExp; names: string[] }>();

function pathPattern(op: Operation): { re: RegExp; names: string[] } {
  let p = compiled.get(op);
  if (p) return p;
  const template = op.http!.uri.split('?')[0]!.replace(/\/$/, '');
  const names: string[] = [];
  const re = template
    .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
    .replace(/\\?\{(\w+)(\\\+)?\\?\}/g, (_s, n: string, greedy?: string) => {
      names.push(n);
      return greedy ? '(.+)' : '([^/]+)';
    });
  p = { re: new RegExp(`^${re}/?$`), names };
  compiled.set(op, p);
  return p;
}

/** Path labels from a request path, or undefined when the path is not this operation's. A label that
 * is not valid percent-encoded UTF-8 (`%FF`, `%ZZ`, a cut sequence) stays as sent: decodeRequest
 * reports it, so that it is a client error and never an exception. */
export function matchPath(op: Operation, pathname: string): Record<string, string> | undefined {
  if (!op.http) return undefined;
  const { re, names } = pathPattern(op);
  const m = re.exec(pathname);
  if (!m) return undefined;
  return Object.fromEntries(names.map((n, i) => [n, decodeLabel(m[i + 1]!) ?? m[i + 1]!]));
}

function decodeLabel(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

export function decodeRequest(
  op: Operation,
  url: URL,
  headers: Pick<Headers, 'get' | 'has'>,
  bodyText: string,
): { input: Record<string, unknown>; problems: WireProblem[] } {
  const input: Record<string, unknown> = {};
  const problems: WireProblem[] = [];
  const { re, names } = op.http ? pathPattern(op) : { re: /$^/, names: [] };
  const raw = re.exec(url.pathname);
  const labels = matchPath(op, url.pathname) ?? {};
  for (const m of members(op)) {
    if (m.location === 'path' && labels[m.locationName] !== undefined) {
      input[m.name] = labels[m.locationName];
      const sent = raw?.[names.indexOf(m.locationName) + 1];
      if (sent !== undefined && decodeLabel(sent) === undefined) {
        problems.push({
          kind: 'wrong-type',
          path: m.name,
          message:
            `${m.name} (path) is not valid percent-encoded UTF-8: ` + `${JSON.stringify(sent.slice(0, 100))}`,
        });
      }
    }
    if (m.location === 'query' && url.searchParams.has(m.locationName)) {
      const all = url.searchParams.getAll(m.locationName);
      input[m.name] =
        m.shape.type === 'list'
          ? all.map((s) => scalar(m, m.shape.member!.type, s, problems))
          : scalar(m, m.shape.type, all[0]!, problems);
    }
    if (m.location === 'header' && headers.has(m.locationName))
      input[m.name] = scalar(m, m.shape.type, headers.get(m.locationName)!, problems);
  }
  if (bodyText.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(bodyText);
    } catch (e) {
      problems.push({
        kind: 'malformed-json',
        path: '',
        message: `the body is not JSON: ${(e as Error).message}`,
      });
      return { input, problems };
    }
    if (!isRecord(parsed)) {
      problems.push({ kind: 'malformed-json', path: '', message: 'the body is not a JSON object' });
      return { input, problems };
    }
    const bodyMembers = new Map(
      members(op)
        .filter((m) => m.location === 'body')
        .map((m) => [m.locationName, m]),
    );
    for (const [k, v] of Object.entries(parsed)) {
      const m = bodyMembers.get(k);
      if (!m) {
        problems.push({ kind: 'unknown-member', path: k, message: `'${k}' is not a member of ${op.name}` });
        continue;
      }
      if (m.shape.type === 'timestamp' && typeof v !== 'number') {
        problems.push({
          kind: 'malformed-timestamp',
          path: m.name,
          message: `${m.name} must be epoch seconds in a JSON body, got ${JSON.stringify(v)}`,
        });
        continue;
      }
      Object.defineProperty(input, m.name, {
        value: fromJson(m.shape, v, 'wire'),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return { input, problems };
}

function scalar(m: Member, type: string, s: string, problems: WireProblem[]): unknown {
  switch (type) {
    case 'integer':
      if (/^-?\d+$/.test(s)) return Number(s);
      problems.push({
        kind: 'wrong-type',
        path: m.name,
        message: `${m.name} (${m.locationName}) must be an integer, got ${JSON.stringify(s)}`,
      });
      return s;
    case 'float':
      if (s.trim() !== '' && Number.isFinite(Number(s))) return Number(s);
      problems.push({
        kind: 'wrong-type',
        path: m.name,
        message: `${m.name} (${m.locationName}) must be a number, got ${JSON.stringify(s)}`,
      });
      return s;
    case 'boolean':
      if (s === 'true' || s === 'false') return s === 'true';
      problems.push({
        kind: 'wrong-type',
        path: m.name,
        message: `${m.name} (${m.locationName}) must be true or false, got ${JSON.stringify(s)}`,
      });
      return s;
    case 'timestamp':
      if (ISO_8601.test(s) && !Number.isNaN(Date.parse(s))) return new Date(s);
      problems.push({
        kind: 'malformed-timestamp',
        path: m.name,
        message: `${m.name} (${m.locationName}) must be an ISO 8601 date-time, got ${JSON.stringify(s)}`,
      });
      return s;
    default:
      return s;
  }
}
