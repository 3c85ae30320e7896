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
  run [--target builtin|endpoint:<url>|aws] [--checks a,b] [--runs 100] [--seed N] [--out reports]
      [--reporter junit,json,md,html] [--timeout 5000] [--recovery-point <arn>]...
      [--allow-mutations --account <id>] [--region <r>]
                                           the conformance run; exit 0 all checks pass, 1 findings
  spec build [--check]                     derive spec/ from spec/docs (+ the SDK, + spec/overlay); --check only
                                           reports which committed artifacts are stale (exit 1)
  spec derive <docs-dir> --out <file.json> [--drift <file.md>] [--no-sdk] [--strict]
                                           the JSON Schema for any service's boto3 reference pages; what
                                           could not be read is a loss listed in the drift file (default
                                           <out>.drift.md); --strict: a loss is an error (exit 3)
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
    if (command === 'run') return await run(argv.slice(1), out, err);
    throw new UsageError(`unknown command '${[command, sub].filter(Boolean).join(' ')}'`);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err.write(`error: ${(e as Error).message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    if ((e as { code?: string }).code === 'E_TARGET_CONFIG') {
      err.write(`error: ${(e as Error).message}\n`);
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

async function run(args: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      target: { type: 'string', default: 'builtin' }, checks: { type: 'string' }, runs: { type: 'string', default: '100' },
      seed: { type: 'string' }, out: { type: 'string', default: 'reports' }, reporter: { type: 'string', default: 'junit,json,md,html' },
      timeout: { type: 'string', default: '5000' }, 'recovery-point': { type: 'string', multiple: true },
      'allow-mutations': { type: 'boolean' }, account: { type: 'string' }, region: { type: 'string' },
    },
    strict: true,
  });
  const whole = (flag: string, v: string, min: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`--${flag} must be a whole number ≥ ${min}, got '${v}'`);
    return n;
  };
  const runs = whole('runs', values.runs!, 1);
  const timeoutMs = whole('timeout', values.timeout!, 1);
  const seed = values.seed === undefined ? undefined : whole('seed', values.seed, 0);
  const { ALL_CHECKS } = await import('./checks/index.ts');
  const checks = values.checks?.split(',').map((c) => c.trim()).filter(Boolean);
  for (const c of checks ?? []) if (!ALL_CHECKS.includes(c as never)) throw new UsageError(`--checks: unknown check '${c}'; known: ${ALL_CHECKS.join(', ')}`);
  const { REPORTERS } = await import('./report/reporters.ts');
  const reporters = values.reporter!.split(',').map((r) => r.trim()).filter(Boolean);
  for (const r of reporters) if (!REPORTERS[r]) throw new UsageError(`--reporter: unknown reporter '${r}'; known: ${Object.keys(REPORTERS).join(', ')}`);
  if (values.account && !values['allow-mutations']) throw new UsageError('--account only has a meaning with --allow-mutations');
  const { loadBackupModel } = await import('./model/load.ts');
  const { selectTarget } = await import('./targets/select.ts');
  const { runConformance } = await import('./runner/run.ts');
  const { writeReports } = await import('./report/write.ts');
  const { tally } = await import('./report/reporters.ts');
  const model = await loadBackupModel();
  const selected = await selectTarget(values.target!, { model, timeoutMs, recoveryPoints: values['recovery-point'], allowMutations: values['allow-mutations'], account: values.account, region: values.region });
  const tty = (out as NodeJS.WriteStream).isTTY && !process.env.CI;
  const t0 = performance.now();
  let lastLine = 0;
  try {
    const result = await runConformance({
      model, target: selected.target, checks: checks as never, runs, ...(seed !== undefined ? { seed } : {}),
      recoveryPoints: selected.recoveryPoints, ...(selected.advance ? { advance: selected.advance } : {}),
      onEvent: (e) => {
        if (e.kind === 'phase') {
          const line = `${e.phase}${e.operation ? ` ${e.operation}` : ''}`;
          if (tty) out.write(`\r\x1b[K${line}`);
          else out.write(`phase: ${line}\n`);
        } else if (e.kind === 'case' && tty && performance.now() - lastLine > 200) {
          lastLine = performance.now();
          out.write(`\r\x1b[K${e.requests} requests, ${Math.round((e.requests * 1000) / (performance.now() - t0))}/s`);
        }
      },
    });
    if (tty) out.write('\r\x1b[K');
    const files = writeReports(result, resolve(values.out!), reporters);
    const t = tally(result);
    for (const c of result.cells.filter((x) => x.status === 'failed')) err.write(`FAIL ${c.check} × ${c.operation}: ${c.details[0]?.received ?? ''} (documented: ${c.details[0]?.documented ?? ''})\n`);
    out.write(`target ${result.target}, seed ${result.seed}: ${result.requests} requests in ${(result.durationMs / 1000).toFixed(1)} s\n`);
    out.write(`${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped (check × operation)\nreports: ${files.join(', ')}\n`);
    return t.failed ? EXIT.findings : EXIT.ok;
  } finally {
    await selected.target.close();
  }
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
    options: {
      out: { type: 'string' }, drift: { type: 'string' }, 'no-sdk': { type: 'boolean' }, overlay: { type: 'string' },
      strict: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError('spec derive takes exactly one <docs-dir>');
  if (!values.out) throw new UsageError('spec derive needs --out <file.json>');
  const { deriveJsonSchema } = await import('./spec/derive.ts');
  const { pagesSummary } = await import('./emit/drift-md.ts');
  const driftFile = values.drift ?? `${values.out.replace(/\.json$/i, '')}.drift.md`;
  const { model, drift, pages } = await deriveJsonSchema(resolve(positionals[0]!), values.out, {
    sdk: !values['no-sdk'], overlay: values.overlay, strict: values.strict, drift: resolve(driftFile),
  });
  out.write(
    `${model.service}: ${Object.keys(model.operations).length} operations${model.sdkPackage ? ` (+ ${model.sdkPackage})` : ' (docs only)'} → ${values.out}\n` +
      `${pagesSummary(pages, drift)}\n` +
      `drift: ${driftSummary(drift)} (details in ${driftFile})\n`,
  );
  return EXIT.ok;
}
