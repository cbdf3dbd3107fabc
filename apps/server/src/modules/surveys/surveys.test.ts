/** Course survey against real PostgreSQL: one answer per learner, anonymity, the 5-answer threshold, instructors' rating. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SurveySummary } from '@app/shared';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { expectError, ok } from '../classes/test-support.ts';
import { enrol, learnerOf, makeClassAt, type Learner } from '../learner/test-support.ts';
import { instructorRatings } from './surveys.service.ts';

let t: TestContext;
let learners: Learner[];
let cls: { id: number; name: string };

const answer = (n: number, extra: Record<string, unknown> = {}) => ({
  programme: n,
  instructors: n,
  facilities: 3,
  organisation: 4,
  ownGain: 5,
  instructorsComment: `Giảng viên nêu nhiều ví dụ ở xã (phiếu ${n})`,
  ...extra,
});

beforeAll(async () => {
  t = await createTestContext({ today: '2026-11-23' });
  learners = [];
  for (let i = 1; i <= 5; i++) learners.push(await learnerOf(t.pool, `hocvien.22015.${i}`));
  cls = await makeClassAt(t.pool, { startDate: '2026-11-09', endDate: '2026-11-11' });
  for (const l of learners) await enrol(t.pool, cls.id, l);
});
afterAll(() => t.close());

describe('trả lời phiếu', () => {
  it('điểm ngoài 1–5 → 400 nêu trường; chưa học lớp → 404; lớp chưa kết thúc → 409', async () => {
    const c = await t.loginAs(learners[0]!.username);
    const bad = expectError(await c.post(`/api/surveys/classes/${cls.id}`, answer(6)), 400, 'VALIDATION_ERROR');
    expect(bad.fields?.map((f) => f.field)).toContain('programme');
    expectError(await c.post(`/api/surveys/classes/${cls.id}`, answer(0)), 400, 'VALIDATION_ERROR');
    const other = await makeClassAt(t.pool, { startDate: '2026-11-09', endDate: '2026-11-11' });
    expectError(await c.post(`/api/surveys/classes/${other.id}`, answer(4)), 404, 'NOT_FOUND');
    const running = await makeClassAt(t.pool, { startDate: '2026-11-20', endDate: '2026-11-27', status: 'running' });
    await enrol(t.pool, running.id, learners[0]!);
    expectError(await c.post(`/api/surveys/classes/${running.id}`, answer(4)), 409, 'CONFLICT');
    expect(
      (await t.pool.query('select count(*)::int as n from survey_answers where class_id = any($1)', [[cls.id, other.id, running.id]]))
        .rows[0].n,
    ).toBe(0);
  });

  it('trả lời lần hai → 409, không thêm phiếu; phiếu không có cột nào trỏ tới người trả lời', async () => {
    const c = await t.loginAs(learners[0]!.username);
    await ok(c.post(`/api/surveys/classes/${cls.id}`, answer(4, { programmeComment: '<script>alert(1)</script>' })), 201);
    const again = expectError(await c.post(`/api/surveys/classes/${cls.id}`, answer(2)), 409, 'CONFLICT');
    expect(again.message).toContain('một lần');
    expect((await t.pool.query('select count(*)::int as n from survey_answers where class_id = $1', [cls.id])).rows[0].n).toBe(1);
    const cols = (await t.pool.query(`select column_name from information_schema.columns where table_name = 'survey_answers'`)).rows.map(
      (r) => r.column_name as string,
    );
    expect(cols.filter((c) => /official|user|person|created|enrol|at$/.test(c))).toEqual([]);
    const audit = await t.pool.query(`select after from audit_log where action = 'survey.answer' and entity_id = $1`, [String(cls.id)]);
    expect(audit.rows).toEqual([{ after: { answered: true } }]);
  });
});

describe('tổng hợp: chỉ khi có từ 5 phiếu', () => {
  it('4 phiếu → không lộ gì; phiếu thứ 5 → điểm trung bình, phân bố, ý kiến', async () => {
    for (const l of learners.slice(1, 4))
      await ok((await t.loginAs(l.username)).post(`/api/surveys/classes/${cls.id}`, answer(2 + (learners.indexOf(l) % 3))), 201);
    const org = await t.loginAs('truong.66');
    const four = await ok<SurveySummary>(org.get(`/api/surveys/classes/${cls.id}/summary`));
    expect(four).toEqual({ classId: cls.id, className: cls.name, answers: 4, minimum: 5, summary: null });

    await ok((await t.loginAs(learners[4]!.username)).post(`/api/surveys/classes/${cls.id}`, answer(5)), 201);
    const five = await ok<SurveySummary>(org.get(`/api/surveys/classes/${cls.id}/summary`));
    expect(five.answers).toBe(5);
    const scores = [4, 3, 4, 2, 5]; // learners 1..5: 4, then 2 + (i % 3) for i = 1..3, then 5
    const avg = Math.round((scores.reduce((a, b) => a + b, 0) / 5) * 100) / 100;
    expect(five.summary?.averages).toEqual({ programme: avg, instructors: avg, facilities: 3, organisation: 4, ownGain: 5 });
    expect(five.summary?.distribution.facilities).toEqual([0, 0, 5, 0, 0]);
    expect(five.summary?.comments.find((c) => c.object === 'programme')?.text).toBe('<script>alert(1)</script>');
    expect(JSON.stringify(five)).not.toMatch(new RegExp(learners.map((l) => l.officialId).join('|')));

    const province = await t.loginAs('sonoivu.66');
    expect((await ok<SurveySummary>(province.get(`/api/surveys/classes/${cls.id}/summary`))).summary).not.toBeNull();
  });

  it('ngoài phạm vi hoặc không có quyền: cơ sở đào tạo khác 404, học viên 403', async () => {
    expectError(await (await t.loginAs('truong.hvctqg')).get(`/api/surveys/classes/${cls.id}/summary`), 404, 'NOT_FOUND');
    const learner = await t.loginAs(learners[0]!.username);
    const r = await learner.get(`/api/surveys/classes/${cls.id}/summary`);
    expect([403, 404]).toContain(r.statusCode);
  });

  it('điểm giảng viên: trung bình phần "giảng viên" của các lớp đủ 5 phiếu', async () => {
    const ins = (await t.pool.query<{ instructor_id: number }>('select instructor_id from class_sessions where class_id = $1', [cls.id]))
      .rows[0]!.instructor_id;
    const ratings = await instructorRatings(t.db, [ins]);
    expect(ratings.get(ins)).toBe(3.6);
    const viaApi = await ok<{ averageRating: number | null }>((await t.loginAs('sonoivu.66')).get(`/api/instructors/${ins}`));
    expect(viaApi.averageRating).toBe(3.6);
    const fewer = await makeClassAt(t.pool, { startDate: '2026-11-09', endDate: '2026-11-11' });
    const ins2 = (await t.pool.query<{ instructor_id: number }>('select instructor_id from class_sessions where class_id = $1', [fewer.id]))
      .rows[0]!.instructor_id;
    await enrol(t.pool, fewer.id, learners[0]!);
    await ok((await t.loginAs(learners[0]!.username)).post(`/api/surveys/classes/${fewer.id}`, answer(1)), 201);
    expect((await instructorRatings(t.db, [ins2])).has(ins2)).toBe(false);
  });
});
