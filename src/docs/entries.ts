// The parameter / response-structure entries of a page: `Name (type) -- text` lines, whatever bullet
// a renderer put before them. They give types, [REQUIRED] marks and descriptions; structure comes
// from the Syntax block, and only where a rendering cut that block from the entries' relative nesting.
import {
  DocParseError,
  type DocMember,
  type DocShape,
  type DocType,
  type LossSink,
  type SourceRef,
} from './types.ts';
import type { Line } from './lines.ts';

export interface Entry {
  name?: string;
  /** 'dict' is kept apart: a structure or a map, which only the syntax tells; undefined: a type the
   * parser does not know (a loss is recorded where the syntax cannot tell it either) */
  type: DocType | 'dict' | undefined;
  /** the type as the page wrote it */
  rawType: string;
  required: boolean;
  description: string;
  documentedValues?: string[];
  indent: number;
  ref: SourceRef;
}

// An optional list glyph (any 1-3 characters: renderers use •, o, +, #, *, … at different depths), an
// optional name, the type in parentheses, a dash. A lone short word before the type is a name unless it
// is one lower-case letter or no word at all (`o (dict) --` is a nested bullet; `Arn (string) --` a name).
const ENTRY = /^(?:(\S{1,3})\s+)?(?:([A-Za-z_][\w.:-]*)\s+)?\(([^()]{1,60})\)\s*(?:--|–|—|-)(?:\s+(.*))?$/;
const NAME_NOT_GLYPH = /^(?:[A-Za-z_][\w.:-]+|[A-Z])$/;

function matchEntry(text: string): { name?: string; type: string; rest?: string } | undefined {
  const m = text.includes('(') ? ENTRY.exec(text) : null; // most lines are no entry: skip the regex
  if (!m) return undefined;
  const name = m[2] ?? (m[1] && NAME_NOT_GLYPH.test(m[1]) ? m[1] : undefined);
  return { name, type: m[3]!.trim(), rest: m[4] };
}

const TYPES: Record<string, DocType | 'dict'> = {
  string: 'string',
  str: 'string',
  integer: 'integer',
  int: 'integer',
  long: 'integer',
  float: 'float',
  double: 'float',
  boolean: 'boolean',
  bool: 'boolean',
  datetime: 'timestamp',
  timestamp: 'timestamp',
  dict: 'dict',
  list: 'list',
  bytes: 'blob',
  blob: 'blob',
  StreamingBody: 'blob',
  'bytes or seekable file-like object': 'blob',
  document: 'document',
  // boto3's class of an event stream: a structure whose members are the events
  EventStream: 'dict',
};

/** `:class:`.StreamingBody`` renders as `.StreamingBody`: the class name is the type */
const typeOf = (t: string): DocType | 'dict' | undefined => TYPES[t.replace(/^[.~]/, '')];

export function isEntryLine(text: string): boolean {
  return matchEntry(text.trim()) !== undefined;
}

