// The mock's bounded state: a cap on jobs and on Metadata, the oldest terminal job forgotten first, and
// filtered listings that visit only related jobs while staying exactly what a full scan would answer.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it, vi } from 'vitest';
import { createMock, ManualClock } from '../../src/mock/index.ts';
import type { ListInput } from '../../src/mock/listing.ts';
import { Lister } from '../../src/mock/listing.ts';

const lifecycle = { pendingMs: 1000, runningMs: 4000 };

async function small(limits: { maxJobs?: number; maxMetadataBytes?: number }) {
  const clock = new ManualClock();
  const mock = await createMock({ clock, lifecycle, limits });
  const points = mock.store.recoveryPoints();
  return {
    clock,
    mock,
    points,
    start: (i = 0, o: { token?: string; meta?: Record<string, string> } = {}) =>
      mock.store.start({
        RecoveryPointArn: points[i % points.length]!.arn,
        Metadata: o.meta ?? {},
        ...(o.token ? { IdempotencyToken: o.token } : {}),
      }).id,
  };
}

describe('a cap on stored jobs', () => {
  it('forgets the oldest terminal job first, and its idempotency token with it', async () => {
    const { clock, mock, start } = await small({ maxJobs: 3 });
    const a = start(0, { token: 'ta' });
    clock.advance(10_000); // a is terminal
    const b = start(1);
    const c = start(2);
    const d = start(3); // over the cap: a goes (the only terminal job)
    expect(mock.store.all().map((j) => j.id)).toEqual([b, c, d]);
    expect(mock.store.get(a)).toBeUndefined();
    expect([mock.store.created, mock.store.evicted]).toEqual([4, 1]);
    // the token was forgotten with its job: using it again starts a new job
    const again = mock.store.start({
      RecoveryPointArn: mock.store.recoveryPoints()[0]!.arn,
      Metadata: {},
      IdempotencyToken: 'ta',
    });
    expect(again.created).toBe(true);
  });

  it('when no job is terminal, forgets the oldest job (a start is never refused)', async () => {
    const { mock, start } = await small({ maxJobs: 2 });
    const ids = [start(), start(), start(), start()];
    expect(mock.store.all().map((j) => j.id)).toEqual(ids.slice(2));
    expect(mock.store.evicted).toBe(2);
  });

  it('prefers a terminal job over an older running one', async () => {
    const { clock, mock, start } = await small({ maxJobs: 2 });
    mock.store.seed(mock.store.recoveryPoints()[0]!, ['RUNNING'], clock.now() - 1000);
    const done = mock.store.seed(mock.store.recoveryPoints()[0]!, ['COMPLETED'], clock.now() - 500);
    const fresh = start();
    expect(mock.store.get(done.id)).toBeUndefined();
    expect(mock.store.all().map((j) => j.id)).toContain(fresh);
  });

  it('keeps Metadata within its byte budget the same way', async () => {
    const { mock, start } = await small({ maxMetadataBytes: 10_000 });
    for (let i = 0; i < 10; i++) start(i, { meta: { k: 'x'.repeat(3000) } });
    expect(mock.store.metadataBytes).toBeLessThanOrEqual(10_000);
    expect(mock.store.size).toBe(3);
    expect(mock.store.created - mock.store.evicted).toBe(mock.store.size);
  });

  it('rejects limits that are not whole numbers ≥ 1, naming them', async () => {
    await expect(createMock({ limits: { maxJobs: 0 } })).rejects.toThrow(
      /limits\.maxJobs must be a whole number ≥ 1, got 0/,
    );
  });
});

const naive = (mock: Awaited<ReturnType<typeof createMock>>, q: ListInput) => {
  const t = (d: unknown) => (d as Date | undefined)?.getTime();
  return mock
    .jobs()
    .reverse()
    .filter(
      (j) =>
        (q.ByAccountId === undefined || j.AccountId === q.ByAccountId) &&
        (q.ByResourceType === undefined || j.ResourceType === q.ByResourceType) &&
        (q.ByStatus === undefined || j.Status === q.ByStatus) &&
        (!q.ByCreatedBefore || t(j.CreationDate)! < q.ByCreatedBefore.getTime()) &&
        (!q.ByCreatedAfter || t(j.CreationDate)! > q.ByCreatedAfter.getTime()) &&
        (!q.ByCompleteBefore || (t(j.CompletionDate) ?? Infinity) < q.ByCompleteBefore.getTime()) &&
        (!q.ByCompleteAfter || (t(j.CompletionDate) ?? -Infinity) > q.ByCompleteAfter.getTime()) &&
        q.ByParentJobId === undefined &&
        q.ByRestoreTestingPlanArn === undefined,
    )
    .map((j) => j.RestoreJobId);
};

