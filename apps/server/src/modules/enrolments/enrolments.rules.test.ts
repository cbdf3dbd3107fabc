import { describe, expect, it } from 'vitest';
import {
  allocateSeats,
  checkContinuity,
  classDays,
  datesOverlap,
  decisionDateProblem,
  effectiveSettings,
  guardRefusalMessage,
  maxAway,
  needsUnitHeadApproval,
  promotesFromWaitlist,
  SERVICE_CENTRE_KIND,
  type GuardInput,
} from './enrolments.rules.ts';

describe('maxAway: at most the share (rounded down), and at least one person stays', () => {
  it.each([
    // staff, share %, most away
    [0, 30, 0],
    [1, 30, 0],
    [1, 100, 0],
    [2, 30, 0],
    [2, 50, 1],
    [2, 100, 1],
    [3, 30, 0],
    [4, 30, 1],
    [6, 30, 1],
    [7, 30, 2],
    [8, 30, 2],
    [9, 30, 2],
    [10, 30, 3],
    [10, 0, 0],
    [10, 100, 9],
    [40, 30, 12],
  ])('a unit of %i at %i%% may send %i', (staff, pct, expected) => {
    expect(maxAway(staff, pct)).toBe(expected);
  });
});

const unit = (id: number, staff: number, kind = 'phong_kinh_te', name = `Đơn vị ${id}`) => ({
  id,
  name,
  kind,
  communeCode: '24133',
  staff,
});
function input(over: Partial<GuardInput>): GuardInput {
  return {
    scheduleType: 'trong_gio',
    settings: { maxSharePct: 30, serviceCentreMinStaff: 2 },
    days: ['2027-03-15'],
    units: [],
    away: [],
    newcomers: [],
    ...over,
  };
}

