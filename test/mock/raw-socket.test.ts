// Hostile input over raw sockets against the standalone server: well over 100 malformed, odd or
// oversized requests. Every answer is AWS-shaped — a 4xx (never a 5xx), `x-amzn-errortype`, a JSON body
// {Code, Message, Type, Context} and `x-amzn-requestid` — and the server answers normally after each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMock, type BackupMock } from '../../src/mock/index.ts';
import { serve, type RunningServer } from '../../src/mock/server.ts';
import { rawRequest, type RawAnswer } from './raw-client.ts';

let mock: BackupMock;
let server: RunningServer;
let port: number;
let token: string;
let arn: string;
beforeAll(async () => {
  mock = await createMock();
  server = await serve(mock, 0, '127.0.0.1', { requestTimeoutMs: 600, keepAliveTimeoutMs: 500 });
  port = Number(new URL(server.endpoint).port);
  arn = mock.store.recoveryPoints()[0]!.arn;
  for (let i = 0; i < 3; i++) mock.store.start({ RecoveryPointArn: arn, Metadata: {} });
  const listed = await rawRequest(port, [get('/restore-jobs/?maxResults=1')]);
  token = JSON.parse(listed.body).NextToken;
});
afterAll(() => server.close());

const get = (target: string, headers = 'Host: localhost\r\n', method = 'GET') =>
  `${method} ${target} HTTP/1.1\r\n${headers}\r\n`;
