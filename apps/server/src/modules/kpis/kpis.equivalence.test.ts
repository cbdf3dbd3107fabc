/**
 * The cached engine (computeKpis / computeChildKpis) gives exactly the from-scratch reference
 * numbers on randomised generated data, for many as-of dates, both phases and every scope, and
 * stays exact across changes: a change invalidates a cached result when it commits, not before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { makeRng } from '../../seed/names.ts';
import { kpiComputations } from './kpis.cache.ts';
import { computeChildKpis, computeChildKpisReference, computeKpis, computeKpisReference, type KpiParams } from './kpis.service.ts';

let t: TestContext;
let communes: string[] = [];
/** communes of a third province: second assignments, transfers and enrolments made elsewhere go there too */
let elsewhere: { code: string; province: string }[] = [];
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
  elsewhere = await q<{ code: string; province: string }>(`
    select code, province from (
      select code, province_code as province, row_number() over (partition by province_code order by code desc) as n
      from communes where province_code in ('79', '66', '01')) x
    where n <= 2 order by province desc, code`);
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
    // every 5th person also serves in another province (overlapping, or a transfer: the first assignment ends)
    if (i % 5 === 0) {
      const other = elsewhere.filter((c) => c.province !== province)[Math.floor(rng() * 3)]!;
      const from2 = day(rng, '2025-06-01', '2030-06-30');
      if (rng() < 0.4)
        await q(`update official_assignments set to_date = $2::date - 1 where official_id = $1 and from_date < $2`, [o!.id, from2]);
      await q(
        `insert into official_assignments (official_id, province_code, commune_code, from_date, to_date) values ($1, $2, $3, $4, $5)`,
        [o!.id, other.province, other.code, from2, rng() < 0.3 ? day(rng, from2, '2031-12-31') : null],
      );
    }
  }
  // plans: a whole-phase national plan for phase 1, yearly national plans for phase 2, a province plan of 01
  for (const [phase, year, att] of [
    [1, null, 400],
    [2, 2029, 150],
    [2, 2030, 0],
  ] as const) {
    const [pl] = await q<{ id: number }>(
      `insert into plans (level, phase, year, title) values ('national', $1, $2, 'Kế hoạch toàn quốc') returning id`,
      [phase, year],
    );
    if (att) await q(`insert into plan_targets (plan_id, programme_type, classes, attendances) values ($1, 'ALL', 10, $2)`, [pl!.id, att]);
  }
  const [pp] = await q<{ id: number }>(
    `insert into plans (level, province_code, phase, title) values ('province', '01', 1, 'Kế hoạch tỉnh') returning id`,
  );
  await q(`insert into plan_targets (plan_id, programme_type, classes, attendances) values ($1, 'ALL', 5, 120)`, [pp!.id]);
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
      const own = people[k]!;
      // some nominations are made by another province (the person's second place, or anywhere)
      const by = rng() < 0.15 ? elsewhere[Math.floor(rng() * elsewhere.length)]! : null;
      const p = by ? { id: own.id, commune: by.code, province: by.province } : own;
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

/** an official serving only in province 01 */
/**
 * One person serving only in 01, in service on 2029-01-01 since before 2028-12-30, with a nomination made by 01 —
 * so every change below really moves a row. Chosen by name (the generated names are deterministic; ids are random).
 */
async function only01(): Promise<string> {
  const [r] = await q<{ id: string }>(`
    select a.official_id as id from official_assignments a join officials o on o.id = a.official_id
    group by a.official_id, o.full_name
    having min(a.province_code) = '01' and max(a.province_code) = '01'
      and bool_and(a.from_date <= '2028-12-30') and bool_or(a.to_date is null or a.to_date >= '2029-01-01')
      and exists (select 1 from enrolments e where e.official_id = a.official_id and e.province_code = '01')
    order by o.full_name, a.official_id limit 1`);
  return r!.id;
}

