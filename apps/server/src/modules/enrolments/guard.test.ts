/**
 * The service-continuity guard through the real API (SPEC §6; Decision 700 §I.3; seed 002 §I.2):
 * units of one and two people, exactly at the limit vs one over, evening/weekend classes not
 * counted, two classes on the same day adding up, the public-service centre's minimum, waiting-list
 * places not counted, and the override with a reason (stored and audited) vs without.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ClassDetail, ContinuitySettings, NominateResponse } from '@app/shared';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import {
  addOfficial,
  expectError,
  insertProgramme,
  makeClass,
  ok,
  unitWithStaff,
  loginAll,
  type AuditPage,
} from '../classes/test-support.ts';

let t: TestContext;
let national: TestClient;
let province: TestClient;
let org66: TestClient;
let bmt: TestClient; // xa.24133
let prog: number;

beforeAll(async () => {
  t = await createTestContext({ today: '2026-11-23' });
  [national, province, org66, bmt] = await loginAll(t, ['bonoivu', 'sonoivu.66', 'truong.66', 'xa.24133'] as const);
  prog = await insertProgramme(t.pool, { type: 'KNBT', code: 'T.KNBT.GT', name: 'Kỹ năng giao tiếp hành chính' });
});
afterAll(async () => {
  await t?.close();
});

async function setSettings(s: Partial<Pick<ContinuitySettings, 'maxSharePct' | 'serviceCentreMinStaff'>>) {
  const now = await ok<ContinuitySettings>(province.get('/api/continuity-settings/66'));
  await ok(
    province.request('PUT', '/api/continuity-settings/66', {
      maxSharePct: 30,
      serviceCentreMinStaff: 2,
      requireUnitHeadApproval: false,
      ...s,
      version: now.version,
    }),
  );
}
beforeEach(async () => {
  await setSettings({});
});

/** An open class of Buôn Ma Thuột with sessions on the given days (none: every working day counts). */
async function openClass(
  opts: { scheduleType?: string; days?: string[]; startDate?: string; endDate?: string; capacity?: number } = {},
): Promise<ClassDetail> {
  const days = opts.days ?? ['2026-12-07', '2026-12-08'];
  const c = await makeClass(org66, {
    programmeId: prog,
    hostCommuneCode: '24133',
    scheduleType: (opts.scheduleType ?? 'trong_gio') as 'trong_gio',
    startDate: opts.startDate ?? days[0] ?? '2026-12-07',
    endDate: opts.endDate ?? days[days.length - 1] ?? '2026-12-08',
    capacity: opts.capacity ?? 100,
  });
  for (const date of days) await ok(org66.post(`/api/classes/${c.id}/sessions`, { date, startTime: '07:30', endTime: '11:00' }), 201);
  return ok<ClassDetail>(org66.post(`/api/classes/${c.id}/status`, { status: 'open' }));
}
let seq = 1;
const nominate = (classId: number, officialIds: string[], overrideReason?: string) =>
  bmt.post(`/api/classes/${classId}/nominations`, {
    decisionNo: `${seq++}/QĐ-UBND`,
    decisionDate: '2026-11-20',
    officialIds,
    ...(overrideReason !== undefined ? { overrideReason } : {}),
  });
const enrolled = async (classId: number) =>
  (await t.pool.query('select count(*)::int as n from enrolments where class_id = $1', [classId])).rows[0].n as number;

