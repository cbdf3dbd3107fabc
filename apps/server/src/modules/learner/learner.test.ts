/** Learner overview: my classes and what is due, only my own. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LearnerOverview } from '@app/shared';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { ok } from '../classes/test-support.ts';
import { enrol, learnerOf, makeClassAt, PDF, postForm, type Learner } from './test-support.ts';

let t: TestContext;
let me: Learner;

beforeAll(async () => {
  t = await createTestContext({ today: '2026-11-23' });
  me = await learnerOf(t.pool, 'hocvien.24133.1');
});
afterAll(() => t.close());

describe('trang của tôi', () => {
  it('lớp đã kết thúc: báo cáo (quá hạn), khảo sát, bài thu hoạch; lớp đang học: chỉ bài thu hoạch; người khác không thấy', async () => {
    const old = await makeClassAt(t.pool, { startDate: '2026-10-01', endDate: '2026-10-02', requiresEssay: true });
    const eOld = await enrol(t.pool, old.id, me);
    const soon = await makeClassAt(t.pool, {
      startDate: '2026-11-20',
      endDate: '2026-11-30',
      status: 'running',
      requiresEssay: true,
      topics: ['A', 'B'],
    });
    await enrol(t.pool, soon.id, me);
    const c = await t.loginAs(me.username);
    const o = await ok<LearnerOverview>(c.get('/api/learner/overview'));
    expect(o.today).toBe('2026-11-23');
    expect(o.classes.map((x) => x.classId).sort()).toEqual([old.id, soon.id].sort());
    const kinds = o.tasks.map((x) => `${x.classId}:${x.kind}:${x.overdue}`);
    expect(kinds).toEqual(
      expect.arrayContaining([`${old.id}:self_report:true`, `${old.id}:survey:false`, `${old.id}:essay:false`, `${soon.id}:essay:false`]),
    );
    expect(kinds.filter((k) => k.startsWith(`${soon.id}:`))).toEqual([`${soon.id}:essay:false`]);
    expect(o.tasks[0]!.overdue).toBe(true);
    expect(o.classes.find((x) => x.classId === soon.id)?.sessions.map((s) => s.topic)).toEqual(['A', 'B']);
    expect(o.classes.find((x) => x.classId === old.id)).toMatchObject({ reportDueOn: '2026-10-02', reportOverdueAfter: '2026-10-17' });

    await ok(
      postForm(
        t.app,
        c,
        '/api/self-reports',
        { enrolmentId: String(eOld), completed: 'true', applyAtWork: 'Áp dụng ngay' },
        { name: 'a.pdf', content: PDF },
      ),
      201,
    );
    const after = await ok<LearnerOverview>(c.get('/api/learner/overview'));
    expect(after.tasks.some((x) => x.classId === old.id && x.kind === 'self_report')).toBe(false);
    expect(after.classes.find((x) => x.classId === old.id)?.selfReport?.status).toBe('submitted');

    const other = await t.loginAs('hocvien.24133.2');
    const theirs = await ok<LearnerOverview>(other.get('/api/learner/overview'));
    expect(theirs.classes.some((x) => x.classId === old.id || x.classId === soon.id)).toBe(false);
    const admin = await t.loginAs('xa.24133');
    expect((await ok<LearnerOverview>(admin.get('/api/learner/overview'))).classes).toEqual([]);
  });

  it('chưa đăng nhập → 401', async () => {
    expect((await t.client().get('/api/learner/overview')).statusCode).toBe(401);
  });
});
