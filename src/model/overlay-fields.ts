// Reading the fields of an overlay document: each reader answers the value or throws an OverlayError
// that names the file, the field and what was expected. One set of readers for every overlay parser.
import { OverlayError } from './overlay.ts';

export const AWS_PAGE = /^https:\/\/docs\.aws\.amazon\.com\//;

export interface FieldReader {
  fail(field: string, expected: string): never;
  /** an object */
  rec(v: unknown, at: string): Record<string, unknown>;
  /** a non-empty string */
  str(v: unknown, at: string): string;
  /** an array of non-empty strings, non-empty unless `empty` */
  strs(v: unknown, at: string, empty?: boolean): string[];
  /** an https://docs.aws.amazon.com/ page */
  page(v: unknown, at: string): string;
}

export function fieldReader(file: string): FieldReader {
  const fail = (field: string, expected: string): never => {
    throw new OverlayError(file, field, expected);
  };
  return {
    fail,
    rec: (v, at) =>
      typeof v === 'object' && v !== null && !Array.isArray(v)
        ? (v as Record<string, unknown>)
        : fail(at, 'an object'),
    str: (v, at) => (typeof v === 'string' && v !== '' ? v : fail(at, 'a non-empty string')),
    strs: (v, at, empty = false) =>
      Array.isArray(v) && (empty || v.length) && v.every((x) => typeof x === 'string' && x)
        ? (v as string[])
        : fail(at, `${empty ? 'an' : 'a non-empty'} array of non-empty strings`),
    page: (v, at) =>
      typeof v === 'string' && AWS_PAGE.test(v)
        ? v
        : fail(at, 'the https://docs.aws.amazon.com/ page that states the fact'),
  };
}
