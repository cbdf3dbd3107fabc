/** The learner-side demo data: what it promises is there, and seeding twice changes nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LearnerOverview, SurveySummary } from '@app/shared';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { seedDemoTraining } from '../classes/demo.ts';
import { ok } from '../classes/test-support.ts';
import { overdueSelfReports } from '../self-reports/self-reports.service.ts';
import { seedDemoLearner } from './demo.ts';

const TODAY = '2026-11-23';
let t: TestContext;
let first: Awaited<ReturnType<typeof seedDemoLearner>>;

beforeAll(async () => {
  t = await createTestContext({ today: TODAY });
  await t.db.transaction((tx) => seedDemoTraining(tx, TODAY));
  first = await t.db.transaction((tx) => seedDemoLearner(tx, TODAY));
});
afterAll(() => t.close());

describe('seedDemoLearner', () => {
  it('báo cáo đã xác nhận, chờ xác nhận, một bị trả lại và còn người quá hạn; chạy lại không thêm gì', async () => {
    expect(first.seeded).toBe(true);
    const by = (await t.pool.query<{ status: string; n: number }>('select status, count(*)::int as n from self_reports group by status'))
      .rows;
    const n = Object.fromEntries(by.map((r) => [r.status, r.n]));
    expect(n.confirmed).toBeGreaterThan(5);
    expect(n.submitted).toBeGreaterThan(0);
    expect(n.returned).toBe(1);
    const overdue = await overdueSelfReports(t.db, { level: 'province', provinceCode: '66' }, TODAY);
    expect(overdue.length).toBeGreaterThan(0);
    expect((await t.db.transaction((tx) => seedDemoLearner(tx, TODAY))).seeded).toBe(false);
    expect((await t.pool.query('select count(*)::int as n from self_reports')).rows[0].n).toBe(first.reports);
  });

  it('ít nhất một lớp đủ 5 phiếu khảo sát; có bài thu hoạch và đề xuất; hai cặp kèm cặp', async () => {
    const cls = (
      await t.pool.query<{ class_id: number }>('select class_id from survey_answers group by class_id having count(*) >= 5 limit 1')
    ).rows[0]!;
    const org = await t.loginAs('sonoivu.66');
    expect((await ok<SurveySummary>(org.get(`/api/surveys/classes/${cls.class_id}/summary`))).summary).not.toBeNull();
    expect(first.essays).toBeGreaterThan(3);
    expect((await t.pool.query('select count(*)::int as n from essays where is_proposal')).rows[0].n).toBeGreaterThan(0);
    expect(first.pairs).toBe(2);
  });

  it('hocvien.22015.1 còn đủ việc: báo cáo, khảo sát, bài thu hoạch', async () => {
    const c = await t.loginAs('hocvien.22015.1');
    const o = await ok<LearnerOverview>(c.get('/api/learner/overview'));
    const kinds = new Set(o.tasks.map((x) => x.kind));
    expect([...kinds].sort()).toEqual(['essay', 'self_report', 'survey']);
    const returned = await ok<LearnerOverview>((await t.loginAs('hocvien.24133.1')).get('/api/learner/overview'));
    expect(returned.tasks.find((x) => x.kind === 'self_report')?.note).toMatch(/Điểm ghi trong báo cáo/);
  });
});