describe('the rule: at most the share away, at least one person stays', () => {
  it('a unit of one person can never send its only person in office hours', async () => {
    const unit = await unitWithStaff(t.pool, '24133', 1);
    const c = await openClass();
    const res = await nominate(c.id, [unit.people[0]!.id]);
    const body = expectError(res, 409, 'CONFLICT');
    expect(body.message).toContain(`Ngày 07/12/2026, ${unit.name} chỉ còn 0/1 người (đơn vị phải luôn còn ít nhất 1 người làm việc)`);
    expect(body.message).toContain('Ngày 08/12/2026');
    expect(body.fields?.map((f) => f.field)).toEqual([`guard.2026-12-07.${unit.id}`, `guard.2026-12-08.${unit.id}`]);
    expect(await enrolled(c.id)).toBe(0);
  });

  it('a unit of two: 30% of 2 is 0 people; with a 50% share one may go', async () => {
    const unit = await unitWithStaff(t.pool, '24133', 2);
    const c = await openClass();
    const body = expectError(await nominate(c.id, [unit.people[0]!.id]), 409, 'CONFLICT');
    expect(body.message).toContain(`${unit.name} chỉ còn 1/2 người (tối đa 30% được vắng, tức 0 người)`);
    await setSettings({ maxSharePct: 50 });
    await ok(nominate(c.id, [unit.people[0]!.id]), 201);
    const second = expectError(await nominate(c.id, [unit.people[1]!.id]), 409, 'CONFLICT');
    expect(second.message).toContain(`${unit.name} chỉ còn 0/2 người (đơn vị phải luôn còn ít nhất 1 người làm việc)`);
  });

  it('exactly at the limit is accepted; one over is refused', async () => {
    const unit = await unitWithStaff(t.pool, '24133', 10); // 30% of 10 = 3
    const c = await openClass();
    const out = await ok<NominateResponse>(
      nominate(
        c.id,
        unit.people.slice(0, 3).map((p) => p.id),
      ),
      201,
    );
    expect(out.guard).toMatchObject({
      applies: true,
      ok: true,
      overridden: false,
      maxSharePct: 30,
      days: ['2026-12-07', '2026-12-08'],
      shortfalls: [],
    });
    const over = expectError(await nominate(c.id, [unit.people[3]!.id]), 409, 'CONFLICT');
    expect(over.message).toContain(`Ngày 07/12/2026, ${unit.name} chỉ còn 6/10 người (tối đa 30% được vắng, tức 3 người)`);
    expect(over.message).toMatch(/overrideReason/);
  });

  it('evening, weekend and after-hours classes never count', async () => {
    const unit = await unitWithStaff(t.pool, '24133', 1);
    for (const scheduleType of ['buoi_toi', 'cuoi_tuan', 'ngoai_gio']) {
      const c = await openClass({
        scheduleType,
        days: scheduleType === 'cuoi_tuan' ? ['2026-12-12'] : ['2026-12-0' + (scheduleType === 'buoi_toi' ? '1' : '3')],
      });
      const out = await ok<NominateResponse>(nominate(c.id, [unit.people[0]!.id]), 201);
      expect(out.guard).toMatchObject({ applies: false, ok: true });
    }
    // …and people away in them do not count against an office-hours class either.
    const office = await openClass({ days: ['2026-12-15'] });
    const big = await unitWithStaff(t.pool, '24133', 4); // 30% of 4 = 1
    const evening = await openClass({ scheduleType: 'buoi_toi', days: ['2026-12-15'] });
    await ok(nominate(evening.id, [big.people[0]!.id]), 201);
    await ok(nominate(office.id, [big.people[1]!.id]), 201);
  });

  it('two classes on the same day add up; a class on another day does not', async () => {
    const unit = await unitWithStaff(t.pool, '24133', 7); // 30% of 7 = 2
    const a = await openClass({ days: ['2026-12-14'] });
    const b = await openClass({ days: ['2026-12-14'] });
    const other = await openClass({ days: ['2026-12-16'] });
    await ok(nominate(a.id, [unit.people[0]!.id]), 201);
    await ok(nominate(b.id, [unit.people[1]!.id]), 201);
    const third = expectError(await nominate(b.id, [unit.people[2]!.id]), 409, 'CONFLICT');
    expect(third.message).toContain(`Ngày 14/12/2026, ${unit.name} chỉ còn 4/7 người (tối đa 30% được vắng, tức 2 người)`);
    await ok(nominate(other.id, [unit.people[2]!.id]), 201);
  });

  it('a class without a timetable yet takes people away on every working day of its dates', async () => {
    const unit = await unitWithStaff(t.pool, '24133', 4); // 1 may go
    const noSessions = await openClass({ days: [], startDate: '2026-12-18', endDate: '2026-12-21' }); // Fri, Sat, Sun, Mon
    await ok(nominate(noSessions.id, [unit.people[0]!.id]), 201);
    const monday = await openClass({ days: ['2026-12-21'] });
    expect(expectError(await nominate(monday.id, [unit.people[1]!.id]), 409, 'CONFLICT').message).toContain('Ngày 21/12/2026');
    const saturday = await openClass({ scheduleType: 'trong_gio', days: ['2026-12-19'] });
    await ok(nominate(saturday.id, [unit.people[1]!.id]), 201);
  });

  it('the public-service centre keeps its minimum of people present', async () => {
    const centre = await unitWithStaff(t.pool, '24133', 4, {
      kind: 'trung_tam_phvhcc',
      name: `Trung tâm phục vụ hành chính công thử ${seq}`,
    });
    await setSettings({ maxSharePct: 100, serviceCentreMinStaff: 3 }); // the share would let 3 go; the centre keeps 3 → 1 may go
    const c = await openClass({ days: ['2026-12-22'] });
    const res = expectError(
      await nominate(
        c.id,
        centre.people.slice(0, 2).map((p) => p.id),
      ),
      409,
      'CONFLICT',
    );
    expect(res.message).toContain(
      `Ngày 22/12/2026, ${centre.name} chỉ còn 2/4 người (Trung tâm phục vụ hành chính công phải luôn có ít nhất 3 người trực)`,
    );
    await ok(nominate(c.id, [centre.people[0]!.id]), 201);
    await setSettings({ maxSharePct: 100, serviceCentreMinStaff: 2 });
    await ok(nominate(c.id, [centre.people[1]!.id]), 201);
  });

  it('people who only get a waiting-list place are not away; people without a unit are not counted', async () => {
    const unit = await unitWithStaff(t.pool, '24133', 1);
    const full = await openClass({ days: ['2026-12-23'], capacity: 1 });
    const loner = await addOfficial(t.pool, { commune: '24133', unitId: null });
    const first = await ok<NominateResponse>(nominate(full.id, [loner.id]), 201);
    expect(first.guard.shortfalls).toEqual([]);
    const out = await ok<NominateResponse>(nominate(full.id, [unit.people[0]!.id]), 201);
    expect(out.items[0]).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
  });
});

