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
  return form === 'rst' ? normaliseRst(raw) : raw.map((t, i) => line(i + 1, t.replace(/¶/g, '')));
}

function line(no: number, text: string): Line {
  const expanded = (text.includes('\t') ? text.replace(/\t/g, '    ') : text).trimEnd();
  const at = expanded.search(/\S/); // no trimmed copy: only its offset is wanted
  return { no, text: expanded, indent: at < 0 ? 0 : at };
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
  if (!s.includes('*')) return s;
  return s.replace(/\*\*([^*]+)\*\*/g, '$1').replace(/\*([^*\s][^*]*)\*/g, '$1');
}

function normaliseRst(raw: string[]): Line[] {
  const types = new Map<string, string>();
  const out: Line[] = [];
  raw.forEach((t, i) => {
    const no = i + 1;
    const first = t[t.search(/\S/)];
    // the field, directive and rule patterns below all start with one of these: most lines skip them
    if (first === undefined || !':.*=#~-'.includes(first)) {
      out.push(line(no, stripInlineRst(t)));
      return;
    }
    const typeField = /^(\s*):type (\w+): (.+)$/.exec(t);
    if (typeField) {
      types.set(typeField[2]!, stripInlineRst(typeField[3]!).trim());
      out.push(line(no, ''));
      return;
    }
    const param = /^(\s*):param (\w+):(.*)$/.exec(t);
    if (param) {
      const type = types.get(param[2]!) ?? '?';
      out.push(line(no, `${param[1]}${param[2]} (${type}) -- ${stripInlineRst(param[3]!.trim())}`));
      return;
    }
    const text = t
      .replace(/^(\s*):rtype:\s*(.*)$/, '$1Return type: $2')
      .replace(/^(\s*):returns:\s*(.*)$/, '$1Returns: $2')
      .replace(/^(\s*)\.\. py:(?:method|class):: /, '$1');
    out.push(line(no, /^\s*([*=#~-]{4,}|::)\s*$/.test(text) ? '' : stripInlineRst(text)));
  });
  return out;
}

/** The API name from a `See also: AWS API Documentation` link, where the page still has it. */
export function apiNameFromLink(text: string): string | undefined {
  return /goto\/WebAPI\/[\w.-]+\/(\w+)/.exec(text)?.[1];
}