describe('checkContinuity', () => {
  it('a unit of one cannot send its only person', () => {
    const r = checkContinuity(input({ units: [unit(1, 1, 'van_phong', 'Văn phòng')], newcomers: [{ officialId: 'a', unitId: 1 }] }));
    expect(r.ok).toBe(false);
    expect(r.shortfalls).toEqual([
      {
        date: '2027-03-15',
        unitId: 1,
        unitName: 'Văn phòng',
        communeCode: '24133',
        staff: 1,
        away: 1,
        present: 0,
        allowedAway: 0,
        reason: 'last_person',
        message: 'Ngày 15/03/2027, Văn phòng chỉ còn 0/1 người (đơn vị phải luôn còn ít nhất 1 người làm việc)',
      },
    ]);
  });

  it('a unit of two at 30%: nobody; at 50%: one', () => {
    const base = { units: [unit(1, 2)], newcomers: [{ officialId: 'a', unitId: 1 }] };
    const r = checkContinuity(input(base));
    expect(r.shortfalls[0]).toMatchObject({ reason: 'share', allowedAway: 0, present: 1 });
    expect(r.shortfalls[0]!.message).toBe('Ngày 15/03/2027, Đơn vị 1 chỉ còn 1/2 người (tối đa 30% được vắng, tức 0 người)');
    expect(checkContinuity(input({ ...base, settings: { maxSharePct: 50, serviceCentreMinStaff: 2 } })).ok).toBe(true);
    const both = checkContinuity(
      input({
        ...base,
        settings: { maxSharePct: 100, serviceCentreMinStaff: 2 },
        newcomers: [
          { officialId: 'a', unitId: 1 },
          { officialId: 'b', unitId: 1 },
        ],
      }),
    );
    expect(both.shortfalls[0]).toMatchObject({ reason: 'last_person', allowedAway: 1 });
  });

  it('exactly at the limit passes; one over fails (Phòng Kinh tế, 8 people, 30% = 2)', () => {
    const units = [unit(2, 8, 'phong_kinh_te', 'Phòng Kinh tế')];
    const away = [{ officialId: 'x', unitId: 2, date: '2027-03-15' }];
    expect(checkContinuity(input({ units, away, newcomers: [{ officialId: 'a', unitId: 2 }] })).ok).toBe(true);
    const over = checkContinuity(
      input({
        units,
        away,
        newcomers: [
          { officialId: 'a', unitId: 2 },
          { officialId: 'b', unitId: 2 },
        ],
      }),
    );
    expect(over.ok).toBe(false);
    expect(over.shortfalls[0]!.message).toBe('Ngày 15/03/2027, Phòng Kinh tế chỉ còn 5/8 người (tối đa 30% được vắng, tức 2 người)');
  });

  it('after-hours, evening and weekend classes never count', () => {
    for (const scheduleType of ['ngoai_gio', 'buoi_toi', 'cuoi_tuan'] as const) {
      const r = checkContinuity(input({ scheduleType, units: [unit(1, 1)], newcomers: [{ officialId: 'a', unitId: 1 }] }));
      expect(r).toEqual({ applies: false, ok: true, days: [], shortfalls: [] });
    }
  });

  it('people already away the same day (another class) add up; other days do not', () => {
    const units = [unit(3, 7)]; // 2 may go
    const away = [
      { officialId: 'x', unitId: 3, date: '2027-03-15' },
      { officialId: 'y', unitId: 3, date: '2027-03-16' },
    ];
    const one = checkContinuity(input({ units, away, days: ['2027-03-15', '2027-03-16'], newcomers: [{ officialId: 'a', unitId: 3 }] }));
    expect(one.ok).toBe(true);
    const away2 = [...away, { officialId: 'z', unitId: 3, date: '2027-03-16' }];
    const r = checkContinuity(
      input({ units, away: away2, days: ['2027-03-15', '2027-03-16'], newcomers: [{ officialId: 'a', unitId: 3 }] }),
    );
    expect(r.shortfalls.map((s) => [s.date, s.away])).toEqual([['2027-03-16', 3]]);
  });

  it('someone already counted (nominated earlier to this class) is counted once', () => {
    const r = checkContinuity(
      input({
        units: [unit(4, 4)],
        away: [{ officialId: 'a', unitId: 4, date: '2027-03-15' }],
        newcomers: [{ officialId: 'a', unitId: 4 }],
      }),
    );
    expect(r.ok).toBe(true);
  });

  it('the service centre keeps its minimum; the tighter limit wins', () => {
    const centre = unit(5, 5, SERVICE_CENTRE_KIND, 'Trung tâm phục vụ hành chính công');
    const two = [
      { officialId: 'a', unitId: 5 },
      { officialId: 'b', unitId: 5 },
    ];
    // 30% of 5 = 1: the share binds (the centre would allow 3).
    expect(checkContinuity(input({ units: [centre], newcomers: two })).shortfalls[0]).toMatchObject({ reason: 'share', allowedAway: 1 });
    // 100%: the share allows 4, the centre keeps 4 → 1 may go.
    const r = checkContinuity(input({ units: [centre], newcomers: two, settings: { maxSharePct: 100, serviceCentreMinStaff: 4 } }));
    expect(r.shortfalls[0]).toMatchObject({ reason: 'service_centre', allowedAway: 1, present: 3 });
    expect(r.shortfalls[0]!.message).toBe(
      'Ngày 15/03/2027, Trung tâm phục vụ hành chính công chỉ còn 3/5 người (Trung tâm phục vụ hành chính công phải luôn có ít nhất 4 người trực)',
    );
    // A centre smaller than its minimum can send nobody.
    const small = checkContinuity(
      input({
        units: [unit(6, 2, SERVICE_CENTRE_KIND)],
        newcomers: [{ officialId: 'a', unitId: 6 }],
        settings: { maxSharePct: 100, serviceCentreMinStaff: 3 },
      }),
    );
    expect(small.shortfalls[0]).toMatchObject({ reason: 'service_centre', allowedAway: 0 });
  });

  it('only reports units and days the request adds someone to; people without a unit are not counted', () => {
    const r = checkContinuity(
      input({
        units: [unit(7, 1), unit(8, 10)],
        // unit 7 is already over its limit, but nobody new joins it
        away: [{ officialId: 'x', unitId: 7, date: '2027-03-15' }],
        newcomers: [
          { officialId: 'a', unitId: 8 },
          { officialId: 'b', unitId: null },
        ],
      }),
    );
    expect(r).toEqual({ applies: true, ok: true, days: ['2027-03-15'], shortfalls: [] });
  });

  it('sorts shortfalls by day then unit name, and the refusal names each', () => {
    const r = checkContinuity(
      input({
        days: ['2027-03-16', '2027-03-15'],
        units: [unit(1, 1, 'a', 'Văn phòng HĐND và UBND'), unit(2, 1, 'b', 'Phòng Kinh tế')],
        newcomers: [
          { officialId: 'a', unitId: 1 },
          { officialId: 'b', unitId: 2 },
        ],
      }),
    );
    expect(r.shortfalls.map((s) => [s.date, s.unitName])).toEqual([
      ['2027-03-15', 'Phòng Kinh tế'],
      ['2027-03-15', 'Văn phòng HĐND và UBND'],
      ['2027-03-16', 'Phòng Kinh tế'],
      ['2027-03-16', 'Văn phòng HĐND và UBND'],
    ]);
    const msg = guardRefusalMessage(r.shortfalls);
    expect(msg).toMatch(
      /^Cử học trong giờ hành chính như vậy sẽ làm đơn vị thiếu người làm việc: Ngày 15\/03\/2027, Phòng Kinh tế chỉ còn 0\/1 người/,
    );
    expect(msg).toMatch(/overrideReason/);
    const many = Array.from({ length: 12 }, () => r.shortfalls[0]!);
    expect(guardRefusalMessage(many)).toMatch(/và 2 trường hợp khác/);
  });
});

