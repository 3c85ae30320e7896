// The mock follows a drawn service behaviour: page sizes, status scripts, fault bursts (with the
// retry-ability the SDK itself shows) and latency; bad behaviours and options are named field by field.
import { BackupClient, DescribeRestoreJobCommand, ListRestoreJobsCommand } from '@aws-sdk/client-backup';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  BehaviourError,
  behaviourProblems,
  createMock,
  loadBackupModel,
  ManualClock,
  mockClientConfig,
  retryableBySdk,
  serviceBehaviour,
  type FailureKind,
  type ServiceBehaviour,
} from '../../src/index.ts';
import { RESTORE_OPERATIONS, runConformance } from '../../src/runner/run.ts';
import { fetchFunctionTarget } from '../../src/targets/fetch-target.ts';

const model = await loadBackupModel();
const calm = { jobs: [], pageSizes: [], faults: [], latencyMs: [] } satisfies ServiceBehaviour;

async function harness(behaviour: ServiceBehaviour, maxAttempts?: number) {
  const mock = await createMock({ behaviour });
  return { mock, client: new BackupClient(mockClientConfig(mock, maxAttempts ? { maxAttempts } : {})) };
}

describe('serviceBehaviour', () => {
  test.prop([serviceBehaviour(model, { maxBurst: 3 })])(
    'draws only valid behaviours, with separate bursts no longer than maxBurst',
    (b) => {
      expect(behaviourProblems(model, b)).toEqual([]);
      b.faults.forEach((f, i) => {
        expect(f.count).toBeLessThanOrEqual(3);
        if (i > 0) expect(f.quietBefore).toBeGreaterThanOrEqual(1);
        expect(f.retryable).toBe(retryableBySdk(model, f.kind));
      });
    },
  );

  test('rejects bad options, naming the option', () => {
    expect(() => serviceBehaviour(model, { maxBurst: 0 })).toThrow(
      /maxBurst must be a whole number ≥ 1, got 0/,
    );
    expect(() => serviceBehaviour(model, { endIn: ['RUNNING'] })).toThrow(
      /endIn has "RUNNING", not a documented terminal status/,
    );
    expect(() => serviceBehaviour(model, { failures: ['boom' as FailureKind] })).toThrow(
      /failures has "boom"/,
    );
    expect(() => serviceBehaviour(model, { minJobs: 5, maxJobs: 2 })).toThrow(
      /maxJobs must be a whole number ≥ 5/,
    );
  });
});

describe('the mock follows the behaviour', () => {
  test.prop([serviceBehaviour(model, { failures: [], maxJobs: 15 }), fc.integer({ min: 1, max: 6 })])(
    'pages: the k-th page has min(MaxResults, pageSizes[k]) jobs while jobs remain, ' +
      'a token exactly while jobs remain, every job once',
    async (behaviour, maxResults) => {
      const { mock, client } = await harness(behaviour);
      const all = mock
        .jobs()
        .map((j) => j.RestoreJobId)
        .reverse(); // newest first
      const seen: unknown[] = [];
      let token: string | undefined;
      let k = 0;
      do {
        const page = await client.send(
          new ListRestoreJobsCommand({ MaxResults: maxResults, NextToken: token }),
        );
        const remaining = all.length - seen.length;
        const want = Math.min(maxResults, behaviour.pageSizes[k] ?? maxResults, remaining);
        expect(page.RestoreJobs!.length).toBe(want);
        seen.push(...page.RestoreJobs!.map((j) => j.RestoreJobId));
        expect(page.NextToken !== undefined).toBe(seen.length < all.length);
        token = page.NextToken;
        k++;
      } while (token);
      expect(seen).toEqual(all);
    },
  );

  test.prop([serviceBehaviour(model, { failures: [], minJobs: 1, maxJobs: 3 })])(
    'statuses: each job shows its script, one status per describe, the last one sticking; ' +
      'listings do not advance it',
    async (drawn) => {
      const behaviour = { ...drawn, pageSizes: [] }; // one full page: this test reads only the first
      const { mock, client } = await harness(behaviour);
      for (const [i, job] of mock.store.all().entries()) {
        const script = behaviour.jobs[i]!.statuses;
        const listed = await client.send(new ListRestoreJobsCommand({}));
        expect(listed.RestoreJobs!.find((j) => j.RestoreJobId === job.id)!.Status).toBe(script[0]);
        const shown: string[] = [];
        for (let n = 0; n < script.length + 2; n++)
          shown.push((await client.send(new DescribeRestoreJobCommand({ RestoreJobId: job.id }))).Status!);
        expect(shown).toEqual([...script, script.at(-1), script.at(-1)]);
      }
    },
  );

  test.prop([serviceBehaviour(model, { maxBursts: 3, maxBurst: 3 })])(
    'faults: with no retries, request n fails exactly when the schedule says, with that failure',
    async (behaviour) => {
      const { client } = await harness(behaviour, 1);
      const failed: (string | undefined)[] = [];
      const expected: (string | undefined)[] = [];
      const kinds = new Map<number, FailureKind>();
      let at = 0;
      for (const b of behaviour.faults) {
        at += b.quietBefore;
        for (let i = 0; i < b.count; i++) kinds.set(++at, b.kind);
      }
      for (let n = 1; n <= at + 2; n++) {
        expected.push(kinds.get(n));
        failed.push(
          await client.send(new ListRestoreJobsCommand({})).then(
            () => undefined,
            (e: Error & { code?: string }) =>
              e.name === 'ThrottlingException'
                ? 'throttle'
                : e.name === 'ServiceUnavailableException'
                  ? 'unavailable'
                  : e.code === 'ECONNRESET'
                    ? 'drop'
                    : `unexpected ${e.name}`,
          ),
        );
      }
      expect(failed).toEqual(expected);
    },
  );

  test.each(['throttle', 'unavailable', 'drop'] as const)(
    'retry-ability of %s is what the SDK does: one failure, two attempts',
    async (kind) => {
      const { client } = await harness(
        { ...calm, faults: [{ quietBefore: 0, kind, count: 1, retryable: retryableBySdk(model, kind) }] },
        2,
      );
      const ok = await client.send(new ListRestoreJobsCommand({})).then(
        () => true,
        () => false,
      );
      expect(ok).toBe(retryableBySdk(model, kind));
    },
  );

  test('latency: the i-th request waits latencyMs[i]', async () => {
    const { client } = await harness({ ...calm, latencyMs: [0, 60] });
    const time = async () => {
      const t = performance.now();
      await client.send(new ListRestoreJobsCommand({}));
      return performance.now() - t;
    };
    const [first, second] = [await time(), await time()];
    expect(second).toBeGreaterThanOrEqual(55);
    expect(first).toBeLessThan(second);
  });
});

