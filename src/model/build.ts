// Page models (+ the SDK's schema, + the overlay) → one service model and its drift list.
import type { OperationPage, Page, PaginatorPage } from '../docs/types.ts';
import { compareRendering, compareValueLists } from './drift.ts';
import { docProvenance, mergeShape, type MergeCtx } from './merge.ts';
import { applyOverlay, type Overlay } from './overlay.ts';
import type { SdkService } from './sdk.ts';
import type { DriftItem, ErrorShape, Operation, Pagination, ServiceModel } from './types.ts';

export interface BuildInput {
  pages: Page[];
  sdk?: SdkService;
  overlay?: Overlay;
  /** strict: a paginator that cannot be attached is an error (ModelError), not a recorded loss */
  strict?: boolean;
}

export interface BuildResult {
  model: ServiceModel;
  drift: DriftItem[];
}

export class ModelError extends Error {
  readonly code = 'E_MODEL';
}

const key = (s: string) => s.replace(/_/g, '').toLowerCase();
const pascal = (snake: string) =>
  snake
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

/** The page a model is built from, when several renderings of one operation are given:
 * RST source first, then the rendering that lost least. */
function rank(p: OperationPage): number {
  return (p.form === 'rst' ? 0 : 1000) + p.losses.length;
}

export function buildModel({ pages, sdk, overlay, strict = false }: BuildInput): BuildResult {
  const ops = pages.filter((p): p is OperationPage => p.kind === 'operation');
  const services = new Set(
    pages.filter((p) => p.kind !== 'skipped').map((p) => (p as OperationPage | PaginatorPage).service),
  );
  if (services.size !== 1)
    throw new ModelError(
      `expected pages of exactly one service, found ${services.size ? [...services].join(', ') : 'none'}`,
    );
  const [service] = services as Set<string>;
  const drift: DriftItem[] = [];
  const byMethod = new Map<string, OperationPage[]>();
  for (const p of ops) byMethod.set(p.method, [...(byMethod.get(p.method) ?? []), p]);

  const model: ServiceModel = {
    service: service!,
    operations: {},
    errors: {},
    ...(sdk ? { sdkPackage: sdk.package } : {}),
  };
  for (const [, renderings] of [...byMethod].sort(([a], [b]) => a.localeCompare(b))) {
    const [primary, ...alternates] = [...renderings].sort(
      (a, b) => rank(a) - rank(b) || a.file.localeCompare(b.file),
    );
    const op = buildOperation(primary!, sdk, drift);
    model.operations[op.name] = op;
    for (const alt of alternates) {
      drift.push(...losses(alt, op.name), ...compareRendering(alt, op, model.service));
      adoptDocumentedValues(alt, op);
    }
  }
  for (const s of sdk?.operations.values() ?? []) {
    if (model.operations[s.name]) continue;
    drift.push({
      kind: 'member-missing',
      operation: s.name,
      subject: s.name,
      detail:
        'an operation in the SDK with no documentation page; bindings and shapes taken from the SDK alone',
      sources: [sdk!.package],
    });
    model.operations[s.name] = {
      name: s.name,
      method: '',
      description: '',
      http: s.http,
      input: s.input,
      output: s.output,
      errors: [],
      provenance: [{ source: 'sdk', package: sdk!.package }],
    };
  }
  for (const p of pages) {
    if (p.kind === 'skipped') drift.push(...skippedLoss(p));
    if (p.kind !== 'paginator') continue;
    drift.push(...losses(p, pascal(p.method)));
    try {
      attachPagination(model, p);
    } catch (e) {
      if (strict || !(e instanceof ModelError)) throw e;
      const detail = `${e.message.replace(/^[^:]*:(\d+:)? /, '')}; the operation is left without pagination`;
      drift.push({
        kind: 'unread',
        operation: pascal(p.method),
        subject: p.file,
        detail,
        sources: [`${p.file}:${p.ref.line}`],
      });
    }
  }
  model.errors = collectErrors(model, sdk);
  const nameOf = new Map(Object.values(model.operations).map((o) => [o.method, o.name]));
  drift.push(...compareValueLists(ops, (p) => nameOf.get(p.method) ?? p.method));
  if (overlay) applyOverlay(model, overlay);
  return { model, drift };
}

function buildOperation(page: OperationPage, sdk: SdkService | undefined, drift: DriftItem[]): Operation {
  const s = sdk?.operations.get(key(page.apiName ?? page.method));
  const name = s?.name ?? page.apiName ?? pascal(page.method);
  const ctx: MergeCtx = { operation: name, page: page.file, sdkPackage: sdk?.package, drift };
  drift.push(...losses(page, name));
  if (sdk && !s)
    drift.push({
      kind: 'binding',
      operation: name,
      subject: name,
      detail: 'documented, but the SDK has no such operation: no HTTP binding',
      sources: [page.file, sdk.package],
    });
  return {
    name,
    method: page.method,
    description: page.description,
    ...(s ? { http: s.http } : {}),
    input: mergeShape(page.input, s?.input, '', ctx),
    output: mergeShape(page.output, s?.output, '', ctx),
    errors: page.errors.map((e) => e.name),
    provenance: [
      docProvenance({ file: page.file, line: 1 }),
      ...(s ? [{ source: 'sdk' as const, package: sdk!.package }] : []),
    ],
  };
}

