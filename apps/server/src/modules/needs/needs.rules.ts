/**
 * Pure rules of the training-needs review (SPEC §4, Decision 700 §III–IV). No IO: the service
 * feeds them the official, the commune's region type, the phase and the training history.
 */
import {
  PHASES,
  phaseOf,
  REGION_TYPE_LABELS,
  TRAINING_FIELDS,
  TRAINING_FIELD_LABELS,
  type Bloc,
  type NeedPriority,
  type NeedSource,
  type NeedStatus,
  type NeedWarningKind,
  type OfficialStatus,
  type OfficialType,
  type Phase,
  type ProgrammeType,
  type RegionType,
  type TrainingField,
} from '@app/shared';
import { compareVietnameseNames } from '../officials/officials.rules.ts';

/**
 * What an official has already done, as of a date. Filled by the training module (SPEC §6, §9);
 * until it exists `trainingHistoryOf` in needs.repository.ts returns `emptyTrainingHistory()`.
 */
export interface TrainingHistory {
  /** Programme types of classes the official completed (result completed/passed, class ended on or before the as-of date). */
  completedProgrammes: Set<ProgrammeType>;
  /** Programme types of classes the official was nominated to on or before the as-of date, in any status but cancelled (completed ones included, as K1 counts them). */
  nominatedProgrammes: Set<ProgrammeType>;
  /** Completed ≥ 1 professional/skills class of the phase (phase 1: CMNV or KNBT; phase 2: CMNV, KNBT or CAPNHAT) that ended inside the phase on or before the as-of date (SPEC §9 K3/K4). */
  completedProfessionalInPhase: boolean;
  /** Any class of any programme type completed, or nominated to (not cancelled), inside the phase; false raises the warning "chưa được bồi dưỡng trong giai đoạn". */
  trainedInPhase: boolean;
}

export function emptyTrainingHistory(): TrainingHistory {
  return { completedProgrammes: new Set(), nominatedProgrammes: new Set(), completedProfessionalInPhase: false, trainedInPhase: false };
}

/** Programme types that count as the per-phase professional/skills course (SPEC §9 K3, K4). */
export function professionalTypesOfPhase(phase: Phase): ProgrammeType[] {
  return phase === 1 ? ['CMNV', 'KNBT'] : ['CMNV', 'KNBT', 'CAPNHAT'];
}

/**
 * Content priorities by region type (Decision 700 §V.2.b — cited as §V.3.b in SPEC §2): urban areas
 * urban governance and digital transformation; rural areas land and the rural digital economy;
 * mountain/ethnic-minority areas mass mobilisation, social security and community tourism;
 * border/island areas defence and security and disaster response. First = most important.
 */
export const REGION_PRIORITY_FIELDS: Record<RegionType, readonly TrainingField[]> = {
  do_thi: ['trat_tu_xay_dung', 'quy_hoach_kt_xh', 'chuyen_doi_so'],
  nong_thon: ['kinh_te_so_nong_nghiep', 'dat_dai'],
  mien_nui_dtts: ['dan_van', 'an_sinh_xa_hoi', 'du_lich_cong_dong'],
  bien_gioi_hai_dao: ['quoc_phong_an_ninh', 'ung_pho_thien_tai'],
};

/** The official as the rules see it. */
export interface NeedsSubject {
  officialType: OfficialType;
  isLeader: boolean;
  leaderTitle: string | null;
  bloc: Bloc;
  /** Meets the position's professional requirement: false = below standard; null = cannot be decided (not below standard). */
  meetsRequirement: boolean | null;
  affectedByReorg: boolean;
  status: OfficialStatus;
  /** Date the current status took effect (a retirement may be recorded ahead of its date). */
  statusDate: string | null;
  position: { name: string; trainingFields: readonly string[]; requiredProgrammes: readonly string[] } | null;
}

export interface NeedsContext {
  regionType: RegionType;
  phase: Phase;
  asOf: string;
}

export interface ProposedNeed {
  programmeType: ProgrammeType;
  field: TrainingField | null;
  source: Exclude<NeedSource, 'manual'>;
  priority: NeedPriority;
  reason: string;
}

/** SPEC §9 "in service": serving, or leaving on a date still ahead of the as-of date. */
export function isInService(s: Pick<NeedsSubject, 'status' | 'statusDate'>, asOf: string): boolean {
  if (s.status === 'dang_cong_tac') return true;
  return s.statusDate !== null && s.statusDate > asOf;
}

