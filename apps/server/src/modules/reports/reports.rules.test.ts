/** Pure rules of reports: deadlines and overdue, as-of date, status gates, consolidation, Decree 30 text pieces. */
import { describe, expect, it } from 'vitest';
import type { ReportRow } from '@app/shared';
import {
  asOfFor,
  canEditStatus,
  canReviewStatus,
  canSubmitStatus,
  consolidateRows,
  deadlineOf,
  defaultTitle,
  documentNumberLine,
  emptyBudget,
  emptyClassCounts,
  emptyEvaluations,
  isOverdue,
  issuingBody,
  percentOf,
  placeDateLine,
  sectionTitlesFor,
} from './reports.rules.ts';

describe('deadlines', () => {
  it('provinces → ministry by 30/11; communes by the province date, default 10/12; the ministry 31/12', () => {
    expect(deadlineOf('province', 2026)).toBe('2026-11-30');
    expect(deadlineOf('commune', 2027)).toBe('2027-12-10');
    expect(deadlineOf('commune', 2027, '2027-12-05')).toBe('2027-12-05');
    expect(deadlineOf('nation', 2028)).toBe('2028-12-31');
  });
  it('overdue only after the deadline and only while not sent up', () => {
    expect(isOverdue('draft', '2026-11-30', '2026-11-30')).toBe(false);
    expect(isOverdue('draft', '2026-11-30', '2026-12-01')).toBe(true);
    expect(isOverdue('missing', '2026-11-30', '2026-12-01')).toBe(true);
    expect(isOverdue('returned', '2026-11-30', '2026-12-01')).toBe(true);
    expect(isOverdue('submitted', '2026-11-30', '2026-12-01')).toBe(false);
    expect(isOverdue('accepted', '2026-11-30', '2027-01-01')).toBe(false);
    expect(isOverdue('draft', null, '2031-12-31')).toBe(false);
  });
  it('numbers are as of today inside the year, 31/12 after it', () => {
    expect(asOfFor(2026, '2026-11-23')).toBe('2026-11-23');
    expect(asOfFor(2026, '2027-02-05')).toBe('2026-12-31');
    expect(asOfFor(2026, '2026-12-31')).toBe('2026-12-31');
  });
});

describe('status gates', () => {
  it('edit and submit only a draft or a returned report; review only a submitted one', () => {
    expect(['draft', 'returned'].every((s) => canEditStatus(s as 'draft') && canSubmitStatus(s as 'draft'))).toBe(true);
    expect(canEditStatus('submitted') || canEditStatus('accepted') || canSubmitStatus('submitted')).toBe(false);
    expect(canReviewStatus('submitted')).toBe(true);
    expect(canReviewStatus('draft') || canReviewStatus('returned') || canReviewStatus('accepted')).toBe(false);
  });
});

function row(code: string, k1: [number, number], held: number, spent: number, good: number): ReportRow {
  return {
    code,
    name: code,
    indicators: [
      { code: 'K1', label: 'K1', numerator: k1[0], denominator: k1[1], percent: percentOf(k1[0], k1[1]), target: '100%', status: 'cham' },
    ],
    classes: { ALL: { ...emptyClassCounts(), heldAttendances: held }, CMCN: { ...emptyClassCounts(), heldAttendances: held } },
    budget: { ...emptyBudget(), spentLocal: spent },
    evaluations: { ...emptyEvaluations(), hieu_qua: good },
  };
}

describe('consolidation', () => {
  it('adds counts and recomputes the percentage from the sums (not an average of percentages)', () => {
    const c = consolidateRows('66', 'Tỉnh Đắk Lắk', [
      row('a', [1, 4], 10, 1_000_000, 3),
      row('b', [3, 4], 5, 500_000, 2),
      row('c', [0, 2], 0, 0, 0),
    ]);
    const k1 = c.indicators.find((i) => i.code === 'K1')!;
    expect([k1.numerator, k1.denominator]).toEqual([4, 10]);
    expect(k1.percent).toBe(40);
    expect(c.classes.ALL!.heldAttendances).toBe(15);
    expect(c.classes.CMCN!.heldAttendances).toBe(15);
    expect(c.budget.spentLocal).toBe(1_500_000);
    expect(c.evaluations.hieu_qua).toBe(5);
  });
  it('nothing to consolidate gives empty totals; a zero denominator gives no percentage', () => {
    expect(consolidateRows('x', 'x', []).indicators).toEqual([]);
    expect(percentOf(0, 0)).toBeNull();
    expect(percentOf(1, 3)).toBe(33.33);
  });
});

describe('Decree 30/2020 pieces', () => {
  it('place-date line: leading zero for days 1–9 and months 1–2 only', () => {
    expect(placeDateLine('Buôn Ma Thuột', '2027-02-05')).toBe('Buôn Ma Thuột, ngày 05 tháng 02 năm 2027');
    expect(placeDateLine('Đắk Lắk', '2026-11-23')).toBe('Đắk Lắk, ngày 23 tháng 11 năm 2026');
    expect(placeDateLine('Hà Nội', '2026-03-09')).toBe('Hà Nội, ngày 09 tháng 3 năm 2026');
    expect(placeDateLine('Hà Nội', '2026-01-10')).toBe('Hà Nội, ngày 10 tháng 01 năm 2026');
  });
  it('number line and issuing body', () => {
    expect(documentNumberLine('15')).toBe('Số: 15/BC-UBND');
    expect(documentNumberLine(null)).toMatch(/^Số: +\/BC-UBND$/);
    expect(issuingBody('province', 'Tỉnh Đắk Lắk')).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH ĐẮK LẮK']);
    expect(issuingBody('commune', 'Xã Ea Kar')[1]).toBe('XÃ EA KAR');
  });
  it('titles and sections', () => {
    expect(defaultTitle('annual', 2026, 'Tỉnh Đắk Lắk')).toContain('năm 2026 của Tỉnh Đắk Lắk');
    expect(defaultTitle('adhoc', 2026, 'Xã Ea Kar', 'Tình hình cử đi học quý IV')).toBe('Tình hình cử đi học quý IV - Xã Ea Kar');
    expect(sectionTitlesFor([]).map((s) => s.id)).toEqual(['results', 'difficulties', 'proposals']);
    expect(sectionTitlesFor(['Số liệu', 'Kiến nghị'])).toEqual([
      { id: 's1', title: 'Số liệu' },
      { id: 's2', title: 'Kiến nghị' },
    ]);
  });
});
