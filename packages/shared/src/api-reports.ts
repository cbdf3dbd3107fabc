/**
 * SPEC §10: periodic and ad hoc reports (workflow, snapshots, deadlines, .docx/.xlsx builds) and the
 * key-task tracker ("6 rõ"). Numbers inside a report come from the KPI engine and the class tables.
 */
import { z } from 'zod';
import { dbInt, isoDate } from './api.ts';

export const REPORT_KINDS = ['annual', 'midterm', 'final', 'adhoc'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  annual: 'Báo cáo định kỳ hằng năm',
  midterm: 'Báo cáo sơ kết (2029)',
  final: 'Báo cáo tổng kết (2031)',
  adhoc: 'Báo cáo đột xuất',
};
export const REPORT_STATUSES = ['draft', 'submitted', 'accepted', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  draft: 'Đang soạn',
  submitted: 'Đã gửi',
  accepted: 'Đã tiếp nhận',
  returned: 'Bị trả lại',
};
export const REPORT_LEVELS = ['nation', 'province', 'commune'] as const;
export type ReportLevel = (typeof REPORT_LEVELS)[number];

/** The standard free-text sections of a periodic report. */
export const REPORT_SECTIONS = [
  { id: 'results', title: 'Kết quả thực hiện' },
  { id: 'difficulties', title: 'Khó khăn, vướng mắc và nguyên nhân' },
  { id: 'proposals', title: 'Đề xuất, kiến nghị' },
] as const;

// ---------- numbers of a report (frozen as the snapshot on submission) ----------

export const ReportIndicator = z.object({
  code: z.string(),
  label: z.string(),
  numerator: z.number(),
  denominator: z.number(),
  percent: z.number().nullable(),
  target: z.string(),
  status: z.string(),
});
export type ReportIndicator = z.infer<typeof ReportIndicator>;

export const ReportClassCounts = z.object({
  plannedClasses: z.number(),
  plannedAttendances: z.number(),
  heldClasses: z.number(),
  heldAttendances: z.number(),
});
export type ReportClassCounts = z.infer<typeof ReportClassCounts>;

export const BudgetCounts = z.object({
  plannedCentral: z.number(),
  plannedLocal: z.number(),
  plannedSponsor: z.number(),
  spentCentral: z.number(),
  spentLocal: z.number(),
  spentSponsor: z.number(),
});
export type BudgetCounts = z.infer<typeof BudgetCounts>;

export const EVALUATION_LEVELS = ['rat_hieu_qua', 'hieu_qua', 'it_hieu_qua', 'khong_hieu_qua'] as const;
export type EvaluationLevel = (typeof EVALUATION_LEVELS)[number];
export const EVALUATION_LEVEL_LABELS_REPORT: Record<EvaluationLevel, string> = {
  rat_hieu_qua: 'Rất hiệu quả',
  hieu_qua: 'Hiệu quả',
  it_hieu_qua: 'Ít hiệu quả',
  khong_hieu_qua: 'Không hiệu quả',
};
export const EvaluationCounts = z.object({
  rat_hieu_qua: z.number(),
  hieu_qua: z.number(),
  it_hieu_qua: z.number(),
  khong_hieu_qua: z.number(),
});
export type EvaluationCounts = z.infer<typeof EvaluationCounts>;

export const ReportRow = z.object({
  code: z.string(),
  name: z.string(),
  indicators: z.array(ReportIndicator),
  /** by programme type, plus 'ALL' */
  classes: z.record(z.string(), ReportClassCounts),
  budget: BudgetCounts,
  evaluations: EvaluationCounts,
});
export type ReportRow = z.infer<typeof ReportRow>;

export const BelowStandardPerson = z.object({
  officialId: z.string(),
  fullName: z.string(),
  unitName: z.string().nullable(),
  positionName: z.string().nullable(),
  belowStandardSince: z.string().nullable(),
});

export const ReportData = z.object({
  scope: z.object({ level: z.enum(REPORT_LEVELS), code: z.string(), name: z.string() }),
  year: z.number(),
  asOf: z.string(),
  phase: z.number(),
  /** the report's own scope (totals) */
  total: ReportRow,
  /** its children (nation → provinces, province → communes, commune → units), as rows of the annexes */
  children: z.array(ReportRow),
  /** Biểu 5 (commune reports): officials below standard not yet nominated */
  belowStandard: z.array(BelowStandardPerson),
});
export type ReportData = z.infer<typeof ReportData>;

// ---------- reports ----------

