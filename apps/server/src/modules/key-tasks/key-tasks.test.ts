/**
 * Key-task tracker through the real API and PostgreSQL (SPEC §10): the Decision 700 annex seeded
 * nationally, a level's own tasks with the "6 rõ" enforced (every missing one named), scope refusals,
 * progress updates with history, overdue on the app clock, version checks, and the .xlsx export.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyTaskItem } from '@app/shared';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { expectError, fieldsOf, loginAll, ok } from '../classes/test-support.ts';
import { ANNEX_TASKS, seedKeyTaskAnnex } from './annex.ts';

let t: TestContext;
let national: TestClient;
let province: TestClient;
let reviewer: TestClient;
let bmt: TestClient; // xa.24133
let other: TestClient; // xa.22015
let unitHead: TestClient;

const full = {
  name: 'Tổ chức lớp bồi dưỡng kỹ năng số cho công chức Văn phòng HĐND và UBND xã',
  personInCharge: 'Phó Chủ tịch UBND xã phụ trách văn hóa - xã hội',
  leadAgency: 'Văn phòng HĐND và UBND xã',
  cooperatingAgencies: 'Trung tâm phục vụ hành chính công xã',
  expectedOutput: '01 lớp, 40 lượt công chức',
  deadline: '2026-12-20',
  authority: 'Chủ tịch UBND xã',
};

beforeAll(async () => {
  t = await createTestContext({ today: '2026-11-23' });
  [national, province, reviewer, bmt, other, unitHead] = await loginAll(t, [
    'bonoivu',
    'sonoivu.66',
    'bantochuc.66',
    'xa.24133',
    'xa.22015',
    'donvi.24133.1',
  ] as const);
}, 60_000);
afterAll(async () => t?.close());

describe('annex of Decision 700', () => {
  it('is seeded nationally once, with all "6 rõ", and reseeding adds nothing', async () => {
    await seedKeyTaskAnnex(t.db);
    const { rows } = await t.pool.query<{ n: number }>(`select count(*)::int as n from key_tasks where seed_key like 'qd700.%'`);
    expect(rows[0]!.n).toBe(ANNEX_TASKS.length);
    const list = await ok<{ items: KeyTaskItem[] }>(bmt.get('/api/key-tasks'));
    const annex = list.items.filter((i) => i.fromAnnex);
    expect(annex).toHaveLength(ANNEX_TASKS.length);
    const report = annex.find((i) => i.deadlineText === 'Trước ngày 30/11 hằng năm')!;
    expect(report.leadAgency).toContain('địa phương');
    expect(report.cooperatingAgencies).toBe('Bộ Nội vụ');
    for (const a of annex)
      for (const f of ['name', 'personInCharge', 'leadAgency', 'expectedOutput', 'deadline', 'authority'] as const)
        expect(a[f]).toBeTruthy();
    // the national software task (12/2026) is not overdue on 23/11/2026; the May 2026 plan task is
    expect(annex.find((i) => i.deadlineText === 'Tháng 12/2026')!.overdue).toBe(false);
    expect(annex.find((i) => i.name.startsWith('Rà soát'))!.overdue).toBe(true);
    expect(annex.every((i) => !i.canEdit)).toBe(true);
  });

  it('only the ministry updates an annex task', async () => {
    const list = await ok<{ items: KeyTaskItem[] }>(national.get('/api/key-tasks'));
    const task = list.items.find((i) => i.deadlineText === 'Tháng 12/2026')!;
    expect(task.canEdit).toBe(true);
    expectError(
      await province.post(`/api/key-tasks/${task.id}/progress`, { version: task.version, status: 'dang_thuc_hien', progress: 50 }),
      403,
      'FORBIDDEN',
    );
    const u = await ok<KeyTaskItem>(
      national.post(`/api/key-tasks/${task.id}/progress`, {
        version: task.version,
        status: 'dang_thuc_hien',
        progress: 80,
        note: 'Đã chạy thử tại 5 xã',
      }),
    );
    expect(u).toMatchObject({ status: 'dang_thuc_hien', progress: 80, lastNote: 'Đã chạy thử tại 5 xã' });
  });
});

describe('own tasks and the "6 rõ"', () => {
  it('refuses a task missing some "rõ", naming each one, and saves nothing', async () => {
    const res = await bmt.post('/api/key-tasks', { name: 'Việc chưa rõ', leadAgency: '  ', deadline: '' });
    const body = expectError(res, 400, 'VALIDATION_ERROR');
    expect(body.message).toContain('rõ người');
    expect(body.message).toContain('rõ trách nhiệm');
    expect(body.message).toContain('rõ thời gian');
    expect(body.message).toContain('rõ sản phẩm');
    expect(body.message).toContain('rõ thẩm quyền');
    expect(body.message).not.toContain('rõ việc');
    expect(fieldsOf(res).sort()).toEqual(['authority', 'deadline', 'expectedOutput', 'leadAgency', 'personInCharge']);
    const { rows } = await t.pool.query(`select 1 from key_tasks where name = 'Việc chưa rõ'`);
    expect(rows).toHaveLength(0);
  });

  it('refuses an impossible date with the field named', async () => {
    expectError(await bmt.post('/api/key-tasks', { ...full, deadline: '2026-02-30' }), 400, 'VALIDATION_ERROR');
  });

  let mine: KeyTaskItem;
  it('a commune adds its own task; other communes do not see it; the province does', async () => {
    mine = await ok<KeyTaskItem>(bmt.post('/api/key-tasks', { ...full, name: '<script>alert(1)</script> Lớp kỹ năng số' }), 201);
    expect(mine).toMatchObject({
      level: 'commune',
      communeCode: '24133',
      status: 'chua_bat_dau',
      progress: 0,
      canEdit: true,
      overdue: false,
    });
    expect(mine.name).toBe('<script>alert(1)</script> Lớp kỹ năng số');
    const others = await ok<{ items: KeyTaskItem[] }>(other.get('/api/key-tasks'));
    expect(others.items.some((i) => i.id === mine.id)).toBe(false);
    expectError(await other.get(`/api/key-tasks/${mine.id}/history`), 404, 'NOT_FOUND');
    expectError(await other.patch(`/api/key-tasks/${mine.id}`, { ...full, version: mine.version }), 404, 'NOT_FOUND');
    const prov = await ok<{ items: KeyTaskItem[] }>(province.get('/api/key-tasks?scope=commune:24133'));
    expect(prov.items.find((i) => i.id === mine.id)!.canEdit).toBe(false);
    expectError(
      await province.post(`/api/key-tasks/${mine.id}/progress`, { version: mine.version, status: 'dang_thuc_hien', progress: 10 }),
      403,
      'FORBIDDEN',
    );
    expectError(await reviewer.post('/api/key-tasks', { ...full, scope: 'province:66' }), 403, 'FORBIDDEN');
    expectError(await unitHead.post('/api/key-tasks', full), 403, 'FORBIDDEN');
  });

  it('a commune cannot add tasks for another commune or the province', async () => {
    expectError(await bmt.post('/api/key-tasks', { ...full, scope: 'commune:22015' }), 403, 'FORBIDDEN');
    expectError(await bmt.post('/api/key-tasks', { ...full, scope: 'province:66' }), 403, 'FORBIDDEN');
    expectError(await bmt.get('/api/key-tasks?scope=commune:22015'), 403, 'FORBIDDEN');
  });

  it('edits keep the "6 rõ" and check the version', async () => {
    const blanked = await bmt.patch(`/api/key-tasks/${mine.id}`, { version: mine.version, personInCharge: '' });
    expect(expectError(blanked, 400, 'VALIDATION_ERROR').message).toContain('rõ người');
    const u = await ok<KeyTaskItem>(bmt.patch(`/api/key-tasks/${mine.id}`, { version: mine.version, expectedOutput: '02 lớp, 80 lượt' }));
    expect(u.expectedOutput).toBe('02 lớp, 80 lượt');
    expect(u.personInCharge).toBe(full.personInCharge);
    expectError(await bmt.patch(`/api/key-tasks/${mine.id}`, { version: mine.version, expectedOutput: 'cũ' }), 409, 'VERSION_CONFLICT');
    mine = u;
  });

  it('progress updates keep a history and follow the status rules', async () => {
    expect(
      expectError(
        await bmt.post(`/api/key-tasks/${mine.id}/progress`, { version: mine.version, status: 'hoan_thanh', progress: 70 }),
        400,
        'VALIDATION_ERROR',
      ).message,
    ).toContain('100%');
    expectError(
      await bmt.post(`/api/key-tasks/${mine.id}/progress`, { version: mine.version, status: 'chua_bat_dau', progress: 30 }),
      400,
      'VALIDATION_ERROR',
    );
    expectError(
      await bmt.post(`/api/key-tasks/${mine.id}/progress`, { version: mine.version, status: 'dang_thuc_hien', progress: 101 }),
      400,
      'VALIDATION_ERROR',
    );
    const a = await ok<KeyTaskItem>(
      bmt.post(`/api/key-tasks/${mine.id}/progress`, {
        version: mine.version,
        status: 'dang_thuc_hien',
        progress: 40,
        note: 'Đã có giảng viên',
      }),
    );
    const b = await ok<KeyTaskItem>(
      bmt.post(`/api/key-tasks/${mine.id}/progress`, { version: a.version, status: 'hoan_thanh', progress: 100 }),
    );
    expect(b.status).toBe('hoan_thanh');
    const h = await ok<{ items: { status: string; progress: number; note: string | null; onDate: string }[] }>(
      bmt.get(`/api/key-tasks/${mine.id}/history`),
    );
    expect(h.items.map((i) => [i.status, i.progress])).toEqual([
      ['hoan_thanh', 100],
      ['dang_thuc_hien', 40],
      ['chua_bat_dau', 0],
    ]);
    expect(h.items[1]!.note).toBe('Đã có giảng viên');
    expect(h.items[0]!.onDate).toBe('2026-11-23');
    const audit = await t.pool.query(
      `select 1 from audit_log where entity_type = 'key_task' and entity_id = $1 and action = 'keyTask.progress'`,
      [String(mine.id)],
    );
    expect(audit.rows).toHaveLength(2);
  });

  it('overdue follows the app clock and the overdue filter', async () => {
    const late = await ok<KeyTaskItem>(
      bmt.post('/api/key-tasks', { ...full, name: 'Rà soát hồ sơ bồi dưỡng năm 2026', deadline: '2026-11-20' }),
      201,
    );
    expect(late.overdue).toBe(true);
    const overdue = await ok<{ items: KeyTaskItem[] }>(bmt.get('/api/key-tasks?overdue=true'));
    expect(overdue.items.some((i) => i.id === late.id)).toBe(true);
    expect(overdue.items.every((i) => i.overdue)).toBe(true);
    const done = await ok<KeyTaskItem>(
      bmt.post(`/api/key-tasks/${late.id}/progress`, { version: late.version, status: 'hoan_thanh', progress: 100 }),
    );
    expect(done.overdue).toBe(false);
  });

  it('exports the list to .xlsx with the same rows', async () => {
    const list = await ok<{ items: KeyTaskItem[] }>(bmt.get('/api/key-tasks'));
    const res = await bmt.get('/api/key-tasks/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell(3, 3).value)).toContain('rõ việc');
    const names: string[] = [];
    for (let r = 4; r <= ws.rowCount; r++) names.push(String(ws.getCell(r, 3).value));
    expect(names).toEqual(list.items.map((i) => i.name));
    const lateRow = list.items.findIndex((i) => i.overdue);
    expect(ws.getCell(4 + lateRow, 12).value).toBe('Quá hạn');
  });
});
