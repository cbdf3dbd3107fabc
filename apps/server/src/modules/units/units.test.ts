/**
 * Administrative units (SPEC §2): the public map of 34 provinces and 3,321 communes, commune details
 * and region types by scope, agencies inside communes, training organisations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { AuditItem, CommuneDetailResponse, CommuneItem, ProvinceItem, TrainingOrgItem, UnitItem } from '@app/shared';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { DEMO_COMMUNES } from '../../seed/demo.ts';
import { defaultUnitsFor } from './units.rules.ts';

let t: TestContext;
let national: TestClient; // bonoivu
let province66: TestClient; // sonoivu.66
let commune24133: TestClient; // xa.24133

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
const fieldsOf = (res: LightMyRequestResponse) => (res.json<ErrorBody>().fields ?? []).map((f) => f.field);

/** Lower-case, no diacritics (đ → d), like the server's search. */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

async function q<T extends object>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await t.pool.query(text, params)).rows as T[];
}

async function detail(client: TestClient, code: string): Promise<CommuneDetailResponse> {
  const res = await client.get(`/api/units/communes/${code}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  t = await createTestContext();
  [national, province66, commune24133] = await Promise.all([t.loginAs('bonoivu'), t.loginAs('sonoivu.66'), t.loginAs('xa.24133')]);
});
afterAll(() => t.close());

describe('public map: provinces and communes (no login needed)', () => {
  it('GET /api/units/provinces lists the 34 provinces with their commune counts', async () => {
    const res = await t.client().get('/api/units/provinces');
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: ProvinceItem[] }>().items;
    expect(items).toHaveLength(34);
    expect(new Set(items.map((p) => p.code)).size).toBe(34);
    expect(items.find((p) => p.code === '66')).toMatchObject({ fullName: 'Tỉnh Đắk Lắk', communeCount: 102 });
    expect(items.find((p) => p.code === '01')).toMatchObject({ fullName: 'Thành phố Hà Nội' });
    expect(items.reduce((n, p) => n + p.communeCount, 0)).toBe(3321);
    expect(items.map((p) => p.code)).toEqual([...items.map((p) => p.code)].sort());
  });

  it('GET /api/units/provinces/66 and /66/communes', async () => {
    const one = await t.client().get('/api/units/provinces/66');
    expect(one.statusCode).toBe(200);
    expect(one.json<ProvinceItem>()).toMatchObject({ code: '66', name: 'Đắk Lắk', communeCount: 102 });

    const res = await t.client().get('/api/units/provinces/66/communes');
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json<{ items: CommuneItem[]; total: number }>();
    expect(total).toBe(102);
    expect(items).toHaveLength(102);
    expect(items.every((c) => c.provinceCode === '66')).toBe(true);
    expect(items.find((c) => c.code === '24133')).toMatchObject({ fullName: 'Phường Buôn Ma Thuột', type: 'phuong', regionType: 'do_thi' });
  });

  it('searches without diacritics: "buon ma thuot" finds Phường Buôn Ma Thuột', async () => {
    const res = await t.client().get('/api/units/provinces/66/communes?q=buon%20ma%20thuot');
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: CommuneItem[] }>().items;
    expect(items.map((c) => c.fullName)).toContain('Phường Buôn Ma Thuột');
    expect(items.every((c) => fold(c.fullName).includes('buon ma thuot'))).toBe(true);
  });

  it('treats đ/Đ as d: "dong" finds communes named with "Đông"; Vietnamese and NFD queries give the same', async () => {
    const get = async (query: string) => {
      const res = await t.client().get(`/api/units/provinces/66/communes?q=${encodeURIComponent(query)}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: CommuneItem[] }>().items.map((c) => c.fullName);
    };
    const plain = await get('dong');
    expect(plain).toEqual(expect.arrayContaining(['Xã Tuy An Đông', 'Phường Đông Hoà']));
    expect(plain.every((n) => fold(n).includes('dong'))).toBe(true);
    expect(await get('Đông')).toEqual(plain);
    expect(await get('ĐÔNG')).toEqual(plain);
    expect(await get('Đông'.normalize('NFD'))).toEqual(plain);
    expect(await get('dak')).toEqual(expect.arrayContaining([expect.stringMatching(/Đắk|Đăk/)]));
  });

  it('takes % and _ in a query literally', async () => {
    for (const text of ['%', '_', 'ea%kar', 'ea_kar']) {
      const res = await t.client().get(`/api/units/provinces/66/communes?q=${encodeURIComponent(text)}`);
      expect({ text, items: res.json<{ items: CommuneItem[] }>().items }).toEqual({ text, items: [] });
    }
  });

  it('finds a commune by its code and filters by type', async () => {
    const byCode = await t.client().get('/api/units/provinces/66/communes?q=24373');
    expect(byCode.json<{ items: CommuneItem[] }>().items.map((c) => c.fullName)).toEqual(['Xã Ea Kar']);
    const phuong = await t.client().get('/api/units/provinces/66/communes?type=phuong');
    const items = phuong.json<{ items: CommuneItem[] }>().items;
    expect(items.length).toBeGreaterThan(5);
    expect(items.every((c) => c.type === 'phuong' && c.fullName.startsWith('Phường'))).toBe(true);
  });

  it('unknown province 99 → 404 in Vietnamese; bad code or filter → 400 naming it', async () => {
    const missing = expectError(await t.client().get('/api/units/provinces/99/communes'), 404, 'NOT_FOUND');
    expect(missing.message).toContain('99');
    expectError(await t.client().get('/api/units/provinces/99'), 404, 'NOT_FOUND');
    const bad = await t.client().get('/api/units/provinces/abc/communes');
    expectError(bad, 400, 'VALIDATION_ERROR');
    expect(fieldsOf(bad)).toEqual(['code']);
    const badType = await t.client().get('/api/units/provinces/66/communes?type=thanh_pho&regionType=sa_mac');
    expectError(badType, 400, 'VALIDATION_ERROR');
    expect(fieldsOf(badType).sort()).toEqual(['regionType', 'type']);
  });
});

