// The standalone mock in its own process, as the benchmarks drive it: started with the given flags,
// resolved once it prints its endpoint; the output stays readable (the stop line carries the state).
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');

export interface Standalone {
  child: ChildProcess;
  endpoint: string;
  /** everything the mock printed so far */
  output: () => string;
  /** SIGTERM, resolved when the process has exited */
  stop: () => Promise<void>;
}

export function spawnStandalone(flags: string[] = []): Promise<Standalone> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(root, 'bin/aws-backup-conformance.js'), 'mock', '--port', '0', ...flags],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const stop = () => {
      child.kill('SIGTERM');
      return exited;
    };
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      const m = /endpoint: (\S+)/.exec(out);
      if (m) resolve({ child, endpoint: m[1]!, output: () => out, stop });
    });
    child.once('exit', (code) => reject(new Error(`mock exited early (${code})`)));
  });
}
