import { describe, expect, it } from 'vitest';
import type { PlanTarget } from '@app/shared';
import {
  combineProgress,
  defaultPlanTitle,
  elapsedPct,
  levelsManagedBy,
  normaliseTargets,
  parentIssue,
  placeIssue,
  planPeriod,
  planVisibleTo,
  yearIssue,
  type PlanPeriodFacts,
  type PlanReader,
} from './plans.rules.ts';
import { DEMO_PLANS } from './plans.seed.ts';

describe('periods and years', () => {
  it('a phase plan covers the phase; a yearly plan its year', () => {
    expect(planPeriod(1, null)).toEqual({ start: '2026-01-01', end: '2028-12-31' });
    expect(planPeriod(2, null)).toEqual({ start: '2029-01-01', end: '2031-12-31' });
    expect(planPeriod(1, 2027)).toEqual({ start: '2027-01-01', end: '2027-12-31' });
  });

  it('the year must lie in the phase', () => {
    expect(yearIssue(1, null)).toBeNull();
    expect(yearIssue(1, 2026)).toBeNull();
    expect(yearIssue(1, 2028)).toBeNull();
    expect(yearIssue(1, 2029)).toEqual({ field: 'year', message: 'năm 2029 không thuộc giai đoạn 1 (2026–2028)' });
    expect(yearIssue(1, 2025)?.field).toBe('year');
    expect(yearIssue(2, 2028)?.message).toContain('2029–2031');
    expect(yearIssue(2, 2031)).toBeNull();
  });
});

describe('places', () => {
  it('each level has exactly the place fields it needs', () => {
    expect(placeIssue({ level: 'national', provinceCode: null, communeCode: null })).toBeNull();
    expect(placeIssue({ level: 'national', provinceCode: '66', communeCode: null })?.field).toBe('provinceCode');
    expect(placeIssue({ level: 'province', provinceCode: null, communeCode: null })?.field).toBe('provinceCode');
    expect(placeIssue({ level: 'province', provinceCode: '66', communeCode: '24373' })?.field).toBe('communeCode');
    expect(placeIssue({ level: 'province', provinceCode: '66', communeCode: null })).toBeNull();
    expect(placeIssue({ level: 'commune', provinceCode: '66', communeCode: null })?.field).toBe('communeCode');
    expect(placeIssue({ level: 'commune', provinceCode: '66', communeCode: '24373' })).toBeNull();
  });
});

describe('targets', () => {
  const t = (programmeType: PlanTarget['programmeType'], classes: number, attendances: number): PlanTarget => ({
    programmeType,
    classes,
    attendances,
  });

  it('ALL defaults to the sum of the types and comes last; types keep the catalogue order', () => {
    expect(normaliseTargets([t('KNBT', 2, 50), t('CMCN', 1, 30)])).toEqual({
      targets: [t('CMCN', 1, 30), t('KNBT', 2, 50), t('ALL', 3, 80)],
    });
    expect(normaliseTargets([])).toEqual({ targets: [t('ALL', 0, 0)] });
  });

  it('ALL may exceed the split but not fall below it', () => {
    expect(normaliseTargets([t('ALL', 10, 100), t('CMNV', 4, 40)])).toEqual({ targets: [t('CMNV', 4, 40), t('ALL', 10, 100)] });
    expect(normaliseTargets([t('ALL', 4, 40), t('CMNV', 4, 40)])).toEqual({ targets: [t('CMNV', 4, 40), t('ALL', 4, 40)] });
    const classes = normaliseTargets([t('ALL', 3, 100), t('CMNV', 4, 40)]);
    expect(classes).toEqual({ issue: { field: 'targets', message: expect.stringContaining('tổng số lớp (ALL: 3)') } });
    const att = normaliseTargets([t('ALL', 4, 39), t('CMNV', 4, 40)]);
    expect(att).toEqual({ issue: { field: 'targets', message: expect.stringContaining('lượt người học (ALL: 39)') } });
  });

  it('duplicates and negatives are refused', () => {
    expect(normaliseTargets([t('CMNV', 1, 1), t('CMNV', 2, 2)])).toEqual({ issue: { field: 'targets', message: 'loại "CMNV" bị lặp' } });
    expect(normaliseTargets([t('CMNV', -1, 1)])).toEqual({ issue: { field: 'targets', message: 'chỉ tiêu không được âm' } });
    expect(normaliseTargets([t('CMNV', 1, -1)])).toMatchObject({ issue: { field: 'targets' } });
  });

  it('the demo plans carry the numbers of seed 001', () => {
    const sum = (key: string) => {
      const d = DEMO_PLANS.find((p) => p.key === key)!;
      return Object.values(d.split).reduce((a, [c, n]) => ({ classes: a.classes + c, attendances: a.attendances + n }), {
        classes: 0,
        attendances: 0,
      });
    };
    expect(sum('dak-lak-1')).toEqual({ classes: 168, attendances: 16_947 });
    expect(sum('dak-lak-2')).toEqual({ classes: 103, attendances: 10_342 });
  });
});

