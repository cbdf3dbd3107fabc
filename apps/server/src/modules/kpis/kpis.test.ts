/**
 * KPI engine (SPEC §9) on small hand-made cases in one commune of Đắk Lắk (66) without demo
 * officials: every boundary the precise rules name, the HTTP shape, drill-down lists that match
 * the numbers, and scope refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KpiChildrenResponse, KpiIndicator, KpiPeopleResponse, KpiResult } from '@app/shared';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { computeChildKpis, computeKpis, kpiPeople } from './kpis.service.ts';

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
let t: TestContext;
let C = ''; // the test commune
let C2 = ''; // a second commune of the same province
let organiser = 0;
const prog: Record<string, number> = {};
const off: Record<string, string> = {};
let seq = 0;

async function q<T extends object = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await t.pool.query<T>(text, params)).rows;
}
async function official(
  name: string,
  o: { commune?: string; type?: 'can_bo' | 'cong_chuc'; leader?: boolean; from: string; to?: string | null },
): Promise<string> {
  const commune = o.commune ?? C;
  const [r] = await q<{ id: string }>(
    `insert into officials (province_code, commune_code, full_name, given_name, birth_date, gender, official_type, is_leader, bloc)
     values ('66', $1, $2, $3, '1985-05-05', 'nam', $4, $5, 'ubnd') returning id`,
    [commune, `Kiểm Thử ${name}`, name, o.type ?? 'cong_chuc', o.leader ?? false],
  );
  await q(`insert into official_assignments (official_id, province_code, commune_code, from_date, to_date) values ($1, '66', $2, $3, $4)`, [
    r!.id,
    commune,
    o.from,
    o.to ?? null,
  ]);
  off[name] = r!.id;
  return r!.id;
}
async function flag(name: string, from: string, to: string | null): Promise<void> {
  await q(
    `insert into official_flags (official_id, province_code, commune_code, flag, from_date, to_date) values ($1, '66', $2, 'below_standard', $3, $4)`,
    [off[name], C, from, to],
  );
}
async function klass(type: string, end: string, o: { start?: string; status?: string; programme?: string } = {}): Promise<number> {
  seq += 1;
  const [r] = await q<{ id: number }>(
    `insert into classes (code, name, programme_id, programme_type, organiser_id, province_code, mode, schedule_type, start_date, end_date, capacity, status)
     values ($1, $2, $3, $4, $5, '66', 'truc_tiep', 'trong_gio', coalesce($6::date, $7::date - 2), $7::date, 100, $8) returning id`,
    [`KPI-T-${seq}`, `Lớp kiểm thử ${seq}`, prog[o.programme ?? type], type, organiser, o.start ?? null, end, o.status ?? 'finished'],
  );
  return r!.id;
}
async function enrol(
  classId: number,
  name: string,
  o: { status?: string; result?: 'completed' | 'failed' | null; decision?: string; commune?: string } = {},
): Promise<number> {
  const [c] = await q<{ programme_type: string; end_date: string }>(`select programme_type, end_date from classes where id = $1`, [
    classId,
  ]);
  const [r] = await q<{ id: number }>(
    `insert into enrolments (class_id, official_id, province_code, commune_code, programme_type, class_end_date, decision_date, status, result)
     values ($1, $2, '66', $3, $4, $5, $6, $7, $8) returning id`,
    [
      classId,
      off[name],
      o.commune ?? C,
      c!.programme_type,
      c!.end_date,
      o.decision ?? '2026-01-02',
      o.status ?? 'nominated',
      o.result === undefined ? 'completed' : o.result,
    ],
  );
  return r!.id;
}
async function selfReport(enrolmentId: number, on: string): Promise<void> {
  await q(
    `insert into self_reports (enrolment_id, official_id, province_code, commune_code, class_id, submitted_on, last_submitted_on, status, completed, apply_at_work)
     select e.id, e.official_id, e.province_code, e.commune_code, e.class_id, $2, $2, 'submitted', true, 'Áp dụng vào công việc'
     from enrolments e where e.id = $1`,
    [enrolmentId, on],
  );
}
async function evaluation(enrolmentId: number, on: string | null): Promise<void> {
  await q(
    `insert into post_training_evaluations (enrolment_id, official_id, province_code, commune_code, class_id, class_end_date, opens_on, evaluated_on)
     select e.id, e.official_id, e.province_code, e.commune_code, e.class_id, e.class_end_date, (e.class_end_date + interval '3 months')::date, $2
     from enrolments e where e.id = $1`,
    [enrolmentId, on],
  );
}

function ind(r: { indicators: KpiIndicator[] }, code: string): KpiIndicator {
  const i = r.indicators.find((x) => x.code === code);
  expect(i, code).toBeDefined();
  return i!;
}
const commune = () => ({ level: 'commune' as const, communeCode: C });
async function names(
  code: 'K1' | 'K2' | 'K3' | 'K4' | 'K5' | 'K6' | 'K7' | 'K8',
  part: 'numerator' | 'denominator' | 'missing',
  asOf: string,
  phase: 1 | 2 = 1,
) {
  const r = await kpiPeople(t.db, { scope: commune(), phase, asOf, code, part, page: 1, pageSize: 500 });
  return r.items.map((i) => (i.kind === 'official' ? (i.fullName ?? '').replace('Kiểm Thử ', '') : (i.label ?? ''))).sort();
}

let eLeftReported = 0;
let eOnAsOfLateReport = 0;
let eThreeMonthsExact = 0;
let eThreeMonthsLater = 0;

beforeAll(async () => {
  t = await createTestContext({ today: '2027-06-30' });
  const cs = await q<{ code: string }>(
    `select code from communes where province_code = '66' and code not in (select commune_code from officials) order by code limit 2`,
  );
  C = cs[0]!.code;
  C2 = cs[1]!.code;
  organiser = (await q<{ id: number }>(`select id from training_orgs order by id limit 1`))[0]!.id;
  // professional programmes: CMNV 60% practice (counts in K8), KNBT 50% (does not), CAPNHAT 70%
  for (const [type, practice] of [
    ['CMNV', 60],
    ['KNBT', 50],
    ['CAPNHAT', 70],
    ['CMCN', 80],
    ['QLNN_CHUNG', 10],
    ['QLNN_LANHDAO', 10],
  ] as const) {
    const [r] = await q<{ id: number }>(
      `insert into programmes (code, name, type, owner, duration_days, total_hours, practice_hours, approval_status)
       values ($1, $2, $3, 'ministry', 3, 100, $4, 'approved') returning id`,
      [`KPI-P-${type}`, `Chương trình kiểm thử ${type}`, type, practice],
    );
    prog[type] = r!.id;
  }
  // --- people (asOf of the main case: 30/06/2027, phase 1) ---
  await official('An', { from: '2026-01-01' }); // công chức, not a leader
  await official('Bình', { from: '2027-06-30' }); // joined ON asOf: in service
  await official('Cường', { from: '2026-01-01', to: '2027-06-29' }); // left the day before asOf
  await official('Dũng', { type: 'can_bo', leader: true, from: '2026-01-01' });
  await official('Giang', { from: '2026-01-01' }); // below standard, cleared before asOf
  await official('Hà', { from: '2026-01-01' }); // below standard, open; CMCN nomination cancelled / after asOf
  await official('Khánh', { from: '2026-01-01' }); // flag cleared before the phase start
  await official('Lan', { from: '2027-07-01' }); // joins after asOf
  await official('Minh', { type: 'cong_chuc', leader: true, from: '2026-01-01' }); // công chức leader: not K2, is K5
  await official('Nga', { commune: C2, from: '2026-01-01' }); // another commune

  await flag('Giang', '2026-03-01', '2026-08-01');
  await flag('Hà', '2027-01-01', null);
  await flag('Khánh', '2025-06-01', '2025-12-31');

  // --- classes ---
  const qlnnOnAsOf = await klass('QLNN_CHUNG', '2027-06-30'); // class ends ON asOf
  const cmnvPhaseStart = await klass('CMNV', '2026-01-01', { start: '2025-12-29' }); // ends on the phase start
  const knbtBefore = await klass('KNBT', '2025-12-31', { start: '2025-12-29' }); // ends the day before phase 1
  const cmnvAfter = await klass('CMNV', '2027-07-01'); // ends after asOf
  const qlnnLd = await klass('QLNN_LANHDAO', '2026-05-01');
  const cmcn = await klass('CMCN', '2027-09-30', { start: '2027-07-01' });
  const cmnvJan = await klass('CMNV', '2027-01-10');
  const knbtMar30 = await klass('KNBT', '2027-03-30');
  const knbtApr1 = await klass('KNBT', '2027-04-01');
  const cancelledClass = await klass('CMNV', '2026-06-01', { status: 'cancelled' });
  const capnhatPhase2 = await klass('CAPNHAT', '2029-01-01', { start: '2028-12-30' });
  const qlnnPhaseEnd = await klass('QLNN_CHUNG', '2028-12-31');

  await enrol(qlnnOnAsOf, 'An'); // K2 numerator (class end = asOf)
  await enrol(cmnvPhaseStart, 'An'); // K3 numerator (class end = phase start)
  await enrol(qlnnOnAsOf, 'Bình', { result: 'failed' }); // failed never counts
  await enrol(knbtBefore, 'Bình'); // before the phase: not K3
  await enrol(cmnvAfter, 'Giang'); // ends after asOf: not K3 (yet)
  await enrol(qlnnLd, 'Dũng'); // K5
  await enrol(cmnvJan, 'Dũng', { status: 'cancelled' }); // cancelled never counts (even with a result)
  await enrol(cancelledClass, 'Minh'); // cancelled class never counts
  await enrol(cmcn, 'Giang', { decision: '2027-06-30', result: null }); // CMCN nominated ON asOf → K1 numerator
  await enrol(cmcn, 'Hà', { decision: '2027-06-01', status: 'cancelled', result: null }); // cancelled nomination
  await enrol(cmcn, 'Khánh', { decision: '2027-07-01', result: null }); // after asOf (and Khánh is not in K1)
  eLeftReported = await enrol(cmnvJan, 'Cường'); // left since: still in K6/K7
  await selfReport(eLeftReported, '2027-02-01');
  await evaluation(eLeftReported, '2027-05-01');
  eOnAsOfLateReport = await enrol(qlnnOnAsOf, 'Minh', { result: null }); // class ended on asOf, report after asOf
  await selfReport(eOnAsOfLateReport, '2027-07-02');
  eThreeMonthsExact = await enrol(knbtMar30, 'Minh'); // 30/03 + 3 months = 30/06 = asOf
  await evaluation(eThreeMonthsExact, '2027-07-05'); // evaluated after asOf
  eThreeMonthsLater = await enrol(knbtApr1, 'An'); // 01/04 + 3 months = 01/07 > asOf
  await enrol(knbtApr1, 'Bình', { result: 'failed' }); // failed: in K6, never in K7
  await enrol(cmnvJan, 'Nga', { commune: C2 }); // another commune's nomination
  await enrol(capnhatPhase2, 'An'); // phase 2 (ends on its first day)
  await enrol(qlnnPhaseEnd, 'Minh'); // ends on the last day of phase 1
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('K1–K5: people in service on asOf', () => {
  it('in service: joined on asOf counts, left the day before and joining after do not', async () => {
    const all = await names('K3', 'denominator', '2027-06-30');
    expect(all).toEqual(['An', 'Bình', 'Dũng', 'Giang', 'Hà', 'Khánh', 'Minh'].sort());
    const r = await computeKpis(t.db, { scope: commune(), phase: 1, asOf: '2027-06-29' });
    // on 29/06 Cường is still in (last day), Bình is not yet in
    expect(ind(r, 'K3').denominator).toBe(7);
    expect(await names('K3', 'denominator', '2027-06-29')).toContain('Cường');
    expect(await names('K3', 'denominator', '2027-06-29')).not.toContain('Bình');
  });

  it('K1: flagged any time from the phase start (cleared before asOf stays; cleared before the phase does not); CMCN nomination on or before asOf, not cancelled', async () => {
    expect(await names('K1', 'denominator', '2027-06-30')).toEqual(['Giang', 'Hà']);
    expect(await names('K1', 'numerator', '2027-06-30')).toEqual(['Giang']);
    expect(await names('K1', 'missing', '2027-06-30')).toEqual(['Hà']);
    const dayBefore = await computeKpis(t.db, { scope: commune(), phase: 1, asOf: '2027-06-29' });
    expect(ind(dayBefore, 'K1')).toMatchObject({ numerator: 0, denominator: 2 });
    // before Hà's flag starts only Giang is in K1
    const early = await computeKpis(t.db, { scope: commune(), phase: 1, asOf: '2026-12-31' });
    expect(ind(early, 'K1')).toMatchObject({ numerator: 0, denominator: 1 });
  });

  it('K2: công chức who are not leaders; completed QLNN_CHUNG in the phase up to asOf (class end = asOf counts; failed does not)', async () => {
    const r = await computeKpis(t.db, { scope: commune(), phase: 1, asOf: '2027-06-30' });
    expect(await names('K2', 'denominator', '2027-06-30')).toEqual(['An', 'Bình', 'Giang', 'Hà', 'Khánh']);
    expect(ind(r, 'K2')).toMatchObject({ numerator: 1, denominator: 5, percent: 20, target: 50 });
    const before = await computeKpis(t.db, { scope: commune(), phase: 1, asOf: '2027-06-29' });
    expect(ind(before, 'K2').numerator).toBe(0);
    // phase 2 does not count phase-1 completions
    const p2 = await computeKpis(t.db, { scope: commune(), phase: 2, asOf: '2029-06-30' });
    expect(ind(p2, 'K2').numerator).toBe(0);
  });

  it('K3: CMNV/KNBT completed 2026–2028 (class ending on the phase start counts; the day before and after asOf do not; cancelled class/enrolment never)', async () => {
    expect(await names('K3', 'numerator', '2027-06-30')).toEqual(['An', 'Minh']); // Minh: KNBT ended 30/03
    const later = await computeKpis(t.db, { scope: commune(), phase: 1, asOf: '2027-07-01' });
    // Giang's CMNV (ends 01/07) and An's KNBT (01/04) — An already counted; Minh's KNBT 30/03
    expect(await names('K3', 'numerator', '2027-07-01')).toEqual(['An', 'Giang', 'Minh']);
    expect(ind(later, 'K3').numerator).toBe(3);
  });

  it('K4: CMNV/KNBT/CAPNHAT completed 2029–2031 (class ending on the phase-2 start counts)', async () => {
    const p2 = await computeKpis(t.db, { scope: commune(), phase: 2, asOf: '2029-01-01' });
    expect(ind(p2, 'K4').numerator).toBe(1);
    const p1 = await computeKpis(t.db, { scope: commune(), phase: 1, asOf: '2028-12-31' });
    expect(ind(p1, 'K4').numerator).toBe(0);
  });

  it('K5: leaders (cán bộ or công chức) with QLNN_LANHDAO completed', async () => {
    expect(await names('K5', 'denominator', '2027-06-30')).toEqual(['Dũng', 'Minh']);
    expect(await names('K5', 'numerator', '2027-06-30')).toEqual(['Dũng']);
    const r = await computeKpis(t.db, { scope: commune(), phase: 1, asOf: '2027-06-30' });
    expect(ind(r, 'K5')).toMatchObject({ target: null, status: 'theo_doi' });
  });
});

describe('K6, K7: enrolments made by the scope, including people who left', () => {
  it('K6: class ended in the phase on or before asOf; reported when submitted on or before asOf', async () => {
    const r = await computeKpis(t.db, { scope: commune(), phase: 1, asOf: '2027-06-30' });
    // enrolments of C, not cancelled, class not cancelled, class end in [2026-01-01, 2027-06-30]:
    // An×2 (QLNN 30/06, CMNV 01/01/2026), Bình QLNN (failed), Dũng QLNN_LD, Cường CMNV Jan, Minh QLNN 30/06,
    // Minh KNBT 30/03, An KNBT 01/04, Bình KNBT 01/04 = 9 (Bình's KNBT of 2025 is before the phase)
    expect(ind(r, 'K6')).toMatchObject({ numerator: 1, denominator: 9, status: 'cham', target: 100 });
    const p = await kpiPeople(t.db, {
      scope: commune(),
      phase: 1,
      asOf: '2027-06-30',
      code: 'K6',
      part: 'numerator',
      page: 1,
      pageSize: 50,
    });
    expect(p.items.map((i) => Number(i.id))).toEqual([eLeftReported]);
    const missing = await kpiPeople(t.db, {
      scope: commune(),
      phase: 1,
      asOf: '2027-06-30',
      code: 'K6',
      part: 'missing',
      page: 1,
      pageSize: 50,
    });
    expect(missing.items.map((i) => Number(i.id))).toContain(eOnAsOfLateReport);
    const after = await computeKpis(t.db, { scope: commune(), phase: 1, asOf: '2027-07-02' });
    expect(ind(after, 'K6').numerator).toBe(2);
  });

  it('K7: completed enrolments whose 3-month point is on or before asOf; evaluated on or before asOf', async () => {
    const r = await computeKpis(t.db, { scope: commune(), phase: 1, asOf: '2027-06-30' });
    const den = await kpiPeople(t.db, {
      scope: commune(),
      phase: 1,
      asOf: '2027-06-30',
      code: 'K7',
      part: 'denominator',
      page: 1,
      pageSize: 50,
    });
    const ids = den.items.map((i) => Number(i.id));
    expect(ids).toContain(eLeftReported);
    expect(ids).toContain(eThreeMonthsExact);
    expect(ids).not.toContain(eThreeMonthsLater);
    // completed with 3-month point ≤ 30/06/2027: An CMNV 01/01/2026, Dũng QLNN_LD 01/05/2026, Cường CMNV Jan 2027, Minh KNBT 30/03
    expect(ind(r, 'K7')).toMatchObject({ numerator: 1, denominator: 4 });
    const later = await computeKpis(t.db, { scope: commune(), phase: 1, asOf: '2027-07-05' });
    expect(ind(later, 'K7').numerator).toBe(2);
  });

  it('K6/K7 of another commune count its own nominations only', async () => {
    const r = await computeKpis(t.db, { scope: { level: 'commune', communeCode: C2 }, phase: 1, asOf: '2027-06-30' });
    expect(ind(r, 'K6')).toMatchObject({ numerator: 0, denominator: 1 });
  });
});

describe('K8, status, children', () => {
  it('K8: professional programmes in use with ≥ 60% practice', async () => {
    expect(await names('K8', 'denominator', '2027-06-30')).toEqual([
      'KPI-P-CMNV – Chương trình kiểm thử CMNV',
      'KPI-P-KNBT – Chương trình kiểm thử KNBT',
    ]);
    expect(await names('K8', 'numerator', '2027-06-30')).toEqual(['KPI-P-CMNV – Chương trình kiểm thử CMNV']);
  });

  it('the province and the nation add up the communes; children list the communes', async () => {
    const prov = await computeKpis(t.db, { scope: { level: 'province', provinceCode: '66' }, phase: 1, asOf: '2027-06-30' });
    const kids = await computeChildKpis(t.db, { scope: { level: 'province', provinceCode: '66' }, phase: 1, asOf: '2027-06-30' });
    for (const code of ['K1', 'K2', 'K3', 'K5', 'K6', 'K7'] as const) {
      const sum = kids.reduce((s, k) => s + ind(k, code).denominator, 0);
      expect(sum, code).toBe(ind(prov, code).denominator);
    }
    const mine = kids.find((k) => k.code === C)!;
    const direct = await computeKpis(t.db, { scope: commune(), phase: 1, asOf: '2027-06-30' });
    expect(mine.indicators).toEqual(direct.indicators);
  });
});

describe('HTTP API', () => {
  let national: TestClient;
  let province: TestClient;
  let eaKar: TestClient;
  let learner: TestClient;
  beforeAll(async () => {
    [national, province, eaKar] = await Promise.all([t.loginAs('bonoivu'), t.loginAs('sonoivu.66'), t.loginAs('xa.24373')]);
    learner = await t.loginAs('hocvien.24373.1').catch(() => t.loginAs('hocvien.24133.1'));
  });

  it('GET /api/kpis returns the public shape with the same numbers as the engine', async () => {
    const res = await province.get(`/api/kpis?scope=commune:${C}&phase=1&asOf=2027-06-30`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<KpiResult>();
    expect(body.scope).toBe(`commune:${C}`);
    expect(body.indicators.map((i) => i.code)).toEqual(['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7', 'K8', 'P1']);
    const direct = await computeKpis(t.db, { scope: commune(), phase: 1, asOf: '2027-06-30' });
    expect(body).toEqual(direct);
    const nation = await national.get('/api/kpis?scope=nation&phase=1&asOf=2027-06-30');
    expect(nation.statusCode).toBe(200);
  });

  it('children and people pages', async () => {
    const ch = await province.get(`/api/kpis/children?scope=province:66&phase=1&asOf=2027-06-30`);
    expect(ch.statusCode, ch.body).toBe(200);
    expect(ch.json<KpiChildrenResponse>().items.find((i) => i.code === C)?.scope).toBe(`commune:${C}`);
    const pp = await province.get(`/api/kpis/people?scope=commune:${C}&phase=1&asOf=2027-06-30&code=K3&part=denominator&page=2&pageSize=3`);
    expect(pp.statusCode, pp.body).toBe(200);
    const body = pp.json<KpiPeopleResponse>();
    expect(body.total).toBe(7);
    expect(body.items).toHaveLength(3);
    const tr = await province.get(`/api/kpis/trend?scope=commune:${C}&phase=1&asOf=2027-06-30&code=K3`);
    expect(tr.statusCode, tr.body).toBe(200);
    const pts = tr.json<{ points: { asOf: string; numerator: number }[] }>().points;
    expect(pts[0]!.asOf).toBe('2026-01-31');
    expect(pts.at(-1)).toMatchObject({ asOf: '2027-06-30', numerator: 2 });
    expect(pts.find((p) => p.asOf === '2027-02-28')).toMatchObject({ numerator: 2 }); // An and Cường (in service then)
  });

  it('bad input: asOf outside 2026–2031, malformed or unknown scope, bad phase → 400 in Vietnamese naming the field', async () => {
    for (const [url, field] of [
      ['/api/kpis?scope=nation&phase=1&asOf=2025-12-31', 'asOf'],
      ['/api/kpis?scope=nation&phase=1&asOf=2032-01-01', 'asOf'],
      ['/api/kpis?scope=nation&phase=1&asOf=2027-02-30', 'asOf'],
      ['/api/kpis?scope=tinh:66&phase=1&asOf=2027-06-30', 'scope'],
      ['/api/kpis?scope=province:99&phase=1&asOf=2027-06-30', 'scope'],
      ['/api/kpis?scope=nation&phase=3&asOf=2027-06-30', 'phase'],
    ] as const) {
      const res = await national.get(url);
      expect(res.statusCode, url).toBe(400);
      const b = res.json<{ message: string; fields?: { field: string }[] }>();
      expect(b.message).toMatch(VIETNAMESE);
      expect(b.fields?.map((f) => f.field).join(','), url).toContain(field);
    }
  });

  it('scope refusals: a commune admin sees only its commune; a province admin only its province; a learner nothing', async () => {
    for (const url of [
      '/api/kpis?scope=nation&phase=1&asOf=2027-06-30',
      '/api/kpis?scope=province:66&phase=1&asOf=2027-06-30',
      `/api/kpis?scope=commune:${C}&phase=1&asOf=2027-06-30`,
      `/api/kpis/people?scope=commune:${C}&phase=1&asOf=2027-06-30&code=K1`,
      `/api/kpis/children?scope=province:66&phase=1&asOf=2027-06-30`,
    ]) {
      const res = await eaKar.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json<{ message: string }>().message).toMatch(VIETNAMESE);
    }
    expect((await eaKar.get('/api/kpis?scope=commune:24373&phase=1&asOf=2027-06-30')).statusCode).toBe(200);
    expect((await province.get('/api/kpis?scope=province:01&phase=1&asOf=2027-06-30')).statusCode).toBe(404);
    expect((await province.get('/api/kpis?scope=nation&phase=1&asOf=2027-06-30')).statusCode).toBe(404);
    const l = await learner.get('/api/kpis?scope=commune:24373&phase=1&asOf=2027-06-30');
    expect(l.statusCode).toBe(403);
    expect((await t.client().get('/api/kpis?scope=nation&phase=1&asOf=2027-06-30')).statusCode).toBe(401);
  });
});
