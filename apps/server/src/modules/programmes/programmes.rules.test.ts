import { describe, expect, it } from 'vitest';
import { PROGRAMME_TYPES, PROGRAMME_TYPE_DEFAULTS, type ProgrammeType } from '@app/shared';
import {
  defaultsFor,
  editModeOf,
  generatedCode,
  isProfessional,
  practiceSharePct,
  practiceShareTooLow,
  programmeIssue,
  programmeWarnings,
  transitionIssue,
  type ProgrammeFacts,
} from './programmes.rules.ts';
import { NATIONAL_CATALOGUE } from './programmes.seed.ts';

const base: ProgrammeFacts = {
  type: 'CMNV',
  owner: 'ministry',
  ownerProvinceCode: null,
  fields: ['dat_dai'],
  durationDays: 3,
  totalHours: 24,
  practiceHours: 15,
  minAttendancePct: 100,
  maxExcusedPct: 20,
  passScore: 5,
  certificateMeetsRequirement: false,
};
const facts = (over: Partial<ProgrammeFacts>): ProgrammeFacts => ({ ...base, ...over });

describe('practice share (SPEC §5, K8)', () => {
  it('professional programmes are CMCN, CMNV, KNBT and CAPNHAT', () => {
    expect(PROGRAMME_TYPES.filter(isProfessional)).toEqual(['CMCN', 'CMNV', 'KNBT', 'CAPNHAT']);
  });

  it('warns below 60% and not at exactly 60% (boundary 59/60)', () => {
    expect(practiceShareTooLow({ type: 'CMNV', totalHours: 100, practiceHours: 59 })).toBe(true);
    expect(practiceShareTooLow({ type: 'CMNV', totalHours: 100, practiceHours: 60 })).toBe(false);
    expect(practiceShareTooLow({ type: 'KNBT', totalHours: 5, practiceHours: 3 })).toBe(false); // exactly 60%
    expect(practiceShareTooLow({ type: 'KNBT', totalHours: 24, practiceHours: 14 })).toBe(true); // 58.3%
    expect(practiceShareTooLow({ type: 'CAPNHAT', totalHours: 24, practiceHours: 15 })).toBe(false); // 62.5%
    expect(practiceShareTooLow({ type: 'CMCN', totalHours: 480, practiceHours: 287 })).toBe(true); // 59.8%
    expect(practiceShareTooLow({ type: 'CMCN', totalHours: 480, practiceHours: 288 })).toBe(false); // 60%
  });

  it('does not apply to state-management and other programmes', () => {
    for (const type of ['QLNN_CHUNG', 'QLNN_LANHDAO', 'KHAC'] as const) {
      expect(practiceShareTooLow({ type, totalHours: 80, practiceHours: 0 })).toBe(false);
    }
  });

  it('reports the share with one decimal', () => {
    expect(practiceSharePct(59, 100)).toBe(59);
    expect(practiceSharePct(14, 24)).toBe(58.3);
    expect(practiceSharePct(2, 3)).toBe(66.7);
    expect(practiceSharePct(0, 0)).toBe(0);
  });

  it('the warning names the field and the numbers, in Vietnamese', () => {
    const w = programmeWarnings(facts({ totalHours: 100, practiceHours: 59, durationDays: 5 }));
    expect(w).toEqual([
      {
        code: 'practice_share_low',
        field: 'practiceHours',
        message: expect.stringMatching(/chỉ chiếm 59% \(59\/100 giờ\).*ít nhất 60%/),
      },
      expect.objectContaining({ code: 'hours_per_day_high', field: 'totalHours' }),
    ]);
    expect(programmeWarnings(facts({ totalHours: 40, practiceHours: 24, durationDays: 5 }))).toEqual([]);
  });
});

describe('other warnings', () => {
  it('a duration outside the type’s usual range warns (CMNV 2–5 days)', () => {
    expect(programmeWarnings(facts({ durationDays: 2, totalHours: 16, practiceHours: 10 }))).toEqual([]);
    expect(programmeWarnings(facts({ durationDays: 5, totalHours: 40, practiceHours: 24 }))).toEqual([]);
    const w = programmeWarnings(facts({ durationDays: 6, totalHours: 48, practiceHours: 30 }));
    expect(w.map((x) => x.code)).toEqual(['duration_atypical']);
    expect(w[0]!.message).toContain('2–5 ngày');
    expect(programmeWarnings(facts({ durationDays: 1, totalHours: 8, practiceHours: 5 })).map((x) => x.code)).toEqual([
      'duration_atypical',
    ]);
  });

  it('KHAC has no usual length; more than 8 hours a day warns', () => {
    expect(programmeWarnings(facts({ type: 'KHAC', durationDays: 40, totalHours: 320, practiceHours: 0 }))).toEqual([]);
    expect(programmeWarnings(facts({ type: 'KHAC', durationDays: 2, totalHours: 17, practiceHours: 0 })).map((x) => x.code)).toEqual([
      'hours_per_day_high',
    ]);
  });

  it('every type’s defaults are valid and raise no warning', () => {
    for (const type of PROGRAMME_TYPES) {
      const d = defaultsFor(type);
      const f = facts({ type, ...d, fields: PROGRAMME_TYPE_DEFAULTS[type].requiresField ? ['chuyen_doi_so'] : [] });
      expect({ type, issue: programmeIssue(f), warnings: programmeWarnings(f) }).toEqual({ type, issue: null, warnings: [] });
    }
  });

  it('defaults follow Decision 700 and Circular 01/2018', () => {
    expect(defaultsFor('CMCN')).toMatchObject({
      durationDays: 60,
      certificateMeetsRequirement: true,
      minAttendancePct: 100,
      maxExcusedPct: 20,
      passScore: 5,
    });
    expect(defaultsFor('QLNN_CHUNG').durationDays).toBe(10);
    expect(defaultsFor('QLNN_LANHDAO').durationDays).toBe(20);
    for (const t of ['CMNV', 'KNBT', 'CAPNHAT'] as ProgrammeType[]) {
      expect(defaultsFor(t).durationDays).toBeGreaterThanOrEqual(2);
      expect(defaultsFor(t).durationDays).toBeLessThanOrEqual(5);
      expect(defaultsFor(t).certificateMeetsRequirement).toBe(false);
    }
  });
});

