/** The needs rules (SPEC §4, Decision 700 §III–IV), pure: every rule, priority and edge case. */
import { describe, expect, it } from 'vitest';
import { REGION_TYPES, TRAINING_FIELDS, type Phase, type ProgrammeType, type RegionType } from '@app/shared';
import {
  REGION_PRIORITY_FIELDS,
  chooseFields,
  compareUrgent,
  defaultPhase,
  defaultPriority,
  emptyTrainingHistory,
  fallbackField,
  hasCmcnNomination,
  isBelowStandard,
  isInService,
  needKey,
  needsTrainingNow,
  professionalTypesOfPhase,
  proposeNeeds,
  reconcileNeeds,
  warningsFor,
  type NeedsSubject,
  type ProposedNeed,
  type StoredNeed,
  type TrainingHistory,
} from './needs.rules.ts';

const specialist = (over: Partial<NeedsSubject> = {}): NeedsSubject => ({
  officialType: 'cong_chuc',
  isLeader: false,
  leaderTitle: null,
  bloc: 'ubnd',
  meetsRequirement: true,
  affectedByReorg: false,
  status: 'dang_cong_tac',
  statusDate: null,
  position: {
    name: 'Chuyên viên địa chính – xây dựng – đô thị',
    trainingFields: ['dat_dai', 'trat_tu_xay_dung', 'quy_hoach_kt_xh'],
    requiredProgrammes: [],
  },
  ...over,
});
const chairman = (over: Partial<NeedsSubject> = {}): NeedsSubject =>
  specialist({
    officialType: 'can_bo',
    isLeader: true,
    leaderTitle: 'Chủ tịch Ủy ban nhân dân',
    position: {
      name: 'Chủ tịch Ủy ban nhân dân',
      trainingFields: ['quy_hoach_kt_xh', 'ra_quyet_dinh', 'chuyen_doi_so'],
      requiredProgrammes: ['QLNN_LANHDAO'],
    },
    ...over,
  });

const P1 = { regionType: 'do_thi' as RegionType, phase: 1 as Phase, asOf: '2026-11-23' };
const P2 = { regionType: 'do_thi' as RegionType, phase: 2 as Phase, asOf: '2029-05-04' };
const none = emptyTrainingHistory;
const history = (over: Partial<TrainingHistory>): TrainingHistory => ({ ...emptyTrainingHistory(), ...over });
const types = (needs: ProposedNeed[]) => needs.map((n) => n.programmeType);
const find = (needs: ProposedNeed[], t: ProgrammeType) => needs.find((n) => n.programmeType === t);

describe('rule 1: below the position’s professional requirement → CMCN (SPEC §4.1)', () => {
  it('proposes CMCN with priority 2, no field, naming the position', () => {
    const n = find(proposeNeeds(specialist({ meetsRequirement: false }), P1, none()), 'CMCN')!;
    expect(n).toMatchObject({ programmeType: 'CMCN', field: null, source: 'rule1', priority: 2 });
    expect(n.reason).toMatch(/^Chưa đáp ứng yêu cầu chuyên môn của vị trí việc làm "Chuyên viên địa chính – xây dựng – đô thị"/);
    expect(n.reason).toContain('3 tháng');
  });

  it('gives priority 1 to those also affected by the reorganisation, and says so', () => {
    const n = find(proposeNeeds(specialist({ meetsRequirement: false, affectedByReorg: true }), P1, none()), 'CMCN')!;
    expect(n.priority).toBe(1);
    expect(n.reason).toMatch(/sắp xếp tổ chức bộ máy/);
  });

  it('affected by the reorganisation alone is not a CMCN need', () => {
    expect(types(proposeNeeds(specialist({ affectedByReorg: true }), P1, none()))).not.toContain('CMCN');
  });

  it('an unknown requirement (null) is not below standard', () => {
    expect(isBelowStandard({ meetsRequirement: null })).toBe(false);
    expect(isBelowStandard({ meetsRequirement: true })).toBe(false);
    expect(isBelowStandard({ meetsRequirement: false })).toBe(true);
    expect(types(proposeNeeds(specialist({ meetsRequirement: null }), P1, none()))).not.toContain('CMCN');
  });

  it('no CMCN need once CMCN is completed; a nomination keeps the need (the nomination answers it)', () => {
    expect(
      types(proposeNeeds(specialist({ meetsRequirement: false }), P1, history({ completedProgrammes: new Set(['CMCN']) }))),
    ).not.toContain('CMCN');
    expect(types(proposeNeeds(specialist({ meetsRequirement: false }), P1, history({ nominatedProgrammes: new Set(['CMCN']) })))).toContain(
      'CMCN',
    );
  });

  it('works without a position (reason still names the requirement)', () => {
    const n = find(proposeNeeds(specialist({ meetsRequirement: false, position: null }), P1, none()), 'CMCN')!;
    expect(n.reason).toMatch(/^Chưa đáp ứng yêu cầu chuyên môn của vị trí việc làm;/);
  });

  it('applies in phase 2 as well', () => {
    expect(find(proposeNeeds(specialist({ meetsRequirement: false, affectedByReorg: true }), P2, none()), 'CMCN')?.priority).toBe(1);
  });
});

