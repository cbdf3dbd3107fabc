/**
 * Bad input always gets a clear Vietnamese error naming the field, never a 500 or a stack trace
 * (SPEC §13); one error body shape; security headers; the OpenAPI document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { ERROR_CODES, FIELD_LABELS } from '@app/shared';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness.ts';
import { AppError, labelOf, postgresErrorCode, toErrorBody } from './errors.ts';
import { findNulCharacter } from './context.ts';

let t: TestContext;
let admin: TestClient; // bonoivu
let commune: TestClient; // xa.24133
let someUserId: string;

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
/** What a leaked stack trace or raw error looks like. */
const LEAK = /\bat [\w.<>]+ \(|\bat .+:\d+:\d+|Error:|node_modules|\.ts:\d+|DrizzleQueryError|Failed query|select .* from /i;

/** Every response this file receives, checked at the end for leaks. */
const seen: { label: string; res: LightMyRequestResponse }[] = [];
const track = (label: string, res: LightMyRequestResponse) => {
  seen.push({ label, res });
  return res;
};

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  fields?: { field: string; message: string }[];
  requestId: string;
}

/** The one error shape: {statusCode, code, message, fields?, requestId}, JSON, Vietnamese, no extras. */
function expectErrorShape(res: LightMyRequestResponse, status: number, code: string): ErrorBody {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json<ErrorBody>();
  expect(Object.keys(body).sort()).toEqual(
    body.fields ? ['code', 'fields', 'message', 'requestId', 'statusCode'] : ['code', 'message', 'requestId', 'statusCode'],
  );
  expect(body.statusCode).toBe(status);
  expect(body.code).toBe(code);
  expect(ERROR_CODES).toContain(body.code);
  expect(body.message).toMatch(VIETNAMESE);
  expect(body.requestId).toBe(res.headers['x-request-id']);
  expect(res.body).not.toMatch(LEAK);
  return body;
}

beforeAll(async () => {
  t = await createTestContext();
  [admin, commune] = await Promise.all([t.loginAs('bonoivu'), t.loginAs('xa.24133')]);
  someUserId = (await t.pool.query<{ id: string }>("select id from users where username = 'hocvien.24133.1'")).rows[0]!.id;
});
afterAll(() => t.close());

