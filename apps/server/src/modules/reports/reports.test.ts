/**
 * Reports through the real API and PostgreSQL (SPEC §10): the workflow draft → submitted → returned
 * → resubmitted → accepted with its refusals (out of scope, double submit, edit after submit, a commune
 * asking for another commune, reviewer without the right), the snapshot staying frozen after later
 * data changes, numbers equal to the KPI engine's for the same scope and date, the upper level's
 * status board and consolidation, deadlines, ad hoc requests, and the .docx/.xlsx files.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildStatus, ChildrenStatusResponse, ReportDetail } from '@app/shared';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { addOfficial, defaultUnit, expectError, insertProgramme, loginAll, ok, orgIdOf } from '../classes/test-support.ts';
import { Zip } from '../roster-import/zip-reader.ts';
import { computeKpis } from '../kpis/kpis.service.ts';
import { dueReports } from './reports.service.ts';

let t: TestContext;
let national: TestClient;
let province: TestClient;
let reviewer: TestClient;
let bmt: TestClient; // xa.24133
let eaKar: TestClient; // xa.24373
let learner: TestClient;

const TODAY = '2026-11-23';

beforeAll(async () => {
  t = await createTestContext({ today: TODAY });
  [national, province, reviewer, bmt, eaKar, learner] = await loginAll(t, [
    'bonoivu',
    'sonoivu.66',
    'bantochuc.66',
    'xa.24133',
    'xa.24373',
    'hocvien.24133.1',
  ] as const);
}, 60_000);
afterAll(async () => t?.close());

/** A finished class hosted by the commune with `n` of its officials nominated (SQL fixture). */
async function finishedClass(commune: string, n: number, budget: number): Promise<number> {
  const programmeId = await insertProgramme(t.pool, { type: 'CMNV' });
  const org = await orgIdOf(t.pool, 'TCT.66');
  const c = await t.pool.query<{ id: number }>(
    `insert into classes (code, name, programme_id, programme_type, organiser_id, province_code, host_commune_code, mode, schedule_type, start_date, end_date, capacity, status, budget_planned_local, budget_actual_local)
     values ($1, 'Lớp nghiệp vụ thử', $2, 'CMNV', $3, '66', $4, 'truc_tiep', 'trong_gio', '2026-10-01', '2026-10-03', 40, 'closed', $5, $5) returning id`,
    [`T-${commune}-${Math.random().toString(36).slice(2, 8)}`, programmeId, org, commune, budget],
  );
  const classId = c.rows[0]!.id;
  const unit = await defaultUnit(t.pool, commune, 'van_phong_hdnd_ubnd');
  for (let i = 0; i < n; i++) {
    const o = await addOfficial(t.pool, { commune, unitId: unit });
    await t.pool.query(
      `insert into enrolments (class_id, official_id, province_code, commune_code, unit_id, programme_type, class_end_date, decision_date, status, result)
       values ($1, $2, '66', $3, $4, 'CMNV', '2026-10-03', '2026-09-20', 'nominated', 'completed')`,
      [classId, o.id, commune, unit],
    );
  }
  return classId;
}

let report: ReportDetail;

