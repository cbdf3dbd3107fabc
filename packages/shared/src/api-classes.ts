/**
 * Request/response schemas of classes, sessions, bridge points (SPEC §5), nominations, the
 * service-continuity guard, attendance and results (SPEC §6). One schema for the server check and
 * the web form (STYLE.md §6).
 */
import { z } from 'zod';
import { dbInt, FIELD_LABELS, isoDate } from './api.ts';
import { NEED_STATUSES } from './api-needs.ts';
import { PROGRAMME_TYPES, TRAINING_FIELDS } from './officials.ts';
import {
  ATTENDANCE_STATUSES,
  BRIDGE_POINT_LEVELS,
  CLASS_MODES,
  CLASS_STATUSES,
  ENROLMENT_RESULTS,
  ENROLMENT_STATUSES,
  SCHEDULE_TYPES,
} from './training.ts';

/**
 * Vietnamese names of this feature's request fields, so a refusal names the field the way the
 * user sees it. Added to the shared FIELD_LABELS without overriding a label that already exists.
 */
export const CLASS_FIELD_LABELS: Record<string, string> = {
  programmeId: 'Chương trình',
  organiserId: 'Cơ sở tổ chức lớp',
  hostCommuneCode: 'Xã đăng cai',
  communeCodes: 'Các xã có học viên (liên xã)',
  planId: 'Kế hoạch',
  mode: 'Hình thức học',
  scheduleType: 'Thời gian học',
  startDate: 'Ngày khai giảng',
  endDate: 'Ngày bế giảng',
  capacity: 'Số học viên tối đa',
  requiresUnitHeadApproval: 'Cần thủ trưởng đơn vị duyệt',
  budgetPlannedCentral: 'Kinh phí dự kiến — ngân sách trung ương',
  budgetPlannedLocal: 'Kinh phí dự kiến — ngân sách địa phương',
  budgetPlannedSponsor: 'Kinh phí dự kiến — tài trợ, nguồn khác',
  budgetActualCentral: 'Kinh phí thực chi — ngân sách trung ương',
  budgetActualLocal: 'Kinh phí thực chi — ngân sách địa phương',
  budgetActualSponsor: 'Kinh phí thực chi — tài trợ, nguồn khác',
  supportPerLearner: 'Mức hỗ trợ mỗi học viên',
  assessmentCount: 'Số bài kiểm tra, đánh giá',
  note: 'Ghi chú',
  date: 'Ngày học',
  startTime: 'Giờ bắt đầu',
  endTime: 'Giờ kết thúc',
  place: 'Địa điểm',
  link: 'Đường dẫn học trực tuyến',
  topic: 'Chuyên đề',
  instructorId: 'Giảng viên, báo cáo viên',
  address: 'Địa chỉ',
  decisionNo: 'Số quyết định cử',
  decisionDate: 'Ngày quyết định cử',
  overrideReason: 'Lý do vẫn cử khi thiếu người làm việc',
  bridgePointId: 'Điểm cầu',
  sessionId: 'Buổi học',
  records: 'Danh sách ghi nhận',
  enrolmentId: 'Học viên (mã ghi danh)',
  assessmentNo: 'Bài kiểm tra số',
  score: 'Điểm',
  maxSharePct: 'Tỷ lệ người được vắng tối đa (%)',
  serviceCentreMinStaff: 'Số người tối thiểu ở Trung tâm phục vụ hành chính công',
  requireUnitHeadApproval: 'Cử học cần thủ trưởng đơn vị duyệt',
  result: 'Kết quả',
  finalScore: 'Điểm tổng kết',
  classId: 'Lớp',
};
for (const [k, v] of Object.entries(CLASS_FIELD_LABELS)) FIELD_LABELS[k] ??= v;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'phải có dạng HH:MM (00:00–23:59)');
const id = () => z.number().int().min(1).max(2_147_483_647);
const money = () => z.number().int('phải là số nguyên (đồng)').min(0).max(99_999_999_999_999);
const trimmed = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const communeCode = z.string().regex(/^\d{5}$/, 'gồm 5 chữ số');
const provinceCode = z.string().regex(/^\d{2}$/, 'gồm 2 chữ số');
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'mã hồ sơ cán bộ, công chức không hợp lệ');
const boolish = z.union([z.boolean(), z.enum(['true', 'false', '1', '0'])]).transform((v) => v === true || v === 'true' || v === '1');
/** Scores 0–10 with at most two decimals (numeric(4,2)). */
const score = () =>
  z
    .number()
    .min(0)
    .max(10)
    .refine((s) => Math.abs(Math.round(s * 100) - s * 100) < 1e-6, 'chỉ được có tối đa 2 chữ số thập phân');

