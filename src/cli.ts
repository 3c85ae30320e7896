// The command line: parses flags and calls the library. No logic the library lacks.
import { parseArgs } from 'node:util';
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DocParseError } from './docs/types.ts';
import { driftSummary } from './emit/drift-md.ts';
import { ModelError } from './model/build.ts';
import { OverlayError } from './model/overlay.ts';
// the spec pipeline (openapi-typescript, the SDK) loads on demand: `--help` and usage errors stay fast

/** Exit codes: 0 success, 1 findings (e.g. a stale spec), 2 usage error, 3 bad input (a page or overlay),
 * 130 a run interrupted by SIGINT (its reports hold what was judged before). */
export const EXIT = { ok: 0, findings: 1, usage: 2, input: 3, interrupted: 130 } as const;

const USAGE =
  `Usage: aws-backup-conformance <command>

Commands:
  run [--target builtin|endpoint:<url>|aws] [--operations all|<names,globs>] [--checks a,b] [--runs N]
      [--seed N] [--out reports] [--reporter junit,json,md,html,github] [--timeout 5000]
      [--recovery-point <arn>]...
      [--allow-mutations --account <id>] [--region <r>] [--no-progress]
                                           the conformance run; exit 0 all checks pass, 1 findings
  spec build [--check]                     derive spec/ from spec/docs (+ the SDK, + spec/overlay); ` +
  `--check only
                                           reports which committed artifacts are stale (exit 1)
  spec derive <docs-dir> --out <file.json> [--drift <file.md>] [--no-sdk] [--strict]
                                           the JSON Schema for any service's boto3 reference pages; what
                                           could not be read is a loss listed in the drift file (default
                                           <out>.drift.md); --strict: a loss is an error (exit 3)
  mock [--port 4566] [--host 127.0.0.1] [--seed N] [--recovery-point <arn>]... [--resource-type <type>]
       [--catalogue <file.json>] [--jobs N] [--faults throttle=0.05,unavailable=0.01,drop=0.001]
       [--latency 20..200] [--request-timeout 30000] [--max-jobs 100000]
                                           the reference mock of AWS Backup restore jobs as a local server;
                                           stops on SIGINT/SIGTERM

Every command takes --help.
`;

/** `<command> --help`: the command's own lines of the usage. */
const HELP: Record<string, string> = {
  run: `Usage: aws-backup-conformance run [options]

  --target builtin|endpoint:<url>|aws   what to judge (default builtin, the reference mock in-process)
  --checks a,b                          check ids (default: all)
  --operations all|<name,glob,…>        operations to cover, e.g. 'List*,DescribeBackupVault' (default: all)
  --runs N / --seed N                   random cases per operation / replay a run; default: 25, and 100
                                        for the restore-job operations (a job family), to keep a run
                                        over every operation near 10 s; --runs N gives every one N
  --out dir / --reporter junit,json,md,html   where and which reports (reports/, all)
  --timeout ms                          per request (5000): a target that hangs is a finding
  --recovery-point <arn>                a recovery point the target has (repeatable); endpoint: defaults
                                        to the standalone mock's own
  --allow-mutations --account <id>      aws only: start jobs, in that account only (checked with STS)
  --region <r>                          aws only
  --no-progress                         no progress on stderr (one redrawn line on a terminal, else
                                        a plain line per operation and phase)
Ctrl-C writes the reports of what was judged so far (exit 130).
Before judging, the target must answer and, for aws, credentials and region must resolve: otherwise
the run stops with what to set (exit 2) and writes no verdicts. Exit 0: no finding; 1: findings.
`,
  mock: `Usage: aws-backup-conformance mock [options]

  --port N (4566) / --host h (127.0.0.1)   where to listen (--port 0: any free port)
  --seed N                                 the mock's random choices (job ids, outcomes)
  --recovery-point <arn>                   a recovery point to restore from (repeatable); replaces the
                                           default catalogue
  --resource-type <type>                   the resource type of those recovery points (default: derived
                                           from the ARN where it shows one, else EBS)
  --catalogue <file.json>                  recovery points from a file:
                                           {"recoveryPoints":[{"arn":"…","resourceType":"EFS", …}]}
  --jobs N                                 seed N past jobs over every status and the past 30 days
  --faults throttle=p,unavailable=p,drop=p fault probabilities per request (ThrottlingException 400,
                                           ServiceUnavailableException 500, a reset connection)
  --latency ms | min..max                  added to every answer
  --request-timeout ms (30000)             a request must have arrived whole by then (else 408)
  --max-jobs N (100000)                    jobs kept; the oldest terminal jobs are forgotten first
Serves every operation of the model: families with a create and a read or list keep state (created
items read, list, update and delete back); the rest answer schema-valid outputs from the request alone.
Prints the endpoint, those stateful families and stateless operations, the recovery points and example
AWS CLI lines; stops on SIGINT/SIGTERM.
`,
  spec: `Usage: aws-backup-conformance spec build [--check]
       aws-backup-conformance spec derive <docs-dir> --out <file.json> [--drift <file.md>] [--no-sdk]
                                          [--overlay <file>] [--strict]
  spec derive reads every page it can: what it cannot read is a loss (file, line, expected, found,
  what was done instead) in the drift file and on the terminal; --strict makes a loss exit 3.
`,
};

