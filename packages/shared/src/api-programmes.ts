/**
 * Request/response schemas of the programme catalogue, the training plans (with plan vs actual)
 * and the instructor and speaker pool (SPEC §5, §9 P1/K8, §12). Code lists of the programme
 * catalogue (owners, approval statuses, professional types) live in training.ts.
 */
import { z } from 'zod';
import { dbInt, FIELD_LABELS, isoDate } from './api.ts';
import { PROGRAMME_TYPES, TRAINING_FIELDS, type ProgrammeType } from './officials.ts';
import { APPROVAL_STATUSES, INSTRUCTOR_KINDS, PROGRAMME_OWNERS } from './training.ts';

/**
 * Vietnamese names of this API's request fields for error messages. Added to FIELD_LABELS without
 * replacing a label that is already there (the owner of api.ts may move them into the list).
 */
const LABELS: Record<string, string> = {
  owner: 'Cơ quan chủ quản chương trình',
  ownerProvinceCode: 'Tỉnh chủ quản',
  fields: 'Lĩnh vực',
  targetAudience: 'Đối tượng bồi dưỡng',
  durationDays: 'Thời lượng (ngày)',
  totalHours: 'Tổng số giờ',
  practiceHours: 'Số giờ thực hành, tình huống, mô phỏng',
  minAttendancePct: 'Tỷ lệ tham dự tối thiểu (%)',
  maxExcusedPct: 'Tỷ lệ vắng có phép tối đa (%)',
  passScore: 'Điểm đạt',
  requiresEssay: 'Yêu cầu bài thu hoạch',
  certificateMeetsRequirement: 'Chứng chỉ được tính là đáp ứng yêu cầu chuyên môn',
  description: 'Mô tả',
  lowPractice: 'Tỷ lệ thực hành dưới chuẩn',
  level: 'Cấp kế hoạch',
  year: 'Năm',
  title: 'Tên kế hoạch',
  parentPlanId: 'Kế hoạch cấp trên',
  documentNo: 'Số văn bản',
  documentDate: 'Ngày văn bản',
  targets: 'Chỉ tiêu',
  classes: 'Số lớp',
  attendances: 'Số lượt người học',
  asOf: 'Ngày tính',
  orgId: 'Cơ sở đào tạo',
  organisation: 'Cơ quan công tác',
  jobTitle: 'Chức danh, học hàm, học vị',
};
for (const [k, v] of Object.entries(LABELS)) if (!(k in FIELD_LABELS)) FIELD_LABELS[k] = v;

const boolish = z.union([z.boolean(), z.enum(['true', 'false', '1', '0'])]).transform((v) => v === true || v === 'true' || v === '1');
const text = (max: number) => z.string().trim().min(1).max(max);
const nullableText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v));
const idParam = z.coerce.number().int().positive().max(2_147_483_647);
const page = z.coerce.number().int().min(1).max(100_000).default(1);
const uniqueFields = z
  .array(z.enum(TRAINING_FIELDS))
  .max(TRAINING_FIELDS.length)
  .refine((a) => new Set(a).size === a.length, 'có lĩnh vực bị lặp');

// =====================================================================================
// Programmes (chương trình bồi dưỡng)
// =====================================================================================

export interface ProgrammeTypeDefaults {
  durationDays: number;
  totalHours: number;
  practiceHours: number;
  /** Usual length in days (Decision 700 §IV); outside it saving warns. null: no usual length. */
  typicalDays: { min: number; max: number } | null;
  certificateMeetsRequirement: boolean;
  /** A programme of this type must name at least one training field. */
  requiresField: boolean;
  /** Who usually owns the curriculum. */
  usualOwner: (typeof PROGRAMME_OWNERS)[number];
}

/**
 * Defaults of each programme type (Decision 700 §IV; Decree 171/2025 for leaders' state
 * management: 4 weeks; CMCN: 3 months ≈ 60 working days). New programmes start from these.
 */