// ---------- classes ----------
export const ClassListQuery = z.object({
  status: z.enum(CLASS_STATUSES).optional(),
  programmeType: z.enum(PROGRAMME_TYPES).optional(),
  /** Classes that overlap [from, to]. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  q: z.string().max(100).optional(),
  organiserId: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  /** Classes serving this commune (liên xã list or a bridge point there). */
  commune: communeCode.optional(),
  province: provinceCode.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type ClassListQuery = z.infer<typeof ClassListQuery>;

export const ClassCounts = z.object({
  /** Seats taken: nominated + waiting for the unit head's approval. */
  enrolled: z.number().int(),
  nominated: z.number().int(),
  pendingApproval: z.number().int(),
  waitlisted: z.number().int(),
  cancelled: z.number().int(),
  completed: z.number().int(),
  failed: z.number().int(),
});
export type ClassCounts = z.infer<typeof ClassCounts>;

export const ClassListItem = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  programmeId: z.number().int(),
  programmeCode: z.string(),
  programmeName: z.string(),
  programmeType: z.enum(PROGRAMME_TYPES),
  organiserId: z.number().int(),
  organiserName: z.string(),
  provinceCode: z.string().nullable(),
  provinceName: z.string().nullable(),
  hostCommuneCode: z.string().nullable(),
  hostCommuneName: z.string().nullable(),
  mode: z.enum(CLASS_MODES),
  scheduleType: z.enum(SCHEDULE_TYPES),
  startDate: isoDate,
  endDate: isoDate,
  capacity: z.number().int(),
  status: z.enum(CLASS_STATUSES),
  counts: ClassCounts,
  version: z.number().int(),
});
export type ClassListItem = z.infer<typeof ClassListItem>;
export const ClassListResponse = z.object({ items: z.array(ClassListItem), total: z.number().int() });
export type ClassListResponse = z.infer<typeof ClassListResponse>;

export const ClassSessionItem = z.object({
  id: z.number().int(),
  date: isoDate,
  startTime: z.string(),
  endTime: z.string(),
  place: z.string().nullable(),
  link: z.string().nullable(),
  topic: z.string().nullable(),
  instructorId: z.number().int().nullable(),
  instructorName: z.string().nullable(),
});
export type ClassSessionItem = z.infer<typeof ClassSessionItem>;

export const BridgePointItem = z.object({
  id: z.number().int(),
  name: z.string(),
  level: z.enum(BRIDGE_POINT_LEVELS),
  provinceCode: z.string().nullable(),
  communeCode: z.string().nullable(),
  address: z.string().nullable(),
});
export type BridgePointItem = z.infer<typeof BridgePointItem>;

export const ClassActions = z.object({
  canEdit: z.boolean(),
  /** Attendance, scores, results (the organising training org). */
  canRecord: z.boolean(),
  /** The caller may nominate its commune's officials now (open class serving its commune). */
  canNominate: z.boolean(),
  nextStatuses: z.array(z.enum(CLASS_STATUSES)),
});

export const ClassDetail = ClassListItem.extend({
  planId: z.number().int().nullable(),
  requiresUnitHeadApproval: z.boolean(),
  budgetPlannedCentral: z.number(),
  budgetPlannedLocal: z.number(),
  budgetPlannedSponsor: z.number(),
  budgetActualCentral: z.number(),
  budgetActualLocal: z.number(),
  budgetActualSponsor: z.number(),
  supportPerLearner: z.number(),
  assessmentCount: z.number().int(),
  imported: z.boolean(),
  note: z.string().nullable(),
  programme: z.object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    type: z.enum(PROGRAMME_TYPES),
    fields: z.array(z.string()),
    minAttendancePct: z.number().int(),
    maxExcusedPct: z.number().int(),
    passScore: z.number(),
    requiresEssay: z.boolean(),
  }),
  communes: z.array(z.object({ code: z.string(), name: z.string(), provinceCode: z.string() })),
  bridgePoints: z.array(BridgePointItem),
  sessions: z.array(ClassSessionItem),
  actions: ClassActions,
  createdAt: z.string(),
});
export type ClassDetail = z.infer<typeof ClassDetail>;

