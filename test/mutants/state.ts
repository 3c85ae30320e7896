// Mistakes in state: idempotency, listing, lifecycle.
import { editAnswers, editRequestBody, jobs, opOf, withBody, type FetchFn, type Mutant } from './kit.ts';

export const stateMutants: Mutant[] = [
  {
    id: 'idempotency-token-ignored',
    caughtBy: 'idempotency',
    description: 'the IdempotencyToken is ignored: a retry starts a second job',
    wrap: editRequestBody('start', ({ IdempotencyToken: _t, ...rest }) => rest),
  },
  {
    id: 'token-reuse-with-other-parameters-accepted',
    caughtBy: 'idempotency',
    description: 'the same token with different parameters answers the first job, silently',
    wrap: (inner: FetchFn) => {
      const first = new Map<string, string>();
      return async (req) => {
        if (opOf(req) !== 'start') return inner(req);
        const body = (await req
          .clone()
          .json()
          .catch(() => ({}))) as { IdempotencyToken?: string };
        const seen = body.IdempotencyToken ? first.get(body.IdempotencyToken) : undefined;
        const res = await inner(req);
        if (seen && res.status >= 400)
          return withBody(
            res,
            { RestoreJobId: seen },
            { status: 200, headers: { 'x-amzn-errortype': undefined } },
          );
        const id = (
          (await res
            .clone()
            .json()
            .catch(() => ({}))) as { RestoreJobId?: string }
        ).RestoreJobId;
        if (body.IdempotencyToken && id && !seen) first.set(body.IdempotencyToken, id);
        return res;
      };
    },
  },
  {
    id: 'started-job-missing-from-listing',
    caughtBy: 'lifecycle',
    description: 'the newest job is missing from listings (an index updated late)',
    wrap: (inner: FetchFn) => {
      let newest: string | undefined;
      const list = editAnswers('list', (b) => ({
        ...b,
        RestoreJobs: jobs(b).filter((j) => j.RestoreJobId !== newest),
      }));
      const start = editAnswers('start', (b) => {
        newest = String(b.RestoreJobId);
        return b;
      });
      return start(list(inner));
    },
  },
  {
    id: 'status-moves-backwards',
    caughtBy: 'lifecycle',
    description: 'a finished job is sometimes described as RUNNING again (a stale replica)',
    wrap: (inner: FetchFn) => {
      const calls = new Map<string, number>();
      return editAnswers('describe', (b) => {
        const n = (calls.get(String(b.RestoreJobId)) ?? 0) + 1;
        calls.set(String(b.RestoreJobId), n);
        const terminal = ['COMPLETED', 'FAILED', 'ABORTED'].includes(String(b.Status));
        if (!terminal || n % 2) return b;
        const { CompletionDate: _c, ...rest } = b;
        void _c;
        return { ...rest, Status: 'RUNNING' };
      })(inner);
    },
  },
  {
    id: 'job-fields-not-from-recovery-point',
    caughtBy: 'lifecycle',
    description: 'a job reports the recovery point ARN of another recovery point',
    wrap: editAnswers('describe', (b) => ({
      ...b,
      RecoveryPointArn: String(b.RecoveryPointArn).replace(/.$/, (c) => (c === '0' ? '1' : '0')),
    })),
  },
  {
    id: 'unknown-job-described',
    caughtBy: 'negative-rejection',
    description: 'DescribeRestoreJob of an unknown id answers 200 with an empty job',
    wrap: (inner: FetchFn) => async (req) => {
      const res = await inner(req);
      return opOf(req) === 'describe' && res.status === 400
        ? withBody(res, {}, { status: 200, headers: { 'x-amzn-errortype': undefined } })
        : res;
    },
  },
];
