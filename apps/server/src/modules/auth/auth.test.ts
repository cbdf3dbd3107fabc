/**
 * Login, sessions, logout, password change, throttling and lockout, CSRF — through the real app and
 * a real PostgreSQL (SPEC §13 security).
 */
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { MeResponse, UserItem } from '@app/shared';
import { createTestContext, uniqueName, type TestClient, type TestContext } from '../../../test/harness.ts';
import { DEMO_PASSWORD } from '../../seed/demo.ts';

let t: TestContext;
let communeAdmin: TestClient; // xa.24133

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

// Every login here comes from its own address unless a test says otherwise, so the per-address
// limit on /api/auth/login (30 a minute) only bites in the test written for it.
let ipSeq = 0;
const nextIp = () => {
  ipSeq++;
  return `10.20.${Math.floor(ipSeq / 250)}.${(ipSeq % 250) + 1}`;
};

async function login(
  username: string,
  password = DEMO_PASSWORD,
  ip = nextIp(),
): Promise<{ res: LightMyRequestResponse; client: TestClient }> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });
  const client = t.client();
  for (const c of res.cookies) client.cookies.set(c.name, c.value);
  return { res, client };
}

async function loggedIn(username: string, password = DEMO_PASSWORD): Promise<TestClient> {
  const { res, client } = await login(username, password);
  expect(res.statusCode, res.body).toBe(200);
  return client;
}

/** A fresh official of Phường Buôn Ma Thuột with a known password, made by its commune admin. */
async function newOfficial(password = 'Matkhau2026'): Promise<{ user: UserItem; password: string }> {
  const res = await communeAdmin.post('/api/users', {
    username: uniqueName('hv.auth'),
    fullName: 'Nguyễn Thị Kiểm Thử',
    role: 'official',
    password,
  });
  expect(res.statusCode, res.body).toBe(201);
  return { user: res.json<{ user: UserItem }>().user, password };
}

async function sessionCount(userId: string): Promise<number> {
  const r = await t.pool.query<{ n: number }>('select count(*)::int as n from sessions where user_id = $1', [userId]);
  return r.rows[0]!.n;
}

function expectError(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json<{ statusCode: number; code: string; message: string; requestId: string }>();
  expect(body.statusCode).toBe(status);
  expect(body.code).toBe(code);
  expect(body.message).toMatch(VIETNAMESE);
  expect(body.requestId).toBe(res.headers['x-request-id']);
  return body;
}

beforeAll(async () => {
  t = await createTestContext();
  communeAdmin = await loggedIn('xa.24133');
});
afterAll(() => t.close());

