/**
 * Attendance, scores and results through the real API (SPEC §6): only the organising training org
 * records (others 404), per session and bridge point, scores 0–10 per assessment, completion by the
 * programme's rule once the class is finished, manual corrections audited, closing, and the .xlsx
 * round trip (template, dry run reporting every bad cell, all-or-nothing import).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassDetail, ClassResultsResponse, ComputeResultsResponse, NominateResponse, ResultsImportResponse } from '@app/shared';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import {
  addOfficial,
  expectError,
  fieldsOf,
  insertProgramme,
  makeClass,
  ok,
  orgIdOf,
  upload,
  loginAll,
  type AuditPage,
} from './test-support.ts';

let t: TestContext;
let national: TestClient;
let org66: TestClient; // truong.66 organises
let hcma: TestClient; // another training org
let bmt: TestClient; // xa.24133
let eakar: TestClient; // xa.24373
let prog: number;
let cls: ClassDetail;
const sessionIds: number[] = [];
/** enrolment ids of learners L1..L6 (24133) and L7 (24373) */
let L: number[] = [];

const DAYS = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'];

beforeAll(async () => {
  t = await createTestContext({ today: '2026-11-23' });
  [national, org66, hcma, bmt, eakar] = await loginAll(t, ['bonoivu', 'truong.66', 'truong.hvctqg', 'xa.24133', 'xa.24373'] as const);
  prog = await insertProgramme(t.pool, { type: 'CMNV', code: 'T.CMNV.KQ', name: 'Nghiệp vụ tài chính – ngân sách xã' });
  cls = await makeClass(org66, {
    programmeId: prog,
    hostCommuneCode: '24133',
    communeCodes: ['24373'],
    scheduleType: 'ngoai_gio',
    startDate: DAYS[0]!,
    endDate: DAYS[4]!,
    assessmentCount: 2,
  });
  for (const date of DAYS)
    sessionIds.push(
      (await ok<{ id: number }>(org66.post(`/api/classes/${cls.id}/sessions`, { date, startTime: '17:30', endTime: '20:30' }), 201)).id,
    );
  await ok(org66.post(`/api/classes/${cls.id}/status`, { status: 'open' }));
  const names = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Võ Thị Giang'];
  const people = [];
  for (const fullName of names) people.push(await addOfficial(t.pool, { commune: '24133', unitId: null, fullName }));
  const out = await ok<NominateResponse>(
    bmt.post(`/api/classes/${cls.id}/nominations`, {
      decisionNo: '88/QĐ-UBND',
      decisionDate: '2026-11-10',
      officialIds: people.map((p) => p.id),
    }),
    201,
  );
  const ea = await addOfficial(t.pool, { commune: '24373', unitId: null, fullName: 'Y Blang Niê' });
  const out2 = await ok<NominateResponse>(
    eakar.post(`/api/classes/${cls.id}/nominations`, { decisionNo: '12/QĐ-UBND', decisionDate: '2026-11-10', officialIds: [ea.id] }),
    201,
  );
  L = [...out.items.map((i) => i.id), out2.items[0]!.id];
});
afterAll(async () => {
  await t?.close();
});

const attend = (c: TestClient, sessionId: number, records: unknown[]) =>
  c.request('PUT', `/api/classes/${cls.id}/attendance`, { sessionId, records });
const score = (c: TestClient, records: unknown[]) => c.request('PUT', `/api/classes/${cls.id}/scores`, { records });

describe('who records', () => {
  it('only the organising training org: a commune admin or another org gets 404', async () => {
    await ok(org66.post(`/api/classes/${cls.id}/status`, { status: 'running' }));
    for (const c of [bmt, hcma, national]) {
      expectError(await attend(c, sessionIds[0]!, [{ enrolmentId: L[0], status: 'present' }]), 404, 'NOT_FOUND');
      expectError(await score(c, [{ enrolmentId: L[0], assessmentNo: 1, score: 8 }]), 404, 'NOT_FOUND');
      expectError(await c.post(`/api/classes/${cls.id}/results/compute`), 404, 'NOT_FOUND');
      expectError(await c.get(`/api/classes/${cls.id}/results-template.xlsx`), 404, 'NOT_FOUND');
    }
  });
});

