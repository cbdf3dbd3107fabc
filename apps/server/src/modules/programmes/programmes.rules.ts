/**
 * Pure rules of the programme catalogue (SPEC §5, §9 K8): defaults per type, what a valid
 * programme is, the warnings it keeps, the approval flow and what an edit does to an approved one.
 */
import {
  APPROVAL_STATUS_LABELS,
  MIN_PRACTICE_SHARE_PCT,
  PROFESSIONAL_PROGRAMME_TYPES,
  PROGRAMME_TYPE_DEFAULTS,
  PROGRAMME_TYPE_LABELS,
  type ApprovalStatus,
  type ProgrammeOwner,
  type ProgrammeType,
  type ProgrammeWarning,
  type TrainingField,
} from '@app/shared';

/** The numbers and switches a programme is judged on. */
export interface ProgrammeFacts {
  type: ProgrammeType;
  owner: ProgrammeOwner;
  ownerProvinceCode: string | null;
  fields: readonly TrainingField[];
  durationDays: number;
  totalHours: number;
  practiceHours: number;
  minAttendancePct: number;
  maxExcusedPct: number;
  passScore: number;
  certificateMeetsRequirement: boolean;
}

export interface FieldIssue {
  field: string;
  message: string;
}

export function isProfessional(type: ProgrammeType): boolean {
  return (PROFESSIONAL_PROGRAMME_TYPES as readonly string[]).includes(type);
}

/** Share of practice, case-study and simulation time, in %, one decimal. */
export function practiceSharePct(practiceHours: number, totalHours: number): number {
  if (totalHours <= 0) return 0;
  return Math.round((practiceHours * 1000) / totalHours) / 10;
}

/**
 * SPEC §5 / K8: a professional programme needs ≥ 60% practice time. Compared in whole numbers
 * (practice × 100 < 60 × total), so 59.99% warns and exactly 60% does not.
 */
export function practiceShareTooLow(f: Pick<ProgrammeFacts, 'type' | 'practiceHours' | 'totalHours'>): boolean {
  return isProfessional(f.type) && f.practiceHours * 100 < MIN_PRACTICE_SHARE_PCT * f.totalHours;
}

/** Values a new programme of this type starts from when the request leaves them out. */
export function defaultsFor(type: ProgrammeType) {
  const d = PROGRAMME_TYPE_DEFAULTS[type];
  return {
    durationDays: d.durationDays,
    totalHours: d.totalHours,
    practiceHours: d.practiceHours,
    // Circular 01/2018/TT-BNV: full attendance with excused absences up to 20%, at least 5/10.
    minAttendancePct: 100,
    maxExcusedPct: 20,
    passScore: 5,
    requiresEssay: false,
    certificateMeetsRequirement: d.certificateMeetsRequirement,
  };
}

/** The first reason the programme cannot be saved, or null. */
export function programmeIssue(f: ProgrammeFacts): FieldIssue | null {
  if (f.owner === 'province' && !f.ownerProvinceCode) {
    return { field: 'ownerProvinceCode', message: 'chương trình của tỉnh phải ghi tỉnh chủ quản' };
  }
  if (f.owner !== 'province' && f.ownerProvinceCode) {
    return { field: 'ownerProvinceCode', message: 'chỉ chương trình của tỉnh mới có tỉnh chủ quản' };
  }
  if (f.durationDays <= 0) return { field: 'durationDays', message: 'phải lớn hơn 0' };
  if (f.totalHours <= 0) return { field: 'totalHours', message: 'phải lớn hơn 0' };
  if (f.practiceHours < 0) return { field: 'practiceHours', message: 'không được âm' };
  if (f.practiceHours > f.totalHours) {
    return { field: 'practiceHours', message: `không được lớn hơn tổng số giờ (${f.practiceHours} > ${f.totalHours})` };
  }
  if (f.minAttendancePct < 0 || f.minAttendancePct > 100) return { field: 'minAttendancePct', message: 'phải từ 0 đến 100' };
  if (f.maxExcusedPct < 0 || f.maxExcusedPct > 100) return { field: 'maxExcusedPct', message: 'phải từ 0 đến 100' };
  if (f.passScore < 0 || f.passScore > 10) return { field: 'passScore', message: 'phải từ 0 đến 10' };
  if (new Set(f.fields).size !== f.fields.length) return { field: 'fields', message: 'có lĩnh vực bị lặp' };
  if (PROGRAMME_TYPE_DEFAULTS[f.type].requiresField && f.fields.length === 0) {
    return { field: 'fields', message: `chương trình loại "${PROGRAMME_TYPE_LABELS[f.type]}" phải có ít nhất một lĩnh vực` };
  }
  // SPEC §4 rule 1, §6: only the specialised-knowledge certificate makes the holder meet the position's requirement.
  if (f.certificateMeetsRequirement && f.type !== 'CMCN') {
    return {
      field: 'certificateMeetsRequirement',
      message:
        'chỉ chứng chỉ chương trình bồi dưỡng kiến thức chuyên môn chuyên ngành (CMCN) được tính là đáp ứng yêu cầu chuyên môn của vị trí việc làm',
    };
  }
  return null;
}