describe('rules 2 and 3: state management (SPEC §4.2–3)', () => {
  it('specialist công chức (not a leader) → QLNN_CHUNG, priority 3, not QLNN_LANHDAO', () => {
    const needs = proposeNeeds(specialist(), P1, none());
    expect(find(needs, 'QLNN_CHUNG')).toMatchObject({ source: 'rule2', priority: 3, field: null });
    expect(find(needs, 'QLNN_CHUNG')!.reason).toMatch(/^Công chức chuyên môn chưa được bồi dưỡng kiến thức chung về quản lý nhà nước/);
    expect(types(needs)).not.toContain('QLNN_LANHDAO');
  });

  it('leader who is công chức → QLNN_LANHDAO, not QLNN_CHUNG', () => {
    const needs = proposeNeeds(
      specialist({
        isLeader: true,
        leaderTitle: 'Chánh Văn phòng HĐND và UBND',
        position: { name: 'Chánh Văn phòng HĐND và UBND', trainingFields: ['thu_tuc_hanh_chinh'], requiredProgrammes: ['QLNN_LANHDAO'] },
      }),
      P1,
      none(),
    );
    expect(find(needs, 'QLNN_LANHDAO')).toMatchObject({ source: 'rule3', priority: 3 });
    expect(find(needs, 'QLNN_LANHDAO')!.reason).toMatch(/^Công chức lãnh đạo, quản lý \(Chánh Văn phòng HĐND và UBND\)/);
    expect(types(needs)).not.toContain('QLNN_CHUNG');
  });

  it('leader who is cán bộ → QLNN_LANHDAO with the HCMA programme in the reason', () => {
    const n = find(proposeNeeds(chairman(), P1, none()), 'QLNN_LANHDAO')!;
    expect(n.reason).toMatch(/^Cán bộ lãnh đạo, quản lý \(Chủ tịch Ủy ban nhân dân\).*Học viện Chính trị quốc gia Hồ Chí Minh/);
    expect(types(proposeNeeds(chairman(), P1, none()))).not.toContain('QLNN_CHUNG');
  });

  it('leader without a title still gets the need', () => {
    expect(find(proposeNeeds(chairman({ leaderTitle: null }), P1, none()), 'QLNN_LANHDAO')!.reason).toMatch(
      /^Cán bộ lãnh đạo, quản lý chưa/,
    );
  });

  it('cán bộ who is not a leader gets neither QLNN programme', () => {
    const needs = proposeNeeds(
      specialist({ officialType: 'can_bo', position: { name: 'Cán bộ', trainingFields: [], requiredProgrammes: [] } }),
      P1,
      none(),
    );
    expect(types(needs)).not.toContain('QLNN_CHUNG');
    expect(types(needs)).not.toContain('QLNN_LANHDAO');
  });

  it('a QLNN programme the position requires is proposed even when the person’s flags would not', () => {
    const needs = proposeNeeds(
      specialist({
        officialType: 'can_bo',
        position: { name: 'Phó trưởng ban', trainingFields: [], requiredProgrammes: ['QLNN_LANHDAO', 'QLNN_CHUNG'] },
      }),
      P1,
      none(),
    );
    expect(find(needs, 'QLNN_LANHDAO')).toMatchObject({ source: 'rule3', priority: 3 });
    expect(find(needs, 'QLNN_LANHDAO')!.reason).toMatch(/^Vị trí việc làm "Phó trưởng ban" yêu cầu/);
    expect(find(needs, 'QLNN_CHUNG')!.reason).toMatch(/^Vị trí việc làm "Phó trưởng ban" yêu cầu/);
  });

  it('a leader never gets two QLNN_LANHDAO needs (flag and position requirement)', () => {
    expect(types(proposeNeeds(chairman(), P1, none())).filter((t) => t === 'QLNN_LANHDAO')).toHaveLength(1);
  });

  it('already completed → no need', () => {
    expect(types(proposeNeeds(specialist(), P1, history({ completedProgrammes: new Set(['QLNN_CHUNG']) })))).not.toContain('QLNN_CHUNG');
    expect(types(proposeNeeds(chairman(), P1, history({ completedProgrammes: new Set(['QLNN_LANHDAO']) })))).not.toContain('QLNN_LANHDAO');
  });

  it('completing the other QLNN programme does not count', () => {
    expect(types(proposeNeeds(specialist(), P1, history({ completedProgrammes: new Set(['QLNN_LANHDAO']) })))).toContain('QLNN_CHUNG');
    expect(types(proposeNeeds(chairman(), P1, history({ completedProgrammes: new Set(['QLNN_CHUNG']) })))).toContain('QLNN_LANHDAO');
  });
});