describe('seeded reference data', () => {
  it('has 3,321 communes: 2,611 xã, 697 phường, 13 đặc khu, in 34 provinces', async () => {
    const rows = await q<{ type: string; n: number }>('select type, count(*)::int as n from communes group by type order by type');
    expect(Object.fromEntries(rows.map((r) => [r.type, r.n]))).toEqual({ xa: 2611, phuong: 697, dac_khu: 13 });
    expect((await q<{ n: number }>('select count(*)::int as n from provinces'))[0]!.n).toBe(34);
    expect((await q<{ n: number }>('select count(distinct province_code)::int as n from communes'))[0]!.n).toBe(34);
  });

  it('gives the default region type by commune type, except the demo communes', async () => {
    const demo = DEMO_COMMUNES.map((c) => c.code);
    const wrong = await q<{ code: string }>(
      `select code from communes
       where not (code = any($1))
         and region_type <> case type when 'phuong' then 'do_thi' when 'dac_khu' then 'bien_gioi_hai_dao' else 'nong_thon' end`,
      [demo],
    );
    expect(wrong).toEqual([]);
    const demoRows = await q<{ code: string; region_type: string; area_class: string | null }>(
      'select code, region_type, area_class from communes where code = any($1) order by code',
      [demo],
    );
    expect(demoRows).toEqual(
      [...DEMO_COMMUNES]
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((c) => ({ code: c.code, region_type: c.regionType, area_class: c.areaClass })),
    );
    // Spot checks of each default.
    const spot = await q<{ code: string; region_type: string }>(
      "select code, region_type from communes where code in ('00004', '20333', '24373')",
    );
    expect(Object.fromEntries(spot.map((r) => [r.code, r.region_type]))).toEqual({
      '00004': 'do_thi',
      '20333': 'bien_gioi_hai_dao',
      '24373': 'nong_thon',
    });
  });

  it('gives every commune its 12 default units, with parents linked inside the commune', async () => {
    const notTwelve = await q<{ code: string }>(
      'select c.code from communes c left join units u on u.commune_code = c.code and u.is_default group by c.code having count(u.id) <> 12',
    );
    expect(notTwelve).toEqual([]);
    expect((await q<{ n: number }>('select count(*)::int as n from units where is_default'))[0]!.n).toBe(3321 * 12);

    // Parent kinds as the rules define them.
    const expected = new Map(defaultUnitsFor('xa').map((u) => [u.kind, u.parentKind ?? null]));
    const rows = await q<{ kind: string; parent_kind: string | null; n: number }>(
      `select u.kind, p.kind as parent_kind, count(*)::int as n
       from units u left join units p on p.id = u.parent_id and p.commune_code = u.commune_code and p.is_default
       where u.is_default group by u.kind, p.kind order by u.kind`,
    );
    expect(rows).toHaveLength(12);
    for (const r of rows) {
      expect({ kind: r.kind, parent: r.parent_kind, n: r.n }).toEqual({ kind: r.kind, parent: expected.get(r.kind), n: 3321 });
    }
    // A parent never sits in another commune.
    const crossed = await q<{ id: number }>(
      'select u.id from units u join units p on p.id = u.parent_id where p.commune_code <> u.commune_code',
    );
    expect(crossed).toEqual([]);
  });

  it('names the economy office by commune type', async () => {
    const rows = await q<{ type: string; name: string; n: number }>(
      "select c.type, u.name, count(*)::int as n from units u join communes c on c.code = u.commune_code where u.kind = 'phong_kinh_te' group by c.type, u.name order by c.type",
    );
    expect(rows).toEqual([
      { type: 'dac_khu', name: 'Phòng Kinh tế', n: 13 },
      { type: 'phuong', name: 'Phòng Kinh tế, Hạ tầng và Đô thị', n: 697 },
      { type: 'xa', name: 'Phòng Kinh tế', n: 2611 },
    ]);
  });

  it('includes the island special zones Hoàng Sa and Trường Sa', async () => {
    const rows = await q<{ code: string; full_name: string; type: string; region_type: string; province_code: string }>(
      "select code, full_name, type, region_type, province_code from communes where full_name in ('Đặc khu Hoàng Sa', 'Đặc khu Trường Sa') order by code",
    );
    expect(rows).toEqual([
      { code: '20333', full_name: 'Đặc khu Hoàng Sa', type: 'dac_khu', region_type: 'bien_gioi_hai_dao', province_code: '48' },
      { code: '22736', full_name: 'Đặc khu Trường Sa', type: 'dac_khu', region_type: 'bien_gioi_hai_dao', province_code: '56' },
    ]);
  });

  it('lists the national training organisations and one political school per province', async () => {
    const rows = await q<{ n: number }>(
      "select count(*)::int as n from training_orgs where code like 'TCT.%' and kind = 'truong_chinh_tri'",
    );
    expect(rows[0]!.n).toBe(34);
    const hv = await q<{ name: string }>("select name from training_orgs where code = 'HVCTQG'");
    expect(hv).toEqual([{ name: 'Học viện Chính trị quốc gia Hồ Chí Minh' }]);
  });
});