describe('attendance and scores', () => {
  it('refuses what is not this class’s: another session, a person not nominated, a bridge point of nothing', async () => {
    const other = await makeClass(org66, { programmeId: prog, hostCommuneCode: '24133', startDate: DAYS[0]!, endDate: DAYS[0]! });
    const foreign = await ok<{ id: number }>(
      org66.post(`/api/classes/${other.id}/sessions`, { date: DAYS[0], startTime: '07:30', endTime: '11:00' }),
      201,
    );
    const s = await attend(org66, foreign.id, [{ enrolmentId: L[0], status: 'present' }]);
    expectError(s, 400, 'VALIDATION_ERROR');
    expect(fieldsOf(s)).toEqual(['sessionId']);
    const e = await attend(org66, sessionIds[0]!, [
      { enrolmentId: L[0], status: 'present' },
      { enrolmentId: 999_999, status: 'present' },
    ]);
    expect(fieldsOf(e)).toEqual(['records.1.enrolmentId']);
    const b = await attend(org66, sessionIds[0]!, [{ enrolmentId: L[0], status: 'present', bridgePointId: 999_999 }]);
    expect(fieldsOf(b)).toEqual(['records.0.bridgePointId']);
    expectError(await attend(org66, sessionIds[0]!, [{ enrolmentId: L[0], status: 'late' }]), 400, 'VALIDATION_ERROR');
    const none = await t.pool.query('select count(*)::int as n from attendance where enrolment_id = any($1)', [L]);
    expect(none.rows[0].n).toBe(0);
  });

  it('refuses scores out of 0–10 naming the score, and assessments the class does not have', async () => {
    const high = await score(org66, [{ enrolmentId: L[0], assessmentNo: 1, score: 10.5 }]);
    expect(expectError(high, 400, 'VALIDATION_ERROR').message).toMatch(/Điểm/);
    expect(fieldsOf(high)).toEqual(['records.0.score']);
    expect(fieldsOf(await score(org66, [{ enrolmentId: L[0], assessmentNo: 1, score: -1 }]))).toEqual(['records.0.score']);
    expect(fieldsOf(await score(org66, [{ enrolmentId: L[0], assessmentNo: 1, score: 7.125 }]))).toEqual(['records.0.score']);
    const third = await score(org66, [{ enrolmentId: L[0], assessmentNo: 3, score: 7 }]);
    expect(expectError(third, 400, 'VALIDATION_ERROR').message).toMatch(/chỉ có 2 bài kiểm tra/);
  });

  it('records attendance per session and scores per assessment; results can not be computed before the class ends', async () => {
    // L1 all present; L2 4 present + 1 excused (20% of 5 = 1: counted); L3 3 present + 2 excused;
    // L4 4 present + 1 absent; L5 all present, 4.99 in test 2; L6 all present, test 2 missing; L7 all present.
    const plan: Record<number, string[]> = {
      0: ['present', 'present', 'present', 'present', 'present'],
      1: ['present', 'present', 'excused', 'present', 'present'],
      2: ['present', 'excused', 'excused', 'present', 'present'],
      3: ['present', 'present', 'present', 'absent', 'present'],
      4: ['present', 'present', 'present', 'present', 'present'],
      5: ['present', 'present', 'present', 'present', 'present'],
      6: ['present', 'present', 'present', 'present', 'present'],
    };
    for (let s = 0; s < 5; s++) {
      const res = await ok<ClassResultsResponse>(
        attend(
          org66,
          sessionIds[s]!,
          L.map((id, i) => ({ enrolmentId: id, status: plan[i]![s] })),
        ),
      );
      expect(res.learners).toHaveLength(7);
    }
    const scores = [
      [8, 7],
      [6.5, 9],
      [9, 9],
      [9, 9],
      [7, 4.99],
      [8, null],
      [5, 5],
    ];
    const records = L.flatMap((id, i) =>
      scores[i]!.flatMap((s, k) => (s === null ? [] : [{ enrolmentId: id, assessmentNo: k + 1, score: s }])),
    );
    const res = await ok<ClassResultsResponse>(score(org66, records));
    const l1 = res.learners.find((l) => l.enrolmentId === L[0])!;
    expect(l1.attendance).toHaveLength(5);
    expect(l1.scores).toEqual([
      { assessmentNo: 1, score: 8 },
      { assessmentNo: 2, score: 7 },
    ]);
    expect(res.rule).toEqual({ minAttendancePct: 100, maxExcusedPct: 20, passScore: 5 });
    // Re-recording replaces.
    await ok(score(org66, [{ enrolmentId: L[0], assessmentNo: 1, score: 8.5 }]));
    expectError(await org66.post(`/api/classes/${cls.id}/results/compute`), 409, 'CONFLICT');
    const a = await ok<AuditPage>(national.get('/api/audit?action=class.attendance&pageSize=50'));
    expect(a.items.filter((i) => i.entityId === String(cls.id))).toHaveLength(5);
  });

  it('a commune sees the results of its own learners only', async () => {
    const mine = await ok<ClassResultsResponse>(eakar.get(`/api/classes/${cls.id}/results`));
    expect(mine.learners.map((l) => l.enrolmentId)).toEqual([L[6]]);
    expect(mine.canRecord).toBe(false);
    expect((await ok<ClassResultsResponse>(org66.get(`/api/classes/${cls.id}/results`))).canRecord).toBe(true);
  });
});

