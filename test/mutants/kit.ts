// What a mutant is, and the few tools they are written with: each mutant wraps the faithful mock's
// Fetch function and changes one thing, the way a person writing a mock of AWS Backup gets it wrong.
import type { CheckId } from '../../src/checks/types.ts';

export type FetchFn = (request: Request) => Promise<Response>;

export interface Mutant {
  id: string;
  /** the mistake, in words */
  description: string;
  /** the check that must catch it */
  caughtBy: CheckId;
  /** past jobs the mock holds before the run (jobs this run did not start) */
  history?: number;
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
