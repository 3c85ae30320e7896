// Mistakes only a run that follows everything it sees, probes every filter member and tries near
// misses can catch: defects in jobs the run did not start, in one filter's token binding, in how a
// filter compares.
import { editAnswers, editQuery, jobs, opOf, type Mutant } from './kit.ts';

type Job = Record<string, unknown>;
const TERMINAL = ['COMPLETED', 'FAILED', 'ABORTED'];

export const observedMutants: Mutant[] = [
  {
    id: 'status-backwards-on-unstarted-job',
    caughtBy: 'history',
    history: 30,
    description:
      'a past job (not started by the run) is listed COMPLETED, ' +
      'and RUNNING again in the next listing (a stale replica)',
    wrap: (inner) => {
      const started = new Set<string>();
      let lists = 0;
      const start = editAnswers('start', (b) => {
        started.add(String(b.RestoreJobId));
        return b;
      });
      const list = editAnswers('list', (b) =>
        ++lists % 2
          ? b
          : {
              ...b,
              RestoreJobs: jobs(b).map((j) => {
                if (started.has(String(j.RestoreJobId)) || !TERMINAL.includes(String(j.Status))) return j;
                const { CompletionDate: _c, CreatedResourceArn: _r, ...rest } = j;
                return { ...rest, Status: 'RUNNING' };
              }),
            },
      );
      return start(list(inner));
    },
  },
  {
    id: 'token-not-bound-to-bystatus',
    caughtBy: 'pagination',
    description:
      'a NextToken is bound to every filter but ByStatus: sent with another status, it pages on as issued',
    wrap: (inner) => {
      const issuedWith = new Map<string, string | null>();
      return async (req) => {
        if (opOf(req) !== 'list') return inner(req);
        const url = new URL(req.url);
        const token = url.searchParams.get('nextToken');
        if (token && issuedWith.has(token)) {
          const status = issuedWith.get(token)!;
          if (status === null) url.searchParams.delete('status');
          else url.searchParams.set('status', status);
        }
        const res = await inner(new Request(url, req));
        const body = (await res
          .clone()
          .json()
          .catch(() => undefined)) as { NextToken?: string } | undefined;
        if (body?.NextToken) issuedWith.set(body.NextToken, url.searchParams.get('status'));
        return res;
      };
    },
  },
  {
    id: 'filter-case-insensitive',
    caughtBy: 'filters',
    description: 'ByResourceType compares without case: ebs returns EBS jobs',
    wrap: (inner) => {
      const types = new Set<string>();
      const learn = editAnswers('list', (b) => {
        for (const j of jobs(b)) types.add(String(j.ResourceType));
        return b;
      });
      const fold = editQuery('list', (q) => {
        const v = q.get('resourceType');
        const known = v ? [...types].find((t) => t.toLowerCase() === v.toLowerCase()) : undefined;
        if (known) q.set('resourceType', known);
      });
      return learn(fold(inner));
    },
  },
  {
    id: 'creation-date-drifts',
    caughtBy: 'history',
    description:
      'every other DescribeRestoreJob of a job shows its CreationDate a second later ' +
      '(recomputed, not stored)',
    wrap: (inner) => {
      const seen = new Map<string, number>();
      return editAnswers('describe', (b) => {
        const n = (seen.get(String(b.RestoreJobId)) ?? 0) + 1;
        seen.set(String(b.RestoreJobId), n);
        return n % 2 ? b : { ...b, CreationDate: Number(b.CreationDate) + 1 };
      })(inner);
    },
  },
  {
    id: 'parent-facts-differ-per-job',
    caughtBy: 'history',
    description:
      'jobs restoring the same recovery point report different source resources ' +
      '(taken from the job, not the recovery point)',
    wrap: (inner) => {
      const edit = (j: Job) => ({
        ...j,
        SourceResourceArn:
          `${String(j.SourceResourceArn)}-` + `${String(j.RestoreJobId).slice(0, 4).toLowerCase()}`,
      });
      return editAnswers('list', (b) => ({ ...b, RestoreJobs: jobs(b).map(edit) }))(
        editAnswers('describe', edit)(inner),
      );
    },
  },
];