/** Whatever glyph a renderer puts before a list item (•, ■, *, -, …): never part of the text. */
const BULLET = /^[^\w\s[('"`]{1,3}\s+/;
const VALUE_ITEM = /^(\S.{0,39}?)(?:\s+(?:for|-|–|—)\s+|:\s+)\S/;

/** `/\s\s|[^\S ]/` in a form the regex engine scans faster: a run starting with any other white space
 * is already an odd space */
const RUN_OR_ODD_SPACE = / \s|[^\S ]/;

export function readEntries(lines: Line[], file: string, sink: LossSink = strictSink): Entry[] {
  const entries: Entry[] = [];
  let text: string[] = [];
  let values: string[] = [];
  const flush = () => {
    const last = entries.at(-1);
    if (!last) return;
    let joined = text.join(' ');
    // collapsing white space rebuilds the string word by word: only where there is something to collapse
    // (two white-space characters in a row, or one other than a space)
    if (RUN_OR_ODD_SPACE.test(joined)) joined = joined.replace(/\s+/g, ' ');
    joined = joined.trim();
    last.required = joined.startsWith('[REQUIRED]');
    if (last.required) joined = joined.slice('[REQUIRED]'.length).trim();
    last.description = joined;
    // a list whose items repeat one word ("Metadata for Amazon EBS", "Metadata for …")
    // lists links, not values
    if (new Set(values).size === values.length && values.length >= 2) last.documentedValues = values;
  };
  for (const ln of lines) {
    const raw = trimmed(ln);
    const m = matchEntry(raw);
    if (!m) {
      if (entries.length) {
        const t = raw.replace(BULLET, '');
        const v = t !== raw ? VALUE_ITEM.exec(t) : null;
        if (v) values.push(v[1]!);
        if (t) text.push(t);
      }
      continue;
    }
    flush();
    const type = typeOf(m.type);
    const ref = { file, line: ln.no };
    // an unknown type is either a form the parser lacks or prose that looks like an entry
    // (`Event (default) --`): strict reading rejects it; lenient reading keeps it only where the Syntax
    // block shows such a member
    if (!type)
      sink(
        new DocParseError(ref, `a type (one of ${Object.keys(TYPES).join(', ')})`, JSON.stringify(m.type)),
        '',
        { quiet: true },
      );
    entries.push({
      name: m.name,
      type,
      rawType: m.type,
      required: false,
      description: '',
      indent: ln.indent,
      ref,
    });
    text = m.rest ? [m.rest] : [];
    values = [];
  }
  flush();
  return entries;
}

/** A line's text trimmed: it is trimmed at its end already and `indent` is where its text starts (lines.ts),
 * so no scan for white space, nor a copy where it has no indent */
const trimmed = (ln: Line): string => (ln.indent ? ln.text.slice(ln.indent) : ln.text);

const strictSink: LossSink = (e) => {
  throw e;
};

function compatible(entry: Entry, shape: DocShape): boolean {
  return (
    entry.type === undefined ||
    entry.type === shape.type ||
    (entry.type === 'dict' && (shape.type === 'structure' || shape.type === 'map'))
  );
}

function named(root: DocShape): DocMember[] {
  const out: DocMember[] = [];
  const walk = (s: DocShape | undefined): void => {
    if (!s) return;
    for (const m of s.members ?? []) {
      out.push(m);
      walk(m.shape);
    }
    walk(s.member);
    walk(s.value);
  };
  walk(root);
  return out;
}

/** The notes boto3's documenter (botocore.docs.utils.AutoPopulatedParam) puts on a parameter the SDK fills
 * in, after deleting its [REQUIRED] mark: its default text, and Glacier's `accountId` note ('this parameter
 * is set to "-" by default…'). The idempotency-token note ("This field is autopopulated if not provided")
 * is not one of them: it leaves the mark in place, so the page still states the member's required-ness. */
const SDK_FILLS = new RegExp(
  [
    String.raw`\bthis parameter is automatically populated if it is not provided\b`,
    String.raw`\bthis parameter is set to \S+ ?by ?default if no value\b`,
  ].join('|'),
  'i',
);

/** Puts each named entry's required mark, description and values on its syntax-tree member:
 * entries follow the syntax in document order; one documented but absent from the syntax is an error.
 * Returns the top-level members whose required-ness the page does not state because the SDK fills them in. */
export function annotate(
  root: DocShape,
  entries: Entry[],
  marksKnown: boolean,
  where: string,
  sink: LossSink = strictSink,
): { member: string; ref: SourceRef }[] {
  const sdkFilled: { member: string; ref: SourceRef }[] = [];
  const sdkFills = (e: Entry, top: boolean) => {
    if (e.required || !top || !SDK_FILLS.test(e.description)) return false;
    sdkFilled.push({ member: e.name!, ref: e.ref });
    return true;
  };
  const members = named(root);
  const top = Math.min(...entries.filter((e) => e.name).map((e) => e.indent));
  let at = 0;
  for (const e of entries) {
    if (!e.name) continue;
    // entries follow the syntax in document order: look ahead from the last match first
    let k = -1;
    for (let i = at; i < members.length && k < 0; i++) if (members[i]!.name === e.name) k = i;
    if (k < 0) k = members.findIndex((m) => m.name === e.name);
    if (k < 0 && where === 'Request' && e.indent === top && root.members && e.type) {
      // a parameter the SDK fills in (an account id, a checksum) is documented but left out of the syntax:
      // lenient reading takes it from its entry (nothing is lost), strict reading rejects the page
      sink(new DocParseError(e.ref, `a member that the ${where} Syntax block shows`, `'${e.name}'`), '', {
        quiet: true,
      });
      const type = e.type === 'dict' ? 'structure' : e.type;
      const shape: DocShape = type === 'structure' ? { type, members: [], ref: e.ref } : { type, ref: e.ref };
      root.members.push({
        name: e.name,
        shape,
        required: sdkFills(e, true) ? undefined : e.required,
        description: e.description,
        ref: e.ref,
      });
      continue;
    }
    if (k < 0) {
      const err = new DocParseError(e.ref, `a member that the ${where} Syntax block shows`, `'${e.name}'`);
      sink(err, "the entry's mark and description are not used", { quiet: e.type === undefined });
      continue;
    }
    const m = members[k]!;
    if (e.type === undefined) {
      const err = new DocParseError(
        e.ref,
        `a type (one of ${Object.keys(TYPES).join(', ')})`,
        JSON.stringify(e.rawType),
      );
      sink(err, `the ${where} Syntax block's type (${m.shape.type}) is used`);
    }
    if (m.shape.elided && e.type) {
      // `'Price': ...` in the syntax: the entry's type stands
      m.shape =
        e.type === 'dict'
          ? { type: 'structure', members: [], ref: m.shape.ref }
          : { type: e.type, ref: m.shape.ref };
    }
    if (!compatible(e, m.shape)) {
      const err = new DocParseError(
        e.ref,
        `type ${m.shape.type} for '${e.name}' as the ${where} Syntax shows (line ${m.ref.line})`,
        `${e.type}`,
      );
      sink(err, "the Syntax block's type is kept");
    }
    m.required = sdkFills(e, root.members?.includes(m) === true) ? undefined : e.required;
    m.description = e.description;
    if (e.documentedValues) m.documentedValues = e.documentedValues;
    at = k + 1;
  }
  if (!marksKnown) for (const m of members) if (!m.required) m.required = undefined;
  return sdkFilled;
}

interface Open {
  shape: DocShape;
  indent: number;
  /** set on a map's key entry: the value entry nests under it */
  mapOf?: DocShape;
}

/** The fallback for a rendering that cut its Syntax block: nesting from the entries' relative indentation. */
export function treeFromEntries(
  entries: Entry[],
  root: DocShape & { type: 'structure' },
  marksKnown: boolean,
  sink: LossSink = strictSink,
): void {
  const stack: Open[] = [{ shape: root, indent: -1 }];
  for (const e of entries) {
    if (e.type === undefined) {
      sink(
        new DocParseError(e.ref, 'an entry of a known type', e.name ?? '(unnamed)'),
        'the entry is left out',
        { quiet: !e.name },
      );
      continue;
    }
    while (stack.length > 1 && stack.at(-1)!.indent >= e.indent) stack.pop();
    const parent = stack.at(-1)!;
    const shape: DocShape =
      e.type === 'dict'
        ? { type: 'structure', members: [], ref: e.ref }
        : { type: e.type ?? 'document', ref: e.ref };
    const open: Open = { shape, indent: e.indent };
    const p = parent.shape;
    if (parent.mapOf && !parent.mapOf.value) parent.mapOf.value = shape;
    else if (p.type === 'list' && !p.member) p.member = shape;
    else if (p.type === 'structure' && e.name) {
      p.members!.push({
        name: e.name,
        shape,
        required: marksKnown || e.required ? e.required : undefined,
        description: e.description,
        documentedValues: e.documentedValues,
        ref: e.ref,
      });
    } else if (p.type === 'structure' && !e.name && p.members!.length === 0 && p !== root) {
      p.type = 'map';
      delete p.members;
      p.key = shape;
      open.mapOf = p;
    } else if (!e.name && p === root && e.type === 'dict' && root.members!.length === 0) {
      continue; // the `(dict) --` line that stands for the whole response
    } else {
      sink(
        new DocParseError(e.ref, `an entry that fits inside its parent (${p.type})`, e.name ?? `(${e.type})`),
        'the entry is left out',
      );
      continue;
    }
    stack.push(open);
  }
}