/** Value lists only another rendering has (e.g. the restore Metadata keys an older page lists) are
 * kept, with that page as their source: generators use them to make realistic values. */
function adoptDocumentedValues(page: OperationPage, op: Operation): void {
  for (const d of page.input.members ?? []) {
    const m = op.input.members?.[d.name];
    if (!m || !d.documentedValues || m.shape.documentedValues) continue;
    m.shape.documentedValues = d.documentedValues;
    m.shape.provenance.push(docProvenance(d.ref));
  }
}

function losses(page: OperationPage | PaginatorPage, operation: string): DriftItem[] {
  return page.losses.map((loss) => ({
    kind: loss.unread ? ('unread' as const) : ('rendering-loss' as const),
    operation,
    subject: page.file,
    detail: loss.what,
    sources: [`${loss.ref.file}:${loss.ref.line}`],
  }));
}

/** A file that is no reference page, or a page nothing could be read of, is a loss; a resource, waiter
 * or helper page is skipped by name and is none. */
function skippedLoss(p: Extract<Page, { kind: 'skipped' }>): DriftItem[] {
  if (p.why === 'helper' || p.why === 'section') return [];
  return [{ kind: 'unread', subject: p.file, detail: p.reason, sources: [p.file] }];
}

/** Smithy's pagination facts, read off a paginator page: the operation's request members the
 * paginator hides are the input token (string) and the limit (integer); the response member it
 * hides is the output token; the list it returns is the result key. */
function attachPagination(model: ServiceModel, page: PaginatorPage): void {
  const op = Object.values(model.operations).find((o) => o.method === page.method);
  if (!op)
    throw new ModelError(`${page.file}: paginator for '${page.method}', which no operation page documents`);
  const hiddenIn = Object.values(op.input.members ?? {}).filter((m) => !page.inputMembers.includes(m.name));
  // a token is usually a string, but may be a key structure (a map of the last key read): never a number
  const notNumber = (m: { shape: { type: string } }) =>
    m.shape.type !== 'integer' && m.shape.type !== 'float' && m.shape.type !== 'list';
  // the input token usually has the output token's name (NextToken → NextToken): preferred where one does
  const outNames = new Set(
    Object.keys(op.output.members ?? {}).filter((n) => !page.outputMembers?.includes(n)),
  );
  const inputToken =
    hiddenIn.find((m) => m.shape.type === 'string' && outNames.has(m.name)) ??
    hiddenIn.find((m) => m.shape.type === 'string') ??
    hiddenIn.find(notNumber);
  // the limit is the other member the paginator hides: a number, or a string where the API says so (route53)
  const limit =
    hiddenIn.find((m) => m.shape.type === 'integer' || m.shape.type === 'float') ??
    (hiddenIn.length === 2 ? hiddenIn.find((m) => m !== inputToken && m.shape.type === 'string') : undefined);
  const outMembers = Object.values(op.output.members ?? {});
  // a page that lost its response: the client page's output, the token the one named like the input token
  const token = inputToken?.name.toLowerCase() ?? '\u0000';
  const hiddenOut = outMembers.filter((m) => !page.outputMembers?.includes(m.name));
  const outputToken = page.outputMembers
    ? (hiddenOut.find((m) => m.shape.type === 'string') ?? hiddenOut.find(notNumber))
    : outMembers.find((m) => m.shape.type === 'string' && m.name.toLowerCase().includes(token));
  const result = (page.outputMembers?.map((n) => op.output.members?.[n]) ?? outMembers).find(
    (m) => m?.shape.type === 'list',
  );
  if (!inputToken || !outputToken || !result) {
    throw new ModelError(
      `${page.file}:${page.ref.line}: expected the paginator to hide an input token and an output token ` +
        `of ${op.name} and return a list`,
    );
  }
  const pagination: Pagination = {
    inputToken: inputToken.name,
    outputToken: outputToken.name,
    ...(limit ? { limitKey: limit.name } : {}),
    resultKey: result.name,
    provenance: [docProvenance(page.ref)],
  };
  op.paginated = pagination;
}

function collectErrors(model: ServiceModel, sdk: SdkService | undefined): Record<string, ErrorShape> {
  const out: Record<string, ErrorShape> = {};
  const used = new Set(Object.values(model.operations).flatMap((o) => o.errors));
  for (const name of [...used, ...Object.keys(sdk?.errors ?? {})].sort()) {
    if (out[name]) continue;
    out[name] = sdk?.errors[name] ?? {
      // documented but unknown to any SDK: the restJson1 defaults for a client error
      name,
      fault: 'client',
      httpStatus: 400,
      shape: { type: 'structure', members: {}, provenance: [] },
      provenance: [],
    };
  }
  return out;
}