class UsageError extends Error {}

export async function main(argv: string[], out = process.stdout, err = process.stderr): Promise<number> {
  try {
    const [command, sub, ...rest] = argv;
    if (!command || command === '--help' || command === '-h') {
      out.write(USAGE);
      return command ? EXIT.ok : EXIT.usage;
    }
    if (argv.includes('--help') || argv.includes('-h')) {
      out.write(HELP[command] ?? USAGE);
      return HELP[command] ? EXIT.ok : EXIT.usage;
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
    if (
      (e as { code?: string }).code === 'E_TARGET_CONFIG' ||
      (e as { code?: string }).code === 'E_CATALOGUE'
    ) {
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
  const { values } = parseArgs({
    args,
    options: { check: { type: 'boolean' }, root: { type: 'string' } },
    strict: true,
  });
  const root = resolve(values.root ?? '.');
  // spec build is this repository's own command (it needs openapi-typescript, a development dependency):
  // the published package leaves src/spec/project out (package.json `files`)
  const project = await import('./spec/project.ts').catch((e: { code?: string }) => {
    if (e.code !== 'ERR_MODULE_NOT_FOUND') throw e;
    throw new UsageError(
      "spec build regenerates this repository's spec/ and needs its development dependencies " +
        '(openapi-typescript): run it in a clone after npm ci',
    );
  });
  const { buildProjectSpec, staleArtifacts } = project;
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
      `${Object.keys(spec.model.errors).length} error shapes, ` +
      `in ${Math.round(performance.now() - started)} ms\n` +
      `wrote ${Object.keys(spec.files).join(', ')}\n` +
      `drift: ${driftSummary(spec.drift)} (details in spec/drift.md)\n`,
  );
  return EXIT.ok;
}

async function run(args: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      target: { type: 'string', default: 'builtin' },
      checks: { type: 'string' },
      operations: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string', default: 'reports' },
      reporter: { type: 'string', default: 'junit,json,md,html' },
      timeout: { type: 'string', default: '5000' },
      'recovery-point': { type: 'string', multiple: true },
      'allow-mutations': { type: 'boolean' },
      account: { type: 'string' },
      region: { type: 'string' },
      'no-progress': { type: 'boolean' },
    },
    strict: true,
  });
  const whole = (flag: string, v: string, min: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min)
      throw new UsageError(`--${flag} must be a whole number ≥ ${min}, got '${v}'`);
    return n;
  };
  const runs = values.runs === undefined ? undefined : whole('runs', values.runs, 1);
  const timeoutMs = whole('timeout', values.timeout!, 1);
  const seed = values.seed === undefined ? undefined : whole('seed', values.seed, 0);
  const { ALL_CHECKS, resolveCheck } = await import('./checks/index.ts');
  const checks = values.checks
    ?.split(',')
    .map((c) => c.trim())
    .filter(Boolean)
    .map((c) => resolveCheck(c) ?? c);
  for (const c of checks ?? [])
    if (!ALL_CHECKS.includes(c as never))
      throw new UsageError(`--checks: unknown check '${c}'; known: ${ALL_CHECKS.join(', ')}`);
  const { REPORTERS } = await import('./report/reporters.ts');
  const reporters = values
    .reporter!.split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  for (const r of reporters)
    if (!REPORTERS[r])
      throw new UsageError(
        `--reporter: unknown reporter '${r}'; known: ${Object.keys(REPORTERS).join(', ')}`,
      );
  if (values.account && !values['allow-mutations'])
    throw new UsageError('--account only has a meaning with --allow-mutations');
  const { loadBackupModel } = await import('./model/load.ts');
  const { selectTarget } = await import('./targets/select.ts');
  const { runConformance } = await import('./runner/run.ts');
  const { writeReports } = await import('./report/write.ts');
  const { tally } = await import('./report/reporters.ts');
  const model = await loadBackupModel();
  // --operations all|<name,glob,…>: an entry matching no operation is a usage error naming it
  const { selectOperations, OperationsError } = await import('./runner/plan.ts');
  let operations: string[];
  try {
    operations = selectOperations(model, values.operations);
  } catch (e) {
    throw e instanceof OperationsError ? new UsageError(e.message) : e;
  }
  const selected = await selectTarget(values.target!, {
    model,
    timeoutMs,
    recoveryPoints: values['recovery-point'],
    allowMutations: values['allow-mutations'],
    account: values.account,
    region: values.region,
  });
  // progress on stderr (stdout keeps the results): one line redrawn on a terminal, plain lines elsewhere
  const { progressPrinter } = await import('./progress.ts');
  const progress = values['no-progress']
    ? undefined
    : progressPrinter(err, { tty: !!(err as NodeJS.WriteStream).isTTY && !process.env.CI });
  // SIGINT: stop, and write the reports of what was judged so far (a second SIGINT kills at once)
  const interrupt = new AbortController();
  const onSigint = () => interrupt.abort();
  process.once('SIGINT', onSigint);
  try {
    const result = await runConformance({
      signal: interrupt.signal,
      model,
      target: selected.target,
      checks: checks as never,
      operations,
      ...(runs !== undefined ? { runs } : {}),
      ...(seed !== undefined ? { seed } : {}),
      recoveryPoints: selected.recoveryPoints,
      ...(selected.advance ? { advance: selected.advance } : {}),
      onEvent: (e) => progress?.onEvent(e),
    });
    progress?.done();
    const files = writeReports(result, resolve(values.out!), reporters);
    for (const r of reporters) out.write(REPORTERS[r]!.console?.(result) ?? '');
    // the github reporter's summary goes where GitHub reads a job summary from, when there is one
    const stepSummary = process.env.GITHUB_STEP_SUMMARY;
    if (reporters.includes('github') && stepSummary) {
      appendFileSync(stepSummary, REPORTERS.github!.render(result));
    }
    const t = tally(result);
    for (const c of result.cells.filter((x) => x.status === 'failed')) {
      const d = c.details[0];
      err.write(
        `FAIL ${c.check} × ${c.operation}: ${d?.received ?? ''} ` +
          `(${d?.provenance ?? 'documented'}: ${d?.documented ?? ''})\n`,
      );
    }
    out.write(
      `target ${result.target}${result.account ? ` (account ${result.account})` : ''}, ` +
        `seed ${result.seed}: ${result.requests} requests in ${(result.durationMs / 1000).toFixed(1)} s\n`,
    );
    const { coverage, coverageLine, operationVerdicts } = await import('./report/verdicts.ts');
    out.write(`${coverageLine(coverage(operationVerdicts(result)))}\n`);
    for (const c of result.cells.filter((x) => x.status === 'inconclusive'))
      out.write(`INCONCLUSIVE ${c.check} × ${c.operation}: ${c.inconclusiveReason}\n`);
    out.write(
      `${t.passed} passed, ${t.failed} failed, ${t.inconclusive} inconclusive, ` +
        `${t.skipped} skipped (check × operation)` +
        (t.notImplemented ? `; ${t.notImplemented} operation(s) not implemented by the target` : '') +
        `\nreports: ${files.join(', ')}\n`,
    );
    if (interrupt.signal.aborted)
      err.write(`interrupted: the reports hold what was judged before SIGINT (exit ${EXIT.interrupted})\n`);
    // an operation the target does not implement is a finding too (its cells fold into that verdict)
    const findings = t.failed || t.notImplemented;
    return interrupt.signal.aborted ? EXIT.interrupted : findings ? EXIT.findings : EXIT.ok;
  } finally {
    progress?.done();
    process.off('SIGINT', onSigint);
    await selected.target.close();
  }
}

