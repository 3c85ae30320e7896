// One parser for every boto3 reference page, in either form: sections are found by their headings,
// the Syntax blocks give structure and enums, the entries give types, [REQUIRED] marks and text.
import { heading, orEnd, readRequest, readResponse, ref, type Ctx } from './blocks.ts';
import { apiNameFromLink, detectForm, stripInlineRst, toLines } from './lines.ts';
import {
  DocParseError,
  type LossSink,
  type OperationPage,
  type Page,
  type PageLoss,
  type PaginatorPage,
} from './types.ts';

export interface ParseOptions {
  /** strict (the default): a part of a page that cannot be read throws a DocParseError; lenient: it becomes
   * a recorded loss, the parser falls back where it can, and a file that is no page is a skipped page */
  strict?: boolean;
}

const TITLE = /^(\S.*?) \/ (Client|Paginator) \/ (\w+)$/;
/** Any other page boto3's documenter writes: `S3 / Waiter / BucketExists`, `Bucket / Sub-Resource / Acl`… */
const OTHER_TITLE = /^(\S.*?) \/ ([A-Z][\w-]*(?: [A-Z][\w-]*)?) \/ (\w+)$/;
const SECTION_END =
  /^(Return type:|Returns:|Response Syntax$|Response Structure$|Exceptions$|Table of Contents$)/;

export function parsePage(file: string, text: string, o: ParseOptions = {}): Page {
  const strict = o.strict ?? true;
  const form = detectForm(text);
  const losses: PageLoss[] = [];
  const sink: LossSink = (e, instead, how) => {
    if (strict) throw e;
    if (how?.quiet) return;
    const expected = e.expected.length > 90 ? `${e.expected.slice(0, 87)}...` : e.expected;
    losses.push({
      what: `expected ${expected}, found ${e.found.slice(0, 90)}; ${instead}`,
      ref: e.ref,
      unread: { expected: e.expected, found: e.found },
    });
  };
  const notAPage = notReferencePage(text);
  if (notAPage) {
    const e = new DocParseError(
      { file, line: 1 },
      "a boto3 reference page title 'Service / Client / method' or 'Service / Paginator / Name'",
      notAPage,
    );
    if (strict) throw e;
    return {
      kind: 'skipped',
      file,
      form,
      name: file,
      reason: `not a boto3 reference page: ${notAPage}`,
      why: 'not-a-page',
      losses: [],
    };
  }
  const ctx: Ctx = { file, form, lines: toLines(text, form), losses, sink, strict };
  try {
    return readPage(ctx, text);
  } catch (e) {
    if (strict) throw e;
    // the safety net: whatever a page holds, the rest of the directory is still derived
    const ref = e instanceof DocParseError ? e.ref : { file, line: 1 };
    const found =
      e instanceof DocParseError
        ? e.message.replace(/^[^:]*:\d+: /, '')
        : `an error (${(e as Error).message})`;
    return {
      kind: 'skipped',
      file,
      form,
      name: file,
      reason: `unreadable: ${found}`,
      why: 'unreadable',
      losses: [
        ...losses,
        { what: `page not read: ${found}`, ref, unread: { expected: 'a readable reference page', found } },
      ],
    };
  }
}

/** Why a file is not a boto3 reference page at all, judged on its bytes before any parsing. */
function notReferencePage(text: string): string | undefined {
  if (text.trim() === '') return 'an empty file';
  if (text.includes('\u0000') || (text.match(/\uFFFD/g)?.length ?? 0) > 8) return 'a binary file';
  if (/^\s*(<!DOCTYPE html|<html|<\?xml)/i.test(text))
    return 'an HTML/XML file (render it to text, or give the RST source)';
  return undefined;
}

