/**
 * The demo classes of Đắk Lắk (seedDemoTraining): what the demo promises is really there and
 * consistent — statuses, the liên-xã and online classes, results by the programme's rule, exactly
 * one cancelled and one waitlisted nomination, nobody in two overlapping classes, the guard example
 * refusing one more person, and the learners' and unit heads' views.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassListResponse, ComputeResultsResponse, EnrolmentListResponse } from '@app/shared';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { seedDemoTraining, type DemoTrainingResult } from './demo.ts';
import { expectError, insertProgramme, ok } from './test-support.ts';

const CATALOGUE = [
  ['BNV.CMCN.1', 'CMCN'],
  ['HVCTQG.KNBT.XLTH', 'KNBT'],
  ['BNV.CMNV.DAT_DAI', 'CMNV'],
  ['BNV.KNBT.CDS', 'KNBT'],
  ['BNV.CMNV.TTHC', 'CMNV'],
  ['BNV.KNBT.GTHC', 'KNBT'],
  ['BNV.CMNV.TCNS', 'CMNV'],
  ['BNV.QLNN_CHUNG.1', 'QLNN_CHUNG'],
] as const;

let t: TestContext;
let seeded: DemoTrainingResult;
const q = async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) => (await t.pool.query<T>(text, params)).rows;

beforeAll(async () => {
  t = await createTestContext({ today: '2026-11-23' });
  // The programme catalogue is seeded with the reference data; add whatever is missing so this test stands alone.
  for (const [code, type] of CATALOGUE) {
    if (!(await q('select 1 from programmes where code = $1', [code])).length) {
      await insertProgramme(t.pool, { code, type, requiresEssay: code.startsWith('HVCTQG') });
    }
  }
  seeded = await t.db.transaction((tx) => seedDemoTraining(tx));
});
afterAll(async () => {
  await t?.close();
});

describe('seedDemoTraining', () => {
  it('makes eight classes across 2026 in Đắk Lắk, once', async () => {
    expect(seeded).toMatchObject({ seeded: true, classes: 8, skipped: [] });
    expect(seeded.enrolments).toBeGreaterThan(80);
    const byStatus = await q<{ status: string; n: number }>(
      'select status, count(*)::int as n from classes group by status order by status',
    );
    expect(Object.fromEntries(byStatus.map((r) => [r.status, r.n]))).toEqual({ finished: 4, open: 2, planned: 1, running: 1 });
    expect(await t.db.transaction((tx) => seedDemoTraining(tx))).toMatchObject({ seeded: false, classes: 0 });
    expect((await q('select count(*)::int as n from classes'))[0]!.n).toBe(8);
  });

  it('the spring CMCN class: three months, officials below standard of the demo communes', async () => {
    const [c] = await q<{ id: number; start_date: string; end_date: string; schedule_type: string }>(
      `select id, start_date::text, end_date::text, schedule_type from classes where programme_type = 'CMCN'`,
    );
    expect(c).toMatchObject({ start_date: '2026-03-02', end_date: '2026-05-29', schedule_type: 'ngoai_gio' });
    const learners = await q<{ below: boolean; commune: string }>(
      `select o.below_standard as below, e.commune_code as commune from enrolments e join officials o on o.id = e.official_id where e.class_id = $1`,
      [c!.id],
    );
    expect(learners.length).toBeGreaterThan(10);
    expect(learners.every((l) => l.below)).toBe(true);
    expect(new Set(learners.map((l) => l.commune)).size).toBe(5);
  });

  it('the liên-xã class is hosted by Ea Kar for Ea Kar, Buôn Đôn and Ea Súp', async () => {
    const rows = await q<{ host: string; communes: string[] }>(`
      select k.host_commune_code as host, array_agg(cc.commune_code order by cc.commune_code) as communes
      from classes k join class_communes cc on cc.class_id = k.id where k.name like '%liên xã%' group by k.id`);
    expect(rows).toEqual([{ host: '24373', communes: ['24211', '24235', '24373'] }]);
    const learners = await q<{ commune: string }>(
      `select distinct e.commune_code as commune from enrolments e join classes k on k.id = e.class_id where k.name like '%liên xã%' order by 1`,
    );
    expect(learners.map((l) => l.commune)).toEqual(['24211', '24235', '24373']);
  });

  it('the national online class of the academy: 23–24/05/2026, bridge points, attendance per bridge point, an essay', async () => {
    const [c] = await q<{
      id: number;
      province_code: string | null;
      start_date: string;
      end_date: string;
      mode: string;
      requires_essay: boolean;
      org: string;
    }>(`
      select k.id, k.province_code, k.start_date::text, k.end_date::text, k.mode, p.requires_essay, o.code as org
      from classes k join programmes p on p.id = k.programme_id join training_orgs o on o.id = k.organiser_id where k.mode = 'truc_tuyen'`);
    expect(c).toMatchObject({ province_code: null, start_date: '2026-05-23', end_date: '2026-05-24', requires_essay: true, org: 'HVCTQG' });
    const points = await q<{ level: string; n: number }>(
      'select level, count(*)::int as n from bridge_points where class_id = $1 group by level order by level',
      [c!.id],
    );
    expect(points).toEqual([
      { level: 'tinh', n: 1 },
      { level: 'trung_uong', n: 1 },
      { level: 'xa', n: 5 },
    ]);
    const att = await q<{ status: string; bp: number | null; level: string | null }>(
      `select a.status, a.bridge_point_id as bp, b.level from attendance a join enrolments e on e.id = a.enrolment_id
       left join bridge_points b on b.id = a.bridge_point_id where e.class_id = $1`,
      [c!.id],
    );
    expect(att.length).toBeGreaterThan(0);
    expect(att.filter((a) => a.status === 'present').every((a) => a.bp !== null)).toBe(true);
    expect(new Set(att.filter((a) => a.status === 'present').map((a) => a.level))).toEqual(new Set(['xa', 'tinh']));
  });

  it('results of finished classes follow the programme rule: mostly completed, a few failed', async () => {
    const r = await q<{ result: string | null; n: number }>(`
      select e.result, count(*)::int as n from enrolments e join classes k on k.id = e.class_id
      where k.status = 'finished' and e.status = 'nominated' group by e.result`);
    const counts = Object.fromEntries(r.map((x) => [x.result ?? 'none', x.n]));
    expect(counts.none).toBeUndefined();
    expect(counts.failed).toBeGreaterThan(0);
    expect(counts.completed! / (counts.completed! + counts.failed!)).toBeGreaterThan(0.75);
    // Recomputing through the API (as the organiser) changes nothing.
    const org = await t.loginAs('truong.66');
    const [cmcn] = await q<{ id: number }>(`select id from classes where programme_type = 'CMCN'`);
    const before = await q<{ id: number; result: string; s: number | null }>(
      'select id, result, final_score::float as s from enrolments where class_id = $1 and status = $2 order by id',
      [cmcn!.id, 'nominated'],
    );
    const out = await ok<ComputeResultsResponse>(org.post(`/api/classes/${cmcn!.id}/results/compute`));
    expect(out.items.map((i) => [i.enrolmentId, i.result, i.finalScore]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual(
      before.map((b) => [b.id, b.result, b.s]),
    );
  });

  it('nominations carry decision numbers; exactly one cancelled, one waitlisted, one awaiting approval', async () => {
    const bad = await q(`
      select 1 from enrolments e join classes k on k.id = e.class_id
      where e.decision_no !~ '^\\d+/QĐ-UBND$' or e.decision_date > k.end_date or e.decision_date > '2026-11-23'`);
    expect(bad).toEqual([]);
    const s = await q<{ status: string; n: number }>(
      `select status, count(*)::int as n from enrolments where status <> 'nominated' group by status order by status`,
    );
    expect(s).toEqual([
      { status: 'cancelled', n: 1 },
      { status: 'pending_approval', n: 1 },
      { status: 'waitlisted', n: 1 },
    ]);
    const [w] = await q<{ waitlist_position: number }>(`select waitlist_position from enrolments where status = 'waitlisted'`);
    expect(w!.waitlist_position).toBe(1);
    const pending = await q<{ username: string }>(`
      select u.username from enrolments e join users u on u.unit_id = e.unit_id and u.role = 'unit_head' where e.status = 'pending_approval'`);
    const head = await t.loginAs(pending[0]!.username);
    const list = await ok<EnrolmentListResponse>(head.get('/api/enrolments?status=pending_approval'));
    expect(list.items).toHaveLength(1);
    expect(list.items[0]!.canApprove).toBe(true);
  });

  it('nobody sits in two classes whose dates overlap', async () => {
    const clashes = await q(`
      select 1 from enrolments a join classes ka on ka.id = a.class_id
      join enrolments b on b.official_id = a.official_id and b.id < a.id join classes kb on kb.id = b.class_id
      where a.status <> 'cancelled' and b.status <> 'cancelled' and ka.start_date <= kb.end_date and kb.start_date <= ka.end_date`);
    expect(clashes).toEqual([]);
  });

  it('the running class has attendance only for sessions already held, and no results', async () => {
    const [c] = await q<{ id: number }>(`select id from classes where status = 'running'`);
    const days = await q<{ d: string }>(
      `select distinct s.date::text as d from attendance a join class_sessions s on s.id = a.session_id where s.class_id = $1 order by 1`,
      [c!.id],
    );
    expect(days.map((x) => x.d)).toEqual(['2026-11-19', '2026-11-20']);
    expect(await q('select 1 from enrolments where class_id = $1 and result is not null', [c!.id])).toEqual([]);
  });

  it('the open office-hours class is at the guard limit: one more person of that unit is refused', async () => {
    const [c] = await q<{ id: number }>(`select id from classes where status = 'open' and schedule_type = 'trong_gio'`);
    const [unit] = await q<{ unit_id: number; n: number }>(
      `select unit_id, count(*)::int as n from enrolments where class_id = $1 group by unit_id order by n desc limit 1`,
      [c!.id],
    );
    const [next] = await q<{ id: string }>(
      `select o.id from officials o where o.unit_id = $1 and o.status = 'dang_cong_tac'
         and not exists (select 1 from enrolments e where e.official_id = o.id and e.class_id = $2) limit 1`,
      [unit!.unit_id, c!.id],
    );
    const bmt = await t.loginAs('xa.24133');
    const res = await bmt.post(`/api/classes/${c!.id}/nominations`, {
      decisionNo: '999/QĐ-UBND',
      decisionDate: '2026-11-23',
      officialIds: [next!.id],
    });
    const body = expectError(res, 409, 'CONFLICT');
    expect(body.message).toMatch(/Ngày 08\/12\/2026, .* chỉ còn \d+\/\d+ người \(tối đa 30% được vắng/);
  });

  it('demo learners see their own classes; the training org only its own', async () => {
    const learner = await t.loginAs('hocvien.24133.1');
    const mine = await ok<ClassListResponse>(learner.get('/api/classes'));
    expect(mine.total).toBeGreaterThan(0);
    const hcma = await ok<ClassListResponse>((await t.loginAs('truong.hvctqg')).get('/api/classes'));
    expect(hcma.items.map((i) => i.organiserName)).toEqual(['Học viện Chính trị quốc gia Hồ Chí Minh']);
    const org66 = await ok<ClassListResponse>((await t.loginAs('truong.66')).get('/api/classes'));
    expect(org66.total).toBe(7);
  });
});