describe('a commune report: draft and edits', () => {
  it('the commune creates its annual report; a second one is refused', async () => {
    await finishedClass('24133', 3, 12_000_000);
    report = await ok<ReportDetail>(bmt.post('/api/reports', { kind: 'annual', year: 2026 }), 201);
    expect(report).toMatchObject({
      level: 'commune',
      scopeKey: 'commune:24133',
      status: 'draft',
      frozen: false,
      deadline: '2026-12-10',
      overdue: false,
    });
    expect(report.actions).toEqual({ edit: true, submit: true, review: false });
    expect(report.title).toContain('năm 2026');
    expectError(await bmt.post('/api/reports', { kind: 'annual', year: 2026 }), 409, 'CONFLICT');
  });

  it('refuses bad input with the field named', async () => {
    expectError(await bmt.post('/api/reports', { kind: 'annual', year: 2040 }), 400, 'VALIDATION_ERROR');
    expectError(await bmt.post('/api/reports', { kind: 'midterm', year: 2027 }), 400, 'VALIDATION_ERROR');
    expectError(await bmt.post('/api/reports', { kind: 'adhoc', year: 2026 }), 400, 'VALIDATION_ERROR');
    expectError(await bmt.get('/api/reports/abc'), 400, 'VALIDATION_ERROR');
  });

  it('a commune asking for another commune is refused; others do not see the report', async () => {
    expectError(await bmt.post('/api/reports', { kind: 'annual', year: 2026, scope: 'commune:24373' }), 403, 'FORBIDDEN');
    expectError(await bmt.post('/api/reports', { kind: 'annual', year: 2026, scope: 'province:66' }), 403, 'FORBIDDEN');
    expectError(await eaKar.get(`/api/reports/${report.id}`), 404, 'NOT_FOUND');
    expectError(await eaKar.patch(`/api/reports/${report.id}`, { version: report.version, sections: { results: 'x' } }), 404, 'NOT_FOUND');
    expectError(await learner.get(`/api/reports/${report.id}`), 403, 'FORBIDDEN');
    expectError(await eaKar.get('/api/reports/status?year=2026&scope=province:66'), 403, 'FORBIDDEN');
    // the province reads it but may not write it
    await ok<ReportDetail>(province.get(`/api/reports/${report.id}`));
    expectError(
      await province.patch(`/api/reports/${report.id}`, { version: report.version, sections: { results: 'x' } }),
      403,
      'FORBIDDEN',
    );
  });

  it('saves sections under a version check (autosave), text kept as text', async () => {
    const a = await ok<ReportDetail>(
      bmt.patch(`/api/reports/${report.id}`, { version: report.version, sections: { results: 'Đã mở 1 lớp <script>alert(1)</script>' } }),
    );
    const b = await ok<ReportDetail>(
      bmt.patch(`/api/reports/${report.id}`, { version: a.version, sections: { difficulties: 'Thiếu giảng viên' }, documentNo: '12' }),
    );
    expect(b.sections).toEqual({ results: 'Đã mở 1 lớp <script>alert(1)</script>', difficulties: 'Thiếu giảng viên' });
    expect(b.documentNo).toBe('12');
    expectError(
      await bmt.patch(`/api/reports/${report.id}`, { version: a.version, sections: { proposals: 'cũ' } }),
      409,
      'VERSION_CONFLICT',
    );
    report = b;
  });
});

describe('numbers come from the KPI engine', () => {
  it('the report shows computeKpis for the same scope and date', async () => {
    const engine = await computeKpis(t.db, { scope: { level: 'commune', communeCode: '24133' }, phase: 1, asOf: TODAY });
    expect(report.data.asOf).toBe(TODAY);
    expect(report.data.total.indicators.map((i) => [i.code, i.numerator, i.denominator])).toEqual(
      engine.indicators.map((i) => [i.code, i.numerator, i.denominator]),
    );
    expect(report.data.total.classes.CMNV).toMatchObject({ heldClasses: 1, heldAttendances: 3 });
    expect(report.data.total.budget.spentLocal).toBe(12_000_000);
  });
});

