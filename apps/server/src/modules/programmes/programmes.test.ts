/**
 * Programme catalogue through the real API and PostgreSQL (SPEC §5, K8): the seeded national
 * catalogue, who reads and manages what, practice-share warnings at the 59/60% boundary, bad input,
 * versions that never change history, the approval flow and optimistic concurrency.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { AuditItem, ProgrammeDetail, ProgrammeListResponse } from '@app/shared';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { NATIONAL_CATALOGUE, seedProgrammes } from './programmes.seed.ts';

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

let t: TestContext;
let national: TestClient; // bonoivu
let province: TestClient; // sonoivu.66
let reviewer: TestClient; // bantochuc.66
let commune: TestClient; // xa.24373
let learner: TestClient; // hocvien.24373.1
let school: TestClient; // truong.66
let seededTwice: number;

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
async function countProgrammes(): Promise<number> {
  return (await t.pool.query<{ n: number }>('select count(*)::int as n from programmes')).rows[0]!.n;
}
const uniq = () => Math.random().toString(36).slice(2, 8).toUpperCase();

beforeAll(async () => {
  t = await createTestContext({ today: '2026-11-23' });
  await t.db.transaction((tx) => seedProgrammes(tx));
  seededTwice = await t.db.transaction((tx) => seedProgrammes(tx));
  [national, province, reviewer, commune, learner, school] = await Promise.all([
    t.loginAs('bonoivu'),
    t.loginAs('sonoivu.66'),
    t.loginAs('bantochuc.66'),
    t.loginAs('xa.24373'),
    t.loginAs('hocvien.24373.1'),
    t.loginAs('truong.66'),
  ]);
});
afterAll(() => t.close());

describe('national default catalogue', () => {
  it('is seeded once (idempotent) and approved', async () => {
    expect(seededTwice).toBe(0);
    const rows = (await t.pool.query<{ code: string; n: number }>(`select code, count(*)::int as n from programmes group by code`)).rows;
    for (const e of NATIONAL_CATALOGUE) expect(rows.find((r) => r.code === e.code)?.n).toBe(1);
  });

  it('every signed-in user reads approved programmes, with their rules', async () => {
    for (const c of [learner, school, reviewer, commune]) {
      const list = await ok<ProgrammeListResponse>(c.get('/api/programmes?status=approved&pageSize=500'));
      expect(list.items.length).toBeGreaterThanOrEqual(NATIONAL_CATALOGUE.length);
      expect(list.items.every((p) => p.approvalStatus === 'approved')).toBe(true);
      const cmcn = list.items.find((p) => p.code === 'BNV.CMCN.1')!;
      expect(cmcn).toMatchObject({
        type: 'CMCN',
        owner: 'ministry',
        durationDays: 60,
        totalHours: 480,
        practiceHours: 300,
        practiceSharePct: 62.5,
        certificateMeetsRequirement: true,
        requiresEssay: false,
        minAttendancePct: 100,
        maxExcusedPct: 20,
        passScore: 5,
        versionNo: 1,
        canEdit: false,
        warnings: [],
      });
    }
    const hcma = (await ok<ProgrammeListResponse>(learner.get('/api/programmes?q=xu ly tinh huong thuc tien'))).items;
    expect(hcma.map((p) => p.code)).toEqual(['HVCTQG.KNBT.XLTH']);
    expect(hcma[0]).toMatchObject({
      name: 'Nâng cao năng lực, xử lý tình huống thực tiễn cho cán bộ cơ sở',
      owner: 'hcma',
      durationDays: 2,
      requiresEssay: true,
    });
  });

  it('the programme under 60% practice keeps its warning in lists and in the K8 filter', async () => {
    const low = await ok<ProgrammeListResponse>(national.get('/api/programmes?lowPractice=true&owner=ministry'));
    expect(low.items.map((p) => p.code)).toContain('BNV.CMNV.TCNS');
    expect(low.items.every((p) => p.warnings.some((w) => w.code === 'practice_share_low'))).toBe(true);
    const tcns = low.items.find((p) => p.code === 'BNV.CMNV.TCNS')!;
    expect(tcns.practiceSharePct).toBe(37.5);
    expect(tcns.warnings[0]).toMatchObject({ code: 'practice_share_low', field: 'practiceHours' });
    expect(tcns.warnings[0]!.message).toContain('37,5%');
    const fine = await ok<ProgrammeListResponse>(national.get('/api/programmes?lowPractice=false&pageSize=500'));
    expect(fine.items.map((p) => p.code)).not.toContain('BNV.CMNV.TCNS');
    expect(fine.items.map((p) => p.code)).toContain('BNV.KNBT.CDS');
  });

  it('filters by type, owner and field, and searches without diacritics', async () => {
    const knbt = await ok<ProgrammeListResponse>(commune.get('/api/programmes?type=KNBT'));
    expect(knbt.items.length).toBeGreaterThanOrEqual(3);
    expect(knbt.items.every((p) => p.type === 'KNBT')).toBe(true);
    expect(knbt.total).toBe(knbt.items.length);
    const hcma = await ok<ProgrammeListResponse>(commune.get('/api/programmes?owner=hcma'));
    expect(hcma.items.map((p) => p.code).sort()).toEqual(['HVCTQG.KNBT.XLTH', 'HVCTQG.QLNN_LANHDAO.1']);
    const land = await ok<ProgrammeListResponse>(commune.get('/api/programmes?field=dat_dai'));
    expect(land.items.map((p) => p.code)).toContain('BNV.CMNV.DAT_DAI');
    const q = await ok<ProgrammeListResponse>(commune.get('/api/programmes?q=CHUYEN DOI SO'));
    expect(q.items.map((p) => p.code)).toContain('BNV.KNBT.CDS');
    const page = await ok<ProgrammeListResponse>(commune.get('/api/programmes?pageSize=2&page=2'));
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThanOrEqual(NATIONAL_CATALOGUE.length);
  });
});

describe('creating programmes', () => {
  const cmnv = (over: Record<string, unknown> = {}) => ({
    name: 'Nghiệp vụ trật tự xây dựng cấp xã',
    type: 'CMNV',
    owner: 'ministry',
    fields: ['trat_tu_xay_dung'],
    durationDays: 5,
    totalHours: 40,
    practiceHours: 24,
    ...over,
  });

  it('practice share boundary: 59% warns on save and in lists, 60% does not', async () => {
    const low = await ok<ProgrammeDetail>(
      national.post('/api/programmes', cmnv({ code: `TEST.${uniq()}`, totalHours: 100, practiceHours: 59, durationDays: 13 })),
      201,
    );
    expect(low.practiceSharePct).toBe(59);
    expect(low.warnings.map((w) => w.code)).toContain('practice_share_low');
    expect(low.approvalStatus).toBe('draft');
    const fine = await ok<ProgrammeDetail>(
      national.post('/api/programmes', cmnv({ code: `TEST.${uniq()}`, totalHours: 100, practiceHours: 60, durationDays: 13 })),
      201,
    );
    expect(fine.practiceSharePct).toBe(60);
    expect(fine.warnings.map((w) => w.code)).not.toContain('practice_share_low');
    const list = await ok<ProgrammeListResponse>(national.get('/api/programmes?status=draft&pageSize=500'));
    expect(list.items.find((p) => p.id === low.id)?.warnings.map((w) => w.code)).toContain('practice_share_low');
    expect(list.items.find((p) => p.id === fine.id)?.warnings.map((w) => w.code)).not.toContain('practice_share_low');
    // Non-professional programmes never get it.
    const qlnn = await ok<ProgrammeDetail>(
      national.post('/api/programmes', { name: 'QLNN thử', type: 'QLNN_CHUNG', owner: 'ministry', practiceHours: 0 }),
      201,
    );
    expect(qlnn.warnings).toEqual([]);
  });

  it('missing numbers come from the type’s defaults; a code is generated', async () => {
    const p = await ok<ProgrammeDetail>(
      national.post('/api/programmes', { name: 'Chuyên môn chuyên ngành (bản thử)', type: 'CMCN', owner: 'ministry' }),
      201,
    );
    expect(p).toMatchObject({
      durationDays: 60,
      totalHours: 480,
      practiceHours: 300,
      certificateMeetsRequirement: true,
      minAttendancePct: 100,
      maxExcusedPct: 20,
      passScore: 5,
    });
    expect(p.code).toMatch(/^BNV\.CMCN\.\d+$/);
    expect(p.versions).toEqual([expect.objectContaining({ id: p.id, versionNo: 1, approvalStatus: 'draft', createdBy: 'bonoivu' })]);
    const h = await ok<ProgrammeDetail>(
      national.post('/api/programmes', { name: 'Kỹ năng thử', type: 'KNBT', owner: 'ministry', fields: ['ra_quyet_dinh'], totalHours: 20 }),
      201,
    );
    expect(h.practiceHours).toBe(13); // the default share (15/24) of 20 hours
    expect(h.warnings).toEqual([]);
  });

  it('a province admin owns its province’s programmes only', async () => {
    const p = await ok<ProgrammeDetail>(
      province.post('/api/programmes', {
        name: 'Bồi dưỡng thường xuyên về dân vận khéo',
        type: 'KHAC',
        owner: 'province',
        fields: ['dan_van'],
      }),
      201,
    );
    expect(p).toMatchObject({ owner: 'province', ownerProvinceCode: '66', ownerProvinceName: 'Đắk Lắk', canEdit: true });
    expect(p.code).toMatch(/^T66\.KHAC\.\d+$/);
    const ministry = expectError(await province.post('/api/programmes', cmnv()), 403, 'FORBIDDEN');
    expect(ministry.fields?.[0]?.field).toBe('owner');
    const other = expectError(
      await province.post('/api/programmes', cmnv({ owner: 'province', ownerProvinceCode: '01' })),
      403,
      'FORBIDDEN',
    );
    expect(other.fields?.[0]?.field).toBe('ownerProvinceCode');
    for (const c of [commune, reviewer, learner, school]) expectError(await c.post('/api/programmes', cmnv()), 403, 'FORBIDDEN');
  });

  it('bad input gets a Vietnamese 400 naming the field and saves nothing', async () => {
    const before = await countProgrammes();
    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      [
        'practice above total',
        cmnv({ totalHours: 24, practiceHours: 30 }),
        'practiceHours',
        /Số giờ thực hành.*không được lớn hơn tổng số giờ/,
      ],
      ['zero days', cmnv({ durationDays: 0 }), 'durationDays', /Thời lượng \(ngày\)/],
      ['negative days', cmnv({ durationDays: -2 }), 'durationDays', /Thời lượng/],
      ['zero hours', cmnv({ totalHours: 0 }), 'totalHours', /Tổng số giờ/],
      ['unknown field', cmnv({ fields: ['bay_luon'] }), 'fields.0', /Lĩnh vực/],
      ['duplicate field', cmnv({ fields: ['dat_dai', 'dat_dai'] }), 'fields', /Lĩnh vực.*lặp/],
      ['unknown type', cmnv({ type: 'CMXX' }), 'type', /Loại/],
      ['unknown owner', cmnv({ owner: 'school' }), 'owner', /Cơ quan chủ quản/],
      ['pass score above 10', cmnv({ passScore: 11 }), 'passScore', /Điểm đạt/],
      ['attendance above 100', cmnv({ minAttendancePct: 150 }), 'minAttendancePct', /Tỷ lệ tham dự/],
      [
        'certificate counted for CMNV',
        cmnv({ certificateMeetsRequirement: true }),
        'certificateMeetsRequirement',
        /chỉ chứng chỉ chương trình/,
      ],
      ['CMNV without a field', cmnv({ fields: [] }), 'fields', /ít nhất một lĩnh vực/],
      ['empty name', cmnv({ name: '  ' }), 'name', /Tên/],
      ['bad code', cmnv({ code: 'có dấu' }), 'code', /Mã/],
      ['unknown province', cmnv({ owner: 'province', ownerProvinceCode: '98' }), 'ownerProvinceCode', /Tỉnh chủ quản/],
      ['ministry with a province', cmnv({ ownerProvinceCode: '66' }), 'ownerProvinceCode', /chỉ chương trình của tỉnh/],
    ];
    for (const [label, body, field, message] of cases) {
      const res = await national.post('/api/programmes', body);
      const err = expectError(res, 400, 'VALIDATION_ERROR');
      expect({ label, fields: err.fields?.map((f) => f.field) }).toEqual({ label, fields: [field] });
      expect(err.message, label).toMatch(message);
    }
    expect(await countProgrammes()).toBe(before);
  });

  it('a code is one programme: a second programme with it is refused', async () => {
    const code = `TEST.${uniq()}`;
    await ok(national.post('/api/programmes', cmnv({ code })), 201);
    const err = expectError(await national.post('/api/programmes', cmnv({ code, name: 'Khác' })), 409, 'CONFLICT');
    expect(err.fields?.[0]?.field).toBe('code');
  });
});

describe('drafts, versions and approval', () => {
  it('drafts are visible to their owners only', async () => {
    const draft = await ok<ProgrammeDetail>(
      province.post('/api/programmes', { name: 'Dự thảo của tỉnh', type: 'KNBT', owner: 'province', fields: ['dan_van'] }),
      201,
    );
    await ok(province.get(`/api/programmes/${draft.id}`));
    await ok(national.get(`/api/programmes/${draft.id}`));
    for (const c of [commune, reviewer, learner, school]) {
      expectError(await c.get(`/api/programmes/${draft.id}`), 404, 'NOT_FOUND');
      const list = await ok<ProgrammeListResponse>(c.get('/api/programmes?pageSize=500'));
      expect(list.items.map((p) => p.id)).not.toContain(draft.id);
    }
    const nationalDraft = await ok<ProgrammeDetail>(
      national.post('/api/programmes', { name: 'Dự thảo của Bộ', type: 'QLNN_CHUNG', owner: 'ministry' }),
      201,
    );
    expectError(await province.get(`/api/programmes/${nationalDraft.id}`), 404, 'NOT_FOUND');
    const provinceList = await ok<ProgrammeListResponse>(province.get('/api/programmes?status=draft&pageSize=500'));
    expect(provinceList.items.map((p) => p.id)).toContain(draft.id);
    expect(provinceList.items.map((p) => p.id)).not.toContain(nationalDraft.id);
    expect(provinceList.items.every((p) => p.ownerProvinceCode === '66')).toBe(true);
  });

  it('a draft is edited in place with a version check', async () => {
    const d = await ok<ProgrammeDetail>(
      national.post('/api/programmes', { name: 'Bản nháp', type: 'CAPNHAT', owner: 'ministry', fields: ['phap_luat'] }),
      201,
    );
    const res = await national.patch(`/api/programmes/${d.id}`, { version: d.version, name: 'Bản nháp đã sửa', practiceHours: 5 });
    expect(res.statusCode, res.body).toBe(200);
    const e = res.json<ProgrammeDetail>();
    expect(e).toMatchObject({ id: d.id, name: 'Bản nháp đã sửa', practiceHours: 5, versionNo: 1, version: d.version + 1 });
    expect(e.warnings.map((w) => w.code)).toEqual(['practice_share_low']);
    expectError(await national.patch(`/api/programmes/${d.id}`, { version: d.version, name: 'Ghi đè' }), 409, 'VERSION_CONFLICT');
    const bad = expectError(
      await national.patch(`/api/programmes/${d.id}`, { version: e.version, practiceHours: 99 }),
      400,
      'VALIDATION_ERROR',
    );
    expect(bad.fields?.[0]?.field).toBe('practiceHours');
    expect((await ok<ProgrammeDetail>(national.get(`/api/programmes/${d.id}`))).name).toBe('Bản nháp đã sửa');
  });

  it('editing an approved programme makes a new version; the old one stays untouched and classes keep it', async () => {
    const v1 = await ok<ProgrammeDetail>(
      national.post('/api/programmes', {
        name: 'Nghiệp vụ khiếu nại, tố cáo',
        type: 'CMNV',
        owner: 'ministry',
        fields: ['khieu_nai_to_cao'],
        totalHours: 24,
        practiceHours: 15,
      }),
      201,
    );
    const approved = await ok<ProgrammeDetail>(national.post(`/api/programmes/${v1.id}/approve`, { version: v1.version }));
    expect(approved.approvalStatus).toBe('approved');
    // A class run on version 1.
    const org = (await t.pool.query<{ id: number }>(`select id from training_orgs where code = 'TCT.66'`)).rows[0]!.id;
    await t.pool.query(
      `insert into classes (code, name, programme_id, programme_type, organiser_id, province_code, mode, schedule_type, start_date, end_date, capacity, status)
       values ($1, 'Lớp khiếu nại tố cáo', $2, 'CMNV', $3, '66', 'truc_tiep', 'trong_gio', '2026-10-01', '2026-10-03', 40, 'finished')`,
      [`L.${uniq()}`, v1.id, org],
    );

    const res = await national.patch(`/api/programmes/${v1.id}`, {
      version: approved.version,
      totalHours: 32,
      practiceHours: 22,
      name: 'Nghiệp vụ giải quyết khiếu nại, tố cáo',
    });
    expect(res.statusCode, res.body).toBe(201);
    const v2 = res.json<ProgrammeDetail>();
    expect(v2).toMatchObject({
      code: v1.code,
      versionNo: 2,
      previousId: v1.id,
      approvalStatus: 'draft',
      totalHours: 32,
      practiceHours: 22,
      classCount: 0,
    });
    expect(v2.id).not.toBe(v1.id);
    const old = await ok<ProgrammeDetail>(national.get(`/api/programmes/${v1.id}`));
    expect(old).toMatchObject({
      name: 'Nghiệp vụ khiếu nại, tố cáo',
      totalHours: 24,
      practiceHours: 15,
      approvalStatus: 'approved',
      version: approved.version,
      classCount: 1,
    });
    expect(old.versions.map((v) => [v.versionNo, v.approvalStatus])).toEqual([
      [1, 'approved'],
      [2, 'draft'],
    ]);
    // Others see only the approved version in the history.
    expect((await ok<ProgrammeDetail>(commune.get(`/api/programmes/${v1.id}`))).versions.map((v) => v.versionNo)).toEqual([1]);

    // One open draft at a time.
    const again = expectError(
      await national.patch(`/api/programmes/${v1.id}`, { version: approved.version, name: 'Lần nữa' }),
      409,
      'CONFLICT',
    );
    expect(again.message).toContain('phiên bản 2');

    // Approving version 2 supersedes version 1 (retired, content unchanged); the class still points at version 1.
    const v2a = await ok<ProgrammeDetail>(national.post(`/api/programmes/${v2.id}/approve`, { version: v2.version }));
    expect(v2a.versions.map((v) => [v.versionNo, v.approvalStatus])).toEqual([
      [1, 'retired'],
      [2, 'approved'],
    ]);
    const oldAfter = await ok<ProgrammeDetail>(national.get(`/api/programmes/${v1.id}`));
    expect(oldAfter).toMatchObject({
      approvalStatus: 'retired',
      name: 'Nghiệp vụ khiếu nại, tố cáo',
      totalHours: 24,
      practiceHours: 15,
      classCount: 1,
    });
    const classProgramme = (
      await t.pool.query<{ programme_id: number }>(`select programme_id from classes where name = 'Lớp khiếu nại tố cáo'`)
    ).rows[0]!;
    expect(classProgramme.programme_id).toBe(v1.id);

    // A retired programme is not edited (409 naming the status); approve/retire follow the flow.
    const retiredEdit = expectError(
      await national.patch(`/api/programmes/${v1.id}`, { version: oldAfter.version, name: 'Sửa bản cũ' }),
      409,
      'CONFLICT',
    );
    expect(retiredEdit.fields?.[0]?.field).toBe('approvalStatus');
    expect(retiredEdit.message).toMatch(/^Trạng thái: .*ngừng sử dụng/);
    expect(oldAfter.canEdit).toBe(false);
    expectError(await national.post(`/api/programmes/${v1.id}/approve`, { version: oldAfter.version }), 409, 'CONFLICT');
    expectError(await national.post(`/api/programmes/${v2a.id}/approve`, { version: v2a.version }), 409, 'CONFLICT');
    expectError(await national.post(`/api/programmes/${v2a.id}/retire`, { version: v2a.version - 1 }), 409, 'VERSION_CONFLICT');
    const retired = await ok<ProgrammeDetail>(national.post(`/api/programmes/${v2a.id}/retire`, { version: v2a.version }));
    expect(retired.approvalStatus).toBe('retired');

    // Every step is in the audit log.
    const audit = await ok<{ items: AuditItem[] }>(national.get('/api/audit?entityType=programme&pageSize=200'));
    const actions = audit.items.filter((a) => [String(v1.id), String(v2.id)].includes(a.entityId ?? '')).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['programme.create', 'programme.approve', 'programme.new_version', 'programme.supersede', 'programme.retire']),
    );
  });

  it('a draft cannot be retired; others may only read', async () => {
    const d = await ok<ProgrammeDetail>(national.post('/api/programmes', { name: 'Chưa duyệt', type: 'KHAC', owner: 'ministry' }), 201);
    const err = expectError(await national.post(`/api/programmes/${d.id}/retire`, { version: d.version }), 409, 'CONFLICT');
    expect(err.message).toContain('Dự thảo');
    const cmcn = (await ok<ProgrammeListResponse>(province.get('/api/programmes?q=BNV.CMCN.1'))).items.find(
      (p) => p.code === 'BNV.CMCN.1',
    )!;
    expect(cmcn.canEdit).toBe(false);
    expectError(await province.patch(`/api/programmes/${cmcn.id}`, { version: cmcn.version, name: 'Sửa của tỉnh' }), 403, 'FORBIDDEN');
    expectError(await province.post(`/api/programmes/${cmcn.id}/retire`, { version: cmcn.version }), 403, 'FORBIDDEN');
    expectError(await reviewer.patch(`/api/programmes/${cmcn.id}`, { version: cmcn.version, name: 'x' }), 403, 'FORBIDDEN');
    expectError(await commune.post(`/api/programmes/${cmcn.id}/approve`, { version: cmcn.version }), 403, 'FORBIDDEN');
    expectError(await national.get('/api/programmes/999999'), 404, 'NOT_FOUND');
    expectError(await national.get('/api/programmes/abc'), 400, 'VALIDATION_ERROR');
    const unchanged = await ok<ProgrammeDetail>(national.get(`/api/programmes/${cmcn.id}`));
    expect(unchanged).toMatchObject({ name: cmcn.name, version: cmcn.version, approvalStatus: 'approved' });
  });

  it('a province admin approves its own province’s programme; the national admin may too', async () => {
    const d = await ok<ProgrammeDetail>(
      province.post('/api/programmes', {
        name: 'Du lịch cộng đồng vùng Tây Nguyên',
        type: 'CMNV',
        owner: 'province',
        fields: ['du_lich_cong_dong'],
      }),
      201,
    );
    const a = await ok<ProgrammeDetail>(province.post(`/api/programmes/${d.id}/approve`, { version: d.version }));
    expect(a.approvalStatus).toBe('approved');
    const v2 = await national.patch(`/api/programmes/${d.id}`, { version: a.version, durationDays: 4, totalHours: 32, practiceHours: 20 });
    expect(v2.statusCode, v2.body).toBe(201);
    expect((await ok<ProgrammeDetail>(commune.get(`/api/programmes/${d.id}`))).approvalStatus).toBe('approved');
  });
});

describe('OpenAPI', () => {
  it('documents the programme, plan and instructor routes', async () => {
    const res = await t.client().get('/api/openapi.json');
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    const paths = Object.keys(res.json<{ paths: Record<string, unknown> }>().paths);
    for (const p of [
      '/api/programmes',
      '/api/programmes/{id}',
      '/api/programmes/{id}/approve',
      '/api/programmes/{id}/retire',
      '/api/plans',
      '/api/plans/{id}',
      '/api/instructors',
      '/api/instructors/{id}',
    ]) {
      expect(paths).toContain(p);
    }
  });
});
