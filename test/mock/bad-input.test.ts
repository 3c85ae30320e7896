// Bad input never hurts the mock: a clear 4xx, an x-amzn-requestid, and the state untouched.
import { describe, expect, it } from 'vitest';
import { createMock } from '../../src/mock/index.ts';
import { getResponse } from 'msw';
import { directRequestHandler } from '../../src/mock/fast-path.ts';
import { mockHandlers } from '../../src/mock/handlers.ts';
import { MAX_BODY_BYTES } from '../../src/mock/http.ts';

const base = 'https://backup.us-east-1.amazonaws.com';

async function call(
  mock: Awaited<ReturnType<typeof createMock>>,
  method: string,
  path: string,
  body?: string,
  type = 'application/json',
) {
  const r = await mock.fetch(
    new Request(`${base}${path}`, {
      method,
      ...(body !== undefined ? { body, headers: { 'content-type': type } } : {}),
    }),
  );
  const text = await r.text();
  return {
    status: r.status,
    type: r.headers.get('x-amzn-errortype'),
    id: r.headers.get('x-amzn-requestid'),
    body: text ? JSON.parse(text) : undefined,
  };
}

describe('bad input', () => {
  it('gets a clear 4xx answer and leaves the state as it was', async () => {
    const mock = await createMock();
    const arn = mock.store.recoveryPoints()[0]!.arn;
    const cases: [string, string, string | undefined, string | undefined, number, string][] = [
      ['PUT', '/restore-jobs', '{"RecoveryPointArn":', undefined, 400, 'SerializationException'],
      ['PUT', '/restore-jobs', '[1,2]', undefined, 400, 'SerializationException'],
      [
        'PUT',
        '/restore-jobs',
        JSON.stringify({ RecoveryPointArn: arn, Metadata: {} }),
        'text/plain',
        415,
        'UnsupportedMediaTypeException',
      ],
      [
        'PUT',
        '/restore-jobs',
        JSON.stringify({ RecoveryPointArn: arn, Metadata: { k: 'x'.repeat(MAX_BODY_BYTES) } }),
        undefined,
        413,
        'RequestEntityTooLargeException',
      ],
      [
        'PUT',
        '/restore-jobs',
        JSON.stringify({ RecoveryPointArn: 42, Metadata: {} }),
        undefined,
        400,
        'InvalidParameterValueException',
      ],
      [
        'PUT',
        '/restore-jobs',
        JSON.stringify({ RecoveryPointArn: arn, Metadata: 'x' }),
        undefined,
        400,
        'InvalidParameterValueException',
      ],
      [
        'GET',
        '/restore-jobs?createdBefore=yesterday',
        undefined,
        undefined,
        400,
        'InvalidParameterValueException',
      ],
      ['GET', '/nowhere', undefined, undefined, 404, 'UnknownOperationException'],
      ['DELETE', '/restore-jobs', undefined, undefined, 405, 'MethodNotAllowedException'],
      ['POST', '/restore-jobs/abc', '{}', undefined, 405, 'MethodNotAllowedException'],
      ['FOO', '/restore-jobs', undefined, undefined, 405, 'MethodNotAllowedException'],
      ['GET', '/restore-jobs/%FF', undefined, undefined, 400, 'InvalidParameterValueException'],
      ['GET', '/restore-jobs/%E0%A4%A', undefined, undefined, 400, 'InvalidParameterValueException'],
      [
        'GET',
        `/restore-jobs/${'j'.repeat(2000)}`,
        undefined,
        undefined,
        400,
        'InvalidParameterValueException',
      ],
      [
        'GET',
        `/restore-jobs/?x=${'q'.repeat(9000)}`,
        undefined,
        undefined,
        400,
        'InvalidParameterValueException',
      ],
      [
        'PUT',
        '/restore-jobs',
        JSON.stringify({ RecoveryPointArn: arn, Metadata: {} }),
        'text/html; x=+json',
        415,
        'UnsupportedMediaTypeException',
      ],
    ];
    for (const [method, path, body, type, status, name] of cases) {
      const r = await call(mock, method, path, body, type);
      expect([r.status, r.type], `${method} ${path} ${type ?? ''}`).toEqual([status, name]);
      expect(r.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(r.body).toMatchObject({ Code: name, Type: 'User' });
      expect(typeof r.body.Message).toBe('string');
    }
    expect(mock.store.size).toBe(0);
  });

  it(
    'every way in answers a malformed label with a 4xx: ' + 'Fetch, msw handlers, the direct handler',
    async () => {
      const mock = await createMock();
      const url = `${base}/restore-jobs/%C0%AF`;
      const viaMsw = await getResponse(mockHandlers(mock, { origin: base }), new Request(url));
      const direct = await directRequestHandler(mock).handle({
        method: 'GET',
        protocol: 'https:',
        hostname: 'backup.us-east-1.amazonaws.com',
        path: '/restore-jobs/%C0%AF',
        headers: {},
      });
      for (const [status, type] of [
        [(await mock.fetch(new Request(url))).status, 'fetch'],
        [viaMsw?.status, 'msw'],
        [direct.response.statusCode, 'direct'],
      ]) {
        expect(status, String(type)).toBe(400);
      }
      expect(direct.response.headers['x-amzn-errortype']).toBe('InvalidParameterValueException');
    },
  );

  it('stores keys such as __proto__ in Metadata as plain data', async () => {
    const mock = await createMock();
    const arn = mock.store.recoveryPoints()[0]!.arn;
    const metadata = '"Metadata":{"__proto__":{"polluted":"yes"},"constructor":"c"}}';
    const body = `{"RecoveryPointArn":"${arn}",${metadata}`;
    const bad = await call(mock, 'PUT', '/restore-jobs', body);
    expect(bad.type).toBe('InvalidParameterValueException'); // a map of strings: an object value is invalid
    const ok = await call(
      mock,
      'PUT',
      '/restore-jobs',
      `{"RecoveryPointArn":"${arn}","Metadata":{"__proto__":"p","constructor":"c"}}`,
    );
    expect(ok.status).toBe(200);
    const job = mock.store.get(ok.body.RestoreJobId)!;
    expect(Object.keys(job.metadata).sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(job.metadata)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
