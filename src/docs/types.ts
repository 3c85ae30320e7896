// The page model: what one documentation page says, whatever form it came in (RST source or
// rendered text). Every parser in src/docs produces exactly this; nothing downstream knows the form.

/** A place in a page: the file (as given to the parser) and a 1-based line number. */
export interface SourceRef {
  file: string;
  line: number;
}

/** The types a boto3 reference page can state. `integer` covers long, `float` covers double:
 * the pages do not distinguish them. */
export type DocType =
  | 'string'
  | 'integer'
  | 'float'
  | 'boolean'
  | 'timestamp'
  | 'blob'
  | 'document'
  | 'list'
  | 'map'
  | 'structure';

export interface DocShape {
  type: DocType;
  /** Enum values, from the Request/Response Syntax `'A'|'B'` forms. */
  enum?: string[];
  /** structure members, in page order */
  members?: DocMember[];
  /** list element */
  member?: DocShape;
  /** map key and value */
  key?: DocShape;
  value?: DocShape;
  /** the Syntax block shows `...` in place of the value: its type comes from the member's entry */
  elided?: boolean;
  ref: SourceRef;
}

export interface DocMember {
  name: string;
  shape: DocShape;
  /** true: the page marks it [REQUIRED]; undefined: the page carries no required marks at all
   * for this member (a lossy rendering), false: the page has marks and this member has none. */
  required?: boolean;
  description: string;
  /** Values a description lists as a bullet list (`EBS` for Amazon EBS …): documented, not an enum. */
  documentedValues?: string[];
  ref: SourceRef;
}

/** Something a lossy rendering dropped, or a part of a page that could not be read, recorded so the
 * drift report can say so. `what` says what was lost and what was done instead. */
export interface PageLoss {
  what: string;
  ref: SourceRef;
  /** set when a part of the page could not be read at all (strict reading rejects the page there) */
  unread?: { expected: string; found: string };
  /** set when the page does not state a fact of a top-level member (not a reading failure) */
  notStated?: { member: string; fact: 'required' };
}

/** Where a lenient reading records what it could not read; a strict reading throws the error instead. */
export type LossSink = (error: DocParseError, instead: string, o?: { quiet?: boolean }) => void;

export interface OperationPage {
  kind: 'operation';
  file: string;
  form: PageForm;
  service: string;
  /** snake_case method name, e.g. `start_restore_job` */
  method: string;
  /** API name when the page links to it (RST `See also` link); otherwise undefined */
  apiName?: string;
  description: string;
  input: DocShape & { type: 'structure' };
  output?: DocShape;
  errors: { name: string; ref: SourceRef }[];
  /** whether this page carries [REQUIRED] marks anywhere (false for renderings that lost them) */
  hasRequiredMarks: boolean;
  losses: PageLoss[];
}

export interface PaginatorPage {
  kind: 'paginator';
  file: string;
  form: PageForm;
  service: string;
  /** e.g. `ListRestoreJobs` */
  name: string;
  /** snake_case method it paginates, e.g. `list_restore_jobs` */
  method: string;
  inputMembers: string[];
  /** undefined when the page lost its Response Syntax (a rendering cut after the Request Syntax) */
  outputMembers?: string[];
  ref: SourceRef;
  losses: PageLoss[];
}

export interface SkippedPage {
  kind: 'skipped';
  file: string;
  form: PageForm;
  name: string;
  reason: string;
  /** `helper`: a client method that is no API operation; `section`: a resource, waiter or other page of
   * the service's docs that states no operation; `not-a-page`: no boto3 reference page at all (an HTML
   * file, a binary, an empty file, another tool's docs); `unreadable`: a reference page nothing could be
   * read of */
  why: 'helper' | 'section' | 'not-a-page' | 'unreadable';
  losses: PageLoss[];
}

export type PageForm = 'rst' | 'text';
export type Page = OperationPage | PaginatorPage | SkippedPage;

/** A page that cannot be parsed: names the file, the line and what was expected. */
export class DocParseError extends Error {
  readonly code = 'E_DOC_PARSE';
  constructor(
    readonly ref: SourceRef,
    readonly expected: string,
    readonly found: string,
  ) {
    super(`${ref.file}:${ref.line}: expected ${expected}, found ${found}`);
    this.name = 'DocParseError';
  }
}
