// The request generators, proven by properties against the schema they were derived from.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  boundaryCases,
  invalidRequest,
  validRequest,
  GeneratorArgumentError,
} from '../../generators/index.ts';
import { mutationSites } from '../../generators/mutations.ts';
import { loadBackupModel } from '../../src/model/load.ts';
import type { ServiceModel } from '../../src/model/types.ts';
import { validatorFor } from '../../src/model/validate.ts';
import { decodeRequest } from '../../src/wire/request.ts';

const model: ServiceModel = await loadBackupModel();
const v = validatorFor(model);
const RESTORE = ['StartRestoreJob', 'ListRestoreJobs', 'DescribeRestoreJob'] as const;

describe('valid requests', () => {
  for (const name of RESTORE) {
    test.prop([validRequest(model, name)], { numRuns: 300 })(`${name}: ajv accepts every one`, (c) => {
      expect(v.input(model.operations[name]!, c.input)).toEqual([]);
    });
  }

  it('every operation of the service yields schema-valid requests', () => {
    for (const op of Object.values(model.operations)) {
      for (const c of fc.sample(validRequest(model, op.name), { seed: 3, numRuns: 15 })) {
        expect(v.input(op, c.input), op.name).toEqual([]);
      }
    }
  });

  test.prop([validRequest(model, 'PutBackupVaultLockConfiguration')], { numRuns: 300 })(
    'keep a Min<X> at most its Max<X>, each within its own range (no page states how they relate)',
    ({ input }) => {
      const { MinRetentionDays: lo, MaxRetentionDays: hi } = input as Record<string, number | undefined>;
      if (lo !== undefined && hi !== undefined) expect(lo).toBeLessThanOrEqual(hi);
      expect(v.input(model.operations.PutBackupVaultLockConfiguration!, input)).toEqual([]);
    },
  );

  test.prop([validRequest(model, 'StartRestoreJob')], { numRuns: 200 })(
    'look real where the docs show a form',
    ({ input }) => {
      expect(input.RecoveryPointArn).toMatch(
        /^arn:aws:backup:[a-z]{2}-[a-z]+-\d:\d{12}:recovery-point:[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}$/,
      );
      if (input.IamRoleArn !== undefined)
        expect(input.IamRoleArn).toMatch(/^arn:aws:iam::\d{12}:role\/[A-Za-z][\w-]*$/);
      expect(typeof input.Metadata).toBe('object');
    },
  );

  it('exercise every member, optional ones present and absent, and every enum value', () => {
    const cases = fc.sample(validRequest(model, 'ListRestoreJobs'), { seed: 11, numRuns: 400 });
    const op = model.operations.ListRestoreJobs!;
    for (const m of Object.values(op.input.members!).filter((x) => x.name !== 'NextToken')) {
      expect(
        cases.some((c) => m.name in c.input),
        `${m.name} present`,
      ).toBe(true);
      expect(
        cases.some((c) => !(m.name in c.input)),
        `${m.name} absent`,
      ).toBe(true);
    }
    expect(new Set(cases.map((c) => c.input.ByStatus).filter(Boolean))).toEqual(
      new Set(op.input.members!.ByStatus!.shape.enum),
    );
    expect(cases.some((c) => c.input.ByCreatedAfter instanceof Date)).toBe(true);
    const metadataKeys = fc
      .sample(validRequest(model, 'StartRestoreJob'), { seed: 5, numRuns: 200 })
      .flatMap((c) => Object.keys(c.input.Metadata as object));
    expect(metadataKeys).toContain('file-system-id'); // documented keys are drawn, not only random ones
  });

  it('the same seed gives the same cases', () => {
    const a = fc.sample(invalidRequest(model, 'ListRestoreJobs'), { seed: 42, numRuns: 100 });
    const b = fc.sample(invalidRequest(model, 'ListRestoreJobs'), { seed: 42, numRuns: 100 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(fc.sample(validRequest(model, 'StartRestoreJob'), { seed: 9, numRuns: 50 }))).toBe(
      JSON.stringify(fc.sample(validRequest(model, 'StartRestoreJob'), { seed: 9, numRuns: 50 })),
    );
  });
});

describe('invalid requests', () => {
  test.prop([invalidRequest(model, 'DescribeRestoreJob')], { numRuns: 50 })(
    'a path label can only name a resource that does not exist: schema-valid, ResourceNotFound',
    (c) => {
      // DescribeRestoreJob's only member is an unconstrained path label: only the target's state makes
      // it fail
      expect([c.mutation, c.rule, c.expectedError, c.path]).toEqual([
        'unknown-resource',
        'state',
        'ResourceNotFoundException',
        'RestoreJobId',
      ]);
      expect(v.input(model.operations.DescribeRestoreJob!, c.input)).toEqual([]);
    },
  );

  it('an operation with nothing to break says so', () => {
    expect(() => invalidRequest(model, 'GetSupportedResourceTypes')).toThrow(
      /GetSupportedResourceTypes has no member that can be made invalid/,
    );
  });

  for (const name of ['StartRestoreJob', 'ListRestoreJobs']) {
    test.prop([invalidRequest(model, name)], { numRuns: 400 })(
      `${name}: each is rejected for exactly its labelled reason`,
      (c) => {
        const op = model.operations[name]!;
        if (c.channel === 'sdk') {
          const found = v.input(op, c.input);
          if (c.rule === 'pagination' || c.rule === 'state') {
            expect(found).toEqual([]); // schema-valid: only the token rules or the target's state reject it
            expect(typeof c.input[c.path]).toBe('string');
            return;
          }
          expect(found.length).toBeGreaterThan(0);
          for (const f of found) expect(f.path).toBe(c.path);
          expect(found.some((f) => c.reportedAs.includes(f.keyword))).toBe(true);
          return;
        }
        const url = new URL(c.http!.path, 'http://localhost');
        const { input, problems } = decodeRequest(op, url, new Headers(c.http!.headers), c.http!.body ?? '');
        const found = [
          ...problems.map((p) => ({ path: p.path, keyword: p.kind })),
          ...(problems.length ? [] : v.input(op, input)),
        ];
        expect(found.length).toBeGreaterThan(0);
        for (const f of found) expect(f.path).toBe(c.path);
        expect(found.some((f) => c.reportedAs.includes(f.keyword))).toBe(true);
      },
    );
  }

  it('cover every mutation the restore-job operations admit, each with its documented exception', () => {
    const kinds = (n: string) =>
      new Set(
        mutationSites(model.operations[n]!).map((s) => `${s.mutation}→${s.expectedError}@${s.channel}`),
      );
    expect([...kinds('ListRestoreJobs')].sort()).toEqual([
      'empty-next-token→InvalidParameterValueException@sdk',
      'empty-string→InvalidParameterValueException@sdk',
      'enum-out-of-set→InvalidParameterValueException@sdk',
      'malformed-timestamp→InvalidParameterValueException@http',
      'out-of-range→InvalidParameterValueException@sdk',
      'pattern-violation→InvalidParameterValueException@sdk',
      'tampered-next-token→InvalidParameterValueException@sdk',
      'wrong-type→InvalidParameterValueException@http',
    ]);
    expect(kinds('StartRestoreJob')).toEqual(
      new Set([
        'missing-required→MissingParameterValueException@sdk',
        'pattern-violation→InvalidParameterValueException@sdk',
        'empty-string→InvalidParameterValueException@sdk',
        'wrong-type→InvalidParameterValueException@http',
        'malformed-json→SerializationException@http',
      ]),
    );
  });
});

describe('the boundary phase', () => {
  it('is deterministic and covers enums, required members, range bounds and their neighbours', () => {
    const a = boundaryCases(model, 'ListRestoreJobs');
    expect(JSON.stringify(boundaryCases(model, 'ListRestoreJobs'))).toBe(JSON.stringify(a));
    const labels = a.map((c) => c.label);
    for (const l of [
      'valid: MaxResults=1',
      'valid: MaxResults=1000',
      'invalid: out-of-range MaxResults = 0',
      'invalid: out-of-range MaxResults = 1001',
      'valid: ByStatus=ABORTED',
      'invalid: empty-next-token NextToken = ""',
    ]) {
      expect(labels).toContain(l);
    }
    const s = boundaryCases(model, 'StartRestoreJob').map((c) => c.label);
    expect(s).toEqual(
      expect.arrayContaining([
        'invalid: missing-required RecoveryPointArn',
        'invalid: missing-required Metadata',
        'valid: IamRoleArn present',
        'valid: required members only',
      ]),
    );
    for (const c of a)
      if (c.case.mode === 'positive')
        expect(v.input(model.operations.ListRestoreJobs!, c.case.input), c.label).toEqual([]);
  });
});

describe('argument checks', () => {
  it('name what is wrong', () => {
    expect(() => validRequest(model, 'ListRestoreJob')).toThrow(
      /unknown operation 'ListRestoreJob'; did you mean .*\bListRestoreJobs\b/,
    );
    expect(() => validRequest(model, 'ListRestoreJobs', { members: { Nope: fc.constant(1) } })).toThrow(
      GeneratorArgumentError,
    );
    expect(() => invalidRequest(model, 'ListRestoreJobs', { maxItems: -1 })).toThrow(/maxItems/);
  });
});
