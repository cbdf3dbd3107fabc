import { describe, expect, it } from 'vitest';
import { completionOf, DEFAULT_COMPLETION_RULE, parseAttendanceCell, parseScoreCell, type LearnerRecord } from './results.rules.ts';

const P = 'present' as const;
const E = 'excused' as const;
const A = 'absent' as const;
const rec = (attendance: LearnerRecord['attendance'], scores: LearnerRecord['scores']): LearnerRecord => ({ attendance, scores });

describe('completionOf (Circular 01/2018 defaults: 100% attendance, excused up to 20%, every test ≥ 5)', () => {
  const rule = DEFAULT_COMPLETION_RULE;
  it('completed with full attendance and every assessment passed; final score is the average', () => {
    expect(completionOf(rec([P, P, P, P], [7, 8.5]), 4, 2, rule)).toEqual({
      result: 'completed',
      finalScore: 7.75,
      attendancePct: 100,
      reasons: [],
    });
  });
  it('excused absences count as attended up to 20% of the sessions', () => {
    expect(completionOf(rec([P, P, P, P, E], [6]), 5, 1, rule).result).toBe('completed');
    const two = completionOf(rec([P, P, P, E, E], [6]), 5, 1, rule);
    expect(two).toMatchObject({ result: 'failed', attendancePct: 80 });
    expect(two.reasons[0]).toBe(
      'Tham dự 80% số buổi (3/5 buổi có mặt, 2 buổi vắng có phép), chưa đạt 100% (vắng có phép được tính tối đa 20% số buổi)',
    );
    // 4 sessions: 20% is 0.8 of a session, so one excused absence already falls short of 100%.
    expect(completionOf(rec([P, P, P, E], [6]), 4, 1, rule)).toMatchObject({ result: 'failed', attendancePct: 95 });
  });
  it('an unexcused absence or a session without a record fails the default rule', () => {
    expect(completionOf(rec([P, P, A], [9]), 3, 1, rule).reasons[0]).toMatch(/1 buổi vắng không phép hoặc chưa điểm danh/);
    expect(completionOf(rec([P, P, null], [9]), 3, 1, rule).result).toBe('failed');
  });
  it('every assessment must reach the pass score; a missing one fails', () => {
    const low = completionOf(rec([P, P], [9, 4.99]), 2, 2, rule);
    expect(low).toMatchObject({ result: 'failed', finalScore: 7 }); // (9 + 4,99) / 2 = 6,995 → 7,00
    expect(low.reasons).toEqual(['Bài kiểm tra số 2 đạt 4,99 điểm, dưới mức đạt 5']);
    expect(completionOf(rec([P, P], [5, 5]), 2, 2, rule).result).toBe('completed');
    expect(completionOf(rec([P], [8.15, 6.1, 7]), 1, 3, rule).finalScore).toBe(7.08);
    const missing = completionOf(rec([P, P], [9]), 2, 2, rule);
    expect(missing).toMatchObject({ result: 'failed', finalScore: null, reasons: ['Chưa có điểm bài kiểm tra số 2'] });
  });
  it('reports every reason at once', () => {
    expect(completionOf(rec([A, P], [3]), 2, 1, rule).reasons).toHaveLength(2);
  });
  it('thresholds come from the programme', () => {
    const lenient = { minAttendancePct: 80, maxExcusedPct: 0, passScore: 4 };
    expect(completionOf(rec([P, P, P, P, A], [4]), 5, 1, lenient).result).toBe('completed');
    expect(completionOf(rec([P, P, P, E, E], [4]), 5, 1, lenient).result).toBe('failed'); // excused not counted at all
    expect(completionOf(rec([P, P, P, P, P], [3.5]), 5, 1, lenient).result).toBe('failed');
  });
  it('a class without assessments completes on attendance alone, without a final score', () => {
    expect(completionOf(rec([P], []), 1, 0, rule)).toEqual({ result: 'completed', finalScore: null, attendancePct: 100, reasons: [] });
  });
});

describe('cells of the results sheet', () => {
  it('attendance: labels in any case and with or without diacritics, codes, short marks, blank', () => {
    expect(parseAttendanceCell('Có mặt')).toBe('present');
    expect(parseAttendanceCell('  co  mat ')).toBe('present');
    expect(parseAttendanceCell('x')).toBe('present');
    expect(parseAttendanceCell('Vắng có phép')).toBe('excused');
    expect(parseAttendanceCell('VANG KHONG PHEP')).toBe('absent');
    expect(parseAttendanceCell('Có mặt'.normalize('NFD'))).toBe('present');
    expect(parseAttendanceCell('')).toBeNull();
    expect(parseAttendanceCell('muộn')).toBe('invalid');
  });
  it('scores: numbers, text with comma or dot, blank', () => {
    expect(parseScoreCell(7.5)).toBe(7.5);
    expect(parseScoreCell('7,5')).toBe(7.5);
    expect(parseScoreCell(' 10 ')).toBe(10);
    expect(parseScoreCell('')).toBeNull();
    expect(parseScoreCell('bảy')).toBe('invalid');
    expect(parseScoreCell('-1')).toBe('invalid');
  });
});