const put = (body: string | Buffer, headers = 'Content-Type: application/json\r\n') => [
  'PUT /restore-jobs HTTP/1.1\r\nHost: localhost\r\n' +
    `${headers}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
  body,
];
const start = () => JSON.stringify({ RecoveryPointArn: arn, Metadata: { k: 'v' } });
const flipLowBit = (s: string) => s.slice(0, -1) + String.fromCharCode(s.charCodeAt(s.length - 1) ^ 1);

// [name, bytes, the status expected (when absent: any answer below 500 — Node's parser is lenient about
// a few things, such as an HTTP/2.0 version on an HTTP/1 request line, and answers them normally)]
type Case = [string, (string | Buffer)[], number?];
function cases(): Case[] {
  const out: Case[] = [];
  const labels = [
    '%FF',
    '%ZZ',
    '%E0%A4%A',
    '%C0%AF',
    '%',
    '%%',
    '%0',
    '%u1234',
    '%ED%A0%80',
    '%F4%90%80%80',
    '%80',
    '%C3',
    '%E2%82',
    '%F0%9F%98',
    '%fe%ff',
    'a%G0',
    '%%41',
  ];
  for (const l of labels) out.push([`path label ${l}`, [get(`/restore-jobs/${l}`)], 400]);
  for (const l of ['%00', 'a%20b', '%2F', '..', 'x'.repeat(1025), '%E2%82%AC', 'a;b', 'a,b'])
    out.push([`path label ${l.slice(0, 20)}`, [get(`/restore-jobs/${l}`)]]);
  const hosts = [
    '',
    ':',
    'a:99999',
    'a:-1',
    'a:0x50',
    '[::1',
    '[zz]:80',
    'a b',
    'a@b',
    'a/b',
    '%',
    'h'.repeat(300),
    'a:80:80',
    '\u00e9vil',
    '-',
    '.',
    'a..b',
  ];
  for (const h of hosts)
    out.push([`Host ${JSON.stringify(h.slice(0, 20))}`, [get('/restore-jobs/nope', `Host: ${h}\r\n`)], 400]);
  out.push(['no Host (HTTP/1.1)', [get('/restore-jobs/nope', '')], 400]);
  out.push(['two Hosts', [get('/restore-jobs/nope', 'Host: a\r\nHost: b\r\n')], 400]);
  for (const m of [
    'TRACE',
    'FOO',
    'OPTIONS',
    'PATCH',
    'DELETE',
    'PROPFIND',
    'SEARCH',
    'PURGE',
    'LINK',
    'M-SEARCH',
    'MKCOL',
    'QUERY',
    'BREW',
    'get',
    'X'.repeat(40),
  ]) {
    out.push([`method ${m.slice(0, 12)} on a route`, [get('/restore-jobs/', 'Host: a\r\n', m)], 405]);
  }
  out.push(['CONNECT', ['CONNECT backup.us-east-1.amazonaws.com:443 HTTP/1.1\r\nHost: a\r\n\r\n'], 405]);
  out.push(['CONNECT to a path', ['CONNECT /restore-jobs HTTP/1.1\r\nHost: a\r\n\r\n'], 405]);
  out.push(['TRACE on /restore-jobs', [get('/restore-jobs', 'Host: a\r\n', 'TRACE')], 405]);
  const parser: [string, string][] = [
    [
      'bad chunk size',
      'PUT /restore-jobs HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n',
    ],
    ['Content-Length abc', 'PUT /restore-jobs HTTP/1.1\r\nHost: a\r\nContent-Length: abc\r\n\r\n{}'],
    [
      'two lengths',
      'PUT /restore-jobs HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}',
    ],
    [
      'length and chunked',
      'PUT /restore-jobs HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}',
    ],
    ['negative length', 'PUT /restore-jobs HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n'],
    ['NUL in a header', 'GET /restore-jobs/ HTTP/1.1\r\nHost: a\r\nX-A: b\u0000c\r\n\r\n'],
    ['header without colon', 'GET /restore-jobs/ HTTP/1.1\r\nHost: a\r\nnocolon\r\n\r\n'],
    ['space before colon', 'GET /restore-jobs/ HTTP/1.1\r\nHost : a\r\n\r\n'],
    ['bad header name', 'GET /restore-jobs/ HTTP/1.1\r\nHost: a\r\nX(A): b\r\n\r\n'],
    ['CR alone in a value', 'GET /restore-jobs/ HTTP/1.1\r\nHost: a\r\nX-A: b\rc\r\n\r\n'],
    ['obs-fold', 'GET /restore-jobs/ HTTP/1.1\r\nHost: a\r\nX-A: b\r\n c\r\n\r\n'],
    ['HTTP/2.0 line', 'GET /restore-jobs/ HTTP/2.0\r\nHost: a\r\n\r\n'],
    ['HTTP/9.9', 'GET /restore-jobs/ HTTP/9.9\r\nHost: a\r\n\r\n'],
    ['no version', 'GET /restore-jobs/\r\nHost: a\r\n\r\n'],
    ['junk request line', 'hello there\r\n\r\n'],
    ['HTTP/2 preface', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'],
    ['spaces in target', 'GET /restore jobs/ x HTTP/1.1\r\nHost: a\r\n\r\n'],
    ['unknown transfer coding', 'PUT /restore-jobs HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n{}'],
    [
      'chunk extension junk',
      'PUT /restore-jobs HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n' +
        '2;\u0001\r\n{}\r\n0\r\n\r\n',
    ],
    ['tab in method', 'G\tET /restore-jobs/ HTTP/1.1\r\nHost: a\r\n\r\n'],
  ];
  for (const [name, raw] of parser) out.push([name, [raw]]);
  out.push(['binary garbage', [Buffer.from([0, 1, 2, 255, 254, 13, 10, 13, 10])]]);
  out.push(['TLS ClientHello', [Buffer.from('160301002a0100002603035b', 'hex'), Buffer.alloc(40, 7)]]);
  out.push([
    'headers over 16 KiB',
    [get('/restore-jobs/', `Host: a\r\nX-Big: ${'b'.repeat(20_000)}\r\n`)],
    431,
  ]);
  out.push(['a 100 KB URL', [get(`/restore-jobs/?x=${'u'.repeat(100_000)}`)], 431]);
  out.push([
    'many headers',
    [get('/restore-jobs/', `Host: a\r\n${Array.from({ length: 3000 }, (_, i) => `X-${i}: v\r\n`).join('')}`)],
    431,
  ]);
  out.push(['query over the limit', [get(`/restore-jobs/?maxResults=1&x=${'q'.repeat(9000)}`)], 400]);
  out.push(['label over the limit', [get(`/restore-jobs/${'j'.repeat(2000)}`)], 400]);
  const types = [
    'text/html; x=+json',
    'text/plain',
    'application/jsonx',
    'application/json-seq',
    'xapplication/json',
    'text/html;+json',
    'application/x-amz-json-1.2',
    'multipart/form-data; boundary=x',
  ];
  for (const t of types) out.push([`Content-Type ${t}`, put(start(), `Content-Type: ${t}\r\n`), 415]);
  const bodies: [string, string, number][] = [
    ['not JSON', '{"RecoveryPointArn":', 400],
    ['an array', '[1,2]', 400],
    ['a string', '"x"', 400],
    ['null', 'null', 400],
    ['deep nesting', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 400],
    ['Metadata a list', JSON.stringify({ RecoveryPointArn: arn, Metadata: ['a'] }), 400],
    ['a number ARN', JSON.stringify({ RecoveryPointArn: 1, Metadata: {} }), 400],
    ['invalid UTF-8', '{"RecoveryPointArn":"\udc00"}', 400],
    ['BOM first', `\ufeff${start()}`, 400],
    ['Metadata value an object', JSON.stringify({ RecoveryPointArn: arn, Metadata: { a: {} } }), 400],
  ];
  for (const [name, body, status] of bodies) out.push([`body ${name}`, put(body), status]);
  out.push(['body with invalid UTF-8 bytes', put(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])), 400]);
  out.push([
    'declared body over 1 MiB',
    [
      'PUT /restore-jobs HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n' +
        `Content-Length: ${2 ** 21}\r\n\r\n{`,
    ],
    413,
  ]);
  out.push([
    'chunked body over 1 MiB',
    [
      'PUT /restore-jobs HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n' +
        'Transfer-Encoding: chunked\r\n\r\n',
      `100000\r\n${'x'.repeat(2 ** 20)}\r\n`,
      `10\r\n${'x'.repeat(16)}\r\n0\r\n\r\n`,
    ],
    413,
  ]);
  out.push([
    'body cut short (timeout)',
    [
      'PUT /restore-jobs HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n' +
        'Content-Length: 100\r\n\r\n{"a"',
    ],
    408,
  ]);
  out.push(['headers cut short (timeout)', ['GET /restore-jobs/ HTTP/1.1\r\nHost: a\r\nX-'], 408]);
  out.push(['nothing sent (timeout)', [''], 408]);
  for (const q of [
    'maxResults=abc',
    'maxResults=0',
    'maxResults=1001',
    'maxResults=-1',
    'maxResults=1e3',
    'createdBefore=yesterday',
    'createdAfter=%ZZ',
    'status=DONE',
    'accountId=12',
    'resourceType=%00',
    'nextToken=',
    'nextToken=%FF%FE',
    'completeBefore=2026-13-45T00:00:00Z',
    'maxResults=99999999999999999999',
  ]) {
    out.push([`query ${q}`, [get(`/restore-jobs/?${q}`)], 400]);
  }
  const tampered = [
    `${token}.junk`,
    `${token}..`,
    `${token}!!`,
    `${token}=`,
    flipLowBit(token),
    token.slice(0, -1),
    `${token}A`,
    `A${token}`,
    token.replace('.', '..'),
    token.replace('.', ''),
    `${token.split('.')[0]}.`,
    `.${token.split('.')[1]}`,
    token.toUpperCase(),
    `${token} `,
  ];
  for (const t of tampered)
    out.push([
      `token ${t.slice(-8)}`,
      [get(`/restore-jobs/?maxResults=1&nextToken=${encodeURIComponent(t)}`)],
      400,
    ]);
  const targets = [
    '*',
    'http://evil.example/restore-jobs/nope',
    'http://a:99999/restore-jobs/nope',
    'ftp://a/restore-jobs/',
    '//restore-jobs/nope',
    '/restore-jobs/../nowhere',
    'restore-jobs/',
    '/\\restore-jobs',
    '/restore-jobs/nope#frag',
    '/restore-jobs/nope?',
    '/%2e%2e/x',
  ];
  for (const t of targets) out.push([`target ${t}`, [get(t, 'Host: a\r\n', t === '*' ? 'OPTIONS' : 'GET')]]);
  out.push([
    'Expect 100-continue on a bad body',
    [
      'PUT /restore-jobs HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\n' +
        'Content-Type: application/json\r\nContent-Length: 2\r\n\r\n',
      '[]',
    ],
    400,
  ]);
  out.push([
    'Upgrade: websocket on a bad label',
    [get('/restore-jobs/%FF', 'Host: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n')],
    400,
  ]);
  // (every operation of the model is served: a route none has)
  out.push(['unknown operation', [get('/no-such-collection/', 'Host: a\r\n')], 404]);
  return out;
}

const problems = (a: RawAnswer): string[] => {
  const p: string[] = [];
  if (a.status === undefined)
    return [`no answer (closed: ${a.closed}; got ${JSON.stringify(a.body.slice(0, 80))})`];
  if (a.status >= 500) p.push(`a ${a.status}`);
  if (!/^[0-9a-f-]{36}$/.test(a.headers['x-amzn-requestid'] ?? '')) p.push('no x-amzn-requestid');
  if (a.status >= 400) {
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(a.body);
    } catch {
      p.push('a body that is not JSON');
    }
    const name = a.headers['x-amzn-errortype'];
    if (!name) p.push('no x-amzn-errortype');
    if (
      body.Code !== name ||
      typeof body.Message !== 'string' ||
      body.Type !== 'User' ||
      typeof body.Context !== 'string'
    )
      p.push(`a body that is not {Code, Message, Type, Context}: ${a.body.slice(0, 120)}`);
    if (!a.headers['content-type']?.startsWith('application/json')) p.push('no JSON content type');
  }
  return p;
};

describe('raw sockets against the standalone server', () => {
  it('answers every hostile request AWS-shaped, with no 5xx, and stays up after each', {
    timeout: 120_000,
  }, async () => {
    const all = cases();
    expect(all.length).toBeGreaterThanOrEqual(100);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (const [name, chunks, want] of all) {
      const a = await rawRequest(port, chunks);
      const p = problems(a);
      if (want !== undefined && a.status !== want) p.push(`status ${a.status}, expected ${want}`);
      statuses.set(a.status ?? 0, (statuses.get(a.status ?? 0) ?? 0) + 1);
      const up = await rawRequest(port, [get('/restore-jobs/?maxResults=1')]);
      if (up.status !== 200) p.push(`the server did not answer a listing afterwards (${up.status})`);
      if (p.length) failures.push(`${name}: ${p.join('; ')}`);
    }
    expect(failures).toEqual([]);
    expect(statuses.get(0)).toBeUndefined();
    expect(mock.store.size).toBe(3); // no hostile request started a job
  });

  it(
    'closes trickling connections at the configured request timeout, ' + 'and serves others meanwhile',
    async () => {
      const trickle = Array.from({ length: 5 }, () =>
        rawRequest(port, [...`GET /restore-jobs/ HTTP/1.1\r\nHost: a\r\nX-Slow: ${'z'.repeat(200)}`], {
          gapMs: 50,
          waitMs: 10_000,
        }),
      );
      const normal = await rawRequest(port, [get('/restore-jobs/?maxResults=1')]);
      expect(normal.status).toBe(200);
      for (const a of await Promise.all(trickle)) {
        expect(a.status).toBe(408);
        expect(a.closed).toBe(true);
        expect(a.headers['x-amzn-errortype']).toBe('RequestTimeoutException');
        // closed at the timeout (600 ms), checked every 150 ms — not after the 12 s the trickle would take
        expect(a.ms).toBeLessThan(3000);
      }
    },
  );
});