describe('workflow', () => {
  it('submitting freezes the numbers; double submit and edits after submit are refused', async () => {
    const s = await ok<ReportDetail>(bmt.post(`/api/reports/${report.id}/submit`, { version: report.version }));
    expect(s).toMatchObject({ status: 'submitted', frozen: true, submittedOn: TODAY, submittedBy: expect.any(String) });
    expect(s.actions).toEqual({ edit: false, submit: false, review: false });
    expect(expectError(await bmt.post(`/api/reports/${report.id}/submit`, { version: s.version }), 409, 'CONFLICT').message).toContain(
      'gửi',
    );
    expectError(await bmt.post(`/api/reports/${report.id}/submit`, { version: report.version }), 409, 'CONFLICT');
    expectError(await bmt.patch(`/api/reports/${report.id}`, { version: s.version, sections: { results: 'sửa' } }), 409, 'CONFLICT');
    const notes = await t.pool.query(
      `select 1 from notifications n join users u on u.id = n.user_id where u.username = 'sonoivu.66' and n.kind = 'report.submitted'`,
    );
    expect(notes.rows.length).toBe(1);
    report = s;
  });

  it('the snapshot stays frozen after later data changes', async () => {
    const before = JSON.stringify(report.data);
    await finishedClass('24133', 2, 5_000_000);
    const again = await ok<ReportDetail>(bmt.get(`/api/reports/${report.id}`));
    expect(JSON.stringify(again.data)).toBe(before);
    // while the live numbers moved
    const engine = await computeKpis(t.db, { scope: { level: 'commune', communeCode: '24133' }, phase: 1, asOf: TODAY });
    const k6 = (x: { indicators: { code: string; denominator: number }[] }) => x.indicators.find((i) => i.code === 'K6')?.denominator;
    expect(k6(engine)).not.toBe(k6(again.data.total));
  });

  it('the province sees who has and has not sent, with the consolidation', async () => {
    const st = await ok<ChildrenStatusResponse>(province.get('/api/reports/status?year=2026'));
    expect(st.deadline).toBe('2026-12-10');
    const mine = st.items.find((i) => i.code === '24133')!;
    expect(mine).toMatchObject({ status: 'submitted', reportId: report.id, overdue: false });
    expect(st.items.find((i) => i.code === '24373')!.status).toBe('missing');
    expect(st.counts.submitted).toBe(1);
    expect(st.counts.missing).toBe(st.counts.total - 1);
    expect(st.consolidatedFrom).toHaveLength(1);
    expect(st.missing).toContain(st.items.find((i) => i.code === '24373')!.name);
    expect(st.consolidated!.budget.spentLocal).toBe(report.data.total.budget.spentLocal);
    expect(st.consolidated!.indicators.map((i) => i.numerator)).toEqual(report.data.total.indicators.map((i) => i.numerator));
  });

  it('the province sets the communes deadline; overdue follows it; communes cannot set it', async () => {
    expectError(await bmt.request('PUT', '/api/reports/deadline', { year: 2026, deadline: '2026-11-20' }), 403, 'FORBIDDEN');
    expectError(await province.request('PUT', '/api/reports/deadline', { year: 2026, deadline: '2025-11-20' }), 400, 'VALIDATION_ERROR');
    await ok(province.request('PUT', '/api/reports/deadline', { year: 2026, deadline: '2026-11-20' }));
    const d = await ok<{ deadline: string; isDefault: boolean }>(eaKar.get('/api/reports/deadline?year=2026'));
    expect(d).toMatchObject({ deadline: '2026-11-20', isDefault: false });
    const st = await ok<ChildrenStatusResponse>(province.get('/api/reports/status?year=2026'));
    expect(st.items.find((i) => i.code === '24373')!.overdue).toBe(true);
    expect(st.items.find((i) => i.code === '24133')!.overdue).toBe(false);
    await ok(province.request('PUT', '/api/reports/deadline', { year: 2026, deadline: '2026-12-10' }));
  });

  it('return needs a comment; the reviewer role and other communes cannot review', async () => {
    expectError(
      await province.post(`/api/reports/${report.id}/review`, { version: report.version, decision: 'return' }),
      400,
      'VALIDATION_ERROR',
    );
    expectError(await reviewer.post(`/api/reports/${report.id}/review`, { version: report.version, decision: 'accept' }), 403, 'FORBIDDEN');
    expectError(await bmt.post(`/api/reports/${report.id}/review`, { version: report.version, decision: 'accept' }), 403, 'FORBIDDEN');
    expectError(await eaKar.post(`/api/reports/${report.id}/review`, { version: report.version, decision: 'accept' }), 404, 'NOT_FOUND');
    const r = await ok<ReportDetail>(
      province.post(`/api/reports/${report.id}/review`, {
        version: report.version,
        decision: 'return',
        comment: 'Bổ sung số liệu kinh phí',
      }),
    );
    expect(r).toMatchObject({ status: 'returned', reviewComment: 'Bổ sung số liệu kinh phí', frozen: false });
    const notes = await t.pool.query(
      `select 1 from notifications n join users u on u.id = n.user_id where u.username = 'xa.24133' and n.kind = 'report.returned'`,
    );
    expect(notes.rows.length).toBe(1);
    report = r;
  });

  it('the commune edits and resubmits; the province accepts; accepting twice is refused', async () => {
    const e = await ok<ReportDetail>(
      bmt.patch(`/api/reports/${report.id}`, { version: report.version, sections: { proposals: 'Đề nghị bổ sung kinh phí' } }),
    );
    const s = await ok<ReportDetail>(bmt.post(`/api/reports/${report.id}/submit`, { version: e.version }));
    expect(s.status).toBe('submitted');
    expect(s.data.total.classes.CMNV!.heldAttendances).toBe(5); // numbers re-frozen at resubmission
    const a = await ok<ReportDetail>(province.post(`/api/reports/${report.id}/review`, { version: s.version, decision: 'accept' }));
    expect(a.status).toBe('accepted');
    expect(a.events.map((x) => x.action)).toEqual(['created', 'submitted', 'returned', 'submitted', 'accepted']);
    expectError(await province.post(`/api/reports/${report.id}/review`, { version: a.version, decision: 'accept' }), 409, 'CONFLICT');
    const audit = await t.pool.query(`select action from audit_log where entity_type = 'report' and entity_id = $1 order by id`, [
      String(report.id),
    ]);
    expect(audit.rows.map((r) => r.action)).toEqual([
      'report.create',
      'report.update',
      'report.update',
      'report.submit',
      'report.return',
      'report.update',
      'report.resubmit',
      'report.accept',
    ]);
    report = a;
  });
});

