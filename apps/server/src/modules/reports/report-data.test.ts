/**
 * The class, plan and budget numbers of a report (SPEC §10 Biểu 1 and 4) on hand-made rows in
 * PostgreSQL: held = classes not cancelled that ended in the year on or before the as-of date, with the
 * scope's enrolments neither cancelled nor waitlisted; planned = the year's plan targets of the scope and
 * of its children; budget = classes started in the year, by host.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { addOfficial, defaultUnit, insertProgramme, orgIdOf } from '../classes/test-support.ts';
import { budgetOf, childrenOf, heldByType, plannedByType } from './report-data.repository.ts';

const EA_SUP = '24211';
let t: TestContext;
let unit: number;

async function klass(o: {
  type: 'CMNV' | 'KNBT';
  start: string;
  end: string;
  status?: string;
  host?: string;
  budget?: number;
}): Promise<number> {
  const programmeId = await insertProgramme(t.pool, { type: o.type });
  const org = await orgIdOf(t.pool, 'TCT.66');
  const r = await t.pool.query<{ id: number }>(
    `insert into classes (code, name, programme_id, programme_type, organiser_id, province_code, host_commune_code, mode, schedule_type, start_date, end_date, capacity, status, budget_planned_local, budget_actual_local, budget_actual_central)
     values ($1, 'Lớp thử', $2, $3, $4, '66', $5, 'truc_tiep', 'trong_gio', $6, $7, 50, $8, $9, $9, 1000) returning id`,
    [
      `RD-${Math.random().toString(36).slice(2, 9)}`,
      programmeId,
      o.type,
      org,
      o.host ?? EA_SUP,
      o.start,
      o.end,
      o.status ?? 'closed',
      o.budget ?? 0,
    ],
  );
  return r.rows[0]!.id;
}
async function enrol(classId: number, type: string, end: string, status = 'nominated', commune = EA_SUP): Promise<void> {
  const o = await addOfficial(t.pool, { commune, unitId: commune === EA_SUP ? unit : null });
  await t.pool.query(
    `insert into enrolments (class_id, official_id, province_code, commune_code, unit_id, programme_type, class_end_date, decision_date, status)
     values ($1, $2, '66', $3, $4, $5, $6, '2026-01-05', $7)`,
    [classId, o.id, commune, commune === EA_SUP ? unit : null, type, end, status],
  );
}

beforeAll(async () => {
  t = await createTestContext({ today: '2026-11-23' });
  unit = await defaultUnit(t.pool, EA_SUP, 'van_phong_hdnd_ubnd');
  const a = await klass({ type: 'CMNV', start: '2026-03-02', end: '2026-03-04', budget: 10_000_000 });
  await enrol(a, 'CMNV', '2026-03-04');
  await enrol(a, 'CMNV', '2026-03-04');
  await enrol(a, 'CMNV', '2026-03-04', 'cancelled');
  await enrol(a, 'CMNV', '2026-03-04', 'waitlisted');
  await enrol(a, 'CMNV', '2026-03-04', 'nominated', '24373'); // another commune's learner in the same class
  const b = await klass({ type: 'KNBT', start: '2026-11-20', end: '2026-11-23', budget: 4_000_000 });
  await enrol(b, 'KNBT', '2026-11-23');
  const later = await klass({ type: 'KNBT', start: '2026-11-24', end: '2026-11-26', budget: 2_000_000 }); // ends after the as-of date
  await enrol(later, 'KNBT', '2026-11-26');
  const cancelled = await klass({ type: 'CMNV', start: '2026-05-04', end: '2026-05-05', status: 'cancelled', budget: 99_000_000 });
  await enrol(cancelled, 'CMNV', '2026-05-05');
  const lastYear = await klass({ type: 'CMNV', start: '2025-12-01', end: '2025-12-03', budget: 7_000_000 });
  await enrol(lastYear, 'CMNV', '2025-12-03');
  const plan = await t.pool.query<{ id: number }>(
    `insert into plans (level, province_code, commune_code, phase, year, title) values ('commune', '66', $1, 1, 2026, 'Kế hoạch thử năm 2026') returning id`,
    [EA_SUP],
  );
  await t.pool.query(
    `insert into plan_targets (plan_id, programme_type, classes, attendances) values ($1, 'CMNV', 3, 60), ($1, 'KNBT', 1, 20)`,
    [plan.rows[0]!.id],
  );
}, 60_000);
afterAll(async () => t?.close());

const commune = { level: 'commune' as const, provinceCode: '66', communeCode: EA_SUP };
const province = { level: 'province' as const, provinceCode: '66', communeCode: null };

describe('held classes and attendances', () => {
  it('counts only live enrolments of the scope in classes ended in the year by the as-of date', async () => {
    const rows = await heldByType(t.db, commune, 2026, '2026-11-23');
    const total = (type: string) => rows.find((r) => r.child === null && r.programme_type === type);
    expect(total('CMNV')).toMatchObject({ classes: 1, attendances: 2 });
    expect(total('KNBT')).toMatchObject({ classes: 1, attendances: 1 });
    // the child rows of a commune are its units
    expect(rows.find((r) => r.child === String(unit) && r.programme_type === 'CMNV')).toMatchObject({ attendances: 2 });
    const earlier = await heldByType(t.db, commune, 2026, '2026-11-22');
    expect(earlier.find((r) => r.child === null && r.programme_type === 'KNBT')).toBeUndefined();
  });
  it('at province level a class shared by two communes counts once, attendances add up', async () => {
    const rows = await heldByType(t.db, province, 2026, '2026-11-23');
    const cmnv = rows.find((r) => r.child === null && r.programme_type === 'CMNV')!;
    expect(cmnv.classes).toBe(1);
    expect(cmnv.attendances).toBe(3);
    expect(rows.find((r) => r.child === '24373' && r.programme_type === 'CMNV')).toMatchObject({ classes: 1, attendances: 1 });
  });
});

describe('planned and budget', () => {
  it('planned targets of the year: the commune own plan, and as a child of the province', async () => {
    const own = await plannedByType(t.db, commune, 2026);
    expect(
      own
        .filter((r) => r.child === null)
        .map((r) => [r.programme_type, r.classes, r.attendances])
        .sort(),
    ).toEqual([
      ['CMNV', 3, 60],
      ['KNBT', 1, 20],
    ]);
    const prov = await plannedByType(t.db, province, 2026);
    expect(prov.find((r) => r.child === EA_SUP && r.programme_type === 'CMNV')).toMatchObject({ classes: 3, attendances: 60 });
    expect(await plannedByType(t.db, commune, 2027)).toEqual([]);
  });
  it('budget of classes started in the year, not cancelled, by host', async () => {
    const [b] = await budgetOf(t.db, commune, 2026);
    expect(b).toMatchObject({ child: null, planned_local: 16_000_000, spent_local: 16_000_000, spent_central: 3000 });
    const prov = await budgetOf(t.db, province, 2026);
    expect(prov.find((r) => r.child === EA_SUP)!.spent_local).toBe(16_000_000);
  });
  it('children: provinces of the nation, communes of a province, units of a commune', async () => {
    expect((await childrenOf(t.db, { level: 'nation', provinceCode: null, communeCode: null })).length).toBe(34);
    expect((await childrenOf(t.db, province)).some((c) => c.code === EA_SUP)).toBe(true);
    expect((await childrenOf(t.db, commune)).some((c) => c.code === String(unit))).toBe(true);
  });
});
