/** Bulk login accounts for officials: usernames, one-time passwords in an .xlsx, skip existing, scope. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeResponse, OfficialListItem } from '@app/shared';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { readWorkbook, rosterXlsx, sheetRows, upload } from './test-support.ts';

let t: TestContext;
let admin: TestClient; // xa.24133
let unitHead: TestClient;
let reviewer: TestClient;
let twins: OfficialListItem[];
let linked: string; // official of hocvien.24133.1 (already has an account)
let others: OfficialListItem[]; // officials of 24133 without an account

const ACCOUNTS = '/api/officials/accounts';

async function officials(client: TestClient, query: string): Promise<OfficialListItem[]> {
  const res = await client.get(`/api/officials?pageSize=500&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: OfficialListItem[] }>().items;
}

async function accountsSheet(body: Buffer) {
  const wb = await readWorkbook(body);
  const [header, ...rows] = sheetRows(wb.getWorksheet('Tài khoản')!) as unknown[][];
  return { header: header as string[], rows: rows as (string | number)[][] };
}

beforeAll(async () => {
  t = await createTestContext();
  [admin, unitHead, reviewer] = await Promise.all([t.loginAs('xa.24133'), t.loginAs('donvi.24133.1'), t.loginAs('bantochuc.66')]);
  // Two people with the same name: their usernames must differ.
  const imported = await upload(
    t,
    admin,
    '/api/officials/import?commune=24133',
    await rosterXlsx([
      { fullName: 'Quách Văn Sinh', birthDate: '01/02/1990', cccd: '001090000001' },
      { fullName: 'Quách Văn Sinh', birthDate: '03/04/1992', cccd: '001092000002' },
    ]),
  );
  expect(imported.statusCode, imported.body).toBe(200);
  twins = await officials(admin, 'commune=24133&q=quach%20van%20sinh');
  linked = (await t.pool.query<{ official_id: string }>(`select official_id from users where username = 'hocvien.24133.1'`)).rows[0]!
    .official_id;
  const withAccount = new Set(
    (await t.pool.query<{ official_id: string }>('select official_id from users where official_id is not null')).rows.map(
      (r) => r.official_id,
    ),
  );
  others = (await officials(admin, 'commune=24133')).filter((o) => !withAccount.has(o.id) && !o.fullName.startsWith('Quách'));
});
afterAll(() => t.close());

describe('bulk accounts for officials', () => {
  let created: { fullName: string; username: string; password: string }[];

  it('creates accounts, skips people who have one, and answers an .xlsx of one-time passwords', async () => {
    const ids = [twins[0]!.id, twins[1]!.id, others[0]!.id, linked];
    const res = await admin.post(ACCOUNTS, { officialIds: ids });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['x-accounts-created']).toBe('3');
    expect(res.headers['x-accounts-skipped']).toBe('1');
    const { header, rows } = await accountsSheet(res.rawPayload);
    expect(header).toEqual(['STT', 'Họ và tên', 'Tên đăng nhập', 'Mật khẩu dùng một lần', 'Ghi chú']);
    expect(rows).toHaveLength(4);
    const skipped = rows.filter((r) => !r[3]);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]![2]).toBe('hocvien.24133.1');
    expect(String(skipped[0]![4])).toContain('Đã có tài khoản');
    created = rows.filter((r) => r[3]).map((r) => ({ fullName: String(r[1]), username: String(r[2]), password: String(r[3]) }));
    expect(created).toHaveLength(3);
    for (const c of created) {
      expect(c.username).toMatch(/^[a-z0-9]+\.24133$/);
      expect(c.password).toMatch(/^[A-Za-z0-9]{10}$/);
    }
    expect(
      created
        .filter((c) => c.fullName === 'Quách Văn Sinh')
        .map((c) => c.username)
        .sort(),
    ).toEqual(['sinhqv.24133', 'sinhqv2.24133']);

    const users = await t.pool.query(
      `select username, role, official_id, commune_code, must_change_password, password_hash from users where username = any($1)`,
      [created.map((c) => c.username)],
    );
    expect(users.rows).toHaveLength(3);
    for (const u of users.rows) {
      expect(u).toMatchObject({ role: 'official', commune_code: '24133', must_change_password: true });
      expect(u.password_hash).toMatch(/^\$otp\$sha256\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
      expect(ids).toContain(u.official_id);
    }
    const audit = await t.pool.query(
      `select after from audit_log where action = 'user.create' and actor_username = 'xa.24133' and after->>'source' = 'bulk'`,
    );
    expect(audit.rows).toHaveLength(3);
    expect(JSON.stringify(audit.rows)).not.toMatch(/otp|password_hash/);
  });

  it('the one-time password logs in, must then be changed, and stops working once changed', async () => {
    const c = created[0]!;
    const session = await t.loginAs(c.username, c.password);
    const me = (await session.get('/api/auth/me')).json<MeResponse>();
    expect(me).toMatchObject({ username: c.username, role: 'official', mustChangePassword: true });
    // Until it is changed, the one-time password opens nothing else.
    const blocked = await session.get('/api/officials?pageSize=5');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json<{ code: string }>().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await session.post('/api/auth/change-password', { currentPassword: c.password, newPassword: 'MatKhauMoi2026' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await t.client().post('/api/auth/login', { username: c.username, password: c.password })).statusCode).toBe(401);
    const again = await t.loginAs(c.username, 'MatKhauMoi2026');
    expect((await again.get('/api/auth/me')).json<MeResponse>().mustChangePassword).toBe(false);
    expect((await again.get('/api/officials?pageSize=5')).statusCode).toBe(200);
    expect((await t.pool.query(`select password_hash from users where username = $1`, [c.username])).rows[0].password_hash).toMatch(
      /^\$argon2id\$/,
    );
    // A wrong one-time password is refused like any wrong password.
    expect((await t.client().post('/api/auth/login', { username: created[1]!.username, password: 'SaiMatKhau1' })).statusCode).toBe(401);
  });

  it('asking again creates nothing', async () => {
    const res = await admin.post(ACCOUNTS, { officialIds: [twins[0]!.id, twins[1]!.id] });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-accounts-created']).toBe('0');
    expect(res.headers['x-accounts-skipped']).toBe('2');
  });

  it('refuses another commune’s officials (nothing created) and people without the permission', async () => {
    const theirs = (await t.pool.query<{ id: string }>(`select id from officials where commune_code = '22015' limit 1`)).rows[0]!.id;
    const before = (await t.pool.query(`select count(*)::int as n from users`)).rows[0].n;
    const res = await admin.post(ACCOUNTS, { officialIds: [others[1]!.id, theirs] });
    expect(res.statusCode).toBe(404);
    expect((await t.pool.query(`select count(*)::int as n from users`)).rows[0].n).toBe(before);
    expect((await unitHead.post(ACCOUNTS, { officialIds: [others[1]!.id] })).statusCode).toBe(403);
    expect((await reviewer.post(ACCOUNTS, { officialIds: [others[1]!.id] })).statusCode).toBe(403);
  });

  it('validates the request: ids, at least one, at most 1000', async () => {
    const bad = await admin.post(ACCOUNTS, { officialIds: ['khong-phai-id'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toContain('không phải mã hồ sơ hợp lệ');
    expect((await admin.post(ACCOUNTS, { officialIds: [] })).statusCode).toBe(400);
    const tooMany = Array.from({ length: 1001 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    expect((await admin.post(ACCOUNTS, { officialIds: tooMany })).json<{ message: string }>().message).toContain('tối đa 1000');
  });

  it('people who no longer work here get no account', async () => {
    const o = others[2]!;
    await t.pool.query(`update officials set status = 'nghi_huu' where id = $1`, [o.id]);
    const res = await admin.post(ACCOUNTS, { officialIds: [o.id] });
    expect(res.headers['x-accounts-created']).toBe('0');
    const { rows } = await accountsSheet(res.rawPayload);
    expect(String(rows[0]![4])).toContain('Nghỉ hưu');
  });
});
