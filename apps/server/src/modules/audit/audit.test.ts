/**
 * Audit log (issue 2 §6): every change with who, when, action, entity, before/after and IP,
 * readable by admins (and reviewers) only within their scope, with filters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { AuditItem, CommuneDetailResponse, UserItem } from '@app/shared';
import { createTestContext, uniqueName, type TestClient, type TestContext } from '../../../test/harness.ts';

let t: TestContext;
let national: TestClient; // bonoivu
let province66: TestClient; // sonoivu.66
let reviewer66: TestClient; // bantochuc.66
let commune24133: TestClient; // xa.24133
let commune22015: TestClient; // xa.22015

/** Entities made in beforeAll, one per place, to find in (or miss from) each view. */
const made = {} as {
  official24133: UserItem;
  official22015: UserItem;
  province01: UserItem;
  communeUpdateRequestId: string;
  failedUsername: string;
  failedKnownId: string;
};

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

function expectError(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json<{ statusCode: number; code: string; message: string; fields?: { field: string }[] }>();
  expect(body).toMatchObject({ statusCode: status, code });
  expect(body.message).toMatch(VIETNAMESE);
  return body;
}

async function audit(client: TestClient, query = ''): Promise<{ items: AuditItem[]; total: number }> {
  const res = await client.get(`/api/audit?pageSize=200${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Vietnam calendar date (UTC+7) of an instant. */
const vnDate = (iso: string, shiftDays = 0) =>
  new Date(new Date(iso).getTime() + 7 * 3600_000 + shiftDays * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestContext();
  [national, province66, reviewer66, commune24133, commune22015] = await Promise.all([
    t.loginAs('bonoivu'),
    t.loginAs('sonoivu.66'),
    t.loginAs('bantochuc.66'),
    t.loginAs('xa.24133'),
    t.loginAs('xa.22015'),
  ]);

  // Changes in two communes of Đắk Lắk, one in Hà Nội, one commune-level setting.
  const a = await commune24133.post('/api/users', { username: uniqueName('hv.24133'), fullName: 'Lê Thị Nhật Ký', role: 'official' });
  expect(a.statusCode, a.body).toBe(201);
  made.official24133 = a.json<{ user: UserItem }>().user;
  const b = await commune22015.post('/api/users', { username: uniqueName('hv.22015'), fullName: 'Hồ Văn Tuy Hoà', role: 'official' });
  expect(b.statusCode, b.body).toBe(201);
  made.official22015 = b.json<{ user: UserItem }>().user;
  const c = await national.post('/api/users', {
    username: uniqueName('sonoivu.01'),
    fullName: 'Ngô Thị Thủ Đô',
    role: 'province_admin',
    provinceCode: '01',
  });
  expect(c.statusCode, c.body).toBe(201);
  made.province01 = c.json<{ user: UserItem }>().user;
  const commune = (await province66.get('/api/units/communes/24211')).json<CommuneDetailResponse>().commune;
  const d = await province66.patch('/api/units/communes/24211', { regionType: 'mien_nui_dtts', version: commune.version });
  expect(d.statusCode, d.body).toBe(200);
  made.communeUpdateRequestId = String(d.headers['x-request-id']);

  // Failed logins: a known official of 24133 and a username that does not exist.
  expect((await t.client().post('/api/auth/login', { username: 'hocvien.24133.3', password: 'SaiMatKhau1' })).statusCode).toBe(401);
  made.failedKnownId = (await t.pool.query<{ id: string }>("select id from users where username = 'hocvien.24133.3'")).rows[0]!.id;
  made.failedUsername = uniqueName('khongtontai');
  expect((await t.client().post('/api/auth/login', { username: made.failedUsername, password: 'SaiMatKhau1' })).statusCode).toBe(401);
});
afterAll(() => t.close());

describe('scope of the audit log', () => {
  it('a commune admin sees only entries of its commune', async () => {
    const { items, total } = await audit(commune24133);
    expect(items.length).toBeGreaterThan(0);
    expect(total).toBe(items.length);
    expect(items.every((e) => e.communeCode === '24133')).toBe(true);
    const ids = items.map((e) => e.entityId);
    expect(ids).toContain(made.official24133.id);
    expect(ids).not.toContain(made.official22015.id);
    expect(ids).not.toContain(made.province01.id);
    expect(ids).not.toContain('24211');

    const other = await audit(commune22015);
    expect(other.items.every((e) => e.communeCode === '22015')).toBe(true);
    expect(other.items.map((e) => e.entityId)).toContain(made.official22015.id);
    expect(other.items.map((e) => e.entityId)).not.toContain(made.official24133.id);
  });

  it('the province admin of 66 and its reviewer see only province 66: both communes, not Hà Nội', async () => {
    for (const client of [province66, reviewer66]) {
      const { items } = await audit(client);
      expect(items.every((e) => e.provinceCode === '66')).toBe(true);
      const ids = items.map((e) => e.entityId);
      expect(ids).toEqual(expect.arrayContaining([made.official24133.id, made.official22015.id, '24211']));
      expect(ids).not.toContain(made.province01.id);
    }
  });

  it('the national admin sees everything, including system and anonymous entries', async () => {
    const { items } = await audit(national);
    const ids = items.map((e) => e.entityId);
    expect(ids).toEqual(expect.arrayContaining([made.official24133.id, made.official22015.id, made.province01.id, '24211']));
    expect(items.find((e) => e.entityId === made.province01.id)).toMatchObject({
      action: 'user.create',
      provinceCode: '01',
      communeCode: null,
    });
    expect(items.map((e) => e.action)).toContain('seed.demo');
    expect(items.some((e) => e.provinceCode === null)).toBe(true);
  });

  it('asking for more does not widen the scope (unknown filters are not scope overrides)', async () => {
    const res = await commune24133.get('/api/audit?pageSize=200&communeCode=22015&provinceCode=01');
    // Extra query keys are ignored or refused, never obeyed.
    if (res.statusCode === 200) {
      expect(res.json<{ items: AuditItem[] }>().items.every((e) => e.communeCode === '24133')).toBe(true);
    } else {
      expect(res.statusCode).toBe(400);
    }
  });

  it('unit heads, officials and training orgs get 403; without a session 401', async () => {
    for (const username of ['donvi.24133.1', 'hocvien.24133.1', 'truong.66']) {
      const client = await t.loginAs(username);
      expectError(await client.get('/api/audit'), 403, 'FORBIDDEN');
    }
    expectError(await t.client().get('/api/audit'), 401, 'UNAUTHENTICATED');
  });
});

describe('what an entry holds', () => {
  it('who, when, action, entity, before/after, IP and the request id', async () => {
    const { items } = await audit(province66, '&entityType=commune');
    const entry = items.find((e) => e.requestId === made.communeUpdateRequestId);
    expect(entry).toMatchObject({
      actorUsername: 'sonoivu.66',
      actorRole: 'province_admin',
      action: 'commune.update',
      entityType: 'commune',
      entityId: '24211',
      provinceCode: '66',
      communeCode: '24211',
      before: { regionType: 'bien_gioi_hai_dao', areaClass: 'II' },
      after: { regionType: 'mien_nui_dtts', areaClass: 'II' },
      ip: '127.0.0.1',
    });
    expect(Number.isNaN(Date.parse(entry!.at))).toBe(false);
    // Recorded just now (by the database clock or the app clock, which differ when APP_TODAY is pinned).
    const near = (ms: number) => Math.abs(Date.parse(entry!.at) - ms) < 10 * 60_000;
    expect(near(Date.now()) || near(t.clock.now().getTime())).toBe(true);
  });

  it('records failed logins, with the account’s place when the account exists, and never the password', async () => {
    const { items } = await audit(commune24133, '&action=auth.login_failed');
    const known = items.find((e) => e.entityId === made.failedKnownId);
    expect(known).toMatchObject({
      actorUsername: null,
      entityType: 'user',
      provinceCode: '66',
      communeCode: '24133',
      after: { username: 'hocvien.24133.3', failures: 1, locked: false },
      ip: '127.0.0.1',
    });
    // An unknown username belongs to no place: only the national view shows it.
    expect(JSON.stringify(items)).not.toContain(made.failedUsername);
    const all = await audit(national, '&action=auth.login_failed');
    expect(all.items.find((e) => (e.after as { username?: string } | null)?.username === made.failedUsername)).toMatchObject({
      entityId: null,
      provinceCode: null,
      communeCode: null,
    });
    expect(JSON.stringify(all.items)).not.toContain('SaiMatKhau1');
  });

  it('records logins and logouts', async () => {
    const client = await t.loginAs('donvi.24133.4');
    expect((await client.post('/api/auth/logout')).statusCode).toBe(200);
    const { items } = await audit(commune24133, '&actor=donvi.24133.4');
    expect(items.map((e) => e.action).slice(0, 2)).toEqual(['auth.logout', 'auth.login']);
  });
});

describe('filters', () => {
  it('action and entityType', async () => {
    const creates = await audit(national, '&action=user.create');
    expect(creates.items.length).toBeGreaterThanOrEqual(3);
    expect(creates.items.every((e) => e.action === 'user.create')).toBe(true);
    const communes = await audit(national, '&entityType=commune');
    expect(communes.items.length).toBeGreaterThanOrEqual(1);
    expect(communes.items.every((e) => e.entityType === 'commune')).toBe(true);
    expect((await audit(national, '&action=khong.co')).items).toEqual([]);
  });

  it('actor matches part of a username, case-insensitively, with % and _ taken literally', async () => {
    const res = await audit(province66, '&actor=XA.2413');
    expect(res.items.length).toBeGreaterThan(0);
    expect(res.items.every((e) => e.actorUsername?.includes('xa.2413'))).toBe(true);
    expect(res.items.map((e) => e.entityId)).toContain(made.official24133.id);
    expect(res.items.map((e) => e.entityId)).not.toContain(made.official22015.id);
    expect((await audit(province66, '&actor=%25')).items).toEqual([]);
    expect((await audit(province66, '&actor=xa_24133')).items).toEqual([]);
  });

  it('from/to are Vietnam calendar days, both inclusive', async () => {
    const entry = (await audit(commune24133, '&action=user.create')).items.find((e) => e.entityId === made.official24133.id)!;
    const day = vnDate(entry.at);
    const has = async (query: string) => (await audit(commune24133, query)).items.some((e) => e.id === entry.id);
    expect(await has(`&from=${day}&to=${day}`)).toBe(true);
    expect(await has(`&from=${day}`)).toBe(true);
    expect(await has(`&to=${day}`)).toBe(true);
    expect(await has(`&from=${vnDate(entry.at, 1)}`)).toBe(false);
    expect(await has(`&to=${vnDate(entry.at, -1)}`)).toBe(false);
    const range = await audit(commune24133, `&from=${day}&to=${day}`);
    expect(range.items.every((e) => vnDate(e.at) === day)).toBe(true);
  });

  it('filters combine, page and sort newest first', async () => {
    const combined = await audit(province66, '&action=user.create&actor=xa.22015');
    expect(combined.items.map((e) => e.entityId)).toEqual([made.official22015.id]);

    const page1 = await national.get('/api/audit?pageSize=2&page=1');
    const page2 = await national.get('/api/audit?pageSize=2&page=2');
    const p1 = page1.json<{ items: AuditItem[]; total: number }>();
    const p2 = page2.json<{ items: AuditItem[]; total: number }>();
    expect(p1.items).toHaveLength(2);
    expect(p1.total).toBeGreaterThan(4);
    expect(p2.total).toBe(p1.total);
    expect(p2.items.map((e) => e.id)).not.toEqual(expect.arrayContaining(p1.items.map((e) => e.id)));
    const all = (await audit(national)).items;
    const times = all.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((x, y) => y - x));
  });

  it('bad filters → 400 naming the field', async () => {
    for (const [query, field] of [
      ['from=23/11/2026', 'from'],
      ['to=2026-02-30', 'to'],
      ['pageSize=1000', 'pageSize'],
      ['page=0', 'page'],
      [`action=${'x'.repeat(65)}`, 'action'],
    ] as const) {
      const body = expectError(await national.get(`/api/audit?${query}`), 400, 'VALIDATION_ERROR');
      expect(body.fields?.map((f) => f.field)).toEqual([field]);
    }
  });
});
