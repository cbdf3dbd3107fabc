/**
 * Accounts by role and scope (issue 2 §4–5): who may list, create, change, reset and unlock which
 * accounts; out-of-scope accounts answer 404, in-scope-but-not-allowed 403.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { AuditItem, CommuneDetailResponse, MeResponse, TrainingOrgItem, UserItem } from '@app/shared';
import { createTestContext, uniqueName, type TestClient, type TestContext } from '../../../test/harness.ts';

let t: TestContext;
let national: TestClient; // bonoivu
let province66: TestClient; // sonoivu.66
let commune24133: TestClient; // xa.24133
let reviewer66: TestClient; // bantochuc.66
let province01: TestClient; // made in beforeAll
let province01User: UserItem;
let commune00004User: UserItem; // commune admin of Phường Ba Đình, made by province01

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  fields?: { field: string; message: string }[];
  requestId: string;
}

function expectError(res: LightMyRequestResponse, status: number, code: string): ErrorBody {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json<ErrorBody>();
  expect(body).toMatchObject({ statusCode: status, code });
  expect(body.message).toMatch(VIETNAMESE);
  expect(body.requestId).toBe(res.headers['x-request-id']);
  return body;
}

/** Lower-case, no diacritics (đ → d). */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();

const fieldsOf = (res: LightMyRequestResponse) => (res.json<ErrorBody>().fields ?? []).map((f) => f.field);