describe('POST /api/auth/login and GET /api/auth/me: role and scope of each of the 7 roles', () => {
  const orgId = async (code: string) =>
    (await t.pool.query<{ id: number }>('select id from training_orgs where code = $1', [code])).rows[0]!.id;
  const unitId = async (commune: string, kind: string) =>
    (await t.pool.query<{ id: number }>('select id from units where commune_code = $1 and kind = $2 and is_default', [commune, kind]))
      .rows[0]!.id;

  const cases: { username: string; expect: () => Promise<Partial<MeResponse>>; manageable: string[] }[] = [
    {
      username: 'bonoivu',
      manageable: ['national_admin', 'province_admin', 'training_org', 'reviewer'],
      expect: async () => ({ role: 'national_admin', scope: { level: 'nation' }, scopeNames: {} }),
    },
    {
      username: 'sonoivu.66',
      manageable: ['commune_admin', 'reviewer'],
      expect: async () => ({
        role: 'province_admin',
        scope: { level: 'province', provinceCode: '66' },
        scopeNames: { provinceName: 'Tỉnh Đắk Lắk' },
      }),
    },
    {
      username: 'bantochuc.66',
      manageable: [],
      expect: async () => ({
        role: 'reviewer',
        scope: { level: 'province', provinceCode: '66' },
        scopeNames: { provinceName: 'Tỉnh Đắk Lắk' },
      }),
    },
    {
      username: 'truong.hvctqg',
      manageable: [],
      expect: async () => ({
        role: 'training_org',
        scope: { level: 'training_org', trainingOrgId: await orgId('HVCTQG') },
        scopeNames: { trainingOrgName: 'Học viện Chính trị quốc gia Hồ Chí Minh' },
      }),
    },
    {
      username: 'xa.24133',
      manageable: ['unit_head', 'official'],
      expect: async () => ({
        role: 'commune_admin',
        scope: { level: 'commune', provinceCode: '66', communeCode: '24133' },
        scopeNames: { provinceName: 'Tỉnh Đắk Lắk', communeName: 'Phường Buôn Ma Thuột' },
      }),
    },
    {
      username: 'donvi.24133.1',
      manageable: [],
      expect: async () => ({
        role: 'unit_head',
        scope: { level: 'unit', provinceCode: '66', communeCode: '24133', unitId: await unitId('24133', 'van_phong_hdnd_ubnd') },
        scopeNames: { provinceName: 'Tỉnh Đắk Lắk', communeName: 'Phường Buôn Ma Thuột', unitName: 'Văn phòng HĐND và UBND' },
      }),
    },
    {
      username: 'hocvien.24373.2',
      manageable: [],
      expect: async () => {
        // The demo roster decides the official's unit; it must be one of Xã Ea Kar's.
        const u = (
          await t.pool.query<{ id: number; name: string }>(
            "select un.id, un.name from users us join units un on un.id = us.unit_id where us.username = 'hocvien.24373.2' and un.commune_code = '24373'",
          )
        ).rows[0]!;
        return {
          role: 'official',
          scope: { level: 'self', provinceCode: '66', communeCode: '24373', unitId: u.id },
          scopeNames: { provinceName: 'Tỉnh Đắk Lắk', communeName: 'Xã Ea Kar', unitName: u.name },
        };
      },
    },
  ];

  it.each(cases)('$username', async ({ username, expect: expected, manageable }) => {
    const { res, client } = await login(username);
    expect(res.statusCode, res.body).toBe(200);
    const want = await expected();
    const fromLogin = res.json<MeResponse>();
    const me = await client.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    const body = me.json<MeResponse>();
    expect(body).toEqual(fromLogin);
    expect(body.username).toBe(username);
    expect(body.role).toBe(want.role);
    expect(body.scope).toEqual(want.scope);
    expect(body.scopeNames).toEqual(want.scopeNames);
    expect([...body.manageableRoles].sort()).toEqual([...manageable].sort());
    expect(body.mustChangePassword).toBe(false);
    expect(body.fullName.length).toBeGreaterThan(3);
    const dbUser = (await t.pool.query<{ id: string }>('select id from users where username = $1', [username])).rows[0]!;
    expect(body.id).toBe(dbUser.id);
  });

  it('accepts the username in any case and with stray spaces', async () => {
    const { res } = await login('  BoNoiVu ');
    expect(res.statusCode).toBe(200);
    expect(res.json<MeResponse>().username).toBe('bonoivu');
  });
});

