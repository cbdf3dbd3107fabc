import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';

let t: TestContext;
let admin: TestClient; // xa.24133
let other: TestClient; // xa.22015
let positions: { id: number; code: string }[];
let units: { id: number; kind: string; name: string }[];

const base = {
  birthDate: '1990-04-12',
  gender: 'nu',
  officialType: 'cong_chuc',
  isLeader: false,
  bloc: 'ubnd',
  eduLevel: 'dai_hoc',
};

async function create(c: TestClient, body: Record<string, unknown>) {
  const res = await c.post('/api/officials', { ...base, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

beforeAll(async () => {
  t = await createTestContext({ today: '2026-11-23' });
  admin = await t.loginAs('xa.24133');
  other = await t.loginAs('xa.22015');
  positions = (await admin.get('/api/positions')).json().items;
  units = (await admin.get('/api/units/communes/24133')).json().units;
});
afterAll(() => t.close());

const pos = (code: string) => positions.find((p) => p.code === code)!.id;
const unit = (kind: string) => units.find((u) => u.kind === kind)!.id;

describe('create and read', () => {
  it('creates an official who meets the requirement, with a first assignment and status', async () => {
    const o = await create(admin, {
      fullName: '  Trần   Thị Mỹ Duyên ',
      cccd: '066190000001',
      unitId: unit('van_phong_hdnd_ubnd'),
      positionId: pos('CV_TP'),
      studyField: 'luat',
    });
    expect(o.fullName).toBe('Trần Thị Mỹ Duyên');
    expect(o.communeCode).toBe('24133');
    expect(o.meetsRequirement).toBe(true);
    expect(o.belowStandard).toBe(false);
    expect(o.cccd).toBe('066190000001');
    expect(o.assignments).toHaveLength(1);
    expect(o.assignments[0].toDate).toBeNull();
    expect(o.statusHistory[0].status).toBe('dang_cong_tac');
    expect(o.canEdit).toBe(true);
  });

  it('flags below standard from the position requirement and keeps the flag history', async () => {
    const o = await create(admin, { fullName: 'Lê Văn Khoa', positionId: pos('CV_TP'), studyField: 'nong_lam_thuy_san', unitId: unit('van_phong_hdnd_ubnd') });
    expect(o.belowStandard).toBe(true);
    expect(o.flags).toHaveLength(1);
    expect(o.flags[0]).toMatchObject({ flag: 'below_standard', fromDate: '2026-11-23', toDate: null, setBy: 'xa.24133' });
    // An admin overrides with a reason: the flag closes, the period stays in history.
    const res = await admin.patch(`/api/officials/${o.id}`, { version: o.version, meetsRequirementOverride: true, meetsRequirementReason: 'Có văn bằng 2 ngành Luật' });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json();
    expect(after.belowStandard).toBe(false);
    expect(after.meetsRequirementComputed).toBe(false);
    expect(after.meetsRequirementOverride).toBe(true);
    expect(after.flags[0]).toMatchObject({ flag: 'below_standard', clearedBy: 'xa.24133', clearedReason: 'Có văn bằng 2 ngành Luật' });
    expect(after.flags[0].toDate).not.toBeNull();
  });

  it('an override needs a reason', async () => {
    const o = await create(admin, { fullName: 'Phan Văn Lộc' });
    const res = await admin.patch(`/api/officials/${o.id}`, { version: o.version, meetsRequirementOverride: false });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe('meetsRequirementReason');
    expect(res.json().message).toMatch(/Lý do điều chỉnh/);
  });

  it('refuses bad input with Vietnamese messages naming the field, saving nothing', async () => {
    const before = (await admin.get('/api/officials?pageSize=1')).json().total;
    const res = await admin.post('/api/officials', { ...base, fullName: 'X', cccd: '123', birthDate: '2026-02-31x' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['fullName', 'cccd', 'birthDate']));
    expect(res.json().message).toMatch(/Số CCCD/);
    const wrongUnit = await admin.post('/api/officials', { ...base, fullName: 'Đinh Văn Tú', unitId: 1 });
    expect(wrongUnit.statusCode).toBe(400);
    expect(wrongUnit.json().fields[0].field).toBe('unitId');
    expect((await admin.get('/api/officials?pageSize=1')).json().total).toBe(before);
  });

  it('CCCD is unique nationally: 409 naming the field', async () => {
    await create(admin, { fullName: 'Võ Thị Hồng', cccd: '066190000777' });
    const res = await other.post('/api/officials', { ...base, fullName: 'Võ Văn Hùng', cccd: '066190000777' });
    expect(res.statusCode).toBe(409);
    expect(res.json().fields[0].field).toBe('cccd');
  });
});

describe('lists', () => {
  it('search ignores diacritics and case; results sort by given name the Vietnamese way', async () => {
    await create(admin, { fullName: 'Nguyễn Văn Ánh' });
    await create(admin, { fullName: 'Nguyễn Văn Anh' });
    await create(admin, { fullName: 'NGUYỄN VĂN ĐẠT' });
    const res = await admin.get('/api/officials?q=nguyen%20van%20a&pageSize=100');
    expect(res.statusCode).toBe(200);
    const names: string[] = res.json().items.map((i: { fullName: string }) => i.fullName);
    expect(names).toEqual(expect.arrayContaining(['Nguyễn Văn Anh', 'Nguyễn Văn Ánh']));
    expect(names.indexOf('Nguyễn Văn Anh')).toBeLessThan(names.indexOf('Nguyễn Văn Ánh'));
    const dat = await admin.get('/api/officials?q=nguyen%20van%20dat');
    expect(dat.json().items.map((i: { fullName: string }) => i.fullName)).toContain('NGUYỄN VĂN ĐẠT');
  });

  it('filters by flag, type, leader and unit, and pages with a stable total', async () => {
    const below = (await admin.get('/api/officials?belowStandard=true&pageSize=500')).json();
    expect(below.total).toBeGreaterThan(0);
    expect(below.items.every((i: { belowStandard: boolean }) => i.belowStandard)).toBe(true);
    const leaders = (await admin.get('/api/officials?leader=true&type=can_bo&pageSize=500')).json();
    expect(leaders.items.every((i: { isLeader: boolean; officialType: string }) => i.isLeader && i.officialType === 'can_bo')).toBe(true);
    const p1 = (await admin.get('/api/officials?pageSize=10&page=1')).json();
    const p2 = (await admin.get('/api/officials?pageSize=10&page=2')).json();
    expect(p1.total).toBe(p2.total);
    expect(new Set([...p1.items, ...p2.items].map((i: { id: string }) => i.id)).size).toBe(20);
  });
});

describe('scope', () => {
  let foreignId: string;
  beforeAll(async () => {
    foreignId = (await other.get('/api/officials?pageSize=1')).json().items[0].id;
  });

  it('a commune admin cannot list, read or change another commune', async () => {
    expect((await admin.get('/api/officials?commune=22015')).statusCode).toBe(403);
    expect((await admin.get(`/api/officials/${foreignId}`)).statusCode).toBe(404);
    expect((await admin.patch(`/api/officials/${foreignId}`, { version: 1, fullName: 'Ai Đó' })).statusCode).toBe(404);
    expect((await admin.get(`/api/officials/${foreignId}/sensitive`)).statusCode).toBe(404);
    const mine = (await admin.get('/api/officials?pageSize=500')).json();
    expect(mine.items.every((i: { communeCode: string }) => i.communeCode === '24133')).toBe(true);
  });

  it('a province admin cannot touch another province', async () => {
    const hn = await t.loginAs('bonoivu');
    const created = await hn.post('/api/officials', { ...base, fullName: 'Hà Văn Nội', communeCode: '00004' });
    expect(created.statusCode, created.body).toBe(201);
    const so = await t.loginAs('sonoivu.66');
    expect((await so.get(`/api/officials/${created.json().id}`)).statusCode).toBe(404);
    expect((await so.get('/api/officials?province=01')).statusCode).toBe(403);
    expect((await so.get('/api/officials?commune=00004')).statusCode).toBe(403);
    const all = (await so.get('/api/officials?pageSize=500')).json();
    expect(all.items.every((i: { provinceCode: string }) => i.provinceCode === '66')).toBe(true);
  });

  it('a unit head sees only its own unit; a reviewer sees masked CCCD and cannot edit', async () => {
    const head = await t.loginAs('donvi.24133.2');
    const list = (await head.get('/api/officials?pageSize=500')).json();
    expect(list.total).toBeGreaterThan(0);
    expect(new Set(list.items.map((i: { unitId: number }) => i.unitId)).size).toBe(1);
    expect(list.items.find((i: { cccd: string | null }) => i.cccd)!.cccd).toMatch(/^•+\d{3}$/);
    expect((await head.get('/api/officials?unitId=' + unit('van_phong_hdnd_ubnd'))).statusCode).toBe(403);
    const reviewer = await t.loginAs('bantochuc.66');
    const r = (await reviewer.get('/api/officials?commune=24133&pageSize=100')).json();
    expect(r.items.find((i: { cccd: string | null }) => i.cccd)!.cccd).toMatch(/^•+\d{3}$/);
    expect((await reviewer.patch(`/api/officials/${r.items[0].id}`, { version: r.items[0].version, fullName: 'Sửa Trộm' })).statusCode).toBe(403);
    expect((await reviewer.get(`/api/officials/${r.items[0].id}/sensitive`)).statusCode).toBe(403);
  });

  it('an official reads its own record only; a training org reads none', async () => {
    const me = await t.loginAs('hocvien.24133.1');
    const list = (await me.get('/api/officials')).json();
    expect(list.total).toBe(1);
    const own = await me.get(`/api/officials/${list.items[0].id}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().canEdit).toBe(false);
    expect((await me.get(`/api/officials/${foreignId}`)).statusCode).toBe(404);
    const org = await t.loginAs('truong.hvctqg');
    expect((await org.get('/api/officials')).statusCode).toBe(403);
  });
});

describe('history and concurrency', () => {
  it('two people editing one record: the second save gets 409 and nothing is overwritten', async () => {
    const o = await create(admin, { fullName: 'Hoàng Văn Thái' });
    const a = await admin.patch(`/api/officials/${o.id}`, { version: o.version, phone: '0912345678' });
    expect(a.statusCode).toBe(200);
    const b = await admin.patch(`/api/officials/${o.id}`, { version: o.version, phone: '0987654321' });
    expect(b.statusCode).toBe(409);
    expect(b.json().code).toBe('VERSION_CONFLICT');
    expect(b.json().message).toMatch(/tải lại/);
    expect((await admin.get(`/api/officials/${o.id}`)).json().phone).toBe('0912345678');
  });

  it('retirement closes the assignment the day before, with the status history kept', async () => {
    const o = await create(admin, { fullName: 'Lý Văn Thọ' });
    const bad = await admin.post(`/api/officials/${o.id}/status`, { status: 'nghi_huu', fromDate: '2020-01-01', version: o.version });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('fromDate');
    const res = await admin.post(`/api/officials/${o.id}/status`, { status: 'nghi_huu', fromDate: '2026-12-01', reason: 'Đủ tuổi nghỉ hưu', version: o.version });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json();
    expect(after.status).toBe('nghi_huu');
    expect(after.assignments[0].toDate).toBe('2026-11-30');
    expect(after.statusHistory.map((s: { status: string }) => s.status)).toEqual(['nghi_huu', 'dang_cong_tac']);
  });

  it('a province admin moves a person to another commune: same person, history kept; a commune admin may not', async () => {
    const o = await create(admin, { fullName: 'Đặng Thị Tuyết' });
    const denied = await admin.post(`/api/officials/${o.id}/transfer`, { communeCode: '22015', fromDate: '2026-12-01', version: o.version });
    expect(denied.statusCode).toBe(403);
    const so = await t.loginAs('sonoivu.66');
    const res = await so.post(`/api/officials/${o.id}/transfer`, { communeCode: '22015', fromDate: '2026-12-01', reason: 'Điều động', version: o.version });
    expect(res.statusCode, res.body).toBe(200);
    const moved = res.json();
    expect(moved.id).toBe(o.id);
    expect(moved.communeCode).toBe('22015');
    expect(moved.assignments).toHaveLength(2);
    expect(moved.assignments[1]).toMatchObject({ communeCode: '24133', toDate: '2026-11-30' });
    expect((await admin.get(`/api/officials/${o.id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/officials/${o.id}`)).statusCode).toBe(200);
  });
});

describe('sensitive data', () => {
  it('only admins of the scope read it, and each view is audited', async () => {
    const o = await create(admin, { fullName: 'H’Bia Niê', gender: 'nu' });
    const put = await admin.request('PUT', `/api/officials/${o.id}/sensitive`, { ethnicityCode: '04', religionCode: '00' });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ ethnicityCode: '04', religionCode: '00', codeList: 'TCTK-QD121-2019' });
    const get = await admin.get(`/api/officials/${o.id}/sensitive`);
    expect(get.statusCode).toBe(200);
    const audit = (await admin.get('/api/audit?action=official.view_sensitive')).json();
    expect(audit.items.some((a: { entityId: string }) => a.entityId === o.id)).toBe(true);
    // Not in the detail, and never in the audit log values.
    expect(JSON.stringify((await admin.get(`/api/officials/${o.id}`)).json())).not.toMatch(/ethnicity/);
    const updates = (await admin.get('/api/audit?action=official.update_sensitive')).json();
    expect(JSON.stringify(updates)).not.toMatch(/"04"/);
  });
});

describe('positions', () => {
  it('lists the national set; a commune admin adds its own, cannot edit national ones', async () => {
    expect(positions.length).toBeGreaterThanOrEqual(20);
    const nat = positions.find((p) => p.code === 'CT_UBND')!;
    const deny = await admin.patch(`/api/positions/${nat.id}`, { version: 1, name: 'Sửa' });
    expect(deny.statusCode).toBe(403);
    const res = await admin.post('/api/positions', { name: 'Công chức văn hóa – thông tin cơ sở', level: 'commune', requiredEduLevel: 'dai_hoc', requiredStudyFields: ['van_hoa_du_lich'] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ level: 'commune', communeCode: '24133', canEdit: true });
    const otherList = (await other.get('/api/positions')).json().items;
    expect(otherList.some((p: { id: number }) => p.id === res.json().id)).toBe(false);
  });

  it('changing a requirement re-evaluates holders and records their flag change', async () => {
    const so = await t.loginAs('sonoivu.66');
    const p = (await so.post('/api/positions', { name: 'Chuyên viên thử nghiệm', level: 'province', requiredEduLevel: 'dai_hoc', requiredStudyFields: ['luat'] })).json();
    const o = await create(admin, { fullName: 'Mai Văn Tiến', positionId: p.id, studyField: 'kinh_te' });
    expect(o.belowStandard).toBe(true);
    const upd = await so.patch(`/api/positions/${p.id}`, { version: p.version, requiredStudyFields: ['luat', 'kinh_te'] });
    expect(upd.statusCode, upd.body).toBe(200);
    const after = (await admin.get(`/api/officials/${o.id}`)).json();
    expect(after.belowStandard).toBe(false);
    expect(after.flags[0].clearedReason).toMatch(/Chuyên viên thử nghiệm/);
  });
});

describe('partial updates', () => {
  it('a PATCH changes only the fields it sends (flags are not reset by defaults)', async () => {
    const o = await create(admin, { fullName: 'Kiều Văn Lâm', isLeader: true, leaderTitle: 'Phó Chánh Văn phòng', affectedByReorg: true });
    const res = await admin.patch(`/api/officials/${o.id}`, { version: o.version, foreignLanguage: 'Tiếng Anh B1' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ isLeader: true, affectedByReorg: true, foreignLanguage: 'Tiếng Anh B1' });
    const reorg = res.json().flags.find((f: { flag: string }) => f.flag === 'affected_by_reorg');
    expect(reorg.toDate).toBeNull();
  });
  it('a position PATCH keeps its requirements', async () => {
    const p = (await admin.post('/api/positions', { name: 'Vị trí thử cập nhật', level: 'commune', requiredEduLevel: 'dai_hoc', requiredStudyFields: ['luat'], trainingFields: ['phap_luat'] })).json();
    const res = await admin.patch(`/api/positions/${p.id}`, { version: p.version, active: false });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ active: false, requiredStudyFields: ['luat'], trainingFields: ['phap_luat'] });
  });
});