async function listAll(client: TestClient, query = ''): Promise<{ items: UserItem[]; total: number }> {
  const res = await client.get(`/api/users?pageSize=200${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function userByName(
  username: string,
): Promise<{ id: string; version: number; full_name: string; active: boolean; commune_code: string | null }> {
  const r = await t.pool.query('select id, version, full_name, active, commune_code from users where username = $1', [username]);
  expect(r.rows, `user ${username}`).toHaveLength(1);
  return r.rows[0];
}

async function countUsers(where: string, params: unknown[] = []): Promise<number> {
  return (await t.pool.query<{ n: number }>(`select count(*)::int as n from users where ${where}`, params)).rows[0]!.n;
}

async function unitsOf(client: TestClient, commune: string) {
  const res = await client.get(`/api/units/communes/${commune}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CommuneDetailResponse>().units;
}

beforeAll(async () => {
  t = await createTestContext();
  [national, province66, commune24133, reviewer66] = await Promise.all([
    t.loginAs('bonoivu'),
    t.loginAs('sonoivu.66'),
    t.loginAs('xa.24133'),
    t.loginAs('bantochuc.66'),
  ]);
  // Hà Nội (01): a province admin made by the national admin, and a commune admin of Ba Đình made by it.
  const p = await national.post('/api/users', {
    username: uniqueName('sonoivu.01'),
    fullName: 'Đỗ Minh Hà Nội',
    role: 'province_admin',
    provinceCode: '01',
  });
  expect(p.statusCode, p.body).toBe(201);
  province01User = p.json<{ user: UserItem }>().user;
  province01 = await t.loginAs(province01User.username, p.json<{ temporaryPassword: string }>().temporaryPassword, { changePassword: true });
  const c = await province01.post('/api/users', {
    username: uniqueName('xa.00004'),
    fullName: 'Vũ Thị Ba Đình',
    role: 'commune_admin',
    communeCode: '00004',
  });
  expect(c.statusCode, c.body).toBe(201);
  commune00004User = c.json<{ user: UserItem }>().user;
});
afterAll(() => t.close());

describe('national admin', () => {
  it('creates a province admin for Hà Nội with a one-time password that must be changed', async () => {
    const username = uniqueName('sonoivu.01');
    const res = await national.post('/api/users', {
      username,
      fullName: 'Trần Văn Thủ Đô',
      role: 'province_admin',
      provinceCode: '01',
      email: 'thudo@hanoi.gov.vn',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { user, temporaryPassword } = res.json<{ user: UserItem; temporaryPassword: string }>();
    expect(user).toMatchObject({
      username,
      role: 'province_admin',
      provinceCode: '01',
      provinceName: 'Thành phố Hà Nội',
      communeCode: null,
      unitId: null,
      trainingOrgId: null,
      email: 'thudo@hanoi.gov.vn',
      active: true,
      version: 1,
      canManage: true,
    });
    expect(temporaryPassword).toMatch(/^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9]{10}$/);
    const db = await t.pool.query('select must_change_password, password_hash from users where id = $1', [user.id]);
    expect(db.rows[0].must_change_password).toBe(true);
    expect(db.rows[0].password_hash).toMatch(/^\$argon2id\$/);

    const session = await t.loginAs(username, temporaryPassword);
    const me = (await session.get('/api/auth/me')).json<MeResponse>();
    expect(me.mustChangePassword).toBe(true);
    expect(me.scope).toEqual({ level: 'province', provinceCode: '01' });
  });

  it('creates a training-organisation account bound to its organisation', async () => {
    const orgs = (await national.get('/api/training-orgs')).json<{ items: TrainingOrgItem[] }>().items;
    const hv = orgs.find((o) => o.code === 'HVCTQG')!;
    const tct66 = orgs.find((o) => o.code === 'TCT.66')!;
    const a = await national.post('/api/users', {
      username: uniqueName('truong.hv'),
      fullName: 'Lê Học Viện',
      role: 'training_org',
      trainingOrgId: hv.id,
    });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json<{ user: UserItem }>().user).toMatchObject({
      role: 'training_org',
      trainingOrgId: hv.id,
      trainingOrgName: hv.name,
      provinceCode: null,
    });
    // A province's political school account belongs to that province (its province admin can see it).
    const b = await national.post('/api/users', {
      username: uniqueName('truong.66'),
      fullName: 'Y Kiểm Thử',
      role: 'training_org',
      trainingOrgId: tct66.id,
    });
    expect(b.statusCode, b.body).toBe(201);
    const created = b.json<{ user: UserItem }>().user;
    expect(created.provinceCode).toBe('66');
    expect((await listAll(province66, `&q=${created.username}`)).items.map((u) => u.id)).toEqual([created.id]);
  });

  it('is told which field is missing or wrong for the role', async () => {
    const noOrg = await national.post('/api/users', { username: uniqueName('truong.x'), fullName: 'Thiếu Cơ Sở', role: 'training_org' });
    expectError(noOrg, 400, 'VALIDATION_ERROR');
    expect(fieldsOf(noOrg)).toEqual(['trainingOrgId']);
    expect(noOrg.json<ErrorBody>().message).toContain('Cơ sở đào tạo');

    const badProvince = await national.post('/api/users', {
      username: uniqueName('so.99'),
      fullName: 'Tỉnh Không Có',
      role: 'province_admin',
      provinceCode: '99',
    });
    expectError(badProvince, 400, 'VALIDATION_ERROR');
    expect(fieldsOf(badProvince)).toEqual(['provinceCode']);

    const nationalWithProvince = await national.post('/api/users', {
      username: uniqueName('bo.x'),
      fullName: 'Bộ Có Tỉnh',
      role: 'national_admin',
      provinceCode: '01',
    });
    expectError(nationalWithProvince, 400, 'VALIDATION_ERROR');
    expect(fieldsOf(nationalWithProvince)).toEqual(['provinceCode']);
  });

  it('may not create commune-level accounts (that is the province’s and commune’s job)', async () => {
    const before = await countUsers("commune_code = '24373'");
    const res = await national.post('/api/users', {
      username: uniqueName('xa.24373'),
      fullName: 'Không Được',
      role: 'commune_admin',
      communeCode: '24373',
    });
    expectError(res, 403, 'FORBIDDEN');
    expect(fieldsOf(res)).toEqual(['role']);
    expect(await countUsers("commune_code = '24373'")).toBe(before);
  });

  it('lists every province', async () => {
    const all = await listAll(national, '&q=xa.');
    const provinces = new Set(all.items.map((u) => u.provinceCode));
    expect(provinces.has('66')).toBe(true);
    expect(provinces.has('01')).toBe(true);
  });
});

describe('province admin of Đắk Lắk (66)', () => {
  it('lists only province-66 accounts, all of them', async () => {
    const { items, total } = await listAll(province66);
    expect(items.length).toBeGreaterThan(20);
    expect(items.every((u) => u.provinceCode === '66')).toBe(true);
    expect(total).toBe(await countUsers("province_code = '66'"));
    expect(items.map((u) => u.username)).not.toContain('bonoivu');
    expect(items.map((u) => u.id)).not.toContain(province01User.id);
    expect(items.find((u) => u.username === 'xa.24133')).toMatchObject({
      provinceName: 'Tỉnh Đắk Lắk',
      communeName: 'Phường Buôn Ma Thuột',
      canManage: true,
    });
    // Accounts it may see but not manage.
    expect(items.find((u) => u.username === 'hocvien.24133.1')?.canManage).toBe(false);
    expect(items.find((u) => u.username === 'sonoivu.66')?.canManage).toBe(false);
  });

  it('finds nothing of Hà Nội however it asks', async () => {
    for (const q of [
      '&provinceCode=01',
      '&communeCode=00004',
      `&q=${province01User.username}`,
      `&q=${commune00004User.username}`,
      '&role=national_admin',
    ]) {
      const res = await listAll(province66, q);
      expect({ q, items: res.items, total: res.total }).toEqual({ q, items: [], total: 0 });
    }
  });

  it('cannot change, reset or unlock a Hà Nội account: 404, and nothing changes', async () => {
    const before = await userByName(commune00004User.username);
    expectError(
      await province66.patch(`/api/users/${commune00004User.id}`, { fullName: 'Bị Sửa', version: before.version }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await province66.patch(`/api/users/${province01User.id}`, { active: false, version: province01User.version }),
      404,
      'NOT_FOUND',
    );
    expectError(await province66.post(`/api/users/${commune00004User.id}/reset-password`), 404, 'NOT_FOUND');
    expectError(await province66.post(`/api/users/${commune00004User.id}/unlock`), 404, 'NOT_FOUND');
    expect(await userByName(commune00004User.username)).toEqual(before);
    expect((await userByName(province01User.username)).active).toBe(true);
  });

  it('gets the same 404 for a Hà Nội account as for an id that does not exist', async () => {
    const outside = await province66.patch(`/api/users/${commune00004User.id}`, { fullName: 'X Y', version: 1 });
    const missing = await province66.patch('/api/users/00000000-0000-4000-8000-000000000000', { fullName: 'X Y', version: 1 });
    const strip = (r: LightMyRequestResponse) => {
      const { requestId: _r, ...rest } = r.json<ErrorBody>();
      return rest;
    };
    expect(strip(outside)).toEqual(strip(missing));
  });

  it('cannot create a commune admin in a Hà Nội commune (403) nor a national admin (403)', async () => {
    const before = await countUsers('true');
    const hanoi = await province66.post('/api/users', {
      username: uniqueName('xa.00004'),
      fullName: 'Ngoài Tỉnh',
      role: 'commune_admin',
      communeCode: '00004',
    });
    expectError(hanoi, 403, 'FORBIDDEN');
    const top = await province66.post('/api/users', { username: uniqueName('bo'), fullName: 'Leo Thang', role: 'national_admin' });
    expectError(top, 403, 'FORBIDDEN');
    expect(fieldsOf(top)).toEqual(['role']);
    const hanoiReviewer = await province66.post('/api/users', {
      username: uniqueName('btc.01'),
      fullName: 'Ngoài Tỉnh',
      role: 'reviewer',
      provinceCode: '01',
    });
    expectError(hanoiReviewer, 403, 'FORBIDDEN');
    expect(await countUsers('true')).toBe(before);
  });

  it('creates a commune admin for Xã Ea Kar (24373) and a reviewer of its own province', async () => {
    const username = uniqueName('xa.24373');
    const res = await province66.post('/api/users', {
      username,
      fullName: 'Y Phương Ea Kar',
      role: 'commune_admin',
      communeCode: '24373',
      phone: '0262 3852 123',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ user: UserItem }>().user).toMatchObject({
      username,
      role: 'commune_admin',
      provinceCode: '66',
      communeCode: '24373',
      communeName: 'Xã Ea Kar',
      phone: '0262 3852 123',
      canManage: true,
    });
    const rev = await province66.post('/api/users', { username: uniqueName('btc.66'), fullName: 'H Xem Xét', role: 'reviewer' });
    expect(rev.statusCode, rev.body).toBe(201);
    expect(rev.json<{ user: UserItem }>().user).toMatchObject({ role: 'reviewer', provinceCode: '66', communeCode: null });
  });

  it('may see an official of its province but not manage it (403)', async () => {
    const u = await userByName('hocvien.24133.1');
    expectError(await province66.patch(`/api/users/${u.id}`, { fullName: 'Đổi Tên', version: u.version }), 403, 'FORBIDDEN');
    expectError(await province66.post(`/api/users/${u.id}/reset-password`), 403, 'FORBIDDEN');
    expect((await userByName('hocvien.24133.1')).full_name).toBe(u.full_name);
  });

  it('resets the password of a commune admin of its province', async () => {
    const target = await userByName('xa.24235');
    const res = await province66.post(`/api/users/${target.id}/reset-password`);
    expect(res.statusCode, res.body).toBe(200);
    const { temporaryPassword } = res.json<{ temporaryPassword: string }>();
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9]{10}$/);
    const old = await t.client().post('/api/auth/login', { username: 'xa.24235', password: 'Demo@2026' });
    expect(old.statusCode).toBe(401);
    const session = await t.loginAs('xa.24235', temporaryPassword);
    expect((await session.get('/api/auth/me')).json<MeResponse>().mustChangePassword).toBe(true);
  });
});