const classFields = {
  name: trimmed(300),
  programmeId: id(),
  provinceCode: provinceCode.nullable().optional(),
  hostCommuneCode: communeCode.nullable().optional(),
  /** Communes the class serves (liên xã); the host commune is always added. */
  communeCodes: z.array(communeCode).max(500).optional(),
  planId: id().nullable().optional(),
  mode: z.enum(CLASS_MODES),
  scheduleType: z.enum(SCHEDULE_TYPES),
  startDate: isoDate,
  endDate: isoDate,
  capacity: z.number().int().min(1).max(100_000),
  requiresUnitHeadApproval: z.boolean().optional(),
  budgetPlannedCentral: money().optional(),
  budgetPlannedLocal: money().optional(),
  budgetPlannedSponsor: money().optional(),
  budgetActualCentral: money().optional(),
  budgetActualLocal: money().optional(),
  budgetActualSponsor: money().optional(),
  supportPerLearner: money().optional(),
  assessmentCount: z.number().int().min(0).max(20).optional(),
  note: optionalText(2000),
};
export const CreateClassRequest = z.object({
  /** Left out: the system makes one (L<year>.<organiser>.<number>). */
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{1,39}$/, 'gồm 2–40 ký tự: chữ không dấu, số, dấu chấm, gạch, gạch chéo')
    .optional(),
  /** Left out by a training org account: its own organisation. */
  organiserId: id().optional(),
  ...classFields,
});
export type CreateClassRequest = z.infer<typeof CreateClassRequest>;

export const UpdateClassRequest = CreateClassRequest.partial().extend({ version: dbInt() });
export type UpdateClassRequest = z.infer<typeof UpdateClassRequest>;

export const ChangeClassStatusRequest = z.object({
  status: z.enum(CLASS_STATUSES),
  /** When given, the class must still be at this version. */
  version: dbInt().optional(),
});

export const SessionRequest = z.object({
  date: isoDate,
  startTime: hhmm,
  endTime: hhmm,
  place: optionalText(300),
  link: z.url('phải là một đường dẫn (URL) hợp lệ').max(500).nullable().optional(),
  topic: optionalText(500),
  instructorId: id().nullable().optional(),
});
export type SessionRequest = z.infer<typeof SessionRequest>;
export const UpdateSessionRequest = SessionRequest.partial();
export type UpdateSessionRequest = z.infer<typeof UpdateSessionRequest>;

export const BridgePointRequest = z.object({
  /** Left out: "Điểm cầu <province/commune name>". Required for the central point. */
  name: optionalText(300),
  level: z.enum(BRIDGE_POINT_LEVELS),
  provinceCode: provinceCode.nullable().optional(),
  communeCode: communeCode.nullable().optional(),
  address: optionalText(500),
});
export type BridgePointRequest = z.infer<typeof BridgePointRequest>;

// ---------- nominations and the service-continuity guard ----------
export const GuardShortfall = z.object({
  date: isoDate,
  unitId: z.number().int(),
  unitName: z.string(),
  communeCode: z.string(),
  /** Active staff of the unit. */
  staff: z.number().int(),
  /** People of the unit away in in-office-hours classes that day, this request included. */
  away: z.number().int(),
  present: z.number().int(),
  /** Most people who may be away that day. */
  allowedAway: z.number().int(),
  /** share: above the configured share; last_person: nobody would stay; service_centre: below the centre's minimum. */
  reason: z.enum(['share', 'last_person', 'service_centre']),
  message: z.string(),
});
export type GuardShortfall = z.infer<typeof GuardShortfall>;
export const GuardReport = z.object({
  /** false when the class is not in office hours (after hours, evenings, weekends never count). */
  applies: z.boolean(),
  ok: z.boolean(),
  /** The request broke the guard and was accepted with a reason. */
  overridden: z.boolean(),
  maxSharePct: z.number().int(),
  serviceCentreMinStaff: z.number().int(),
  days: z.array(isoDate),
  shortfalls: z.array(GuardShortfall),
});
export type GuardReport = z.infer<typeof GuardReport>;

export const NominateRequest = z.object({
  decisionNo: trimmed(60),
  decisionDate: isoDate,
  officialIds: z.array(uuid).min(1).max(500),
  /** Accept a nomination that breaks the service-continuity guard (stored and audited). */
  overrideReason: optionalText(1000),
  /** Online classes: where the learners attend (defaults to their commune's, else their province's). */
  bridgePointId: id().nullable().optional(),
});
export type NominateRequest = z.infer<typeof NominateRequest>;