export const ReportSummary = z.object({
  id: z.number(),
  kind: z.enum(REPORT_KINDS),
  year: z.number(),
  requestId: z.number().nullable(),
  level: z.enum(REPORT_LEVELS),
  scopeKey: z.string(),
  scopeName: z.string(),
  title: z.string(),
  status: z.enum(REPORT_STATUSES),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  submittedOn: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number(),
});
export type ReportSummary = z.infer<typeof ReportSummary>;

export const ReportEvent = z.object({
  action: z.string(),
  actorName: z.string(),
  at: z.string(),
  comment: z.string().nullable(),
});

export const ReportDetail = ReportSummary.extend({
  sections: z.record(z.string(), z.string()),
  sectionTitles: z.array(z.object({ id: z.string(), title: z.string() })),
  documentNo: z.string().nullable(),
  placeName: z.string().nullable(),
  signerName: z.string().nullable(),
  signerTitle: z.string().nullable(),
  recipients: z.string().nullable(),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewComment: z.string().nullable(),
  events: z.array(ReportEvent),
  /** the frozen snapshot once submitted, live numbers while a draft */
  data: ReportData,
  frozen: z.boolean(),
  actions: z.object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean() }),
});
export type ReportDetail = z.infer<typeof ReportDetail>;

export const ReportListQuery = z.object({
  year: z.coerce.number().int().min(2026).max(2031).optional(),
  kind: z.enum(REPORT_KINDS).optional(),
});
export const ReportListResponse = z.object({ items: z.array(ReportSummary) });

export const CreateReportRequest = z.object({
  kind: z.enum(REPORT_KINDS),
  year: dbInt().min(2026).max(2031),
  /** ad hoc: the request being answered */
  requestId: dbInt().optional(),
  /** absent = the caller's own scope */
  scope: z.string().max(40).optional(),
});
export type CreateReportRequest = z.infer<typeof CreateReportRequest>;

export const UpdateReportRequest = z.object({
  version: dbInt(),
  sections: z.record(z.string().max(40), z.string().max(20000)).optional(),
  title: z.string().trim().min(1).max(300).optional(),
  documentNo: z.string().trim().max(40).nullable().optional(),
  placeName: z.string().trim().max(80).nullable().optional(),
  signerName: z.string().trim().max(120).nullable().optional(),
  signerTitle: z.string().trim().max(120).nullable().optional(),
  recipients: z.string().trim().max(2000).nullable().optional(),
});
export type UpdateReportRequest = z.infer<typeof UpdateReportRequest>;

export const SubmitReportRequest = z.object({ version: dbInt() });
export const ReviewReportRequest = z.object({
  version: dbInt(),
  decision: z.enum(['accept', 'return']),
  comment: z.string().trim().max(4000).optional(),
});
export type ReviewReportRequest = z.infer<typeof ReviewReportRequest>;

export const ReportIdParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

/** The upper level's view: each child, its report status, deadline, overdue; and the consolidation of the submitted ones. */
export const ChildrenStatusQuery = z.object({
  kind: z.enum(REPORT_KINDS).default('annual'),
  year: z.coerce.number().int().min(2026).max(2031),
  requestId: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  scope: z.string().max(40).optional(),
});
export const ChildrenStatusResponse = z.object({
  scopeName: z.string(),
  deadline: z.string().nullable(),
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      reportId: z.number().nullable(),
      status: z.enum([...REPORT_STATUSES, 'missing']),
      submittedOn: z.string().nullable(),
      overdue: z.boolean(),
    }),
  ),
  counts: z.object({
    total: z.number(),
    submitted: z.number(),
    accepted: z.number(),
    returned: z.number(),
    missing: z.number(),
    overdue: z.number(),
  }),
  /** sums over the children's frozen snapshots (submitted or accepted) */
  consolidated: ReportRow.nullable(),
  consolidatedFrom: z.array(z.string()),
  missing: z.array(z.string()),
});
export type ChildrenStatusResponse = z.infer<typeof ChildrenStatusResponse>;

export const DeadlineRequest = z.object({ year: dbInt().min(2026).max(2031), deadline: isoDate });
export const DeadlineQuery = z.object({ year: z.coerce.number().int().min(2026).max(2031), province: z.string().max(10).optional() });
export const DeadlineResponse = z.object({ provinceCode: z.string(), year: z.number(), deadline: z.string(), isDefault: z.boolean() });

export const CreateAdhocRequest = z.object({
  title: z.string().trim().min(1).max(300),
  year: dbInt().min(2026).max(2031),
  deadline: isoDate,
  sections: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
  note: z.string().trim().max(2000).optional(),
});
export type CreateAdhocRequest = z.infer<typeof CreateAdhocRequest>;
export const AdhocRequestItem = z.object({
  id: z.number(),
  title: z.string(),
  year: z.number(),
  deadline: z.string(),
  sections: z.array(z.string()),
  note: z.string().nullable(),
  requesterLevel: z.string(),
  requesterProvinceCode: z.string().nullable(),
  /** for the requested side: my report, if started */
  myReportId: z.number().nullable(),
});
export type AdhocRequestItem = z.infer<typeof AdhocRequestItem>;
export const AdhocRequestList = z.object({ items: z.array(AdhocRequestItem) });

