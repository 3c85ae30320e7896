// Normalises a page of either form into plain lines that the one page parser reads.
// RST inline markup is stripped and `:type X: T` / `:param X:` fields are rewritten into the
// `X (T) -- text` entry form that rendered pages already use, so nothing after this knows the form.
import type { PageForm } from './types.ts';

export interface Line {
  /** 1-based line number in the original file */
  no: number;
  text: string;
  /** leading white space, in columns (only ever compared relatively) */
  indent: number;
}

/** RST source if it carries Sphinx directives or field lists; anything else is a rendering. */
export function detectForm(text: string): PageForm {
  return /^\s*\.\. py:(method|class)::|^\s*:(type|param|rtype) /m.test(text) ? 'rst' : 'text';
}

export function toLines(text: string, form: PageForm): Line[] {
  const raw = (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text).split('\n');
  if (form === 'rst') return normaliseRst(raw);
  return raw.map((t, i) => line(i + 1, t.includes('¶') ? t.replace(/¶/g, '') : t));
}

/** White space as `\s` and `trim()` know it; a character-code test, pages running to ~10^5 lines. */
export function isSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  return c > 127 && /\s/.test(String.fromCharCode(c));
}

const NON_SPACE = /\S/;
/** Offset of the first non-white-space character of `s`, or -1 (the regex scans indentation faster than a
 * character-code loop) */
const firstNonSpace = (s: string): number => s.search(NON_SPACE);

function line(no: number, text: string): Line {
  const expanded = text.includes('\t') ? text.replace(/\t/g, '    ') : text;
  return lineAt(no, expanded, firstNonSpace(expanded)); // no trimmed copy: only its offset is wanted
}

/** A line whose text holds no tab and starts at `at` (-1: blank); its end is trimmed. */
function lineAt(no: number, text: string, at: number): Line {
  return { no, text: text.trimEnd(), indent: at < 0 ? 0 : at };
}

/** Inline RST markup → the text a reader sees. Links keep their label. */
export function stripInlineRst(s: string): string {
  // each pass only where its marker occurs: pages run to megabytes, and most lines carry little markup
  if (s.includes('`')) {
    s = s
      .replace(/:[a-z]+:[a-z]*:?`([^`<]*?)\s*(?:<[^>]*>)?`/g, '$1') // :doc:`Backup <../..>`, :py:class:`X`
      .replace(/`([^`<]+?)\s*<[^>]*>`__?/g, '$1') // `label <url>`_
      .replace(/``([^`]*)``/g, '$1');
  }
  return s.includes('*') ? stripEmphasis(s) : s;
}

// What `s.replace(/\*\*([^*]+)\*\*/g, '$1')` then `.replace(/\*([^*\s][^*]*)\*/g, '$1')` answer, scanned
// by hand: RST pages mark every entry's name and type so, and those two regex passes cost most of a page.
function stripEmphasis(s: string): string {
  let out = '';
  let from = 0; // start of the text not yet copied to `out`
  // **strong**: the first `*` after the opening pair must begin the closing pair
  for (let i = s.indexOf('**'); i >= 0; i = s.indexOf('**', i)) {
    const j = s.indexOf('*', i + 2);
    if (j < 0) break;
    if (j > i + 2 && s.charCodeAt(j + 1) === 42) {
      out += s.slice(from, i) + s.slice(i + 2, j);
      from = i = j + 2;
    } else i++;
  }
  if (from > 0) s = out + s.slice(from);
  out = '';
  from = 0;
  // *emphasis*: opened by a `*` before neither `*` nor white space, closed by the next `*`
  for (let i = s.indexOf('*'); i >= 0; i = s.indexOf('*', i)) {
    const c = s.charCodeAt(i + 1);
    const j = c === 42 || Number.isNaN(c) || isSpace(c) ? -2 : s.indexOf('*', i + 2);
    if (j === -1) break;
    if (j < 0) {
      i++;
      continue;
    }
    out += s.slice(from, i) + s.slice(i + 1, j);
    from = i = j + 1;
  }
  return from > 0 ? out + s.slice(from) : s;
}

function normaliseRst(raw: string[]): Line[] {
  const types = new Map<string, string>();
  const out: Line[] = new Array<Line>(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!;
    const no = i + 1;
    const at = firstNonSpace(t);
    const first = t[at];
    // the field and directive patterns below start with ':' or '.', a rule with one of '*=#~-':
    // most lines skip them all
    if (first === undefined || !':.*=#~-'.includes(first)) {
      const s = stripInlineRst(t);
      // no markup, no tab: the white space before the text is the one just measured
      out[i] = s === t && !t.includes('\t') ? lineAt(no, t, at) : line(no, s);
      continue;
    }
    if (first !== ':' && first !== '.') {
      // a rule's second character is a rule character too (`- **Name**` is an entry, no rule)
      const maybeRule = ':*=#~-'.includes(t[t.indexOf(first) + 1] ?? ' ');
      out[i] = line(no, maybeRule && RULE.test(t) ? '' : stripInlineRst(t));
      continue;
    }
    const typeField = /^(\s*):type (\w+): (.+)$/.exec(t);
    if (typeField) {
      types.set(typeField[2]!, stripInlineRst(typeField[3]!).trim());
      out[i] = line(no, '');
      continue;
    }
    const param = /^(\s*):param (\w+):(.*)$/.exec(t);
    if (param) {
      const type = types.get(param[2]!) ?? '?';
      out[i] = line(no, `${param[1]}${param[2]} (${type}) -- ${stripInlineRst(param[3]!.trim())}`);
      continue;
    }
    const text = t
      .replace(/^(\s*):rtype:\s*(.*)$/, '$1Return type: $2')
      .replace(/^(\s*):returns:\s*(.*)$/, '$1Returns: $2')
      .replace(/^(\s*)\.\. py:(?:method|class):: /, '$1');
    out[i] = line(no, RULE.test(text) ? '' : stripInlineRst(text));
  }
  return out;
}

/** A section rule or a bare `::` line: no text. */
const RULE = /^\s*([*=#~-]{4,}|::)\s*$/;

/** The API name from a `See also: AWS API Documentation` link, where the page still has it. */
export function apiNameFromLink(text: string): string | undefined {
  return /goto\/WebAPI\/[\w.-]+\/(\w+)/.exec(text)?.[1];
}
