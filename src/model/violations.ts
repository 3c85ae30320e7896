// Which exception answers which kind of bad request, per operation, as data (spec/overlay/violations.json):
// each kind lists the exceptions whose documented meaning covers it, in order of preference; an
// operation expects the first one it documents itself. Read by the generators, the mock and the checks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fieldReader } from './overlay-fields.ts';
import { packageRoot } from './package-root.ts';
import type { Operation } from './types.ts';

/** How sure an expectation is: `documented` (a page, the SDK model or an API Reference URL states
 * it) is judged strictly; `convention` (nothing documents it) accepts any well-formed 4xx client
 * error and notes what came back. */
export type ExpectationProvenance = 'documented' | 'convention';

export interface Expectation {
  /** the exception expected */
  error: string;
  provenance: ExpectationProvenance;
  /** where it is stated, or why nothing is */
  source: string;
  /** the violation kind (spec/overlay/violations.json `kinds[].kind`) */
  kind?: string;
  /** other exceptions the operation documents whose meaning covers the kind as well */
  alsoDocumented?: string[];
}

export interface ExceptionMeaning {
  name: string;
  meaning: string;
  source: string;
}

export interface ViolationKind {
  kind: string;
  /** JSON Schema keywords, wire problem kinds and mutations that are this kind */
  reportedAs: string[];
  /** exceptions whose meaning covers the kind, most specific first */
  prefer: string[];
  why?: string;
  /** every preferred exception fits the kind as well as the first: the others the operation documents
   * are named beside the expectation (`alsoDocumented`) */
  equallyFitting?: boolean;
  /** what is expected where nothing documents it, and why */
  convention?: { error: string; why: string };
}

export interface ViolationFacts {
  file: string;
  exceptions: Record<string, ExceptionMeaning>;
  kinds: ViolationKind[];
  /** the kind of anything not listed (an unknown keyword is a bad value) */
  default: string;
}

/** Validates a parsed violations overlay; every error names the file and the field. */
export function parseViolationFacts(file: string, doc: unknown): ViolationFacts {
  const { fail, rec, str, strs, page } = fieldReader(file);
  const root = rec(doc, '(root)');
  if (!Array.isArray(root.exceptions)) fail('exceptions', 'an array of exceptions with their meaning');
  if (!Array.isArray(root.kinds)) fail('kinds', 'an array of violation kinds');
  const exceptions: Record<string, ExceptionMeaning> = {};
  (root.exceptions as unknown[]).forEach((e, i) => {
    const x = rec(e, `exceptions[${i}]`);
    const name = str(x.name, `exceptions[${i}].name`);
    const source = page(x.source, `exceptions[${i}].source`);
    exceptions[name] = {
      name,
      meaning: str(x.meaning, `exceptions[${i}].meaning`),
      source,
    };
  });
  const seen = new Set<string>();
  const kinds = (root.kinds as unknown[]).map((k, i): ViolationKind => {
    const at = `kinds[${i}]`;
    const x = rec(k, at);
    const kind = str(x.kind, `${at}.kind`);
    const reportedAs = strs(x.reportedAs, `${at}.reportedAs`);
    reportedAs.forEach((r, j) => {
      if (seen.has(r)) fail(`${at}.reportedAs[${j}]`, `a keyword of one kind only ('${r}' is listed twice)`);
      seen.add(r);
    });
    const prefer = strs(x.prefer, `${at}.prefer`, true);
    prefer.forEach(
      (p, j) => exceptions[p] || fail(`${at}.prefer[${j}]`, `an exception of 'exceptions' (no '${p}')`),
    );
    const conv = x.convention === undefined ? undefined : rec(x.convention, `${at}.convention`);
    if (!prefer.length && !conv) fail(`${at}.convention`, 'what is expected when no exception is preferred');
    return {
      kind,
      reportedAs,
      prefer,
      ...(typeof x.why === 'string' ? { why: x.why } : {}),
      ...(x.equallyFitting === true ? { equallyFitting: true } : {}),
      ...(conv
        ? {
            convention: {
              error: str(conv.error, `${at}.convention.error`),
              why: str(conv.why, `${at}.convention.why`),
            },
          }
        : {}),
    };
  });
  const def = str(root.default, 'default');
  if (!kinds.some((k) => k.kind === def)) fail('default', `a kind of 'kinds' (no '${def}')`);
  return { file, exceptions, kinds, default: def };
}

let cached: ViolationFacts | undefined;

/** The project's violations overlay, read and validated once per process. */
export function violationFacts(): ViolationFacts {
  cached ??= parseViolationFacts(
    'spec/overlay/violations.json',
    JSON.parse(readFileSync(join(packageRoot(), 'spec/overlay/violations.json'), 'utf8')),
  );
  return cached;
}

/** The kind a JSON Schema keyword, wire problem kind or mutation belongs to. */
export function kindOf(keywordOrProblem: string, facts = violationFacts()): ViolationKind {
  return (
    facts.kinds.find((k) => k.kind === keywordOrProblem || k.reportedAs.includes(keywordOrProblem)) ??
    facts.kinds.find((k) => k.kind === facts.default)!
  );
}

const meaning = (e: ExceptionMeaning) => `${e.name}: "${e.meaning}" (${e.source})`;

/** The expectation for a violation: service-wide without an operation, else the first preferred
 * exception that the operation documents; where it documents none, a convention with the reason. */
export function resolveExpectation(
  keywordOrProblem: string,
  op?: Pick<Operation, 'errors'> & { name?: string },
  facts = violationFacts(),
): Expectation {
  const k = kindOf(keywordOrProblem, facts);
  const who = op?.name ?? 'the operation';
  const documented = op ? k.prefer.filter((e) => op.errors.includes(e)) : k.prefer.slice(0, 1);
  const first = documented[0];
  if (first) {
    const also = documented.slice(1);
    return {
      error: first,
      provenance: 'documented',
      source: `${op ? `${who} documents ${first}; ` : ''}${meaning(facts.exceptions[first]!)}`,
      kind: k.kind,
      ...(op && k.equallyFitting && also.length ? { alsoDocumented: also } : {}),
    };
  }
  if (k.convention)
    return { error: k.convention.error, provenance: 'convention', source: k.convention.why, kind: k.kind };
  const error = k.prefer[0]!;
  return {
    error,
    provenance: 'convention',
    source:
      `${who} documents none of ${k.prefer.join(', ')} (not among the operation's documented errors); ` +
      `by convention the service's own exception for a ${k.kind} violation: ` +
      meaning(facts.exceptions[error]!),
    kind: k.kind,
  };
}
