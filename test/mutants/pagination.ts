// Pagination mistakes.
import { editAnswers, editQuery, jobs, opOf, type FetchFn, type Mutant } from './kit.ts';

export const paginationMutants: Mutant[] = [
  {
    id: 'ignores-maxresults',
    caughtBy: 'pagination',
    description: 'MaxResults is ignored: every page has the default size',
    wrap: editQuery('list', (q) => q.delete('maxResults')),
  },
  {
    id: 'first-page-one-larger',
    caughtBy: 'pagination',
    description: 'the first page holds MaxResults + 1 items (an off-by-one in the slice)',
    wrap: editQuery('list', (q) => {
      if (!q.has('nextToken') && q.has('maxResults'))
        q.set('maxResults', String(Math.min(1000, Number(q.get('maxResults')) + 1)));
    }),
  },
  {
    id: 'item-repeated-across-pages',
    caughtBy: 'pagination',
    description:
      'the next page starts with the last item of the previous one (cursor points at, not after, it)',
    wrap: (inner) => {
      const lastOf = new Map<string, unknown>();
      return editAnswers('list', (b, req) => {
        const q = new URL(req.url).searchParams;
        const list = jobs(b);
        const prev = q.get('nextToken') ? lastOf.get(q.get('nextToken')!) : undefined;
        const items = prev ? [prev, ...list.slice(0, -1)] : list;
        if (typeof b.NextToken === 'string' && list.length) lastOf.set(b.NextToken, list.at(-1));
        return { ...b, RestoreJobs: items };
      })(inner);
    },
  },
  {
    id: 'last-item-dropped',
    caughtBy: 'pagination',
    description: 'the last page loses its last item',
    wrap: editAnswers('list', (b) =>
      b.NextToken === undefined && jobs(b).length > 1 ? { ...b, RestoreJobs: jobs(b).slice(0, -1) } : b,
    ),
  },
  {
    id: 'token-on-last-page',
    caughtBy: 'pagination',
    description: 'the last page still carries a NextToken',
    wrap: editAnswers('list', (b) => (b.NextToken === undefined ? { ...b, NextToken: 'bGFzdA' } : b)),
  },
  {
    id: 'token-never-ends',
    caughtBy: 'pagination',
    description: 'after the last page comes an empty page with a token, forever',
    wrap: (inner: FetchFn) => async (req) => {
      const q = new URL(req.url).searchParams;
      if (opOf(req) === 'list' && q.get('nextToken') === 'bW9yZQ')
        return new Response('{"RestoreJobs":[],"NextToken":"bW9yZQ"}', {
          headers: { 'content-type': 'application/json', 'x-amzn-requestid': 'r' },
        });
      return editAnswers('list', (b) =>
        b.NextToken === undefined && q.has('nextToken') ? { ...b, NextToken: 'bW9yZQ' } : b,
      )(inner)(req);
    },
  },
  {
    id: 'token-not-bound-to-filters',
    caughtBy: 'pagination',
    description: 'a token is honoured whatever filters come with it',
    wrap: (inner) => {
      const issuedFor = new Map<string, string>();
      return async (req) => {
        if (opOf(req) !== 'list') return inner(req);
        const url = new URL(req.url);
        const token = url.searchParams.get('nextToken');
        const original = token ? issuedFor.get(token) : undefined;
        if (original !== undefined) {
          const keep = new URLSearchParams(original);
          keep.set('nextToken', token!);
          if (url.searchParams.has('maxResults')) keep.set('maxResults', url.searchParams.get('maxResults')!);
          url.search = keep.toString();
        }
        const res = await inner(new Request(url, req));
        const body = (await res
          .clone()
          .json()
          .catch(() => undefined)) as { NextToken?: string } | undefined;
        if (body?.NextToken) {
          const filters = new URLSearchParams(original ?? new URL(req.url).search);
          filters.delete('nextToken');
          filters.delete('maxResults');
          issuedFor.set(body.NextToken, filters.toString());
        }
        return res;
      };
    },
  },
  // an empty nextToken taken as "from the start" is no defect: no AWS page says an empty token is
  // refused (it moved to the faithful variants, faithful-variants.ts)
];