describe('rule 4: a professional and a skills course per phase (SPEC §4.4)', () => {
  it('phase 1: CMNV in the position field that is a regional priority, KNBT in another regional field', () => {
    const needs = proposeNeeds(specialist(), P1, none());
    expect(find(needs, 'CMNV')).toMatchObject({ field: 'trat_tu_xay_dung', source: 'rule4', priority: 4 });
    expect(find(needs, 'CMNV')!.reason).toMatch(/2026–2028.*"Trật tự xây dựng".*lĩnh vực ưu tiên của địa bàn đô thị/);
    expect(find(needs, 'KNBT')).toMatchObject({ field: 'quy_hoach_kt_xh', source: 'rule4', priority: 4 });
    expect(find(needs, 'KNBT')!.reason).toMatch(/^Kỹ năng bổ trợ theo đặc thù địa bàn đô thị/);
    expect(types(needs)).not.toContain('CAPNHAT');
  });

  it('phase 2 uses CAPNHAT instead of CMNV', () => {
    const needs = proposeNeeds(specialist(), P2, none());
    expect(find(needs, 'CAPNHAT')).toMatchObject({ field: 'trat_tu_xay_dung', source: 'rule4', priority: 4 });
    expect(find(needs, 'CAPNHAT')!.reason).toMatch(/2029–2031.*cập nhật kiến thức/);
    expect(types(needs)).toContain('KNBT');
    expect(types(needs)).not.toContain('CMNV');
  });

  it('without a regional match the position’s first field is taken', () => {
    const needs = proposeNeeds(specialist(), { ...P1, regionType: 'bien_gioi_hai_dao' }, none());
    expect(find(needs, 'CMNV')!.field).toBe('dat_dai');
    expect(find(needs, 'CMNV')!.reason).not.toMatch(/ưu tiên/);
    expect(find(needs, 'KNBT')!.field).toBe('quoc_phong_an_ninh');
  });

  it('picks region fields per region type (Decision 700 §V.2.b)', () => {
    const knbt = (regionType: RegionType) =>
      find(proposeNeeds(specialist({ position: null }), { ...P1, regionType }, none()), 'KNBT')!.field;
    expect(knbt('do_thi')).toBe('trat_tu_xay_dung');
    expect(knbt('nong_thon')).toBe('kinh_te_so_nong_nghiep');
    expect(knbt('mien_nui_dtts')).toBe('dan_van');
    expect(knbt('bien_gioi_hai_dao')).toBe('quoc_phong_an_ninh');
  });

  it('the skills field is never the professional field', () => {
    for (const regionType of REGION_TYPES) {
      for (const first of REGION_PRIORITY_FIELDS[regionType]) {
        const f = chooseFields([first], regionType, 'ubnd');
        expect(f.professional).toBe(first);
        expect(f.skill).not.toBe(first);
        expect(REGION_PRIORITY_FIELDS[regionType]).toContain(f.skill);
      }
    }
  });

  it('every region field is a known training field, each region has at least two', () => {
    for (const r of REGION_TYPES) {
      expect(REGION_PRIORITY_FIELDS[r].length).toBeGreaterThanOrEqual(2);
      for (const f of REGION_PRIORITY_FIELDS[r]) expect(TRAINING_FIELDS).toContain(f);
    }
  });

  it('a position without training fields falls back to a general field by bloc', () => {
    expect(fallbackField('dang')).toBe('cong_tac_dang');
    expect(fallbackField('ubnd')).toBe('thu_tuc_hanh_chinh');
    const party = find(
      proposeNeeds(specialist({ bloc: 'dang', position: { name: 'Chuyên viên', trainingFields: [], requiredProgrammes: [] } }), P1, none()),
      'CMNV',
    )!;
    expect(party.field).toBe('cong_tac_dang');
    expect(party.reason).toMatch(/chưa xác định lĩnh vực/);
    expect(find(proposeNeeds(specialist({ position: null }), P1, none()), 'CMNV')!.field).toBe('thu_tuc_hanh_chinh');
  });

  it('unknown strings among the position’s fields are ignored', () => {
    expect(chooseFields(['khong_co', 'dan_van'], 'do_thi', 'ubnd').professional).toBe('dan_van');
  });

  it('nothing once a professional course of the phase is completed', () => {
    const needs = proposeNeeds(specialist(), P1, history({ completedProfessionalInPhase: true }));
    expect(types(needs)).not.toContain('CMNV');
    expect(types(needs)).not.toContain('KNBT');
    expect(types(needs)).toContain('QLNN_CHUNG');
  });

  it('everyone in service gets it, leaders and cán bộ included', () => {
    expect(types(proposeNeeds(chairman(), P1, none()))).toEqual(['QLNN_LANHDAO', 'CMNV', 'KNBT']);
    expect(find(proposeNeeds(chairman(), P1, none()), 'CMNV')!.field).toBe('quy_hoach_kt_xh');
  });

  it('knows which programme types count in each phase (SPEC §9 K3/K4)', () => {
    expect(professionalTypesOfPhase(1)).toEqual(['CMNV', 'KNBT']);
    expect(professionalTypesOfPhase(2)).toEqual(['CMNV', 'KNBT', 'CAPNHAT']);
  });
});