/** Warnings the programme keeps while its numbers stay as they are (save answers and lists show them). */
export function programmeWarnings(f: Pick<ProgrammeFacts, 'type' | 'durationDays' | 'totalHours' | 'practiceHours'>): ProgrammeWarning[] {
  const out: ProgrammeWarning[] = [];
  if (practiceShareTooLow(f)) {
    out.push({
      code: 'practice_share_low',
      field: 'practiceHours',
      message: `Thời lượng thực hành, tình huống, mô phỏng chỉ chiếm ${formatPct(practiceSharePct(f.practiceHours, f.totalHours))}% (${f.practiceHours}/${f.totalHours} giờ); chương trình chuyên môn, kỹ năng cần ít nhất ${MIN_PRACTICE_SHARE_PCT}% (Quyết định 700/QĐ-TTg).`,
    });
  }
  const typical = PROGRAMME_TYPE_DEFAULTS[f.type].typicalDays;
  if (typical && (f.durationDays < typical.min || f.durationDays > typical.max)) {
    out.push({
      code: 'duration_atypical',
      field: 'durationDays',
      message: `Thời lượng ${f.durationDays} ngày nằm ngoài khoảng thường dùng ${typical.min}–${typical.max} ngày của loại chương trình "${PROGRAMME_TYPE_LABELS[f.type]}".`,
    });
  }
  if (f.durationDays > 0 && f.totalHours > f.durationDays * 8) {
    out.push({
      code: 'hours_per_day_high',
      field: 'totalHours',
      message: `Bình quân ${formatPct(Math.round((f.totalHours * 10) / f.durationDays) / 10)} giờ mỗi ngày, vượt 8 giờ một ngày làm việc.`,
    });
  }
  return out;
}

function formatPct(n: number): string {
  return String(n).replace('.', ',');
}

/** Approval flow draft → approved → retired (SPEC §5). */
export type ProgrammeTransition = 'approve' | 'retire';
export function transitionIssue(status: ApprovalStatus, to: ProgrammeTransition): string | null {
  if (to === 'approve') {
    return status === 'draft'
      ? null
      : `chỉ phê duyệt được bản dự thảo (chương trình đang ở trạng thái "${APPROVAL_STATUS_LABELS[status]}")`;
  }
  return status === 'approved'
    ? null
    : `chỉ ngừng sử dụng được chương trình đã phê duyệt (chương trình đang ở trạng thái "${APPROVAL_STATUS_LABELS[status]}")`;
}

/**
 * What an edit does (SPEC §5 versions): a draft changes in place; an approved programme is never
 * changed, the edit becomes a new draft version; a retired one is not edited.
 */
export type EditMode = 'in_place' | 'new_version' | 'refused';
export function editModeOf(status: ApprovalStatus): EditMode {
  switch (status) {
    case 'draft':
      return 'in_place';
    case 'approved':
      return 'new_version';
    case 'retired':
      return 'refused';
  }
}

/** A code for a new programme when none is given, e.g. BNV.CMNV.4, HVCTQG.KNBT.2, T66.KHAC.1. */
export function generatedCode(owner: ProgrammeOwner, ownerProvinceCode: string | null, type: ProgrammeType, seq: number): string {
  const prefix = owner === 'ministry' ? 'BNV' : owner === 'hcma' ? 'HVCTQG' : `T${ownerProvinceCode ?? ''}`;
  return `${prefix}.${type}.${seq}`;
}
