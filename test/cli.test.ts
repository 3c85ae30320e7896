// The CLI as a user runs it: exit codes, messages that name the file/flag/field, nothing half-written.
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../src/cli.ts';
import { runCli } from './support/cli.ts';

const fixtures = join(import.meta.dirname, 'fixtures');

const run = runCli;

describe('aws-backup-conformance spec', () => {
  it('derive writes the JSON Schema form for another service, docs only', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'abc-')), 'widgets.json');
    const r = await run('spec', 'derive', join(fixtures, 'widgets'), '--out', out);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(/Widgets: 2 operations \(docs only\)/);
    const s = JSON.parse(readFileSync(out, 'utf8'));
    expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(s.$defs)).toEqual(
      expect.arrayContaining([
        'PutWidgetInput',
        'PutWidgetOutput',
        'ListWidgetsInput',
        'WidgetTooHeavyException',
      ]),
    );
    expect(s.$defs.PutWidgetInput.required).toEqual(['Name', 'Parts']);
    expect(s.$defs.PutWidgetInput.properties.Weight.type).toBe('number');
    expect(s.$defs.PutWidgetInput.properties.Payload.contentEncoding).toBe('base64');
    expect(s['x-aws-operations'].ListWidgets.paginated).toEqual({
      inputToken: 'Token',
      outputToken: 'NextToken',
      limitKey: 'Limit',
      resultKey: 'Widgets',
    });
  });

  it(
    'a page that cannot be fully read: a loss named by file and line; ' + '--strict: exit 3, nothing written',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'abc-'));
      // the pages only: the fixture's synthetic SDK bindings (bindings.ts) are no page, so would be a loss
      const pages = (src: string) => !src.endsWith('.ts');
      cpSync(join(fixtures, 'widgets'), join(dir, 'docs'), { recursive: true, filter: pages });
      const page = join(dir, 'docs/client/put_widget.rst');
      writeFileSync(page, readFileSync(page, 'utf8').replace(':type Weight: float', ':type Weight: flaot'));
      const out = join(dir, 'out.json');
      const lenient = await run('spec', 'derive', join(dir, 'docs'), '--out', out);
      expect(lenient.code).toBe(EXIT.ok);
      expect(lenient.out).toMatch(
        new RegExp(
          '\\d+ pages \\(\\d+ skipped by name.*\\), 1 losses: client\\/put_widget\\.rst:\\d+ ' +
            'expected a type .* found "flaot"; .*float.* is used',
        ),
      );
      expect(readFileSync(join(dir, 'out.drift.md'), 'utf8')).toMatch(/What could not be read[\s\S]*flaot/);
      const strictOut = join(dir, 'strict.json');
      const r = await run('spec', 'derive', join(dir, 'docs'), '--out', strictOut, '--strict');
      expect(r.code).toBe(EXIT.input);
      expect(r.err).toMatch(/client\/put_widget\.rst:\d+: expected a type .* found "flaot"/);
      expect(existsSync(strictOut)).toBe(false);
    },
  );

  it('a bad overlay: exit 3, the field named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'abc-'));
    const overlay = join(dir, 'overlay.json');
    writeFileSync(
      overlay,
      JSON.stringify({
        service: 'Widgets',
        facts: [
          {
            target: 'ListWidgets.input.Limit',
            constraints: { min: 'one' },
            source: 'https://docs.aws.amazon.com/x',
          },
        ],
      }),
    );
    const r = await run(
      'spec',
      'derive',
      join(fixtures, 'widgets'),
      '--out',
      join(dir, 'o.json'),
      '--overlay',
      overlay,
    );
    expect(r.code).toBe(EXIT.input);
    expect(r.err).toContain('overlay.json: facts[0].constraints.min: expected a number');
  });

  it('usage errors: exit 2 with the usage text', async () => {
    expect((await run('spec', 'derive', fixtures)).err).toMatch(/needs --out/);
    expect((await run('frobnicate')).code).toBe(EXIT.usage);
    expect((await run('spec', 'build', '--bogus')).code).toBe(EXIT.usage);
  });

  it('build --check reports the committed spec as current', async () => {
    const r = await run('spec', 'build', '--check');
    expect(r.out).toBe('spec/ is up to date\n');
    expect(r.code).toBe(EXIT.ok);
  });
});