describe('who gets proposals at all', () => {
  it('a typical below-standard affected specialist gets all four kinds, most urgent first', () => {
    const needs = proposeNeeds(specialist({ meetsRequirement: false, affectedByReorg: true }), P1, none());
    expect(needs.map((n) => [n.programmeType, n.priority])).toEqual([
      ['CMCN', 1],
      ['QLNN_CHUNG', 3],
      ['CMNV', 4],
      ['KNBT', 4],
    ]);
    for (const n of needs) expect(n.reason).toMatch(/[ạảãàáâầấậẩẫăằắặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]/);
  });

  it('retired, moved or resigned officials get no proposals', () => {
    for (const status of ['nghi_huu', 'chuyen_cong_tac', 'thoi_viec'] as const) {
      expect(proposeNeeds(specialist({ status, statusDate: '2026-10-01', meetsRequirement: false }), P1, none())).toEqual([]);
      expect(proposeNeeds(specialist({ status, statusDate: null }), P1, none())).toEqual([]);
    }
  });

  it('someone leaving after the as-of date is still in service (SPEC §9)', () => {
    expect(isInService({ status: 'nghi_huu', statusDate: '2026-12-01' }, '2026-11-23')).toBe(true);
    expect(isInService({ status: 'nghi_huu', statusDate: '2026-11-23' }, '2026-11-23')).toBe(false);
    expect(isInService({ status: 'dang_cong_tac', statusDate: null }, '2026-11-23')).toBe(true);
    expect(proposeNeeds(specialist({ status: 'nghi_huu', statusDate: '2026-12-01' }), P1, none()).length).toBeGreaterThan(0);
  });

  it('nothing at all for someone with everything done and meeting the standard', () => {
    const done = history({ completedProgrammes: new Set(['QLNN_CHUNG', 'QLNN_LANHDAO', 'CMCN']), completedProfessionalInPhase: true });
    expect(proposeNeeds(specialist(), P1, done)).toEqual([]);
    expect(proposeNeeds(chairman(), P2, done)).toEqual([]);
    expect(proposeNeeds(specialist({ meetsRequirement: false }), P1, done)).toEqual([]);
  });

  it('manual priorities follow the same scale', () => {
    expect(defaultPriority('CMCN', { belowStandard: true, affectedByReorg: true })).toBe(1);
    expect(defaultPriority('CMCN', { belowStandard: true, affectedByReorg: false })).toBe(2);
    expect(defaultPriority('CMCN', { belowStandard: false, affectedByReorg: true })).toBe(2);
    expect(defaultPriority('QLNN_CHUNG', { belowStandard: false, affectedByReorg: false })).toBe(3);
    expect(defaultPriority('QLNN_LANHDAO', { belowStandard: false, affectedByReorg: false })).toBe(3);
    for (const t of ['CMNV', 'KNBT', 'CAPNHAT', 'KHAC'] as const)
      expect(defaultPriority(t, { belowStandard: true, affectedByReorg: true })).toBe(4);
  });

  it('defaults to the phase of the date, the first before 2026 and the last after 2031', () => {
    expect(defaultPhase('2026-01-01')).toBe(1);
    expect(defaultPhase('2028-12-31')).toBe(1);
    expect(defaultPhase('2029-01-01')).toBe(2);
    expect(defaultPhase('2025-09-01')).toBe(1);
    expect(defaultPhase('2032-03-01')).toBe(2);
  });
});