// advances of whole lifecycle phases too, so that jobs sit exactly on a status edge
const step = fc.oneof(
  fc.record({ start: fc.nat(20) }),
  fc.record({ advance: fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.constantFrom(500, 1000, 4000, 5000)) }),
);
const time = fc.integer({ min: -2000, max: 60_000 });
// one or two filters at a time: more would make almost every listing empty
const filters = fc
  .uniqueArray(
    fc.oneof(
      fc.tuple(fc.constant('ByAccountId'), fc.constantFrom('123456789012', '000000000000')),
      fc.tuple(fc.constant('ByResourceType'), fc.constantFrom('EBS', 'EFS', 'RDS', 'S3', 'Other')),
      fc.tuple(
        fc.constant('ByStatus'),
        fc.constantFrom('PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'ABORTED'),
      ),
      ...['ByCreatedBefore', 'ByCreatedAfter', 'ByCompleteBefore', 'ByCompleteAfter'].map((k) =>
        fc.tuple(fc.constant(k), time),
      ),
      fc.tuple(fc.constant('ByParentJobId'), fc.constant('p')),
    ),
    { minLength: 0, maxLength: 2, selector: ([k]) => k },
  )
  .map((kv) => Object.fromEntries(kv));

describe('filtered listings through indexes', () => {
  test.prop(
    [
      fc.array(step, { maxLength: 60 }),
      fc.array(filters, { minLength: 1, maxLength: 4 }),
      fc.integer({ min: 1, max: 7 }),
      fc.integer({ min: 3, max: 40 }),
    ],
    { numRuns: 100 },
  )(
    'answer exactly what a full scan answers, page by page, under a job cap',
    async (steps, queries, pageSize, maxJobs) => {
      const clock = new ManualClock();
      const base = clock.now();
      const mock = await createMock({ clock, lifecycle, limits: { maxJobs } });
      const points = mock.store.recoveryPoints();
      const lister = new Lister(mock.store);
      for (const s of steps) {
        if ('start' in s)
          mock.store.start({ RecoveryPointArn: points[s.start % points.length]!.arn, Metadata: {} });
        else clock.advance(s.advance);
      }
      // the drawn combinations, and every single filter around the lifecycle's edges now
      const edges = Array.from({ length: 13 }, (_, k) => clock.now() - base - k * 500 + (k % 3) - 1);
      for (const j of mock.jobs().slice(-4))
        edges.push(
          ...[j.CreationDate, j.CompletionDate].filter(Boolean).map((d) => (d as Date).getTime() - base),
        );
      const singles = [
        ...['PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'ABORTED'].map((v) => ({ ByStatus: v })),
        ...['EBS', 'EFS', 'Other'].map((v) => ({ ByResourceType: v })),
        ...edges.flatMap((t) =>
          ['ByCreatedBefore', 'ByCreatedAfter', 'ByCompleteBefore', 'ByCompleteAfter'].map((k) => ({
            [k]: t,
          })),
        ),
      ];
      for (const f of [...queries, ...singles]) {
        const q = Object.fromEntries(
          Object.entries(f).map(([k, v]) => [k, typeof v === 'number' ? new Date(base + v) : v]),
        ) as ListInput;
        const seen: unknown[] = [];
        let token: string | undefined;
        do {
          const page = lister.list({ ...q, MaxResults: pageSize, ...(token ? { NextToken: token } : {}) });
          seen.push(...page.RestoreJobs.map((j) => j.RestoreJobId));
          token = page.NextToken;
        } while (token);
        expect(seen, JSON.stringify(q)).toEqual(naive(mock, q));
      }
    },
  );

  it('a listing that matches nothing looks at no job, however many unrelated jobs exist', async () => {
    const clock = new ManualClock();
    const mock = await createMock({ clock, lifecycle });
    const points = mock.store.recoveryPoints().filter((p) => p.resourceType === 'EBS');
    for (let i = 0; i < 5000; i++)
      mock.store.start({ RecoveryPointArn: points[i % points.length]!.arn, Metadata: {} });
    clock.advance(60_000);
    const view = vi.spyOn(mock.store, 'view');
    const lister = new Lister(mock.store);
    for (const q of [
      { ByResourceType: 'EFS' },
      { ByAccountId: '000000000000' },
      { ByStatus: 'RUNNING' },
      { ByStatus: 'PENDING' },
      { ByCreatedAfter: new Date(clock.now()) },
      { ByParentJobId: 'x' },
    ]) {
      expect(lister.list(q).RestoreJobs, JSON.stringify(q)).toEqual([]);
    }
    expect(view).not.toHaveBeenCalled();
    // and a filter that matches some looks at those only
    expect(lister.list({ ByStatus: 'FAILED', MaxResults: 1000 }).RestoreJobs.length).toBe(
      view.mock.calls.length,
    );
  });
});
