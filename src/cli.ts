// The command line: parses flags and calls the library. No logic the library lacks.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { DocParseError } from './docs/types.ts';
import { driftSummary } from './emit/drift-md.ts';
import { ModelError } from './model/build.ts';
import { OverlayError } from './model/overlay.ts';
// the spec pipeline (openapi-typescript, the SDK) loads on demand: `--help` and usage errors stay fast

/** Exit codes: 0 success, 1 findings (e.g. a stale spec), 2 usage error, 3 bad input (a page or overlay). */
export const EXIT = { ok: 0, findings: 1, usage: 2, input: 3 } as const;

const USAGE = `Usage: aws-backup-conformance <command>

Commands:
  spec build [--check]                     derive spec/ from spec/docs (+ the SDK, + spec/overlay); --check only
                                           reports which committed artifacts are stale (exit 1)
  spec derive <docs-dir> --out <file.json> [--no-sdk]
                                           the JSON Schema for any service's boto3 reference pages
  mock [--port 4566] [--host 127.0.0.1] [--seed N]
                                           the reference mock of AWS Backup restore jobs as a local server;
                                           stops on SIGINT/SIGTERM
`;

class UsageError extends Error {}

export async function main(argv: string[], out = process.stdout, err = process.stderr): Promise<number> {
  try {
    const [command, sub, ...rest] = argv;
    if (!command || command === '--help' || command === '-h') {
      out.write(USAGE);
      return command ? EXIT.ok : EXIT.usage;
    }
    if (command === 'spec' && sub === 'build') return await specBuild(rest, out);
    if (command === 'spec' && sub === 'derive') return await specDerive(rest, out);
    if (command === 'mock') return await mock(argv.slice(1), out);
    throw new UsageError(`unknown command '${[command, sub].filter(Boolean).join(' ')}'`);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err.write(`error: ${(e as Error).message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    if (e instanceof DocParseError || e instanceof OverlayError || e instanceof ModelError) {
      err.write(`error: ${e.message}\nNothing was written.\n`);
      return EXIT.input;
    }
    throw e;
  }
}

async function specBuild(args: string[], out: NodeJS.WritableStream): Promise<number> {
  const { values } = parseArgs({ args, options: { check: { type: 'boolean' }, root: { type: 'string' } }, strict: true });
  const root = resolve(values.root ?? '.');
  const { buildProjectSpec, staleArtifacts } = await import('./spec/project.ts');
  if (values.check) {
    const stale = await staleArtifacts(root);
    out.write(stale.length ? `stale: ${stale.join(', ')} (run npm run spec)\n` : 'spec/ is up to date\n');
    return stale.length ? EXIT.findings : EXIT.ok;
  }
  const started = performance.now();
  const spec = await buildProjectSpec(root);
  const ops = Object.values(spec.model.operations);
  out.write(
    `${spec.model.service}: ${ops.length} operations (${ops.filter((o) => o.paginated).length} paginated), ` +
      `${Object.keys(spec.model.errors).length} error shapes, in ${Math.round(performance.now() - started)} ms\n` +
      `wrote ${Object.keys(spec.files).join(', ')}\n` +
      `drift: ${driftSummary(spec.drift)} (details in spec/drift.md)\n`,
  );
  return EXIT.ok;
}

async function mock(args: string[], out: NodeJS.WritableStream): Promise<number> {
  const { values } = parseArgs({ args, options: { port: { type: 'string' }, host: { type: 'string' }, seed: { type: 'string' } }, strict: true });
  const port = Number(values.port ?? 4566);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number 0..65535, got '${values.port}'`);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number, got '${values.seed}'`);
  const { createMock } = await import('./mock/index.ts');
  const { serve } = await import('./mock/server.ts');
  const running = await serve(await createMock({ ...(seed !== undefined ? { seed } : {}) }), port, values.host ?? '127.0.0.1').catch((e: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot listen on ${values.host ?? '127.0.0.1'}:${port}: ${e.code ?? e.message}`);
  });
  out.write(`AWS Backup mock listening\nendpoint: ${running.endpoint}\n`);
  await new Promise<void>((done) => {
    const stop = () => { process.off('SIGINT', stop); process.off('SIGTERM', stop); running.close().then(done, done); };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  out.write('mock stopped\n');
  return EXIT.ok;
}

async function specDerive(args: string[], out: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { out: { type: 'string' }, 'no-sdk': { type: 'boolean' }, overlay: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError('spec derive takes exactly one <docs-dir>');
  if (!values.out) throw new UsageError('spec derive needs --out <file.json>');
  const { deriveJsonSchema } = await import('./spec/derive.ts');
  const { model, drift } = await deriveJsonSchema(resolve(positionals[0]!), values.out, { sdk: !values['no-sdk'], overlay: values.overlay });
  out.write(
    `${model.service}: ${Object.keys(model.operations).length} operations${model.sdkPackage ? ` (+ ${model.sdkPackage})` : ' (docs only)'} → ${values.out}\n` +
      `drift: ${driftSummary(drift)}\n`,
  );
  return EXIT.ok;
}
