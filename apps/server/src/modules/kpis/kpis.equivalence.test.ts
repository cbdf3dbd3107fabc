/**
 * The cached engine (computeKpis / computeChildKpis) gives exactly the from-scratch reference
 * numbers on randomised generated data, for many as-of dates, both phases and every scope, and
 * stays exact across changes: a change invalidates a cached result when it commits, not before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { makeRng } from '../../seed/names.ts';
import { computeChildKpis, computeChildKpisReference, computeKpis, computeKpisReference, type KpiParams } from './kpis.service.ts';

let t: TestContext;
let communes: string[] = [];
const TYPES = ['CMCN', 'QLNN_LANHDAO', 'QLNN_CHUNG', 'CMNV', 'KNBT', 'CAPNHAT', 'KHAC'] as const;

async function q<T extends object = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await t.pool.query<T>(text, params)).rows;
}
function day(rng: () => number, from: string, to: string): string {
  const a = Date.parse(from);
  const b = Date.parse(to);
  return new Date(a + Math.floor(rng() * ((b - a) / 86_400_000 + 1)) * 86_400_000).toISOString().slice(0, 10);
}

beforeAll(async () => {
  t = await createTestContext({ today: '2027-06-30' });
  const rng = makeRng(7);
  communes = (await q<{ code: string }>(`select code from communes where province_code in ('66', '01') order by code limit 6`)).map(
    (r) => r.code,
  );
  const org = (await q<{ id: number }>(`select id from training_orgs order by id limit 1`))[0]!.id;
  const progs: Record<string, number[]> = {};
  for (const type of TYPES)
    for (let i = 0; i < 2; i++) {
      const [r] = await q<{ id: number }>(
        `insert into programmes (code, name, type, owner, duration_days, total_hours, practice_hours, approval_status)
         values ($1, $1, $2, 'ministry', 3, 40, $3, 'approved') returning id`,
        [`EQ-${type}-${i}`, type, Math.floor(rng() * 41)],
      );
      (progs[type] ??= []).push(r!.id);
    }
  const people: { id: string; commune: string; province: string }[] = [];
  for (let i = 0; i < 160; i++) {
    const commune = communes[i % communes.length]!;
    const province = (await q<{ p: string }>(`select province_code as p from communes where code = $1`, [commune]))[0]!.p;
    const [o] = await q<{ id: string }>(
      `insert into officials (province_code, commune_code, full_name, given_name, birth_date, gender, official_type, is_leader, bloc)
       values ($1, $2, $3, $3, '1980-01-01', 'nu', $4, $5, 'ubnd') returning id`,
      [province, commune, `Ngẫu Nhiên ${i}`, rng() < 0.5 ? 'can_bo' : 'cong_chuc', rng() < 0.25],
    );
    const from = day(rng, '2025-06-01', '2029-06-30');
    const to = rng() < 0.3 ? day(rng, from, '2031-12-31') : null;
    await q(`insert into official_assignments (official_id, province_code, commune_code, from_date, to_date) values ($1, $2, $3, $4, $5)`, [
      o!.id,
      province,
      commune,
      from,
      to,
    ]);
    if (rng() < 0.3) {
      const f = day(rng, '2025-06-01', '2030-06-30');
      await q(
        `insert into official_flags (official_id, province_code, commune_code, flag, from_date, to_date) values ($1, $2, $3, 'below_standard', $4, $5)`,
        [o!.id, province, commune, f, rng() < 0.5 ? day(rng, f, '2031-06-30') : null],
      );
    }
    people.push({ id: o!.id, commune, province });
  }
  for (let c = 0; c < 70; c++) {
    const type = TYPES[Math.floor(rng() * TYPES.length)]!;
    const end = day(rng, '2025-12-01', '2031-10-31');
    const [cl] = await q<{ id: number }>(
      `insert into classes (code, name, programme_id, programme_type, organiser_id, mode, schedule_type, start_date, end_date, capacity, status)
       values ($1, $1, $2, $3, $4, 'truc_tuyen', 'trong_gio', $5::date - 3, $5::date, 500, $6) returning id`,
      [`EQ-L-${c}`, progs[type]![Math.floor(rng() * 2)], type, org, end, rng() < 0.08 ? 'cancelled' : 'finished'],
    );
    const n = 5 + Math.floor(rng() * 20);
    const chosen = new Set<number>();
    for (let k = 0; k < n; k++) chosen.add(Math.floor(rng() * people.length));
    for (const k of chosen) {
      const p = people[k]!;
      const status = rng() < 0.1 ? 'cancelled' : rng() < 0.1 ? 'pending_approval' : 'nominated';
      const result = rng() < 0.75 ? 'completed' : rng() < 0.5 ? 'failed' : null;
      const [e] = await q<{ id: number }>(
        `insert into enrolments (class_id, official_id, province_code, commune_code, programme_type, class_end_date, decision_date, status, result)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
        [cl!.id, p.id, p.province, p.commune, type, end, day(rng, '2025-11-01', end), status, result],
      );
      if (rng() < 0.5)
        await q(
          `insert into self_reports (enrolment_id, official_id, province_code, commune_code, class_id, submitted_on, last_submitted_on, status, completed, apply_at_work)
           values ($1, $2, $3, $4, $5, $6, $6, 'submitted', true, 'x')`,
          [e!.id, p.id, p.province, p.commune, cl!.id, day(rng, end, '2031-12-31')],
        );
      if (result === 'completed' && rng() < 0.5)
        await q(
          `insert into post_training_evaluations (enrolment_id, official_id, province_code, commune_code, class_id, class_end_date, opens_on, evaluated_on)
           values ($1, $2, $3, $4, $5, $6, ($6::date + interval '3 months')::date, $7)`,
          [e!.id, p.id, p.province, p.commune, cl!.id, end, rng() < 0.8 ? day(rng, end, '2031-12-31') : null],
        );
    }
  }
}, 180_000);

afterAll(async () => {
  await t?.close();
});

function scopes(): KpiParams['scope'][] {
  return [
    { level: 'nation' },
    { level: 'province', provinceCode: '66' },
    { level: 'province', provinceCode: '01' },
    ...communes.map((c) => ({ level: 'commune' as const, communeCode: c })),
  ];
}
const DATES = ['2026-01-01', '2026-03-31', '2026-12-31', '2027-06-30', '2028-12-31', '2029-01-01', '2030-02-28', '2031-12-31'];

describe('cached engine = reference on randomised data', () => {
  it('every scope, both phases, many as-of dates (twice: the second round is served from the cache)', async () => {
    let nonZero = 0;
    for (let round = 0; round < 2; round++)
      for (const asOf of DATES)
        for (const phase of [1, 2] as const)
          for (const scope of scopes()) {
            const p = { scope, phase, asOf };
            const ref = await computeKpisReference(t.db, p);
            expect(await computeKpis(t.db, p), JSON.stringify(p)).toEqual(ref);
            nonZero += ref.indicators.filter((i) => i.numerator > 0).length;
          }
    expect(nonZero).toBeGreaterThan(100); // the data exercises the rules
    for (const scope of scopes().slice(0, 3)) {
      const p = { scope, phase: 1 as const, asOf: '2027-06-30' };
      expect(await computeChildKpis(t.db, p)).toEqual(await computeChildKpisReference(t.db, p));
    }
  }, 180_000);

  it('a committed change invalidates the cached result; an uncommitted one does not show', async () => {
    const p = { scope: { level: 'nation' } as const, phase: 1 as const, asOf: '2027-06-30' };
    const before = await computeKpis(t.db, p);
    const client = await t.pool.connect();
    try {
      await client.query('begin');
      await client.query(`update enrolments set result = 'completed', status = 'nominated' where result is distinct from 'completed'`);
      await client.query(`delete from self_reports`);
      // not committed yet: the cached answer equals a fresh computation, which cannot see the change either
      expect(await computeKpis(t.db, p)).toEqual(before);
      expect(await computeKpisReference(t.db, p)).toEqual(before);
      await client.query('commit');
    } finally {
      client.release();
    }
    const after = await computeKpis(t.db, p);
    expect(after).toEqual(await computeKpisReference(t.db, p));
    expect(after).not.toEqual(before);
    // an assignment ending changes K1–K5 at once
    await q(`update official_assignments set to_date = '2027-06-29' where to_date is null and from_date <= '2027-06-29'`);
    const ended = await computeKpis(t.db, p);
    expect(ended).toEqual(await computeKpisReference(t.db, p));
    expect(ended.indicators.find((i) => i.code === 'K3')!.denominator).toBeLessThan(
      after.indicators.find((i) => i.code === 'K3')!.denominator,
    );
  }, 120_000);
});