export const EnrolmentItem = z.object({
  id: z.number().int(),
  classId: z.number().int(),
  classCode: z.string(),
  className: z.string(),
  classStatus: z.enum(CLASS_STATUSES),
  classStartDate: isoDate,
  classEndDate: isoDate,
  programmeType: z.enum(PROGRAMME_TYPES),
  officialId: z.string(),
  fullName: z.string(),
  provinceCode: z.string(),
  communeCode: z.string(),
  communeName: z.string().nullable(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  decisionNo: z.string().nullable(),
  decisionDate: isoDate,
  status: z.enum(ENROLMENT_STATUSES),
  waitlistPosition: z.number().int().nullable(),
  bridgePointId: z.number().int().nullable(),
  result: z.enum(ENROLMENT_RESULTS).nullable(),
  finalScore: z.number().nullable(),
  guardOverrideReason: z.string().nullable(),
  cancelReason: z.string().nullable(),
  nominatedBy: z.string().nullable(),
  approvedBy: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  canCancel: z.boolean(),
  canApprove: z.boolean(),
});
export type EnrolmentItem = z.infer<typeof EnrolmentItem>;

export const NominateResponse = z.object({
  classId: z.number().int(),
  /** One outcome per requested official, in the order given. */
  items: z.array(EnrolmentItem),
  guard: GuardReport,
  counts: ClassCounts,
});
export type NominateResponse = z.infer<typeof NominateResponse>;

export const ClassNominationsResponse = z.object({
  classId: z.number().int(),
  capacity: z.number().int(),
  counts: ClassCounts,
  items: z.array(EnrolmentItem),
});
export type ClassNominationsResponse = z.infer<typeof ClassNominationsResponse>;

export const EnrolmentListQuery = z.object({
  commune: communeCode.optional(),
  status: z.enum(ENROLMENT_STATUSES).optional(),
  classId: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  q: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
export type EnrolmentListQuery = z.infer<typeof EnrolmentListQuery>;
export const EnrolmentListResponse = z.object({ items: z.array(EnrolmentItem), total: z.number().int() });
export type EnrolmentListResponse = z.infer<typeof EnrolmentListResponse>;

export const CancelEnrolmentRequest = z.object({ reason: trimmed(500), version: dbInt().optional() });
/** The body may be left out (no version check). */
export const ApproveEnrolmentRequest = z.object({ version: dbInt().optional() }).nullish();
export const RejectEnrolmentRequest = z.object({ reason: trimmed(500), version: dbInt().optional() });
export const EnrolmentChangeResponse = z.object({
  enrolment: EnrolmentItem,
  /** The first person of the waiting list who took the freed seat, if any. */
  promoted: EnrolmentItem.nullable(),
});
export type EnrolmentChangeResponse = z.infer<typeof EnrolmentChangeResponse>;

export const SuggestionsQuery = z.object({ commune: communeCode.optional() });
export const SuggestionItem = z.object({
  officialId: z.string(),
  fullName: z.string(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  positionName: z.string().nullable(),
  belowStandard: z.boolean(),
  affectedByReorg: z.boolean(),
  needId: z.number().int(),
  needStatus: z.enum(NEED_STATUSES),
  priority: z.number().int(),
  field: z.enum(TRAINING_FIELDS).nullable(),
  reason: z.string(),
  /** Already in another class whose dates overlap (a nomination would be refused). */
  busy: z.boolean(),
});
export type SuggestionItem = z.infer<typeof SuggestionItem>;
export const SuggestionsResponse = z.object({
  classId: z.number().int(),
  communeCode: z.string(),
  phase: z.number().int().nullable(),
  items: z.array(SuggestionItem),
});
export type SuggestionsResponse = z.infer<typeof SuggestionsResponse>;

export const ContinuitySettings = z.object({
  provinceCode: z.string(),
  provinceName: z.string(),
  maxSharePct: z.number().int(),
  serviceCentreMinStaff: z.number().int(),
  requireUnitHeadApproval: z.boolean(),
  /** true: nothing saved yet, the defaults apply (30%, 2 people, no approval). */
  isDefault: z.boolean(),
  /** 0 while the defaults apply. */
  version: z.number().int(),
});
export type ContinuitySettings = z.infer<typeof ContinuitySettings>;
export const UpdateContinuitySettingsRequest = z.object({
  maxSharePct: z.number().int().min(0).max(100),
  serviceCentreMinStaff: z.number().int().min(0).max(100),
  requireUnitHeadApproval: z.boolean(),
  /** The version read (0 while the defaults apply). */
  version: dbInt(),
});
export type UpdateContinuitySettingsRequest = z.infer<typeof UpdateContinuitySettingsRequest>;

// ---------- attendance and results ----------
export const AttendanceRequest = z.object({
  sessionId: id(),
  records: z
    .array(
      z.object({
        enrolmentId: id(),
        status: z.enum(ATTENDANCE_STATUSES),
        /** Online classes: the bridge point the learner attended (defaults to the one of the nomination). */
        bridgePointId: id().nullable().optional(),
      }),
    )
    .min(1)
    .max(5000),
});
export type AttendanceRequest = z.infer<typeof AttendanceRequest>;

export const ScoresRequest = z.object({
  records: z
    .array(z.object({ enrolmentId: id(), assessmentNo: z.number().int().min(1).max(20), score: score() }))
    .min(1)
    .max(20_000),
});
export type ScoresRequest = z.infer<typeof ScoresRequest>;

export const LearnerResult = z.object({
  enrolmentId: z.number().int(),
  officialId: z.string(),
  fullName: z.string(),
  communeCode: z.string(),
  communeName: z.string().nullable(),
  unitName: z.string().nullable(),
  bridgePointId: z.number().int().nullable(),
  attendance: z.array(
    z.object({ sessionId: z.number().int(), status: z.enum(ATTENDANCE_STATUSES), bridgePointId: z.number().int().nullable() }),
  ),
  scores: z.array(z.object({ assessmentNo: z.number().int(), score: z.number() })),
  result: z.enum(ENROLMENT_RESULTS).nullable(),
  finalScore: z.number().nullable(),
  resultRecordedAt: z.string().nullable(),
  version: z.number().int(),
});
export type LearnerResult = z.infer<typeof LearnerResult>;
export const ClassResultsResponse = z.object({
  classId: z.number().int(),
  status: z.enum(CLASS_STATUSES),
  assessmentCount: z.number().int(),
  rule: z.object({ minAttendancePct: z.number().int(), maxExcusedPct: z.number().int(), passScore: z.number() }),
  sessions: z.array(
    z.object({ id: z.number().int(), date: isoDate, startTime: z.string(), endTime: z.string(), topic: z.string().nullable() }),
  ),
  bridgePoints: z.array(BridgePointItem),
  learners: z.array(LearnerResult),
  canRecord: z.boolean(),
});
export type ClassResultsResponse = z.infer<typeof ClassResultsResponse>;

export const ComputeResultsResponse = z.object({
  classId: z.number().int(),
  computed: z.number().int(),
  completed: z.number().int(),
  failed: z.number().int(),
  items: z.array(
    z.object({
      enrolmentId: z.number().int(),
      officialId: z.string(),
      fullName: z.string(),
      result: z.enum(ENROLMENT_RESULTS),
      finalScore: z.number().nullable(),
      attendancePct: z.number(),
      /** Why a learner did not complete (Vietnamese); empty when completed. */
      reasons: z.array(z.string()),
    }),
  ),
});
export type ComputeResultsResponse = z.infer<typeof ComputeResultsResponse>;

export const UpdateResultRequest = z.object({
  result: z.enum(ENROLMENT_RESULTS),
  finalScore: score().nullable().optional(),
  reason: trimmed(500),
  version: dbInt(),
});
export type UpdateResultRequest = z.infer<typeof UpdateResultRequest>;

export const ResultsImportQuery = z.object({ dryRun: boolish.default(false) });
export const ResultsImportError = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export type ResultsImportError = z.infer<typeof ResultsImportError>;
export const ResultsImportResponse = z.object({
  ok: z.boolean(),
  dryRun: z.boolean(),
  /** Learner rows read. */
  rows: z.number().int(),
  attendanceRecords: z.number().int(),
  scoreRecords: z.number().int(),
  errors: z.array(ResultsImportError),
});
export type ResultsImportResponse = z.infer<typeof ResultsImportResponse>;
/** Upload limit of a results file. */
export const RESULTS_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