/** Below standard only on a definite "does not meet" (SPEC §3: an unknown requirement is not below standard). */
export function isBelowStandard(s: Pick<NeedsSubject, 'meetsRequirement'>): boolean {
  return s.meetsRequirement === false;
}

const isTrainingField = (f: string): f is TrainingField => (TRAINING_FIELDS as readonly string[]).includes(f);

/** Field for an official whose position names none: Party work for the Party bloc, administrative procedures otherwise. */
export function fallbackField(bloc: Bloc): TrainingField {
  return bloc === 'dang' ? 'cong_tac_dang' : 'thu_tuc_hanh_chinh';
}

/**
 * Fields of the two per-phase courses (SPEC §4 rule 4): the professional course takes the position's
 * field that is also a priority of the region (in the region's order), else the position's first
 * field; the skills course takes the region's first priority field not already chosen.
 */
export function chooseFields(
  positionFields: readonly string[],
  regionType: RegionType,
  bloc: Bloc,
): { professional: TrainingField; fromPosition: boolean; matchesRegion: boolean; skill: TrainingField } {
  const own = positionFields.filter(isTrainingField);
  const region = REGION_PRIORITY_FIELDS[regionType];
  const shared = region.find((f) => own.includes(f));
  const professional = shared ?? own[0] ?? fallbackField(bloc);
  const skill = region.find((f) => f !== professional) ?? region[0]!;
  return { professional, fromPosition: own.length > 0, matchesRegion: shared !== undefined, skill };
}

