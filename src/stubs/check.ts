// Checks what a team stubs (with aws-sdk-client-mock or by hand) against the derived spec: outputs in
// the SDK's form (documented members only, required ones present, enum values in the documented set,
// Dates where the SDK gives Dates) and errors (the SDK's exception objects, named as the operation
// documents). Every violation names the operation, the call, the member path and what was expected.
import { isClockSkewError, isThrottlingError, isTransientError } from '@smithy/core/retry';
import type { Operation, ServiceModel, Shape } from '../model/types.ts';
import { validatorFor, type Violation } from '../model/validate.ts';
import { isRecord, kindProblems } from '../wire/values.ts';

export interface StubViolation {
  operation: string;
  /** the 0-based index of the stubbed call, when checked from a stub's recorded calls */
  call?: number;
  /** member path in the output ('' for the whole value), or 'error' */
  path: string;
  message: string;
}

/** Violations of a stubbed output (the value a `send` resolves with). `$metadata` is the SDK's own. */
export function outputViolations(model: ServiceModel, operation: string, output: unknown): StubViolation[] {
  const op = operationOf(model, operation);
  const v = (path: string, message: string): StubViolation => ({ operation: op.name, path, message });
  if (!isRecord(output))
    return [
      v(
        '',
        `the stubbed output is ${describe(output)}; ` +
          `the SDK resolves ${op.name} with an object (${op.name}CommandOutput)`,
      ),
    ];
  const { $metadata: _, ...body } = output;
  const out = kindProblems(op.output, body, 'sdk').map((p) => v(p.path, p.message));
  const kinds = new Set(out.map((p) => p.path));
  for (const x of validatorFor(model).output(op, body))
    if (!kinds.has(x.path)) out.push(v(x.path, explain(op.output, body, x)));
  return out;
}

/** Violations of a stubbed rejection (what a `send` rejects with). Accepted: the SDK's exception
 * objects (`$fault`, `$metadata`) named as the operation documents, and what the SDK itself treats as
 * throttling, clock skew or a transient failure (a dropped connection, a timeout). */
export function errorViolations(model: ServiceModel, operation: string, error: unknown): StubViolation[] {
  const op = operationOf(model, operation);
  const documented = op.errors.join(', ') || '(none)';
  const v = (message: string): StubViolation => ({ operation: op.name, path: 'error', message });
  if (!(error instanceof Error) && !isRecord(error))
    return [
      v(
        `rejects with ${describe(error)}; ` +
          `the SDK rejects with an Error — one of the documented exceptions: ${documented}`,
      ),
    ];
  const e = error as Error & { $fault?: unknown; $metadata?: { httpStatusCode?: number }; code?: string };
  const sdkLike = typeof e.$fault === 'string' && isRecord(e.$metadata);
  const asSdk = e as Parameters<typeof isTransientError>[0];
  // no answer from the service at all (a dropped connection, a timeout): a plain Error is what the SDK raises
  if (!sdkLike && safe(() => isTransientError(asSdk))) return [];
  const serviceWide = safe(
    () => isThrottlingError(asSdk) || isClockSkewError(asSdk) || (sdkLike && isTransientError(asSdk)),
  );
  const modelled = op.errors.includes(e.name) ? model.errors[e.name] : undefined;
  if (!modelled && !serviceWide) {
    return [
      v(
        sdkLike
          ? `${e.name} is not an exception ${op.name} documents (documented: ${documented})`
          : `a plain Error (name ${JSON.stringify(e.name)}, ` +
              `message ${JSON.stringify(String(e.message ?? '').slice(0, 60))}) ` +
              `where a modelled exception belongs: reject with one of ${documented}, ` +
              `e.g. new ${op.errors[0] ?? 'ServiceException'}({ message, $metadata: {} }) from the SDK`,
      ),
    ];
  }
  if (!sdkLike)
    return [
      v(
        `an Error named ${e.name} but not the SDK's exception (no $fault / $metadata): ` +
          `code that checks \`instanceof ${e.name}\` or reads $metadata sees something AWS never sends`,
      ),
    ];
  const out: StubViolation[] = [];
  if (modelled) {
    if (e.$fault !== modelled.fault)
      out.push(
        v(`${e.name} has $fault ${JSON.stringify(e.$fault)}; documented: ${JSON.stringify(modelled.fault)}`),
      );
    const status = e.$metadata?.httpStatusCode;
    if (status !== undefined && status !== modelled.httpStatus)
      out.push(v(`${e.name} has $metadata.httpStatusCode ${status}; documented: ${modelled.httpStatus}`));
  }
  return out;
}

/** A recorded stubbed call: aws-sdk-client-mock's `stub.calls()` gives sinon calls of this form. */
export interface StubbedCall {
  args: readonly unknown[];
  returnValue?: unknown;
  exception?: unknown;
}