describe('override', () => {
  it('without a reason the nomination is refused; with one it is saved on the enrolments and audited', async () => {
    const unit = await unitWithStaff(t.pool, '24133', 1);
    const c = await openClass({ days: ['2026-12-28'] });
    expectError(await nominate(c.id, [unit.people[0]!.id], '   '), 409, 'CONFLICT');
    const reason = 'Lớp bắt buộc theo Kế hoạch 45/KH-UBND; đã phân công người trực thay';
    const out = await ok<NominateResponse>(nominate(c.id, [unit.people[0]!.id], reason), 201);
    expect(out.guard).toMatchObject({ applies: true, ok: false, overridden: true });
    expect(out.guard.shortfalls).toEqual([
      expect.objectContaining({
        date: '2026-12-28',
        unitId: unit.id,
        staff: 1,
        away: 1,
        present: 0,
        allowedAway: 0,
        reason: 'last_person',
      }),
    ]);
    expect(out.items[0]).toMatchObject({ status: 'nominated', guardOverrideReason: reason });
    const a = await ok<AuditPage>(national.get('/api/audit?action=enrolment.guard_override&pageSize=50'));
    const entry = a.items.find((i) => i.entityId === String(c.id))!;
    expect(entry.actorUsername).toBe('xa.24133');
    expect(entry.after).toMatchObject({
      reason,
      enrolmentIds: [out.items[0]!.id],
      shortfalls: [expect.objectContaining({ unitId: unit.id, date: '2026-12-28' })],
    });
    const nominateEntry = (await ok<AuditPage>(national.get('/api/audit?action=enrolment.nominate&pageSize=200'))).items.find(
      (i) => i.entityId === String(out.items[0]!.id),
    )!;
    expect(nominateEntry.after).toMatchObject({ guardOverrideReason: reason });
  });

  it('a reason given when nothing is broken is not stored', async () => {
    const unit = await unitWithStaff(t.pool, '24133', 10);
    const c = await openClass({ days: ['2026-12-29'] });
    const out = await ok<NominateResponse>(nominate(c.id, [unit.people[0]!.id], 'Phòng khi thiếu người'), 201);
    expect(out.guard).toMatchObject({ ok: true, overridden: false });
    expect(out.items[0]!.guardOverrideReason).toBeNull();
  });
});