describe('files', () => {
  it('.docx is a real zip in the Decree 30 layout', async () => {
    const res = await bmt.get(`/api/reports/${report.id}/docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const zip = new Zip(res.rawPayload, 50_000_000);
    const xml = zip.read('word/document.xml')!.toString('utf8');
    for (const s of [
      'Số: 12/BC-UBND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Nơi nhận:',
      'TM. ỦY BAN NHÂN DÂN',
      'KT. CHỦ TỊCH',
      'BÁO CÁO',
      'ngày 23 tháng 11 năm 2026',
      'Đề nghị bổ sung kinh phí',
      'Times New Roman',
    ])
      expect(xml, s).toContain(s);
    expect(xml).toContain('&lt;script&gt;');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('<w:titlePg/>');
    const headers = [...Array(4).keys()].map((k) => zip.read(`word/header${k + 1}.xml`)?.toString('utf8') ?? '').join('');
    expect(headers).toContain('PAGE');
  });

  it('.xlsx annexes hold the snapshot numbers, children as rows', async () => {
    const res = await bmt.get(`/api/reports/${report.id}/xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Biểu 1', 'Biểu 2', 'Biểu 3', 'Biểu 4', 'Biểu 5']);
    const b2 = wb.getWorksheet('Biểu 2')!;
    const codes = report.data.total.indicators.map((i) => i.code);
    expect(b2.getCell(4, 3).value).toBe(codes[0]);
    let totalRow = 0;
    for (let r = 6; r <= b2.rowCount; r++) if (String(b2.getCell(r, 2).value).startsWith('Tổng cộng')) totalRow = r;
    expect(totalRow).toBe(6 + report.data.children.length);
    report.data.total.indicators.forEach((i, k) => {
      expect(b2.getCell(totalRow, 3 + 3 * k).value).toBe(i.numerator);
      expect(b2.getCell(totalRow, 4 + 3 * k).value).toBe(i.denominator);
    });
    // Biểu 5: the commune's officials below standard not yet nominated, by name
    const b5 = wb.getWorksheet('Biểu 5')!;
    expect(report.data.belowStandard.length).toBeGreaterThan(0);
    const names5: string[] = [];
    for (let r = 5; r <= b5.rowCount; r++) names5.push(String(b5.getCell(r, 2).value));
    expect(names5).toEqual(report.data.belowStandard.map((o) => o.fullName));
    const b4 = wb.getWorksheet('Biểu 4')!;
    let b4Total = 0;
    for (let r = 6; r <= b4.rowCount; r++) if (String(b4.getCell(r, 2).value).startsWith('Tổng cộng')) b4Total = r;
    expect(b4.getCell(b4Total, 8).value).toBe(report.data.total.budget.spentLocal);
  });

  it('a background build reports progress and gives the file to its starter only', async () => {
    const st = await ok<BuildStatus>(province.post(`/api/reports/${report.id}/builds`, { format: 'xlsx' }), 202);
    let cur = st;
    for (let i = 0; i < 100 && cur.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      cur = await ok<BuildStatus>(province.get(`/api/report-builds/${st.id}`));
    }
    expect(cur).toMatchObject({ status: 'done', progress: 100 });
    const file = await province.get(`/api/report-builds/${st.id}/file`);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expectError(await bmt.get(`/api/report-builds/${st.id}`), 404, 'NOT_FOUND');
    expectError(await eaKar.post(`/api/reports/${report.id}/builds`, { format: 'docx' }), 404, 'NOT_FOUND');
  });
});

describe('province report and ad hoc requests', () => {
  it('the province reports to the ministry; communes do not see it; the ministry reviews', async () => {
    const p = await ok<ReportDetail>(province.post('/api/reports', { kind: 'annual', year: 2026 }), 201);
    expect(p).toMatchObject({ level: 'province', deadline: '2026-11-30' });
    expect(p.data.children.length).toBeGreaterThan(10);
    expectError(await bmt.get(`/api/reports/${p.id}`), 404, 'NOT_FOUND');
    const s = await ok<ReportDetail>(province.post(`/api/reports/${p.id}/submit`, { version: p.version }));
    expectError(await province.post(`/api/reports/${p.id}/review`, { version: s.version, decision: 'accept' }), 403, 'FORBIDDEN');
    const board = await ok<ChildrenStatusResponse>(national.get('/api/reports/status?year=2026&scope=nation'));
    expect(board.items.find((i) => i.code === '66')!.status).toBe('submitted');
    await ok<ReportDetail>(national.post(`/api/reports/${p.id}/review`, { version: s.version, decision: 'accept' }));
  });

  it('the ministry writes the national report with the provinces as rows', async () => {
    const n = await ok<ReportDetail>(national.post('/api/reports', { kind: 'annual', year: 2026 }), 201);
    expect(n).toMatchObject({ level: 'nation', scopeKey: 'nation', deadline: '2026-12-31' });
    expect(n.data.children).toHaveLength(34);
    const engine = await computeKpis(t.db, { scope: { level: 'nation' }, phase: 1, asOf: TODAY });
    expect(n.data.total.indicators.map((i) => i.numerator)).toEqual(engine.indicators.map((i) => i.numerator));
    expectError(await province.get(`/api/reports/${n.id}`), 404, 'NOT_FOUND');
    const res = await national.get(`/api/reports/${n.id}/docx`);
    const xml = new Zip(res.rawPayload, 50_000_000).read('word/document.xml')!.toString('utf8');
    expect(xml).toContain('BỘ NỘI VỤ');
    expect(xml).toContain('KT. BỘ TRƯỞNG');
  });

  it('the province asks its communes for an ad hoc report; only its communes answer it', async () => {
    expectError(await bmt.post('/api/report-requests', { title: 'x', year: 2026, deadline: '2026-12-01' }), 403, 'FORBIDDEN');
    expectError(await province.post('/api/report-requests', { title: 'x', year: 2026, deadline: '2026-01-01' }), 400, 'VALIDATION_ERROR');
    const req = await ok<{ id: number }>(
      province.post('/api/report-requests', {
        title: 'Báo cáo nhanh tình hình cử đi học quý IV',
        year: 2026,
        deadline: '2026-12-01',
        sections: ['Tình hình cử đi học', 'Kiến nghị'],
      }),
      201,
    );
    const mine = await ok<{ items: { id: number; myReportId: number | null }[] }>(eaKar.get('/api/report-requests'));
    expect(mine.items.find((i) => i.id === req.id)!.myReportId).toBeNull();
    const r = await ok<ReportDetail>(eaKar.post('/api/reports', { kind: 'adhoc', year: 2026, requestId: req.id }), 201);
    expect(r.sectionTitles.map((s) => s.title)).toEqual(['Tình hình cử đi học', 'Kiến nghị']);
    expect(r.deadline).toBe('2026-12-01');
    const st = await ok<ChildrenStatusResponse>(province.get(`/api/reports/status?year=2026&kind=adhoc&requestId=${req.id}`));
    expect(st.items.find((i) => i.code === '24373')!.status).toBe('draft');
    // a commune of another province cannot answer it
    await t.pool.query(
      `insert into users (username, full_name, role, province_code, commune_code, password_hash) select 'xa.khac', 'Người thử', 'commune_admin', province_code, code, (select password_hash from users where username = 'xa.24133') from communes where province_code = '01' limit 1`,
    );
    const otherCommune = await t.loginAs('xa.khac');
    expectError(await otherCommune.post('/api/reports', { kind: 'adhoc', year: 2026, requestId: req.id }), 404, 'NOT_FOUND');
  });
});

describe('reports due (for the warnings module)', () => {
  it('lists what a place still has to send, periodic and ad hoc, with overdue', async () => {
    const eaKarDue = await dueReports(t.db, { level: 'commune', provinceCode: '66', communeCode: '24373' }, TODAY, '2026-12-31');
    expect(eaKarDue.map((d) => [d.kind, d.deadline, d.status])).toEqual([
      ['adhoc', '2026-12-01', 'draft'],
      ['annual', '2026-12-10', 'missing'],
    ]);
    expect(eaKarDue.every((d) => !d.overdue)).toBe(true);
    // Buôn Ma Thuột's annual report was accepted: only the ad hoc one is left
    const bmtDue = await dueReports(t.db, { level: 'commune', provinceCode: '66', communeCode: '24133' }, TODAY, '2026-12-31');
    expect(bmtDue.map((d) => d.kind)).toEqual(['adhoc']);
    expect(await dueReports(t.db, { level: 'commune', provinceCode: '66', communeCode: '24373' }, TODAY, '2026-11-30')).toEqual([]);
    // after the deadline the missing report is overdue
    const late = await dueReports(t.db, { level: 'commune', provinceCode: '66', communeCode: '24373' }, '2026-12-11', '2026-12-31');
    expect(late.find((d) => d.kind === 'annual')!.overdue).toBe(true);
    // the province's own report was accepted by the ministry
    expect(await dueReports(t.db, { level: 'province', provinceCode: '66' }, TODAY, '2026-12-31')).toEqual([]);
  });
});
