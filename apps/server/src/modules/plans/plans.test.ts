/**
 * Training plans through the real API and PostgreSQL (SPEC §5, §9 P1): the demo plans of seed 001,
 * scope refusals (404 outside the scope, 403 inside it without the right), bad input that saves
 * nothing, targets replaced under a version check, and plan vs actual on classes and enrolments
 * inserted with SQL — cancelled classes, cancelled and waitlisted enrolments, classes ending after
 * the as-of date or outside the period, cluster classes and another province's learners.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { PlanDetail, PlanListResponse, PlanProgress, PlanProgressRow } from '@app/shared';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { seedProgrammes } from '../programmes/programmes.seed.ts';
import { seedDemoPlans } from './plans.seed.ts';
import { planProgress } from './plans.service.ts';

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

let t: TestContext;
let national: TestClient; // bonoivu
let province: TestClient; // sonoivu.66
let reviewer: TestClient; // bantochuc.66
let eaKar: TestClient; // xa.24373
let bmt: TestClient; // xa.24133
let otherProvince: TestClient; // a province admin of Hà Nội (01), made here
let ids: Record<string, number>;
let seededAgain: Record<string, number>;

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
async function countPlans(): Promise<{ plans: number; targets: number }> {
  const r = await t.pool.query<{ plans: number; targets: number }>(
    `select (select count(*)::int from plans) as plans, (select count(*)::int from plan_targets) as targets`,
  );
  return r.rows[0]!;
}

beforeAll(async () => {
  t = await createTestContext({ today: '2026-11-23' });
  await t.db.transaction((tx) => seedProgrammes(tx));
  ids = await t.db.transaction((tx) => seedDemoPlans(tx));
  seededAgain = await t.db.transaction((tx) => seedDemoPlans(tx));
  [national, province, reviewer, eaKar, bmt] = await Promise.all([
    t.loginAs('bonoivu'),
    t.loginAs('sonoivu.66'),
    t.loginAs('bantochuc.66'),
    t.loginAs('xa.24373'),
    t.loginAs('xa.24133'),
  ]);
  const made = await national.post('/api/users', {
    username: 'sonoivu.01.kehoach',
    fullName: 'Vũ Thị Hà',
    role: 'province_admin',
    provinceCode: '01',
    password: 'Demo@2026x',
  });
  expect(made.statusCode, made.body).toBe(201);
  otherProvince = await t.loginAs('sonoivu.01.kehoach', 'Demo@2026x', { changePassword: true });
});
afterAll(() => t.close());

describe('demo plans (seed 001)', () => {
  it('are seeded once, linked commune → province → national', async () => {
    expect(seededAgain).toEqual(ids);
    const dl1 = await ok<PlanDetail>(national.get(`/api/plans/${ids['dak-lak-1']}`));
    expect(dl1).toMatchObject({
      level: 'province',
      provinceCode: '66',
      provinceName: 'Đắk Lắk',
      phase: 1,
      year: null,
      parentPlanId: ids['national-1'],
    });
    expect(dl1.documentNo).toMatch(/^\d+\/KH-UBND$/);
    expect(dl1.targets.find((x) => x.programmeType === 'ALL')).toEqual({ programmeType: 'ALL', classes: 168, attendances: 16_947 });
    expect(dl1.targets.filter((x) => x.programmeType !== 'ALL').reduce((a, x) => a + x.attendances, 0)).toBe(16_947);
    expect(dl1.children.map((c) => c.id)).toEqual([ids['dak-lak-2026']]);
    const dl2 = await ok<PlanDetail>(national.get(`/api/plans/${ids['dak-lak-2']}`));
    expect(dl2.targets.at(-1)).toEqual({ programmeType: 'ALL', classes: 103, attendances: 10_342 });
    expect(dl2.parentPlanId).toBe(ids['national-2']);
    const ea = await ok<PlanDetail>(eaKar.get(`/api/plans/${ids['ea-kar-2026']}`));
    expect(ea).toMatchObject({
      level: 'commune',
      communeCode: '24373',
      communeName: 'Xã Ea Kar',
      year: 2026,
      parentPlanId: ids['dak-lak-2026'],
      canEdit: true,
    });
    expect(ea.parentTitle).toContain('năm 2026');
    const dl2026 = await ok<PlanDetail>(national.get(`/api/plans/${ids['dak-lak-2026']}`));
    expect(dl2026.parentPlanId).toBe(ids['dak-lak-1']);
  });

  it('lists filter by level, place, phase and year', async () => {
    const p66 = await ok<PlanListResponse>(national.get('/api/plans?province=66&phase=1'));
    expect(p66.items.map((p) => p.id).sort()).toEqual([ids['dak-lak-1'], ids['dak-lak-2026'], ids['ea-kar-2026']].sort());
    const y = await ok<PlanListResponse>(national.get('/api/plans?year=2026&level=commune'));
    expect(y.items.map((p) => p.id)).toEqual([ids['ea-kar-2026']]);
    const nat = await ok<PlanListResponse>(national.get('/api/plans?level=national'));
    expect(nat.items.map((p) => p.phase)).toEqual([1, 2]);
    expect(nat.total).toBe(2);
  });
});

describe('who sees and changes which plan', () => {
  it('a commune admin sees the national plans, its province’s plans and its own plan only', async () => {
    const list = await ok<PlanListResponse>(eaKar.get('/api/plans'));
    const seen = list.items.map((p) => p.id);
    expect(seen).toEqual(expect.arrayContaining(Object.values(ids)));
    expect(list.items.every((p) => p.level !== 'commune' || p.communeCode === '24373')).toBe(true);
    expect(list.items.filter((p) => p.canEdit).every((p) => p.communeCode === '24373')).toBe(true);
    const other = await ok<PlanListResponse>(bmt.get('/api/plans'));
    expect(other.items.map((p) => p.id)).not.toContain(ids['ea-kar-2026']);
    expectError(await bmt.get(`/api/plans/${ids['ea-kar-2026']}`), 404, 'NOT_FOUND');
    expectError(await bmt.patch(`/api/plans/${ids['ea-kar-2026']}`, { version: 1, title: 'Sửa hộ' }), 404, 'NOT_FOUND');
    expectError(await bmt.get('/api/plans?commune=24373'), 403, 'FORBIDDEN');
  });

  it('a commune admin cannot create or edit a province plan (403), nor another commune’s plan', async () => {
    const before = await countPlans();
    const res = expectError(
      await eaKar.post('/api/plans', { level: 'province', provinceCode: '66', phase: 1, year: 2027, targets: [] }),
      403,
      'FORBIDDEN',
    );
    expect(res.fields?.[0]?.field).toBe('level');
    expect(res.message).toContain('Sở Nội vụ');
    const dl = await ok<PlanDetail>(eaKar.get(`/api/plans/${ids['dak-lak-1']}`));
    expect(dl.canEdit).toBe(false);
    expectError(await eaKar.patch(`/api/plans/${ids['dak-lak-1']}`, { version: dl.version, title: 'Xã sửa' }), 403, 'FORBIDDEN');
    const other = expectError(
      await eaKar.post('/api/plans', { level: 'commune', communeCode: '24133', phase: 1, year: 2027, targets: [] }),
      403,
      'FORBIDDEN',
    );
    expect(other.fields?.[0]?.field).toBe('communeCode');
    expectError(await eaKar.post('/api/plans', { level: 'national', phase: 1, targets: [] }), 403, 'FORBIDDEN');
    expect(await countPlans()).toEqual(before);
  });

  it('a province admin cannot touch another province’s plan (404) and reads the national plan without editing it', async () => {
    expectError(await otherProvince.get(`/api/plans/${ids['dak-lak-1']}`), 404, 'NOT_FOUND');
    expectError(await otherProvince.patch(`/api/plans/${ids['dak-lak-1']}`, { version: 1, title: 'Hà Nội sửa' }), 404, 'NOT_FOUND');
    expectError(await otherProvince.get(`/api/plans/${ids['ea-kar-2026']}`), 404, 'NOT_FOUND');
    const list = await ok<PlanListResponse>(otherProvince.get('/api/plans'));
    expect(list.items.map((p) => p.id).sort()).toEqual([ids['national-1'], ids['national-2']].sort());
    expectError(await otherProvince.get('/api/plans?province=66'), 403, 'FORBIDDEN');
    const created = expectError(
      await otherProvince.post('/api/plans', { level: 'province', provinceCode: '66', phase: 1, year: 2027, targets: [] }),
      403,
      'FORBIDDEN',
    );
    expect(created.fields?.[0]?.field).toBe('provinceCode');
    const nat = await ok<PlanDetail>(province.get(`/api/plans/${ids['national-1']}`));
    expect(nat.canEdit).toBe(false);
    expectError(await province.patch(`/api/plans/${ids['national-1']}`, { version: nat.version, title: 'Tỉnh sửa' }), 403, 'FORBIDDEN');
    expect((await ok<PlanDetail>(national.get(`/api/plans/${ids['dak-lak-1']}`))).title).toContain('Đắk Lắk');
  });

  it('a province admin manages its province’s and its communes’ plans; the reviewer only reads', async () => {
    const ea = await ok<PlanDetail>(province.get(`/api/plans/${ids['ea-kar-2026']}`));
    expect(ea.canEdit).toBe(true);
    const rv = await ok<PlanDetail>(reviewer.get(`/api/plans/${ids['dak-lak-1']}`));
    expect(rv.canEdit).toBe(false);
    expectError(await reviewer.patch(`/api/plans/${ids['dak-lak-1']}`, { version: rv.version, title: 'x' }), 403, 'FORBIDDEN');
    expectError(
      await reviewer.post('/api/plans', { level: 'commune', communeCode: '24373', phase: 1, year: 2027, targets: [] }),
      403,
      'FORBIDDEN',
    );
    for (const user of ['donvi.24373.1', 'hocvien.24373.1', 'truong.66']) {
      const c = await t.loginAs(user);
      expectError(await c.get('/api/plans'), 403, 'FORBIDDEN');
      expectError(await c.get(`/api/plans/${ids['dak-lak-1']}`), 403, 'FORBIDDEN');
    }
  });
});

describe('creating and editing plans', () => {
  it('a commune admin creates its own plan under the province plan; duplicates are refused', async () => {
    const res = await eaKar.post('/api/plans', {
      level: 'commune',
      phase: 1,
      year: 2027,
      parentPlanId: ids['dak-lak-1'],
      documentNo: '12/KH-UBND',
      documentDate: '2027-01-10',
      targets: [
        { programmeType: 'KNBT', classes: 1, attendances: 35 },
        { programmeType: 'CMNV', classes: 2, attendances: 70 },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json<PlanDetail>();
    expect(p).toMatchObject({
      level: 'commune',
      provinceCode: '66',
      communeCode: '24373',
      year: 2027,
      parentPlanId: ids['dak-lak-1'],
      createdBy: 'xa.24373',
      version: 1,
    });
    expect(p.title).toBe('Kế hoạch bồi dưỡng cán bộ, công chức cấp xã – Xã Ea Kar – năm 2027');
    expect(p.targets).toEqual([
      { programmeType: 'CMNV', classes: 2, attendances: 70 },
      { programmeType: 'KNBT', classes: 1, attendances: 35 },
      { programmeType: 'ALL', classes: 3, attendances: 105 },
    ]);
    expect(p.progress).toMatchObject({
      periodStart: '2027-01-01',
      periodEnd: '2027-12-31',
      asOf: '2026-11-23',
      overall: { actualClasses: 0, classesPct: 0 },
    });
    const dup = expectError(await eaKar.post('/api/plans', { level: 'commune', phase: 1, year: 2027, targets: [] }), 409, 'CONFLICT');
    expect(dup.fields?.[0]?.field).toBe('year');
  });

  it('bad input gets a Vietnamese 400 naming the field; nothing is half-saved', async () => {
    const before = await countPlans();
    const base = {
      level: 'commune',
      communeCode: '24373',
      phase: 1,
      year: 2028,
      targets: [{ programmeType: 'CMNV', classes: 1, attendances: 30 }],
    };
    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      ['year outside the phase', { ...base, year: 2029 }, 'year', /Năm: năm 2029 không thuộc giai đoạn 1/],
      ['negative classes', { ...base, targets: [{ programmeType: 'CMNV', classes: -1, attendances: 3 }] }, 'targets.0.classes', /Số lớp/],
      [
        'negative attendances',
        { ...base, targets: [{ programmeType: 'CMNV', classes: 1, attendances: -3 }] },
        'targets.0.attendances',
        /Số lượt người học/,
      ],
      [
        'unknown programme type',
        { ...base, targets: [{ programmeType: 'XYZ', classes: 1, attendances: 3 }] },
        'targets.0.programmeType',
        /Loại chương trình/,
      ],
      ['duplicate type', { ...base, targets: [base.targets[0], base.targets[0]] }, 'targets', /Chỉ tiêu: loại "CMNV" bị lặp/],
      [
        'ALL below the split',
        { ...base, targets: [...base.targets, { programmeType: 'ALL', classes: 0, attendances: 30 }] },
        'targets',
        /Chỉ tiêu: tổng số lớp/,
      ],
      ['phase 3', { ...base, phase: 3 }, 'phase', /Giai đoạn/],
      ['unknown level', { ...base, level: 'district' }, 'level', /Cấp kế hoạch/],
      ['parent of another phase', { ...base, parentPlanId: ids['dak-lak-2'] }, 'parentPlanId', /Kế hoạch cấp trên/],
      ['parent skipping a level', { ...base, parentPlanId: ids['national-1'] }, 'parentPlanId', /cấp ngay trên/],
      ['parent that does not exist', { ...base, parentPlanId: 999_999 }, 'parentPlanId', /Kế hoạch cấp trên/],
      ['bad document date', { ...base, documentDate: '2027-02-30' }, 'documentDate', /Ngày văn bản/],
      ['unknown commune', { ...base, communeCode: '99999' }, 'communeCode', /Mã xã/],
    ];
    for (const [label, body, field, message] of cases) {
      const res = await national.post('/api/plans', body);
      const err = expectError(res, 400, 'VALIDATION_ERROR');
      expect({ label, fields: err.fields?.map((f) => f.field) }).toEqual({ label, fields: [field] });
      expect(err.message, label).toMatch(message);
    }
    const place = expectError(await national.post('/api/plans', { level: 'province', phase: 1, targets: [] }), 400, 'VALIDATION_ERROR');
    expect(place.fields?.[0]?.field).toBe('provinceCode');
    // A failed edit leaves the plan and its targets as they were.
    const ea = await ok<PlanDetail>(eaKar.get(`/api/plans/${ids['ea-kar-2026']}`));
    const bad = expectError(
      await eaKar.patch(`/api/plans/${ids['ea-kar-2026']}`, {
        version: ea.version,
        title: 'Đổi tên',
        targets: [{ programmeType: 'CMNV', classes: 1, attendances: -5 }],
      }),
      400,
      'VALIDATION_ERROR',
    );
    expect(bad.fields?.[0]?.field).toBe('targets.0.attendances');
    const after = await ok<PlanDetail>(eaKar.get(`/api/plans/${ids['ea-kar-2026']}`));
    expect(after).toMatchObject({ title: ea.title, version: ea.version, targets: ea.targets });
    expect(await countPlans()).toEqual(before);
  });

  it('targets are replaced as a whole under a version check, and audited', async () => {
    const created = await ok<PlanDetail>(
      province.post('/api/plans', {
        level: 'province',
        phase: 1,
        year: 2027,
        parentPlanId: ids['dak-lak-1'],
        targets: [{ programmeType: 'CMCN', classes: 4, attendances: 200 }],
      }),
      201,
    );
    expect(created.provinceCode).toBe('66');
    const res = await province.patch(`/api/plans/${created.id}`, {
      version: created.version,
      documentNo: '15/KH-UBND',
      targets: [
        { programmeType: 'KNBT', classes: 6, attendances: 600 },
        { programmeType: 'ALL', classes: 10, attendances: 900 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json<PlanDetail>();
    expect(p.targets).toEqual([
      { programmeType: 'KNBT', classes: 6, attendances: 600 },
      { programmeType: 'ALL', classes: 10, attendances: 900 },
    ]);
    expect(p).toMatchObject({ version: created.version + 1, documentNo: '15/KH-UBND' });
    expectError(await province.patch(`/api/plans/${created.id}`, { version: created.version, title: 'Ghi đè' }), 409, 'VERSION_CONFLICT');
    const stored = (
      await t.pool.query(`select programme_type, classes, attendances from plan_targets where plan_id = $1 order by programme_type`, [
        created.id,
      ])
    ).rows;
    expect(stored).toEqual([
      { programme_type: 'ALL', classes: 10, attendances: 900 },
      { programme_type: 'KNBT', classes: 6, attendances: 600 },
    ]);
    const audit = (
      await t.pool.query<{ action: string; before: { targets: unknown[] } | null }>(
        `select action, before from audit_log where entity_type = 'plan' and entity_id = $1 order by id`,
        [String(created.id)],
      )
    ).rows;
    expect(audit.map((a) => a.action)).toEqual(['plan.create', 'plan.update']);
    expect(audit[1]!.before?.targets).toHaveLength(2);
  });
});

describe('plan vs actual (P1)', () => {
  type Delta = Record<string, [classes: number, attendances: number]>;
  let base: Map<string, PlanProgress>;
  const key = (planId: number, asOf: string) => `${planId}@${asOf}`;
  const checks: [plan: string, asOf: string][] = [
    ['ea-kar-2026', '2026-11-23'],
    ['ea-kar-2026', '2026-12-31'],
    ['ea-kar-2026', '2026-05-01'],
    ['dak-lak-2026', '2026-11-23'],
    ['dak-lak-1', '2027-03-01'],
    ['national-1', '2027-03-01'],
  ];
  const progressVia = async (c: TestClient, planId: number, asOf: string) =>
    (await ok<PlanDetail>(c.get(`/api/plans/${planId}?asOf=${asOf}`))).progress;
  const row = (p: PlanProgress, type: string): PlanProgressRow | undefined =>
    type === 'ALL' ? p.overall : p.byProgrammeType.find((r) => r.programmeType === type);
  const delta = (before: PlanProgress, after: PlanProgress): Delta => {
    const out: Delta = {};
    for (const type of ['CMCN', 'QLNN_LANHDAO', 'QLNN_CHUNG', 'CMNV', 'KNBT', 'CAPNHAT', 'KHAC', 'ALL']) {
      const a = row(after, type);
      const b = row(before, type);
      const d: [number, number] = [
        (a?.actualClasses ?? 0) - (b?.actualClasses ?? 0),
        (a?.actualAttendances ?? 0) - (b?.actualAttendances ?? 0),
      ];
      if (d[0] || d[1]) out[type] = d;
    }
    return out;
  };

  beforeAll(async () => {
    // Whatever other demo data the template holds, the checks below compare against this snapshot.
    base = new Map();
    for (const [plan, asOf] of checks) base.set(key(ids[plan]!, asOf), await progressVia(national, ids[plan]!, asOf));

    const q = async <T extends Record<string, unknown>>(text: string, values: unknown[] = []) => (await t.pool.query<T>(text, values)).rows;
    const programme = async (code: string) =>
      (await q<{ id: number }>(`select id from programmes where code = $1 and version_no = 1`, [code]))[0]!.id;
    const org = async (code: string) => (await q<{ id: number }>(`select id from training_orgs where code = $1`, [code]))[0]!.id;
    const officialsOf = async (commune: string, n: number) =>
      (await q<{ id: string }>(`select id from officials where commune_code = $1 order by id limit $2`, [commune, n])).map((r) => r.id);
    const hanoiCommune = (await q<{ code: string }>(`select code from communes where province_code = '01' order by code limit 1`))[0]!.code;
    const hanoiOfficial = await ok<{ id: string }>(
      national.post('/api/officials', {
        communeCode: hanoiCommune,
        fullName: 'Ngô Văn Thành',
        birthDate: '1988-03-02',
        gender: 'nam',
        officialType: 'cong_chuc',
        isLeader: false,
        bloc: 'ubnd',
      }),
      201,
    );
    const ea = await officialsOf('24373', 12);
    const bm = await officialsOf('24133', 6);
    const programmes = {
      CMNV: await programme('BNV.CMNV.DAT_DAI'),
      KNBT: await programme('BNV.KNBT.CDS'),
      QLNN_CHUNG: await programme('BNV.QLNN_CHUNG.1'),
      XLTH: await programme('HVCTQG.KNBT.XLTH'),
    };
    const tct66 = await org('TCT.66');
    const hcma = await org('HVCTQG');
    const tct01 = await org('TCT.01');

    const klass = async (c: {
      code: string;
      programme: number;
      type: string;
      organiser: number;
      province: string | null;
      host: string | null;
      end: string;
      status: string;
      serves?: [string, string][];
    }) => {
      const [r] = await q<{ id: number }>(
        `insert into classes (code, name, programme_id, programme_type, organiser_id, province_code, host_commune_code, mode, schedule_type, start_date, end_date, capacity, status)
         values ($1, $2, $3, $4, $5, $6, $7, 'truc_tiep', 'trong_gio', ($8::date - 2), $8::date, 100, $9) returning id`,
        [c.code, `Lớp ${c.code}`, c.programme, c.type, c.organiser, c.province, c.host, c.end, c.status],
      );
      for (const [commune, prov] of c.serves ?? [])
        await q(`insert into class_communes (class_id, commune_code, province_code) values ($1, $2, $3)`, [r!.id, commune, prov]);
      return { id: r!.id, type: c.type, end: c.end };
    };
    const enrol = async (
      cl: { id: number; type: string; end: string },
      official: string,
      commune: string,
      prov: string,
      status: string,
    ) => {
      await q(
        `insert into enrolments (class_id, official_id, province_code, commune_code, programme_type, class_end_date, decision_date, status)
         values ($1, $2, $3, $4, $5, $6, '2026-01-15', $7)`,
        [cl.id, official, prov, commune, cl.type, cl.end, status],
      );
    };

    // A: CMNV hosted by Ea Kar, ended 10/06/2026: 3 nominated + 1 pending from Ea Kar count, 1 cancelled and 1 waitlisted do not; 2 from Buôn Ma Thuột.
    const a = await klass({
      code: 'PVA.A',
      programme: programmes.CMNV,
      type: 'CMNV',
      organiser: tct66,
      province: '66',
      host: '24373',
      end: '2026-06-10',
      status: 'closed',
    });
    for (const o of ea.slice(0, 3)) await enrol(a, o, '24373', '66', 'nominated');
    await enrol(a, ea[3]!, '24373', '66', 'pending_approval');
    await enrol(a, ea[4]!, '24373', '66', 'cancelled');
    await enrol(a, ea[5]!, '24373', '66', 'waitlisted');
    for (const o of bm.slice(0, 2)) await enrol(a, o, '24133', '66', 'nominated');
    // B: KNBT cluster class hosted by Buôn Ma Thuột serving Ea Kar too, ended 30/09/2026.
    const b = await klass({
      code: 'PVA.B',
      programme: programmes.KNBT,
      type: 'KNBT',
      organiser: tct66,
      province: '66',
      host: '24133',
      end: '2026-09-30',
      status: 'finished',
      serves: [
        ['24133', '66'],
        ['24373', '66'],
      ],
    });
    for (const o of ea.slice(0, 2)) await enrol(b, o, '24373', '66', 'nominated');
    await enrol(b, bm[0]!, '24133', '66', 'nominated');
    // C: cancelled class of Ea Kar: never counts, nor its enrolments.
    const c = await klass({
      code: 'PVA.C',
      programme: programmes.CMNV,
      type: 'CMNV',
      organiser: tct66,
      province: '66',
      host: '24373',
      end: '2026-10-05',
      status: 'cancelled',
    });
    for (const o of ea.slice(6, 8)) await enrol(c, o, '24373', '66', 'nominated');
    // D: QLNN_CHUNG in Buôn Ma Thuột only (not serving Ea Kar), ended 01/11/2026: one learner from Ea Kar.
    const d = await klass({
      code: 'PVA.D',
      programme: programmes.QLNN_CHUNG,
      type: 'QLNN_CHUNG',
      organiser: tct66,
      province: '66',
      host: '24133',
      end: '2026-11-01',
      status: 'finished',
    });
    await enrol(d, ea[8]!, '24373', '66', 'nominated');
    for (const o of bm.slice(2, 4)) await enrol(d, o, '24133', '66', 'nominated');
    // E: KNBT of Ea Kar ending 15/12/2026, after today.
    const e = await klass({
      code: 'PVA.E',
      programme: programmes.KNBT,
      type: 'KNBT',
      organiser: tct66,
      province: '66',
      host: '24373',
      end: '2026-12-15',
      status: 'running',
    });
    for (const o of ea.slice(9, 11)) await enrol(e, o, '24373', '66', 'nominated');
    // F: CMNV of Ea Kar ending 10/02/2027: outside the 2026 plans, inside phase 1.
    const f = await klass({
      code: 'PVA.F',
      programme: programmes.CMNV,
      type: 'CMNV',
      organiser: tct66,
      province: '66',
      host: '24373',
      end: '2027-02-10',
      status: 'planned',
    });
    await enrol(f, ea[11]!, '24373', '66', 'nominated');
    // G: the academy's national online class (no province), serving Ea Kar and a Hà Nội commune, ended 20/08/2026.
    const g = await klass({
      code: 'PVA.G',
      programme: programmes.XLTH,
      type: 'KNBT',
      organiser: hcma,
      province: null,
      host: null,
      end: '2026-08-20',
      status: 'closed',
      serves: [
        ['24373', '66'],
        [hanoiCommune, '01'],
      ],
    });
    await enrol(g, ea[0]!, '24373', '66', 'nominated');
    await enrol(g, hanoiOfficial.id, hanoiCommune, '01', 'nominated');
    // H: a Hà Nội class, ended 05/05/2026: only the national plan counts it.
    const h = await klass({
      code: 'PVA.H',
      programme: programmes.CMNV,
      type: 'CMNV',
      organiser: tct01,
      province: '01',
      host: hanoiCommune,
      end: '2026-05-05',
      status: 'finished',
    });
    await enrol(h, hanoiOfficial.id, hanoiCommune, '01', 'nominated');
  });

  const expectDelta = async (plan: string, asOf: string, expected: Delta, client: TestClient = national) => {
    const after = await progressVia(client, ids[plan]!, asOf);
    expect({ plan, asOf, delta: delta(base.get(key(ids[plan]!, asOf))!, after) }).toEqual({ plan, asOf, delta: expected });
    return after;
  };

  it('commune plan: classes hosted or served, learners of the commune, as of today', async () => {
    // A (host) + B (served) + G (served): CMNV 1 class / 4 attendances (3 nominated + 1 pending); KNBT 2 / 3.
    const p = await expectDelta('ea-kar-2026', '2026-11-23', { CMNV: [1, 4], KNBT: [2, 3], ALL: [3, 7] }, eaKar);
    expect(p.countedUntil).toBe('2026-11-23');
  });

  it('a class ending after the as-of date counts only once that date has passed', async () => {
    await expectDelta('ea-kar-2026', '2026-12-31', { CMNV: [1, 4], KNBT: [3, 5], ALL: [4, 9] });
    await expectDelta('ea-kar-2026', '2026-05-01', {});
  });

  it('province plan: its classes and cluster classes, its own learners only', async () => {
    // A (6: 4 Ea Kar + 2 BMT), B (3), D (3), G (1 of 66; the Hà Nội learner is not the province's). Not C, E, F, H.
    await expectDelta('dak-lak-2026', '2026-11-23', { QLNN_CHUNG: [1, 3], CMNV: [1, 6], KNBT: [2, 4], ALL: [4, 13] }, reviewer);
  });

  it('phase plan counts what ended in the phase up to the as-of date', async () => {
    await expectDelta('dak-lak-1', '2027-03-01', { QLNN_CHUNG: [1, 3], CMNV: [2, 7], KNBT: [3, 6], ALL: [6, 16] });
    await expectDelta('national-1', '2027-03-01', { QLNN_CHUNG: [1, 3], CMNV: [3, 8], KNBT: [3, 7], ALL: [7, 18] });
  });

  it('numbers, percentages and the shared planProgress function agree', async () => {
    const viaApi = await progressVia(national, ids['ea-kar-2026']!, '2026-11-23');
    const viaFn = await planProgress(t.db, ids['ea-kar-2026']!, '2026-11-23');
    expect(viaFn).toEqual(viaApi);
    const cmnv = row(viaApi, 'CMNV')!;
    expect(cmnv.plannedClasses).toBe(2);
    expect(cmnv.classesPct).toBe(Math.round((cmnv.actualClasses * 1000) / 2) / 10);
    expect(viaApi.overall.plannedAttendances).toBe(120);
    expect(viaApi.overall.attendancesPct).toBe(Math.round((viaApi.overall.actualAttendances * 1000) / 120) / 10);
    expect(await planProgress(t.db, 999_999, '2026-11-23')).toBeNull();
    // The list carries the same progress as the detail (today's).
    const list = await ok<PlanListResponse>(eaKar.get('/api/plans?commune=24373&year=2026'));
    expect(list.items[0]!.progress).toEqual(await progressVia(eaKar, ids['ea-kar-2026']!, '2026-11-23'));
    const detail = await ok<PlanDetail>(national.get(`/api/plans/${ids['dak-lak-2026']}`));
    expect(detail.children.find((c) => c.id === ids['ea-kar-2026'])?.overall).toEqual(viaApi.overall);
  });
});