describe('results', () => {
  it('computes completion by the programme rule once the class is finished, and audits each result', async () => {
    await ok(org66.post(`/api/classes/${cls.id}/status`, { status: 'finished' }));
    const r = await ok<ComputeResultsResponse>(org66.post(`/api/classes/${cls.id}/results/compute`));
    const byId = new Map(r.items.map((i) => [i.enrolmentId, i]));
    expect(L.map((id) => byId.get(id)!.result)).toEqual(['completed', 'completed', 'failed', 'failed', 'failed', 'failed', 'completed']);
    expect(r).toMatchObject({ computed: 7, completed: 3, failed: 4 });
    expect(byId.get(L[0]!)).toMatchObject({ finalScore: 7.75, attendancePct: 100, reasons: [] });
    expect(byId.get(L[1]!)).toMatchObject({ finalScore: 7.75, attendancePct: 100 });
    expect(byId.get(L[2]!)!.reasons[0]).toMatch(/Tham dự 80% số buổi.*chưa đạt 100%/);
    expect(byId.get(L[3]!)!.reasons[0]).toMatch(/1 buổi vắng không phép/);
    expect(byId.get(L[4]!)!.reasons).toEqual(['Bài kiểm tra số 2 đạt 4,99 điểm, dưới mức đạt 5']);
    expect(byId.get(L[5]!)).toMatchObject({ finalScore: null, reasons: ['Chưa có điểm bài kiểm tra số 2'] });
    const rows = await t.pool.query('select id, result, final_score::float as s from enrolments where id = any($1) order by id', [L]);
    expect(rows.rows.find((x) => x.id === L[0])).toMatchObject({ result: 'completed', s: 7.75 });
    const a = await ok<AuditPage>(national.get('/api/audit?action=enrolment.result&pageSize=50'));
    expect(a.items.filter((i) => L.map(String).includes(i.entityId!))).toHaveLength(7);
    // Computing again changes nothing and audits nothing new.
    await ok(org66.post(`/api/classes/${cls.id}/results/compute`));
    expect(
      (await ok<AuditPage>(national.get('/api/audit?action=enrolment.result&pageSize=50'))).items.filter((i) =>
        L.map(String).includes(i.entityId!),
      ),
    ).toHaveLength(7);
  });

  it('a result may be corrected with a reason and the version read; audited', async () => {
    const before = await ok<ClassResultsResponse>(org66.get(`/api/classes/${cls.id}/results`));
    const l6 = before.learners.find((l) => l.enrolmentId === L[5])!;
    const body = { result: 'completed', finalScore: 8, reason: 'Học viên đã làm bài kiểm tra bù ngày 21/11/2026', version: l6.version };
    const after = await ok<ClassResultsResponse>(org66.patch(`/api/classes/${cls.id}/results/${L[5]}`, body));
    expect(after.learners.find((l) => l.enrolmentId === L[5])).toMatchObject({ result: 'completed', finalScore: 8 });
    expectError(await org66.patch(`/api/classes/${cls.id}/results/${L[5]}`, body), 409, 'VERSION_CONFLICT');
    expectError(await org66.patch(`/api/classes/${cls.id}/results/${L[5]}`, { ...body, reason: '' }), 400, 'VALIDATION_ERROR');
    const a = await ok<AuditPage>(national.get('/api/audit?action=enrolment.result.edit'));
    expect(a.items[0]).toMatchObject({ entityId: String(L[5]), actorUsername: 'truong.66' });
    expect(a.items[0]!.after).toMatchObject({ result: 'completed', finalScore: 8, reason: body.reason });
    expect(a.items[0]!.before).toMatchObject({ result: 'failed', finalScore: null });
  });
});

