// Parser for the Request/Response Syntax blocks of boto3 reference pages: a small Python-literal
// grammar (`Name='string'`, `'A'|'B'`, `{...}`, `[...]`, `datetime(2015, 1, 1)`, `b'bytes'`).
// Structure comes from brackets, never from indentation or line width.
import { DocParseError, type DocShape, type DocType, type SourceRef } from './types.ts';
import { isSpace, type Line } from './lines.ts';

type TokKind = 'punct' | 'str' | 'bytes' | 'num' | 'ident' | 'eof';
interface Tok {
  kind: TokKind;
  value: string;
  line: number;
}

/** A parsed value position; `name` is set for structure members and call arguments. */
export interface SyntaxMember {
  name: string;
  shape: DocShape;
}

const OPEN: Record<string, string> = { '{': '}', '[': ']', '(': ')' };

/**
 * A call block tokenized up to the line where its first bracket closes again: `close` is that line's index
 * (into `lines`), -1 if it never does. The tokens (with their end) are the ones `parseCallBlock` reads, so
 * a block is tokenized once, not once to find its end and again to parse it.
 */
export function tokenizeCallBlock(lines: Line[], file: string): { close: number; toks: Tok[] } {
  let depth = 0;
  let opened = false;
  const toks: Tok[] = [];
  for (let k = 0; k < lines.length; k++) {
    let ln = lines[k]!;
    while (endsInQuote(ln.text) && k + 1 < lines.length)
      ln = { ...ln, text: ln.text + lines[++k]!.text.trimStart() };
    const from = toks.length;
    tokenizeLine(ln, file, toks);
    for (let t = from; t < toks.length; t++) {
      const v = toks[t]!.value;
      if (toks[t]!.kind !== 'punct') continue;
      if (v in OPEN) {
        depth++;
        opened = true;
      } else if (')]}'.includes(v)) depth--;
    }
    if (opened && depth <= 0) {
      toks.push({ kind: 'eof', value: '', line: lines[k]!.no });
      return { close: k, toks };
    }
  }
  return { close: -1, toks: [] };
}

/** Whether a line ends inside a quoted string (a renderer that wraps long lines cuts `'PARTI` / `AL'`). */
function endsInQuote(s: string): boolean {
  let open = false;
  for (let i = 0; i < s.length; i++) {
    if (open && s[i] === '\\') i++;
    else if (s[i] === "'") open = !open;
  }
  return open;
}

/** Lines a renderer wrapped inside a quoted value, joined back: no width is assumed, only the quote. */
function unwrapQuotes(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (let k = 0; k < lines.length; k++) {
    let ln = lines[k]!;
    while (endsInQuote(ln.text) && k + 1 < lines.length)
      ln = { ...ln, text: ln.text + lines[++k]!.text.trimStart() };
    out.push(ln);
  }
  return out;
}

const NUM = /-?\d+(\.\d+)?/y;
const ID = /[A-Za-z_][\w.]*/y;

function tokenize(lines: Line[], file: string): Tok[] {
  const toks: Tok[] = [];
  for (const ln of unwrapQuotes(lines)) tokenizeLine(ln, file, toks);
  toks.push({ kind: 'eof', value: '', line: lines.at(-1)?.no ?? 0 });
  return toks;
}