describe('session cookies', () => {
  it('sets an HttpOnly SameSite sid and a script-readable csrf cookie; the token is never in the body', async () => {
    const { res } = await login('sonoivu.66');
    const sid = res.cookies.find((c) => c.name === 'sid');
    const csrf = res.cookies.find((c) => c.name === 'csrf');
    expect(sid).toBeDefined();
    expect(csrf).toBeDefined();
    expect(sid!.httpOnly).toBe(true);
    expect(sid!.sameSite).toBe('Lax');
    expect(sid!.path).toBe('/');
    expect(sid!.value.length).toBeGreaterThanOrEqual(40);
    // relative lifetime (Max-Age, counted by the browser's own clock), no absolute Expires: a pinned APP_TODAY
    // can put the app clock a day behind the real one
    expect(sid!.maxAge).toBe(t.app.deps.config.sessionHours * 3600);
    expect(sid!.expires).toBeUndefined();
    expect(csrf!.httpOnly).not.toBe(true);
    expect(csrf!.sameSite).toBe('Strict');
    expect(csrf!.value).not.toBe(sid!.value);
    expect(res.body).not.toContain(sid!.value);
    expect(res.body).not.toContain(csrf!.value);
  });

  it('stores only a hash of the session token, and the password as argon2id', async () => {
    const { res } = await login('sonoivu.66');
    const token = res.cookies.find((c) => c.name === 'sid')!.value;
    const hash = crypto.createHash('sha256').update(token).digest('hex');
    const rows = await t.pool.query<{ id: string }>('select id from sessions where id = $1 or id = $2', [hash, token]);
    expect(rows.rows.map((r) => r.id)).toEqual([hash]);
    const pw = await t.pool.query<{ password_hash: string }>("select password_hash from users where username = 'sonoivu.66'");
    expect(pw.rows[0]!.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('answers 401 UNAUTHENTICATED without a session or with a made-up one', async () => {
    expectError(await t.client().get('/api/auth/me'), 401, 'UNAUTHENTICATED');
    const forged = t.client();
    forged.cookies.set('sid', crypto.randomBytes(32).toString('base64url'));
    expectError(await forged.get('/api/auth/me'), 401, 'UNAUTHENTICATED');
    forged.cookies.set('sid', 'x'.repeat(5000));
    expectError(await forged.get('/api/auth/me'), 401, 'UNAUTHENTICATED');
  });
});

describe('failed logins', () => {
  it('wrong password → 401 INVALID_CREDENTIALS in Vietnamese, and no session', async () => {
    const { res } = await login('xa.24373', 'SaiMatKhau1');
    const body = expectError(res, 401, 'INVALID_CREDENTIALS');
    expect(body.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(res.cookies.find((c) => c.name === 'sid')).toBeUndefined();
  });

  it('unknown username → the very same 401 (no username enumeration)', async () => {
    const known = await login('xa.24373', 'SaiMatKhau1');
    const unknown = await login(uniqueName('khongco'), 'SaiMatKhau1');
    const strip = (r: LightMyRequestResponse) => {
      const { requestId: _r, ...rest } = r.json<Record<string, unknown>>();
      return rest;
    };
    expect(unknown.res.statusCode).toBe(401);
    expect(strip(unknown.res)).toEqual(strip(known.res));
  });
});

describe('lockout after 5 failures (15 minutes) and unlock by the commune admin', () => {
  it('locks on the 5th failure from any address, refuses even the right password, until unlocked', async () => {
    const { user, password } = await newOfficial();

    for (let i = 1; i <= 4; i++) {
      const { res } = await login(user.username, `SaiMatKhau${i}`);
      expectError(res, 401, 'INVALID_CREDENTIALS');
    }
    const fifth = await login(user.username, 'SaiMatKhau5');
    const locked = expectError(fifth.res, 429, 'ACCOUNT_LOCKED');
    expect(locked.message).toContain('15 phút');
    const retryAfter = Number(fifth.res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect(retryAfter).toBeGreaterThan(890);

    const right = await login(user.username, password);
    expectError(right.res, 429, 'ACCOUNT_LOCKED');
    expect(Number(right.res.headers['retry-after'])).toBeGreaterThan(0);
    expect(right.res.cookies.find((c) => c.name === 'sid')).toBeUndefined();

    // The admin sees the lock in the user list.
    const list = await communeAdmin.get(`/api/users?q=${encodeURIComponent(user.username)}`);
    const item = list.json<{ items: UserItem[] }>().items.find((u) => u.id === user.id);
    expect(item?.lockedUntil).toBeTruthy();
    expect(new Date(item!.lockedUntil!).getTime() - t.clock.now().getTime()).toBeGreaterThan(14 * 60_000);

    // An admin of another commune cannot even see the account.
    const neighbour = await loggedIn('xa.22015');
    expectError(await neighbour.post(`/api/users/${user.id}/unlock`), 404, 'NOT_FOUND');
    expectError((await login(user.username, password)).res, 429, 'ACCOUNT_LOCKED');

    const unlock = await communeAdmin.post(`/api/users/${user.id}/unlock`);
    expect(unlock.statusCode, unlock.body).toBe(200);
    expect(unlock.json()).toEqual({ ok: true });

    const after = await login(user.username, password);
    expect(after.res.statusCode, after.res.body).toBe(200);
    expect(after.res.json<MeResponse>().mustChangePassword).toBe(true);

    const audit = await communeAdmin.get(`/api/audit?action=user.unlock`);
    expect(audit.json<{ items: { entityId: string; actorUsername: string }[] }>().items).toContainEqual(
      expect.objectContaining({ entityId: user.id, actorUsername: 'xa.24133' }),
    );
  });

  it('a successful login clears earlier failures (4 failures, success, 4 more failures: still not locked)', async () => {
    const { user, password } = await newOfficial();
    for (let i = 0; i < 4; i++) expectError((await login(user.username, 'SaiMatKhau9')).res, 401, 'INVALID_CREDENTIALS');
    expect((await login(user.username, password)).res.statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expectError((await login(user.username, 'SaiMatKhau9')).res, 401, 'INVALID_CREDENTIALS');
    expect((await login(user.username, password)).res.statusCode).toBe(200);
  });
});

describe('per-address throttling of the login route', () => {
  it('answers 429 RATE_LIMITED with Retry-After after 60 attempts a minute from one address; other addresses go on', async () => {
    const ip = '203.0.113.77';
    const statuses: number[] = [];
    let last: LightMyRequestResponse | undefined;
    for (let i = 0; i < 61; i++) {
      last = (await login(uniqueName('khongco'), 'SaiMatKhau1', ip)).res;
      statuses.push(last.statusCode);
    }
    expect(statuses.slice(0, 60).every((s) => s === 401)).toBe(true);
    expect(last!.json().message).toMatch(/\d+ giây/);
    expectError(last!, 429, 'RATE_LIMITED');
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    // Even the right password is throttled from that address…
    expectError((await login('xa.24373', DEMO_PASSWORD, ip)).res, 429, 'RATE_LIMITED');
    // …but not from another one.
    expect((await login('xa.24373', DEMO_PASSWORD, '203.0.113.78')).res.statusCode).toBe(200);
  });
});

describe('logout', () => {
  it('refuses logout without the CSRF header, then logs out and kills the old cookie', async () => {
    const client = await loggedIn('hocvien.24133.2');
    const oldSid = client.cookies.get('sid')!;
    const userId = (await client.get('/api/auth/me')).json<MeResponse>().id;
    const before = await sessionCount(userId);

    client.sendCsrf = false;
    expectError(await client.post('/api/auth/logout'), 403, 'CSRF_INVALID');
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);

    client.sendCsrf = true;
    const out = await client.post('/api/auth/logout');
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json()).toEqual({ ok: true });
    const cleared = out.cookies.find((c) => c.name === 'sid');
    expect(cleared?.value).toBe('');
    expect(await sessionCount(userId)).toBe(before - 1);

    expectError(await client.get('/api/auth/me'), 401, 'UNAUTHENTICATED');
    const replay = t.client();
    replay.cookies.set('sid', oldSid);
    expectError(await replay.get('/api/auth/me'), 401, 'UNAUTHENTICATED');
  });

  it('refuses a CSRF header that does not match the cookie', async () => {
    const client = await loggedIn('hocvien.24133.3');
    client.sendCsrf = false; // send only the header given below
    expectError(await client.request('POST', '/api/auth/logout', undefined, { 'x-csrf-token': 'khong-khop' }), 403, 'CSRF_INVALID');
    expectError(await client.request('POST', '/api/auth/logout', undefined, { 'x-csrf-token': '' }), 403, 'CSRF_INVALID');
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    const right = await client.request('POST', '/api/auth/logout', undefined, { 'x-csrf-token': client.cookies.get('csrf')! });
    expect(right.statusCode).toBe(200);
  });
});

describe('POST /api/auth/change-password', () => {
  it('validates, changes the password, and signs out the user’s other sessions', async () => {
    const { user, password } = await newOfficial();
    const a = await loggedIn(user.username, password);
    const b = await loggedIn(user.username, password);
    expect(await sessionCount(user.id)).toBe(2);
    const hashBefore = (await t.pool.query<{ h: string }>('select password_hash as h from users where id = $1', [user.id])).rows[0]!.h;

    const wrongCurrent = await a.post('/api/auth/change-password', { currentPassword: 'KhongPhai123', newPassword: 'MatKhauMoi2027' });
    const wc = expectError(wrongCurrent, 400, 'VALIDATION_ERROR');
    expect(wc.message).toContain('Mật khẩu hiện tại');
    expect(wrongCurrent.json<{ fields: { field: string }[] }>().fields.map((f) => f.field)).toEqual(['currentPassword']);

    for (const weak of ['abcdefgh', '12345678', 'ab1']) {
      const res = await a.post('/api/auth/change-password', { currentPassword: password, newPassword: weak });
      const body = expectError(res, 400, 'VALIDATION_ERROR');
      expect(body.message).toContain('Mật khẩu mới');
      expect(res.json<{ fields: { field: string }[] }>().fields.map((f) => f.field)).toEqual(['newPassword']);
    }
    const same = await a.post('/api/auth/change-password', { currentPassword: password, newPassword: password });
    expect(expectError(same, 400, 'VALIDATION_ERROR').message).toContain('Mật khẩu mới');

    // Nothing changed so far.
    expect((await t.pool.query<{ h: string }>('select password_hash as h from users where id = $1', [user.id])).rows[0]!.h).toBe(
      hashBefore,
    );
    expect((await b.get('/api/auth/me')).statusCode).toBe(200);

    const ok = await a.post('/api/auth/change-password', { currentPassword: password, newPassword: 'MatKhauMoi2027' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ ok: true });

    const meA = await a.get('/api/auth/me');
    expect(meA.statusCode).toBe(200);
    expect(meA.json<MeResponse>().mustChangePassword).toBe(false);
    expectError(await b.get('/api/auth/me'), 401, 'UNAUTHENTICATED');
    expect(await sessionCount(user.id)).toBe(1);

    expectError((await login(user.username, password)).res, 401, 'INVALID_CREDENTIALS');
    expect((await login(user.username, 'MatKhauMoi2027')).res.statusCode).toBe(200);

    const row = (
      await t.pool.query<{ h: string; must: boolean }>('select password_hash as h, must_change_password as must from users where id = $1', [
        user.id,
      ])
    ).rows[0]!;
    expect(row.h).not.toBe(hashBefore);
    expect(row.h).toMatch(/^\$argon2id\$/);
    expect(row.must).toBe(false);

    const audit = await t.db.execute<{ action: string; after: unknown; before: unknown }>(
      sql`select action, before, after from audit_log where entity_id = ${user.id} and action = 'auth.change_password'`,
    );
    expect(audit.rows).toHaveLength(1);
    expect(JSON.stringify(audit.rows)).not.toMatch(/MatKhauMoi2027|Matkhau2026|argon2/);
  });

  it('needs a session and the CSRF header', async () => {
    expectError(
      await t.client().post('/api/auth/change-password', { currentPassword: 'a', newPassword: 'MatKhauMoi2027' }),
      403,
      'CSRF_INVALID',
    );
    const client = await loggedIn('hocvien.24133.4');
    client.sendCsrf = false;
    expectError(
      await client.post('/api/auth/change-password', { currentPassword: DEMO_PASSWORD, newPassword: 'MatKhauMoi2027' }),
      403,
      'CSRF_INVALID',
    );
    // With a csrf cookie and header but no session: 401.
    const anon = t.client();
    anon.cookies.set('csrf', 'abc');
    expectError(
      await anon.post('/api/auth/change-password', { currentPassword: 'a', newPassword: 'MatKhauMoi2027' }),
      401,
      'UNAUTHENTICATED',
    );
  });
});

describe('disabled accounts', () => {
  it('a user disabled by its admin is signed out at once and cannot log in until re-enabled', async () => {
    const { user, password } = await newOfficial();
    const session = await loggedIn(user.username, password);
    expect((await session.get('/api/auth/me')).statusCode).toBe(200);

    const off = await communeAdmin.patch(`/api/users/${user.id}`, { active: false, version: user.version });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json<UserItem>().active).toBe(false);

    expectError(await session.get('/api/auth/me'), 401, 'UNAUTHENTICATED');
    expect(await sessionCount(user.id)).toBe(0);

    const refused = await login(user.username, password);
    const body = expectError(refused.res, 403, 'ACCOUNT_DISABLED');
    expect(body.message).toMatch(/bị khóa/);
    expect(refused.res.cookies.find((c) => c.name === 'sid')).toBeUndefined();
    expect(await sessionCount(user.id)).toBe(0);

    const on = await communeAdmin.patch(`/api/users/${user.id}`, { active: true, version: off.json<UserItem>().version });
    expect(on.statusCode, on.body).toBe(200);
    const again = await loggedIn(user.username, password);
    expect((await again.get('/api/auth/me')).statusCode).toBe(200);

    // However an account gets deactivated (another app server, a script), its live sessions stop working.
    await t.pool.query('update users set active = false where id = $1', [user.id]);
    expect(await sessionCount(user.id)).toBe(1);
    expectError(await again.get('/api/auth/me'), 401, 'UNAUTHENTICATED');
  });
});
