import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/docs/page.ts';
import { DocParseError } from '../../src/docs/types.ts';

const rst = readFileSync(
  join(import.meta.dirname, '../../spec/docs/rst/client/start_restore_job.rst'),
  'utf8',
);
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

function error(text: string): DocParseError {
  try {
    parsePage('page.rst', text);
  } catch (e) {
    expect(e).toBeInstanceOf(DocParseError);
    return e as DocParseError;
  }
  throw new Error('expected a DocParseError');
}

describe('pages that cannot be parsed fail with the file, the line and what was expected', () => {
  it('an unknown type', () => {
    const text = rst.replace(':type IamRoleArn: string', ':type IamRoleArn: strang');
    const e = error(text);
    expect(e.ref).toEqual({ file: 'page.rst', line: lineOf(text, ':param IamRoleArn:') });
    expect(e.message).toMatch(/expected a type \(one of string, .*\), found "strang"/);
  });

  it('a bracket closed by the wrong kind', () => {
    const text = rst.replace(
      "            'string': 'string'\n        },",
      "            'string': 'string'\n        ],",
    );
    const e = error(text);
    expect(e.message).toMatch(/^page\.rst:\d+: expected/);
    expect(e.ref.line).toBe(lineOf(text, '        ],'));
  });

  it('an unknown literal in a syntax block', () => {
    const text = rst.replace("IamRoleArn='string',", 'IamRoleArn=whatever,');
    expect(error(text).ref.line).toBe(lineOf(text, 'IamRoleArn=whatever'));
  });

  it('an RST syntax block that never closes', () => {
    const text = rst.replace(
      '        CopySourceTagsToRestoredResource=True|False\n    )',
      '        CopySourceTagsToRestoredResource=True|False\n',
    );
    expect(error(text).message).toMatch(/a complete Request Syntax block/);
  });

  it('a documented parameter the syntax block does not show', () => {
    const text = rst.replace("        IamRoleArn='string',\n", '');
    const e = error(text);
    expect(e.message).toMatch(/'IamRoleArn'/);
    expect(e.ref.line).toBe(lineOf(text, ':param IamRoleArn:'));
  });

  it('an operation page without a Request Syntax section', () => {
    expect(error(rst.replace('**Request Syntax**', '**Syntax**')).message).toMatch(
      /a Request Syntax section/,
    );
  });

  it('a file that is not a reference page', () => {
    expect(error('hello\nworld\n').message).toMatch(/^page\.rst:1: expected a boto3 reference page title/);
  });
});