describe('parent plans', () => {
  const plan = (over: Partial<PlanPeriodFacts>): PlanPeriodFacts => ({
    level: 'province',
    provinceCode: '66',
    communeCode: null,
    phase: 1,
    year: null,
    ...over,
  });
  const withId = (id: number, p: PlanPeriodFacts) => ({ ...p, id });
  const national1 = withId(1, plan({ level: 'national', provinceCode: null }));
  const dl1 = withId(2, plan({}));
  const dl2026 = withId(3, plan({ year: 2026 }));
  const eaKar2026 = plan({ level: 'commune', communeCode: '24373', year: 2026 });

  it('up one level in the same phase', () => {
    expect(parentIssue(plan({}), national1)).toBeNull();
    expect(parentIssue(eaKar2026, dl2026)).toBeNull();
    expect(parentIssue(eaKar2026, dl1)).toBeNull();
    expect(parentIssue(plan({ level: 'commune', communeCode: '24373' }), dl1)).toBeNull();
  });

  it('a yearly plan under its own phase plan', () => {
    expect(parentIssue(plan({ year: 2027 }), dl1)).toBeNull();
    expect(parentIssue(plan({}), withId(9, plan({ year: 2026 })))?.field).toBe('parentPlanId');
    expect(parentIssue(plan({ year: 2027 }), withId(9, plan({ year: 2026 })))?.message).toContain('năm 2026');
    expect(parentIssue(plan({}), dl1, 9)?.message).toContain('cả giai đoạn');
  });

  it('refuses other phases, other provinces, skipped levels, the plan itself', () => {
    expect(parentIssue(plan({ phase: 2 }), national1)?.message).toContain('giai đoạn 1');
    expect(parentIssue(eaKar2026, withId(4, plan({ provinceCode: '01', year: 2026 })))?.message).toContain('tỉnh có xã này');
    expect(parentIssue(eaKar2026, national1)?.message).toContain('cấp ngay trên');
    expect(parentIssue(plan({ level: 'national', provinceCode: null }), dl1)?.message).toContain('cấp ngay trên');
    expect(parentIssue(plan({ year: 2026 }), dl2026, 3)?.message).toContain('chính nó');
    expect(
      parentIssue(plan({ level: 'commune', communeCode: '24373', year: 2026 }), withId(5, plan({ level: 'commune', communeCode: '24133' })))
        ?.field,
    ).toBe('parentPlanId');
  });
});

describe('who sees and manages which plan', () => {
  const national = { level: 'national' as const, provinceCode: null, communeCode: null };
  const dakLak = { level: 'province' as const, provinceCode: '66', communeCode: null };
  const hanoi = { level: 'province' as const, provinceCode: '01', communeCode: null };
  const eaKar = { level: 'commune' as const, provinceCode: '66', communeCode: '24373' };
  const bmt = { level: 'commune' as const, provinceCode: '66', communeCode: '24133' };
  const readers: [string, PlanReader, boolean[]][] = [
    ['nation', { level: 'nation', provinceCode: null, communeCode: null }, [true, true, true, true, true]],
    ['province 66', { level: 'province', provinceCode: '66', communeCode: null }, [true, true, false, true, true]],
    ['commune 24373', { level: 'commune', provinceCode: '66', communeCode: '24373' }, [true, true, false, true, false]],
    ['none', { level: 'none', provinceCode: null, communeCode: null }, [false, false, false, false, false]],
  ];
  for (const [label, reader, expected] of readers) {
    it(label, () => {
      expect([national, dakLak, hanoi, eaKar, bmt].map((p) => planVisibleTo(reader, p))).toEqual(expected);
    });
  }

  it('each level manages its own level and below', () => {
    expect(levelsManagedBy('nation')).toEqual(['national', 'province', 'commune']);
    expect(levelsManagedBy('province')).toEqual(['province', 'commune']);
    expect(levelsManagedBy('commune')).toEqual(['commune']);
    expect(levelsManagedBy('unit')).toEqual([]);
    expect(levelsManagedBy('training_org')).toEqual([]);
  });
});

