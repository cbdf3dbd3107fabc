/**
 * Annual ratings and the effect analysis through the real API and PostgreSQL (SPEC §8, Decree
 * 335/2025): level derived and stored, the 20% HTXSNV warning (not a refusal), part ranges, scope;
 * effect analysis per programme with the minimum group size.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EffectsResponse, RatingListResponse } from '@app/shared';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { expectError, insertProgramme, loginAll, ok, orgIdOf } from '../classes/test-support.ts';
import { finishedClass, put } from '../evaluations/test-support.ts';

let t: TestContext;
let national: TestClient;
let province: TestClient;
let bmt: TestClient; // xa.24133
let eakar: TestClient; // xa.24373
let head: TestClient; // donvi.24133.1
let staff: { id: string; unit_id: number }[]; // officials of one unit of Buôn Ma Thuột

beforeAll(async () => {
  t = await createTestContext({ today: '2026-11-23' });
  [national, province, bmt, eakar, head] = await loginAll(t, ['bonoivu', 'sonoivu.66', 'xa.24133', 'xa.24373', 'donvi.24133.1'] as const);
  const unit = (await t.pool.query<{ unit_id: number }>(`select unit_id from users where username = 'donvi.24133.1'`)).rows[0]!.unit_id;
  staff = (
    await t.pool.query<{ id: string; unit_id: number }>(
      `select id, unit_id from officials where unit_id = $1 and status = 'dang_cong_tac' order by id limit 12`,
      [unit],
    )
  ).rows;
});
afterAll(async () => {
  await t?.close();
});

type Upsert = { item: { level: string; score: number }; warnings: { message: string }[] };
const rate = (c: TestClient, officialId: string, generalScore: number, taskScore: number, extra: Record<string, unknown> = {}) =>
  put(c, '/api/ratings', { officialId, year: 2026, generalScore, taskScore, ...extra });

describe('annual rating', () => {
  it('derives and stores the level; disciplined is KHTNV whatever the score', async () => {
    const a = await ok<Upsert>(rate(bmt, staff[0]!.id, 28, 64));
    expect(a.item).toMatchObject({ score: 92, level: 'HTXSNV' });
    const b = await ok<Upsert>(rate(bmt, staff[1]!.id, 25, 50));
    expect(b.item).toMatchObject({ score: 75, level: 'HTTNV' });
    const c = await ok<Upsert>(rate(bmt, staff[2]!.id, 28, 67, { disciplined: true }));
    expect(c.item).toMatchObject({ level: 'KHTNV' });
    const row = await t.pool.query(`select level from annual_ratings where official_id = $1 and year = 2026`, [staff[2]!.id]);
    expect(row.rows[0].level).toBe('KHTNV');
  });
  it('warns (still saves) when HTXSNV exceeds 20% of HTTNV in the unit', async () => {
    // 1 HTXSNV, 1 HTTNV so far → already over; add HTTNV until 5 (1·5 = 5, not over), then one more HTXSNV
    let last: Upsert | null = null;
    for (let i = 3; i <= 6; i++) last = await ok<Upsert>(rate(bmt, staff[i]!.id, 24, 52));
    expect(last!.warnings).toEqual([]);
    const over = await ok<Upsert>(rate(bmt, staff[7]!.id, 29, 66));
    expect(over.item.level).toBe('HTXSNV');
    expect(over.warnings[0]!.message).toMatch(/vượt quá 20%/);
    const list = await ok<RatingListResponse>(bmt.get('/api/ratings?year=2026'));
    expect(list.warnings.length).toBe(1);
  });
  it('refuses parts out of range and a future year, with Vietnamese field errors; nothing saved', async () => {
    const r = expectError(await rate(bmt, staff[8]!.id, 31, 50), 400, 'VALIDATION_ERROR');
    expect(r.message).toMatch(/30/);
    expectError(await rate(bmt, staff[8]!.id, 20, 71), 400, 'VALIDATION_ERROR');
    expectError(await rate(bmt, staff[8]!.id, 20, -1), 400, 'VALIDATION_ERROR');
    expectError(
      await put(bmt, '/api/ratings', { officialId: staff[8]!.id, year: 2027, generalScore: 20, taskScore: 50 }),
      400,
      'VALIDATION_ERROR',
    );
    const n = await t.pool.query(`select count(*)::int as n from annual_ratings where official_id = $1`, [staff[8]!.id]);
    expect(n.rows[0].n).toBe(0);
  });
  it('out of scope: another commune gets 404; a unit head may read but not record', async () => {
    expectError(await rate(eakar, staff[8]!.id, 20, 50), 404, 'NOT_FOUND');
    expectError(await rate(head, staff[8]!.id, 20, 50), 403, 'FORBIDDEN');
    const other = await ok<RatingListResponse>(eakar.get('/api/ratings?year=2026'));
    expect(other.items).toEqual([]);
    const mine = await ok<RatingListResponse>(head.get('/api/ratings?year=2026'));
    expect(mine.items.length).toBe(8);
    const prov = await ok<RatingListResponse>(province.get('/api/ratings?year=2026&communeCode=24133'));
    expect(prov.items.length).toBe(8);
  });
});

describe('effect analysis', () => {
  it('compares trained and untrained rating changes per programme; says nothing under 10 per group', async () => {
    // 2025 and 2026 ratings for 40 officials of Đắk Lắk: 12 trained (+8 points), 28 untrained (+2 points)
    const people = (
      await t.pool.query<{ id: string; province_code: string; commune_code: string; unit_id: number | null }>(
        `select id, province_code, commune_code, unit_id from officials where province_code = '66' and status = 'dang_cong_tac' and id <> all($1::uuid[]) order by id limit 40`,
        [staff.map((s) => s.id)],
      )
    ).rows;
    const trained = people.slice(0, 12);
    for (const [i, p] of people.entries()) {
      const delta = i < 12 ? 8 : 2;
      for (const [year, s] of [
        [2025, 60],
        [2026, 60 + delta],
      ] as const) {
        await t.pool.query(
          `insert into annual_ratings (official_id, year, general_score, task_score, score, level, province_code, commune_code, unit_id) values ($1, $2, 20, $3, $4, 'HTNV', $5, $6, $7)`,
          [p.id, year, s - 20, s, p.province_code, p.commune_code, p.unit_id],
        );
      }
    }
    const big = await insertProgramme(t.pool, { type: 'CMNV', name: 'Chương trình phân tích lớn' });
    const small = await insertProgramme(t.pool, { type: 'KNBT', name: 'Chương trình phân tích nhỏ' });
    const org = await orgIdOf(t.pool, 'TCT.66');
    await finishedClass(t.pool, { programmeId: big, organiserId: org, endDate: '2026-05-29', officialIds: trained.map((p) => p.id) });
    await finishedClass(t.pool, {
      programmeId: small,
      organiserId: org,
      endDate: '2026-06-18',
      officialIds: trained.slice(0, 3).map((p) => p.id),
    });
    const r = await ok<EffectsResponse>(province.get('/api/effects?year=2026&by=programme'));
    const bigRow = r.rows.find((x) => x.name === 'Chương trình phân tích lớn')!;
    expect(bigRow.trained).toEqual({ n: 12, meanChange: 8 });
    expect(bigRow.enough).toBe(true);
    expect(bigRow.comparison.meanChange).toBeCloseTo(2, 5);
    expect(bigRow.difference).toBeCloseTo(6, 5);
    const smallRow = r.rows.find((x) => x.name === 'Chương trình phân tích nhỏ')!;
    expect(smallRow).toMatchObject({ enough: false, difference: null, trained: { n: 3, meanChange: null } });
    const byOrg = await ok<EffectsResponse>(national.get('/api/effects?year=2026&by=organiser&provinceCode=66'));
    expect(byOrg.rows.length).toBeGreaterThan(0);
  });
  it('communes, units and other provinces are refused', async () => {
    expectError(await bmt.get('/api/effects'), 404, 'NOT_FOUND');
    expectError(await head.get('/api/effects'), 404, 'NOT_FOUND');
    expectError(await province.get('/api/effects?provinceCode=01'), 404, 'NOT_FOUND');
  });
});