describe('malformed and oversized bodies', () => {
  it('malformed JSON → 400 INVALID_JSON in Vietnamese', async () => {
    for (const body of ['{"username":', '{username: "a"}', "{'a':1}", '{"a":1,}', 'nul']) {
      const res = track('bad json', await t.client().post('/api/auth/login', body));
      expect(expectErrorShape(res, 400, 'INVALID_JSON').message).toMatch(/JSON/);
    }
    // Same on an authenticated route.
    const res = track('bad json patch', await commune.patch(`/api/users/${someUserId}`, '{"fullName": "A'));
    expectErrorShape(res, 400, 'INVALID_JSON');
  });

  it('an empty JSON body → 400 INVALID_JSON', async () => {
    const res = track('empty', await t.client().post('/api/auth/login', ''));
    expect(expectErrorShape(res, 400, 'INVALID_JSON').message).toMatch(/trống/);
  });

  it('a body over 1 MB → 413 PAYLOAD_TOO_LARGE, before anything is done with it', async () => {
    const big = JSON.stringify({ username: 'bonoivu', password: 'x'.repeat(1024 * 1024) });
    const res = track('big', await t.client().post('/api/auth/login', big));
    expectErrorShape(res, 413, 'PAYLOAD_TOO_LARGE');
    const rows = await t.pool.query("select 1 from login_attempts where username = 'bonoivu'");
    expect(rows.rowCount).toBe(0);
    // Just under the limit is parsed (and then refused for being too long a password).
    const under = JSON.stringify({ username: 'bonoivu', password: 'x'.repeat(1024 * 1024 - 100) });
    const ok = track('under', await t.client().post('/api/auth/login', under));
    expect(ok.statusCode).toBe(400);
    expect(ok.json<ErrorBody>().fields?.map((f) => f.field)).toEqual(['password']);
  });

  it('text/plain → 4xx (not 500); other media types → 415', async () => {
    const plain = track(
      'text',
      await t.client().post('/api/auth/login', 'username=bonoivu&password=Demo@2026', { 'content-type': 'text/plain' }),
    );
    expect([400, 415]).toContain(plain.statusCode);
    expectErrorShape(plain, plain.statusCode, plain.statusCode === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'VALIDATION_ERROR');
    // JSON sent as text/plain (what a cross-site form can do) does not log anyone in.
    const disguised = track(
      'disguised',
      await t.client().post('/api/auth/login', '{"username":"bonoivu","password":"Demo@2026"}', { 'content-type': 'text/plain' }),
    );
    expect(disguised.statusCode).toBeGreaterThanOrEqual(400);
    expect(disguised.cookies.find((c) => c.name === 'sid')).toBeUndefined();

    for (const type of ['application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = track(type, await t.client().post('/api/auth/login', 'a=b', { 'content-type': type }));
      expectErrorShape(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
    }
  });

  it('a JSON value that is not an object → 400 naming the body', async () => {
    for (const body of ['[1,2]', '"chuoi"', '42', 'null']) {
      const res = track('not object', await t.client().post('/api/auth/login', body));
      expect(res.statusCode).toBe(400);
      expect(['VALIDATION_ERROR', 'INVALID_JSON']).toContain(res.json<ErrorBody>().code);
      expectErrorShape(res, 400, res.json<ErrorBody>().code);
    }
  });
});

describe('unknown routes', () => {
  it('an unknown /api route → 404 JSON NOT_FOUND (GET and POST)', async () => {
    expectErrorShape(track('404 get', await admin.get('/api/khong-co')), 404, 'NOT_FOUND');
    expectErrorShape(track('404 post', await admin.post('/api/khong-co', { a: 1 })), 404, 'NOT_FOUND');
    expectErrorShape(track('404 nested', await admin.get('/api/users/abc/def/ghi')), 404, 'NOT_FOUND');
    expectErrorShape(track('404 method', await admin.request('DELETE', '/api/users')), 404, 'NOT_FOUND');
  });
});

describe('validation errors name the field in Vietnamese', () => {
  it('login without a username names "Tên đăng nhập"', async () => {
    const res = track('login empty', await t.client().post('/api/auth/login', { username: '', password: 'x' }));
    const body = expectErrorShape(res, 400, 'VALIDATION_ERROR');
    expect(body.message).toContain('Tên đăng nhập');
    expect(body.fields).toEqual([{ field: 'username', message: expect.stringContaining('Tên đăng nhập') }]);
  });

  it('several wrong fields → one message listing each', async () => {
    const res = track('login missing', await t.client().post('/api/auth/login', { username: 42 }));
    const body = expectErrorShape(res, 400, 'VALIDATION_ERROR');
    expect(body.fields?.map((f) => f.field).sort()).toEqual(['password', 'username']);
    expect(body.message).toContain('Tên đăng nhập');
    expect(body.message).toContain('Mật khẩu');
    expect(body.message).toMatch(/2 lỗi/);
  });

  it('unknown codes and values → 4xx naming the field', async () => {
    const cases: [string, () => Promise<LightMyRequestResponse>, number, string][] = [
      ['role', () => admin.post('/api/users', { username: 'abc.def', fullName: 'A B', role: 'hoang_de' }), 400, 'role'],
      [
        'provinceCode',
        () => admin.post('/api/users', { username: 'abc.def', fullName: 'A B', role: 'province_admin', provinceCode: '7' }),
        400,
        'provinceCode',
      ],
      [
        'unknown province',
        () => admin.post('/api/users', { username: 'abc.def', fullName: 'A B', role: 'province_admin', provinceCode: '98' }),
        400,
        'provinceCode',
      ],
      ['regionType', () => admin.patch('/api/units/communes/24133', { regionType: 'vung_cao', version: 1 }), 400, 'regionType'],
      ['bloc', () => admin.post('/api/units/communes/24133/units', { name: 'Tổ mới', bloc: 'quan_doi' }), 400, 'bloc'],
      ['commune code', () => admin.get('/api/units/communes/1'), 400, 'code'],
      ['unit id', () => admin.patch('/api/units/units/abc', { version: 1 }), 400, 'id'],
      ['page', () => admin.get('/api/users?page=mot'), 400, 'page'],
    ];
    for (const [label, call, status, field] of cases) {
      const res = track(label, await call());
      const body = expectErrorShape(res, status, 'VALIDATION_ERROR');
      expect({ label, fields: body.fields?.map((f) => f.field) }).toEqual({ label, fields: [field] });
      const name = FIELD_LABELS[field];
      if (name) expect(body.message).toContain(name);
    }
  });

  it('values only the database would notice are refused first, naming the field (no 500)', async () => {
    const cases: [string, () => Promise<LightMyRequestResponse>, string][] = [
      ['NUL in username', () => t.client().post('/api/auth/login', { username: 'bo\u0000noivu', password: 'x' }), 'username'],
      ['NUL in a search', () => admin.get('/api/users?q=a%00b'), 'q'],
      ['NUL in a name', () => commune.patch(`/api/users/${someUserId}`, { fullName: 'A\u0000B', version: 1 }), 'fullName'],
      ['impossible date', () => admin.get('/api/audit?from=2026-02-30'), 'from'],
      ['month 13', () => admin.get('/api/audit?to=2026-13-01'), 'to'],
      ['version beyond int4', () => admin.patch('/api/units/communes/24133', { regionType: 'do_thi', version: 99_999_999_999 }), 'version'],
      [
        'unit id beyond int4',
        () => commune.post('/api/users', { username: 'abc.def', fullName: 'A B', role: 'official', unitId: 3_000_000_000 }),
        'unitId',
      ],
      ['path id beyond int4', () => admin.patch('/api/units/units/99999999999', { version: 1 }), 'id'],
      ['not an integer', () => admin.patch('/api/units/communes/24133', { regionType: 'do_thi', version: 1.5 }), 'version'],
    ];
    for (const [label, call, field] of cases) {
      const res = track(label, await call());
      const body = expectErrorShape(res, 400, 'VALIDATION_ERROR');
      expect({ label, fields: body.fields?.map((f) => f.field) }).toEqual({ label, fields: [field] });
    }
  });

  it('a malformed user id → 404 like any missing record', async () => {
    for (const id of ['-'.repeat(36), 'x'.repeat(64), '00000000-0000-0000-0000-00000000000z']) {
      expectErrorShape(track('bad uuid', await commune.patch(`/api/users/${id}`, { fullName: 'A B', version: 1 })), 404, 'NOT_FOUND');
    }
  });
});

describe('no stack traces, anywhere', () => {
  it('a sweep of hostile requests never gets a 500 or a raw error', async () => {
    const hostile: [string, () => Promise<LightMyRequestResponse>][] = [
      ['deep json', () => t.client().post('/api/auth/login', '['.repeat(5000) + ']'.repeat(5000))],
      [
        'proto pollution',
        () => admin.post('/api/users', '{"__proto__":{"role":"national_admin"},"username":"abc.xyz","fullName":"A B","role":"official"}'),
      ],
      ['huge number', () => admin.get('/api/users?page=1e400')],
      ['long query', () => admin.get(`/api/users?q=${'a'.repeat(5000)}`)],
      ['percent in search', () => admin.get('/api/users?q=%25_%5C')],
      ['bad percent-encoding', () => admin.get('/api/users?q=%E0%A4%A')],
      ['array for string', () => admin.get('/api/users?q=a&q=b')],
      ['sql-ish', () => admin.get("/api/units/provinces/66/communes?q=' or 1=1 --")],
      ['emoji', () => admin.get('/api/units/provinces/66/communes?q=%F0%9F%98%80')],
      ['bad cookie', () => admin.request('GET', '/api/auth/me', undefined, { cookie: 'sid=%%%; csrf=' })],
      ['huge version', () => admin.patch('/api/training-orgs/1', { version: Number.MAX_SAFE_INTEGER })],
      ['negative page', () => admin.get('/api/audit?page=-1')],
      ['unicode escapes', () => t.client().post('/api/auth/login', '{"username":"\\ud800","password":"x"}')],
    ];
    for (const [label, call] of hostile) {
      const res = track(label, await call());
      expect({ label, status: res.statusCode < 500 }).toEqual({ label, status: true });
      if (res.statusCode >= 400) expectErrorShape(res, res.statusCode, res.json<ErrorBody>().code);
    }
  });

  it('no response seen in this file carries a stack frame or a raw error', () => {
    expect(seen.length).toBeGreaterThan(40);
    for (const { label, res } of seen) {
      expect({ label, leak: LEAK.test(res.body) }).toEqual({ label, leak: false });
      expect({ label, status: res.statusCode < 500 }).toEqual({ label, status: true });
    }
  });
});

describe('the error mapping itself (unit)', () => {
  it('turns PostgreSQL data errors into 400 and duplicates into 409, also when wrapped by Drizzle', () => {
    const pgError = (code: string) => Object.assign(new Error('boom'), { code, severity: 'ERROR' });
    const wrapped = (code: string) => Object.assign(new Error('Failed query: select 1'), { cause: pgError(code) });
    expect(postgresErrorCode(wrapped('22P02'))).toBe('22P02');
    expect(postgresErrorCode(new Error('x'))).toBeUndefined();
    expect(postgresErrorCode(Object.assign(new Error('x'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE' }))).toBeUndefined();
    expect(toErrorBody(wrapped('22003'), 'r1')).toMatchObject({ status: 400, body: { code: 'VALIDATION_ERROR', requestId: 'r1' } });
    expect(toErrorBody(pgError('22021'), 'r1').status).toBe(400);
    expect(toErrorBody(wrapped('23505'), 'r1')).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
    // Anything else from the database is a server fault: 500 with a generic message and nothing raw.
    const other = toErrorBody(wrapped('42P01'), 'r1');
    expect(other.status).toBe(500);
    expect(JSON.stringify(other.body)).not.toMatch(/Failed query|boom/);
    expect(toErrorBody(new TypeError('x is undefined'), 'r2')).toMatchObject({ status: 500, body: { code: 'INTERNAL' } });
  });

  it('keeps AppError status, code, fields and headers', () => {
    const err = new AppError(429, 'ACCOUNT_LOCKED', 'Tài khoản tạm khóa', undefined, { 'retry-after': '60' });
    expect(toErrorBody(err, 'r')).toEqual({
      status: 429,
      body: { statusCode: 429, code: 'ACCOUNT_LOCKED', message: 'Tài khoản tạm khóa', fields: undefined, requestId: 'r' },
      headers: { 'retry-after': '60' },
    });
  });

  it('labels fields in Vietnamese (the path stays in fields[].field)', () => {
    expect(labelOf('username')).toBe('Tên đăng nhập');
    expect(labelOf('items.3.unitId')).toBe('Đơn vị');
    expect(labelOf('khongco')).toBe('khongco');
    expect(labelOf('')).toBe('Dữ liệu gửi lên');
  });

  it('finds NUL characters in nested JSON and query objects only', () => {
    expect(findNulCharacter({ a: 'ok', b: [{ c: 'x\u0000' }] })).toBe('b.0.c');
    expect(findNulCharacter('\u0000')).toBe('');
    expect(findNulCharacter({ a: 'ok', n: 1, z: null })).toBeNull();
    const queryLike = Object.create(Object.create(null)) as Record<string, string>;
    queryLike.q = 'a\u0000';
    expect(findNulCharacter(queryLike)).toBe('q');
    // Non-plain objects (buffers, streams) are not walked.
    expect(findNulCharacter({ file: Buffer.from([0, 0]) })).toBeNull();
  });
});

describe('security headers', () => {
  const check = (res: LightMyRequestResponse) => {
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['x-frame-options']).toBeTruthy();
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-request-id']).toBeTruthy();
    expect(res.headers['x-powered-by']).toBeUndefined();
  };

  it('are on API responses, successful or not, and on /api/health', async () => {
    check(track('me', await admin.get('/api/auth/me')));
    check(track('me anon', await t.client().get('/api/auth/me')));
    check(track('404', await t.client().get('/api/khong-co')));
    check(track('health', await t.client().get('/api/health')));
    check(track('bad json', await t.client().post('/api/auth/login', '{')));
  });

  it('echoes a well-formed x-request-id and replaces a malformed one', async () => {
    const ok = await t.client().request('GET', '/api/health', undefined, { 'x-request-id': 'abc-12345678' });
    expect(ok.headers['x-request-id']).toBe('abc-12345678');
    const bad = await t.client().request('GET', '/api/khong-co', undefined, { 'x-request-id': '<script>' });
    expect(bad.headers['x-request-id']).not.toBe('<script>');
    expect(bad.json<ErrorBody>().requestId).toBe(bad.headers['x-request-id']);
  });
});

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3 document of the API, with the login path and its schema', async () => {
    const res = await t.client().get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; info: { title: string }; paths: Record<string, Record<string, { requestBody?: unknown }>> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toMatch(VIETNAMESE);
    expect(doc.paths['/api/auth/login']?.post).toBeDefined();
    expect(JSON.stringify(doc.paths['/api/auth/login']!.post!.requestBody)).toContain('username');
    for (const p of ['/api/users', '/api/audit', '/api/units/provinces', '/api/units/communes/{code}', '/api/training-orgs']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });
});
