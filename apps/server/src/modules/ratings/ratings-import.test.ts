/**
 * Annual ratings from Excel through the real API and PostgreSQL: the template, the all-or-nothing
 * import with per-row Vietnamese errors, scope (other communes and provinces), the summary
 * (created / updated / unchanged), an audit entry per change, and 10,000 rows in one file.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RatingImportResponse } from '@app/shared';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { expectError, loginAll, ok, VIETNAMESE } from '../classes/test-support.ts';
import { makeXlsx, readWorkbook, sheetRows, upload, type CellInput } from '../roster-import/test-support.ts';
import { PDF } from '../learner/test-support.ts';
import { RATING_COLUMNS } from './ratings-import.rules.ts';

let t: TestContext;
let province: TestClient; // sonoivu.66
let bmt: TestClient; // xa.24133
let head: TestClient; // donvi.24133.1
let other: TestClient; // a province admin of Hà Nội (01)
type Person = { id: string; full_name: string; cccd: string | null };
let people: Person[]; // officials of Buôn Ma Thuột (24133)
let eakar: Person; // an official of Ea Kar (24373), same province

const HEADERS = RATING_COLUMNS.map((c) => c.header);
const URL = '/api/ratings/import';
const ratingsFile = (rows: CellInput[][]) => makeXlsx([{ name: 'Xếp loại', rows: [HEADERS, ...rows] }]);
const ratingCount = async () => Number((await t.pool.query(`select count(*) from annual_ratings`)).rows[0].count);

beforeAll(async () => {
  t = await createTestContext({ today: '2026-11-23' });
  await t.pool.query(`insert into users (username, full_name, role, province_code, password_hash)
    select 'sonoivu.01.ratings', 'Trần Văn Thử', 'province_admin', '01', password_hash from users where username = 'sonoivu.66'`);
  [province, bmt, head, other] = await loginAll(t, ['sonoivu.66', 'xa.24133', 'donvi.24133.1', 'sonoivu.01.ratings'] as const);
  people = (
    await t.pool.query<Person>(
      `select id, full_name, cccd from officials where commune_code = '24133' and cccd is not null and status = 'dang_cong_tac' order by id limit 8`,
    )
  ).rows;
  eakar = (await t.pool.query<Person>(`select id, full_name, cccd from officials where commune_code = '24373' limit 1`)).rows[0]!;
  expect(people.length).toBe(8);
});
afterAll(async () => {
  await t?.close();
});

describe('tệp mẫu', () => {
  it('xã tải tệp mẫu: tiêu đề tiếng Việt, cán bộ của xã điền sẵn mã hồ sơ và họ tên, trang hướng dẫn', async () => {
    const res = await bmt.get('/api/ratings/template.xlsx?year=2026');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = await readWorkbook(res.rawPayload);
    const rows = sheetRows(wb.getWorksheet('Xếp loại')!);
    expect(rows[0]).toEqual(HEADERS);
    const ids = new Set(rows.slice(1).map((r) => r[0]));
    expect(ids.has(people[0]!.id)).toBe(true);
    expect(ids.has(eakar.id)).toBe(false);
    expect(rows[1]![2]).toBe(2026);
    expect(wb.getWorksheet('Hướng dẫn')).toBeTruthy();
  });
  it('người của tỉnh khác xin tệp mẫu của xã → 404; trưởng đơn vị → 403; năm chưa đến → 400', async () => {
    expectError(await other.get('/api/ratings/template.xlsx?communeCode=24133'), 404, 'NOT_FOUND');
    expectError(await head.get('/api/ratings/template.xlsx'), 403, 'FORBIDDEN');
    const e = expectError(await bmt.get('/api/ratings/template.xlsx?year=2027'), 400, 'VALIDATION_ERROR');
    expect(e.fields?.[0]?.field).toBe('year');
    const prov = await province.get('/api/ratings/template.xlsx?communeCode=24133');
    expect(prov.statusCode).toBe(200);
  });
});

describe('nhập xếp loại', () => {
  it('ba dòng hợp lệ (mã hồ sơ và CCCD) → tạo 3, mức do hệ thống tính; nhập lại có sửa → cập nhật 1, giữ nguyên 2; nhật ký từng thay đổi', async () => {
    const [a, b, c] = people as [Person, Person, Person];
    const before = await ratingCount();
    const rows: CellInput[][] = [
      [a.id, a.full_name, 2025, 28, 64, 'Không', 'Xuất sắc'],
      [b.cccd, b.full_name.toUpperCase(), 2025, '25,5', 50, null, null],
      [c.id, c.full_name, 2025, 28, 67, 'Có', 'Bị khiển trách'],
      [people[7]!.id, people[7]!.full_name, 2025, null, null, null, null], // left as the template had it
    ];
    const dry = await ok<RatingImportResponse>(upload(t, bmt, `${URL}?dryRun=true`, await ratingsFile(rows), 'xep-loai.xlsx'));
    expect(dry).toMatchObject({ ok: true, dryRun: true, rows: 4, skipped: 1, created: 3, updated: 0, unchanged: 0, errors: [] });
    expect(await ratingCount()).toBe(before);

    const first = await ok<RatingImportResponse>(upload(t, bmt, URL, await ratingsFile(rows), 'xep-loai.xlsx'));
    expect(first).toMatchObject({ ok: true, dryRun: false, rows: 4, skipped: 1, created: 3, updated: 0, unchanged: 0 });
    const saved = await t.pool.query<{ official_id: string; level: string; score: string }>(
      `select official_id, level, score::text from annual_ratings where year = 2025 and official_id = any($1::uuid[]) order by score desc`,
      [[a.id, b.id, c.id]],
    );
    expect(Object.fromEntries(saved.rows.map((r) => [r.official_id, r.level]))).toEqual({
      [a.id]: 'HTXSNV',
      [b.id]: 'HTTNV',
      [c.id]: 'KHTNV',
    });
    expect(saved.rows.find((r) => r.official_id === b.id)!.score).toBe('75.50');

    rows[1] = [b.cccd, b.full_name, 2025, 20, 40, 'Không', null];
    const second = await ok<RatingImportResponse>(upload(t, bmt, URL, await ratingsFile(rows), 'xep-loai.xlsx'));
    expect(second).toMatchObject({ ok: true, created: 0, updated: 1, unchanged: 2 });
    const audit = await t.pool.query<{ action: string; entity_id: string; before: unknown; after: { level: string } }>(
      `select action, entity_id, before, after from audit_log where action like 'annualRating.%' order by id`,
    );
    expect(audit.rows.filter((r) => r.action === 'annualRating.create')).toHaveLength(3);
    const upd = audit.rows.filter((r) => r.action === 'annualRating.update');
    expect(upd).toHaveLength(1);
    expect(upd[0]!.before).toMatchObject({ generalScore: 25.5, taskScore: 50, level: 'HTTNV' });
    expect(upd[0]!.after).toMatchObject({ level: 'HTNV', officialId: b.id });
    expect(audit.rows.filter((r) => r.action === 'annualRating.import')).toHaveLength(2);
  });

  it('dòng sai: mỗi lỗi nêu số dòng, tên cột, lý do tiếng Việt; có lỗi thì không lưu dòng nào', async () => {
    const [, , , d, e, f, g] = people as Person[];
    const before = await ratingCount();
    const file = await ratingsFile([
      [d!.id, d!.full_name, 2025, 29, 60, null, null], // row 2: valid
      [e!.id, e!.full_name, 2025, 35, 60, null, null], // row 3: general score over 30
      [f!.id, 'Nguyễn Văn Không Khớp', 2025, 20, 50, null, null], // row 4: name mismatch
      [g!.id, g!.full_name, 2027, 20, 50, 'hmm', null], // row 5: future year, bad yes/no
      [null, 'Ai Đó', 2025, 20, 50, null, null], // row 6: no key
      [d!.id, d!.full_name, 2025, 25.25, 60, null, null], // row 7: two decimals
      [d!.cccd, d!.full_name, 2025, 20, 60, null, null], // row 8: same official and year as row 2
    ]);
    const r = await ok<RatingImportResponse>(upload(t, bmt, URL, file, 'xep-loai.xlsx'));
    expect(r.ok).toBe(false);
    expect(r.created + r.updated).toBe(0);
    const at = (row: number) => r.errors.filter((x) => x.row === row);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual([{ row: 3, column: RATING_COLUMNS[3]!.header, message: 'Điểm 35 nằm ngoài khoảng 0 đến 30.' }]);
    expect(at(4)[0]).toMatchObject({ column: 'Họ và tên' });
    expect(at(4)[0]!.message).toMatch(/không khớp hồ sơ/);
    expect(
      at(5)
        .map((x) => x.column)
        .sort(),
    ).toEqual(['Bị kỷ luật trong năm', 'Năm']);
    expect(at(5).find((x) => x.column === 'Năm')!.message).toBe('Chưa đến năm 2027 nên chưa thể xếp loại.');
    expect(at(6)).toEqual([{ row: 6, column: 'Số CCCD hoặc mã hồ sơ', message: 'Thiếu số CCCD hoặc mã hồ sơ.' }]);
    expect(at(7)[0]!.message).toMatch(/quá một chữ số thập phân/);
    expect(at(8)[0]!.message).toMatch(/ở dòng 2 của tệp/);
    for (const x of r.errors) expect(x.message).toMatch(VIETNAMESE);
    expect(await ratingCount()).toBe(before);
  });

  it('cán bộ của xã khác → lỗi "không thuộc phạm vi", không lưu gì; người của tỉnh khác: mọi dòng bị từ chối', async () => {
    const before = await ratingCount();
    const file = await ratingsFile([
      [people[3]!.id, people[3]!.full_name, 2025, 20, 55, null, null],
      [eakar.id, eakar.full_name, 2025, 20, 55, null, null],
    ]);
    const r = await ok<RatingImportResponse>(upload(t, bmt, URL, file, 'xep-loai.xlsx'));
    expect(r.ok).toBe(false);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ row: 3, column: 'Số CCCD hoặc mã hồ sơ' });
    expect(r.errors[0]!.message).toMatch(/không thuộc phạm vi/);
    const fromHanoi = await ok<RatingImportResponse>(upload(t, other, URL, file, 'xep-loai.xlsx'));
    expect(fromHanoi.ok).toBe(false);
    expect(fromHanoi.errors.map((x) => x.row)).toEqual([2, 3]);
    for (const x of fromHanoi.errors) expect(x.message).toMatch(/không thuộc phạm vi/);
    // the province sees both communes
    const prov = await ok<RatingImportResponse>(upload(t, province, `${URL}?dryRun=true`, file, 'xep-loai.xlsx'));
    expect(prov).toMatchObject({ ok: true, created: 2 });
    expect(await ratingCount()).toBe(before);
  });

  it('không phải Excel → 415; không gửi multipart → 415; quá 10 MB → 413; tệp không có cột → lỗi nêu cột; trưởng đơn vị → 403', async () => {
    const pdf = expectError(await upload(t, bmt, URL, PDF, 'xep-loai.xlsx'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(pdf.fields?.[0]?.field).toBe('file');
    expect(pdf.message).toMatch(VIETNAMESE);
    expectError(await bmt.post(URL, { file: 'x' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    const big = expectError(await upload(t, bmt, URL, Buffer.alloc(10 * 1024 * 1024 + 1, 1), 'xep-loai.xlsx'), 413, 'PAYLOAD_TOO_LARGE');
    expect(big.fields).toEqual([{ field: 'file', message: 'vượt quá 10 MB' }]);
    const noHeader = await ok<RatingImportResponse>(
      upload(
        t,
        bmt,
        URL,
        await makeXlsx([
          {
            rows: [
              ['a', 'b'],
              [1, 2],
            ],
          },
        ]),
        'x.xlsx',
      ),
    );
    expect(noHeader.ok).toBe(false);
    expect(noHeader.errors[0]!.message).toMatch(/tệp mẫu/);
    const file = await ratingsFile([[people[0]!.id, people[0]!.full_name, 2025, 20, 50, null, null]]);
    expectError(await upload(t, head, URL, file, 'xep-loai.xlsx'), 403, 'FORBIDDEN');
  });

  it('10.000 dòng trong một tệp (in thời gian, không khẳng định)', async () => {
    await t.pool.query(`
      insert into officials (province_code, commune_code, full_name, given_name, birth_date, gender, cccd, official_type, bloc)
      select '66', '24373', 'Lê Văn Thử ' || g, 'Thử', date '1985-01-01', 'nam', '0669' || lpad(g::text, 8, '0'), 'cong_chuc', 'ubnd'
        from generate_series(1, 10000) g`);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Xếp loại');
    ws.addRow(HEADERS);
    for (let g = 1; g <= 10_000; g++)
      ws.addRow([`0669${String(g).padStart(8, '0')}`, `Lê Văn Thử ${g}`, 2025, 20 + (g % 10), 50 + (g % 20), 'Không']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const started = performance.now();
    const r = await ok<RatingImportResponse>(upload(t, province, URL, file, 'xep-loai-10000.xlsx'));
    const ms = Math.round(performance.now() - started);
    console.log(`ratings import: 10,000 rows, ${(file.length / 1024).toFixed(0)} KB, ${ms} ms`);
    expect(r).toMatchObject({ ok: true, rows: 10_000, created: 10_000 });
    const saved = await t.pool.query(`select count(*) from annual_ratings where commune_code = '24373' and year = 2025`);
    expect(Number(saved.rows[0].count)).toBeGreaterThanOrEqual(10_000);
  }, 120_000);
});
