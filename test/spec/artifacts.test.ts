// The committed spec/ artifacts: current, valid, and saying what the restore-job API documents.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { staleArtifacts } from '../../src/spec/project.ts';

const root = join(import.meta.dirname, '../..');
const load = (f: string) => JSON.parse(readFileSync(join(root, 'spec', f), 'utf8'));
const schema = load('backup.schema.json');
const openapi = load('backup.openapi.json');

describe('spec/ artifacts', () => {
  it('are what `npm run spec` produces (not stale)', async () => {
    expect(await staleArtifacts(root)).toEqual([]);
  });

  it('the OpenAPI document passes a real validator', async () => {
    await expect(SwaggerParser.validate(structuredClone(openapi))).resolves.toBeTruthy();
  });

  it('the OpenAPI document binds the restore-job operations as the SDK does', () => {
    expect(openapi.openapi).toBe('3.1.0');
    const list = openapi.paths['/restore-jobs'].get;
    expect(list.operationId).toBe('ListRestoreJobs');
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual([
      'nextToken',
      'maxResults',
      'accountId',
      'resourceType',
      'createdBefore',
      'createdAfter',
      'status',
      'completeBefore',
      'completeAfter',
      'restoreTestingPlanArn',
      'parentJobId',
    ]);
    expect(list.parameters.find((p: { name: string }) => p.name === 'createdBefore').schema).toMatchObject({
      type: 'string',
      format: 'date-time',
    });
    expect(list.parameters.find((p: { name: string }) => p.name === 'maxResults').schema).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 1000,
    });
    expect(openapi.paths['/restore-jobs'].put.operationId).toBe('StartRestoreJob');
    const describeJob = openapi.paths['/restore-jobs/{RestoreJobId}'].get;
    expect(describeJob.parameters[0]).toMatchObject({ name: 'RestoreJobId', in: 'path', required: true });
    expect(describeJob.responses['400'].headers['x-amzn-errortype'].schema.enum).toEqual(
      expect.arrayContaining([
        'InvalidParameterValueException',
        'MissingParameterValueException',
        'ResourceNotFoundException',
      ]),
    );
    expect(describeJob.responses['500'].headers['x-amzn-errortype'].schema.enum).toEqual([
      'ServiceUnavailableException',
      'DependencyFailureException',
    ]);
    expect(openapi.components.schemas.DescribeRestoreJobOutput.properties.CreationDate.type).toBe('number');
  });

  it('the JSON Schema compiles (ajv, 2020-12) and states the documented facts', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema(schema);
    const defs = schema.$defs;
    for (const n of [
      'StartRestoreJobInput',
      'StartRestoreJobOutput',
      'ListRestoreJobsInput',
      'ListRestoreJobsOutput',
      'DescribeRestoreJobInput',
      'DescribeRestoreJobOutput',
      'InvalidParameterValueException',
    ]) {
      expect(defs[n], n).toBeDefined();
    }
    expect(defs.StartRestoreJobInput.required).toEqual(['RecoveryPointArn', 'Metadata']);
    expect(defs.StartRestoreJobInput.properties.Metadata['x-aws-sensitive']).toBe(true);
    expect(defs.StartRestoreJobInput.properties.IdempotencyToken['x-aws-idempotency-token']).toBe(true);
    expect(defs.ListRestoreJobsInput.properties.ByStatus.enum).toEqual([
      'PENDING',
      'RUNNING',
      'COMPLETED',
      'ABORTED',
      'FAILED',
    ]);
    expect(defs.ListRestoreJobsInput.properties.ByAccountId.pattern).toBe('^[0-9]{12}$');
    expect(defs.ListRestoreJobsInput.properties.ByAccountId['x-provenance']).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^docs:spec\/docs\/rst\/client\/list_restore_jobs\.rst:\d+$/),
        'sdk:@aws-sdk/client-backup',
        expect.stringMatching(/^api-reference:https:\/\/docs\.aws\.amazon\.com\//),
      ]),
    );
    expect(schema['x-aws-operations'].ListRestoreJobs.paginated).toEqual({
      inputToken: 'NextToken',
      outputToken: 'NextToken',
      limitKey: 'MaxResults',
      resultKey: 'RestoreJobs',
    });
    const validate = ajv.getSchema(`${schema.$id}#/$defs/ListRestoreJobsInput`)!;
    expect(validate({ MaxResults: 1000, ByStatus: 'RUNNING', ByCreatedAfter: '2024-01-01T00:00:00Z' })).toBe(
      true,
    );
    expect(validate({ MaxResults: 1001 })).toBe(false);
    expect(validate({ ByStatus: 'DONE' })).toBe(false);
    expect(validate({ ByAccountId: '12345' })).toBe(false);
    expect(validate({ Unknown: 1 })).toBe(false);
  });

  it(
    'the resource families are in the JSON Schema (x-aws-resources), ' +
      'spec/resources.md and the OpenAPI tags',
    () => {
      const { families, unassigned } = schema['x-aws-resources'];
      expect(families.Selection).toMatchObject({
        parent: 'BackupPlan',
        create: ['CreateBackupSelection'],
        resultKeys: { ListBackupSelections: 'BackupSelectionsList' },
      });
      expect(families.ScanJob.corrections[0]).toMatchObject({
        operation: 'StartScanJob',
        role: 'create',
        source: expect.stringMatching(/API_StartScanJob\.html$/),
      });
      expect(unassigned).toContain('TagResource');
      const md = readFileSync(join(root, 'spec/resources.md'), 'utf8');
      for (const name of Object.keys(families)) expect(md).toContain(`| **${name}** |`);
      expect(openapi.tags.map((t: { name: string }) => t.name)).toEqual([
        ...Object.keys(families),
        'Ungrouped',
      ]);
      expect(openapi.paths['/restore-jobs'].get.tags).toEqual(['RestoreJob']);
      expect(openapi.paths['/restore-jobs'].get['x-aws-client-uris']).toEqual({ botocore: '/restore-jobs/' });
    },
  );

  it('the TypeScript types come from the OpenAPI document', () => {
    const dts = readFileSync(join(root, 'spec/backup.d.ts'), 'utf8');
    expect(dts).toMatch(/openapi-typescript/);
    expect(dts).toMatch(/"\/restore-jobs": \{/);
    expect(dts).toMatch(/ListRestoreJobs: \{/);
  });

  it('drift.md names the documented disagreements', () => {
    const drift = readFileSync(join(root, 'spec/drift.md'), 'utf8');
    expect(drift).toMatch(
      /StartRestoreJob\*\* `CopySourceTagsToRestoredResource`: .*not on spec\/docs\/seeds\/000_/,
    );
    expect(drift).toMatch(
      /`RecoveryPointArn`: spec\/docs\/seeds\/000_\S+ lost the \[REQUIRED\] mark that the SDK supplies/,
    );
    expect(drift).toMatch(/seeds\/000_\S+ \(StartRestoreJob ResourceType\)`: lists 12 values/);
    expect(drift).toMatch(/seeds\/004_\S+ \(ListRestoreJobs ByResourceType\)`: lists 16 values/);
  });
});
