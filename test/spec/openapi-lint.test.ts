// The OpenAPI documents as the tools users run see them: Spectral's `spectral:oas` ruleset (recommended
// rules), and what each SDK really sends — botocore's URIs read from AWS's official model
// (test/fixtures/oracle/, the same version as the pages), which tests may read as an oracle; src/ never does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Spectral, type ISpectralDiagnostic } from '@stoplight/spectral-core';
import { oas } from '@stoplight/spectral-rulesets';
import { describe, expect, it } from 'vitest';
import { loadBackupModel } from '../../src/model/load.ts';

const root = join(import.meta.dirname, '../..');
const text = (f: string) => readFileSync(join(root, 'spec', f), 'utf8');
type Op = { operationId?: string; tags?: string[]; 'x-aws-canonical-operation'?: string };
type Doc = { paths: Record<string, Record<string, Op>>; tags: { name: string }[] };
const main = JSON.parse(text('backup.openapi.json')) as Doc;
const sdks = JSON.parse(text('backup.sdks.openapi.json')) as Doc;
const botocore = JSON.parse(readFileSync(join(root, 'test/fixtures/oracle/service-2.json'), 'utf8')) as {
  operations: Record<string, { http: { method: string; requestUri: string } }>;
};
const shape = (uri: string) => uri.split('?')[0]!.replace(/\{[^}]+\}/g, '{}');
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

async function lint(source: string): Promise<ISpectralDiagnostic[]> {
  const spectral = new Spectral();
  spectral.setRuleset({ extends: [[oas as never, 'recommended']] } as never);
  return spectral.run(source);
}
const show = (r: ISpectralDiagnostic[]) =>
  r.map((d) => `${d.code} (severity ${d.severity}) at ${d.path.join('.')}: ${d.message}`);

function operations(doc: Doc) {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([m]) => METHODS.includes(m))
      .map(([m, op]) => ({ path, method: m.toUpperCase(), ...op })),
  );
}

describe('the OpenAPI documents under Spectral (spectral:oas, recommended)', () => {
  it('spec/backup.openapi.json lints clean: no error, no warning, no hint', async () => {
    const results = await lint(text('backup.openapi.json'));
    expect(show(results)).toEqual([]);
  });

  it('spec/backup.sdks.openapi.json: only the trailing slashes botocore sends are warned about', async () => {
    const results = await lint(text('backup.sdks.openapi.json'));
    const other = results.filter((r) => r.code !== 'path-keys-no-trailing-slash');
    expect(show(other)).toEqual([]);
    const warned = new Set(results.map((r) => String(r.path[1])));
    const copies = operations(sdks).filter((o) => o['x-aws-canonical-operation']);
    const botocorePaths = new Set(copies.map((o) => o.path));
    console.log(`spec/backup.sdks.openapi.json: ${warned.size} path keys end in a slash, all botocore's`);
    expect(warned).toEqual(botocorePaths);
  });

  it('both documents pass a validator; every operation has one defined tag (its family)', async () => {
    for (const doc of [main, sdks]) {
      await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
      const defined = new Set(doc.tags.map((t) => t.name));
      for (const o of operations(doc)) {
        expect(o.tags, o.operationId).toHaveLength(1);
        expect(defined.has(o.tags![0]!), o.operationId).toBe(true);
      }
    }
  });
});

describe('what both SDKs send', () => {
  it("the model states botocore's URI for every operation (the JS SDK's, else clientUris)", async () => {
    const model = await loadBackupModel();
    const differ: string[] = [];
    for (const [name, { http }] of Object.entries(botocore.operations)) {
      const op = model.operations[name]!;
      const stated = op.clientUris?.find((c) => c.client === 'botocore')?.uri ?? op.http!.uri;
      expect(`${op.http!.method} ${shape(stated)}`, name).toBe(`${http.method} ${shape(http.requestUri)}`);
      if (shape(op.http!.uri) === shape(http.requestUri)) continue;
      differ.push(name);
      const slash = `${name}: botocore's URI is the JS SDK's with a trailing slash`;
      expect(shape(http.requestUri), slash).toBe(`${shape(op.http!.uri)}/`);
    }
    const withClientUris = Object.values(model.operations)
      .filter((o) => o.clientUris?.length)
      .map((o) => o.name);
    console.log(`botocore's URI differs from the JS SDK's for ${differ.length} operations, each by a '/'`);
    expect(withClientUris.sort()).toEqual(differ.sort());
    expect(differ.length).toBe(23);
  });

  it("the sdks document has a path for each SDK's requests; the main one for the JS SDK's", async () => {
    const model = await loadBackupModel();
    const at = (doc: Doc) => new Map(operations(doc).map((o) => [`${o.method} ${shape(o.path)}`, o]));
    const sdkOps = at(sdks);
    const mainOps = at(main);
    for (const [name, { http }] of Object.entries(botocore.operations)) {
      const boto = sdkOps.get(`${http.method} ${shape(http.requestUri)}`);
      const canonical = boto?.['x-aws-canonical-operation'] ?? boto?.operationId;
      expect(canonical, `${name} as botocore sends it`).toBe(name);
      const js = model.operations[name]!.http!;
      expect(sdkOps.get(`${js.method} ${shape(js.uri)}`)?.operationId, name).toBe(name);
      expect(mainOps.get(`${js.method} ${shape(js.uri)}`)?.operationId, name).toBe(name);
    }
  });
});