export const PROGRAMME_TYPE_DEFAULTS: Record<ProgrammeType, ProgrammeTypeDefaults> = {
  CMCN: {
    durationDays: 60,
    totalHours: 480,
    practiceHours: 300,
    typicalDays: { min: 50, max: 70 },
    certificateMeetsRequirement: true,
    requiresField: false,
    usualOwner: 'ministry',
  },
  QLNN_LANHDAO: {
    durationDays: 20,
    totalHours: 160,
    practiceHours: 64,
    typicalDays: { min: 10, max: 25 },
    certificateMeetsRequirement: false,
    requiresField: false,
    usualOwner: 'hcma',
  },
  QLNN_CHUNG: {
    durationDays: 10,
    totalHours: 80,
    practiceHours: 32,
    typicalDays: { min: 8, max: 12 },
    certificateMeetsRequirement: false,
    requiresField: false,
    usualOwner: 'ministry',
  },
  CMNV: {
    durationDays: 3,
    totalHours: 24,
    practiceHours: 15,
    typicalDays: { min: 2, max: 5 },
    certificateMeetsRequirement: false,
    requiresField: true,
    usualOwner: 'ministry',
  },
  KNBT: {
    durationDays: 3,
    totalHours: 24,
    practiceHours: 15,
    typicalDays: { min: 2, max: 5 },
    certificateMeetsRequirement: false,
    requiresField: true,
    usualOwner: 'ministry',
  },
  CAPNHAT: {
    durationDays: 2,
    totalHours: 16,
    practiceHours: 10,
    typicalDays: { min: 2, max: 5 },
    certificateMeetsRequirement: false,
    requiresField: true,
    usualOwner: 'ministry',
  },
  KHAC: {
    durationDays: 5,
    totalHours: 40,
    practiceHours: 0,
    typicalDays: null,
    certificateMeetsRequirement: false,
    requiresField: false,
    usualOwner: 'province',
  },
};

/** Warnings a programme keeps while its numbers stay as they are (shown on save and in lists). */
export const PROGRAMME_WARNING_CODES = ['practice_share_low', 'duration_atypical', 'hours_per_day_high'] as const;
export type ProgrammeWarningCode = (typeof PROGRAMME_WARNING_CODES)[number];
export const ProgrammeWarning = z.object({
  code: z.enum(PROGRAMME_WARNING_CODES),
  field: z.string(),
  message: z.string(),
});
export type ProgrammeWarning = z.infer<typeof ProgrammeWarning>;

export const ProgrammeIdParams = z.object({ id: idParam });

