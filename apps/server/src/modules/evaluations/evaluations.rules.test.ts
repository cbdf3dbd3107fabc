import { describe, expect, it } from 'vitest';
import {
  addMonths,
  checkConfig,
  criteriaScore,
  DEFAULT_EVALUATION_CONFIG,
  evaluationLevel,
  evaluationScore,
  evaluationStatus,
  isWindowOpen,
  overdueFrom,
  windowOpensOn,
} from './evaluations.rules.ts';

const all = (score: number) =>
  Object.fromEntries(
    ['ung_dung', 'ket_qua_cong_vu', 'tham_muu', 'hai_long', 'phoi_hop', 'ky_luat', 'liem_chinh', 'trach_nhiem'].map((c) => [c, { score }]),
  );

describe('calendar-month arithmetic', () => {
  it.each([
    ['2026-05-31', '2026-08-31'],
    ['2026-05-29', '2026-08-29'],
    ['2026-11-30', '2027-02-28'],
    ['2027-11-30', '2028-02-29'],
    ['2026-11-29', '2027-02-28'],
    ['2027-11-29', '2028-02-29'],
    ['2026-12-31', '2027-03-31'],
    ['2026-10-31', '2027-01-31'],
    ['2026-03-31', '2026-06-30'],
    ['2026-01-15', '2026-04-15'],
  ])('%s + 3 months = %s', (from, to) => {
    expect(windowOpensOn(from)).toBe(to);
  });
  it('handles negative and year-crossing offsets', () => {
    expect(addMonths('2026-01-31', -2)).toBe('2025-11-30');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });
  it('opens exactly on the 3-month date, day by day around the boundary', () => {
    expect(isWindowOpen('2026-05-29', '2026-08-27')).toBe(false);
    expect(isWindowOpen('2026-05-29', '2026-08-28')).toBe(false);
    expect(isWindowOpen('2026-05-29', '2026-08-29')).toBe(true);
    expect(isWindowOpen('2026-05-29', '2026-08-30')).toBe(true);
    expect(isWindowOpen('2026-11-30', '2027-02-27')).toBe(false);
    expect(isWindowOpen('2026-11-30', '2027-02-28')).toBe(true);
  });
});

describe('due and overdue', () => {
  const base = { opensOn: '2026-08-29', evaluatedOn: null, overdueDays: 30 };
  it('is not open before, due for N days after opening, overdue after', () => {
    expect(overdueFrom('2026-08-29', 30)).toBe('2026-09-29');
    expect(evaluationStatus({ ...base, today: '2026-08-28' })).toBe('chua_mo');
    expect(evaluationStatus({ ...base, today: '2026-08-29' })).toBe('den_han');
    expect(evaluationStatus({ ...base, today: '2026-09-28' })).toBe('den_han');
    expect(evaluationStatus({ ...base, today: '2026-09-29' })).toBe('qua_han');
    expect(evaluationStatus({ ...base, overdueDays: 90, today: '2026-11-23' })).toBe('den_han');
    expect(evaluationStatus({ ...base, evaluatedOn: '2026-09-10', today: '2026-11-23' })).toBe('da_danh_gia');
    expect(evaluationStatus({ ...base, evaluatedOn: '2026-09-10', today: '2026-09-09' })).toBe('den_han');
  });
});

describe('scores and levels', () => {
  it('maps 1–5 to 0–100 with the criteria weights', () => {
    expect(criteriaScore(all(5), DEFAULT_EVALUATION_CONFIG.criteriaWeights)).toBe(100);
    expect(criteriaScore(all(1), DEFAULT_EVALUATION_CONFIG.criteriaWeights)).toBe(0);
    expect(criteriaScore(all(3), DEFAULT_EVALUATION_CONFIG.criteriaWeights)).toBe(50);
    const weights = {
      ...DEFAULT_EVALUATION_CONFIG.criteriaWeights,
      ung_dung: 100,
      ket_qua_cong_vu: 0,
      tham_muu: 0,
      hai_long: 0,
      phoi_hop: 0,
      ky_luat: 0,
      liem_chinh: 0,
      trach_nhiem: 0,
    };
    expect(criteriaScore({ ...all(1), ung_dung: { score: 4 } }, weights)).toBe(75);
  });
  it('needs the unit head; renormalises the source weights over the sources present', () => {
    const c = DEFAULT_EVALUATION_CONFIG;
    expect(evaluationScore({ self: all(5) }, c)).toBeNull();
    expect(evaluationScore({ unitHead: all(4) }, c)).toBe(75);
    // unit head 75 (w 50) + self 100 (w 20) → (3750 + 2000) / 70
    expect(evaluationScore({ unitHead: all(4), self: all(5) }, c)).toBe(82.14);
    // + citizen 60 (w 15) + peers avg of 50 and 100 = 75 (w 15)
    expect(evaluationScore({ unitHead: all(4), self: all(5), citizen: 60, peers: [all(3), all(5)] }, c)).toBe(
      Math.round(((50 * 75 + 20 * 100 + 15 * 60 + 15 * 75) / 100) * 100) / 100,
    );
  });
  it('levels at the thresholds', () => {
    const t = DEFAULT_EVALUATION_CONFIG.thresholds;
    expect(evaluationLevel(85, t)).toBe('rat_hieu_qua');
    expect(evaluationLevel(84.99, t)).toBe('hieu_qua');
    expect(evaluationLevel(70, t)).toBe('hieu_qua');
    expect(evaluationLevel(69.99, t)).toBe('it_hieu_qua');
    expect(evaluationLevel(50, t)).toBe('it_hieu_qua');
    expect(evaluationLevel(49.99, t)).toBe('khong_hieu_qua');
  });
  it('sum checks of the configuration', () => {
    expect(checkConfig(DEFAULT_EVALUATION_CONFIG)).toEqual([]);
    const bad = { ...DEFAULT_EVALUATION_CONFIG, criteriaWeights: { ...DEFAULT_EVALUATION_CONFIG.criteriaWeights, ung_dung: 25 } };
    expect(checkConfig(bad).map((p) => p.field)).toEqual(['criteriaWeights']);
    const badSrc = { ...DEFAULT_EVALUATION_CONFIG, sourceWeights: { self: 50, unit_head: 0, peer: 25, citizen: 25 } };
    expect(checkConfig(badSrc).map((p) => p.field)).toEqual(['sourceWeights.unit_head']);
    const badT = { ...DEFAULT_EVALUATION_CONFIG, thresholds: { ratHieuQua: 70, hieuQua: 70, itHieuQua: 50 } };
    expect(checkConfig(badT).map((p) => p.field)).toEqual(['thresholds']);
  });
});