describe('reconcileNeeds: re-review keeps decisions', () => {
  let seq = 0;
  const stored = (p: Partial<StoredNeed> & Pick<StoredNeed, 'programmeType'>): StoredNeed => ({
    id: ++seq,
    field: '',
    source: 'rule2',
    status: 'proposed',
    priority: 3,
    reason: 'r',
    ...p,
  });
  const proposal = (p: Partial<ProposedNeed> & Pick<ProposedNeed, 'programmeType'>): ProposedNeed => ({
    field: null,
    source: 'rule2',
    priority: 3,
    reason: 'r',
    ...p,
  });

  it('creates what is new and leaves what is the same', () => {
    const s = stored({ programmeType: 'QLNN_CHUNG' });
    const plan = reconcileNeeds(
      [proposal({ programmeType: 'QLNN_CHUNG' }), proposal({ programmeType: 'CMNV', field: 'dat_dai', source: 'rule4', priority: 4 })],
      [s],
    );
    expect(plan.create.map((p) => needKey(p.programmeType, p.field))).toEqual(['CMNV|dat_dai']);
    expect(plan.unchanged).toEqual([s]);
    expect(plan.remove).toEqual([]);
    expect(plan.update).toEqual([]);
  });

  it('running twice creates nothing new', () => {
    const proposals = proposeNeeds(specialist({ meetsRequirement: false }), P1, none());
    const first = reconcileNeeds(proposals, []);
    const saved = first.create.map((p) =>
      stored({ programmeType: p.programmeType, field: p.field ?? '', source: p.source, priority: p.priority, reason: p.reason }),
    );
    const second = reconcileNeeds(proposals, saved);
    expect(second.create).toEqual([]);
    expect(second.remove).toEqual([]);
    expect(second.update).toEqual([]);
    expect(second.unchanged).toHaveLength(saved.length);
  });

  it('never recreates or touches confirmed and dropped needs', () => {
    const confirmed = stored({ programmeType: 'QLNN_CHUNG', status: 'confirmed', priority: 2, reason: 'old' });
    const dropped = stored({ programmeType: 'CMCN', source: 'rule1', status: 'dropped', priority: 2 });
    const plan = reconcileNeeds(
      [proposal({ programmeType: 'QLNN_CHUNG' }), proposal({ programmeType: 'CMCN', source: 'rule1', priority: 1 })],
      [confirmed, dropped],
    );
    expect(plan.create).toEqual([]);
    expect(plan.update).toEqual([]);
    expect(plan.unchanged).toEqual([confirmed, dropped]);
  });

  it('decided needs the rules no longer produce stay', () => {
    const confirmed = stored({ programmeType: 'CMCN', source: 'rule1', status: 'confirmed' });
    const dropped = stored({ programmeType: 'QLNN_CHUNG', status: 'dropped' });
    const manual = stored({ programmeType: 'KHAC', source: 'manual', status: 'confirmed' });
    const plan = reconcileNeeds([], [confirmed, dropped, manual]);
    expect(plan.remove).toEqual([]);
    expect(plan.unchanged).toEqual([confirmed, dropped, manual]);
  });

  it('removes stale proposals (e.g. the below-standard flag was cleared)', () => {
    const stale = stored({ programmeType: 'CMCN', source: 'rule1', priority: 2 });
    const kept = stored({ programmeType: 'QLNN_CHUNG' });
    const plan = reconcileNeeds([proposal({ programmeType: 'QLNN_CHUNG' })], [stale, kept]);
    expect(plan.remove).toEqual([stale]);
    expect(plan.unchanged).toEqual([kept]);
  });

  it('refreshes a proposal whose priority or reason changed', () => {
    const s = stored({ programmeType: 'CMCN', source: 'rule1', priority: 2, reason: 'cũ' });
    const p = proposal({ programmeType: 'CMCN', source: 'rule1', priority: 1, reason: 'mới' });
    const plan = reconcileNeeds([p], [s]);
    expect(plan.update).toEqual([{ stored: s, proposal: p }]);
    expect(plan.unchanged).toEqual([]);
    expect(plan.create).toEqual([]);
  });

  it('a confirmed course of the same type answers the per-phase course proposal in another field', () => {
    const confirmed = stored({ programmeType: 'CMNV', field: 'dat_dai', source: 'rule4', status: 'confirmed', priority: 4 });
    const plan = reconcileNeeds([proposal({ programmeType: 'CMNV', field: 'chuyen_doi_so', source: 'rule4', priority: 4 })], [confirmed]);
    expect(plan.create).toEqual([]);
    // …but a dropped one does not, and other rules are never skipped that way.
    const dropped = stored({ programmeType: 'CMNV', field: 'dat_dai', source: 'rule4', status: 'dropped', priority: 4 });
    expect(
      reconcileNeeds([proposal({ programmeType: 'CMNV', field: 'chuyen_doi_so', source: 'rule4', priority: 4 })], [dropped]).create,
    ).toHaveLength(1);
  });

  it('a field change of the per-phase course replaces the old proposal', () => {
    const old = stored({ programmeType: 'CMNV', field: 'dat_dai', source: 'rule4', priority: 4 });
    const plan = reconcileNeeds([proposal({ programmeType: 'CMNV', field: 'chuyen_doi_so', source: 'rule4', priority: 4 })], [old]);
    expect(plan.create.map((p) => p.field)).toEqual(['chuyen_doi_so']);
    expect(plan.remove).toEqual([old]);
  });
});

