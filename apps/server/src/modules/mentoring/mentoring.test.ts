/** Mentoring pairs (SPEC §12) against real PostgreSQL: same-commune rule, who writes, who sees. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MentoringPairItem, MentoringPairListResponse } from '@app/shared';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { expectError, ok } from '../classes/test-support.ts';
import { learnerOf, type Learner } from '../learner/test-support.ts';

let t: TestContext;
let mentor: Learner;
let mentee: Learner;
let outsider: Learner;
let pair: MentoringPairItem;

beforeAll(async () => {
  t = await createTestContext({ today: '2026-11-23' });
  mentor = await learnerOf(t.pool, 'hocvien.22015.1');
  mentee = await learnerOf(t.pool, 'hocvien.22015.2');
  outsider = await learnerOf(t.pool, 'hocvien.24133.1');
});
afterAll(() => t.close());

describe('lập cặp', () => {
  it('người xã khác, cùng một người, thiếu quyền → từ chối; đúng → 201 kèm mục tiêu', async () => {
    const admin = await t.loginAs('xa.22015');
    const a = expectError(
      await admin.post('/api/mentoring/pairs', { mentorId: mentor.officialId, menteeId: outsider.officialId, fromDate: '2026-11-02' }),
      400,
      'VALIDATION_ERROR',
    );
    expect(a.fields?.[0]?.field).toBe('menteeId');
    const b = expectError(
      await admin.post('/api/mentoring/pairs', { mentorId: mentor.officialId, menteeId: mentor.officialId, fromDate: '2026-11-02' }),
      400,
      'VALIDATION_ERROR',
    );
    expect(b.fields?.[0]?.field).toBe('menteeId');
    expectError(
      await admin.post('/api/mentoring/pairs', { mentorId: mentor.officialId, menteeId: mentee.officialId, fromDate: '2026-02-30' }),
      400,
      'VALIDATION_ERROR',
    );
    const learner = await t.loginAs(mentor.username);
    expectError(
      await learner.post('/api/mentoring/pairs', { mentorId: mentor.officialId, menteeId: mentee.officialId, fromDate: '2026-11-02' }),
      403,
      'FORBIDDEN',
    );
    expect((await t.pool.query('select count(*)::int as n from mentoring_pairs')).rows[0].n).toBe(0);

    pair = await ok<MentoringPairItem>(
      admin.post('/api/mentoring/pairs', {
        mentorId: mentor.officialId,
        menteeId: mentee.officialId,
        fromDate: '2026-11-02',
        goal: 'Tự soạn được tờ trình về đất đai',
      }),
      201,
    );
    expect(pair).toMatchObject({ status: 'active', mentor: { id: mentor.officialId }, mentee: { id: mentee.officialId }, canManage: true });
    expect(pair.entries.map((e) => e.kind)).toEqual(['goal']);
    expectError(
      await admin.post('/api/mentoring/pairs', { mentorId: mentor.officialId, menteeId: mentee.officialId, fromDate: '2026-11-03' }),
      409,
      'CONFLICT',
    );
  });
});

describe('ghi và xem', () => {
  it('hai người trong cặp ghi buổi gặp, thấy cặp trong "của tôi"; người khác, xã khác không thấy', async () => {
    const m = await t.loginAs(mentee.username);
    const withNote = await ok<MentoringPairItem>(
      m.post(`/api/mentoring/pairs/${pair.id}/entries`, { kind: 'meeting', onDate: '2026-11-10', text: '<b>Trao đổi</b> cách lập hồ sơ' }),
      201,
    );
    expect(withNote.entries.at(-1)).toMatchObject({
      kind: 'meeting',
      text: '<b>Trao đổi</b> cách lập hồ sơ',
      authorUsername: mentee.username,
    });
    expectError(
      await m.post(`/api/mentoring/pairs/${pair.id}/entries`, { kind: 'meeting', onDate: '2026-10-01', text: 'trước ngày bắt đầu' }),
      400,
      'VALIDATION_ERROR',
    );
    for (const who of [mentor, mentee]) {
      const mine = await ok<MentoringPairListResponse>((await t.loginAs(who.username)).get('/api/mentoring/mine'));
      expect(mine.items.map((p) => p.id)).toContain(pair.id);
    }
    const peer = await t.loginAs('hocvien.22015.3');
    expectError(await peer.get(`/api/mentoring/pairs/${pair.id}`), 404, 'NOT_FOUND');
    expectError(
      await peer.post(`/api/mentoring/pairs/${pair.id}/entries`, { kind: 'meeting', onDate: '2026-11-10', text: 'x' }),
      404,
      'NOT_FOUND',
    );
    expect((await ok<MentoringPairListResponse>(peer.get('/api/mentoring/pairs'))).items).toEqual([]);
    const elsewhere = await t.loginAs('xa.24133');
    expectError(await elsewhere.get(`/api/mentoring/pairs/${pair.id}`), 404, 'NOT_FOUND');
    expect((await ok<MentoringPairListResponse>(elsewhere.get('/api/mentoring/pairs'))).items).toEqual([]);
    const province = await t.loginAs('sonoivu.66');
    expect((await ok<MentoringPairListResponse>(province.get('/api/mentoring/pairs'))).items.map((p) => p.id)).toContain(pair.id);
  });

  it('kết thúc cặp: chỉ quản trị xã; sau đó không ghi thêm', async () => {
    expectError(
      await (await t.loginAs(mentor.username)).post(`/api/mentoring/pairs/${pair.id}/end`, { version: pair.version }),
      403,
      'FORBIDDEN',
    );
    const admin = await t.loginAs('xa.22015');
    const ended = await ok<MentoringPairItem>(admin.post(`/api/mentoring/pairs/${pair.id}/end`, { version: pair.version }));
    expect(ended).toMatchObject({ status: 'ended', toDate: '2026-11-23', canWrite: false });
    expectError(
      await (
        await t.loginAs(mentor.username)
      ).post(`/api/mentoring/pairs/${pair.id}/entries`, { kind: 'goal', onDate: '2026-11-23', text: 'y' }),
      409,
      'CONFLICT',
    );
  });
});