/** The tokens of one line (quoted values a renderer wrapped already joined), pushed onto `toks`. */
function tokenizeLine(ln: Line, file: string, toks: Tok[]): void {
  const s = ln.text;
  let i = 0;
  // the next backslash at or after a string's start (-2: not looked for yet, -1: none left), found once
  // for the line rather than once per string: an enum line of thousands of values has none, and each
  // search would run to the line's end
  let slash = -2;
  while (i < s.length) {
    const c = s[i]!;
    if (isSpace(s.charCodeAt(i))) {
      i++;
      continue;
    }
    if (c === "'" || ((c === 'b' || c === 'u') && s[i + 1] === "'")) {
      const start = c === "'" ? i : i + 1;
      let j = start + 1;
      let v = '';
      // whole runs up to the next quote or backslash at once: enum lines run to thousands of characters
      for (;;) {
        const q = s.indexOf("'", j);
        if (slash === -2 || (slash >= 0 && slash < j)) slash = s.indexOf('\\', j);
        const b = slash;
        if (b < 0 || (q >= 0 && q < b) || b + 1 >= s.length) {
          const end = q < 0 ? s.length : q;
          v += s.slice(j, end);
          j = end;
          break;
        }
        v += s.slice(j, b) + s[b + 1];
        j = b + 2;
      }
      if (j >= s.length)
        throw new DocParseError({ file, line: ln.no }, 'a closing quote', `'${s.slice(start)}'`);
      toks.push({ kind: c === 'b' ? 'bytes' : 'str', value: v, line: ln.no });
      i = j + 1;
      continue;
    }
    NUM.lastIndex = i; // sticky, not a slice: enum lines run to tens of thousands of characters
    const num = NUM.exec(s);
    if (num) {
      toks.push({ kind: 'num', value: num[0], line: ln.no });
      i += num[0].length;
      continue;
    }
    if (s.startsWith('...', i)) {
      toks.push({ kind: 'ident', value: '...', line: ln.no });
      i += 3;
      continue;
    }
    ID.lastIndex = i;
    const id = ID.exec(s);
    if (id) {
      toks.push({ kind: 'ident', value: id[0], line: ln.no });
      i += id[0].length;
      continue;
    }
    if ('{}[](),:=|'.includes(c)) {
      toks.push({ kind: 'punct', value: c, line: ln.no });
      i++;
      continue;
    }
    throw new DocParseError(
      { file, line: ln.no },
      'Python literal syntax',
      JSON.stringify(s.slice(i, i + 20)),
    );
  }
}

