// msw handlers for the mock. Restricted to the given origin (default: any host) and to the routes of
// every operation of the model (the mock serves them all), so that setupServer in a user's test leaves
// other traffic alone;
// `catchAll` adds one handler for everything else on that origin (unknown routes → 404). Also the SDK
// request handler resolved by msw's getResponse. The msw adapters of the mock: reached only through the
// `/msw` entry, so the mock core never loads msw.
import { getResponse, http, type HttpHandler } from 'msw';
import { toFetchRequest, toSdkResponse, type SdkHttpRequest } from '../wire/sdk-adapters.ts';
import type { BackupMock } from './types.ts';

export interface HandlerOptions {
  /** e.g. `https://backup.us-east-1.amazonaws.com`; default `*` (any origin) */
  origin?: string;
  catchAll?: boolean;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

// Routes as regular expressions without capture groups: msw decodes every captured parameter with
// decodeURIComponent, which throws on a label such as %FF before the resolver could answer it (400)
export function mockHandlers(mock: BackupMock, o: HandlerOptions = {}): HttpHandler[] {
  const origin =
    !o.origin || o.origin === '*'
      ? '[a-z][a-z0-9+.-]*:\\/\\/[^/]+'
      : escapeRegExp(o.origin.replace(/\/$/, ''));
  const resolver = ({ request }: { request: Request }) => mock.fetch(request);
  const handlers: HttpHandler[] = [];
  const seen = new Set<string>();
  for (const op of Object.values(mock.model.operations)) {
    if (!op.http) continue;
    const path = op.http.uri
      .split('?')[0]!
      .replace(/\/$/, '')
      .split('/')
      .map((seg) => (/^\{\w+\+\}$/.test(seg) ? '.+' : /^\{\w+\}$/.test(seg) ? '[^/]+' : escapeRegExp(seg)))
      .join('\\/');
    // every method on the route, with or without a trailing slash: the resolver answers a wrong one with 405
    if (seen.has(path)) continue; // one handler per route: operations share paths
    seen.add(path);
    handlers.push(http.all(new RegExp(`^${origin}${path}\\/?$`), resolver));
  }
  if (o.catchAll) handlers.push(http.all(new RegExp(`^${origin}\\/.*$`), resolver));
  return handlers;
}

/** The msw handler: `new BackupClient({ requestHandler: mockRequestHandler(mock) })` resolves Fetch
 * Requests with msw's getResponse (msw 2.15 retains about 1 KB per request: see the README). */
export function mockRequestHandler(mock: BackupMock) {
  // one catch-all handler: every request here is for the mock, and its resolver routes by the model
  // (matching seven route handlers first cost a third of the throughput)
  const handlers = [http.all('*', ({ request }) => mock.fetch(request))];
  return {
    async handle(request: SdkHttpRequest) {
      return toSdkResponse(await getResponse(handlers, toFetchRequest(request)));
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
  };
}
