/**
 * Instructor and speaker pool through the real API and PostgreSQL (SPEC §12): the demo pool,
 * search and filters, who manages whom (a school its own pool, a province its schools' pools),
 * contact details only for managers, sessions taught (listed within the reader's scope), bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { InstructorDetail, InstructorListResponse } from '@app/shared';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { DEMO_INSTRUCTORS, seedDemoInstructors } from './instructors.seed.ts';

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

let t: TestContext;
let national: TestClient; // bonoivu
let province: TestClient; // sonoivu.66
let school66: TestClient; // truong.66
let academy: TestClient; // truong.hvctqg
let commune: TestClient; // xa.24373
let reviewer: TestClient; // bantochuc.66
let firstSeed: number;
let secondSeed: number;
const org = new Map<string, number>();

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  fields?: { field: string; message: string }[];
}
function expectError(res: LightMyRequestResponse, status: number, code: string): ErrorBody {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json<ErrorBody>();
  expect(body).toMatchObject({ statusCode: status, code });
  expect(body.message).toMatch(VIETNAMESE);
  return body;
}
async function ok<T>(res: Promise<LightMyRequestResponse>, status = 200): Promise<T> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json<T>();
}
async function countInstructors(): Promise<number> {
  return (await t.pool.query<{ n: number }>('select count(*)::int as n from instructors')).rows[0]!.n;
}
async function byName(c: TestClient, name: string) {
  const list = await ok<InstructorListResponse>(c.get(`/api/instructors?q=${encodeURIComponent(name)}`));
  const hit = list.items.find((i) => i.fullName === name);
  expect(hit, name).toBeDefined();
  return hit!;
}

beforeAll(async () => {
  t = await createTestContext({ today: '2026-11-23' });
  firstSeed = await t.db.transaction((tx) => seedDemoInstructors(tx));
  secondSeed = await t.db.transaction((tx) => seedDemoInstructors(tx));
  for (const r of (
    await t.pool.query<{ id: number; code: string }>(`select id, code from training_orgs where code in ('HVCTQG', 'TCT.66', 'TCT.01')`)
  ).rows)
    org.set(r.code, r.id);
  [national, province, school66, academy, commune, reviewer] = await Promise.all([
    t.loginAs('bonoivu'),
    t.loginAs('sonoivu.66'),
    t.loginAs('truong.66'),
    t.loginAs('truong.hvctqg'),
    t.loginAs('xa.24373'),
    t.loginAs('bantochuc.66'),
  ]);
});
afterAll(() => t.close());

describe('the demo pool', () => {
  it('is seeded once: people of HVCTQG, TCT.66 and one ministry speaker', async () => {
    // All of them on the first call (or none if the template was already seeded), none on the second.
    expect([0, DEMO_INSTRUCTORS.length]).toContain(firstSeed);
    const rows = (
      await t.pool.query<{ full_name: string; n: number }>(`select full_name, count(*)::int as n from instructors group by full_name`)
    ).rows;
    for (const d of DEMO_INSTRUCTORS) expect(rows.find((r) => r.full_name === d.fullName)?.n, d.fullName).toBe(1);
    expect(DEMO_INSTRUCTORS.length).toBeGreaterThanOrEqual(10);
    expect(DEMO_INSTRUCTORS.length).toBeLessThanOrEqual(15);
    expect(secondSeed).toBe(0);
    const all = await ok<InstructorListResponse>(national.get('/api/instructors?pageSize=500'));
    expect(all.total).toBe(DEMO_INSTRUCTORS.length);
    expect(all.items.filter((i) => i.orgCode === 'HVCTQG')).toHaveLength(DEMO_INSTRUCTORS.filter((d) => d.org === 'HVCTQG').length);
    expect(all.items.filter((i) => i.orgCode === 'TCT.66').every((i) => i.provinceCode === '66')).toBe(true);
    expect(all.items.find((i) => i.fullName === 'Đặng Hữu Phước')).toMatchObject({
      orgId: null,
      organisation: 'Vụ Chính quyền địa phương, Bộ Nội vụ',
      kind: 'bao_cao_vien',
    });
    expect(all.items.every((i) => i.averageRating === null)).toBe(true);
  });

  it('lists sort by given name and search ignores diacritics; filters by field, organisation and kind', async () => {
    const all = await ok<InstructorListResponse>(commune.get('/api/instructors?pageSize=500'));
    const given = all.items.map((i) => i.fullName.split(' ').at(-1)!);
    expect(given).toEqual(['Anh', 'Hương', 'Huy', 'Khôi', 'Lực', 'Mlô', 'Nam', 'Nhung', 'Niê', 'Phước', 'Thảo', 'Trang', 'Tuấn']);
    const q = await ok<InstructorListResponse>(commune.get('/api/instructors?q=nguyen dinh khoi'));
    expect(q.items.map((i) => i.fullName)).toEqual(['Nguyễn Đình Khôi']);
    const byOrgName = await ok<InstructorListResponse>(commune.get('/api/instructors?q=so tai chinh'));
    expect(byOrgName.items.map((i) => i.fullName)).toEqual(['Bùi Văn Lực']);
    const land = await ok<InstructorListResponse>(commune.get('/api/instructors?field=dat_dai'));
    expect(land.items.map((i) => i.fullName)).toEqual(['Nguyễn Đình Khôi']);
    const tct = await ok<InstructorListResponse>(commune.get(`/api/instructors?orgId=${org.get('TCT.66')}&kind=bao_cao_vien`));
    expect(tct.items.map((i) => i.fullName).sort()).toEqual(['Bùi Văn Lực', 'Lương Thị Thảo']);
    const page = await ok<InstructorListResponse>(commune.get('/api/instructors?pageSize=5&page=3'));
    expect(page.items).toHaveLength(DEMO_INSTRUCTORS.length - 10);
    expect(page.total).toBe(DEMO_INSTRUCTORS.length);
  });

  it('contact details only for those who manage the person', async () => {
    const mine = await byName(school66, 'Y Bhim Niê');
    expect(mine).toMatchObject({ canEdit: true, email: 'bhim.ny@tct66.example.vn' });
    for (const c of [commune, reviewer, academy]) {
      const seen = await byName(c, 'Y Bhim Niê');
      expect(seen).toMatchObject({ canEdit: false, email: null, phone: null });
    }
    expect((await byName(province, 'Y Bhim Niê')).canEdit).toBe(true);
    expect((await byName(province, 'Nguyễn Minh Tuấn')).canEdit).toBe(false);
    expect((await byName(national, 'Nguyễn Minh Tuấn')).email).toBe('tuan.nm@hvctqg.example.vn');
  });

  it('roles without a training job do not read the pool', async () => {
    for (const user of ['donvi.24373.1', 'hocvien.24373.1']) {
      const c = await t.loginAs(user);
      expectError(await c.get('/api/instructors'), 403, 'FORBIDDEN');
    }
  });
});

describe('managing the pool', () => {
  it('a school adds to its own pool (organisation by default) and edits its own people with a version check', async () => {
    const res = await school66.post('/api/instructors', {
      fullName: '  Trương   Thị Ngọc Ánh ',
      kind: 'giang_vien',
      jobTitle: 'ThS',
      fields: ['chuyen_doi_so'],
      email: 'anh@tct66.example.vn',
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<InstructorDetail>();
    expect(created).toMatchObject({
      fullName: 'Trương Thị Ngọc Ánh',
      orgId: org.get('TCT.66'),
      orgCode: 'TCT.66',
      provinceCode: '66',
      jobTitle: 'ThS',
      canEdit: true,
      sessions: [],
      sessionCount: 0,
    });
    const edited = await ok<InstructorDetail>(
      school66.patch(`/api/instructors/${created.id}`, {
        version: created.version,
        jobTitle: 'ThS, Giảng viên chính',
        fields: ['chuyen_doi_so', 'du_lieu_cong_cu_so'],
      }),
    );
    expect(edited).toMatchObject({
      jobTitle: 'ThS, Giảng viên chính',
      fields: ['chuyen_doi_so', 'du_lieu_cong_cu_so'],
      version: created.version + 1,
    });
    expectError(
      await school66.patch(`/api/instructors/${created.id}`, { version: created.version, active: false }),
      409,
      'VERSION_CONFLICT',
    );
    const audit = (
      await t.pool.query<{ action: string }>(
        `select action from audit_log where entity_type = 'instructor' and entity_id = $1 order by id`,
        [String(created.id)],
      )
    ).rows;
    expect(audit.map((a) => a.action)).toEqual(['instructor.create', 'instructor.update']);
  });

  it('truong.66 cannot edit an HVCTQG instructor nor put someone in the academy’s pool', async () => {
    const hv = await byName(school66, 'Trần Thị Lan Anh');
    const err = expectError(
      await school66.patch(`/api/instructors/${hv.id}`, { version: hv.version, jobTitle: 'Sửa hộ' }),
      403,
      'FORBIDDEN',
    );
    expect(err.message).toContain('của chính mình');
    const other = expectError(
      await school66.post('/api/instructors', { fullName: 'Người Ngoài', kind: 'giang_vien', orgId: org.get('HVCTQG') }),
      403,
      'FORBIDDEN',
    );
    expect(other.fields?.[0]?.field).toBe('orgId');
    const own = await byName(school66, 'Nguyễn Đình Khôi');
    expectError(await school66.patch(`/api/instructors/${own.id}`, { version: own.version, orgId: org.get('HVCTQG') }), 403, 'FORBIDDEN');
    expect((await ok<InstructorDetail>(national.get(`/api/instructors/${hv.id}`))).jobTitle).toBe(hv.jobTitle);
    // The academy manages its own.
    const mine = await ok<InstructorDetail>(academy.patch(`/api/instructors/${hv.id}`, { version: hv.version, active: false }));
    expect(mine.active).toBe(false);
  });

  it('a province admin manages the pools of its province’s schools only', async () => {
    const p = await ok<InstructorDetail>(
      province.post('/api/instructors', {
        fullName: 'Hồ Văn Sáu',
        kind: 'bao_cao_vien',
        orgId: org.get('TCT.66'),
        organisation: 'Sở Nội vụ tỉnh Đắk Lắk',
        fields: ['phap_luat'],
      }),
      201,
    );
    expect(p.canEdit).toBe(true);
    expectError(
      await province.post('/api/instructors', { fullName: 'A B', kind: 'giang_vien', orgId: org.get('HVCTQG') }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await province.post('/api/instructors', { fullName: 'A B', kind: 'giang_vien', orgId: org.get('TCT.01') }),
      403,
      'FORBIDDEN',
    );
    const free = expectError(
      await province.post('/api/instructors', { fullName: 'A B', kind: 'giang_vien', organisation: 'Sở Y tế' }),
      403,
      'FORBIDDEN',
    );
    expect(free.fields?.[0]?.field).toBe('orgId');
    const hv = await byName(province, 'Phạm Thu Trang');
    expectError(await province.patch(`/api/instructors/${hv.id}`, { version: hv.version, active: false }), 403, 'FORBIDDEN');
    for (const c of [commune, reviewer])
      expectError(await c.post('/api/instructors', { fullName: 'A B', kind: 'giang_vien', orgId: org.get('TCT.66') }), 403, 'FORBIDDEN');
  });

  it('the ministry may keep speakers outside any school; bad input names the field and saves nothing', async () => {
    const p = await ok<InstructorDetail>(
      national.post('/api/instructors', {
        fullName: 'Mai Xuân Trường',
        kind: 'bao_cao_vien',
        organisation: 'Cục Chuyển đổi số, Bộ Nội vụ',
      }),
      201,
    );
    expect(p).toMatchObject({ orgId: null, provinceCode: null, canEdit: true });
    const before = await countInstructors();
    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      ['no organisation at all', { fullName: 'A B', kind: 'giang_vien' }, 'organisation', /Cơ quan công tác/],
      ['unknown field', { fullName: 'A B', kind: 'giang_vien', organisation: 'X', fields: ['bay_luon'] }, 'fields.0', /Lĩnh vực/],
      ['unknown kind', { fullName: 'A B', kind: 'tro_giang', organisation: 'X' }, 'kind', /Loại/],
      ['bad email', { fullName: 'A B', kind: 'giang_vien', organisation: 'X', email: 'khong-phai-email' }, 'email', /Thư điện tử/],
      ['bad phone', { fullName: 'A B', kind: 'giang_vien', organisation: 'X', phone: 'abc' }, 'phone', /Số điện thoại/],
      ['unknown organisation id', { fullName: 'A B', kind: 'giang_vien', orgId: 999_999 }, 'orgId', /Cơ sở đào tạo/],
      ['empty name', { fullName: ' ', kind: 'giang_vien', organisation: 'X' }, 'fullName', /Họ và tên/],
    ];
    for (const [label, body, field, message] of cases) {
      const err = expectError(await national.post('/api/instructors', body), 400, 'VALIDATION_ERROR');
      expect({ label, fields: err.fields?.map((f) => f.field) }).toEqual({ label, fields: [field] });
      expect(err.message, label).toMatch(message);
    }
    const removeBoth = expectError(
      await national.patch(`/api/instructors/${p.id}`, { version: p.version, organisation: null }),
      400,
      'VALIDATION_ERROR',
    );
    expect(removeBoth.fields?.[0]?.field).toBe('organisation');
    expect(await countInstructors()).toBe(before);
    expect((await ok<InstructorDetail>(national.get(`/api/instructors/${p.id}`))).version).toBe(p.version);
    expectError(await national.get('/api/instructors/999999'), 404, 'NOT_FOUND');
  });
});

describe('sessions taught', () => {
  it('counts every session and lists those in classes the reader may see', async () => {
    const khoi = await byName(national, 'Nguyễn Đình Khôi');
    const q = async (text: string, values: unknown[]) => (await t.pool.query<{ id: number }>(text, values)).rows[0]?.id;
    const programme = await q(
      `insert into programmes (code, name, type, owner, fields, duration_days, total_hours, practice_hours, approval_status)
       values ('TEST.DAT_DAI', 'Đất đai (thử)', 'CMNV', 'ministry', '{dat_dai}', 3, 24, 16, 'approved') returning id`,
      [],
    );
    const klass = async (code: string, organiser: number, provinceCode: string | null, host: string | null) =>
      q(
        `insert into classes (code, name, programme_id, programme_type, organiser_id, province_code, host_commune_code, mode, schedule_type, start_date, end_date, capacity, status)
         values ($1, $2, $3, 'CMNV', $4, $5, $6, 'truc_tiep', 'trong_gio', '2026-09-01', '2026-09-03', 50, 'finished') returning id`,
        [code, `Lớp ${code}`, programme, organiser, provinceCode, host],
      );
    const local = await klass('GV.TCT66', org.get('TCT.66')!, '66', '24373');
    const elsewhere = await klass('GV.TCT01', org.get('TCT.01')!, '01', null);
    for (const [classId, date, start] of [
      [local, '2026-09-01', '07:30'],
      [local, '2026-09-02', '13:30'],
      [elsewhere, '2026-09-15', '08:00'],
    ] as const) {
      await t.pool.query(
        `insert into class_sessions (class_id, date, start_time, end_time, topic, instructor_id) values ($1, $2, $3, '11:00', 'Đăng ký biến động đất đai', $4)`,
        [classId, date, start, khoi.id],
      );
    }
    const all = await ok<InstructorDetail>(national.get(`/api/instructors/${khoi.id}`));
    expect(all).toMatchObject({ sessionCount: 3, classCount: 2, otherSessions: 0, averageRating: null });
    expect(all.sessions.map((s) => [s.classCode, s.date, s.startTime])).toEqual([
      ['GV.TCT01', '2026-09-15', '08:00'],
      ['GV.TCT66', '2026-09-02', '13:30'],
      ['GV.TCT66', '2026-09-01', '07:30'],
    ]);
    expect(all.sessions[0]).toMatchObject({
      organiserName: 'Trường Chính trị thành phố Hà Nội',
      programmeType: 'CMNV',
      topic: 'Đăng ký biến động đất đai',
    });
    for (const c of [school66, province, commune, reviewer]) {
      const seen = await ok<InstructorDetail>(c.get(`/api/instructors/${khoi.id}`));
      expect(seen.sessions.map((s) => s.classCode)).toEqual(['GV.TCT66', 'GV.TCT66']);
      expect(seen).toMatchObject({ sessionCount: 3, classCount: 2, otherSessions: 1 });
    }
    const hv = await ok<InstructorDetail>(academy.get(`/api/instructors/${khoi.id}`));
    expect(hv).toMatchObject({ sessions: [], otherSessions: 3 });
    const list = await ok<InstructorListResponse>(commune.get('/api/instructors?field=dat_dai'));
    expect(list.items.find((i) => i.id === khoi.id)).toMatchObject({ sessionCount: 3, classCount: 2 });
  });
});