describe('results in Excel', () => {
  async function template(): Promise<ExcelJS.Workbook> {
    const res = await org66.get(`/api/classes/${cls.id}/results-template.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return wb;
  }
  const send = async (wb: ExcelJS.Workbook, dryRun: boolean) =>
    upload(t.app, org66, `/api/classes/${cls.id}/results-import?dryRun=${dryRun}`, Buffer.from(await wb.xlsx.writeBuffer()));

  it('the template lists learners × sessions and score columns, filled with what is recorded', async () => {
    const wb = await template();
    const ws = wb.getWorksheet('Kết quả')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      'Mã học viên',
      'Họ và tên',
      'Ngày sinh',
      'Xã, phường',
      'Đơn vị',
      'Buổi 1 (16/11/2026)',
      'Buổi 2 (17/11/2026)',
      'Buổi 3 (18/11/2026)',
      'Buổi 4 (19/11/2026)',
      'Buổi 5 (20/11/2026)',
      'Điểm bài 1',
      'Điểm bài 2',
    ]);
    expect(ws.rowCount).toBe(8);
    const rows = new Map<number, unknown[]>();
    ws.eachRow((row, n) => {
      if (n > 1) rows.set(Number(row.getCell(1).value), (row.values as unknown[]).slice(1));
    });
    expect(rows.get(L[0]!)).toEqual([
      L[0],
      'Nguyễn Văn An',
      '06/05/1986',
      'Phường Buôn Ma Thuột',
      '',
      'Có mặt',
      'Có mặt',
      'Có mặt',
      'Có mặt',
      'Có mặt',
      8.5,
      7,
    ]);
    expect(rows.get(L[2]!)?.slice(6, 8)).toEqual(['Vắng có phép', 'Vắng có phép']);
    expect(wb.getWorksheet('Hướng dẫn')).toBeDefined();
  });

  it('a dry run reports every bad cell with row and column and saves nothing; a file with errors saves nothing', async () => {
    const wb = await template();
    const ws = wb.getWorksheet('Kết quả')!;
    const rowOf = (id: number) => {
      let found = 0;
      ws.eachRow((row, n) => {
        if (Number(row.getCell(1).value) === id) found = n;
      });
      return found;
    };
    ws.getRow(rowOf(L[3]!)).getCell(9).value = 'Có mặt'; // L4's absent session 4 → present (valid)
    ws.getRow(rowOf(L[4]!)).getCell(12).value = 11; // bad score
    ws.getRow(rowOf(L[5]!)).getCell(7).value = 'muộn'; // bad attendance
    ws.addRow([424242, 'Người lạ']);
    const dry = await ok<ResultsImportResponse>(send(wb, true));
    expect(dry.ok).toBe(false);
    expect(dry.errors).toEqual(
      [
        { row: rowOf(L[4]!), column: 'Điểm bài 2', message: expect.stringMatching(/"11".*từ 0 đến 10/) },
        { row: rowOf(L[5]!), column: 'Buổi 2 (17/11/2026)', message: expect.stringMatching(/"muộn" không hợp lệ/) },
        { row: 9, column: 'Mã học viên', message: expect.stringMatching(/424242/) },
      ].sort((a, b) => a.row - b.row),
    );
    const real = await ok<ResultsImportResponse>(send(wb, false));
    expect(real.ok).toBe(false);
    const att = await t.pool.query(`select status from attendance where enrolment_id = $1 and session_id = $2`, [L[3], sessionIds[3]]);
    expect(att.rows[0].status).toBe('absent');
  });

  it('a clean file is saved all at once (attendance and scores), audited', async () => {
    const wb = await template();
    const ws = wb.getWorksheet('Kết quả')!;
    ws.eachRow((row, n) => {
      if (n === 1) return;
      if (Number(row.getCell(1).value) === L[3]) row.getCell(9).value = 'có mặt'; // any case
      if (Number(row.getCell(1).value) === L[4]) row.getCell(12).value = '5,5'; // comma decimal
    });
    const dry = await ok<ResultsImportResponse>(send(wb, true));
    expect(dry).toMatchObject({ ok: true, dryRun: true, rows: 7, errors: [] });
    expect(
      (await t.pool.query(`select status from attendance where enrolment_id = $1 and session_id = $2`, [L[3], sessionIds[3]])).rows[0]
        .status,
    ).toBe('absent');
    const real = await ok<ResultsImportResponse>(send(wb, false));
    expect(real).toMatchObject({ ok: true, dryRun: false, rows: 7, attendanceRecords: 35 });
    expect(real.scoreRecords).toBe(13); // L6 has no score for test 2 (its result was corrected by hand)
    expect(
      (await t.pool.query(`select status from attendance where enrolment_id = $1 and session_id = $2`, [L[3], sessionIds[3]])).rows[0]
        .status,
    ).toBe('present');
    expect(
      (await t.pool.query(`select score::float as s from scores where enrolment_id = $1 and assessment_no = 2`, [L[4]])).rows[0].s,
    ).toBe(5.5);
    const r = await ok<ComputeResultsResponse>(org66.post(`/api/classes/${cls.id}/results/compute`));
    expect(r.items.find((i) => i.enrolmentId === L[3])!.result).toBe('completed');
    const a = await ok<AuditPage>(national.get('/api/audit?action=class.results_import'));
    expect(a.items[0]?.after).toMatchObject({ rows: 7, attendanceRecords: 35, scoreRecords: 13 });
  });

  it('a file that is not .xlsx is refused naming the file', async () => {
    const res = await upload(t.app, org66, `/api/classes/${cls.id}/results-import`, Buffer.from('not a spreadsheet'));
    expect(expectError(res, 400, 'VALIDATION_ERROR').fields?.[0]?.field).toBe('file');
  });
});

describe('closing', () => {
  it('a class closes once every learner has a result; then nothing is recorded any more', async () => {
    const closed = await ok<ClassDetail>(org66.post(`/api/classes/${cls.id}/status`, { status: 'closed' }));
    expect(closed.status).toBe('closed');
    expectError(await attend(org66, sessionIds[0]!, [{ enrolmentId: L[0], status: 'absent' }]), 409, 'CONFLICT');
    expectError(await org66.post(`/api/classes/${cls.id}/results/compute`), 409, 'CONFLICT');
  });

  it('refuses to close while a learner has no result', async () => {
    const c = await makeClass(org66, {
      programmeId: prog,
      hostCommuneCode: '24133',
      scheduleType: 'ngoai_gio',
      startDate: '2026-11-09',
      endDate: '2026-11-10',
    });
    await ok(org66.post(`/api/classes/${c.id}/status`, { status: 'open' }));
    const p = await addOfficial(t.pool, { commune: '24133', unitId: null });
    await ok(
      bmt.post(`/api/classes/${c.id}/nominations`, { decisionNo: '90/QĐ-UBND', decisionDate: '2026-11-05', officialIds: [p.id] }),
      201,
    );
    await ok(org66.post(`/api/classes/${c.id}/status`, { status: 'running' }));
    await ok(org66.post(`/api/classes/${c.id}/status`, { status: 'finished' }));
    const res = expectError(await org66.post(`/api/classes/${c.id}/status`, { status: 'closed' }), 409, 'CONFLICT');
    expect(res.message).toMatch(/1 học viên chưa có kết quả/);
    expectError(await org66.post(`/api/classes/${c.id}/results/compute`), 409, 'CONFLICT'); // no sessions
  });
});

describe('online class: attendance per bridge point', () => {
  it('records where each learner attended, by default their nomination’s bridge point', async () => {
    const hvctqg = await orgIdOf(t.pool, 'HVCTQG');
    const online = await makeClass(national, {
      programmeId: prog,
      organiserId: hvctqg,
      mode: 'truc_tuyen',
      scheduleType: 'cuoi_tuan',
      startDate: '2026-11-21',
      endDate: '2026-11-22',
    });
    const tinh = await ok<{ id: number }>(hcma.post(`/api/classes/${online.id}/bridge-points`, { level: 'tinh', provinceCode: '66' }), 201);
    const xa = await ok<{ id: number }>(hcma.post(`/api/classes/${online.id}/bridge-points`, { level: 'xa', communeCode: '24133' }), 201);
    const s1 = await ok<{ id: number }>(
      hcma.post(`/api/classes/${online.id}/sessions`, {
        date: '2026-11-21',
        startTime: '08:00',
        endTime: '11:30',
        link: 'https://hocvien.example.vn/lop',
      }),
      201,
    );
    await ok(hcma.post(`/api/classes/${online.id}/status`, { status: 'open' }));
    const a = await addOfficial(t.pool, { commune: '24133', unitId: null });
    const b = await addOfficial(t.pool, { commune: '24373', unitId: null });
    const na = await ok<NominateResponse>(
      bmt.post(`/api/classes/${online.id}/nominations`, { decisionNo: '91/QĐ-UBND', decisionDate: '2026-11-18', officialIds: [a.id] }),
      201,
    );
    const nb = await ok<NominateResponse>(
      eakar.post(`/api/classes/${online.id}/nominations`, { decisionNo: '13/QĐ-UBND', decisionDate: '2026-11-18', officialIds: [b.id] }),
      201,
    );
    expect(na.items[0]!.bridgePointId).toBe(xa.id);
    expect(nb.items[0]!.bridgePointId).toBe(tinh.id);
    await ok(hcma.post(`/api/classes/${online.id}/status`, { status: 'running' }));
    const res = await ok<ClassResultsResponse>(
      hcma.request('PUT', `/api/classes/${online.id}/attendance`, {
        sessionId: s1.id,
        records: [
          { enrolmentId: na.items[0]!.id, status: 'present' },
          { enrolmentId: nb.items[0]!.id, status: 'present', bridgePointId: xa.id },
        ],
      }),
    );
    expect(res.bridgePoints.map((p) => p.id)).toEqual([tinh.id, xa.id]);
    const byId = new Map(res.learners.map((l) => [l.enrolmentId, l.attendance[0]]));
    expect(byId.get(na.items[0]!.id)).toEqual({ sessionId: s1.id, status: 'present', bridgePointId: xa.id });
    expect(byId.get(nb.items[0]!.id)).toEqual({ sessionId: s1.id, status: 'present', bridgePointId: xa.id });
    expectError(
      await org66.request('PUT', `/api/classes/${online.id}/attendance`, {
        sessionId: s1.id,
        records: [{ enrolmentId: na.items[0]!.id, status: 'present' }],
      }),
      404,
      'NOT_FOUND',
    );
  });
});
