/**
 * Warnings (SPEC §9) on hand-made facts in commune 24133 (Đắk Lắk 66): each kind appears for the
 * commune, the province and the nation, not for another commune; refusals; the reminder job
 * notifies the commune admins once per week.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WarningsListResponse } from '@app/shared';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { remindWarnings } from './warnings.service.ts';
import { evaluationsNotDone, evaluationsNotDoneCount } from './warnings.repository.ts';
import { classNeedsNominees, minimumNominees, weeklyDedupeKey } from './warnings.rules.ts';

let t: TestContext;
const TODAY = '2026-11-23';
let belowId = '';
let soonClassId = 0;
let overdueEnrolment = 0;
let evalEnrolment = 0;

async function q<T extends object = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await t.pool.query<T>(text, params)).rows;
}
async function official(name: string): Promise<string> {
  const [r] = await q<{ id: string }>(
    `insert into officials (province_code, commune_code, full_name, given_name, birth_date, gender, official_type, is_leader, bloc)
     values ('66', '24133', $1, $2, '1984-04-04', 'nu', 'cong_chuc', false, 'ubnd') returning id`,
    [`Cảnh Báo ${name}`, name],
  );
  await q(
    `insert into official_assignments (official_id, province_code, commune_code, from_date) values ($1, '66', '24133', '2026-01-01')`,
    [r!.id],
  );
  return r!.id;
}

beforeAll(async () => {
  t = await createTestContext({ today: TODAY });
  const organiser = (await q<{ id: number }>(`select id from training_orgs order by id limit 1`))[0]!.id;
  const [p] = await q<{ id: number }>(
    `insert into programmes (code, name, type, owner, duration_days, total_hours, practice_hours, approval_status)
     values ('CB-CMNV', 'Chương trình kiểm thử cảnh báo', 'CMNV', 'ministry', 3, 100, 60, 'approved') returning id`,
  );
  const klass = async (code: string, start: string, end: string, status: string, capacity: number) =>
    (
      await q<{ id: number }>(
        `insert into classes (code, name, programme_id, programme_type, organiser_id, province_code, host_commune_code, mode, schedule_type, start_date, end_date, capacity, status)
         values ($1, $2, $3, 'CMNV', $4, '66', '24133', 'truc_tiep', 'trong_gio', $5, $6, $7, $8) returning id`,
        [code, `Lớp ${code}`, p!.id, organiser, start, end, capacity, status],
      )
    )[0]!.id;
  const enrol = async (classId: number, officialId: string, end: string, result: string | null) =>
    (
      await q<{ id: number }>(
        `insert into enrolments (class_id, official_id, province_code, commune_code, programme_type, class_end_date, decision_date, status, result)
         values ($1, $2, '66', '24133', 'CMNV', $3, '2026-01-05', 'nominated', $4) returning id`,
        [classId, officialId, end, result],
      )
    )[0]!.id;

  // below standard, never nominated
  belowId = await official('Thiếu Chuẩn');
  await q(`update officials set below_standard = true where id = $1`, [belowId]);
  await q(
    `insert into official_flags (official_id, province_code, commune_code, flag, from_date) values ($1, '66', '24133', 'below_standard', '2026-02-01')`,
    [belowId],
  );
  // a class in 5 days with 1 of 20 places taken; another far away (not warned); a full one (not warned)
  soonClassId = await klass('CB-SOON', '2026-11-28', '2026-11-30', 'open', 20);
  const later = await klass('CB-LATER', '2027-01-20', '2027-01-22', 'open', 20);
  const full = await klass('CB-FULL', '2026-11-26', '2026-11-27', 'open', 1);
  const someone = await official('Đã Cử');
  await enrol(soonClassId, someone, '2026-11-30', null);
  await enrol(later, someone, '2027-01-22', null);
  await enrol(full, someone, '2026-11-27', null);
  // a class that ended in May: self-report overdue, evaluation window open and overdue
  const past = await klass('CB-PAST', '2026-05-04', '2026-05-08', 'finished', 20);
  const learner = await official('Quá Hạn');
  overdueEnrolment = await enrol(past, learner, '2026-05-08', 'completed');
  evalEnrolment = overdueEnrolment;
  await q(
    `insert into post_training_evaluations (enrolment_id, official_id, province_code, commune_code, class_id, class_end_date, opens_on)
     values ($1, $2, '66', '24133', $3, '2026-05-08', '2026-08-08')`,
    [evalEnrolment, learner, past],
  );
  // a report request of the province due in 10 days, and one due in two months (not warned)
  await q(
    `insert into report_requests (kind, year, title, requester_level, requester_province_code, deadline)
     values ('adhoc', 2026, 'Báo cáo nhanh kết quả bồi dưỡng quý IV', 'province', '66', '2026-12-03'),
            ('adhoc', 2026, 'Báo cáo chuyên đề năm sau', 'province', '66', '2027-01-30')`,
  );
});
afterAll(async () => {
  await t?.close();
});

const groupOf = (r: WarningsListResponse, kind: string) => r.groups.find((g) => g.kind === kind)!;

describe('GET /api/warnings', () => {
  it('lists every kind for the commune admin in their own commune by default', async () => {
    const c = await t.loginAs('xa.24133');
    const res = await c.get('/api/warnings');
    expect(res.statusCode).toBe(200);
    const r = res.json<WarningsListResponse>();
    expect(r.scope).toBe('commune:24133');
    expect(r.asOf).toBe(TODAY);
    expect(groupOf(r, 'chua_cu_hoc').items.map((i) => i.key)).toContain(belowId);
    expect(groupOf(r, 'chua_cu_hoc').items.find((i) => i.key === belowId)!.link).toBe(`/can-bo/${belowId}`);
    expect(groupOf(r, 'qua_han_tu_bao_cao').items.map((i) => i.key)).toContain(String(overdueEnrolment));
    const ev = groupOf(r, 'den_han_danh_gia');
    expect(ev.available).toBe(true);
    expect(ev.items.find((i) => i.key === String(evalEnrolment))!.detail).toContain('Quá hạn');
    const classes = groupOf(r, 'lop_thieu_hoc_vien').items;
    expect(classes.map((i) => i.title)).toEqual(['CB-SOON – Lớp CB-SOON']);
    expect(classes[0]!.detail).toContain('1/20');
    expect(classes[0]!.detail).toContain('28/11/2026');
    const reports = groupOf(r, 'bao_cao_den_han').items;
    expect(reports.map((i) => i.title)).toEqual(['Báo cáo nhanh kết quả bồi dưỡng quý IV']);
    expect(reports[0]!.detail).toContain('03/12/2026');
    for (const g of r.groups) expect(g.count).toBeGreaterThanOrEqual(g.items.length);
  });

  it('shows the same facts at province and nation level, and none of them to another commune', async () => {
    const p = (await (await t.loginAs('sonoivu.66')).get('/api/warnings')).json<WarningsListResponse>();
    expect(p.scope).toBe('province:66');
    expect(p.scopeName).toBe('Tỉnh Đắk Lắk');
    // the province's own annual report to the ministry is due on 30/11 and not yet made
    const annual = groupOf(p, 'bao_cao_den_han').items.find((i) => i.date === '2026-11-30');
    expect(annual?.detail).toContain('30/11/2026');
    expect(groupOf(p, 'bao_cao_den_han').items.map((i) => i.title)).not.toContain('Báo cáo nhanh kết quả bồi dưỡng quý IV');
    expect(groupOf(p, 'chua_cu_hoc').items.map((i) => i.key)).toContain(belowId);
    expect(groupOf(p, 'lop_thieu_hoc_vien').items.map((i) => i.key)).toContain(String(soonClassId));
    const n = (await (await t.loginAs('bonoivu')).get('/api/warnings?scope=nation')).json<WarningsListResponse>();
    expect(groupOf(n, 'qua_han_tu_bao_cao').items.map((i) => i.key)).toContain(String(overdueEnrolment));
    const o = (await (await t.loginAs('xa.22015')).get('/api/warnings')).json<WarningsListResponse>();
    expect(o.scope).toBe('commune:22015');
    for (const g of o.groups) for (const i of g.items) expect(i.communeCode === '24133').toBe(false);
    expect(groupOf(o, 'lop_thieu_hoc_vien').items.map((i) => i.key)).not.toContain(String(soonClassId));
  });

  it('"chưa cử đi học" is exactly the needs module\'s list (same officials, same order, same count)', async () => {
    const c = await t.loginAs('sonoivu.66');
    for (const scope of ['province:66', 'commune:24133']) {
      const needs = (await c.get(`/api/needs/warnings?scope=${scope}&kind=below_standard_not_nominated&page=1&pageSize=200`)).json<{
        items: { officialId: string; message: string; since: string | null }[];
        total: number;
      }>();
      const w = (await c.get(`/api/warnings?scope=${scope}`)).json<WarningsListResponse>();
      const g = w.groups.find((x) => x.kind === 'chua_cu_hoc')!;
      expect(needs.total, scope).toBeGreaterThan(0);
      expect(g.count, scope).toBe(needs.total);
      expect(g.items.map((i) => [i.key, i.detail, i.date])).toEqual(needs.items.map((i) => [i.officialId, i.message, i.since ?? null]));
    }
  });

  it('the overdue list (kept in the exact cache) moves the moment a self-report is sent or a nomination made', async () => {
    const c = await t.loginAs('bonoivu');
    const overdue = async (scope: string) =>
      groupOf((await c.get(`/api/warnings?scope=${scope}`)).json<WarningsListResponse>(), 'qua_han_tu_bao_cao');
    const before = { nation: await overdue('nation'), province: await overdue('province:66') };
    expect(before.province.items.map((i) => i.key)).toContain(String(overdueEnrolment));
    // a second nomination of the same ended class, for another official: overdue at once, everywhere
    const [cls] = await q<{ class_id: number }>(`select class_id from enrolments where id = $1`, [overdueEnrolment]);
    const other = await official('Mới Quá Hạn');
    const [e] = await q<{ id: number }>(
      `insert into enrolments (class_id, official_id, province_code, commune_code, programme_type, class_end_date, decision_date, status, result)
       values ($1, $2, '66', '24133', 'CMNV', '2026-05-08', '2026-01-05', 'nominated', 'completed') returning id`,
      [cls!.class_id, other],
    );
    expect((await overdue('nation')).count).toBe(before.nation.count + 1);
    expect((await overdue('province:66')).items.map((i) => i.key)).toContain(String(e!.id));
    // its self-report arrives: gone again
    await q(
      `insert into self_reports (enrolment_id, official_id, province_code, commune_code, class_id, submitted_on, last_submitted_on, status, completed, apply_at_work)
       values ($1, $2, '66', '24133', $3, '2026-11-20', '2026-11-20', 'submitted', true, 'Áp dụng ngay ở bộ phận một cửa.')`,
      [e!.id, other, cls!.class_id],
    );
    expect((await overdue('nation')).count).toBe(before.nation.count);
    expect((await overdue('province:66')).items.map((i) => i.key)).not.toContain(String(e!.id));
  });

  it('the evaluations count is counted, not the length of the (limited) list', async () => {
    for (const place of [{ provinceCode: '66' }, { communeCode: '24133' }, { communeCode: '22015' }]) {
      const listed = await evaluationsNotDone(t.db, place, TODAY);
      expect(await evaluationsNotDoneCount(t.db, place, TODAY), JSON.stringify(place)).toBe(listed.length);
    }
    expect(await evaluationsNotDoneCount(t.db, { communeCode: '24133' }, TODAY)).toBeGreaterThan(0);
  });

  it('refuses other scopes, learners, anonymous callers and bad scopes', async () => {
    const other = await t.loginAs('xa.22015');
    expect((await other.get('/api/warnings?scope=commune:24133')).statusCode).toBe(404);
    expect((await other.get('/api/warnings?scope=province:66')).statusCode).toBe(404);
    const prov = await t.loginAs('sonoivu.66');
    expect((await prov.get('/api/warnings?scope=nation')).statusCode).toBe(404);
    expect((await (await t.loginAs('hocvien.24133.1')).get('/api/warnings')).statusCode).toBe(403);
    expect((await (await t.loginAs('truong.66')).get('/api/warnings')).statusCode).toBe(403);
    expect((await t.client().get('/api/warnings')).statusCode).toBe(401);
    const bad = await prov.get('/api/warnings?scope=tinh:66');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Phạm vi');
  });
});

describe('reminder job', () => {
  it('notifies the commune admin once per week and the unit head of an overdue learner', async () => {
    const sent = await remindWarnings(t.db, t.clock, new Date(`${TODAY}T01:00:00Z`));
    expect(sent).toBeGreaterThan(0);
    const rows = await q<{ username: string; title: string; body: string }>(
      `select u.username, n.title, n.body from notifications n join users u on u.id = n.user_id where n.kind = 'warnings' and u.username = 'xa.24133'`,
    );
    expect(rows.length).toBe(1);
    expect(rows[0]!.body).toContain('Lớp sắp khai giảng còn thiếu học viên: 1');
    expect(await remindWarnings(t.db, t.clock, new Date(`${TODAY}T02:00:00Z`))).toBe(0);
  });
});

describe('rules', () => {
  it('class threshold and window, weekly keys', () => {
    expect(minimumNominees(20)).toBe(16);
    expect(classNeedsNominees({ startDate: '2026-11-28', capacity: 20, nominated: 15 }, TODAY)).toBe(true);
    expect(classNeedsNominees({ startDate: '2026-11-28', capacity: 20, nominated: 16 }, TODAY)).toBe(false);
    expect(classNeedsNominees({ startDate: '2026-12-08', capacity: 20, nominated: 0 }, TODAY)).toBe(false);
    expect(classNeedsNominees({ startDate: '2026-11-22', capacity: 20, nominated: 0 }, TODAY)).toBe(false);
    expect(weeklyDedupeKey('commune', '24133', '2026-11-23')).toBe(weeklyDedupeKey('commune', '24133', '2026-11-29'));
    expect(weeklyDedupeKey('commune', '24133', '2026-11-23')).not.toBe(weeklyDedupeKey('commune', '24133', '2026-11-30'));
  });
});