describe('a bad behaviour is refused, each problem named', () => {
  test('fields, values and lifecycle order', async () => {
    const bad = {
      jobs: [
        { recoveryPoint: 0, statuses: ['DONE'] },
        { recoveryPoint: -1, statuses: ['COMPLETED', 'RUNNING'] },
        { recoveryPoint: 0, statuses: [] },
      ],
      pageSizes: [2, -1],
      faults: [
        { quietBefore: 0, kind: 'boom', count: 0, retryable: true },
        { quietBefore: 0, kind: 'throttle', count: 1, retryable: true },
      ],
      latencyMs: [1.5],
    } as unknown as ServiceBehaviour;
    expect(behaviourProblems(model, bad)).toEqual([
      'behaviour.jobs[0].statuses[0]: "DONE" is not a documented restore job status ' +
        '(PENDING, RUNNING, COMPLETED, ABORTED, FAILED)',
      'behaviour.jobs[1].recoveryPoint: expected an index ≥ 0, got -1',
      'behaviour.jobs[1].statuses[1]: RUNNING cannot follow COMPLETED ' +
        '(statuses move only forward, and a terminal status stays)',
      'behaviour.jobs[2].statuses: expected a non-empty array',
      'behaviour.pageSizes[1]: expected a whole number ≥ 0, got -1',
      'behaviour.latencyMs[0]: expected whole milliseconds ≥ 0, got 1.5',
      'behaviour.faults[0].kind: expected one of throttle, unavailable, drop, got "boom"',
      'behaviour.faults[0].count: expected a whole number ≥ 1, got 0',
      'behaviour.faults[1].quietBefore: expected a whole number ≥ 1 (bursts are separate), got 0',
    ]);
    await expect(createMock({ behaviour: bad })).rejects.toBeInstanceOf(BehaviourError);
    await expect(createMock({ behaviour: { jobs: [] } as unknown as ServiceBehaviour })).rejects.toThrow(
      /behaviour.pageSizes: expected an array/,
    );
  });
});

describe('a followed behaviour is still AWS-conformant', () => {
  test.prop([serviceBehaviour(model, { failures: [], maxJobs: 8 })], { numRuns: 8 })(
    'the conformance suite passes against a mock following any drawn behaviour without faults',
    async (behaviour) => {
      const clock = new ManualClock();
      const mock = await createMock({ model, clock, behaviour });
      const target = fetchFunctionTarget((r) => mock.fetch(r), {
        name: 'behaving',
        origin: 'https://backup.us-east-1.amazonaws.com',
        timeoutMs: 2000,
      });
      try {
        const result = await runConformance({
          model,
          target,
          runs: 10,
          seed: 1,
          // the behaviours are restore-job behaviours: the operations they shape
          operations: RESTORE_OPERATIONS,
          recoveryPoints: mock.store.recoveryPoints().map((p) => p.arn),
          advance: (ms) => clock.advance(ms),
        });
        const failed = result.cells
          .filter((c) => c.status === 'failed')
          .flatMap((c) => c.details.map((d) => `${d.check} ${d.operation}: ${d.received}`));
        expect(failed).toEqual([]);
        expect(result.cells.filter((c) => c.status === 'passed').length).toBeGreaterThan(15);
      } finally {
        await target.close();
      }
    },
  );
});
