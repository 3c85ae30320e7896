// What a mutant is, and the few tools they are written with: each mutant wraps the faithful mock's
// Fetch function and changes one thing, the way a person writing a mock of AWS Backup gets it wrong.
import type { CheckId } from '../../src/checks/types.ts';
import { loadBackupModel } from '../../src/model/load.ts';
import type { Operation } from '../../src/model/types.ts';
import { matchPath } from '../../src/wire/request.ts';

export type FetchFn = (request: Request) => Promise<Response>;

export interface Mutant {
  id: string;
  /** the mistake, in words */
  description: string;
  /** the check that must catch it */
  caughtBy: CheckId;
  /** past jobs the mock holds before the run (jobs this run did not start) */
  history?: number;
  /** the operations its run covers (default: the restore-job ones, where every catalogued mistake
   * of the first catalogue lies); a mutant elsewhere names the few operations concerned */
  operations?: string[];
  wrap(inner: FetchFn): FetchFn;
}

export type Op = 'start' | 'list' | 'describe' | 'other';

export function opOf(r: Request): Op {
  const path = new URL(r.url).pathname.replace(/\/$/, '');
  if (path === '/restore-jobs') return r.method === 'PUT' ? 'start' : r.method === 'GET' ? 'list' : 'other';
  return /^\/restore-jobs\/[^/]+$/.test(path) && r.method === 'GET' ? 'describe' : 'other';
}

type Json = Record<string, unknown>;

/** A response with its JSON body replaced (headers kept, content-length dropped). */
export function withBody(
  res: Response,
  body: unknown,
  o: { status?: number; headers?: Record<string, string | undefined> } = {},
): Response {
  const headers = new Headers(res.headers);
  headers.delete('content-length');
  for (const [k, v] of Object.entries(o.headers ?? {}))
    v === undefined ? headers.delete(k) : headers.set(k, v);
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status: o.status ?? res.status,
    headers,
  });
}

/** Edits the JSON body of answers to one operation (successes only, unless `errors`). */
export function editAnswers(
  op: Op,
  edit: (body: Json, req: Request, res: Response) => Json | Response,
  errors = false,
): (inner: FetchFn) => FetchFn {
  return (inner) => async (req) => {
    const res = await inner(req.clone());
    if (opOf(req) !== op || (!errors && res.status >= 300)) return res;
    const body = (await res
      .clone()
      .json()
      .catch(() => undefined)) as Json | undefined;
    if (!body) return res;
    const out = edit(body, req, res);
    return out instanceof Response ? out : withBody(res, out);
  };
}

/** Edits the query of requests to one operation before the faithful mock sees them. */
export function editQuery(op: Op, edit: (q: URLSearchParams) => void): (inner: FetchFn) => FetchFn {
  return (inner) => async (req) => {
    if (opOf(req) !== op) return inner(req);
    const url = new URL(req.url);
    edit(url.searchParams);
    return inner(new Request(url, req));
  };
}

/** Edits the JSON body of requests to one operation. */
export function editRequestBody(op: Op, edit: (body: Json) => Json): (inner: FetchFn) => FetchFn {
  return (inner) => async (req) => {
    if (opOf(req) !== op) return inner(req);
    const body = (await req
      .clone()
      .json()
      .catch(() => undefined)) as Json | undefined;
    if (!body) return inner(req);
    return inner(
      new Request(req.url, { method: req.method, headers: req.headers, body: JSON.stringify(edit(body)) }),
    );
  };
}

/** Edits every error answer (status, headers, body). */
export function editErrors(edit: (body: Json, res: Response) => Response): (inner: FetchFn) => FetchFn {
  return (inner) => async (req) => {
    const res = await inner(req);
    if (res.status < 400) return res;
    const body = (await res
      .clone()
      .json()
      .catch(() => undefined)) as Json | undefined;
    return body ? edit(body, res) : res;
  };
}

export const jobs = (b: Json) => (b.RestoreJobs as Json[] | undefined) ?? [];

// ---- any operation, named by the model's routes (method, path template, query literal): a mutant
// outside restore jobs says which operation it changes, not which URL the mock happens to serve.
const model = loadBackupModel();

/** The operation a request is for, by the model's HTTP bindings (undefined: none matches). */
export async function opName(r: Request): Promise<string | undefined> {
  const url = new URL(r.url);
  const pathname = url.pathname.length > 1 ? url.pathname.replace(/\/$/, '') : url.pathname;
  const ops = Object.values((await model).operations).filter((o) => o.http?.method === r.method);
  const literal = (o: Operation) => o.http!.uri.split('?')[1]?.split('&')[0]?.split('=')[0];
  for (const o of ops.sort((x, y) => Number(!!literal(y)) - Number(!!literal(x)))) {
    const lit = literal(o);
    if (lit && !url.searchParams.has(lit)) continue;
    if (matchPath(o, pathname)) return o.name;
  }
  return undefined;
}

/** The query-string name of an input member of an operation (`MaxResults` → `maxResults`). */
export async function queryName(operation: string, member: string): Promise<string> {
  const m = (await model).operations[operation]?.input.members?.[member];
  if (m?.location !== 'query') throw new Error(`${operation}.${member} is not a query member`);
  return m.locationName;
}

/** Edits the JSON body of answers to one named operation (successes only, unless `errors`). */
export function editAnswersOf(
  operation: string,
  edit: (body: Json, req: Request, res: Response) => Json | Response | Promise<Json | Response>,
  errors = false,
): (inner: FetchFn) => FetchFn {
  return (inner) => async (req) => {
    const name = await opName(req);
    const res = await inner(req.clone());
    if (name !== operation || (!errors && res.status >= 300)) return res;
    const body = (await res
      .clone()
      .json()
      .catch(() => ({}))) as Json;
    const out = await edit(body, req, res);
    return out instanceof Response ? out : withBody(res, out);
  };
}

/** Edits the query of requests to one named operation before the faithful mock sees them. */
export function editQueryOf(
  operation: string,
  edit: (q: URLSearchParams) => void | Promise<void>,
): (inner: FetchFn) => FetchFn {
  return (inner) => async (req) => {
    if ((await opName(req)) !== operation) return inner(req);
    const url = new URL(req.url);
    await edit(url.searchParams);
    return inner(new Request(url, req));
  };
}

/** The error type an answer names (header, else body). */
export const errorType = (res: Response, body: Json): string =>
  (res.headers.get('x-amzn-errortype') ?? String(body.__type ?? body.Code ?? '')).split(':')[0]!;

/** A success answer with a JSON body, as the faithful mock's successes are framed. */
export const success = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-requestid': 'mutant' },
  });
