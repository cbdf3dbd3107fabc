/**
 * Post-training evaluations through the real API and PostgreSQL (SPEC §8): the 3-month window day by
 * day, who may record which source (unit head only for own unit's staff), score recomputation, the
 * national configuration with its sum checks, due/overdue lists, bad input and out-of-scope refusals.
 * The app clock stands on 23/11/2026, so a class ending 23/08/2026 opens exactly today.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationConfigResponse, EvaluationDetail, EvaluationListResponse, MyEvaluationsResponse } from '@app/shared';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { expectError, insertProgramme, loginAll, ok, orgIdOf, type AuditPage } from '../classes/test-support.ts';
import { answers, finishedClass, put, userRow } from './test-support.ts';
import { evaluationsDueOverdue } from './evaluations.service.ts';

let t: TestContext;
let national: TestClient;
let province: TestClient;
let bmt: TestClient; // xa.24133
let eakar: TestClient; // xa.24373
let learner: TestClient; // hocvien.24133.1
let peer: TestClient; // hocvien.24133.2
let head: TestClient; // head of the learner's unit
let otherHead: TestClient; // head of another unit of the same commune
let learnerOfficial: string;
let peerOfficial: string;
let programme: number;
let org: number;
let enrolOpen: number; // ended 22/08 → opened 22/11
let enrolToday: number; // ended 23/08 → opens 23/11 (today)
let enrolTomorrow: number; // ended 24/08 → opens 24/11
let enrolOld: number; // ended 29/05 → opened 29/08, overdue

beforeAll(async () => {
  t = await createTestContext({ today: '2026-11-23' });
  [national, province, bmt, eakar, learner, peer] = await loginAll(t, [
    'bonoivu',
    'sonoivu.66',
    'xa.24133',
    'xa.24373',
    'hocvien.24133.1',
    'hocvien.24133.2',
  ] as const);
  const l = await userRow(t.pool, 'hocvien.24133.1');
  learnerOfficial = l.official_id!;
  peerOfficial = (await userRow(t.pool, 'hocvien.24133.2')).official_id!;
  const heads = (
    await t.pool.query<{ username: string; unit_id: number }>(
      `select username, unit_id from users where username like 'donvi.24133.%' order by username`,
    )
  ).rows;
  const own = heads.find((h) => h.unit_id === l.unit_id)!;
  const other = heads.find((h) => h.unit_id !== l.unit_id)!;
  [head, otherHead] = await loginAll(t, [own.username, other.username] as const);
  programme = await insertProgramme(t.pool, { type: 'CMNV', name: 'Nghiệp vụ thử nghiệm đánh giá' });
  org = await orgIdOf(t.pool, 'TCT.66');
  enrolOpen = (
    await finishedClass(t.pool, {
      programmeId: programme,
      organiserId: org,
      endDate: '2026-08-22',
      officialIds: [learnerOfficial],
    })
  )[0]!;
  enrolToday = (
    await finishedClass(t.pool, {
      programmeId: programme,
      organiserId: org,
      endDate: '2026-08-23',
      officialIds: [learnerOfficial],
    })
  )[0]!;
  enrolTomorrow = (
    await finishedClass(t.pool, {
      programmeId: programme,
      organiserId: org,
      endDate: '2026-08-24',
      officialIds: [learnerOfficial],
    })
  )[0]!;
  enrolOld = (
    await finishedClass(t.pool, {
      programmeId: programme,
      organiserId: org,
      endDate: '2026-05-29',
      officialIds: [learnerOfficial, peerOfficial],
    })
  )[0]!;
});
afterAll(async () => {
  await t?.close();
});

const detail = (c: TestClient, id: number) => ok<EvaluationDetail>(c.get(`/api/evaluations/${id}`));

describe('the 3-month window, day by day', () => {
  it('refuses the day before the opening with the opening date in dd/mm/yyyy; nothing saved', async () => {
    const res = await put(head, `/api/evaluations/${enrolTomorrow}/unit-head`, answers(4));
    const body = expectError(res, 409, 'CONFLICT');
    expect(body.message).toContain('24/11/2026');
    expect(body.message).toContain('24/08/2026');
    const n = await t.pool.query(`select count(*)::int as n from post_training_evaluations where enrolment_id = $1`, [enrolTomorrow]);
    expect(n.rows[0].n).toBe(0);
    expectError(await put(learner, `/api/evaluations/${enrolTomorrow}/self`, answers(4)), 409, 'CONFLICT');
  });
  it('accepts on the opening day and the day after', async () => {
    const a = await ok<EvaluationDetail>(put(head, `/api/evaluations/${enrolToday}/unit-head`, answers(4)));
    expect(a).toMatchObject({ opensOn: '2026-11-23', evaluatedOn: '2026-11-23', score: 75, level: 'hieu_qua', status: 'da_danh_gia' });
    const b = await ok<EvaluationDetail>(put(learner, `/api/evaluations/${enrolOpen}/self`, answers(5)));
    expect(b).toMatchObject({ opensOn: '2026-11-22', evaluatedOn: null, score: null, status: 'den_han' });
  });
});

describe('sources and the score', () => {
  it('self first gives no score; the unit head completes it; later sources recompute without moving evaluated_on', async () => {
    let d = await ok<EvaluationDetail>(put(head, `/api/evaluations/${enrolOpen}/unit-head`, answers(4)));
    // unit head 75 (w 50) + self 100 (w 20)
    expect(d).toMatchObject({ evaluatedOn: '2026-11-23', score: 82.14, level: 'hieu_qua' });
    d = await ok<EvaluationDetail>(put(bmt, `/api/evaluations/${enrolOpen}/citizen`, { satisfaction: 100 }));
    expect(d.score).toBe(Math.round(((50 * 75 + 20 * 100 + 15 * 100) / 85) * 100) / 100);
    expect(d.evaluatedOn).toBe('2026-11-23');
    expect(d.sources.sort()).toEqual(['citizen', 'self', 'unit_head']);
    const audit = await ok<AuditPage>(bmt.get(`/api/audit?entityType=post_training_evaluation`));
    expect(audit.items.some((i) => i.action === 'evaluation.citizen')).toBe(true);
  });
  it('a head of another unit (same commune or elsewhere) is refused: staff outside the unit are out of scope (404)', async () => {
    const res = await put(otherHead, `/api/evaluations/${enrolOld}/unit-head`, answers(3));
    expectError(res, 404, 'NOT_FOUND');
    const far = await t.loginAs('donvi.24373.1');
    expectError(await put(far, `/api/evaluations/${enrolOld}/unit-head`, answers(3)), 404, 'NOT_FOUND');
    // the commune admin cannot stand in for the unit head
    expectError(await put(bmt, `/api/evaluations/${enrolOld}/unit-head`, answers(3)), 403, 'FORBIDDEN');
  });
  it('a learner may only assess themself', async () => {
    const [enrolPeer] = (
      await t.pool.query<{ id: number }>(
        `select id from enrolments where id <> $1 and official_id = $2 and class_end_date = '2026-05-29'`,
        [enrolOld, peerOfficial],
      )
    ).rows.map((r) => r.id);
    expectError(await put(learner, `/api/evaluations/${enrolPeer}/self`, answers(5)), 404, 'NOT_FOUND');
  });
  it('peers chosen by the unit head assess; the person themself cannot be a peer; other communes are refused', async () => {
    const bad = await put(head, `/api/evaluations/${enrolOld}/peers`, { officialIds: [learnerOfficial] });
    expectError(bad, 400, 'VALIDATION_ERROR');
    const farOfficial = (await userRow(t.pool, 'hocvien.24373.1')).official_id!;
    expectError(await put(head, `/api/evaluations/${enrolOld}/peers`, { officialIds: [farOfficial] }), 400, 'VALIDATION_ERROR');
    expectError(await put(peer, `/api/evaluations/${enrolOld}/peer`, answers(3)), 404, 'NOT_FOUND');
    await ok(put(head, `/api/evaluations/${enrolOld}/peers`, { officialIds: [peerOfficial] }));
    const mine = await ok<MyEvaluationsResponse>(peer.get('/api/evaluations/mine'));
    expect(mine.peerRequests.map((p) => p.enrolmentId)).toContain(enrolOld);
    await ok(put(peer, `/api/evaluations/${enrolOld}/peer`, answers(3)));
    const d = await detail(head, enrolOld);
    expect(d.sources).toEqual(['peer']);
    expect(d.score).toBeNull();
    expectError(await put(eakar, `/api/evaluations/${enrolOld}/peers`, { officialIds: [peerOfficial] }), 404, 'NOT_FOUND');
  });
  it('bad input: scores out of 1–5, a missing criterion, satisfaction over 100 — Vietnamese field errors, nothing saved', async () => {
    const six = answers(4);
    six.criteria.tham_muu = { score: 6, evidence: '' };
    const r1 = expectError(await put(head, `/api/evaluations/${enrolOld}/unit-head`, six), 400, 'VALIDATION_ERROR');
    expect(JSON.stringify(r1)).toContain('tham_muu');
    const missing = answers(4) as { criteria: Record<string, unknown> };
    delete missing.criteria.ky_luat;
    const r2 = expectError(await put(head, `/api/evaluations/${enrolOld}/unit-head`, missing), 400, 'VALIDATION_ERROR');
    expect(r2.message).toContain('ky_luat');
    expectError(await put(bmt, `/api/evaluations/${enrolOld}/citizen`, { satisfaction: 101 }), 400, 'VALIDATION_ERROR');
    expect((await detail(head, enrolOld)).sources).toEqual(['peer']);
  });
  it('evidence with <script> is stored as text', async () => {
    const a = answers(5, '<script>alert(1)</script> Đã áp dụng');
    await ok(put(learner, `/api/evaluations/${enrolOld}/self`, a));
    const mine = await ok<MyEvaluationsResponse>(learner.get('/api/evaluations/mine'));
    const item = mine.items.find((i) => i.enrolmentId === enrolOld)!;
    expect(item.responses[0]!.criteria.ung_dung!.evidence).toBe('<script>alert(1)</script> Đã áp dụng');
  });
});

describe('lists and scope', () => {
  it('the commune lists due/overdue; another commune sees none of them; the learner sees only their own', async () => {
    const list = await ok<EvaluationListResponse>(bmt.get('/api/evaluations'));
    const by = new Map(list.items.map((i) => [i.enrolmentId, i.status]));
    expect(by.get(enrolTomorrow)).toBe('chua_mo');
    expect(by.get(enrolOld)).toBe('qua_han');
    expect(by.get(enrolOpen)).toBe('da_danh_gia');
    const overdue = await ok<EvaluationListResponse>(bmt.get('/api/evaluations?status=qua_han'));
    expect(overdue.items.every((i) => i.status === 'qua_han')).toBe(true);
    const other = await ok<EvaluationListResponse>(eakar.get('/api/evaluations'));
    expect(other.items.some((i) => i.communeCode === '24133')).toBe(false);
    expectError(await eakar.get(`/api/evaluations/${enrolOld}`), 404, 'NOT_FOUND');
    const mine = await ok<EvaluationListResponse>(learner.get('/api/evaluations'));
    expect(mine.items.every((i) => i.officialId === learnerOfficial)).toBe(true);
    const otherUnit = await ok<EvaluationListResponse>(otherHead.get('/api/evaluations'));
    expect(otherUnit.items.some((i) => i.officialId === learnerOfficial)).toBe(false);
  });
  it('evaluationsDueOverdue counts per commune and unit', async () => {
    const r = await evaluationsDueOverdue(t.db, { level: 'commune', communeCode: '24133' }, '2026-11-23');
    expect(r.overdue.map((i) => i.enrolmentId).sort()).toEqual(
      (
        await t.pool.query<{ id: number }>(
          `select id from enrolments where class_end_date = '2026-05-29' and commune_code = '24133' order by id`,
        )
      ).rows
        .map((x) => x.id)
        .sort(),
    );
    expect(r.due).toEqual([]);
    expect(r.byCommune).toEqual([{ communeCode: '24133', communeName: expect.any(String), due: 0, overdue: 2 }]);
    const before = await evaluationsDueOverdue(t.db, { level: 'province', provinceCode: '66' }, '2026-09-28');
    expect(before.overdue).toEqual([]);
    expect(before.due.length).toBe(2);
  });
});

describe('national configuration', () => {
  it('only the national admin changes it; sums are checked; a change re-levels later computations', async () => {
    const cfg = await ok<EvaluationConfigResponse>(national.get('/api/evaluations/config'));
    expect(cfg.overdueDays).toBe(30);
    const { updatedAt: _u, ...body } = cfg;
    expectError(await put(province, '/api/evaluations/config', body), 403, 'FORBIDDEN');
    const bad = await put(national, '/api/evaluations/config', { ...body, criteriaWeights: { ...body.criteriaWeights, ung_dung: 30 } });
    const e = expectError(bad, 400, 'VALIDATION_ERROR');
    expect(e.message).toContain('100');
    const saved = await ok<EvaluationConfigResponse>(put(national, '/api/evaluations/config', { ...body, overdueDays: 120 }));
    expect(saved).toMatchObject({ overdueDays: 120, version: body.version + 1 });
    expectError(await put(national, '/api/evaluations/config', { ...body, overdueDays: 90 }), 409, 'VERSION_CONFLICT');
    const list = await ok<EvaluationListResponse>(bmt.get('/api/evaluations'));
    expect(list.items.find((i) => i.enrolmentId === enrolOld)?.status).toBe('den_han');
  });
});