describe('commune admin of Phường Buôn Ma Thuột (24133)', () => {
  it('lists only its commune’s accounts, all of them', async () => {
    const { items, total } = await listAll(commune24133);
    expect(items.length).toBeGreaterThanOrEqual(10);
    expect(items.every((u) => u.communeCode === '24133')).toBe(true);
    expect(total).toBe(await countUsers("commune_code = '24133'"));
    expect(items.map((u) => u.username)).toEqual(expect.arrayContaining(['xa.24133', 'donvi.24133.1', 'hocvien.24133.5']));
    expect(items.find((u) => u.username === 'xa.24133')?.canManage).toBe(false); // not itself
    expect(items.find((u) => u.username === 'donvi.24133.2')?.canManage).toBe(true);
    // Asking for another commune or the whole province does not widen the list.
    expect((await listAll(commune24133, '&communeCode=22015')).items).toEqual([]);
    const wider = await listAll(commune24133, '&provinceCode=66');
    expect(wider.items.every((u) => u.communeCode === '24133')).toBe(true);
    expect(wider.total).toBe(total);
  });

  it('searches names without diacritics, taking % and _ literally', async () => {
    const found = await listAll(commune24133, `&q=${encodeURIComponent('HOCVIEN.24133.5')}`);
    expect(found.items.map((u) => u.username)).toEqual(['hocvien.24133.5']);
    const head = (await listAll(commune24133, '&q=donvi.24133.1')).items[0]!;
    const byName = await listAll(commune24133, `&q=${encodeURIComponent(fold(head.fullName))}`);
    expect(byName.items.map((u) => u.id)).toContain(head.id);
    for (const text of ['%', '_', 'hocvien_24133']) {
      expect((await listAll(commune24133, `&q=${encodeURIComponent(text)}`)).total).toBe(0);
    }
  });

  it('cannot change, reset or unlock an account of Phường Tuy Hoà (22015): 404, nothing changes', async () => {
    const other = await userByName('hocvien.22015.1');
    expectError(await commune24133.patch(`/api/users/${other.id}`, { fullName: 'Bị Sửa', version: other.version }), 404, 'NOT_FOUND');
    expectError(await commune24133.patch(`/api/users/${other.id}`, { active: false, version: other.version }), 404, 'NOT_FOUND');
    expectError(await commune24133.post(`/api/users/${other.id}/reset-password`), 404, 'NOT_FOUND');
    expectError(await commune24133.post(`/api/users/${other.id}/unlock`), 404, 'NOT_FOUND');
    expect(await userByName('hocvien.22015.1')).toEqual(other);
    // Nor its own province admin.
    const boss = await userByName('sonoivu.66');
    expectError(await commune24133.patch(`/api/users/${boss.id}`, { fullName: 'Bị Sửa', version: boss.version }), 404, 'NOT_FOUND');
  });

  it('cannot create an official in 22015 (403) nor a commune admin (403)', async () => {
    const before = await countUsers("commune_code = '22015'");
    expectError(
      await commune24133.post('/api/users', {
        username: uniqueName('hv.22015'),
        fullName: 'Ngoài Xã',
        role: 'official',
        communeCode: '22015',
      }),
      403,
      'FORBIDDEN',
    );
    const admin = await commune24133.post('/api/users', {
      username: uniqueName('xa.24133'),
      fullName: 'Thêm Quản Trị',
      role: 'commune_admin',
    });
    expectError(admin, 403, 'FORBIDDEN');
    expect(fieldsOf(admin)).toEqual(['role']);
    expect(await countUsers("commune_code = '22015'")).toBe(before);
  });

  it('creates an official and a unit head for units of its own commune', async () => {
    const units = await unitsOf(commune24133, '24133');
    const vhxh = units.find((u) => u.kind === 'phong_van_hoa_xa_hoi')!;
    const tt = units.find((u) => u.kind === 'trung_tam_phvhcc')!;

    const official = await commune24133.post('/api/users', {
      username: uniqueName('hv.24133'),
      fullName: 'Nguyễn Văn Mới',
      role: 'official',
      unitId: vhxh.id,
    });
    expect(official.statusCode, official.body).toBe(201);
    expect(official.json<{ user: UserItem }>().user).toMatchObject({
      role: 'official',
      provinceCode: '66',
      communeCode: '24133',
      unitId: vhxh.id,
      unitName: 'Phòng Văn hóa – Xã hội',
    });

    const head = await commune24133.post('/api/users', {
      username: uniqueName('dv.24133'),
      fullName: 'Trần Thị Trưởng',
      role: 'unit_head',
      unitId: tt.id,
    });
    expect(head.statusCode, head.body).toBe(201);
    expect(head.json<{ user: UserItem }>().user).toMatchObject({
      role: 'unit_head',
      provinceCode: '66',
      communeCode: '24133',
      unitId: tt.id,
      unitName: 'Trung tâm phục vụ hành chính công',
      canManage: true,
    });
  });

  it('cannot make a unit head (or official) of another commune’s unit: 400 naming unitId', async () => {
    const foreign = (await unitsOf(province66, '22015')).find((u) => u.kind === 'phong_kinh_te')!;
    const before = await countUsers('unit_id = $1', [foreign.id]);
    const head = await commune24133.post('/api/users', {
      username: uniqueName('dv.x'),
      fullName: 'Sai Đơn Vị',
      role: 'unit_head',
      unitId: foreign.id,
    });
    const body = expectError(head, 400, 'VALIDATION_ERROR');
    expect(fieldsOf(head)).toEqual(['unitId']);
    expect(body.message).toContain('Đơn vị');
    const official = await commune24133.post('/api/users', {
      username: uniqueName('hv.x'),
      fullName: 'Sai Đơn Vị',
      role: 'official',
      unitId: foreign.id,
    });
    expectError(official, 400, 'VALIDATION_ERROR');
    expect(fieldsOf(official)).toEqual(['unitId']);
    // The same answer as for a unit that does not exist: other communes' unit ids do not leak.
    const missing = await commune24133.post('/api/users', {
      username: uniqueName('dv.y'),
      fullName: 'Sai Đơn Vị',
      role: 'unit_head',
      unitId: 2_000_000_000,
    });
    expect(missing.json<ErrorBody>().message).toBe(head.json<ErrorBody>().message);
    expect(await countUsers('unit_id = $1', [foreign.id])).toBe(before);
  });

  it('moves its official to another of its units, but not to another commune’s unit', async () => {
    const units = await unitsOf(commune24133, '24133');
    const target = units.find((u) => u.kind === 'phong_kinh_te')!;
    const u = await userByName('hocvien.24133.4');
    const ok = await commune24133.patch(`/api/users/${u.id}`, { unitId: target.id, version: u.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<UserItem>()).toMatchObject({ unitId: target.id, unitName: target.name, version: u.version + 1 });

    const foreign = (await unitsOf(province66, '22015'))[0]!;
    const bad = await commune24133.patch(`/api/users/${u.id}`, { unitId: foreign.id, version: u.version + 1 });
    expectError(bad, 400, 'VALIDATION_ERROR');
    expect(fieldsOf(bad)).toEqual(['unitId']);
  });

  it('cannot change its own account through the admin API', async () => {
    const me = await userByName('xa.24133');
    expectError(await commune24133.patch(`/api/users/${me.id}`, { active: false, version: me.version }), 403, 'FORBIDDEN');
    expect((await userByName('xa.24133')).active).toBe(true);
  });
});

describe('roles without account management', () => {
  it.each(['donvi.24133.1', 'hocvien.24133.1', 'truong.hvctqg'])('%s gets 403 on every /api/users call', async (username) => {
    const client = await t.loginAs(username);
    const target = await userByName('hocvien.24133.2');
    expectError(await client.get('/api/users'), 403, 'FORBIDDEN');
    expectError(await client.post('/api/users', { username: uniqueName('x'), fullName: 'Không Được', role: 'official' }), 403, 'FORBIDDEN');
    expectError(await client.patch(`/api/users/${target.id}`, { fullName: 'Không Được', version: target.version }), 403, 'FORBIDDEN');
    expectError(await client.post(`/api/users/${target.id}/reset-password`), 403, 'FORBIDDEN');
    expect((await userByName('hocvien.24133.2')).full_name).toBe(target.full_name);
  });

  it('the reviewer of 66 lists its province read-only; every change is refused', async () => {
    const { items, total } = await listAll(reviewer66);
    expect(items.every((u) => u.provinceCode === '66')).toBe(true);
    expect(total).toBe(await countUsers("province_code = '66'"));
    expect(items.every((u) => u.canManage === false)).toBe(true);

    const before = await countUsers('true');
    expectError(
      await reviewer66.post('/api/users', { username: uniqueName('hv'), fullName: 'Không Được', role: 'official', communeCode: '24133' }),
      403,
      'FORBIDDEN',
    );
    expect(await countUsers('true')).toBe(before);
    const inside = await userByName('hocvien.24133.3');
    expectError(await reviewer66.patch(`/api/users/${inside.id}`, { fullName: 'Không Được', version: inside.version }), 403, 'FORBIDDEN');
    expectError(await reviewer66.post(`/api/users/${inside.id}/unlock`), 403, 'FORBIDDEN');
    // Outside its province: 404 as for everyone.
    expectError(await reviewer66.patch(`/api/users/${commune00004User.id}`, { fullName: 'Không Được', version: 1 }), 404, 'NOT_FOUND');
  });

  it('without a session: 401', async () => {
    expectError(await t.client().get('/api/users'), 401, 'UNAUTHENTICATED');
  });
});

describe('optimistic concurrency, duplicates and validation', () => {
  it('two edits from the same version: the second gets 409 VERSION_CONFLICT and does not overwrite', async () => {
    const u = await userByName('hocvien.24133.5');
    const first = await commune24133.patch(`/api/users/${u.id}`, { fullName: 'Tên Lần Một', version: u.version });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<UserItem>().version).toBe(u.version + 1);
    const second = await commune24133.patch(`/api/users/${u.id}`, { fullName: 'Tên Lần Hai', version: u.version });
    const body = expectError(second, 409, 'VERSION_CONFLICT');
    expect(body.message).toMatch(/tải lại/);
    const now = await userByName('hocvien.24133.5');
    expect(now.full_name).toBe('Tên Lần Một');
    expect(now.version).toBe(u.version + 1);
  });

  it('a username already taken → 409 naming username (whatever its case)', async () => {
    const before = await countUsers('true');
    for (const username of ['hocvien.24133.1', 'HOCVIEN.24133.1', ' hocvien.24133.1 ']) {
      const res = await commune24133.post('/api/users', { username, fullName: 'Trùng Tên', role: 'official' });
      const body = expectError(res, 409, 'CONFLICT');
      expect(fieldsOf(res)).toEqual(['username']);
      expect(body.message).toContain('hocvien.24133.1');
    }
    expect(await countUsers('true')).toBe(before);
  });

  it('bad username, email, phone or missing name → 400 naming each field in Vietnamese', async () => {
    const res = await commune24133.post('/api/users', {
      username: 'Ab C!',
      fullName: 'Hợp Lệ',
      role: 'official',
      email: 'khong-phai-email',
      phone: 'abc',
    });
    const body = expectError(res, 400, 'VALIDATION_ERROR');
    expect(fieldsOf(res).sort()).toEqual(['email', 'phone', 'username']);
    expect(body.message).toContain('Tên đăng nhập');
    expect(body.message).toContain('Thư điện tử');
    expect(body.message).toContain('Số điện thoại');

    const noName = await commune24133.post('/api/users', { username: uniqueName('hv'), role: 'official' });
    expectError(noName, 400, 'VALIDATION_ERROR');
    expect(fieldsOf(noName)).toEqual(['fullName']);
    expect(noName.json<ErrorBody>().message).toContain('Họ và tên');

    const badRole = await commune24133.post('/api/users', { username: uniqueName('hv'), fullName: 'Vai Trò Lạ', role: 'vua' });
    expectError(badRole, 400, 'VALIDATION_ERROR');
    expect(fieldsOf(badRole)).toEqual(['role']);

    const u = await userByName('hocvien.24133.2');
    const badPatch = await commune24133.patch(`/api/users/${u.id}`, { email: 'x@', version: 'một' });
    expectError(badPatch, 400, 'VALIDATION_ERROR');
    expect(fieldsOf(badPatch).sort()).toEqual(['email', 'version']);

    const badQuery = await commune24133.get('/api/users?pageSize=1000&communeCode=abc');
    expectError(badQuery, 400, 'VALIDATION_ERROR');
    expect(fieldsOf(badQuery).sort()).toEqual(['communeCode', 'pageSize']);
  });

  it('an id that is not a user id → 404, not 500', async () => {
    for (const id of ['abc', '-'.repeat(36), '00000000-0000-4000-8000-00000000000g']) {
      expectError(await commune24133.patch(`/api/users/${id}`, { fullName: 'X Y', version: 1 }), 404, 'NOT_FOUND');
    }
  });
});

