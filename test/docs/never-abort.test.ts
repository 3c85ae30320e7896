// A lenient reading never aborts a service: what cannot be read is a loss with its file, line, what was
// expected and found, and what was done instead; a strict reading (Backup's own `spec build`) rejects it.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/docs/page.ts';
import { DocParseError, type OperationPage } from '../../src/docs/types.ts';
import { deriveModel } from '../../src/spec/derive.ts';

const rstDir = join(import.meta.dirname, '../../spec/docs/rst');
const rst = readFileSync(join(rstDir, 'client/start_restore_job.rst'), 'utf8');
const lenient = (text: string) => parsePage('page.rst', text, { strict: false });
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('a page read leniently: losses, never an exception', () => {
  it('an unknown literal in the Request Syntax: structure from the entries, the loss at its line', () => {
    const text = rst.replace("IamRoleArn='string',", 'IamRoleArn=whatever,');
    expect(() => parsePage('page.rst', text)).toThrow(DocParseError);
    const p = lenient(text) as OperationPage;
    expect(p.input.members!.map((m) => m.name)).toContain('IamRoleArn');
    expect(p.input.members!.find((m) => m.name === 'RecoveryPointArn')!.required).toBe(true);
    expect(p.losses).toEqual([
      expect.objectContaining({
        ref: { file: 'page.rst', line: lineOf(text, 'IamRoleArn=whatever') },
        unread: expect.objectContaining({ found: '"whatever"' }),
      }),
    ]);
    expect(p.losses[0]!.what).toMatch(/structure taken from the parameter entries/);
  });

  it("a 'too large to render' block: structure from the entries, the loss says so", () => {
    const start = rst.indexOf('response = client.start_restore_job(');
    const end = rst.indexOf(')', rst.indexOf('CopySourceTagsToRestoredResource=True|False')) + 1;
    const text =
      `${rst.slice(0, start)}# This section is too large to render.\n` +
      `    # Please see the AWS API Documentation linked below.${rst.slice(end)}`;
    const p = lenient(text) as OperationPage;
    expect(p.input.members!.map((m) => [m.name, m.shape.type])).toContainEqual(['Metadata', 'map']);
    expect(p.losses[0]!.what).toMatch(
      /found "# This section is too large to render\."; structure taken from the parameter entries/,
    );
  });

  it(
    'a documented member absent from the syntax, a bracket closed by the wrong kind: ' +
      'recorded, the rest read',
    () => {
      const text = rst.replace(
        "            'string': 'string'\n        },",
        "            'string': 'string'\n        ],",
      );
      const p = lenient(text) as OperationPage;
      expect(p.kind).toBe('operation');
      expect(p.losses.length).toBeGreaterThan(0);
      expect(p.output!.members!.map((m) => m.name)).toEqual(['RestoreJobId']);
    },
  );

  it(
    'files that are no reference page are skipped by name with the reason; ' +
      'other pages of the docs by kind',
    () => {
      expect(lenient('')).toMatchObject({ kind: 'skipped', why: 'not-a-page', reason: /empty file/ });
      expect(lenient('<!DOCTYPE html><html><body>hi</body></html>')).toMatchObject({
        why: 'not-a-page',
        reason: /HTML/,
      });
      expect(lenient('\u0000\u0001PNG\u0000')).toMatchObject({ why: 'not-a-page', reason: /binary/ });
      expect(lenient('LS(1)  User Commands\n\nNAME\n       ls - list directory contents\n')).toMatchObject({
        why: 'not-a-page',
      });
      expect(lenient(':doc:`S3 <../../s3>` / Waiter / BucketExists\n\n****\nBucketExists\n')).toMatchObject({
        why: 'section',
        name: 'S3 / Waiter / BucketExists',
      });
      expect(() => parsePage('page.rst', '')).toThrow(/page\.rst:1: expected a boto3 reference page title/);
    },
  );
});

describe('a folder with junk among the pages', () => {
  const dir = mkdtempSync(join(tmpdir(), 'abc-junk-'));
  cpSync(rstDir, dir, { recursive: true });
  writeFileSync(join(dir, 'client/index.html'), '<!DOCTYPE html>\n<html><body>Backup</body></html>\n');
  writeFileSync(
    join(dir, 'client/logo.png'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe]),
  );
  writeFileSync(join(dir, 'client/empty.rst'), '');
  writeFileSync(join(dir, 'client/ls.txt'), 'LS(1)\n\nNAME\n       ls - list directory contents\n');

  it('is still derived; each junk file is a loss named in the drift list', async () => {
    const { model, drift, pages } = await deriveModel(dir, { sdk: false });
    expect(Object.keys(model.operations).length).toBeGreaterThan(100);
    const unread = drift.filter((d) => d.kind === 'unread').map((d) => `${d.subject}: ${d.detail}`);
    expect(unread).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^client\/index\.html: .*HTML/),
        expect.stringMatching(/^client\/logo\.png: .*binary/),
        expect.stringMatching(/^client\/empty\.rst: .*empty/),
        expect.stringMatching(/^client\/ls\.txt: not a boto3 reference page/),
      ]),
    );
    expect(pages.filter((p) => p.kind === 'skipped' && p.why === 'not-a-page')).toHaveLength(4);
  });

  it('strict reading rejects the first page that is none', async () => {
    await expect(deriveModel(dir, { sdk: false, strict: true })).rejects.toThrow(
      /client\/empty\.rst:1: expected a boto3 reference page title/,
    );
  });
});

describe('a rendering that lost whole sections', () => {
  it(
    "a paginator page cut after its Request Syntax: pagination from the operation's client page, " +
      'the loss recorded',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'abc-cut-'));
      cpSync(join(import.meta.dirname, '../../spec/docs/text'), dir, { recursive: true });
      const file = join(dir, 'paginator/ListRestoreJobs.txt');
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.slice(0, text.search(/^\s*Return type/m)));
      const { model, drift } = await deriveModel(dir, { sdk: false });
      expect(model.operations.ListRestoreJobs!.paginated).toMatchObject({
        inputToken: 'NextToken',
        outputToken: 'NextToken',
        limitKey: 'MaxResults',
        resultKey: 'RestoreJobs',
      });
      expect(drift).toContainEqual(
        expect.objectContaining({
          kind: 'rendering-loss',
          subject: 'paginator/ListRestoreJobs.txt',
          detail: expect.stringMatching(/lost its Response Syntax.*client page/),
        }),
      );
    },
  );
});
