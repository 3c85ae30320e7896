// Runs the CLI in-process, capturing what it writes and its exit code.
import { Writable } from 'node:stream';
import { main } from '../../src/cli.ts';

export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const sink = (f: (s: string) => void) =>
    new Writable({
      write(c, _e, cb) {
        f(String(c));
        cb();
      },
    });
  const code = await main(argv, sink((s) => (out += s)) as never, sink((s) => (err += s)) as never);
  return { code, out, err };
}