describe('GET /api/units/communes/:code by scope', () => {
  it('a commune admin sees its own commune, may manage its units but not edit the region type', async () => {
    const d = await detail(commune24133, '24133');
    expect(d.commune).toMatchObject({ code: '24133', fullName: 'Phường Buôn Ma Thuột', provinceCode: '66', regionType: 'do_thi' });
    expect(d.provinceName).toBe('Tỉnh Đắk Lắk');
    expect(d.canManageUnits).toBe(true);
    expect(d.canEditRegionType).toBe(false);
    expect(d.units.filter((u) => u.isDefault)).toHaveLength(12);
    expect(d.units.every((u) => u.communeCode === '24133')).toBe(true);
    const ubnd = d.units.find((u) => u.kind === 'ubnd')!;
    expect(d.units.find((u) => u.kind === 'van_phong_hdnd_ubnd')!.parentId).toBe(ubnd.id);
  });

  it('a commune admin gets 404 for another commune, in its province or not', async () => {
    expectError(await commune24133.get('/api/units/communes/22015'), 404, 'NOT_FOUND');
    expectError(await commune24133.get('/api/units/communes/00004'), 404, 'NOT_FOUND');
    // Same answer as a commune that does not exist.
    const none = await commune24133.get('/api/units/communes/99999');
    expectError(none, 404, 'NOT_FOUND');
    expect(none.json<ErrorBody>().message).toBe((await commune24133.get('/api/units/communes/22015')).json<ErrorBody>().message);
  });

  it('the province admin of 66 sees 24373 with region-type editing, but 00004 (Hà Nội) is 404', async () => {
    const d = await detail(province66, '24373');
    expect(d.commune.fullName).toBe('Xã Ea Kar');
    expect(d.canEditRegionType).toBe(true);
    expect(d.canManageUnits).toBe(true);
    expectError(await province66.get('/api/units/communes/00004'), 404, 'NOT_FOUND');
  });

  it('unit heads and officials see their own commune only, read-only; training orgs see any commune', async () => {
    const head = await t.loginAs('donvi.24133.2');
    const d = await detail(head, '24133');
    expect(d.canManageUnits).toBe(false);
    expect(d.canEditRegionType).toBe(false);
    expectError(await head.get('/api/units/communes/22015'), 404, 'NOT_FOUND');

    const official = await t.loginAs('hocvien.22015.1');
    expect((await detail(official, '22015')).canManageUnits).toBe(false);
    expectError(await official.get('/api/units/communes/24133'), 404, 'NOT_FOUND');

    const org = await t.loginAs('truong.hvctqg');
    const hn = await detail(org, '00004');
    expect(hn.commune.fullName).toBe('Phường Ba Đình');
    expect(hn.canManageUnits).toBe(false);
  });

  it('without a session → 401; a malformed code → 400', async () => {
    expectError(await t.client().get('/api/units/communes/24133'), 401, 'UNAUTHENTICATED');
    const bad = await national.get('/api/units/communes/24a33');
    expectError(bad, 400, 'VALIDATION_ERROR');
    expect(fieldsOf(bad)).toEqual(['code']);
  });
});

