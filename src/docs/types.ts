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

/** Something a lossy rendering dropped, recorded so the drift report can say so. */
export interface PageLoss {
  what: string;
  ref: SourceRef;
}

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
  outputMembers: string[];
  ref: SourceRef;
}

export interface SkippedPage {
  kind: 'skipped';
  file: string;
  form: PageForm;
  name: string;
  reason: string;
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