describe('what cannot be saved', () => {
  const cases: [string, Partial<ProgrammeFacts>, string][] = [
    ['practice hours above total hours', { totalHours: 24, practiceHours: 25 }, 'practiceHours'],
    ['zero days', { durationDays: 0 }, 'durationDays'],
    ['negative days', { durationDays: -3 }, 'durationDays'],
    ['zero hours', { totalHours: 0, practiceHours: 0 }, 'totalHours'],
    ['negative practice', { practiceHours: -1 }, 'practiceHours'],
    ['attendance above 100%', { minAttendancePct: 101 }, 'minAttendancePct'],
    ['excused above 100%', { maxExcusedPct: 120 }, 'maxExcusedPct'],
    ['pass score above 10', { passScore: 10.5 }, 'passScore'],
    ['duplicate fields', { fields: ['dat_dai', 'dat_dai'] }, 'fields'],
    ['CMNV without a field', { fields: [] }, 'fields'],
    ['certificate counted for a non-CMCN programme', { certificateMeetsRequirement: true }, 'certificateMeetsRequirement'],
    ['province programme without its province', { owner: 'province', ownerProvinceCode: null }, 'ownerProvinceCode'],
    ['ministry programme with a province', { owner: 'ministry', ownerProvinceCode: '66' }, 'ownerProvinceCode'],
  ];
  for (const [label, over, field] of cases) {
    it(label, () => {
      const issue = programmeIssue(facts(over));
      expect(issue?.field).toBe(field);
      expect(issue?.message).toMatch(/[àáảãạăâđêôơưạ-ỹ]/i);
    });
  }

  it('a valid programme passes; practice equal to total is allowed', () => {
    expect(programmeIssue(base)).toBeNull();
    expect(programmeIssue(facts({ practiceHours: 24 }))).toBeNull();
    expect(
      programmeIssue(
        facts({ type: 'CMCN', fields: [], certificateMeetsRequirement: true, durationDays: 60, totalHours: 480, practiceHours: 300 }),
      ),
    ).toBeNull();
    expect(programmeIssue(facts({ owner: 'province', ownerProvinceCode: '66' }))).toBeNull();
  });
});

describe('approval flow and versions', () => {
  it('draft → approved → retired, nothing else', () => {
    expect(transitionIssue('draft', 'approve')).toBeNull();
    expect(transitionIssue('approved', 'retire')).toBeNull();
    expect(transitionIssue('approved', 'approve')).toMatch(/chỉ phê duyệt được bản dự thảo/);
    expect(transitionIssue('retired', 'approve')).toMatch(/Ngừng sử dụng/);
    expect(transitionIssue('draft', 'retire')).toMatch(/Dự thảo/);
    expect(transitionIssue('retired', 'retire')).not.toBeNull();
  });

  it('a draft changes in place, an approved one becomes a new version, a retired one is refused', () => {
    expect(editModeOf('draft')).toBe('in_place');
    expect(editModeOf('approved')).toBe('new_version');
    expect(editModeOf('retired')).toBe('refused');
  });

  it('generated codes say who owns the programme', () => {
    expect(generatedCode('ministry', null, 'CMNV', 4)).toBe('BNV.CMNV.4');
    expect(generatedCode('hcma', null, 'KNBT', 2)).toBe('HVCTQG.KNBT.2');
    expect(generatedCode('province', '66', 'KHAC', 1)).toBe('T66.KHAC.1');
  });
});

describe('national default catalogue', () => {
  it('is valid, covers every type but leaves one professional programme under 60% for K8', () => {
    const codes = new Set<string>();
    const low: string[] = [];
    for (const e of NATIONAL_CATALOGUE) {
      const f = facts({
        ...e,
        ownerProvinceCode: null,
        minAttendancePct: 100,
        maxExcusedPct: 20,
        passScore: 5,
        certificateMeetsRequirement: e.certificateMeetsRequirement ?? false,
      });
      expect({ code: e.code, issue: programmeIssue(f) }).toEqual({ code: e.code, issue: null });
      if (practiceShareTooLow(f)) low.push(e.code);
      codes.add(e.code);
    }
    expect(codes.size).toBe(NATIONAL_CATALOGUE.length);
    expect(new Set(NATIONAL_CATALOGUE.map((e) => e.type))).toEqual(new Set(PROGRAMME_TYPES));
    expect(low).toEqual(['BNV.CMNV.TCNS']);
    const hcma = NATIONAL_CATALOGUE.find((e) => e.name === 'Nâng cao năng lực, xử lý tình huống thực tiễn cho cán bộ cơ sở');
    expect(hcma).toMatchObject({ owner: 'hcma', durationDays: 2, requiresEssay: true, type: 'KNBT' });
    expect(NATIONAL_CATALOGUE.find((e) => e.type === 'CMCN')).toMatchObject({ durationDays: 60, certificateMeetsRequirement: true });
    expect(NATIONAL_CATALOGUE.find((e) => e.type === 'QLNN_LANHDAO')?.owner).toBe('hcma');
  });
});