describe('urgent list and warnings', () => {
  it('needs training now = below standard and not nominated to (or through) CMCN', () => {
    expect(needsTrainingNow({ belowStandard: true }, none())).toBe(true);
    expect(needsTrainingNow({ belowStandard: false }, none())).toBe(false);
    expect(needsTrainingNow({ belowStandard: true }, history({ nominatedProgrammes: new Set(['CMCN']) }))).toBe(false);
    expect(needsTrainingNow({ belowStandard: true }, history({ completedProgrammes: new Set(['CMCN']) }))).toBe(false);
    expect(needsTrainingNow({ belowStandard: true }, history({ nominatedProgrammes: new Set(['QLNN_CHUNG']) }))).toBe(true);
    expect(hasCmcnNomination(none())).toBe(false);
  });

  it('orders affected-by-reorganisation first, then by given name the Vietnamese way', () => {
    const people = [
      { fullName: 'Nguyễn Văn Bình', affectedByReorg: false },
      { fullName: 'Trần Thị Ánh', affectedByReorg: false },
      { fullName: 'Lê Văn Đức', affectedByReorg: true },
      { fullName: 'Phạm Thị An', affectedByReorg: true },
      { fullName: 'Hoàng Văn Dũng', affectedByReorg: false },
    ];
    expect([...people].sort(compareUrgent).map((p) => p.fullName)).toEqual([
      'Phạm Thị An',
      'Lê Văn Đức',
      'Trần Thị Ánh',
      'Nguyễn Văn Bình',
      'Hoàng Văn Dũng',
    ]);
  });

  const subject = {
    belowStandard: true,
    affectedByReorg: true,
    belowStandardSince: '2025-07-01',
    servingSince: '2025-07-01',
    positionName: 'Chuyên viên tư pháp – hộ tịch',
  };

  it('warns (a) below standard not nominated, since the flag date; (b) no training in the phase, since the phase start', () => {
    const w = warningsFor(subject, none(), 1);
    expect(w.map((x) => [x.kind, x.since])).toEqual([
      ['below_standard_not_nominated', '2025-07-01'],
      ['no_training_in_phase', '2026-01-01'],
    ]);
    expect(w[0]!.message).toMatch(/"Chuyên viên tư pháp – hộ tịch".*sắp xếp tổ chức bộ máy/);
    expect(w[1]!.message).toBe('Chưa được bồi dưỡng khóa nào trong giai đoạn 2026–2028');
  });

  it('(b) counts from the start of service when it is later than the phase start', () => {
    expect(warningsFor({ ...subject, belowStandard: false, servingSince: '2026-06-15' }, none(), 1)).toEqual([
      { kind: 'no_training_in_phase', since: '2026-06-15', message: 'Chưa được bồi dưỡng khóa nào trong giai đoạn 2026–2028' },
    ]);
    expect(warningsFor({ ...subject, belowStandard: false, servingSince: '2026-06-15' }, none(), 2)[0]!.since).toBe('2029-01-01');
  });

  it('no warning once nominated / trained; no phase warning outside 2026–2031', () => {
    expect(warningsFor(subject, history({ nominatedProgrammes: new Set(['CMCN']), trainedInPhase: true }), 1)).toEqual([]);
    expect(warningsFor({ ...subject, belowStandard: false }, none(), null)).toEqual([]);
    expect(warningsFor({ ...subject, belowStandardSince: null }, none(), null)[0]!.since).toBe('2025-07-01');
  });
});