function scopes(): KpiParams['scope'][] {
  return [
    { level: 'nation' },
    { level: 'province', provinceCode: '66' },
    { level: 'province', provinceCode: '01' },
    { level: 'province', provinceCode: '79' },
    ...elsewhere.filter((c) => c.province === '79').map((c) => ({ level: 'commune' as const, communeCode: c.code })),
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
    // the data holds people in service in two provinces at once, and nominations made by another province
    const multi = await q<{ n: number }>(`
      select count(distinct a.official_id)::int as n from official_assignments a join official_assignments b
        on b.official_id = a.official_id and b.province_code > a.province_code
      where a.from_date <= '2029-01-01' and (a.to_date is null or a.to_date >= '2029-01-01')
        and b.from_date <= '2029-01-01' and (b.to_date is null or b.to_date >= '2029-01-01')`);
    expect(multi[0]!.n).toBeGreaterThan(2);
    for (const scope of scopes().slice(0, 4)) {
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

  it('nation, provinces, communes and children stay exact after a change in one province; other provinces are not recomputed', async () => {
    const asOf = '2029-01-01';
    const all = async () => {
      for (const scope of scopes()) {
        const p = { scope, phase: 2 as const, asOf };
        expect(await computeKpis(t.db, p), JSON.stringify(p)).toEqual(await computeKpisReference(t.db, p));
      }
      for (const scope of scopes().slice(0, 4)) {
        const p = { scope, phase: 2 as const, asOf };
        expect(await computeChildKpis(t.db, p), JSON.stringify(p)).toEqual(await computeChildKpisReference(t.db, p));
      }
    };
    await all();
    const before = {
      n01: kpiComputations('entry|01|'),
      n66: kpiComputations('entry|66|'),
      n79: kpiComputations('entry|79|'),
      all: kpiComputations('entry|'),
    };
    // a change confined to province 01: one of its own people's results (nominated there, serving only there)
    const [e] = await q<{ id: number }>(`
      select e.id from enrolments e where e.province_code = '01' and e.result = 'completed'
        and not exists (select 1 from official_assignments a where a.official_id = e.official_id and a.province_code <> '01')
      order by e.id limit 1`);
    await q(`update enrolments set result = 'failed' where id = $1`, [e!.id]);
    await all();
    expect(kpiComputations('entry|01|')).toBe(before.n01 + 1);
    expect(kpiComputations('entry|66|')).toBe(before.n66);
    expect(kpiComputations('entry|79|')).toBe(before.n79);
    expect(kpiComputations('entry|')).toBe(before.all + 1);
    // a person serving in 01 and elsewhere: both provinces' entries are recomputed, and only those
    const [m] = await q<{ official_id: string; other: string }>(`
      select a.official_id, b.province_code as other from official_assignments a join official_assignments b
        on b.official_id = a.official_id and b.province_code <> '01'
      where a.province_code = '01' order by a.id limit 1`);
    const mid = { n01: kpiComputations('entry|01|'), other: kpiComputations(`entry|${m!.other}|`), all: kpiComputations('entry|') };
    await q(`update officials set is_leader = not is_leader where id = $1`, [m!.official_id]);
    await all();
    expect(kpiComputations('entry|01|')).toBe(mid.n01 + 1);
    expect(kpiComputations(`entry|${m!.other}|`)).toBe(mid.other + 1);
    expect(kpiComputations('entry|')).toBe(mid.all + 2);
  }, 180_000);
});

describe('per-province invalidation: a change in province 01 invalidates 01 (and the nation), never 66', () => {
  const asOf = '2029-01-01';
  const A = { level: 'province', provinceCode: '01' } as const;
  const B = { level: 'province', provinceCode: '66' } as const;
  let classId = 0;
  let planId = 0;
  async function warm(): Promise<{ a: number; b: number }> {
    for (const scope of [A, B]) await computeKpis(t.db, { scope, phase: 2, asOf });
    return { a: kpiComputations('entry|01|2|'), b: kpiComputations('entry|66|2|') };
  }
  async function expectOnlyA(change: () => Promise<unknown>, both = false): Promise<void> {
    const w = await warm();
    await change();
    for (const scope of [A, B, { level: 'nation' } as const]) {
      const p = { scope, phase: 2 as const, asOf };
      expect(await computeKpis(t.db, p)).toEqual(await computeKpisReference(t.db, p));
    }
    expect(kpiComputations('entry|01|2|')).toBe(w.a + 1);
    expect(kpiComputations('entry|66|2|')).toBe(both ? w.b + 1 : w.b);
  }
  const cases: [string, () => Promise<unknown>][] = [
    [
      'enrolments',
      async () =>
        q(
          `update enrolments set result = 'failed' where id = (select min(id) from enrolments where province_code = '01' and official_id = $1)`,
          [await only01()],
        ),
    ],
    [
      'self_reports',
      () =>
        q(`insert into self_reports (enrolment_id, official_id, province_code, commune_code, class_id, submitted_on, last_submitted_on, status, completed, apply_at_work)
           select e.id, e.official_id, e.province_code, e.commune_code, e.class_id, '2028-12-31', '2028-12-31', 'submitted', true, 'x'
           from enrolments e where e.province_code = '01' and e.class_end_date <= '2028-12-31' and e.status <> 'cancelled' order by e.id limit 1`),
    ],
    [
      'post_training_evaluations',
      () =>
        q(`update post_training_evaluations set evaluated_on = '2028-12-31' where id = (
             select min(v.id) from post_training_evaluations v join enrolments e on e.id = v.enrolment_id where e.province_code = '01')`),
    ],
    [
      'official_assignments',
      async () => q(`update official_assignments set to_date = '2028-12-30' where official_id = $1`, [await only01()]),
    ],
    ['officials', async () => q(`update officials set official_type = 'cong_chuc', is_leader = true where id = $1`, [await only01()])],
    [
      'official_flags',
      async () =>
        q(
          `insert into official_flags (official_id, province_code, commune_code, flag, from_date, to_date)
           select $1, '01', commune_code, 'below_standard', '2029-01-01', '2029-01-01' from official_assignments where official_id = $1 limit 1`,
          [await only01()],
        ),
    ],
    [
      'classes',
      async () => {
        const [c] = await q<{ id: number }>(
          `insert into classes (code, name, programme_id, programme_type, organiser_id, mode, schedule_type, start_date, end_date, capacity, status, province_code)
           select 'EQ-INV-1', 'EQ-INV-1', p.id, p.type, (select min(id) from training_orgs), 'truc_tuyen', 'trong_gio', '2028-11-01', '2028-12-01', 50, 'finished', '01'
           from programmes p where p.code = 'EQ-CMNV-0' returning id`,
        );
        classId = c!.id;
      },
    ],
    ['classes (update)', () => q(`update classes set status = 'cancelled' where id = $1`, [classId])],
    [
      'class_communes',
      () =>
        q(
          `insert into class_communes (class_id, commune_code, province_code) select $1, code, '01' from communes where province_code = '01' order by code limit 1`,
          [classId],
        ),
    ],
    [
      'plans',
      async () => {
        const [pl] = await q<{ id: number }>(
          `insert into plans (level, province_code, phase, title) values ('province', '01', 2, 'Kế hoạch thử') returning id`,
        );
        planId = pl!.id;
      },
    ],
    [
      'plan_targets',
      () => q(`insert into plan_targets (plan_id, programme_type, classes, attendances) values ($1, 'CMNV', 1, 10)`, [planId]),
    ],
  ];
  for (const [table, change] of cases) it(`${table}`, () => expectOnlyA(change), 60_000);

  it(`tables every scope reads (programmes, units, communes, provinces) and TRUNCATE invalidate every province ('*')`, async () => {
    await expectOnlyA(() => q(`update programmes set practice_hours = practice_hours where code = 'EQ-CMNV-0'`), true);
    await expectOnlyA(() => q(`update provinces set name = name where code = '01'`), true);
    await expectOnlyA(() => q(`truncate post_training_evaluations cascade`), true);
  }, 60_000);

  it("a national class moves nothing until someone is nominated; a nomination by 01 moves 01's entry (and the nation's P1) only", async () => {
    const nation = { scope: { level: 'nation' } as const, phase: 1 as const, asOf: '2028-12-31' };
    await computeKpis(t.db, nation);
    const before = kpiComputations('entry|');
    const [c] = await q<{ id: number; type: string }>(
      `insert into classes (code, name, programme_id, programme_type, organiser_id, mode, schedule_type, start_date, end_date, capacity, status)
       select 'EQ-NAT-1', 'EQ-NAT-1', p.id, p.type, (select min(id) from training_orgs), 'truc_tuyen', 'trong_gio', '2028-11-01', '2028-12-01', 50, 'finished'
       from programmes p where p.code = 'EQ-CMNV-0' returning id, programme_type as type`,
    );
    expect(await computeKpis(t.db, nation)).toEqual(await computeKpisReference(t.db, nation));
    expect(kpiComputations('entry|')).toBe(before);
    const who = await only01();
    await q(
      `insert into enrolments (class_id, official_id, province_code, commune_code, programme_type, class_end_date, decision_date, status, result)
       select $1, $2, '01', commune_code, $3, '2028-12-01', '2028-10-01', 'nominated', 'completed' from official_assignments where official_id = $2 limit 1`,
      [c!.id, who, c!.type],
    );
    const after = await computeKpis(t.db, nation);
    expect(after).toEqual(await computeKpisReference(t.db, nation));
    expect(after.indicators.find((x) => x.code === 'P1')!.denominator).toBeGreaterThan(0);
    expect(kpiComputations('entry|01|')).toBeGreaterThan(0);
    expect(kpiComputations('entry|')).toBe(before + 1);
  }, 60_000);

  it('a change in 01 leaves the cached province 66 result valid without any computation', async () => {
    await warm();
    const before = kpiComputations();
    await q(`update enrolments set decision_date = decision_date where province_code = '01' and official_id = $1`, [await only01()]);
    await computeKpis(t.db, { scope: B, phase: 2, asOf });
    expect(kpiComputations()).toBe(before);
    const rows = await q<{ p: string }>(
      `select distinct province_code as p from kpi_changes where xid = (select max(xid) from kpi_changes)`,
    );
    expect(rows.map((r) => r.p)).toEqual(['01']);
  }, 60_000);
});