export const BuildRequest = z.object({ format: z.enum(['docx', 'xlsx']) });
export const BuildStatus = z.object({
  id: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  progress: z.number(),
  stage: z.string().nullable(),
  fileName: z.string().nullable(),
  error: z.string().nullable(),
});
export type BuildStatus = z.infer<typeof BuildStatus>;

// ---------- key tasks ----------

export const KEY_TASK_STATUSES = ['chua_bat_dau', 'dang_thuc_hien', 'hoan_thanh', 'tam_dung'] as const;
export type KeyTaskStatus = (typeof KEY_TASK_STATUSES)[number];
export const KEY_TASK_STATUS_LABELS: Record<KeyTaskStatus, string> = {
  chua_bat_dau: 'Chưa bắt đầu',
  dang_thuc_hien: 'Đang thực hiện',
  hoan_thanh: 'Hoàn thành',
  tam_dung: 'Tạm dừng',
};
/** The "6 rõ": each names a field that must be filled before a task is saved. */
export const SIX_CLEAR = [
  { field: 'personInCharge', label: 'rõ người', hint: 'người phụ trách' },
  { field: 'name', label: 'rõ việc', hint: 'tên nhiệm vụ' },
  { field: 'deadline', label: 'rõ thời gian', hint: 'thời hạn hoàn thành' },
  { field: 'leadAgency', label: 'rõ trách nhiệm', hint: 'cơ quan chủ trì' },
  { field: 'expectedOutput', label: 'rõ sản phẩm', hint: 'kết quả, sản phẩm' },
  { field: 'authority', label: 'rõ thẩm quyền', hint: 'cấp có thẩm quyền giao, phê duyệt' },
] as const;

export const KeyTaskItem = z.object({
  id: z.number(),
  level: z.enum(REPORT_LEVELS),
  provinceCode: z.string().nullable(),
  communeCode: z.string().nullable(),
  fromAnnex: z.boolean(),
  groupName: z.string().nullable(),
  orderNo: z.number(),
  name: z.string(),
  personInCharge: z.string(),
  leadAgency: z.string(),
  cooperatingAgencies: z.string().nullable(),
  expectedOutput: z.string(),
  deadline: z.string(),
  deadlineText: z.string().nullable(),
  authority: z.string(),
  status: z.enum(KEY_TASK_STATUSES),
  progress: z.number(),
  lastNote: z.string().nullable(),
  overdue: z.boolean(),
  canEdit: z.boolean(),
  version: z.number(),
});
export type KeyTaskItem = z.infer<typeof KeyTaskItem>;
export const KeyTaskListQuery = z.object({
  scope: z.string().max(40).optional(),
  status: z.enum(KEY_TASK_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
export const KeyTaskListResponse = z.object({ items: z.array(KeyTaskItem), asOf: z.string() });

/** Loose on purpose: the "6 rõ" check names every missing one in one Vietnamese message. */
const loose = z.string().max(2000).nullable().optional();
export const KeyTaskInput = z.object({
  name: loose,
  personInCharge: loose,
  leadAgency: loose,
  cooperatingAgencies: loose,
  expectedOutput: loose,
  deadline: z.union([isoDate, z.literal(''), z.null()]).optional(),
  deadlineText: loose,
  authority: loose,
  groupName: loose,
});
export type KeyTaskInput = z.infer<typeof KeyTaskInput>;
export const CreateKeyTaskRequest = KeyTaskInput.extend({ scope: z.string().max(40).optional() });
export const UpdateKeyTaskRequest = KeyTaskInput.extend({ version: dbInt() });
export const KeyTaskProgressRequest = z.object({
  version: dbInt(),
  status: z.enum(KEY_TASK_STATUSES),
  progress: dbInt().min(0).max(100),
  note: z.string().trim().max(2000).optional(),
});
export type KeyTaskProgressRequest = z.infer<typeof KeyTaskProgressRequest>;
export const KeyTaskIdParams = ReportIdParams;
export const KeyTaskHistory = z.object({
  items: z.array(
    z.object({
      at: z.string(),
      onDate: z.string(),
      actorName: z.string(),
      status: z.enum(KEY_TASK_STATUSES),
      progress: z.number(),
      note: z.string().nullable(),
    }),
  ),
});
