import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/docs/page.ts';
import type { DocShape, OperationPage } from '../../src/docs/types.ts';

const root = join(import.meta.dirname, '../..');
const page = (rel: string) => parsePage(rel, readFileSync(join(root, rel), 'utf8'));
const op = (rel: string) => page(rel) as OperationPage;
const member = (s: DocShape, name: string) => s.members!.find((m) => m.name === name)!;

describe('RST source pages', () => {
  it('reads start_restore_job: members, types, required marks, API name, exceptions', () => {
    const p = op('spec/docs/rst/client/start_restore_job.rst');
    expect(p.form).toBe('rst');
    expect(p.apiName).toBe('StartRestoreJob');
    expect(p.input.members!.map((m) => [m.name, m.shape.type, m.required])).toEqual([
      ['RecoveryPointArn', 'string', true],
      ['Metadata', 'map', true],
      ['IamRoleArn', 'string', false],
      ['IdempotencyToken', 'string', false],
      ['ResourceType', 'string', false],
      ['CopySourceTagsToRestoredResource', 'boolean', false],
    ]);
    expect(member(p.input, 'Metadata').shape.value!.type).toBe('string');
    expect(member(p.input, 'ResourceType').documentedValues).toContain('Storage Gateway');
    expect(p.errors.map((e) => e.name)).toEqual([
      'ResourceNotFoundException',
      'InvalidParameterValueException',
      'MissingParameterValueException',
      'ServiceUnavailableException',
      'InvalidRequestException',
    ]);
    expect(p.output!.members!.map((m) => m.name)).toEqual(['RestoreJobId']);
    expect(p.losses).toEqual([]);
  });

  it('reads the seed list_restore_jobs page: enums and the nested response structure', () => {
    const p = op('spec/docs/seeds/004_129d5c4f80063f0a.txt');
    expect(p.form).toBe('rst');
    expect(member(p.input, 'ByStatus').shape.enum).toEqual([
      'PENDING',
      'RUNNING',
      'COMPLETED',
      'ABORTED',
      'FAILED',
    ]);
    expect(member(p.input, 'ByCreatedBefore').shape.type).toBe('timestamp');
    expect(member(p.input, 'MaxResults').shape.type).toBe('integer');
    const job = member(p.output!, 'RestoreJobs').shape.member!;
    expect(member(job, 'CreatedBy').shape.members!.map((m) => m.name)).toEqual(['RestoreTestingPlanArn']);
    expect(member(job, 'ValidationStatus').shape.enum).toEqual([
      'FAILED',
      'SUCCESSFUL',
      'TIMED_OUT',
      'VALIDATING',
    ]);
    expect(member(job, 'PercentDone').shape.type).toBe('string');
    expect(member(job, 'PercentDone').description).toMatch(/estimated percentage/);
  });

  it('recognises and skips client helper methods', () => {
    for (const f of ['can_paginate', 'close', 'get_paginator', 'get_waiter']) {
      expect(page(`spec/docs/rst/client/${f}.rst`).kind).toBe('skipped');
      expect(page(`spec/docs/text/client/${f}.txt`).kind).toBe('skipped');
    }
  });

  it('reads paginator pages', () => {
    const p = page('spec/docs/rst/paginator/ListRestoreJobs.rst');
    expect(p).toMatchObject({
      kind: 'paginator',
      name: 'ListRestoreJobs',
      method: 'list_restore_jobs',
      outputMembers: ['RestoreJobs'],
    });
    expect(p.kind === 'paginator' && p.inputMembers).not.toContain('NextToken');
  });

  it('reads every type form on a page of another service', () => {
    const p = op('test/fixtures/widgets/client/put_widget.rst');
    const types = Object.fromEntries(p.input.members!.map((m) => [m.name, m.shape.type]));
    expect(types).toEqual({
      Name: 'string',
      Weight: 'float',
      Payload: 'blob',
      Shape: 'string',
      Extra: 'document',
      Parts: 'list',
      Enabled: 'boolean',
      MadeAt: 'timestamp',
    });
    const part = member(p.input, 'Parts').shape.member!;
    expect(member(part, 'PartId').required).toBe(true);
    expect(member(part, 'Counts').shape).toMatchObject({
      type: 'map',
      key: { type: 'string', enum: ['SMALL', 'LARGE'] },
      value: { type: 'integer' },
    });
    expect(member(part, 'Tags').shape.member!.type).toBe('string');
    expect(member(p.output!, 'Versions').shape.member!.type).toBe('integer');
  });
});

describe('rendered text pages', () => {
  it('read the same model as their RST source', () => {
    for (const f of [
      'start_restore_job',
      'list_restore_jobs',
      'describe_restore_job',
      'create_backup_plan',
    ]) {
      const strip = (p: OperationPage) =>
        JSON.stringify({ i: p.input, o: p.output, e: p.errors.map((e) => e.name) }, (k, v) =>
          k === 'ref' || k === 'description' ? undefined : k === 'required' ? v === true : v,
        );
      // a page with no required parameter carries no marks: a rendering cannot tell optional from a lost mark
      expect(strip(op(`spec/docs/text/client/${f}.txt`)), f).toBe(strip(op(`spec/docs/rst/client/${f}.rst`)));
    }
  });

  it('recover what the lossy seed rendering kept, and record what it lost', () => {
    const p = op('spec/docs/seeds/000_0ff4b3a32cd8d928.txt');
    expect(p.form).toBe('text');
    expect(p.input.members!.map((m) => [m.name, m.shape.type, m.required])).toEqual([
      ['RecoveryPointArn', 'string', undefined],
      ['Metadata', 'map', undefined],
      ['IamRoleArn', 'string', undefined],
      ['IdempotencyToken', 'string', undefined],
      ['ResourceType', 'string', undefined],
    ]);
    expect(p.output!.members!.map((m) => m.name)).toEqual(['RestoreJobId']);
    expect(p.errors).toHaveLength(4);
    expect(p.losses.map((l) => l.what).join('\n')).toMatch(/cut short[\s\S]*REQUIRED[\s\S]*braces/);
  });
});