describe('every change is audited, without secrets', () => {
  it('user.create and user.update carry who, what, before/after and no password hash', async () => {
    const username = uniqueName('hv.audit');
    const created = await commune24133.post('/api/users', {
      username,
      fullName: 'Phạm Văn Nhật Ký',
      role: 'official',
      password: 'BiMat2026xyz',
    });
    expect(created.statusCode, created.body).toBe(201);
    const user = created.json<{ user: UserItem }>().user;
    const updated = await commune24133.patch(`/api/users/${user.id}`, {
      fullName: 'Phạm Văn Nhật Ký Hai',
      email: 'nhatky@example.vn',
      version: user.version,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    const disabled = await commune24133.patch(`/api/users/${user.id}`, { active: false, version: user.version + 1 });
    expect(disabled.statusCode, disabled.body).toBe(200);

    const res = await commune24133.get('/api/audit?entityType=user&pageSize=200');
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: AuditItem[] }>().items.filter((e) => e.entityId === user.id);
    expect(items.map((e) => e.action)).toEqual(['user.disable', 'user.update', 'user.create']); // newest first

    const create = items.find((e) => e.action === 'user.create')!;
    expect(create).toMatchObject({
      actorUsername: 'xa.24133',
      actorRole: 'commune_admin',
      entityType: 'user',
      provinceCode: '66',
      communeCode: '24133',
      before: null,
    });
    expect(create.after).toMatchObject({
      username,
      fullName: 'Phạm Văn Nhật Ký',
      role: 'official',
      communeCode: '24133',
      mustChangePassword: true,
    });
    expect(create.requestId).toBe(created.headers['x-request-id']);
    expect(create.ip).toBeTruthy();

    const update = items.find((e) => e.action === 'user.update')!;
    expect(update.before).toMatchObject({ fullName: 'Phạm Văn Nhật Ký', email: null, version: 1 });
    expect(update.after).toMatchObject({ fullName: 'Phạm Văn Nhật Ký Hai', email: 'nhatky@example.vn', version: 2 });

    const disable = items.find((e) => e.action === 'user.disable')!;
    expect(disable.before).toMatchObject({ active: true });
    expect(disable.after).toMatchObject({ active: false });

    const json = JSON.stringify(items);
    expect(json).not.toMatch(/passwordHash|password_hash|\$argon2|BiMat2026xyz/);
    // The national view of the same entries is just as clean.
    const all = await national.get(`/api/audit?entityType=user&pageSize=200`);
    expect(all.body).not.toMatch(/passwordHash|\$argon2|BiMat2026xyz/);
    // And so are the user lists.
    expect((await national.get('/api/users?pageSize=200')).body).not.toMatch(/passwordHash|\$argon2/);
  });

  it('password resets and unlocks are audited; the temporary password is not written down', async () => {
    const u = await userByName('hocvien.24133.3');
    const reset = await commune24133.post(`/api/users/${u.id}/reset-password`);
    expect(reset.statusCode).toBe(200);
    const temp = reset.json<{ temporaryPassword: string }>().temporaryPassword;
    expect((await commune24133.post(`/api/users/${u.id}/unlock`)).statusCode).toBe(200);
    const res = await commune24133.get('/api/audit?entityType=user&pageSize=200');
    const actions = res
      .json<{ items: AuditItem[] }>()
      .items.filter((e) => e.entityId === u.id)
      .map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.reset_password', 'user.unlock']));
    expect(res.body).not.toContain(temp);
    const raw = await t.pool.query('select before, after from audit_log where entity_id = $1', [u.id]);
    expect(JSON.stringify(raw.rows)).not.toContain(temp);
  });

  it('a refused change writes nothing', async () => {
    const count = async () =>
      (await t.pool.query<{ n: number }>("select count(*)::int as n from audit_log where action like 'user.%'")).rows[0]!.n;
    const before = await count();
    const other = await userByName('hocvien.22015.2');
    await commune24133.patch(`/api/users/${other.id}`, { fullName: 'Không Được', version: other.version });
    await province66.post('/api/users', { username: uniqueName('bo'), fullName: 'Không Được', role: 'national_admin' });
    await commune24133.post('/api/users', { username: 'hocvien.24133.1', fullName: 'Trùng', role: 'official' });
    expect(await count()).toBe(before);
  });
});