describe('PATCH /api/units/communes/:code (region type)', () => {
  it('the province admin of 66 changes Xã Ea Kar, and the audit log keeps before/after', async () => {
    const before = (await detail(province66, '24373')).commune;
    expect(before.regionType).toBe('nong_thon');
    const res = await province66.patch('/api/units/communes/24373', {
      regionType: 'mien_nui_dtts',
      areaClass: 'II',
      version: before.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<CommuneItem>()).toMatchObject({
      code: '24373',
      regionType: 'mien_nui_dtts',
      areaClass: 'II',
      version: before.version + 1,
    });
    const db = await q<{ region_type: string; area_class: string }>("select region_type, area_class from communes where code = '24373'");
    expect(db).toEqual([{ region_type: 'mien_nui_dtts', area_class: 'II' }]);

    const audit = await province66.get('/api/audit?action=commune.update');
    const entry = audit.json<{ items: AuditItem[] }>().items.find((e) => e.entityId === '24373');
    expect(entry).toMatchObject({
      actorUsername: 'sonoivu.66',
      entityType: 'commune',
      provinceCode: '66',
      communeCode: '24373',
      before: { regionType: 'nong_thon', areaClass: null },
      after: { regionType: 'mien_nui_dtts', areaClass: 'II' },
    });
    expect(entry!.requestId).toBe(res.headers['x-request-id']);

    // A stale version (the one read before the change) → 409, nothing overwritten.
    const stale = await province66.patch('/api/units/communes/24373', { regionType: 'do_thi', version: before.version });
    expectError(stale, 409, 'VERSION_CONFLICT');
    expect((await q<{ region_type: string }>("select region_type from communes where code = '24373'"))[0]!.region_type).toBe(
      'mien_nui_dtts',
    );
  });

  it('a commune admin may not change its own region type (403)', async () => {
    const c = (await detail(commune24133, '24133')).commune;
    expectError(await commune24133.patch('/api/units/communes/24133', { regionType: 'nong_thon', version: c.version }), 403, 'FORBIDDEN');
    expect((await q<{ region_type: string }>("select region_type from communes where code = '24133'"))[0]!.region_type).toBe('do_thi');
  });

  it('the province admin of 66 gets 404 for a Hà Nội commune; the national admin may change it', async () => {
    expectError(await province66.patch('/api/units/communes/00004', { regionType: 'nong_thon', version: 1 }), 404, 'NOT_FOUND');
    expect((await q<{ region_type: string }>("select region_type from communes where code = '00004'"))[0]!.region_type).toBe('do_thi');
    const ok = await national.patch('/api/units/communes/00008', { regionType: 'do_thi', areaClass: null, version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('invalid region type → 400 naming regionType; an empty change → 400', async () => {
    const c = (await detail(province66, '24211')).commune;
    const bad = await province66.patch('/api/units/communes/24211', { regionType: 'sa_mac', version: c.version });
    const body = expectError(bad, 400, 'VALIDATION_ERROR');
    expect(fieldsOf(bad)).toEqual(['regionType']);
    expect(body.message).toContain('Loại vùng');
    const badClass = await province66.patch('/api/units/communes/24211', { areaClass: 'IV', version: c.version });
    expect(fieldsOf(badClass)).toEqual(['areaClass']);
    const noVersion = await province66.patch('/api/units/communes/24211', { regionType: 'do_thi' });
    expect(fieldsOf(noVersion)).toEqual(['version']);
    expectError(await province66.patch('/api/units/communes/24211', { version: c.version }), 400, 'VALIDATION_ERROR');
    expect((await detail(province66, '24211')).commune.version).toBe(c.version);
  });

  it('needs the CSRF header', async () => {
    province66.sendCsrf = false;
    try {
      expectError(await province66.patch('/api/units/communes/24373', { regionType: 'do_thi', version: 99 }), 403, 'CSRF_INVALID');
    } finally {
      province66.sendCsrf = true;
    }
  });
});

describe('agencies inside a commune', () => {
  it('a commune admin adds a unit under UBND; a duplicate name (any case) → 409', async () => {
    const ubnd = (await detail(commune24133, '24133')).units.find((u) => u.kind === 'ubnd')!;
    const res = await commune24133.post('/api/units/communes/24133/units', {
      name: '  Tổ Chuyển đổi số  ',
      bloc: 'ubnd',
      parentId: ubnd.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const unit = res.json<UnitItem>();
    expect(unit).toMatchObject({
      communeCode: '24133',
      name: 'Tổ Chuyển đổi số',
      bloc: 'ubnd',
      parentId: ubnd.id,
      isDefault: false,
      validTo: null,
      version: 1,
    });
    expect(unit.validFrom).toBe(t.clock.today());
    expect((await detail(commune24133, '24133')).units.map((u) => u.id)).toContain(unit.id);

    const dup = await commune24133.post('/api/units/communes/24133/units', { name: 'TỔ CHUYỂN ĐỔI SỐ', bloc: 'dang' });
    expectError(dup, 409, 'CONFLICT');
    expect(fieldsOf(dup)).toEqual(['name']);
    const dupDefault = await commune24133.post('/api/units/communes/24133/units', { name: 'Đảng ủy', bloc: 'dang' });
    expectError(dupDefault, 409, 'CONFLICT');
  });

  it('cannot add a unit to another commune (404) nor hang it under another commune’s unit (400 parentId)', async () => {
    const before = (await q<{ n: number }>("select count(*)::int as n from units where commune_code = '22015'"))[0]!.n;
    expectError(await commune24133.post('/api/units/communes/22015/units', { name: 'Lấn Sân', bloc: 'ubnd' }), 404, 'NOT_FOUND');
    expect((await q<{ n: number }>("select count(*)::int as n from units where commune_code = '22015'"))[0]!.n).toBe(before);
    const foreignParent = (await detail(province66, '22015')).units[0]!;
    const bad = await commune24133.post('/api/units/communes/24133/units', { name: 'Cha Lạ', bloc: 'ubnd', parentId: foreignParent.id });
    expectError(bad, 400, 'VALIDATION_ERROR');
    expect(fieldsOf(bad)).toEqual(['parentId']);
  });

  it('a unit head may read but not add units (403)', async () => {
    const head = await t.loginAs('donvi.24133.3');
    expectError(await head.post('/api/units/communes/24133/units', { name: 'Không Được', bloc: 'ubnd' }), 403, 'FORBIDDEN');
  });

  it('archiving a default unit → 400 naming validTo; archiving an added unit works and frees its name', async () => {
    const d = await detail(commune24133, '24133');
    const dangUy = d.units.find((u) => u.kind === 'dang_uy')!;
    const refused = await commune24133.patch(`/api/units/units/${dangUy.id}`, { validTo: t.clock.today(), version: dangUy.version });
    expectError(refused, 400, 'VALIDATION_ERROR');
    expect(fieldsOf(refused)).toEqual(['validTo']);
    expect((await q<{ valid_to: string | null }>('select valid_to from units where id = $1', [dangUy.id]))[0]!.valid_to).toBeNull();

    const added = await commune24133.post('/api/units/communes/24133/units', { name: 'Ban Tạm Thời', bloc: 'mttq' });
    expect(added.statusCode, added.body).toBe(201);
    const unit = added.json<UnitItem>();
    const tooEarly = await commune24133.patch(`/api/units/units/${unit.id}`, { validTo: '2025-01-01', version: unit.version });
    expectError(tooEarly, 400, 'VALIDATION_ERROR');
    expect(fieldsOf(tooEarly)).toEqual(['validTo']);

    const archived = await commune24133.patch(`/api/units/units/${unit.id}`, { validTo: t.clock.today(), version: unit.version });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json<UnitItem>()).toMatchObject({ id: unit.id, validTo: t.clock.today(), version: 2 });

    const audit = await commune24133.get('/api/audit?action=unit.archive');
    expect(audit.json<{ items: AuditItem[] }>().items.find((e) => e.entityId === String(unit.id))).toMatchObject({
      communeCode: '24133',
      before: expect.objectContaining({ validTo: null }),
      after: expect.objectContaining({ validTo: t.clock.today() }),
    });
    // The name is free again for a new unit.
    const again = await commune24133.post('/api/units/communes/24133/units', { name: 'Ban Tạm Thời', bloc: 'mttq' });
    expect(again.statusCode, again.body).toBe(201);
    // Bringing the archived one back would make two active units of that name.
    const revive = await commune24133.patch(`/api/units/units/${unit.id}`, { validTo: null, version: 2 });
    expectError(revive, 409, 'CONFLICT');
    expect(fieldsOf(revive)).toEqual(['name']);
    expect((await q<{ valid_to: string | null }>('select valid_to from units where id = $1', [unit.id]))[0]!.valid_to).toBe(
      t.clock.today(),
    );
  });

  it('another commune’s unit → 404, unchanged; a stale version → 409', async () => {
    const foreign = (await detail(province66, '22015')).units.find((u) => u.kind === 'hdnd')!;
    expectError(
      await commune24133.patch(`/api/units/units/${foreign.id}`, { name: 'Đổi Tên', version: foreign.version }),
      404,
      'NOT_FOUND',
    );
    expect((await q<{ name: string }>('select name from units where id = $1', [foreign.id]))[0]!.name).toBe('Hội đồng nhân dân');
    expectError(await commune24133.patch('/api/units/units/2000000000', { name: 'Đổi Tên', version: 1 }), 404, 'NOT_FOUND');

    const own = (await detail(commune24133, '24133')).units.find((u) => u.kind === 'hdnd')!;
    const first = await commune24133.patch(`/api/units/units/${own.id}`, { name: 'HĐND phường', version: own.version });
    expect(first.statusCode, first.body).toBe(200);
    expectError(
      await commune24133.patch(`/api/units/units/${own.id}`, { name: 'HĐND phường (2)', version: own.version }),
      409,
      'VERSION_CONFLICT',
    );
    expect((await q<{ name: string }>('select name from units where id = $1', [own.id]))[0]!.name).toBe('HĐND phường');
  });

  it('the province admin manages units of its communes only', async () => {
    const res = await province66.post('/api/units/communes/24373/units', { name: 'Tổ công tác tỉnh', bloc: 'ubnd' });
    expect(res.statusCode, res.body).toBe(201);
    expectError(await province66.post('/api/units/communes/00004/units', { name: 'Tổ công tác tỉnh', bloc: 'ubnd' }), 404, 'NOT_FOUND');
  });
});

describe('training organisations', () => {
  it('the list needs a session and holds the national list', async () => {
    expectError(await t.client().get('/api/training-orgs'), 401, 'UNAUTHENTICATED');
    const res = await commune24133.get('/api/training-orgs');
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: TrainingOrgItem[] }>().items;
    expect(items.find((o) => o.code === 'HVCTQG')).toMatchObject({ kind: 'hoc_vien', provinceCode: null, active: true });
    expect(items.find((o) => o.code === 'TCT.66')).toMatchObject({ kind: 'truong_chinh_tri', provinceCode: '66' });
    expect(items.filter((o) => o.kind === 'truong_chinh_tri')).toHaveLength(34);
  });

  it('the national admin adds one; a duplicate code → 409; bad input → 400 naming fields', async () => {
    const code = `DHKT.${Date.now().toString(36).toUpperCase()}`;
    const res = await national.post('/api/training-orgs', {
      code,
      name: 'Trường Đại học Kinh tế Quốc dân',
      kind: 'dai_hoc',
      provinceCode: '01',
    });
    expect(res.statusCode, res.body).toBe(201);
    const org = res.json<TrainingOrgItem>();
    expect(org).toMatchObject({
      code,
      name: 'Trường Đại học Kinh tế Quốc dân',
      kind: 'dai_hoc',
      provinceCode: '01',
      active: true,
      version: 1,
    });
    expect((await national.get('/api/training-orgs')).json<{ items: TrainingOrgItem[] }>().items.map((o) => o.id)).toContain(org.id);

    const dup = await national.post('/api/training-orgs', { code, name: 'Trùng Mã', kind: 'khac' });
    expectError(dup, 409, 'CONFLICT');
    expect(fieldsOf(dup)).toEqual(['code']);

    const bad = await national.post('/api/training-orgs', { code: 'thuong', name: '', kind: 'vien_nghien_cuu' });
    expectError(bad, 400, 'VALIDATION_ERROR');
    expect(fieldsOf(bad).sort()).toEqual(['code', 'kind', 'name']);

    const noProvince = await national.post('/api/training-orgs', { code: `${code}X`, name: 'Tỉnh Lạ', kind: 'khac', provinceCode: '99' });
    expectError(noProvince, 400, 'VALIDATION_ERROR');
    expect(fieldsOf(noProvince)).toEqual(['provinceCode']);

    const upd = await national.patch(`/api/training-orgs/${org.id}`, { active: false, version: 1 });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json<TrainingOrgItem>()).toMatchObject({ active: false, version: 2 });
    expectError(await national.patch(`/api/training-orgs/${org.id}`, { active: true, version: 1 }), 409, 'VERSION_CONFLICT');
  });

  it('a province admin cannot add or change one (403)', async () => {
    const before = (await q<{ n: number }>('select count(*)::int as n from training_orgs'))[0]!.n;
    expectError(
      await province66.post('/api/training-orgs', { code: 'TINH.66.MOI', name: 'Trường Tỉnh', kind: 'khac', provinceCode: '66' }),
      403,
      'FORBIDDEN',
    );
    expect((await q<{ n: number }>('select count(*)::int as n from training_orgs'))[0]!.n).toBe(before);
    const tct = (await q<{ id: number; version: number }>("select id, version from training_orgs where code = 'TCT.66'"))[0]!;
    expectError(await province66.patch(`/api/training-orgs/${tct.id}`, { active: false, version: tct.version }), 403, 'FORBIDDEN');
  });
});
