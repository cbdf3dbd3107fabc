import { describe, expect, it } from 'vitest';
import {
  birthDateProblem,
  cleanText,
  compareVietnameseNames,
  computeMeetsRequirement,
  dayBefore,
  effectiveMeets,
  endsService,
  givenNameOf,
  isBelowStandard,
  parseVietnameseDate,
} from './officials.rules.ts';

describe('names', () => {
  it('normalises NFD input to NFC and collapses spaces', () => {
    const nfd = '  Nguyễn   Văn  An '.normalize('NFD');
    expect(cleanText(nfd)).toBe('Nguyễn Văn An');
    expect(cleanText(nfd).length).toBe('Nguyễn Văn An'.normalize('NFC').length);
  });
  it('takes the last word as given name', () => {
    expect(givenNameOf('Nguyễn Thị Thu Hằng')).toBe('Hằng');
    expect(givenNameOf('H’Linh Niê')).toBe('Niê');
    expect(givenNameOf('An')).toBe('An');
  });
  it('sorts by given name first, then family and middle names, Vietnamese order (D before Đ)', () => {
    const names = ['Trần Văn Bình', 'Nguyễn Văn An', 'Lê Thị Ánh', 'Đỗ Văn Dũng', 'Phạm Văn Đạt', 'Nguyễn Thị An', 'Bùi Văn Dương'];
    expect([...names].sort(compareVietnameseNames)).toEqual([
      'Nguyễn Thị An',
      'Nguyễn Văn An',
      'Lê Thị Ánh',
      'Trần Văn Bình',
      'Đỗ Văn Dũng',
      'Bùi Văn Dương',
      'Phạm Văn Đạt',
    ]);
  });
});

describe('computeMeetsRequirement (SPEC §3)', () => {
  const pos = { requiredEduLevel: 'dai_hoc' as const, requiredStudyFields: ['luat', 'hanh_chinh'] };
  it('meets when level and field fit', () => {
    expect(computeMeetsRequirement({ eduLevel: 'dai_hoc', studyField: 'luat' }, pos)).toBe(true);
    expect(computeMeetsRequirement({ eduLevel: 'thac_si', studyField: 'hanh_chinh' }, pos)).toBe(true);
  });
  it('fails on a lower level or another field', () => {
    expect(computeMeetsRequirement({ eduLevel: 'cao_dang', studyField: 'luat' }, pos)).toBe(false);
    expect(computeMeetsRequirement({ eduLevel: 'dai_hoc', studyField: 'kinh_te' }, pos)).toBe(false);
    // a definite miss wins over missing data
    expect(computeMeetsRequirement({ eduLevel: 'trung_cap', studyField: null }, pos)).toBe(false);
  });
  it('cannot decide without data or without a requirement', () => {
    expect(computeMeetsRequirement({ eduLevel: null, studyField: 'luat' }, pos)).toBeNull();
    expect(computeMeetsRequirement({ eduLevel: 'dai_hoc', studyField: null }, pos)).toBeNull();
    expect(computeMeetsRequirement({ eduLevel: 'dai_hoc', studyField: 'luat' }, null)).toBeNull();
    expect(computeMeetsRequirement({ eduLevel: 'dai_hoc', studyField: 'luat' }, { requiredEduLevel: null, requiredStudyFields: [] })).toBeNull();
  });
  it('any field is fine when the position lists none', () => {
    expect(computeMeetsRequirement({ eduLevel: 'dai_hoc', studyField: 'y_te' }, { requiredEduLevel: 'dai_hoc', requiredStudyFields: [] })).toBe(true);
  });
  it('override wins; only a definite no is below standard', () => {
    expect(effectiveMeets(false, true)).toBe(true);
    expect(effectiveMeets(true, false)).toBe(false);
    expect(effectiveMeets(null, null)).toBeNull();
    expect(isBelowStandard(false, null)).toBe(true);
    expect(isBelowStandard(false, true)).toBe(false);
    expect(isBelowStandard(null, null)).toBe(false);
    expect(isBelowStandard(true, false)).toBe(true);
  });
});

describe('dates', () => {
  it('parses dd/mm/yyyy and ISO, refuses impossible dates', () => {
    expect(parseVietnameseDate('05/02/2027')).toBe('2027-02-05');
    expect(parseVietnameseDate('5/2/2027')).toBe('2027-02-05');
    expect(parseVietnameseDate('2027-02-05')).toBe('2027-02-05');
    expect(parseVietnameseDate('29/02/2028')).toBe('2028-02-29');
    expect(parseVietnameseDate('29/02/2027')).toBeNull();
    expect(parseVietnameseDate('31/04/2026')).toBeNull();
    expect(parseVietnameseDate('13/13/2026')).toBeNull();
    expect(parseVietnameseDate('hôm qua')).toBeNull();
  });
  it('day before crosses months and years', () => {
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
    expect(dayBefore('2029-01-01')).toBe('2028-12-31');
  });
  it('birth date plausibility', () => {
    expect(birthDateProblem('2010-01-01', '2026-11-23')).toMatch(/18 tuổi/);
    expect(birthDateProblem('1940-01-01', '2026-11-23')).toMatch(/75 tuổi/);
    expect(birthDateProblem('1985-06-15', '2026-11-23')).toBeNull();
  });
  it('statuses that end service', () => {
    expect(endsService('nghi_huu')).toBe(true);
    expect(endsService('chuyen_cong_tac')).toBe(true);
    expect(endsService('thoi_viec')).toBe(true);
    expect(endsService('dang_cong_tac')).toBe(false);
  });
});
