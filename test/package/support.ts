// Packs this repository as npm would publish it and installs the tarball into a fresh temporary project,
// from the npm cache where it can (on CI, `npm ci` of this repository has just filled it).
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const repo = new URL('../..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const pinned = (name: string) => `${name}@${pkg.dependencies[name] ?? pkg.devDependencies[name]}`;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export interface Sh {
  code: number;
  out: string;
  err: string;
}

/** Runs a command; the result carries its exit code and output (a failing assertion then shows them). */
export function sh(cwd: string, cmd: string, args: string[], env: Record<string, string> = {}): Sh {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GITHUB_STEP_SUMMARY: '', // when this suite itself runs on GitHub, its runs stay out of the job summary
      ...env,
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 240_000,
  });
  return {
    code: r.status ?? -1,
    out: r.stdout ?? '',
    err: `${r.stderr ?? ''}${r.error ? String(r.error) : ''}`,
  };
}

/** sh, without blocking the event loop (for a run that talks to a server this process started). */
export function shAsync(
  cwd: string,
  cmd: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<Sh> {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, GITHUB_STEP_SUMMARY: '', ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('close', (code) => done({ code: code ?? -1, out, err }));
  });
}

export function onPath(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

/** A port free on 127.0.0.1 now (for a server that cannot be told to take port 0, such as moto_server). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
    s.on('error', fail);
  });
}

export function must(r: Sh, what: string): Sh {
  if (r.code !== 0)
    throw new Error(`${what} failed (exit ${r.code}):\n${r.out.slice(-4000)}\n${r.err.slice(-4000)}`);
  return r;
}

export interface Installed {
  dir: string;
  tarball: string;
  /** what `npm pack` reported: file list, packed size, unpacked size */
  pack: { files: { path: string }[]; size: number; unpackedSize: number; entryCount: number };
}

/** npm pack (its `prepare` builds dist/), then a consumer project with the tarball and the tools a
 * TypeScript user's project has: the SDK, typescript, vitest, @fast-check/vitest, @types/node. */
export function packAndInstall(): Installed {
  const dir = mkdtempSync(join(tmpdir(), 'abc-consumer-'));
  const t0 = Date.now();
  const packed = must(sh(repo, npm, ['pack', '--json', '--pack-destination', dir]), 'npm pack');
  const pack = (JSON.parse(packed.out.slice(packed.out.indexOf('['))) as Installed['pack'][])[0]!;
  const tarball = join(dir, (pack as unknown as { filename: string }).filename);
  cpSync(new URL('./consumer', import.meta.url), dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2)}\n`,
  );
  const tools = ['@aws-sdk/client-backup', 'typescript', 'vitest', '@fast-check/vitest', '@types/node'].map(
    pinned,
  );
  const t1 = Date.now();
  must(sh(dir, npm, ['install', '--prefer-offline', tarball, ...tools]), 'npm install');
  console.log(
    `npm pack ${((t1 - t0) / 1000).toFixed(1)} s, npm install ${((Date.now() - t1) / 1000).toFixed(1)} s`,
  );
  return { dir, tarball, pack };
}

/** Installs msw (the optional peer) into the consumer. */
export function addMsw(dir: string): void {
  must(sh(dir, npm, ['install', '--prefer-offline', pinned('msw')]), 'npm install msw');
}
