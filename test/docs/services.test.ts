// boto3 reference pages of services other than Backup, in RST and text renderings (test/fixtures/services,
// made by test/corpus/make-fixtures.sh): every service is derived with its losses recorded, never aborted,
// and agrees with botocore's own model of the same version (committed beside the pages; test oracle only)
// at least as well as the floors measured when the fixtures were made.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OperationPage } from '../../src/docs/types.ts';
import { deriveModel } from '../../src/spec/derive.ts';
import { measure, oracleIn } from '../corpus/measure.ts';
import { kept } from '../corpus/table.ts';

const root = join(import.meta.dirname, '../fixtures/services');
const services = readdirSync(root)
  .filter((s) => existsSync(join(root, s, 'oracle')))
  .sort();
const FORMS = ['rst', 'w3m', 'lynx', 'html2text'];
/** Agreement on the facts each form kept, as measured on these fixtures when they were made, rounded down
 * (100% unless named). Below 100%, real differences between boto3's pages and botocore's model: glacier's
 * `accountId` boto3 fills in (the pages mark it optional, the model requires it); lexv2-runtime's recursive
 * `subSlots` elided as `{'... recursive ...'}` (a map the page cannot type); pagination with several result
 * keys (kinesis, dynamodb, s3) or whose paginator page is not in the subset (glue); s3's `Expires`. */
const FLOOR: Record<string, number> = {
  glacier: 0.965,
  'lexv2-runtime': 0.985,
  glue: 0.985,
  s3: 0.995,
  dynamodb: 0.995,
  kinesis: 0.999,
};

describe('every fixture service in every form: a schema, losses recorded, agreement above the floor', () => {
  it('has at least ten services besides Backup, and a text rendering of each', () => {
    expect(services.length).toBeGreaterThanOrEqual(10);
    for (const s of services) expect(existsSync(join(root, s, 'w3m')), s).toBe(true);
  });
  for (const service of services) {
    for (const form of FORMS.filter((f) => existsSync(join(root, service, f)))) {
      it(`${service} ${form}`, async () => {
        const row = await measure(
          service,
          form,
          join(root, service, form),
          oracleIn(join(root, service, 'oracle')),
        );
        expect(row.error).toBeUndefined();
        expect(row.ops).toBeGreaterThan(0);
        expect(row.total).toBeGreaterThan(10);
        expect(kept(row), `${service} ${form}: ${row.residue.slice(0, 5).join('; ')}`).toBeGreaterThanOrEqual(
          FLOOR[service] ?? 1,
        );
      });
    }
  }
});

describe('the forms that used to abort a service', () => {
  const derive = (service: string, form: string) => deriveModel(join(root, service, form), { sdk: false });
  const details = (drift: { kind: string; subject: string; detail: string }[]) =>
    drift
      .filter((d) => d.kind === 'unread' || d.kind === 'rendering-loss')
      .map((d) => `${d.subject}: ${d.detail}`);

  it("glue: a 'too large to render' block is a loss; what the page still states is read", async () => {
    const { model, drift } = await derive('glue', 'rst');
    expect(details(drift)).toContainEqual(
      expect.stringMatching(/^client\/create_job\.rst: .*too large to render.*parameter entries/),
    );
    expect(details(drift)).toContainEqual(
      expect.stringMatching(
        /^client\/create_job\.rst: no Request parameter entries either: the members are unknown/,
      ),
    );
    expect(details(drift)).toContainEqual(
      expect.stringMatching(
        /^client\/batch_get_jobs\.rst: .*too large to render.*Response Structure entries/,
      ),
    );
    expect(details(drift)).toContainEqual(
      expect.stringMatching(/^client\/batch_get_jobs\.rst: no Response Structure entries either/),
    );
    expect(model.operations.BatchGetJobs!.errors).toContain('InvalidInputException');
    expect(model.operations.GetTags!.output.members!.Tags!.shape.type).toBe('map');
    await expect(deriveModel(join(root, 'glue', 'rst'), { sdk: false, strict: true })).rejects.toThrow(
      /too large to render/,
    );
  });

  it(
    's3: resource, waiter and service-resource pages skipped by name; ' +
      "streaming bodies and b'bytes'|file are blobs",
    async () => {
      const { model, pages } = await derive('s3', 'rst');
      const skipped = pages.filter((p) => p.kind === 'skipped' && p.why === 'section').map((p) => p.file);
      expect(skipped).toEqual(
        expect.arrayContaining(['bucket/index.rst', 'service-resource/index.rst', 'waiter/BucketExists.rst']),
      );
      expect(model.operations.GetObject!.output.members!.Body!.shape.type).toBe('blob');
      expect(model.operations.PutObject!.input.members!.Body!.shape.type).toBe('blob');
    },
  );

  it(
    'kinesis: an EventStream(...) value is the structure of its events; ' + 'a nested result key is a loss',
    async () => {
      const { model, drift } = await derive('kinesis', 'rst');
      expect(model.operations.SubscribeToShard!.output.members!.EventStream!.shape.type).toBe('structure');
      expect(details(drift)).toContainEqual(
        expect.stringMatching(/^paginator\/DescribeStream\.rst: .*left without pagination/),
      );
    },
  );

  it('html2text lost every parameter entry: the losses say so, and nothing is invented', async () => {
    const { model, drift } = await derive('glacier', 'html2text');
    expect(details(drift)).toContainEqual(expect.stringMatching(/parameter entries are missing/));
    expect(Object.keys(model.operations).length).toBe(33);
    const page = (await derive('glacier', 'rst')).pages.find(
      (p): p is OperationPage => p.kind === 'operation',
    );
    // boto3's documenter removed accountId's [REQUIRED] mark (the SDK fills it in): not stated, said so
    expect(page?.losses).toEqual([
      expect.objectContaining({
        what: "required-ness not stated: the SDK fills this parameter in ('accountId')",
        notStated: { member: 'accountId', fact: 'required' },
      }),
    ]);
    expect(page?.input.members?.find((m) => m.name === 'accountId')?.required).toBeUndefined();
  });

  it("an idempotency token's note leaves its required-ness stated: no loss", async () => {
    const { pages } = await derive('ebs', 'rst');
    const noted = pages.filter(
      (p): p is OperationPage =>
        p.kind === 'operation' &&
        p.input.members!.some((m) => m.description.includes('This field is autopopulated if not provided')),
    );
    expect(noted.length).toBeGreaterThan(0);
    for (const p of noted) expect(p.losses.filter((l) => l.notStated)).toEqual([]);
  });
});