export const ProgrammeListQuery = z.object({
  type: z.enum(PROGRAMME_TYPES).optional(),
  status: z.enum(APPROVAL_STATUSES).optional(),
  owner: z.enum(PROGRAMME_OWNERS).optional(),
  /** Province of province-owned programmes. */
  province: z
    .string()
    .regex(/^\d{2}$/, 'gồm 2 chữ số')
    .optional(),
  field: z.enum(TRAINING_FIELDS).optional(),
  /** Only professional programmes whose practice share is below 60% (K8). */
  lowPractice: boolish.optional(),
  q: z.string().max(100).optional(),
  page,
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
export type ProgrammeListQuery = z.infer<typeof ProgrammeListQuery>;

export const ProgrammeItem = z.object({
  id: z.number().int(),
  /** Shared by every version of one programme. */
  code: z.string(),
  name: z.string(),
  type: z.enum(PROGRAMME_TYPES),
  owner: z.enum(PROGRAMME_OWNERS),
  ownerProvinceCode: z.string().nullable(),
  ownerProvinceName: z.string().nullable(),
  fields: z.array(z.enum(TRAINING_FIELDS)),
  targetAudience: z.string().nullable(),
  durationDays: z.number().int(),
  totalHours: z.number().int(),
  practiceHours: z.number().int(),
  /** practiceHours / totalHours, in %, one decimal. */
  practiceSharePct: z.number(),
  minAttendancePct: z.number().int(),
  maxExcusedPct: z.number().int(),
  passScore: z.number(),
  requiresEssay: z.boolean(),
  certificateMeetsRequirement: z.boolean(),
  approvalStatus: z.enum(APPROVAL_STATUSES),
  versionNo: z.number().int(),
  previousId: z.number().int().nullable(),
  description: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  /** Optimistic-concurrency version of the record (not the curriculum's versionNo). */
  version: z.number().int(),
  warnings: z.array(ProgrammeWarning),
  /** May the caller edit (or make a new version of), approve or retire it? */
  canEdit: z.boolean(),
});
export type ProgrammeItem = z.infer<typeof ProgrammeItem>;
export const ProgrammeListResponse = z.object({ items: z.array(ProgrammeItem), total: z.number().int() });
export type ProgrammeListResponse = z.infer<typeof ProgrammeListResponse>;

export const ProgrammeVersionItem = z.object({
  id: z.number().int(),
  versionNo: z.number().int(),
  approvalStatus: z.enum(APPROVAL_STATUSES),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export const ProgrammeDetail = ProgrammeItem.extend({
  /** Every version of the programme the caller may see, oldest first. */
  versions: z.array(ProgrammeVersionItem),
  /** Classes that use this version (they keep pointing at it when a newer version is approved). */
  classCount: z.number().int(),
});
export type ProgrammeDetail = z.infer<typeof ProgrammeDetail>;

export const CreateProgrammeRequest = z.object({
  /** Generated when absent (e.g. T66.CMNV.3). */
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9_.-]{2,40}$/, 'chỉ gồm chữ in hoa không dấu, số, dấu chấm, gạch (2–40 ký tự)')
    .optional(),
  name: text(300),
  type: z.enum(PROGRAMME_TYPES),
  owner: z.enum(PROGRAMME_OWNERS),
  /** Required for province-owned programmes (a province admin's own province by default). */
  ownerProvinceCode: z
    .string()
    .regex(/^\d{2}$/, 'gồm 2 chữ số')
    .nullable()
    .optional(),
  fields: uniqueFields.default([]),
  targetAudience: nullableText(500),
  /** Absent: the type's default (PROGRAMME_TYPE_DEFAULTS). */
  durationDays: z.number().int().min(1).max(1000).optional(),
  totalHours: z.number().int().min(1).max(10_000).optional(),
  practiceHours: z.number().int().min(0).max(10_000).optional(),
  minAttendancePct: z.number().int().min(0).max(100).optional(),
  maxExcusedPct: z.number().int().min(0).max(100).optional(),
  passScore: z.number().min(0).max(10).multipleOf(0.01).optional(),
  requiresEssay: z.boolean().optional(),
  certificateMeetsRequirement: z.boolean().optional(),
  description: nullableText(4000),
});
export type CreateProgrammeRequest = z.infer<typeof CreateProgrammeRequest>;

/**
 * A draft is edited in place; an approved programme answers with a new draft version (201) and
 * stays as it was. Type, owner and code belong to the programme and do not change.
 */
export const UpdateProgrammeRequest = z.object({
  name: text(300).optional(),
  fields: uniqueFields.optional(),
  targetAudience: nullableText(500),
  durationDays: z.number().int().min(1).max(1000).optional(),
  totalHours: z.number().int().min(1).max(10_000).optional(),
  practiceHours: z.number().int().min(0).max(10_000).optional(),
  minAttendancePct: z.number().int().min(0).max(100).optional(),
  maxExcusedPct: z.number().int().min(0).max(100).optional(),
  passScore: z.number().min(0).max(10).multipleOf(0.01).optional(),
  requiresEssay: z.boolean().optional(),
  certificateMeetsRequirement: z.boolean().optional(),
  description: nullableText(4000),
  version: dbInt(),
});
export type UpdateProgrammeRequest = z.infer<typeof UpdateProgrammeRequest>;

export const ProgrammeStatusRequest = z.object({ version: dbInt() });

// =====================================================================================
// Plans (kế hoạch) and plan vs actual (P1)
// =====================================================================================

export const PLAN_LEVELS = ['national', 'province', 'commune'] as const;
export type PlanLevel = (typeof PLAN_LEVELS)[number];
export const PLAN_LEVEL_LABELS: Record<PlanLevel, string> = {
  national: 'Toàn quốc (Bộ Nội vụ)',
  province: 'Cấp tỉnh',
  commune: 'Cấp xã',
};
/** Programme types of a plan's targets, and ALL for the plan's overall target. */
export const PLAN_TARGET_TYPES = [...PROGRAMME_TYPES, 'ALL'] as const;
export type PlanTargetType = (typeof PLAN_TARGET_TYPES)[number];

export const PlanTarget = z.object({
  programmeType: z.enum(PLAN_TARGET_TYPES),
  classes: z.number().int().min(0).max(10_000_000),
  attendances: z.number().int().min(0).max(100_000_000),
});
export type PlanTarget = z.infer<typeof PlanTarget>;

export const PlanProgressRow = z.object({
  programmeType: z.enum(PLAN_TARGET_TYPES),
  plannedClasses: z.number().int(),
  actualClasses: z.number().int(),
  /** actual / planned in %, one decimal; null when nothing is planned. */
  classesPct: z.number().nullable(),
  plannedAttendances: z.number().int(),
  actualAttendances: z.number().int(),
  attendancesPct: z.number().nullable(),
});
export type PlanProgressRow = z.infer<typeof PlanProgressRow>;
export const PlanProgress = z.object({
  asOf: isoDate,
  periodStart: isoDate,
  periodEnd: isoDate,
  /** Classes ending from periodStart to this date count (the earlier of periodEnd and asOf). */
  countedUntil: isoDate,
  /** Share of the period elapsed by asOf, in %, one decimal (0 before it starts, 100 after it ends): the pace a dashboard compares against. */
  elapsedPct: z.number(),
  overall: PlanProgressRow,
  /** Programme types with a target or with classes held, in the catalogue's order. */
  byProgrammeType: z.array(PlanProgressRow),
});
export type PlanProgress = z.infer<typeof PlanProgress>;

export const PlanIdParams = z.object({ id: idParam });
export const PlanDetailQuery = z.object({ asOf: isoDate.optional() });
export const PlanListQuery = z.object({
  level: z.enum(PLAN_LEVELS).optional(),
  province: z
    .string()
    .regex(/^\d{2}$/, 'gồm 2 chữ số')
    .optional(),
  commune: z
    .string()
    .regex(/^\d{5}$/, 'gồm 5 chữ số')
    .optional(),
  phase: z
    .string()
    .regex(/^[12]$/, 'phải là 1 (2026–2028) hoặc 2 (2029–2031)')
    .transform((v) => Number(v) as 1 | 2)
    .optional(),
  year: z.coerce.number().int().min(2026).max(2031).optional(),
  /** Plan vs actual as of this date (default: today). */
  asOf: isoDate.optional(),
});
export type PlanListQuery = z.infer<typeof PlanListQuery>;

export const PlanItem = z.object({
  id: z.number().int(),
  level: z.enum(PLAN_LEVELS),
  provinceCode: z.string().nullable(),
  provinceName: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  phase: z.number().int(),
  /** null: a plan for the whole phase. */
  year: z.number().int().nullable(),
  title: z.string(),
  parentPlanId: z.number().int().nullable(),
  parentTitle: z.string().nullable(),
  documentNo: z.string().nullable(),
  documentDate: isoDate.nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  /** Always with an ALL row (the overall target). */
  targets: z.array(PlanTarget),
  progress: PlanProgress,
  canEdit: z.boolean(),
});
export type PlanItem = z.infer<typeof PlanItem>;
export const PlanListResponse = z.object({ items: z.array(PlanItem), total: z.number().int() });
export type PlanListResponse = z.infer<typeof PlanListResponse>;
export const PlanDetail = PlanItem.extend({
  /** Plans that name this one as parent and that the caller may see, with their overall progress. */
  children: z.array(
    z.object({
      id: z.number().int(),
      level: z.enum(PLAN_LEVELS),
      provinceCode: z.string().nullable(),
      communeCode: z.string().nullable(),
      year: z.number().int().nullable(),
      title: z.string(),
      overall: PlanProgressRow,
    }),
  ),
});
export type PlanDetail = z.infer<typeof PlanDetail>;

const targetsSchema = z.array(PlanTarget).max(PLAN_TARGET_TYPES.length * 2);
export const CreatePlanRequest = z.object({
  level: z.enum(PLAN_LEVELS),
  /** Province plans; taken from the commune for commune plans. */
  provinceCode: z
    .string()
    .regex(/^\d{2}$/, 'gồm 2 chữ số')
    .nullable()
    .optional(),
  communeCode: z
    .string()
    .regex(/^\d{5}$/, 'gồm 5 chữ số')
    .nullable()
    .optional(),
  phase: z.number().int().min(1).max(2),
  /** A year of the phase for a yearly plan; null/absent for the whole phase. */
  year: z.number().int().min(2000).max(2100).nullable().optional(),
  /** Generated from level, place and period when absent. */
  title: text(300).optional(),
  parentPlanId: dbInt().nullable().optional(),
  documentNo: nullableText(100),
  documentDate: isoDate.nullable().optional(),
  /** Per programme type, plus ALL (absent: the sum of the types). */
  targets: targetsSchema,
});
export type CreatePlanRequest = z.infer<typeof CreatePlanRequest>;
export const UpdatePlanRequest = z.object({
  title: text(300).optional(),
  parentPlanId: dbInt().nullable().optional(),
  documentNo: nullableText(100),
  documentDate: isoDate.nullable().optional(),
  /** Replaces every target of the plan. */
  targets: targetsSchema.optional(),
  version: dbInt(),
});
export type UpdatePlanRequest = z.infer<typeof UpdatePlanRequest>;

// =====================================================================================
// Instructors and speakers (giảng viên, báo cáo viên)
// =====================================================================================

export const InstructorIdParams = z.object({ id: idParam });
export const InstructorListQuery = z.object({
  q: z.string().max(100).optional(),
  field: z.enum(TRAINING_FIELDS).optional(),
  orgId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  kind: z.enum(INSTRUCTOR_KINDS).optional(),
  active: boolish.optional(),
  page,
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type InstructorListQuery = z.infer<typeof InstructorListQuery>;

export const InstructorItem = z.object({
  id: z.number().int(),
  fullName: z.string(),
  kind: z.enum(INSTRUCTOR_KINDS),
  /** The training organisation whose pool holds the person (it invites and manages them). */
  orgId: z.number().int().nullable(),
  orgCode: z.string().nullable(),
  orgName: z.string().nullable(),
  /** Province of that organisation (null: a national one, or no organisation). */
  provinceCode: z.string().nullable(),
  /** Where the person works, when not the training organisation itself. */
  organisation: z.string().nullable(),
  jobTitle: z.string().nullable(),
  fields: z.array(z.enum(TRAINING_FIELDS)),
  /** Contact details only for those who manage the person; null otherwise. */
  email: z.string().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  /** Sessions and distinct classes taught (all classes, whoever organised them). */
  sessionCount: z.number().int(),
  classCount: z.number().int(),
  /** Learners' average rating (1–5) from course surveys: filled by the survey module (SPEC §7, §12); null until then. */
  averageRating: z.number().nullable(),
  canEdit: z.boolean(),
});
export type InstructorItem = z.infer<typeof InstructorItem>;
export const InstructorListResponse = z.object({ items: z.array(InstructorItem), total: z.number().int() });
export type InstructorListResponse = z.infer<typeof InstructorListResponse>;

export const InstructorSession = z.object({
  sessionId: z.number().int(),
  classId: z.number().int(),
  classCode: z.string(),
  className: z.string(),
  programmeType: z.enum(PROGRAMME_TYPES),
  organiserName: z.string(),
  date: isoDate,
  startTime: z.string(),
  endTime: z.string(),
  topic: z.string().nullable(),
});
export const InstructorDetail = InstructorItem.extend({
  /** Sessions taught in classes the caller may see, newest first. */
  sessions: z.array(InstructorSession),
  /** Sessions taught in classes outside the caller's scope (counted, not listed). */
  otherSessions: z.number().int(),
});
export type InstructorDetail = z.infer<typeof InstructorDetail>;

const email = z.email('không đúng dạng thư điện tử').max(200).nullable().optional();
const phone = z
  .string()
  .trim()
  .regex(/^[0-9+ .-]{8,20}$/, 'không hợp lệ')
  .nullable()
  .optional();
export const CreateInstructorRequest = z.object({
  fullName: text(200),
  kind: z.enum(INSTRUCTOR_KINDS),
  /** Training organisation (a training org's own by default); a province admin picks one of its province. */
  orgId: dbInt().nullable().optional(),
  organisation: nullableText(300),
  jobTitle: nullableText(200),
  fields: uniqueFields.default([]),
  email,
  phone,
  active: z.boolean().optional(),
});
export type CreateInstructorRequest = z.infer<typeof CreateInstructorRequest>;
export const UpdateInstructorRequest = z.object({
  fullName: text(200).optional(),
  kind: z.enum(INSTRUCTOR_KINDS).optional(),
  orgId: dbInt().nullable().optional(),
  organisation: nullableText(300),
  jobTitle: nullableText(200),
  fields: uniqueFields.optional(),
  email,
  phone,
  active: z.boolean().optional(),
  version: dbInt(),
});
export type UpdateInstructorRequest = z.infer<typeof UpdateInstructorRequest>;