/** Checks every call a stub answered: each command's operation, then what the stub resolved or
 * rejected with. Works with aws-sdk-client-mock (`mockClient(BackupClient)`) or anything with `calls()`. */
export async function checkStubbedCalls(
  stub: { calls(): readonly StubbedCall[] },
  model: ServiceModel,
): Promise<StubViolation[]> {
  const out: StubViolation[] = [];
  const calls = stub.calls();
  for (const [i, call] of calls.entries()) {
    const command = call.args[0] as { constructor?: { name?: string } } | undefined;
    const name = command?.constructor?.name?.replace(/Command$/, '') ?? '';
    if (!model.operations[name]) {
      out.push({
        operation: name || '(unknown)',
        call: i,
        path: '',
        message:
          `call ${i} sent ${command?.constructor?.name ?? describe(command)}, ` +
          `not a command of ${model.service}`,
      });
      continue;
    }
    const settled =
      call.exception !== undefined ? { ok: false, value: call.exception } : await settle(call.returnValue);
    if (settled === PENDING) {
      out.push({
        operation: name,
        call: i,
        path: '',
        message: `call ${i} had not settled after ${SETTLE_MS} ms: a stub that never answers`,
      });
      continue;
    }
    const found = settled.ok
      ? outputViolations(model, name, settled.value)
      : errorViolations(model, name, settled.value);
    out.push(...found.map((f) => ({ ...f, call: i })));
  }
  return out;
}

export class StubConformanceError extends Error {
  readonly code = 'E_STUB_CONFORMANCE';
  constructor(readonly violations: StubViolation[]) {
    super(
      `${violations.length} stubbed answer${violations.length === 1 ? '' : 's'} AWS would never give:\n` +
        `${violations.map(formatViolation).join('\n')}`,
    );
  }
}

/** Throws a StubConformanceError naming every violation; for an afterEach hook. */
export async function assertStubsConform(
  stub: { calls(): readonly StubbedCall[] },
  model: ServiceModel,
): Promise<void> {
  const found = await checkStubbedCalls(stub, model);
  if (found.length) throw new StubConformanceError(found);
}

export function formatViolation(v: StubViolation): string {
  return (
    `  ${v.operation}${v.call !== undefined ? ` (call ${v.call})` : ''}` +
    `${v.path && v.path !== 'error' ? ` ${v.path}` : ''}: ${v.message}`
  );
}

function operationOf(model: ServiceModel, name: string): Operation {
  const op = model.operations[name.replace(/Command$/, '')];
  if (!op) throw new RangeError(`${JSON.stringify(name)} is not an operation of ${model.service}`);
  return op;
}

const SETTLE_MS = 1000;
const PENDING = { ok: false, value: undefined };

async function settle(p: unknown): Promise<{ ok: boolean; value: unknown }> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof PENDING>((r) => (timer = setTimeout(() => r(PENDING), SETTLE_MS)));
  try {
    return await Promise.race([Promise.resolve(p).then((value) => ({ ok: true, value })), late]);
  } catch (e) {
    return { ok: false, value: e };
  } finally {
    clearTimeout(timer);
  }
}

function safe(f: () => boolean): boolean {
  try {
    return f();
  } catch {
    return false;
  }
}

/** An ajv violation in the words of the spec: the value found, and the documented values or rule. */
function explain(shape: Shape, value: unknown, x: Violation): string {
  if (x.keyword === 'additionalProperties')
    return `${x.path} is not a documented member: the SDK never returns it`;
  if (x.keyword === 'required') return `${x.path} is missing: a required member`;
  const at = walk(shape, value, x.path);
  if (x.keyword === 'enum' && at)
    return (
      `${x.path} is ${JSON.stringify(at.value)}: ` +
      `not a documented value (${(at.shape.enum ?? []).join(', ')})`
    );
  return at
    ? `${x.path} is ${JSON.stringify(at.value)?.slice(0, 60)}: ${x.message.replace(`${x.path} `, '')}`
    : x.message;
}

function walk(shape: Shape, value: unknown, path: string): { shape: Shape; value: unknown } | undefined {
  let s: Shape | undefined = shape;
  let v = value;
  for (const seg of path.match(/[^.[\]]+/g) ?? []) {
    if (!s) return undefined;
    if (s.type === 'list') [s, v] = [s.member, Array.isArray(v) ? v[Number(seg)] : undefined];
    else if (s.type === 'map') [s, v] = [s.value, isRecord(v) ? v[seg] : undefined];
    else [s, v] = [s.members?.[seg]?.shape, isRecord(v) ? v[seg] : undefined];
  }
  return s ? { shape: s, value: v } : undefined;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.slice(0, 60))}`;
  return `a ${typeof v}`;
}
