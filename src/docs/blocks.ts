// The sections of a reference page, read with fallbacks: the Request Syntax block and its parameter
// entries, the Response Syntax block and its Response Structure entries. What cannot be read goes to the
// page's loss sink (strict reading: an error), and the structure then comes from what the page still states.
import { annotate, isEntryLine, readEntries, treeFromEntries } from './entries.ts';
import type { Line } from './lines.ts';
import { parseCallBlock, parseValueBlock, tokenizeCallBlock } from './syntax.ts';
import { DocParseError, type DocShape, type LossSink, type PageForm, type PageLoss } from './types.ts';

/** The loss recorded for a parameter whose [REQUIRED] mark boto3's documenter removed: the page does not
 * state its required-ness */
export const SDK_FILLS_LOSS = 'required-ness not stated: the SDK fills this parameter in';

export const TOO_LARGE = /too large to render/i;

export type Root = DocShape & { type: 'structure' };

export interface Ctx {
  file: string;
  form: PageForm;
  lines: Line[];
  losses: PageLoss[];
  sink: LossSink;
  strict: boolean;
}

export function ref(ctx: Ctx, at: number) {
  return { file: ctx.file, line: ctx.lines[at]?.no ?? ctx.lines.length };
}

export function heading(ctx: Ctx, re: RegExp, from: number, to = ctx.lines.length): number {
  // a line's text is trimmed at its end and `indent` is where it starts (lines.ts): sliced, not trimmed
  for (let i = from; i < to; i++) {
    const l = ctx.lines[i]!;
    if (re.test(l.indent ? l.text.slice(l.indent) : l.text)) return i;
  }
  return -1;
}

export function orEnd(ctx: Ctx, at: number): number {
  return at < 0 ? ctx.lines.length : at;
}

/** The call block and the entries after it; `marksKnown` is false for a rendering that lost every mark.
 * A block that cannot be read (elided, cut short, a form the grammar lacks) falls back to the nesting
 * of the entries, with the loss recorded. */
export function readRequest(
  ctx: Ctx,
  from: number,
  to: number,
  call: RegExp,
  where: string,
): { root: Root; marksKnown: boolean } {
  const root: Root = { type: 'structure', members: [], ref: ref(ctx, from) };
  let start = heading(ctx, call, from, to);
  const hasCall = start >= 0;
  if (start < 0) {
    const tooLarge = heading(ctx, TOO_LARGE, from, to); // looked for only where it can matter
    const found = tooLarge >= 0 ? JSON.stringify(ctx.lines[tooLarge]!.text.trim()) : 'none';
    ctx.sink(
      new DocParseError(
        ref(ctx, tooLarge >= 0 ? tooLarge : from),
        `the call line of the ${where} Syntax block (${call.source})`,
        found,
      ),
      'structure taken from the parameter entries',
    );
    start = tooLarge >= 0 ? tooLarge : from;
  }
  let cut = start + 1;
  while (
    cut < to &&
    !isEntryLine(ctx.lines[cut]!.text) &&
    !/^Parameters:?$/.test(ctx.lines[cut]!.text.trim())
  )
    cut++;
  const block = ctx.lines.slice(start, cut);
  const tokens = hasCall ? tokenizeCallBlock(block, ctx.file) : undefined;
  const close = tokens ? tokens.close : -1;
  const entries = readEntries(ctx.lines.slice(close < 0 ? cut : start + close + 1, to), ctx.file, ctx.sink);
  const marksKnown = ctx.form === 'rst' || entries.some((e) => e.required);
  const fromEntries = () => {
    root.members = [];
    if (!entries.length)
      ctx.losses.push({
        what: `no ${where} parameter entries either: the members are unknown`,
        ref: ref(ctx, start),
      });
    treeFromEntries(entries, root, marksKnown, ctx.sink);
    if (!marksKnown && entries.length)
      ctx.losses.push({ what: 'no [REQUIRED] marks on any parameter', ref: entries[0]!.ref });
    return { root, marksKnown };
  };
  if (!hasCall) return fromEntries();
  if (close < 0) {
    if (ctx.form === 'rst') {
      ctx.sink(
        new DocParseError(
          ref(ctx, cut - 1),
          `a complete ${where} Syntax block (closing ')')`,
          'end of block',
        ),
        'structure taken from the parameter entries',
      );
    } else {
      ctx.losses.push({
        what: `the ${where} Syntax block is cut short; structure taken from the parameter entries`,
        ref: ref(ctx, start),
      });
    }
    return fromEntries();
  }
  try {
    root.members = parseCallBlock(tokens!, ctx.file).members.map((m) => ({
      ...m,
      description: '',
      ref: m.shape.ref,
    }));
  } catch (e) {
    if (!(e instanceof DocParseError)) throw e;
    ctx.sink(e, 'structure taken from the parameter entries');
    return fromEntries();
  }
  for (const { member, ref } of annotate(root, entries, marksKnown, where, ctx.sink))
    ctx.losses.push({
      what: `${SDK_FILLS_LOSS} ('${member}')`,
      ref,
      notStated: { member, fact: 'required' },
    });
  if (!entries.length && root.members.length) {
    ctx.losses.push({
      what:
        `the ${where} parameter entries are missing: ` +
        'types from the Syntax block alone, no [REQUIRED] marks',
      ref: ref(ctx, start),
    });
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
  if (at.length)
    ctx.losses.push({
      what:
        `${at.length} value(s) the ${where} Syntax block elides as \`...\` ` +
        'with no entry to type them: typed as document',
      ref: { file: ctx.file, line: at[0]! },
    });
}

export function readResponse(
  ctx: Ctx,
  from: number,
  to: number,
  structAt: number,
  excAt: number,
): DocShape | undefined {
  // a line's text is trimmed at its end (lines.ts): a blank line is an empty one
  let block = ctx.lines.slice(from, to).filter((l) => l.text !== '');
  if (block.length === 0) return undefined;
  const entries = () =>
    structAt >= 0 ? readEntries(ctx.lines.slice(structAt + 1, orEnd(ctx, excAt)), ctx.file, ctx.sink) : [];
  const fromEntries = (): DocShape => {
    const root: Root = { type: 'structure', members: [], ref: { file: ctx.file, line: block[0]!.no } };
    const found = entries();
    if (!found.length)
      ctx.losses.push({
        what: 'no Response Structure entries either: the members are unknown',
        ref: root.ref,
      });
    treeFromEntries(found, root, false, ctx.sink);
    return root;
  };
  const first = block[0]!.text.trim();
  if (!/^[{[]/.test(first)) {
    if (ctx.form === 'rst' || !first.startsWith("'")) {
      ctx.sink(
        new DocParseError(
          { file: ctx.file, line: block[0]!.no },
          "a Response Syntax block opening with '{'",
          JSON.stringify(first),
        ),
        'structure taken from the Response Structure entries',
      );
      return fromEntries();
    }
    ctx.losses.push({
      what: 'the Response Syntax block lost its enclosing braces',
      ref: { file: ctx.file, line: block[0]!.no },
    });
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
