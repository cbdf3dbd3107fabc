/**
 * Dashboard API (SPEC §9): the .xlsx exports carry exactly the numbers of /api/kpis and
 * /api/kpis/children for the same scope and date; forecasts per target; scope refusals.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatDateVi,
  type ForecastResponse,
  type KpiChildrenResponse,
  type KpiPeopleResponse,
  type KpiPersonRow,
  type KpiResult,
} from '@app/shared';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { exportPeople } from './dashboard.service.ts';
import { CHILDREN_SHEET, FIRST_DATA_ROW, KPIS_SHEET, PEOPLE_SHEET } from './dashboard-workbook.ts';

let t: TestContext;
const ASOF = '2026-11-23';

async function q<T extends object = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await t.pool.query<T>(text, params)).rows;
}

beforeAll(async () => {
  t = await createTestContext({ today: ASOF });
  // a finished QLNN class with two completed learners in 24133 and one in 22015, so numerators are not all 0
  const organiser = (await q<{ id: number }>(`select id from training_orgs order by id limit 1`))[0]!.id;
  const [p] = await q<{ id: number }>(
    `insert into programmes (code, name, type, owner, duration_days, total_hours, practice_hours, approval_status)
     values ('DB-QLNN', 'Chương trình kiểm thử bảng điều khiển', 'QLNN_CHUNG', 'ministry', 3, 100, 10, 'approved') returning id`,
  );
  const [c] = await q<{ id: number }>(
    `insert into classes (code, name, programme_id, programme_type, organiser_id, province_code, mode, schedule_type, start_date, end_date, capacity, status)
     values ('DB-L1', 'Lớp kiểm thử bảng điều khiển', $1, 'QLNN_CHUNG', $2, '66', 'truc_tiep', 'trong_gio', '2026-05-04', '2026-05-08', 50, 'finished') returning id`,
    [p!.id, organiser],
  );
  for (const commune of ['24133', '24133', '22015']) {
    await q(
      `insert into enrolments (class_id, official_id, province_code, commune_code, programme_type, class_end_date, decision_date, status, result)
       select $1, o.id, '66', o.commune_code, 'QLNN_CHUNG', '2026-05-08', '2026-04-01', 'nominated', 'completed'
       from officials o where o.commune_code = $2 and o.official_type = 'cong_chuc' and not o.is_leader
         and not exists (select 1 from enrolments e where e.official_id = o.id and e.class_id = $1)
       order by o.id limit 1`,
      [c!.id, commune],
    );
  }
});
afterAll(async () => {
  await t?.close();
});

async function sheetOf(buf: Buffer, name: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(name);
  expect(ws, name).toBeDefined();
  return ws!;
}
const num = (v: ExcelJS.CellValue) => (v === null || v === undefined ? null : Number(v));

describe('exports', () => {
  it('the children table of the province has the same numbers as /api/kpis/children', async () => {
    const c = await t.loginAs('sonoivu.66');
    const qs = `scope=province:66&phase=1&asOf=${ASOF}`;
    const json = (await c.get(`/api/kpis/children?${qs}`)).json<KpiChildrenResponse>();
    expect(json.items.length).toBeGreaterThan(10);
    const res = await c.get(`/api/dashboard/export.xlsx?${qs}&table=children`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const ws = await sheetOf(res.rawPayload, CHILDREN_SHEET);
    let nonZero = 0;
    json.items.forEach((item, k) => {
      const row = ws.getRow(FIRST_DATA_ROW + k);
      expect(String(row.getCell(1).value)).toBe(item.code);
      expect(row.getCell(2).value).toBe(item.name);
      item.indicators.forEach((ind, j) => {
        expect(num(row.getCell(3 + j * 3).value), `${item.code} ${ind.code} tử số`).toBe(ind.numerator);
        expect(num(row.getCell(4 + j * 3).value), `${item.code} ${ind.code} mẫu số`).toBe(ind.denominator);
        expect(num(row.getCell(5 + j * 3).value), `${item.code} ${ind.code} %`).toBe(ind.percent);
        if (ind.numerator > 0) nonZero++;
      });
    });
    expect(nonZero).toBeGreaterThan(0);
    expect(ws.getRow(FIRST_DATA_ROW + json.items.length).getCell(1).value ?? null).toBeNull();
  });

  it('the indicators table of a commune has the same numbers as /api/kpis', async () => {
    const c = await t.loginAs('xa.24133');
    const qs = `scope=commune:24133&phase=1&asOf=${ASOF}`;
    const json = (await c.get(`/api/kpis?${qs}`)).json<KpiResult>();
    const res = await c.get(`/api/dashboard/export.xlsx?${qs}&table=kpis`);
    expect(res.statusCode).toBe(200);
    const ws = await sheetOf(res.rawPayload, KPIS_SHEET);
    expect(String(ws.getRow(2).getCell(1).value)).toContain('23/11/2026');
    json.indicators.forEach((ind, k) => {
      const row = ws.getRow(FIRST_DATA_ROW + k);
      expect(row.getCell(1).value).toBe(ind.code);
      expect(num(row.getCell(3).value)).toBe(ind.numerator);
      expect(num(row.getCell(4).value)).toBe(ind.denominator);
      expect(num(row.getCell(5).value)).toBe(ind.percent);
      expect(num(row.getCell(6).value)).toBe(ind.target);
    });
    expect(json.indicators.find((i) => i.code === 'K2')!.numerator).toBeGreaterThan(0);
  });

  it('refuses scopes outside the reader and bad input with Vietnamese messages', async () => {
    const other = await t.loginAs('xa.22015');
    expect((await other.get(`/api/dashboard/export.xlsx?scope=commune:24133&phase=1&asOf=${ASOF}`)).statusCode).toBe(404);
    expect((await other.get(`/api/dashboard/forecast?scope=province:66&phase=1&asOf=${ASOF}`)).statusCode).toBe(404);
    const learner = await t.loginAs('hocvien.24133.1');
    expect((await learner.get(`/api/dashboard/export.xlsx?scope=commune:24133&phase=1&asOf=${ASOF}`)).statusCode).toBe(403);
    const admin = await t.loginAs('bonoivu');
    const bad = await admin.get(`/api/dashboard/export.xlsx?scope=nation&phase=3&asOf=23/11/2026`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/phase|asOf/);
    expect((await t.client().get(`/api/dashboard/forecast?scope=nation&phase=1&asOf=${ASOF}`)).statusCode).toBe(401);
  });
});

describe('forecast', () => {
  it('gives one forecast per indicator, "no data" without a target, and agrees with the current KPI value', async () => {
    const c = await t.loginAs('xa.24133');
    const qs = `scope=commune:24133&phase=1&asOf=${ASOF}`;
    const res = await c.get(`/api/dashboard/forecast?${qs}`);
    expect(res.statusCode).toBe(200);
    const f = res.json<ForecastResponse>();
    const k = (await c.get(`/api/kpis?${qs}`)).json<KpiResult>();
    expect(f.items.map((i) => i.code)).toEqual(k.indicators.map((i) => i.code));
    expect(f.items.find((i) => i.code === 'K5')!.status).toBe('khong_du_du_lieu');
    for (const i of f.items) {
      const ind = k.indicators.find((x) => x.code === i.code)!;
      if (i.target !== null) expect(i.current, i.code).toBe(ind.percent);
      if (i.status === 'kip_han' || i.status === 'tre_han') expect(i.metOn).not.toBeNull();
    }
  });
});

describe('people export', () => {
  async function allPages(c: Awaited<ReturnType<TestContext['loginAs']>>, qs: string): Promise<KpiPersonRow[]> {
    const out: KpiPersonRow[] = [];
    for (let page = 1; ; page++) {
      const r = (await c.get(`/api/kpis/people?${qs}&page=${page}&pageSize=37`)).json<KpiPeopleResponse>();
      out.push(...r.items);
      if (page * 37 >= r.total) {
        expect(out.length).toBe(r.total);
        return out;
      }
    }
  }

  it.each([
    ['sonoivu.66', 'scope=province:66&code=K1&part=denominator'],
    ['sonoivu.66', 'scope=province:66&code=K2&part=numerator'],
    ['sonoivu.66', 'scope=province:66&code=K6&part=denominator'],
    ['xa.24133', 'scope=commune:24133&code=K2&part=missing'],
  ])('%s %s: every cell equals the JSON list, all pages, same order', async (user, params) => {
    const c = await t.loginAs(user);
    const qs = `${params}&phase=1&asOf=${ASOF}`;
    const json = await allPages(c, qs);
    expect(json.length).toBeGreaterThan(0);
    const res = await c.get(`/api/dashboard/people.xlsx?${qs}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('.xlsx');
    expect(res.headers['x-row-count']).toBe(String(json.length));
    const ws = await sheetOf(res.rawPayload, PEOPLE_SHEET);
    expect(String(ws.getRow(2).getCell(1).value)).toContain('23/11/2026');
    json.forEach((p, k) => {
      const row = ws.getRow(FIRST_DATA_ROW + k);
      const cells = [1, 2, 3, 4, 5, 6, 7, 8].map((i) => row.getCell(i).value ?? '');
      expect(cells, `dòng ${k + 1}`).toEqual([
        k + 1,
        p.fullName ?? p.label ?? '',
        p.communeCode ?? '',
        p.communeName ?? '',
        p.label ?? '',
        p.date ? formatDateVi(p.date) : '',
        p.inNumerator ? 'Đã đạt' : 'Chưa đạt',
        p.id,
      ]);
    });
    expect(ws.getRow(FIRST_DATA_ROW + json.length).getCell(1).value ?? null).toBeNull();
  });

  it('reads the engine page by page: a small page size gives the same sheet as one page', async () => {
    const p = {
      scope: { level: 'province' as const, provinceCode: '66' },
      phase: 1 as const,
      asOf: ASOF,
      code: 'K1' as const,
      part: 'denominator' as const,
    };
    const whole = await exportPeople(t.db, p);
    const paged = await exportPeople(t.db, p, 7);
    expect(whole.rows).toBeGreaterThan(7 * 3);
    expect(paged.rows).toBe(whole.rows);
    const a = await sheetOf(whole.content, PEOPLE_SHEET);
    const b = await sheetOf(paged.content, PEOPLE_SHEET);
    for (let k = 0; k < whole.rows; k++) {
      const ra = a.getRow(FIRST_DATA_ROW + k);
      const rb = b.getRow(FIRST_DATA_ROW + k);
      expect(rb.getCell(8).value, `dòng ${k + 1}`).toBe(ra.getCell(8).value);
      expect(rb.getCell(1).value).toBe(k + 1);
    }
  });

  it('refuses a scope outside the reader, a learner, no session and bad input', async () => {
    const qs = `code=K1&part=denominator&phase=1&asOf=${ASOF}`;
    const other = await t.loginAs('xa.22015');
    expect((await other.get(`/api/dashboard/people.xlsx?scope=commune:24133&${qs}`)).statusCode).toBe(404);
    const province = await t.loginAs('sonoivu.66');
    expect((await province.get(`/api/dashboard/people.xlsx?scope=nation&${qs}`)).statusCode).toBe(404);
    const learner = await t.loginAs('hocvien.24133.1');
    expect((await learner.get(`/api/dashboard/people.xlsx?scope=commune:24133&${qs}`)).statusCode).toBe(403);
    expect((await t.client().get(`/api/dashboard/people.xlsx?scope=commune:24133&${qs}`)).statusCode).toBe(401);
    const bad = await province.get(`/api/dashboard/people.xlsx?scope=province:66&code=K9&part=all&phase=1&asOf=${ASOF}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toMatch(/code|part|Mã|chỉ tiêu/i);
  });
});
