// The worked example: properties of two wrappers, checked against many ways AWS may legitimately answer
// (service behaviours the mock follows), and the plausible bugs the same properties catch — each with
// the shrunk behaviour that shows it.
import { BackupClient } from '@aws-sdk/client-backup';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  createMock,
  loadBackupModel,
  mockClientConfig,
  serviceBehaviour,
  type ServiceBehaviour,
} from '../../src/index.ts';
import { listAllRestoreJobsStopsAtEmptyPage, waitForRestoreIgnoresAborted } from './restore-jobs-buggy.ts';
import {
  listAllRestoreJobs,
  RestoreFailedError,
  waitForRestore,
  type RestoreJobFilter,
} from './restore-jobs.ts';

const model = await loadBackupModel();
const noWait = async () => {};

async function harness(behaviour: ServiceBehaviour) {
  const mock = await createMock({ behaviour });
  return { mock, client: new BackupClient(mockClientConfig(mock)) };
}

const filters: fc.Arbitrary<RestoreJobFilter> = fc.record(
  {
    ByStatus: fc.constantFrom('PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'ABORTED'),
    ByResourceType: fc.constantFrom('EBS', 'EFS', 'RDS'),
  },
  { requiredKeys: [] },
);

type Listing = (client: BackupClient, filter?: RestoreJobFilter) => Promise<{ RestoreJobId?: string }[]>;

/**
 * Every job matching the filter is listed exactly once, whatever pages, faults and latency the service
 * chooses.
 */
function listsEveryJobOnce(list: Listing) {
  return async (behaviour: ServiceBehaviour, filter: RestoreJobFilter) => {
    const { mock, client } = await harness(behaviour);
    const expected = mock
      .jobs()
      .filter(
        (j) =>
          (filter.ByStatus === undefined || j.Status === filter.ByStatus) &&
          (filter.ByResourceType === undefined || j.ResourceType === filter.ByResourceType),
      )
      .map((j) => j.RestoreJobId as string);
    const listed = (await list(client, filter)).map((j) => j.RestoreJobId!);
    expect(listed.slice().sort()).toEqual(expected.slice().sort());
  };
}

type Wait = (
  client: BackupClient,
  id: string,
  o: { sleep: () => Promise<void>; maxPolls: number },
) => Promise<unknown>;

/** The wait ends on the job's terminal state: resolves on COMPLETED, fails naming FAILED or ABORTED. */
function endsOnEveryTerminalState(wait: Wait) {
  return async (behaviour: ServiceBehaviour) => {
    const { mock, client } = await harness(behaviour);
    const job = behaviour.jobs[0]!;
    const end = job.statuses.at(-1)!;
    const id = mock.store.all()[0]!.id;
    const outcome = await wait(client, id, { sleep: noWait, maxPolls: job.statuses.length + 5 }).then(
      () => 'COMPLETED',
      (e: unknown) => (e instanceof RestoreFailedError ? e.status : `${String(e)}`),
    );
    expect(outcome).toBe(end);
  };
}

const oneJob = serviceBehaviour(model, { minJobs: 1, maxJobs: 1 });

describe('listAllRestoreJobs', () => {
  test.prop([serviceBehaviour(model), filters])(
    'lists every matching job exactly once under any paging behaviour',
    listsEveryJobOnce(listAllRestoreJobs),
  );

  test.prop([serviceBehaviour(model, { failures: ['throttle'], minJobs: 1 })])(
    'retries throttling: it never surfaces',
    async (behaviour) => {
      const { client } = await harness(behaviour);
      // a throttled request not sent again would reject the listing
      await expect(listAllRestoreJobs(client)).resolves.toHaveLength(behaviour.jobs.length);
    },
  );

  test('a burst longer than the SDK retries does surface (the property above is not vacuous)', async () => {
    const { client } = await harness({
      jobs: [{ recoveryPoint: 0, statuses: ['COMPLETED'] }],
      pageSizes: [],
      faults: [{ quietBefore: 0, kind: 'throttle', count: 3, retryable: true }],
      latencyMs: [],
    });
    await expect(listAllRestoreJobs(client)).rejects.toMatchObject({ name: 'ThrottlingException' });
  });

  test(
    'the buggy variant that stops at an empty page with a token is caught, ' +
      'shrunk to one job behind one empty page',
    async () => {
      const result = await fc.check(
        fc.asyncProperty(
          serviceBehaviour(model),
          filters,
          listsEveryJobOnce(listAllRestoreJobsStopsAtEmptyPage),
        ),
        { seed: 42 },
      );
      expect(result.failed).toBe(true);
      const [behaviour, filter] = result.counterexample!;
      expect(filter).toEqual({});
      expect(behaviour).toEqual({
        jobs: [{ recoveryPoint: 0, statuses: ['COMPLETED'] }],
        pageSizes: [0],
        faults: [],
        latencyMs: [],
      });
    },
  );
});

describe('waitForRestore', () => {
  test.prop([oneJob])(
    'ends on every terminal state, through throttling, 5xx and dropped connections',
    endsOnEveryTerminalState(waitForRestore),
  );

  test(
    'the buggy variant that treats ABORTED as running is caught, ' + 'shrunk to a job that is simply ABORTED',
    async () => {
      const result = await fc.check(
        fc.asyncProperty(oneJob, endsOnEveryTerminalState(waitForRestoreIgnoresAborted)),
        { seed: 42 },
      );
      expect(result.failed).toBe(true);
      expect(result.counterexample![0]).toEqual({
        jobs: [{ recoveryPoint: 0, statuses: ['ABORTED'] }],
        pageSizes: [],
        faults: [],
        latencyMs: [],
      });
    },
  );
});