describe('classDays', () => {
  it('are the session dates, distinct and sorted', () => {
    expect(classDays({ startDate: '2027-03-15', endDate: '2027-03-20' }, ['2027-03-17', '2027-03-15', '2027-03-17'])).toEqual([
      '2027-03-15',
      '2027-03-17',
    ]);
  });
  it('without sessions: every working day of the dates', () => {
    // 2027-03-19 is a Friday; 20–21 weekend; 22 Monday.
    expect(classDays({ startDate: '2027-03-19', endDate: '2027-03-22' }, [])).toEqual(['2027-03-19', '2027-03-22']);
    expect(classDays({ startDate: '2027-03-20', endDate: '2027-03-21' }, [])).toEqual([]);
  });
});

describe('allocateSeats', () => {
  it('gives free seats in order, then the waiting list continues after its last position', () => {
    const people = [{ needsApproval: false }, { needsApproval: true }, { needsApproval: false }, { needsApproval: true }];
    expect(allocateSeats(people, 5, 3, 0)).toEqual([
      { status: 'nominated', waitlistPosition: null },
      { status: 'pending_approval', waitlistPosition: null },
      { status: 'waitlisted', waitlistPosition: 1 },
      { status: 'waitlisted', waitlistPosition: 2 },
    ]);
    expect(allocateSeats(people.slice(0, 2), 5, 5, 4)).toEqual([
      { status: 'waitlisted', waitlistPosition: 5 },
      { status: 'waitlisted', waitlistPosition: 6 },
    ]);
    // A class made smaller than its seats taken has no free seat (never a negative count).
    expect(allocateSeats([{ needsApproval: false }], 2, 3, 0)).toEqual([{ status: 'waitlisted', waitlistPosition: 1 }]);
  });
});

describe('small rules', () => {
  it('decision date: by today and by the class end', () => {
    expect(decisionDateProblem('2026-11-23', '2026-11-23', '2026-12-01')).toBeNull();
    expect(decisionDateProblem('2026-11-24', '2026-11-23', '2026-12-01')).toBe(
      'không được sau ngày hôm nay (23/11/2026), đang là 24/11/2026',
    );
    expect(decisionDateProblem('2026-11-21', '2026-11-23', '2026-11-20')).toBe(
      'không được sau ngày bế giảng của lớp (20/11/2026), đang là 21/11/2026',
    );
    expect(decisionDateProblem('2026-11-20', '2026-11-23', '2026-11-20')).toBeNull();
  });
  it('overlap of dates is inclusive', () => {
    const a = { startDate: '2026-12-14', endDate: '2026-12-16' };
    expect(datesOverlap(a, { startDate: '2026-12-16', endDate: '2026-12-18' })).toBe(true);
    expect(datesOverlap(a, { startDate: '2026-12-17', endDate: '2026-12-18' })).toBe(false);
    expect(datesOverlap(a, { startDate: '2026-12-01', endDate: '2026-12-31' })).toBe(true);
  });
  it('approval: asked by the class or the province, only for people with a unit', () => {
    expect(needsUnitHeadApproval(true, false, true)).toBe(true);
    expect(needsUnitHeadApproval(false, true, true)).toBe(true);
    expect(needsUnitHeadApproval(false, false, true)).toBe(false);
    expect(needsUnitHeadApproval(true, true, false)).toBe(false);
  });
  it('settings default to 30%, 2 people, no approval', () => {
    expect(effectiveSettings(undefined)).toEqual({ maxSharePct: 30, serviceCentreMinStaff: 2, requireUnitHeadApproval: false });
    expect(effectiveSettings({ maxSharePct: 25, serviceCentreMinStaff: 3, requireUnitHeadApproval: true })).toEqual({
      maxSharePct: 25,
      serviceCentreMinStaff: 3,
      requireUnitHeadApproval: true,
    });
  });
  it('the waiting list moves while the class is planned, open or running', () => {
    expect(['planned', 'open', 'running', 'finished', 'closed', 'cancelled'].map(promotesFromWaitlist)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
