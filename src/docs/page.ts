// One parser for every boto3 reference page, in either form: sections are found by their headings,
// the Syntax blocks give structure and enums, the entries give types, [REQUIRED] marks and text.
import { annotate, isEntryLine, readEntries, treeFromEntries } from './entries.ts';
import { apiNameFromLink, detectForm, stripInlineRst, toLines, type Line } from './lines.ts';
import { closingLineIndex, parseCallBlock, parseValueBlock } from './syntax.ts';
import {
  DocParseError,
  type DocShape,
  type LossSink,
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
  sink: LossSink;
  strict: boolean;
}

export interface ParseOptions {
  /** strict (the default): a part of a page that cannot be read throws a DocParseError; lenient: it becomes
   * a recorded loss, the parser falls back where it can, and a file that is no page is a skipped page */
  strict?: boolean;
}

const TITLE = /^(\S.*?) \/ (Client|Paginator) \/ (\w+)$/;
/** Any other page boto3's documenter writes: `S3 / Waiter / BucketExists`, `Bucket / Sub-Resource / Acl`… */
const OTHER_TITLE = /^(\S.*?) \/ ([A-Z][\w-]*(?: [A-Z][\w-]*)?) \/ (\w+)$/;
const SECTION_END = /^(Return type:|Returns:|Response Syntax$|Response Structure$|Exceptions$|Table of Contents$)/;
const TOO_LARGE = /too large to render/i;

export function parsePage(file: string, text: string, o: ParseOptions = {}): Page {
  const strict = o.strict ?? true;
  const form = detectForm(text);
  const losses: PageLoss[] = [];
  const sink: LossSink = (e, instead, how) => {
    if (strict) throw e;
    if (how?.quiet) return;
    const expected = e.expected.length > 90 ? `${e.expected.slice(0, 87)}...` : e.expected;
    losses.push({ what: `expected ${expected}, found ${e.found.slice(0, 90)}; ${instead}`, ref: e.ref, unread: { expected: e.expected, found: e.found } });
  };
  const notAPage = notReferencePage(text);
  if (notAPage) {
    const e = new DocParseError({ file, line: 1 }, "a boto3 reference page title 'Service / Client / method' or 'Service / Paginator / Name'", notAPage);
    if (strict) throw e;
    return { kind: 'skipped', file, form, name: file, reason: `not a boto3 reference page: ${notAPage}`, why: 'not-a-page', losses: [] };
  }
  const ctx: Ctx = { file, form, lines: toLines(text, form), losses, sink, strict };
  try {
    return readPage(ctx, text);
  } catch (e) {
    if (strict) throw e;
    // the safety net: whatever a page holds, the rest of the directory is still derived
    const ref = e instanceof DocParseError ? e.ref : { file, line: 1 };
    const found = e instanceof DocParseError ? e.message.replace(/^[^:]*:\d+: /, '') : `an error (${(e as Error).message})`;
    return { kind: 'skipped', file, form, name: file, reason: `unreadable: ${found}`, why: 'unreadable', losses: [...losses, { what: `page not read: ${found}`, ref, unread: { expected: 'a readable reference page', found } }] };
  }
}

/** Why a file is not a boto3 reference page at all, judged on its bytes before any parsing. */
function notReferencePage(text: string): string | undefined {
  if (text.trim() === '') return 'an empty file';
  if (text.includes('\u0000') || (text.match(/\uFFFD/g)?.length ?? 0) > 8) return 'a binary file';
  if (/^\s*(<!DOCTYPE html|<html|<\?xml)/i.test(text)) return 'an HTML/XML file (render it to text, or give the RST source)';
  return undefined;
}