function readPage(ctx: Ctx, text: string): Page {
  const { file, form, lines } = ctx;
  const titleAt = lines.findIndex((l) => TITLE.test(l.text.trim()));
  if (titleAt < 0) {
    const other = lines
      .slice(0, 40)
      .map((l) => OTHER_TITLE.exec(stripInlineRst(l.text).trim()))
      .find(Boolean);
    if (other) {
      // a page of the service's docs that states no API operation: skipped by name, not a loss
      return {
        kind: 'skipped',
        file,
        form,
        name: `${other[1]} / ${other[2]} / ${other[3]}`,
        reason: `a ${other[2]} page, not a Client or Paginator page`,
        why: 'section',
        losses: [],
      };
    }
    const e = new DocParseError(
      { file, line: 1 },
      "a boto3 reference page title 'Service / Client / method' or 'Service / Paginator / Name'",
      'none',
    );
    if (ctx.strict) throw e;
    return {
      kind: 'skipped',
      file,
      form,
      name: file,
      reason: `not a boto3 reference page: ${e.expected}, found none`,
      why: 'not-a-page',
      losses: [],
    };
  }
  const [, service, kind, name] = TITLE.exec(lines[titleAt]!.text.trim())!;
  if (kind === 'Paginator') return parsePaginator(ctx, service!, name!, titleAt);
  const reqAt = heading(ctx, /^Request Syntax$/, titleAt);
  if (reqAt < 0) {
    const opLike = heading(ctx, /^(Response Syntax|Exceptions)$|AWS API Documentation/, titleAt);
    if (opLike >= 0)
      throw new DocParseError(ref(ctx, opLike), 'a Request Syntax section on an operation page', 'none');
    return {
      kind: 'skipped',
      file,
      form,
      name: name!,
      reason: 'client helper method, not an API operation (no Request Syntax)',
      why: 'helper',
      losses: [],
    };
  }
  return parseOperation(ctx, service!, name!, titleAt, reqAt, apiNameFromLink(text));
}

function parseOperation(
  ctx: Ctx,
  service: string,
  method: string,
  titleAt: number,
  reqAt: number,
  apiName?: string,
): OperationPage {
  const reqEnd = orEnd(ctx, heading(ctx, SECTION_END, reqAt + 1));
  const input = readRequest(ctx, reqAt + 1, reqEnd, new RegExp(`\\bclient\\.${method}\\(`), 'Request');
  const respAt = heading(ctx, /^Response Syntax$/, reqEnd);
  const structAt = heading(ctx, /^Response Structure$/, reqEnd);
  const respEnd = heading(ctx, /^(Exceptions|Table of Contents)$/, reqEnd);
  const output =
    respAt < 0
      ? undefined
      : readResponse(ctx, respAt + 1, orEnd(ctx, structAt >= 0 ? structAt : respEnd), structAt, respEnd);
  const errors = [];
  const excRe = new RegExp(`\\b${service.replace(/\W/g, '\\W')}\\.Client\\.exceptions\\.(\\w+)`);
  // scanned from the end of the request, not from an `Exceptions` heading: a rendering may lose the heading
  for (let i = reqEnd; i < ctx.lines.length; i++) {
    // the regex only on lines holding its literal part: the scan runs over the whole response
    const m = ctx.lines[i]!.text.includes('.Client.exceptions.') ? excRe.exec(ctx.lines[i]!.text) : null;
    if (!m) continue;
    // a renderer that wraps long lines may carry the name's tail to the next line, alone
    const tail =
      m.index + m[0].length === ctx.lines[i]!.text.length
        ? /^\w+$/.exec(ctx.lines[i + 1]?.text.trim() ?? '')
        : null;
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
  if (at < 0)
    throw new DocParseError(
      ref(ctx, titleAt),
      "client.get_paginator('<method>') on a paginator page",
      'none',
    );
  const method = /get_paginator\(['"](\w+)['"]\)/.exec(ctx.lines[at]!.text)![1]!;
  const reqAt = heading(ctx, /^Request Syntax$/, at);
  if (reqAt < 0)
    throw new DocParseError(ref(ctx, at), 'a Request Syntax section on a paginator page', 'none');
  const reqEnd = orEnd(ctx, heading(ctx, SECTION_END, reqAt + 1));
  const input = readRequest(ctx, reqAt + 1, reqEnd, /\bpaginator\.paginate\(/, 'Request');
  const respAt = heading(ctx, /^Response Syntax$/, reqEnd);
  const structAt = heading(ctx, /^Response Structure$/, reqEnd);
  const respEnd = heading(ctx, /^Table of Contents$/, reqEnd);
  const output =
    respAt < 0
      ? undefined
      : readResponse(ctx, respAt + 1, orEnd(ctx, structAt >= 0 ? structAt : respEnd), structAt, respEnd);
  if (!output) {
    ctx.losses.push({
      what:
        "the page lost its Response Syntax: the paginator's output is taken " +
        "from the operation's client page",
      ref: ref(ctx, reqEnd),
    });
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
