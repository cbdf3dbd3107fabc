/** Export of filtered lists (SPEC §3): same rows and order as the list, CCCD masking, sensitive columns on request and audited. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OfficialListItem, RosterImportResult } from '@app/shared';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { actorFromUser } from '../auth/auth.service.ts';
import { findUserByUsername } from '../auth/auth.repository.ts';
import { exportOfficials } from './roster-export.service.ts';
import { readWorkbook, sheetRows, upload } from './test-support.ts';

let t: TestContext;
let admin: TestClient; // xa.24133
let reviewer: TestClient; // bantochuc.66
let province: TestClient; // sonoivu.66

beforeAll(async () => {
  t = await createTestContext();
  [admin, reviewer, province] = await Promise.all([t.loginAs('xa.24133'), t.loginAs('bantochuc.66'), t.loginAs('sonoivu.66')]);
});
afterAll(() => t.close());

async function exported(client: TestClient, query: string) {
  const res = await client.get(`/api/officials/export.xlsx?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  expect(res.headers['content-disposition']).toMatch(/^attachment; filename="danh-sach-cbcc-/);
  const wb = await readWorkbook(res.rawPayload);
  const ws = wb.getWorksheet('Danh sách')!;
  const [header, ...rows] = sheetRows(ws) as unknown[][];
  const col = (name: string) => (header as string[]).indexOf(name);
  return { header: header as string[], rows, col, wb, file: res.rawPayload };
}

async function listed(client: TestClient, query: string): Promise<OfficialListItem[]> {
  const res = await client.get(`/api/officials?pageSize=500&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: OfficialListItem[] }>().items;
}

describe('export of a filtered list', () => {
  it.each([
    ['commune=24133', 'the whole commune'],
    ['commune=24133&belowStandard=true', 'below standard'],
    ['commune=24133&q=nguyen', 'a diacritic-free search'],
    ['commune=24133&type=can_bo&leader=true', 'leaders among cadres'],
    ['province=66&bloc=mttq', 'a bloc across the province'],
  ])('%s (%s): the same people in the same order as GET /api/officials', async (query) => {
    const { rows, col } = await exported(province, query);
    const items = await listed(province, query);
    expect(items.length).toBeGreaterThan(0);
    expect(rows.map((r) => r[col('Mã hồ sơ (không sửa)')])).toEqual(items.map((i) => i.id));
    expect(rows.map((r) => r[col('Họ và tên *')])).toEqual(items.map((i) => i.fullName));
    expect(rows.map((r) => r[col('STT')])).toEqual(items.map((_, i) => i + 1));
  });

  it('writes dates as Excel dates and labels instead of codes', async () => {
    const { rows, col } = await exported(admin, 'commune=24133');
    const items = await listed(admin, 'commune=24133');
    const birth = rows[0]![col('Ngày sinh *')];
    expect(birth).toBeInstanceOf(Date);
    expect((birth as Date).toISOString().slice(0, 10)).toBe(items[0]!.birthDate);
    expect(['Nam', 'Nữ']).toContain(rows[0]![col('Giới tính *')]);
    expect(['Khối Đảng', 'Khối HĐND', 'Khối UBND', 'Khối MTTQ và đoàn thể']).toContain(rows[0]![col('Khối *')]);
    expect(rows[0]![col('Trạng thái')]).toBe('Đang công tác');
  });

  it('masks CCCD for a reviewer, not for the commune admin', async () => {
    const mine = await exported(admin, 'commune=24133');
    const theirs = await exported(reviewer, 'commune=24133');
    const cccdA = mine.rows.map((r) => r[mine.col('Số CCCD')]).filter(Boolean) as string[];
    const cccdR = theirs.rows.map((r) => r[theirs.col('Số CCCD')]).filter(Boolean) as string[];
    expect(cccdA.length).toBeGreaterThan(0);
    for (const c of cccdA) expect(c).toMatch(/^\d{12}$/);
    expect(cccdR).toHaveLength(cccdA.length);
    for (const c of cccdR) expect(c).toMatch(/^•{9}\d{3}$/);
  });

  it('sensitive columns only on request, for admins of the scope, and that export is audited', async () => {
    const [first] = await listed(admin, 'commune=24133');
    const put = await admin.request('PUT', `/api/officials/${first!.id}/sensitive`, { ethnicityCode: '01', religionCode: '00' });
    expect(put.statusCode, put.body).toBe(200);

    const plain = await exported(admin, 'commune=24133');
    expect(plain.header).not.toContain('Dân tộc');
    expect(plain.header).not.toContain('Tôn giáo');

    const withSensitive = await exported(admin, 'commune=24133&includeSensitive=true');
    expect(withSensitive.header).toEqual(expect.arrayContaining(['Dân tộc', 'Tôn giáo']));
    const row = withSensitive.rows.find((r) => r[withSensitive.col('Mã hồ sơ (không sửa)')] === first!.id)!;
    expect(row[withSensitive.col('Dân tộc')]).toBe('01');
    expect(row[withSensitive.col('Tôn giáo')]).toBe('00');

    const audit = await t.pool.query(
      `select after from audit_log where action = 'official.export_sensitive' and actor_username = 'xa.24133'`,
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].after).toMatchObject({ includeSensitive: true, rows: withSensitive.rows.length, filter: { commune: '24133' } });

    const refused = await reviewer.get('/api/officials/export.xlsx?commune=24133&includeSensitive=true');
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ message: string }>().message).toContain('dữ liệu nhạy cảm');
  });

  it('an exported file imports back unchanged (same columns as the template)', async () => {
    const { file, rows } = await exported(admin, 'commune=24133');
    const res = await upload(t, admin, '/api/officials/import?commune=24133&dryRun=true', file, 'xuat.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<RosterImportResult>();
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: rows.length });
    expect(r.ignoredColumns).toEqual(['Xã, phường', 'Trạng thái', 'Đáp ứng yêu cầu chuyên môn của VTVL', 'Mã hồ sơ (không sửa)']);
  });

  it('refuses places outside the scope', async () => {
    expect((await admin.get('/api/officials/export.xlsx?commune=22015')).statusCode).toBe(403);
    expect((await admin.get('/api/officials/export.xlsx?province=01')).statusCode).toBe(403);
    expect((await t.client().get('/api/officials/export.xlsx?commune=24133')).statusCode).toBe(401);
  });

  it('pages through big lists in list order (keyset pages of any size give the same file)', async () => {
    const actor = actorFromUser((await findUserByUsername(t.db, 'sonoivu.66'))!);
    const q = { province: '66', includeSensitive: false } as const;
    const meta = { ip: null, requestId: 'test' };
    const small = await exportOfficials({ db: t.db, clock: t.clock }, actor, q, meta, { pageSize: 7 });
    const wb = await readWorkbook(small.buffer);
    const [header, ...rows] = sheetRows(wb.getWorksheet('Danh sách')!) as unknown[][];
    const ids = rows.map((r) => r[(header as string[]).indexOf('Mã hồ sơ (không sửa)')]);
    const items = await listed(province, 'province=66');
    expect(small.rows).toBe(items.length);
    expect(ids).toEqual(items.map((i) => i.id));
  });

  it('an empty result is a valid file with only the header', async () => {
    const { rows, header } = await exported(admin, 'commune=24133&q=khongcoaitenthenay');
    expect(rows).toEqual([]);
    expect(header[1]).toBe('Họ và tên *');
  });
});