async function mock(args: string[], out: NodeJS.WritableStream): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      faults: { type: 'string' },
      latency: { type: 'string' },
      'request-timeout': { type: 'string' },
      'max-jobs': { type: 'string' },
      'recovery-point': { type: 'string', multiple: true },
      'resource-type': { type: 'string' },
      catalogue: { type: 'string' },
      jobs: { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port ?? 4566);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a port number 0..65535, got '${values.port}'`);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed))
    throw new UsageError(`--seed must be a whole number, got '${values.seed}'`);
  const positive = (flag: string, v: string | undefined) => {
    if (v !== undefined && !(Number.isInteger(Number(v)) && Number(v) >= 1))
      throw new UsageError(`--${flag} must be a whole number ≥ 1, got '${v}'`);
    return v === undefined ? undefined : Number(v);
  };
  const requestTimeoutMs = positive('request-timeout', values['request-timeout']);
  const maxJobs = positive('max-jobs', values['max-jobs']);
  const jobs = Number(values.jobs ?? 0);
  if (!Number.isInteger(jobs) || jobs < 0)
    throw new UsageError(`--jobs must be a whole number ≥ 0, got '${values.jobs}'`);
  const { createMock } = await import('./mock/index.ts');
  const { serve } = await import('./mock/server.ts');
  const { faultPlanFromFlags } = await import('./mock/faults.ts');
  let faults: ReturnType<typeof faultPlanFromFlags>;
  try {
    faults = faultPlanFromFlags(values.faults, values.latency, seed);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { isArn, readCatalogue, recoveryPointFrom } = await import('./mock/catalogue-file.ts');
  for (const arn of values['recovery-point'] ?? [])
    if (!isArn(arn))
      throw new UsageError(
        '--recovery-point must be an ARN (arn:<partition>:<service>:<region>:<account>:<resource>), ' +
          `got '${arn}'`,
      );
  if (values['resource-type'] !== undefined && !/^[a-zA-Z0-9\-_. ]{1,50}$/.test(values['resource-type']))
    throw new UsageError(
      `--resource-type must be a resource type such as EBS or EFS, got '${values['resource-type']}'`,
    );
  if (values['resource-type'] && !values['recovery-point'])
    throw new UsageError('--resource-type is the type of the --recovery-point ARNs: give at least one');
  const type = values['resource-type'] ? { resourceType: values['resource-type'] } : {};
  const own = [
    ...(values.catalogue ? readCatalogue(values.catalogue) : []),
    ...(values['recovery-point'] ?? []).map((arn) => recoveryPointFrom(arn, type)),
  ];
  const mocked = await createMock({
    ...(seed !== undefined ? { seed } : {}),
    ...(own.length ? { recoveryPoints: own } : {}),
    faults,
    ...(maxJobs ? { limits: { maxJobs } } : {}),
  });
  const { seedHistory } = await import('./mock/history.ts');
  seedHistory(mocked.store, mocked.model, jobs, seed !== undefined ? { seed } : {});
  const running = await serve(
    mocked,
    port,
    values.host ?? '127.0.0.1',
    requestTimeoutMs ? { requestTimeoutMs } : {},
  ).catch((e: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot listen on ${values.host ?? '127.0.0.1'}:${port}: ${e.code ?? e.message}`);
  });
  const { banner } = await import('./mock/banner.ts');
  const l = { ...mocked.limits, ...running.limits };
  out.write(
    banner(running.endpoint, mocked.store.recoveryPoints(), jobs, mocked.coverage) +
      `limits: request timeout ${l.requestTimeoutMs} ms, keep-alive ${l.keepAliveTimeoutMs} ms, ` +
      `headers ${l.maxHeaderBytes} B, ` +
      `body ${l.maxBodyBytes} B, label ${l.maxLabelBytes} B, query ${l.maxQueryBytes} B, ` +
      `jobs ${l.maxJobs}, Metadata ${l.maxMetadataBytes} B\n` +
      (values.faults || values.latency ? `faults: ${JSON.stringify(faults)}\n` : ''),
  );
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      running.close().then(done, done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  // what a soak checks the state against: jobs kept = started − forgotten for the limits
  out.write(
    `mock stopped: ${mocked.store.created} jobs started, ${mocked.store.evicted} forgotten for the limits, ` +
      `${mocked.store.size} kept\n`,
  );
  return EXIT.ok;
}

async function specDerive(args: string[], out: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      out: { type: 'string' },
      drift: { type: 'string' },
      'no-sdk': { type: 'boolean' },
      overlay: { type: 'string' },
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
    sdk: !values['no-sdk'],
    overlay: values.overlay,
    strict: values.strict,
    drift: resolve(driftFile),
  });
  out.write(
    `${model.service}: ${Object.keys(model.operations).length} operations` +
      `${model.sdkPackage ? ` (+ ${model.sdkPackage})` : ' (docs only)'} → ${values.out}\n` +
      `${pagesSummary(pages, drift)}\n` +
      `drift: ${driftSummary(drift)} (details in ${driftFile})\n`,
  );
  return EXIT.ok;
}