function positionPhrase(s: NeedsSubject): string {
  return s.position ? `vị trí việc làm "${s.position.name}"` : 'vị trí việc làm';
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The needs the rules propose for one official in one phase (SPEC §4):
 * 1. below the position's professional requirement → CMCN, priority 1 when also affected by the
 *    reorganisation, else 2;
 * 2. công chức who is not a leader without QLNN_CHUNG → QLNN_CHUNG, priority 3;
 * 3. leader/manager (cán bộ or công chức) without QLNN_LANHDAO → QLNN_LANHDAO, priority 3;
 *    a QLNN programme the position itself requires is proposed the same way;
 * 4. without a completed professional/skills course in the phase → one professional course
 *    (CMNV in phase 1, CAPNHAT in phase 2) in the position's best field and one KNBT course in a
 *    priority field of the region, priority 4.
 * Completed programmes produce no need; nominations do not remove one (the need is what the
 * nomination answers). Officials not in service get nothing.
 */
export function proposeNeeds(s: NeedsSubject, ctx: NeedsContext, history: TrainingHistory): ProposedNeed[] {
  if (!isInService(s, ctx.asOf)) return [];
  const out: ProposedNeed[] = [];
  const done = (t: ProgrammeType) => history.completedProgrammes.has(t);
  const who = s.officialType === 'can_bo' ? 'Cán bộ' : 'Công chức';

  // Rule 1 (SPEC §4.1; Decision 700 §IV.1.a): specialised knowledge, 3 months.
  if (isBelowStandard(s) && !done('CMCN')) {
    out.push({
      programmeType: 'CMCN',
      field: null,
      source: 'rule1',
      priority: s.affectedByReorg ? 1 : 2,
      reason:
        `Chưa đáp ứng yêu cầu chuyên môn của ${positionPhrase(s)}; cần bồi dưỡng kiến thức chuyên môn chuyên ngành (3 tháng)` +
        (s.affectedByReorg ? '; thuộc nhóm chịu tác động của sắp xếp tổ chức bộ máy, cần cử đi bồi dưỡng ngay' : ''),
    });
  }

  // Rules 2 and 3 (SPEC §4.2–3; Decision 700 §IV.1.b), plus QLNN programmes the position requires.
  const required = new Set(s.position?.requiredProgrammes ?? []);
  if (s.isLeader || required.has('QLNN_LANHDAO')) {
    if (!done('QLNN_LANHDAO')) {
      out.push({
        programmeType: 'QLNN_LANHDAO',
        field: null,
        source: 'rule3',
        priority: 3,
        reason: s.isLeader
          ? `${who} lãnh đạo, quản lý${s.leaderTitle ? ` (${s.leaderTitle})` : ''} chưa được bồi dưỡng kiến thức, kỹ năng quản lý nhà nước theo chương trình của Học viện Chính trị quốc gia Hồ Chí Minh`
          : `${capitalise(positionPhrase(s))} yêu cầu bồi dưỡng kiến thức, kỹ năng quản lý nhà nước đối với lãnh đạo, quản lý`,
      });
    }
  }
  if ((s.officialType === 'cong_chuc' && !s.isLeader) || required.has('QLNN_CHUNG')) {
    if (!done('QLNN_CHUNG')) {
      out.push({
        programmeType: 'QLNN_CHUNG',
        field: null,
        source: 'rule2',
        priority: 3,
        reason:
          s.officialType === 'cong_chuc' && !s.isLeader
            ? 'Công chức chuyên môn chưa được bồi dưỡng kiến thức chung về quản lý nhà nước đáp ứng yêu cầu vận hành chính quyền địa phương 2 cấp (02 tuần)'
            : `${capitalise(positionPhrase(s))} yêu cầu bồi dưỡng kiến thức chung về quản lý nhà nước (02 tuần)`,
      });
    }
  }

  // Rule 4 (SPEC §4.4; Decision 700 §III.2, §IV.1.b, §IV.2): one professional/skills course per phase.
  if (!history.completedProfessionalInPhase) {
    const f = chooseFields(s.position?.trainingFields ?? [], ctx.regionType, s.bloc);
    const professionalType: ProgrammeType = ctx.phase === 1 ? 'CMNV' : 'CAPNHAT';
    const region = REGION_TYPE_LABELS[ctx.regionType].toLowerCase();
    const years = `${PHASES[ctx.phase].start.slice(0, 4)}–${PHASES[ctx.phase].end.slice(0, 4)}`;
    const why = f.fromPosition
      ? `theo ${positionPhrase(s)}${f.matchesRegion ? `, cũng là lĩnh vực ưu tiên của địa bàn ${region}` : ''}`
      : 'vị trí việc làm chưa xác định lĩnh vực bồi dưỡng, đề xuất lĩnh vực chung';
    out.push({
      programmeType: professionalType,
      field: f.professional,
      source: 'rule4',
      priority: 4,
      reason:
        `Chưa có khóa bồi dưỡng chuyên môn, nghiệp vụ nào trong giai đoạn ${years}; ` +
        `${ctx.phase === 1 ? 'bồi dưỡng' : 'cập nhật kiến thức, kỹ năng'} lĩnh vực "${TRAINING_FIELD_LABELS[f.professional]}" (${why})`,
    });
    out.push({
      programmeType: 'KNBT',
      field: f.skill,
      source: 'rule4',
      priority: 4,
      reason: `Kỹ năng bổ trợ theo đặc thù địa bàn ${region}: lĩnh vực "${TRAINING_FIELD_LABELS[f.skill]}"`,
    });
  }
  return out;
}

/** Priority of a need an admin adds by hand (the same scale as the rules). */
export function defaultPriority(programmeType: ProgrammeType, s: { belowStandard: boolean; affectedByReorg: boolean }): NeedPriority {
  if (programmeType === 'CMCN') return s.belowStandard && s.affectedByReorg ? 1 : 2;
  if (programmeType === 'QLNN_CHUNG' || programmeType === 'QLNN_LANHDAO') return 3;
  return 4;
}

// ---------- reconciling proposals with what is stored ----------

export interface StoredNeed {
  id: number;
  programmeType: string;
  /** '' when the need has no field (as stored). */
  field: string;
  source: string;
  status: NeedStatus;
  priority: number;
  reason: string;
}

export function needKey(programmeType: string, field: string | null): string {
  return `${programmeType}|${field ?? ''}`;
}

export interface ReconcilePlan {
  create: ProposedNeed[];
  /** Stored proposals the rules no longer produce. */
  remove: StoredNeed[];
  /** Stored proposals the rules still produce, with a new priority or reason. */
  update: { stored: StoredNeed; proposal: ProposedNeed }[];
  unchanged: StoredNeed[];
}

/**
 * What a re-review changes for one official (SPEC §4: admins' decisions stand):
 * - a proposal whose (programme type, field) is already stored, in any status, is not created again;
 *   a stored *proposed* one is refreshed if its priority or reason changed; decided ones are left alone;
 * - a per-phase course proposal (rule 4) is skipped when a confirmed need of the same programme
 *   type already answers it (e.g. the admin confirmed another field);
 * - stored *proposed* needs from the rules that are no longer produced are removed; confirmed,
 *   dropped and manual needs are never touched.
 */
export function reconcileNeeds(proposals: readonly ProposedNeed[], stored: readonly StoredNeed[]): ReconcilePlan {
  const byKey = new Map(stored.map((n) => [needKey(n.programmeType, n.field), n]));
  const plan: ReconcilePlan = { create: [], remove: [], update: [], unchanged: [] };
  const produced = new Set<string>();
  for (const p of proposals) {
    const key = needKey(p.programmeType, p.field);
    produced.add(key);
    const s = byKey.get(key);
    if (s) {
      if (
        s.status === 'proposed' &&
        s.source !== 'manual' &&
        (s.priority !== p.priority || s.reason !== p.reason || s.source !== p.source)
      ) {
        plan.update.push({ stored: s, proposal: p });
      }
      continue;
    }
    if (p.source === 'rule4' && stored.some((n) => n.status === 'confirmed' && n.programmeType === p.programmeType)) continue;
    plan.create.push(p);
  }
  const updated = new Set(plan.update.map((u) => u.stored.id));
  for (const s of stored) {
    if (s.status === 'proposed' && s.source !== 'manual' && !produced.has(needKey(s.programmeType, s.field))) plan.remove.push(s);
    else if (!updated.has(s.id)) plan.unchanged.push(s);
  }
  return plan;
}

// ---------- "Cần bồi dưỡng ngay" and "Cảnh báo thiếu chuẩn VTVL" ----------

/** Nominated to (or already through) a CMCN class: the below-standard person is being dealt with (SPEC §9 K1). */
export function hasCmcnNomination(h: TrainingHistory): boolean {
  return h.nominatedProgrammes.has('CMCN') || h.completedProgrammes.has('CMCN');
}

/** "Lập danh sách cần bồi dưỡng ngay" (Decision 700 §V.2.a): below standard and not yet sent to a CMCN class. */
export function needsTrainingNow(s: { belowStandard: boolean }, h: TrainingHistory): boolean {
  return s.belowStandard && !hasCmcnNomination(h);
}

/** Order of the urgent list: affected by the reorganisation first, then Vietnamese name order. */
export function compareUrgent(
  a: { affectedByReorg: boolean; fullName: string },
  b: { affectedByReorg: boolean; fullName: string },
): number {
  if (a.affectedByReorg !== b.affectedByReorg) return a.affectedByReorg ? -1 : 1;
  return compareVietnameseNames(a.fullName, b.fullName);
}

export interface WarningSubject {
  belowStandard: boolean;
  affectedByReorg: boolean;
  /** Start of the open below-standard flag period. */
  belowStandardSince: string | null;
  /** Start of the current assignment in the commune. */
  servingSince: string;
  positionName: string | null;
}

export interface Warning {
  kind: NeedWarningKind;
  since: string;
  message: string;
}

/**
 * Standing warnings of one official in service (Directive §II.4 "cảnh báo thiếu chuẩn vị trí việc
 * làm"; SPEC §4, §9): (a) below the position's standard and not nominated to a CMCN class;
 * (b) no training at all yet in the phase of the as-of date (none outside 2026–2031).
 */
export function warningsFor(s: WarningSubject, h: TrainingHistory, phase: Phase | null): Warning[] {
  const out: Warning[] = [];
  if (needsTrainingNow(s, h)) {
    out.push({
      kind: 'below_standard_not_nominated',
      since: s.belowStandardSince ?? s.servingSince,
      message:
        `Chưa đáp ứng yêu cầu chuyên môn của ${s.positionName ? `vị trí việc làm "${s.positionName}"` : 'vị trí việc làm'} và chưa được cử đi bồi dưỡng kiến thức chuyên môn chuyên ngành` +
        (s.affectedByReorg ? ' (thuộc nhóm chịu tác động của sắp xếp tổ chức bộ máy)' : ''),
    });
  }
  if (phase !== null && !h.trainedInPhase) {
    const p = PHASES[phase];
    out.push({
      kind: 'no_training_in_phase',
      since: s.servingSince > p.start ? s.servingSince : p.start,
      message: `Chưa được bồi dưỡng khóa nào trong giai đoạn ${p.start.slice(0, 4)}–${p.end.slice(0, 4)}`,
    });
  }
  return out;
}

/** The phase to work on when none is asked for: the phase of the date, the first before 2026, the last after 2031. */
export function defaultPhase(asOf: string): Phase {
  return phaseOf(asOf) ?? (asOf < PHASES[1].start ? 1 : 2);
}
