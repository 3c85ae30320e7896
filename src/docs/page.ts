// One parser for every boto3 reference page, in either form: sections are found by their headings,
// the Syntax blocks give structure and enums, the entries give types, [REQUIRED] marks and text.
import { annotate, isEntryLine, readEntries, treeFromEntries } from './entries.ts';
import { apiNameFromLink, detectForm, toLines, type Line } from './lines.ts';
import { closingLineIndex, parseCallBlock, parseValueBlock } from './syntax.ts';
import {
  DocParseError,
  type DocShape,
  type OperationPage,
  type Page,
  type PageForm,
  type PageLoss,
  type PaginatorPage,
} from './types.ts';

type Root = DocShape & { type: 'structure' };

interface Ctx {
  file: string;
  form: PageForm;
  lines: Line[];
  losses: PageLoss[];
}

const TITLE = /^(\S.*?) \/ (Client|Paginator) \/ (\w+)$/;
const SECTION_END = /^(Return type:|Returns:|Response Syntax$|Response Structure$|Exceptions$|Table of Contents$)/;

export function parsePage(file: string, text: string): Page {
  const form = detectForm(text);
  const lines = toLines(text, form);
  const ctx: Ctx = { file, form, lines, losses: [] };
  const titleAt = lines.findIndex((l) => TITLE.test(l.text.trim()));
  if (titleAt < 0) {
    throw new DocParseError({ file, line: 1 }, "a boto3 reference page title 'Service / Client / method' or 'Service / Paginator / Name'", 'none');
  }
  const [, service, kind, name] = TITLE.exec(lines[titleAt]!.text.trim())!;
  if (kind === 'Paginator') return parsePaginator(ctx, service!, name!, titleAt);
  const reqAt = heading(ctx, /^Request Syntax$/, titleAt);
  if (reqAt < 0) {
    const opLike = heading(ctx, /^(Response Syntax|Exceptions)$|AWS API Documentation/, titleAt);
    if (opLike >= 0) throw new DocParseError(ref(ctx, opLike), 'a Request Syntax section on an operation page', 'none');
    return { kind: 'skipped', file, form, name: name!, reason: 'client helper method, not an API operation (no Request Syntax)' };
  }
  return parseOperation(ctx, service!, name!, titleAt, reqAt, apiNameFromLink(text));
}

function ref(ctx: Ctx, at: number) {
  return { file: ctx.file, line: ctx.lines[at]?.no ?? ctx.lines.length };
}

function heading(ctx: Ctx, re: RegExp, from: number, to = ctx.lines.length): number {
  for (let i = from; i < to; i++) if (re.test(ctx.lines[i]!.text.trim())) return i;
  return -1;
}

function parseOperation(ctx: Ctx, service: string, method: string, titleAt: number, reqAt: number, apiName?: string): OperationPage {
  const reqEnd = orEnd(ctx, heading(ctx, SECTION_END, reqAt + 1));
  const input = readRequest(ctx, reqAt + 1, reqEnd, new RegExp(`\\bclient\\.${method}\\(`), 'Request');
  const respAt = heading(ctx, /^Response Syntax$/, reqEnd);
  const structAt = heading(ctx, /^Response Structure$/, reqEnd);
  const respEnd = heading(ctx, /^(Exceptions|Table of Contents)$/, reqEnd);
  const output = respAt < 0 ? undefined : readResponse(ctx, respAt + 1, orEnd(ctx, structAt >= 0 ? structAt : respEnd), structAt, respEnd);
  const errors = [];
  const excRe = new RegExp(`\\b${service.replace(/\W/g, '\\W')}\\.Client\\.exceptions\\.(\\w+)`);
  // scanned from the end of the request, not from an `Exceptions` heading: a rendering may lose the heading
  for (let i = reqEnd; i < ctx.lines.length; i++) {
    const m = excRe.exec(ctx.lines[i]!.text);
    if (m) errors.push({ name: m[1]!, ref: ref(ctx, i) });
  }
  return {
    kind: 'operation',
    file: ctx.file,
    form: ctx.form,
    service,
    method,
    apiName,
    description: description(ctx, method, titleAt, reqAt),
    input: input.root,
    output,
    errors,
    hasRequiredMarks: input.marksKnown,
    losses: ctx.losses,
  };
}

function orEnd(ctx: Ctx, at: number): number {
  return at < 0 ? ctx.lines.length : at;
}

