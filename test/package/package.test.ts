// The package as users get it: packed, installed from the tarball into an empty project (no dev
// dependencies, no msw), then used the four ways a user would — the CLI through npx, plain .mjs imports of
// the root and every subpath, a TypeScript consumer type-checked by its own tsc, and the README's wrapper
// example as the consumer's own vitest test. Any missing dependency, export or file fails here.
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import {
  addMsw,
  freePort,
  must,
  onPath,
  packAndInstall,
  repo,
  sh,
  shAsync,
  type Installed,
} from './support.ts';

let it: Installed;
const installed = () => join(it.dir, 'node_modules', 'aws-backup-conformance');
const npx = (...args: string[]) => sh(it.dir, 'npx', ['--no-install', ...args]);

beforeAll(() => {
  it = packAndInstall();
}, 300_000);
afterAll(async () => {
  if (it && !process.env.KEEP_CONSUMER) await rm(it.dir, { recursive: true, force: true });
}, 120_000);

describe('the packed package', () => {
  test('ships the compiled code, the spec it loads and the README; no sources, tests or build state', () => {
    const files = it.pack.files.map((f) => f.path);
    expect(files).toContain('dist/src/index.js');
    expect(files).toContain('dist/src/index.d.ts');
    expect(files).toContain('spec/overlay/backup.json');
    expect(files).toContain('README.md');
    expect(files.filter((f) => f.startsWith('spec/docs/')).length).toBeGreaterThan(10);
    const unwanted = files.filter(
      (f) => /^(src|test|generators|scripts|\.ci)\//.test(f) || /tsbuildinfo|build-stamp|\.test\./.test(f),
    );
    expect(unwanted).toEqual([]);
  });

  test('its runtime dependencies are exactly the packages its shipped code imports', () => {
    const pkg = JSON.parse(readFileSync(join(installed(), 'package.json'), 'utf8'));
    const imported = new Set<string>();
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(d, e.name));
        else if (e.name.endsWith('.js')) {
          const src = readFileSync(join(d, e.name), 'utf8');
          const specifiers = [
            // static (maybe over several lines), for side effects, dynamic
            ...src.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s*["']([^"']+)["']/gm),
            ...src.matchAll(/^\s*import\s*["']([^"']+)["']/gm),
            ...src.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
          ].map((m) => m[1]!);
          for (const spec of specifiers) {
            if (spec.startsWith('.')) continue;
            if (spec.startsWith('node:') || builtinModules.includes(spec)) continue;
            imported.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
          }
        }
      }
    };
    walk(join(installed(), 'dist'));
    walk(join(installed(), 'bin'));
    const declared = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies ?? {})].sort();
    expect([...imported].sort()).toEqual(declared);
    expect(pkg.peerDependenciesMeta?.msw?.optional).toBe(true);
    // development tools are not reachable from shipped code
    for (const dev of ['tsx', 'openapi-typescript', 'vitest', 'typescript'])
      expect(imported.has(dev)).toBe(false);
  });

  test('npx aws-backup-conformance run passes against the built-in target, with no loader', () => {
    const r = npx(
      'aws-backup-conformance',
      'run',
      '--runs',
      '5',
      '--seed',
      '1',
      '--out',
      'reports',
      '--reporter',
      'junit,json,github',
    );
    expect(r.code, `${r.out}\n${r.err}`).toBe(0);
    expect(r.out).toMatch(/\d+ passed, 0 failed/);
    for (const f of ['junit.xml', 'results.json', 'github-summary.md'])
      expect(existsSync(join(it.dir, 'reports', f))).toBe(true);
    expect(existsSync(join(installed(), 'node_modules', 'tsx'))).toBe(false);
    expect(existsSync(join(it.dir, 'node_modules', 'tsx'))).toBe(false);
  }, 180_000);

  test('spec build says it is a development command instead of failing on openapi-typescript', () => {
    const r = npx('aws-backup-conformance', 'spec', 'build', '--check');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/development dependencies \(openapi-typescript\)/);
  });

  test('plain .mjs imports the root and every subpath; /msw names the missing optional peer', () => {
    // from another working directory: the package finds its spec/ beside itself, not in the cwd
    must(sh('/', process.execPath, [join(it.dir, 'imports.mjs'), 'without-msw']), 'imports.mjs without msw');
  });

  test('a TypeScript consumer type-checks against the declarations, no `any` leaking', () => {
    cpSync(join(repo, 'test/examples/readme-example.test.ts'), join(it.dir, 'test/readme-example.test.ts'));
    cpSync(join(repo, 'test/examples/restore-jobs.ts'), join(it.dir, 'test/restore-jobs.ts'));
    addMsw(it.dir); // consumer.ts imports /msw's types
    const r = npx('tsc', '-p', '.');
    expect(r.code, r.out + r.err).toBe(0);
  });

  test("the README's wrapper example passes as the consumer's own vitest test", () => {
    if (!existsSync(join(it.dir, 'test/readme-example.test.ts'))) {
      cpSync(join(repo, 'test/examples/readme-example.test.ts'), join(it.dir, 'test/readme-example.test.ts'));
      cpSync(join(repo, 'test/examples/restore-jobs.ts'), join(it.dir, 'test/restore-jobs.ts'));
    }
    const r = npx('vitest', 'run', '--root', '.', 'test/readme-example.test.ts');
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toMatch(/1 passed/);
  });

  test('examples/shell-ci/conformance.sh passes against the built-in mock, through the installed CLI', () => {
    const r = sh(it.dir, 'bash', [join(repo, 'examples/shell-ci/conformance.sh')], {
      RUNS: '5',
      SEED: '1',
      OUT: 'ci',
    });
    expect(r.code, r.out + r.err).toBe(0);
    for (const f of ['junit.xml', 'results.json', 'summary.md', 'report.html']) {
      expect(existsSync(join(it.dir, 'ci/builtin', f))).toBe(true);
    }
    expect(r.out).toMatch(/--- builtin: exit 0/);
  }, 180_000);

  test.skipIf(!onPath('moto_server'))(
    'the shell script against a local moto_server: findings, exit 1, both reports written',
    async () => {
      const port = await freePort();
      const moto = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
      try {
        const env = {
          RUNS: '3',
          SEED: '1',
          OUT: 'ci-moto',
          ENDPOINT: `http://127.0.0.1:${port}`,
          WAIT: '60',
        };
        const r = await shAsync(it.dir, 'bash', [join(repo, 'examples/shell-ci/conformance.sh')], env);
        expect(r.code, r.out + r.err).toBe(1);
        expect(r.out).toMatch(/--- builtin: exit 0/);
        expect(r.out).toMatch(/--- endpoint: exit 1/);
        const junit = readFileSync(join(it.dir, 'ci-moto/endpoint/junit.xml'), 'utf8');
        expect(junit).toMatch(/<failure/);
      } finally {
        moto.kill();
      }
    },
    // a run over every operation against moto, on a machine shared with the rest of the suite
    300_000,
  );

  test("the README's runner snippet runs as plain JavaScript in the consumer: exit 0, junit.xml", () => {
    const readme = readFileSync(join(repo, 'README.md'), 'utf8');
    const from = readme.indexOf('**Your own integration**');
    const code = /```ts\n([\s\S]*?)```/.exec(readme.slice(from))?.[1];
    expect(code).toBeDefined();
    writeFileSync(join(it.dir, 'runner-example.mjs'), code!);
    must(sh(it.dir, process.execPath, ['runner-example.mjs']), "the README's runner snippet");
    expect(readFileSync(join(it.dir, 'junit.xml'), 'utf8')).toMatch(/<testsuites/);
  });

  test('with msw installed, /msw serves the mock to setupServer and to getResponse', () => {
    if (!existsSync(join(it.dir, 'node_modules', 'msw'))) addMsw(it.dir);
    must(sh('/', process.execPath, [join(it.dir, 'imports.mjs'), 'with-msw']), 'imports.mjs with msw');
  });
});