function readPage(ctx: Ctx, text: string): Page {
  const { file, form, lines } = ctx;
  const titleAt = lines.findIndex((l) => TITLE.test(l.text.trim()));
  if (titleAt < 0) {
    const other = lines.slice(0, 40).map((l) => OTHER_TITLE.exec(stripInlineRst(l.text).trim())).find(Boolean);
    if (other) {
      // a page of the service's docs that states no API operation: skipped by name, not a loss
      return { kind: 'skipped', file, form, name: `${other[1]} / ${other[2]} / ${other[3]}`, reason: `a ${other[2]} page, not a Client or Paginator page`, why: 'section', losses: [] };
    }
    const e = new DocParseError({ file, line: 1 }, "a boto3 reference page title 'Service / Client / method' or 'Service / Paginator / Name'", 'none');
    if (ctx.strict) throw e;
    return { kind: 'skipped', file, form, name: file, reason: `not a boto3 reference page: ${e.expected}, found none`, why: 'not-a-page', losses: [] };
  }
  const [, service, kind, name] = TITLE.exec(lines[titleAt]!.text.trim())!;
  if (kind === 'Paginator') return parsePaginator(ctx, service!, name!, titleAt);
  const reqAt = heading(ctx, /^Request Syntax$/, titleAt);
  if (reqAt < 0) {
    const opLike = heading(ctx, /^(Response Syntax|Exceptions)$|AWS API Documentation/, titleAt);
    if (opLike >= 0) throw new DocParseError(ref(ctx, opLike), 'a Request Syntax section on an operation page', 'none');
    return { kind: 'skipped', file, form, name: name!, reason: 'client helper method, not an API operation (no Request Syntax)', why: 'helper', losses: [] };
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
    if (!m) continue;
    // a renderer that wraps long lines may carry the name's tail to the next line, alone
    const tail = m.index + m[0].length === ctx.lines[i]!.text.length ? /^\w+$/.exec(ctx.lines[i + 1]?.text.trim() ?? '') : null;
    errors.push({ name: m[1]! + (tail ? tail[0] : ''), ref: ref(ctx, i) });
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

/** The call block and the entries after it; `marksKnown` is false for a rendering that lost every mark.
 * A block that cannot be read (elided, cut short, a form the grammar lacks) falls back to the nesting
 * of the entries, with the loss recorded. */
function readRequest(ctx: Ctx, from: number, to: number, call: RegExp, where: string): { root: Root; marksKnown: boolean } {
  const root: Root = { type: 'structure', members: [], ref: ref(ctx, from) };
  let start = heading(ctx, call, from, to);
  const tooLarge = heading(ctx, TOO_LARGE, from, to);
  if (start < 0) {
    const found = tooLarge >= 0 ? JSON.stringify(ctx.lines[tooLarge]!.text.trim()) : 'none';
    ctx.sink(new DocParseError(ref(ctx, tooLarge >= 0 ? tooLarge : from), `the call line of the ${where} Syntax block (${call.source})`, found), 'structure taken from the parameter entries');
    start = tooLarge >= 0 ? tooLarge : from;
  }
  let cut = start + 1;
  while (cut < to && !isEntryLine(ctx.lines[cut]!.text) && !/^Parameters:?$/.test(ctx.lines[cut]!.text.trim())) cut++;
  const block = ctx.lines.slice(start, cut);
  const close = heading(ctx, call, from, to) < 0 ? -1 : closingLineIndex(block, ctx.file);
  const entries = readEntries(ctx.lines.slice(close < 0 ? cut : start + close + 1, to), ctx.file, ctx.sink);
  const marksKnown = ctx.form === 'rst' || entries.some((e) => e.required);
  const fromEntries = () => {
    root.members = [];
    if (!entries.length) ctx.losses.push({ what: `no ${where} parameter entries either: the members are unknown`, ref: ref(ctx, start) });
    treeFromEntries(entries, root, marksKnown, ctx.sink);
    if (!marksKnown && entries.length) ctx.losses.push({ what: 'no [REQUIRED] marks on any parameter', ref: entries[0]!.ref });
    return { root, marksKnown };
  };
  if (heading(ctx, call, from, to) < 0) return fromEntries();
  if (close < 0) {
    if (ctx.form === 'rst') {
      ctx.sink(new DocParseError(ref(ctx, cut - 1), `a complete ${where} Syntax block (closing ')')`, 'end of block'), 'structure taken from the parameter entries');
    } else {
      ctx.losses.push({ what: `the ${where} Syntax block is cut short; structure taken from the parameter entries`, ref: ref(ctx, start) });
    }
    return fromEntries();
  }
  try {
    root.members = parseCallBlock(block.slice(0, close + 1), ctx.file).members.map((m) => ({ ...m, description: '', ref: m.shape.ref }));
  } catch (e) {
    if (!(e instanceof DocParseError)) throw e;
    ctx.sink(e, 'structure taken from the parameter entries');
    return fromEntries();
  }
  annotate(root, entries, marksKnown, where, ctx.sink);
  if (!entries.length && root.members.length) {
    ctx.losses.push({ what: `the ${where} parameter entries are missing: types from the Syntax block alone, no [REQUIRED] marks`, ref: ref(ctx, start) });
  }
  noteElided(ctx, root, where);
  return { root, marksKnown };
}

/** `...` values no entry typed: kept as documents, and said so. */
function noteElided(ctx: Ctx, root: DocShape, where: string): void {
  const at: number[] = [];
  const walk = (s: DocShape | undefined): void => {
    if (!s) return;
    if (s.elided) at.push(s.ref.line);
    for (const m of s.members ?? []) walk(m.shape);
    walk(s.member);
    walk(s.value);
  };
  walk(root);
  if (at.length) ctx.losses.push({ what: `${at.length} value(s) the ${where} Syntax block elides as \`...\` with no entry to type them: typed as document`, ref: { file: ctx.file, line: at[0]! } });
}

function readResponse(ctx: Ctx, from: number, to: number, structAt: number, excAt: number): DocShape | undefined {
  let block = ctx.lines.slice(from, to).filter((l) => l.text.trim() !== '');
  if (block.length === 0) return undefined;
  const entries = () => (structAt >= 0 ? readEntries(ctx.lines.slice(structAt + 1, orEnd(ctx, excAt)), ctx.file, ctx.sink) : []);
  const fromEntries = (): DocShape => {
    const root: Root = { type: 'structure', members: [], ref: { file: ctx.file, line: block[0]!.no } };
    const found = entries();
    if (!found.length) ctx.losses.push({ what: 'no Response Structure entries either: the members are unknown', ref: root.ref });
    treeFromEntries(found, root, false, ctx.sink);
    return root;
  };
  const first = block[0]!.text.trim();
  if (!/^[{[]/.test(first)) {
    if (ctx.form === 'rst' || !first.startsWith("'")) {
      ctx.sink(new DocParseError({ file: ctx.file, line: block[0]!.no }, "a Response Syntax block opening with '{'", JSON.stringify(first)), 'structure taken from the Response Structure entries');
      return fromEntries();
    }
    ctx.losses.push({ what: 'the Response Syntax block lost its enclosing braces', ref: { file: ctx.file, line: block[0]!.no } });
    block = [{ ...block[0]!, text: '{' }, ...block, { ...block.at(-1)!, text: '}' }];
  }
  let shape: DocShape;
  try {
    shape = parseValueBlock(block, ctx.file);
  } catch (e) {
    if (!(e instanceof DocParseError)) throw e;
    ctx.sink(e, 'structure taken from the Response Structure entries');
    return fromEntries();
  }
  if (structAt >= 0) annotate(shape, entries(), false, 'Response', ctx.sink);
  noteElided(ctx, shape, 'Response');
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
  if (!output) {
    ctx.losses.push({ what: "the page lost its Response Syntax: the paginator's output is taken from the operation's client page", ref: ref(ctx, reqEnd) });
  }
  return {
    kind: 'paginator',
    file: ctx.file,
    form: ctx.form,
    service,
    name,
    method,
    inputMembers: input.root.members!.map((m) => m.name).filter((n) => n !== 'PaginationConfig'),
    ...(output ? { outputMembers: (output.members ?? []).map((m) => m.name) } : {}),
    ref: ref(ctx, titleAt),
    losses: ctx.losses,
  };
}