/** The call block and the entries after it; `marksKnown` is false for a rendering that lost every mark. */
function readRequest(ctx: Ctx, from: number, to: number, call: RegExp, where: string): { root: Root; marksKnown: boolean } {
  const start = heading(ctx, call, from, to);
  if (start < 0) throw new DocParseError(ref(ctx, from), `the call line of the ${where} Syntax block (${call.source})`, 'none');
  let cut = start + 1;
  while (cut < to && !isEntryLine(ctx.lines[cut]!.text) && !/^Parameters:?$/.test(ctx.lines[cut]!.text.trim())) cut++;
  const block = ctx.lines.slice(start, cut);
  const close = closingLineIndex(block, ctx.file);
  const entries = readEntries(ctx.lines.slice(close < 0 ? cut : start + close + 1, to), ctx.file);
  const marksKnown = ctx.form === 'rst' || entries.some((e) => e.required);
  const root: Root = { type: 'structure', members: [], ref: ref(ctx, start) };
  if (close < 0) {
    if (ctx.form === 'rst') throw new DocParseError(ref(ctx, cut - 1), `a complete ${where} Syntax block (closing ')')`, 'end of block');
    ctx.losses.push({ what: `the ${where} Syntax block is cut short; structure taken from the parameter entries`, ref: ref(ctx, start) });
    treeFromEntries(entries, root, marksKnown);
    if (!marksKnown && entries.length) ctx.losses.push({ what: 'no [REQUIRED] marks on any parameter', ref: entries[0]!.ref });
    return { root, marksKnown };
  }
  root.members = parseCallBlock(block.slice(0, close + 1), ctx.file).members.map((m) => ({ ...m, description: '', ref: m.shape.ref }));
  annotate(root, entries, marksKnown, where);
  return { root, marksKnown };
}

function readResponse(ctx: Ctx, from: number, to: number, structAt: number, excAt: number): DocShape | undefined {
  let block = ctx.lines.slice(from, to).filter((l) => l.text.trim() !== '');
  if (block.length === 0) return undefined;
  const first = block[0]!.text.trim();
  if (!/^[{[]/.test(first)) {
    if (ctx.form === 'rst' || !first.startsWith("'")) {
      throw new DocParseError({ file: ctx.file, line: block[0]!.no }, "a Response Syntax block opening with '{'", JSON.stringify(first));
    }
    ctx.losses.push({ what: 'the Response Syntax block lost its enclosing braces', ref: { file: ctx.file, line: block[0]!.no } });
    block = [{ ...block[0]!, text: '{' }, ...block, { ...block.at(-1)!, text: '}' }];
  }
  const shape = parseValueBlock(block, ctx.file);
  if (structAt >= 0) {
    const entries = readEntries(ctx.lines.slice(structAt + 1, orEnd(ctx, excAt)), ctx.file);
    annotate(shape, entries, false, 'Response');
  }
  return shape;
}

function description(ctx: Ctx, method: string, titleAt: number, reqAt: number): string {
  const out: string[] = [];
  for (let i = titleAt + 1; i < reqAt; i++) {
    const t = ctx.lines[i]!.text.trim();
    if (/^See also:/.test(t)) break;
    if (t === method || t.includes(`.${method}(`)) continue;
    if (t) out.push(t);
  }
  return out.join(' ');
}

function parsePaginator(ctx: Ctx, service: string, name: string, titleAt: number): PaginatorPage {
  const at = heading(ctx, /get_paginator\(['"]\w+['"]\)/, titleAt);
  if (at < 0) throw new DocParseError(ref(ctx, titleAt), "client.get_paginator('<method>') on a paginator page", 'none');
  const method = /get_paginator\(['"](\w+)['"]\)/.exec(ctx.lines[at]!.text)![1]!;
  const reqAt = heading(ctx, /^Request Syntax$/, at);
  if (reqAt < 0) throw new DocParseError(ref(ctx, at), 'a Request Syntax section on a paginator page', 'none');
  const reqEnd = orEnd(ctx, heading(ctx, SECTION_END, reqAt + 1));
  const input = readRequest(ctx, reqAt + 1, reqEnd, /\bpaginator\.paginate\(/, 'Request');
  const respAt = heading(ctx, /^Response Syntax$/, reqEnd);
  const structAt = heading(ctx, /^Response Structure$/, reqEnd);
  const respEnd = heading(ctx, /^Table of Contents$/, reqEnd);
  const output = respAt < 0 ? undefined : readResponse(ctx, respAt + 1, orEnd(ctx, structAt >= 0 ? structAt : respEnd), structAt, respEnd);
  return {
    kind: 'paginator',
    file: ctx.file,
    form: ctx.form,
    service,
    name,
    method,
    inputMembers: input.root.members!.map((m) => m.name).filter((n) => n !== 'PaginationConfig'),
    outputMembers: (output?.members ?? []).map((m) => m.name),
    ref: ref(ctx, titleAt),
  };
}