describe('plan vs actual (P1)', () => {
  const period = { start: '2026-01-01', end: '2026-12-31' };
  const targets: PlanTarget[] = [
    { programmeType: 'CMNV', classes: 2, attendances: 60 },
    { programmeType: 'QLNN_CHUNG', classes: 0, attendances: 12 },
    { programmeType: 'ALL', classes: 3, attendances: 120 },
  ];

  it('per type with a target or classes held, overall against ALL, one-decimal percentages', () => {
    const p = combineProgress(period, '2026-11-23', targets, {
      CMNV: { classes: 1, attendances: 4 },
      KNBT: { classes: 2, attendances: 3 },
    });
    expect(p).toEqual({
      asOf: '2026-11-23',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      countedUntil: '2026-11-23',
      elapsedPct: 89.6,
      overall: {
        programmeType: 'ALL',
        plannedClasses: 3,
        actualClasses: 3,
        classesPct: 100,
        plannedAttendances: 120,
        actualAttendances: 7,
        attendancesPct: 5.8,
      },
      byProgrammeType: [
        {
          programmeType: 'QLNN_CHUNG',
          plannedClasses: 0,
          actualClasses: 0,
          classesPct: null,
          plannedAttendances: 12,
          actualAttendances: 0,
          attendancesPct: 0,
        },
        {
          programmeType: 'CMNV',
          plannedClasses: 2,
          actualClasses: 1,
          classesPct: 50,
          plannedAttendances: 60,
          actualAttendances: 4,
          attendancesPct: 6.7,
        },
        {
          programmeType: 'KNBT',
          plannedClasses: 0,
          actualClasses: 2,
          classesPct: null,
          plannedAttendances: 0,
          actualAttendances: 3,
          attendancesPct: null,
        },
      ],
    });
  });

  it('the elapsed share of the period gives the pace', () => {
    expect(elapsedPct(period, '2025-12-31')).toBe(0);
    expect(elapsedPct(period, '2026-01-01')).toBe(0.3);
    expect(elapsedPct(period, '2026-07-02')).toBe(50.1); // 183 of 365 days
    expect(elapsedPct(period, '2026-12-31')).toBe(100);
    expect(elapsedPct(period, '2027-06-01')).toBe(100);
    expect(elapsedPct({ start: '2026-01-01', end: '2028-12-31' }, '2027-07-02')).toBe(50);
  });

  it('counts until the earlier of the period end and the as-of date', () => {
    expect(combineProgress(period, '2027-03-01', targets, {}).countedUntil).toBe('2026-12-31');
    const none = combineProgress(period, '2026-05-01', targets, {});
    expect(none.overall).toMatchObject({ actualClasses: 0, actualAttendances: 0, classesPct: 0, attendancesPct: 0 });
    expect(none.byProgrammeType.map((r) => r.programmeType)).toEqual(['QLNN_CHUNG', 'CMNV']);
  });

  it('a default title names the place and the period', () => {
    expect(defaultPlanTitle('province', 'Tỉnh Đắk Lắk', 1, 2026)).toBe(
      'Kế hoạch bồi dưỡng cán bộ, công chức cấp xã – Tỉnh Đắk Lắk – năm 2026',
    );
    expect(defaultPlanTitle('national', null, 2, null)).toBe(
      'Kế hoạch bồi dưỡng cán bộ, công chức cấp xã – toàn quốc – giai đoạn 2029–2031',
    );
  });
});
