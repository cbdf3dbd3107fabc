/**
 * Classes through the real API and PostgreSQL (SPEC §5): who creates and edits, who sees what
 * (training orgs only their own classes; communes the classes serving them), status flow, sessions
 * inside the class dates, online classes with bridge points, validation and audit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassDetail, ClassListResponse } from '@app/shared';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { expectError, fieldsOf, insertProgramme, makeClass, ok, orgIdOf, loginAll, type AuditPage } from './test-support.ts';

let t: TestContext;
let national: TestClient; // bonoivu
let province: TestClient; // sonoivu.66
let reviewer: TestClient; // bantochuc.66
let org66: TestClient; // truong.66 — Trường Chính trị tỉnh Đắk Lắk
let hcma: TestClient; // truong.hvctqg
let bmt: TestClient; // xa.24133 — Phường Buôn Ma Thuột
let eakar: TestClient; // xa.24373 — Xã Ea Kar
let learner: TestClient; // hocvien.24133.1
let cmnv: number;
let knbt: number;
let tct66: number;
let hvctqg: number;

beforeAll(async () => {
  t = await createTestContext({ today: '2026-11-23' });
  [national, province, reviewer, org66, hcma, bmt, eakar, learner] = await loginAll(t, [
    'bonoivu',
    'sonoivu.66',
    'bantochuc.66',
    'truong.66',
    'truong.hvctqg',
    'xa.24133',
    'xa.24373',
    'hocvien.24133.1',
  ] as const);
  cmnv = await insertProgramme(t.pool, { type: 'CMNV', code: 'T.CMNV.DATDAI', name: 'Nghiệp vụ đất đai', fields: ['dat_dai'] });
  knbt = await insertProgramme(t.pool, { type: 'KNBT', code: 'T.KNBT.XLTH', name: 'Xử lý tình huống', requiresEssay: true });
  tct66 = await orgIdOf(t.pool, 'TCT.66');
  hvctqg = await orgIdOf(t.pool, 'HVCTQG');
});
afterAll(async () => {
  await t?.close();
});

const audit = (c: TestClient, q: string) => ok<AuditPage>(c.get(`/api/audit?${q}`));

describe('creating a class', () => {
  it('a province admin creates a class of its province: code made, programme type copied, host in the communes, audited', async () => {
    const c = await makeClass(province, {
      programmeId: cmnv,
      organiserId: tct66,
      hostCommuneCode: '24133',
      communeCodes: ['22015'],
      budgetPlannedLocal: 45_000_000,
      supportPerLearner: 150_000,
    });
    expect(c.code).toMatch(/^L2026\.TCT\.66\.\d{3}$/);
    expect(c).toMatchObject({
      programmeType: 'CMNV',
      provinceCode: '66',
      organiserId: tct66,
      status: 'planned',
      hostCommuneName: 'Phường Buôn Ma Thuột',
      budgetPlannedLocal: 45_000_000,
      supportPerLearner: 150_000,
      assessmentCount: 1,
      counts: { enrolled: 0, waitlisted: 0 },
    });
    expect(c.communes.map((x) => x.code).sort()).toEqual(['22015', '24133']);
    expect(c.programme).toMatchObject({ code: 'T.CMNV.DATDAI', minAttendancePct: 100, maxExcusedPct: 20, passScore: 5 });
    expect(c.actions).toMatchObject({ canEdit: true, canRecord: false, canNominate: false, nextStatuses: ['open', 'cancelled'] });
    const a = await audit(province, `action=class.create&entityType=class`);
    const entry = a.items.find((i) => i.entityId === String(c.id))!;
    expect(entry.actorUsername).toBe('sonoivu.66');
    expect(entry.after).toMatchObject({ code: c.code, programmeType: 'CMNV', communeCodes: expect.arrayContaining(['24133', '22015']) });
  });

  it('numbers generated codes per organiser and year', async () => {
    const a = await makeClass(org66, { programmeId: cmnv, hostCommuneCode: '24373' });
    const b = await makeClass(org66, { programmeId: cmnv, hostCommuneCode: '24373' });
    const n = (code: string) => Number(code.split('.').pop());
    expect(n(b.code)).toBe(n(a.code) + 1);
  });

  it('a training org creates classes only for itself', async () => {
    const own = await makeClass(org66, { programmeId: cmnv, hostCommuneCode: '24373' });
    expect(own.organiserId).toBe(tct66);
    expect(own.provinceCode).toBe('66');
    expectError(await org66.post('/api/classes', { ...base(), programmeId: cmnv, organiserId: hvctqg }), 403, 'FORBIDDEN');
  });

  it('refuses creators without the right: a commune admin, a province admin outside its province', async () => {
    expectError(await bmt.post('/api/classes', { ...base(), programmeId: cmnv, organiserId: tct66 }), 403, 'FORBIDDEN');
    expectError(await learner.post('/api/classes', { ...base(), programmeId: cmnv, organiserId: tct66 }), 403, 'FORBIDDEN');
    // Hà Nội (01) is not Đắk Lắk's.
    expectError(
      await province.post('/api/classes', { ...base(), programmeId: cmnv, organiserId: tct66, provinceCode: '01' }),
      403,
      'FORBIDDEN',
    );
  });

  it('explains bad input naming the field', async () => {
    const bad = async (body: Record<string, unknown>, field: string) => {
      const res = await national.post('/api/classes', { ...base(), programmeId: cmnv, organiserId: tct66, ...body });
      expectError(res, 400, 'VALIDATION_ERROR');
      expect(fieldsOf(res)).toContain(field);
      return res.json<{ message: string }>().message;
    };
    expect(await bad({ startDate: '2026-12-10', endDate: '2026-12-01' }, 'endDate')).toMatch(/Ngày bế giảng.*01\/12\/2026/);
    expect(await bad({ programmeId: 999_999 }, 'programmeId')).toMatch(/Chương trình/);
    expect(await bad({ organiserId: 999_999 }, 'organiserId')).toMatch(/Cơ sở tổ chức lớp/);
    expect(await bad({ provinceCode: '66', hostCommuneCode: '00004' }, 'hostCommuneCode')).toMatch(/không thuộc tỉnh/);
    expect(await bad({ hostCommuneCode: '24133', communeCodes: ['24373', '99999'] }, 'communeCodes.1')).toMatch(/99999/);
    expect(await bad({ mode: 'online' }, 'mode')).toMatch(/Hình thức học/);
    expect(await bad({ capacity: 0 }, 'capacity')).toMatch(/Số học viên tối đa/);
    expect(await bad({ startDate: '2026-02-30' }, 'startDate')).toMatch(/không phải ngày có thật/);
    const none = await t.pool.query(
      `select count(*)::int as n from classes where programme_id = $1 and organiser_id = $2 and name = 'Lớp lỗi'`,
      [cmnv, tct66],
    );
    expect(none.rows[0].n).toBe(0);
  });
});

function base() {
  return { name: 'Lớp lỗi', mode: 'truc_tiep', scheduleType: 'trong_gio', startDate: '2026-12-07', endDate: '2026-12-09', capacity: 20 };
}

describe('who sees a class', () => {
  let cls: ClassDetail;
  beforeAll(async () => {
    cls = await makeClass(org66, { programmeId: cmnv, hostCommuneCode: '24133', name: 'Quản lý đất đai cấp xã – khóa Buôn Ma Thuột' });
  });

  it('the organiser, the province, the served commune and the national admin see it', async () => {
    for (const c of [org66, province, reviewer, bmt, national]) {
      const d = await ok<ClassDetail>(c.get(`/api/classes/${cls.id}`));
      expect(d.code).toBe(cls.code);
    }
  });

  it('another training org, another commune (class not open yet) and a learner not nominated get 404; lists leave it out', async () => {
    for (const c of [hcma, eakar, learner]) {
      expectError(await c.get(`/api/classes/${cls.id}`), 404, 'NOT_FOUND');
      const list = await ok<ClassListResponse>(c.get('/api/classes?pageSize=500'));
      expect(list.items.map((i) => i.id)).not.toContain(cls.id);
    }
    expectError(await hcma.patch(`/api/classes/${cls.id}`, { name: 'Đổi tên', version: cls.version }), 404, 'NOT_FOUND');
  });

  it('a class open for nomination is visible to every commune of its province', async () => {
    const opened = await makeClass(org66, { programmeId: cmnv, hostCommuneCode: '24133' });
    expectError(await eakar.get(`/api/classes/${opened.id}`), 404, 'NOT_FOUND');
    await ok(org66.post(`/api/classes/${opened.id}/status`, { status: 'open' }));
    const d = await ok<ClassDetail>(eakar.get(`/api/classes/${opened.id}`));
    // Visible, but Ea Kar is not among the communes it serves.
    expect(d.actions.canNominate).toBe(false);
    expect((await ok<ClassDetail>(bmt.get(`/api/classes/${opened.id}`))).actions.canNominate).toBe(true);
  });

  it('someone who may see but not manage a class gets 403 on changes', async () => {
    expectError(await bmt.patch(`/api/classes/${cls.id}`, { name: 'Đổi tên', version: cls.version }), 403, 'FORBIDDEN');
    expectError(
      await reviewer.post(`/api/classes/${cls.id}/sessions`, { date: '2026-12-07', startTime: '07:30', endTime: '11:30' }),
      403,
      'FORBIDDEN',
    );
    const d = await ok<ClassDetail>(bmt.get(`/api/classes/${cls.id}`));
    expect(d.actions).toMatchObject({ canEdit: false, nextStatuses: [] });
  });
});

describe('list and filters', () => {
  it('filters by status, programme type, dates, organiser, commune and text without diacritics', async () => {
    const a = await makeClass(org66, {
      programmeId: cmnv,
      hostCommuneCode: '24235',
      name: 'Nghiệp vụ địa chính Buôn Đôn',
      startDate: '2027-01-11',
      endDate: '2027-01-13',
    });
    const b = await makeClass(org66, {
      programmeId: knbt,
      hostCommuneCode: '24211',
      name: 'Kỹ năng xử lý tình huống Ea Súp',
      startDate: '2027-02-01',
      endDate: '2027-02-02',
    });
    const ids = (r: ClassListResponse) => r.items.map((i) => i.id);
    const q = (s: string) => ok<ClassListResponse>(province.get(`/api/classes?pageSize=500&${s}`));
    expect(ids(await q('q=dia chinh buon don'))).toEqual([a.id]);
    expect(ids(await q('programmeType=KNBT&commune=24211'))).toEqual([b.id]);
    expect(ids(await q('from=2027-01-12&to=2027-01-12'))).toEqual([a.id]);
    expect(ids(await q(`organiserId=${tct66}&commune=24235`))).toEqual([a.id]);
    const listed = await q(`commune=24235`);
    expect(listed.items[0]).toMatchObject({ capacity: 30, counts: { enrolled: 0 }, organiserName: 'Trường Chính trị tỉnh Đắk Lắk' });
    expect(listed.total).toBe(1);
    await ok(org66.post(`/api/classes/${a.id}/status`, { status: 'open' }));
    expect(ids(await q('status=open&commune=24235'))).toEqual([a.id]);
    expectError(await province.get('/api/classes?status=dang_hoc'), 400, 'VALIDATION_ERROR');
  });
});

describe('status flow', () => {
  it('moves only along planned → open → running → finished → closed, with dates', async () => {
    const c = await makeClass(org66, { programmeId: cmnv, hostCommuneCode: '24133', startDate: '2026-12-07', endDate: '2026-12-09' });
    const skip = expectError(await org66.post(`/api/classes/${c.id}/status`, { status: 'running' }), 409, 'CONFLICT');
    expect(skip.message).toMatch(/"Dự kiến" sang "Đang học"/);
    await ok(org66.post(`/api/classes/${c.id}/status`, { status: 'open' }));
    const early = expectError(await org66.post(`/api/classes/${c.id}/status`, { status: 'running' }), 409, 'CONFLICT');
    expect(early.message).toMatch(/07\/12\/2026/);
    expectError(await org66.post(`/api/classes/${c.id}/status`, { status: 'open', version: 1 }), 409, 'VERSION_CONFLICT');
    const cancelled = await ok<ClassDetail>(org66.post(`/api/classes/${c.id}/status`, { status: 'cancelled' }));
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.actions.nextStatuses).toEqual([]);
    expectError(await org66.post(`/api/classes/${c.id}/status`, { status: 'open' }), 409, 'CONFLICT');
    expectError(await org66.patch(`/api/classes/${c.id}`, { name: 'Sửa sau khi hủy', version: cancelled.version }), 409, 'CONFLICT');
    const a = await audit(national, 'action=class.status');
    expect(a.items.filter((i) => i.entityId === String(c.id)).map((i) => (i.after as { status: string }).status)).toEqual([
      'cancelled',
      'open',
    ]);
  });

  it('runs and finishes on its dates', async () => {
    const c = await makeClass(org66, { programmeId: cmnv, hostCommuneCode: '24133', startDate: '2026-11-20', endDate: '2026-11-23' });
    await ok(org66.post(`/api/classes/${c.id}/status`, { status: 'open' }));
    await ok(org66.post(`/api/classes/${c.id}/status`, { status: 'running' }));
    const fin = await ok<ClassDetail>(org66.post(`/api/classes/${c.id}/status`, { status: 'finished' }));
    expect(fin.status).toBe('finished');
    expect(fin.actions.nextStatuses).toEqual(['closed', 'running']);
  });
});

describe('sessions', () => {
  let c: ClassDetail;
  beforeAll(async () => {
    c = await makeClass(org66, { programmeId: cmnv, hostCommuneCode: '24133', startDate: '2026-12-07', endDate: '2026-12-09' });
  });

  it('refuses a session before the class starts or after it ends, and an end before the start', async () => {
    const before = expectError(
      await org66.post(`/api/classes/${c.id}/sessions`, { date: '2026-12-06', startTime: '07:30', endTime: '11:00' }),
      400,
      'VALIDATION_ERROR',
    );
    expect(before.fields?.[0]).toMatchObject({ field: 'date' });
    expect(before.message).toMatch(/trước ngày khai giảng.*07\/12\/2026/);
    const after = expectError(
      await org66.post(`/api/classes/${c.id}/sessions`, { date: '2026-12-10', startTime: '07:30', endTime: '11:00' }),
      400,
      'VALIDATION_ERROR',
    );
    expect(after.message).toMatch(/sau ngày bế giảng/);
    const times = expectError(
      await org66.post(`/api/classes/${c.id}/sessions`, { date: '2026-12-07', startTime: '11:00', endTime: '07:30' }),
      400,
      'VALIDATION_ERROR',
    );
    expect(times.fields?.[0]?.field).toBe('endTime');
    expectError(
      await org66.post(`/api/classes/${c.id}/sessions`, { date: '2026-12-07', startTime: '7h30', endTime: '11:00' }),
      400,
      'VALIDATION_ERROR',
    );
  });

  it('adds, edits and deletes sessions; class dates cannot leave a session outside', async () => {
    const s1 = await ok<{ id: number }>(
      org66.post(`/api/classes/${c.id}/sessions`, {
        date: '2026-12-07',
        startTime: '07:30',
        endTime: '11:00',
        place: 'Hội trường UBND phường',
        topic: 'Luật Đất đai 2024',
      }),
      201,
    );
    const s2 = await ok<{ id: number; date: string }>(
      org66.post(`/api/classes/${c.id}/sessions`, { date: '2026-12-09', startTime: '13:30', endTime: '16:30' }),
      201,
    );
    const moved = await ok<{ date: string }>(org66.patch(`/api/classes/${c.id}/sessions/${s2.id}`, { date: '2026-12-08' }));
    expect(moved.date).toBe('2026-12-08');
    expectError(await org66.patch(`/api/classes/${c.id}/sessions/${s2.id}`, { date: '2026-12-12' }), 400, 'VALIDATION_ERROR');
    const d = await ok<ClassDetail>(org66.get(`/api/classes/${c.id}`));
    expect(d.sessions.map((s) => [s.date, s.startTime, s.topic])).toEqual([
      ['2026-12-07', '07:30', 'Luật Đất đai 2024'],
      ['2026-12-08', '13:30', null],
    ]);
    const shrink = expectError(
      await org66.patch(`/api/classes/${c.id}`, { startDate: '2026-12-08', version: d.version }),
      400,
      'VALIDATION_ERROR',
    );
    expect(shrink.fields?.[0]?.field).toBe('startDate');
    expect(shrink.message).toMatch(/07\/12\/2026/);
    await ok(org66.request('DELETE', `/api/classes/${c.id}/sessions/${s1.id}`));
    const after = await ok<ClassDetail>(org66.patch(`/api/classes/${c.id}`, { startDate: '2026-12-08', version: d.version + 1 }));
    expect(after.startDate).toBe('2026-12-08');
    expect(after.sessions).toHaveLength(1);
    expectError(await org66.request('DELETE', `/api/classes/${c.id}/sessions/${s1.id}`), 404, 'NOT_FOUND');
  });

  it('edits are versioned and audited with what changed', async () => {
    const d = await ok<ClassDetail>(org66.get(`/api/classes/${c.id}`));
    const saved = await ok<ClassDetail>(
      org66.patch(`/api/classes/${c.id}`, { capacity: 45, budgetActualLocal: 30_000_000, version: d.version }),
    );
    expect(saved).toMatchObject({ capacity: 45, budgetActualLocal: 30_000_000, version: d.version + 1 });
    expectError(await org66.patch(`/api/classes/${c.id}`, { capacity: 50, version: d.version }), 409, 'VERSION_CONFLICT');
    const a = await audit(national, 'action=class.update');
    const entry = a.items.find((i) => i.entityId === String(c.id) && (i.after as { capacity?: number }).capacity === 45)!;
    expect(entry.before).toEqual({ capacity: 30, budgetActual: [0, 0, 0] });
    expect(entry.after).toEqual({ capacity: 45, budgetActual: [0, 30_000_000, 0] });
  });
});

describe('online classes with bridge points (seed 004)', () => {
  let online: ClassDetail;
  beforeAll(async () => {
    online = await makeClass(national, {
      programmeId: knbt,
      organiserId: hvctqg,
      name: 'Nâng cao năng lực, xử lý tình huống thực tiễn đối với cán bộ cơ sở',
      mode: 'truc_tuyen',
      scheduleType: 'cuoi_tuan',
      startDate: '2027-05-22',
      endDate: '2027-05-23',
      capacity: 5000,
    });
  });

  it('a national online class may have no province', () => {
    expect(online).toMatchObject({ provinceCode: null, hostCommuneCode: null, communes: [], organiserId: hvctqg });
    expect(online.code).toMatch(/^L2027\.HVCTQG\.\d{3}$/);
  });

  it('bridge points at the academy, the province and communes; each level names its place', async () => {
    const add = (c: TestClient, body: Record<string, unknown>) => c.post(`/api/classes/${online.id}/bridge-points`, body);
    const noName = expectError(await add(hcma, { level: 'trung_uong' }), 400, 'VALIDATION_ERROR');
    expect(noName.fields?.[0]?.field).toBe('name');
    await ok(
      add(hcma, {
        level: 'trung_uong',
        name: 'Học viện Chính trị quốc gia Hồ Chí Minh',
        address: '135 Nguyễn Phong Sắc, Nghĩa Đô, Hà Nội',
      }),
      201,
    );
    const tinh = await ok<{ name: string; provinceCode: string }>(add(hcma, { level: 'tinh', provinceCode: '66' }), 201);
    expect(tinh).toMatchObject({ provinceCode: '66', name: expect.stringMatching(/^Điểm cầu .*Đắk Lắk$/) });
    const xa = await ok<{ id: number; name: string; provinceCode: string }>(add(hcma, { level: 'xa', communeCode: '24133' }), 201);
    expect(xa).toMatchObject({ provinceCode: '66', name: 'Điểm cầu Phường Buôn Ma Thuột' });
    expectError(await add(hcma, { level: 'xa', communeCode: '24133' }), 409, 'CONFLICT');
    expectError(await add(hcma, { level: 'tinh' }), 400, 'VALIDATION_ERROR');
    expectError(await add(org66, { level: 'xa', communeCode: '24373' }), 404, 'NOT_FOUND');

    // The province and the commune with a bridge point now see the national class.
    await ok(province.get(`/api/classes/${online.id}`));
    const seen = await ok<ClassDetail>(bmt.get(`/api/classes/${online.id}`));
    expect(seen.bridgePoints.map((b) => b.level)).toEqual(['trung_uong', 'tinh', 'xa']);
    expectError(await eakar.get(`/api/classes/${online.id}`), 404, 'NOT_FOUND');
    // Once open, Ea Kar (province bridge point in 66) sees it and may nominate there.
    await ok(hcma.post(`/api/classes/${online.id}/status`, { status: 'open' }));
    expect((await ok<ClassDetail>(eakar.get(`/api/classes/${online.id}`))).actions.canNominate).toBe(true);

    await ok(hcma.request('DELETE', `/api/classes/${online.id}/bridge-points/${xa.id}`));
    expect((await ok<ClassDetail>(hcma.get(`/api/classes/${online.id}`))).bridgePoints).toHaveLength(2);
  });

  it('an in-person class has no bridge points, and keeps none when switching to in person', async () => {
    const inPerson = await makeClass(org66, { programmeId: cmnv, hostCommuneCode: '24133' });
    const res = expectError(
      await org66.post(`/api/classes/${inPerson.id}/bridge-points`, { level: 'xa', communeCode: '24133' }),
      400,
      'VALIDATION_ERROR',
    );
    expect(res.message).toMatch(/^Hình thức học: lớp học trực tiếp không có điểm cầu/);
    const d = await ok<ClassDetail>(hcma.get(`/api/classes/${online.id}`));
    const sw = expectError(
      await hcma.patch(`/api/classes/${online.id}`, { mode: 'truc_tiep', version: d.version }),
      400,
      'VALIDATION_ERROR',
    );
    expect(sw.fields?.[0]?.field).toBe('mode');
  });
});
