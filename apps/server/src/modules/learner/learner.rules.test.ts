/** Unit tests of the pure learner-side rules. */
import { describe, expect, it } from 'vitest';
import { addDays, isoWeek } from './files.rules.ts';
import { isReportOverdue, reportLastDay, reviewProblem, submitProblem } from '../self-reports/self-reports.rules.ts';
import { aggregate, answerProblem, mayReveal } from '../surveys/surveys.rules.ts';
import { essayProblem, normaliseTags, unknownTopics } from '../essays/essays.rules.ts';
import { mayWrite, pairProblem } from '../mentoring/mentoring.rules.ts';

describe('ngày', () => {
  it('ngày và tuần ISO', () => {
    expect(addDays('2026-12-25', 15)).toBe('2027-01-09');
    expect(isoWeek('2026-11-23')).toBe('2026-W48');
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2025-12-29')).toBe('2026-W01');
  });
});

describe('báo cáo kết quả', () => {
  it('hạn 15 ngày tính từng ngày', () => {
    expect(reportLastDay('2026-09-01')).toBe('2026-09-16');
    expect(isReportOverdue('2026-09-01', '2026-09-16', null)).toBe(false);
    expect(isReportOverdue('2026-09-01', '2026-09-17', null)).toBe(true);
    expect(isReportOverdue('2026-09-01', '2026-09-17', '2026-09-17')).toBe(false);
    expect(isReportOverdue('2026-09-01', '2026-09-17', '2026-09-18')).toBe(true);
  });
  it('nộp từ ngày lớp kết thúc; chỉ người được cử', () => {
    const base = { enrolmentStatus: 'nominated', classStatus: 'finished', classEndDate: '2026-11-23' };
    expect(submitProblem({ ...base, today: '2026-11-22' })).toMatch(/chưa kết thúc/);
    expect(submitProblem({ ...base, today: '2026-11-23' })).toBeNull();
    expect(submitProblem({ ...base, enrolmentStatus: 'waitlisted', today: '2026-11-23' })).not.toBeNull();
  });
  it('xác nhận/trả lại', () => {
    expect(reviewProblem('submitted', 'confirm', undefined)).toBeNull();
    expect(reviewProblem('submitted', 'return', ' ')?.field).toBe('comment');
    expect(reviewProblem('confirmed', 'confirm', undefined)).not.toBeNull();
    expect(reviewProblem('returned', 'confirm', undefined)).not.toBeNull();
  });
});

describe('khảo sát', () => {
  it('ngưỡng 5 phiếu và điểm trung bình', () => {
    expect(mayReveal(4)).toBe(false);
    expect(mayReveal(5)).toBe(true);
    const a = aggregate([
      { programme: 5, instructors: 4, facilities: 3, organisation: 2, ownGain: 1 },
      { programme: 4, instructors: 4, facilities: 4, organisation: 4, ownGain: 2 },
    ]);
    expect(a.averages).toEqual({ programme: 4.5, instructors: 4, facilities: 3.5, organisation: 3, ownGain: 1.5 });
    expect(a.distribution.instructors).toEqual([0, 0, 0, 2, 0]);
    expect(
      answerProblem({
        enrolmentStatus: 'nominated',
        classStatus: 'finished',
        classEndDate: '2026-11-01',
        today: '2026-11-01',
        answered: true,
      }),
    ).toMatch(/một lần/);
  });
});

describe('bài thu hoạch và kèm cặp', () => {
  it('quy tắc', () => {
    expect(
      essayProblem({
        enrolmentStatus: 'nominated',
        classStatus: 'finished',
        classStartDate: '2026-01-01',
        requiresEssay: false,
        today: '2026-02-01',
      }),
    ).toMatch(/không yêu cầu/);
    expect(unknownTopics(['A', 'C'], ['A', 'B'])).toEqual(['C']);
    expect(unknownTopics(['C'], [])).toEqual([]);
    expect(normaliseTags([' Đất đai ', 'đất  đai', 'Một cửa'])).toEqual(['Đất đai', 'Một cửa']);
    const p = (id: string, communeCode = '1') => ({ id, communeCode, status: 'dang_cong_tac' });
    expect(pairProblem(p('a'), p('a'), '1')?.field).toBe('menteeId');
    expect(pairProblem(p('a'), p('b', '2'), '1')?.field).toBe('menteeId');
    expect(pairProblem(p('a'), p('b'), '1')).toBeNull();
    expect(mayWrite({ actorOfficialId: 'b', mentorId: 'a', menteeId: 'b', status: 'active', isManager: false })).toBe(true);
    expect(mayWrite({ actorOfficialId: 'c', mentorId: 'a', menteeId: 'b', status: 'active', isManager: false })).toBe(false);
    expect(mayWrite({ actorOfficialId: 'a', mentorId: 'a', menteeId: 'b', status: 'ended', isManager: true })).toBe(false);
  });
});