class Parser {
  private i = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly file: string,
  ) {}

  private peek(): Tok {
    return this.toks[this.i]!;
  }
  private next(): Tok {
    return this.toks[this.i++]!;
  }
  private ref(t: Tok): SourceRef {
    return { file: this.file, line: t.line };
  }
  private fail(expected: string, t = this.peek()): never {
    throw new DocParseError(
      this.ref(t),
      expected,
      t.kind === 'eof' ? 'end of block' : JSON.stringify(t.value),
    );
  }
  private expect(value: string): Tok {
    const t = this.next();
    if (t.kind !== 'punct' || t.value !== value) this.fail(`'${value}'`, t);
    return t;
  }
  private isPunct(v: string): boolean {
    const t = this.peek();
    return t.kind === 'punct' && t.value === v;
  }

  /** `target = something.method(Name=value, ...)` → its arguments */
  call(): { members: SyntaxMember[]; line: number } {
    const head = this.next();
    if (head.kind !== 'ident') this.fail('`response = client.<method>(`', head);
    this.expect('=');
    const fn = this.next();
    if (fn.kind !== 'ident') this.fail('a method name', fn);
    this.expect('(');
    const members: SyntaxMember[] = [];
    while (!this.isPunct(')')) {
      const name = this.next();
      if (name.kind !== 'ident') this.fail('a parameter name `Name=`', name);
      this.expect('=');
      members.push({ name: name.value, shape: this.value() });
      if (!this.isPunct(')')) this.expect(',');
    }
    this.expect(')');
    this.end();
    return { members, line: head.line };
  }

  /** a bare value: the Response Syntax block */
  block(): DocShape {
    const v = this.value();
    this.end();
    return v;
  }

  private end(): void {
    if (this.peek().kind !== 'eof') this.fail('the end of the syntax block');
  }

  private value(): DocShape {
    const first = this.peek();
    const alts: DocShape[] = [this.alternative()];
    while (this.isPunct('|')) {
      this.next();
      alts.push(this.alternative());
    }
    // a lone 'string' is the type placeholder; among alternatives ('string'|'number') it is a value
    if (alts.length === 1 && alts[0]!.enum?.length === 1 && alts[0]!.enum[0] === 'string')
      delete alts[0]!.enum;
    return combine(alts, this.ref(first), (e) => this.fail(e, first));
  }

  private alternative(): DocShape {
    const t = this.next();
    const ref = this.ref(t);
    switch (t.kind) {
      case 'str':
        return { type: 'string', enum: [t.value], ref };
      case 'bytes':
        return { type: 'blob', ref };
      case 'num':
        return { type: t.value.includes('.') ? 'float' : 'integer', ref };
      case 'punct':
        if (t.value === '{') return this.dict(ref);
        if (t.value === '[') return this.list(ref);
        return this.fail('a value', t);
      case 'ident':
        if (t.value === 'True' || t.value === 'False') return { type: 'boolean', ref };
        if (t.value === '...') return { type: 'document', elided: true, ref };
        if (t.value === 'None') return { type: 'document', ref };
        if (t.value === 'datetime') {
          this.skipArgs();
          return { type: 'timestamp', ref };
        }
        if (t.value === 'StreamingBody') {
          this.skipArgs();
          return { type: 'blob', ref };
        }
        // `b'bytes'|file`: a file object stands for the bytes it holds
        if (t.value === 'file') return { type: 'blob', ref };
        // `EventStream({...})`: a wrapper class around the value it yields
        if (this.isPunct('(')) return this.wrapped();
        return this.fail('a value (quoted string, number, True|False, datetime(...), {...} or [...])', t);
      default:
        return this.fail('a value', t);
    }
  }

  private wrapped(): DocShape {
    const open = this.expect('(');
    if (this.isPunct(')')) this.fail('a value inside the wrapper', this.peek());
    const inner = this.value();
    this.expect(')');
    return { ...inner, ref: this.ref(open) };
  }

  private skipArgs(): void {
    this.expect('(');
    while (!this.isPunct(')')) {
      const t = this.next();
      if (t.kind !== 'num' && !(t.kind === 'punct' && t.value === ',')) this.fail('numeric arguments', t);
    }
    this.expect(')');
  }

  private dict(ref: SourceRef): DocShape {
    const entries: { keys: Tok[]; shape: DocShape }[] = [];
    while (!this.isPunct('}')) {
      if (this.peek().kind === 'ident' && this.peek().value === '...') {
        this.next();
        this.optionalComma();
        continue;
      }
      // `{'... recursive ...'}`: a structure that contains itself, elided where it recurs
      const t = this.peek();
      if (t.kind === 'str' && t.value.includes('...') && this.toks[this.i + 1]?.value !== ':') {
        this.next();
        this.optionalComma();
        continue;
      }
      const keys = [this.key()];
      while (this.isPunct('|')) {
        this.next();
        keys.push(this.key());
      }
      this.expect(':');
      entries.push({ keys, shape: this.value() });
      if (!this.isPunct('}')) this.expect(',');
    }
    this.expect('}');
    const only = entries[0];
    if (entries.length === 1 && only && (only.keys.length > 1 || only.keys[0]!.value === 'string')) {
      const keyEnum = only.keys.length > 1 ? only.keys.map((k) => k.value) : undefined;
      return {
        type: 'map',
        key: { type: 'string', enum: keyEnum, ref: this.ref(only.keys[0]!) },
        value: only.shape,
        ref,
      };
    }
    const members = entries.map((e) => {
      if (e.keys.length > 1) this.fail("a single member name before ':'", e.keys[1]);
      return { name: e.keys[0]!.value, shape: e.shape, description: '', ref: this.ref(e.keys[0]!) };
    });
    return { type: 'structure', members, ref };
  }

  private key(): Tok {
    const t = this.next();
    if (t.kind !== 'str') this.fail('a quoted key', t);
    return t;
  }

  private optionalComma(): void {
    if (this.isPunct(',')) this.next();
  }

  private list(ref: SourceRef): DocShape {
    if (this.isPunct(']')) this.fail('a list element example');
    if (this.peek().kind === 'ident' && this.peek().value === '...') {
      this.next();
      this.expect(']');
      return { type: 'list', member: { type: 'document', ref }, ref };
    }
    const member = this.value();
    this.optionalComma();
    if (this.peek().kind === 'ident' && this.peek().value === '...') {
      this.next();
      this.optionalComma();
    }
    this.expect(']');
    return { type: 'list', member, ref };
  }
}

/** `'A'|'B'` → enum; `True|False` → boolean; a mix of kinds → document. */
function combine(alts: DocShape[], ref: SourceRef, fail: (expected: string) => never): DocShape {
  if (alts.length === 1) return alts[0]!;
  const kinds = new Set<DocType>(alts.map((a) => a.type));
  if (kinds.size === 1) {
    const [kind] = kinds;
    if (kind === 'boolean') return { type: 'boolean', ref };
    if (kind === 'string' && alts.every((a) => a.enum))
      return { type: 'string', enum: alts.flatMap((a) => a.enum!), ref };
    if (kind === 'blob') return { type: 'blob', ref };
  }
  if (kinds.size >= 3) return { type: 'document', ref };
  return fail("alternatives of one kind ('A'|'B' or True|False)");
}

/** Parses what `tokenizeCallBlock` tokenized. */
export function parseCallBlock(
  block: { toks: Tok[] },
  file: string,
): { members: SyntaxMember[]; line: number } {
  return new Parser(block.toks, file).call();
}

export function parseValueBlock(lines: Line[], file: string): DocShape {
  return new Parser(tokenize(lines, file), file).block();
}
