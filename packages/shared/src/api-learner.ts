/**
 * Learner side of training (SPEC §7, §12): the learner portal, self-reports after a class, the
 * anonymous course survey (Circular 10/2017), essays (bài thu hoạch) and mentoring pairs.
 */
import { z } from 'zod';
import { dbInt, FIELD_LABELS, isoDate } from './api.ts';

/**
 * A self-report is due on the day the class ends and becomes overdue after this many days
 * (national default; SPEC §7 leaves the period to the Ministry — 15 days matches the usual
 * "within 15 days after the course" wording of training decisions).
 */
export const SELF_REPORT_GRACE_DAYS = 15;
/** Upload limits: scans of self-reports and essay files. */
export const LEARNER_UPLOAD_MAX_BYTES = 5 * 1024 * 1024;
/** Survey aggregates are revealed only from this many answers (anonymity). */
export const SURVEY_MIN_ANSWERS = 5;

export const LEARNER_FIELD_LABELS: Record<string, string> = {
  enrolmentId: 'Lượt cử đi học',
  completed: 'Đã hoàn thành khóa học',
  score: 'Điểm',
  certificateNo: 'Số chứng chỉ, giấy chứng nhận',
  applyAtWork: 'Nội dung sẽ áp dụng vào công việc',
  comment: 'Ý kiến',
  file: 'Tệp đính kèm',
  programme: 'Chương trình',
  instructors: 'Giảng viên, báo cáo viên',
  facilities: 'Cơ sở vật chất',
  organisation: 'Công tác tổ chức',
  ownGain: 'Mức độ thu nhận của bản thân',
  programmeComment: 'Ý kiến về chương trình',
  instructorsComment: 'Ý kiến về giảng viên',
  facilitiesComment: 'Ý kiến về cơ sở vật chất',
  organisationComment: 'Ý kiến về công tác tổ chức',
  ownGainComment: 'Ý kiến về mức độ thu nhận',
  title: 'Tiêu đề',
  topics: 'Chuyên đề',
  body: 'Nội dung bài thu hoạch',
  tags: 'Nhãn',
  isProposal: 'Đề xuất, kiến nghị',
  reviewNote: 'Ghi chú của người đọc',
  mentorId: 'Người kèm cặp',
  menteeId: 'Người được kèm cặp',
  fromDate: 'Ngày bắt đầu',
  onDate: 'Ngày',
  text: 'Nội dung',
};
for (const [k, v] of Object.entries(LEARNER_FIELD_LABELS)) FIELD_LABELS[k] ??= v;

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'mã hồ sơ không hợp lệ');
const freeText = (max: number) => z.string().trim().max(max);

// ---------------------------------------------------------------- self-reports

export const SELF_REPORT_STATUSES = ['submitted', 'confirmed', 'returned'] as const;
export type SelfReportStatus = (typeof SELF_REPORT_STATUSES)[number];
export const SELF_REPORT_STATUS_LABELS: Record<SelfReportStatus, string> = {
  submitted: 'Chờ xác nhận',
  confirmed: 'Đã xác nhận',
  returned: 'Trả lại để bổ sung',
};

/** Fields of the self-report form (sent as multipart fields together with an optional scan). */
export const SelfReportFields = z
  .object({
    enrolmentId: z.coerce.number().int().min(1).max(2_147_483_647),
    completed: z.enum(['true', 'false']).transform((v) => v === 'true'),
    score: z
      .union([z.literal(''), z.coerce.number().min(0, 'phải từ 0 đến 10').max(10, 'phải từ 0 đến 10')])
      .optional()
      .transform((v) => (v === '' || v === undefined ? null : Math.round(v * 100) / 100)),
    certificateNo: freeText(100)
      .optional()
      .transform((v) => v || null),
    applyAtWork: z.string().trim().min(1, 'không được để trống').max(4000, 'không được dài quá 4000 ký tự'),
    version: z.coerce.number().int().min(1).optional(),
  })
  .strict();
export type SelfReportFields = z.infer<typeof SelfReportFields>;

export const SelfReportItem = z.object({
  id: z.number().int(),
  enrolmentId: z.number().int(),
  officialId: z.string(),
  fullName: z.string(),
  communeCode: z.string(),
  communeName: z.string().nullable(),
  unitName: z.string().nullable(),
  classId: z.number().int(),
  classCode: z.string(),
  className: z.string(),
  classEndDate: isoDate,
  submittedOn: isoDate,
  lastSubmittedOn: isoDate,
  status: z.enum(SELF_REPORT_STATUSES),
  completed: z.boolean(),
  score: z.number().nullable(),
  certificateNo: z.string().nullable(),
  applyAtWork: z.string(),
  reviewComment: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  scan: z.object({ fileName: z.string(), mime: z.string(), size: z.number().int() }).nullable(),
  /** may the caller confirm or return it */
  canReview: z.boolean(),
  version: dbInt(),
});
export type SelfReportItem = z.infer<typeof SelfReportItem>;

export const SelfReportListQuery = z.object({
  status: z.enum(SELF_REPORT_STATUSES).optional(),
  classId: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type SelfReportListQuery = z.infer<typeof SelfReportListQuery>;
export const SelfReportListResponse = z.object({ items: z.array(SelfReportItem), total: z.number().int() });
export type SelfReportListResponse = z.infer<typeof SelfReportListResponse>;

export const ReviewSelfReportRequest = z
  .object({
    decision: z.enum(['confirm', 'return']),
    comment: z.string().trim().max(2000, 'không được dài quá 2000 ký tự').optional(),
    version: dbInt(),
  })
  .strict();
export type ReviewSelfReportRequest = z.infer<typeof ReviewSelfReportRequest>;

export const OverdueSelfReportItem = z.object({
  enrolmentId: z.number().int(),
  officialId: z.string(),
  fullName: z.string(),
  communeCode: z.string(),
  unitId: z.number().int().nullable(),
  classId: z.number().int(),
  className: z.string(),
  classEndDate: isoDate,
  dueOn: isoDate,
  daysOverdue: z.number().int(),
});
export type OverdueSelfReportItem = z.infer<typeof OverdueSelfReportItem>;
export const OverdueSelfReportsResponse = z.object({ asOf: isoDate, graceDays: z.number().int(), items: z.array(OverdueSelfReportItem) });

// ---------------------------------------------------------------- surveys

export const SURVEY_OBJECTS = ['programme', 'instructors', 'facilities', 'organisation', 'ownGain'] as const;
export type SurveyObject = (typeof SURVEY_OBJECTS)[number];
export const SURVEY_QUESTIONS: Record<SurveyObject, { label: string; help: string }> = {
  programme: { label: 'Chương trình, tài liệu', help: 'Nội dung có sát với công việc ở xã, tài liệu có dễ dùng không.' },
  instructors: { label: 'Giảng viên, báo cáo viên', help: 'Cách truyền đạt, ví dụ thực tế, trả lời câu hỏi của học viên.' },
  facilities: { label: 'Cơ sở vật chất', help: 'Phòng học, thiết bị, đường truyền trực tuyến, chỗ ăn nghỉ (nếu có).' },
  organisation: { label: 'Công tác tổ chức lớp', help: 'Thông báo, lịch học, thời gian, hỗ trợ của ban quản lý lớp.' },
  ownGain: { label: 'Điều bản thân thu nhận được', help: 'Kiến thức, kỹ năng bạn mang về dùng được trong công việc.' },
};
export const SURVEY_SCALE_LABELS = ['', 'Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng'] as const;

const rating = z.number().int('phải là số nguyên từ 1 đến 5').min(1, 'phải từ 1 đến 5').max(5, 'phải từ 1 đến 5');
const comment = z
  .string()
  .trim()
  .max(2000, 'không được dài quá 2000 ký tự')
  .optional()
  .transform((v) => v || null);
export const SurveyAnswerRequest = z
  .object({
    programme: rating,
    instructors: rating,
    facilities: rating,
    organisation: rating,
    ownGain: rating,
    programmeComment: comment,
    instructorsComment: comment,
    facilitiesComment: comment,
    organisationComment: comment,
    ownGainComment: comment,
  })
  .strict();
export type SurveyAnswerRequest = z.input<typeof SurveyAnswerRequest>;
export type SurveyAnswer = z.output<typeof SurveyAnswerRequest>;

export const SurveySummary = z.object({
  classId: z.number().int(),
  className: z.string(),
  answers: z.number().int(),
  minimum: z.number().int(),
  /** null while fewer than `minimum` answers exist: nothing is revealed */
  summary: z
    .object({
      averages: z.record(z.enum(SURVEY_OBJECTS), z.number()),
      distribution: z.record(z.enum(SURVEY_OBJECTS), z.array(z.number().int())),
      comments: z.array(z.object({ object: z.enum(SURVEY_OBJECTS), text: z.string() })),
    })
    .nullable(),
});
export type SurveySummary = z.infer<typeof SurveySummary>;

// ---------------------------------------------------------------- essays

export const EssayFields = z
  .object({
    enrolmentId: z.coerce.number().int().min(1).max(2_147_483_647),
    title: z.string().trim().min(1, 'không được để trống').max(300, 'không được dài quá 300 ký tự'),
    /** JSON array of topic names, or one topic */
    topics: z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (!v) return [] as string[];
        try {
          const arr: unknown = JSON.parse(v);
          if (Array.isArray(arr) && arr.every((x) => typeof x === 'string' && x.length <= 300)) return arr.slice(0, 20);
        } catch {
          /* a single topic */
        }
        if (v.length > 300) {
          ctx.addIssue({ code: 'custom', message: 'không được dài quá 300 ký tự' });
          return z.NEVER;
        }
        return [v];
      }),
    body: z
      .string()
      .trim()
      .max(100_000, 'không được dài quá 100.000 ký tự')
      .optional()
      .transform((v) => v || null),
  })
  .strict();
export type EssayFields = z.infer<typeof EssayFields>;

export const EssayItem = z.object({
  id: z.number().int(),
  enrolmentId: z.number().int(),
  classId: z.number().int(),
  className: z.string(),
  classCode: z.string(),
  officialId: z.string(),
  fullName: z.string(),
  provinceCode: z.string(),
  communeCode: z.string(),
  communeName: z.string().nullable(),
  title: z.string(),
  topics: z.array(z.string()),
  body: z.string().nullable(),
  file: z.object({ fileName: z.string(), mime: z.string(), size: z.number().int() }).nullable(),
  submittedOn: isoDate,
  tags: z.array(z.string()),
  isProposal: z.boolean(),
  reviewNote: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  canReview: z.boolean(),
  version: dbInt(),
});
export type EssayItem = z.infer<typeof EssayItem>;
export const EssayListQuery = z.object({
  classId: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  proposal: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  tag: z.string().trim().max(100).optional(),
  /** `false`: not yet read by the reviewer */
  reviewed: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type EssayListQuery = z.infer<typeof EssayListQuery>;
export const EssayListResponse = z.object({ items: z.array(EssayItem), total: z.number().int() });
export type EssayListResponse = z.infer<typeof EssayListResponse>;

export const ReviewEssayRequest = z
  .object({
    tags: z.array(z.string().trim().min(1, 'không được để trống').max(60, 'không được dài quá 60 ký tự')).max(20, 'tối đa 20 nhãn'),
    isProposal: z.boolean(),
    reviewNote: z
      .string()
      .trim()
      .max(4000, 'không được dài quá 4000 ký tự')
      .nullable()
      .optional()
      .transform((v) => v || null),
    version: dbInt(),
  })
  .strict();
export type ReviewEssayRequest = z.input<typeof ReviewEssayRequest>;

// ---------------------------------------------------------------- mentoring

export const CreateMentoringPairRequest = z
  .object({ mentorId: uuid, menteeId: uuid, fromDate: isoDate, goal: z.string().trim().max(2000).optional() })
  .strict();
export type CreateMentoringPairRequest = z.infer<typeof CreateMentoringPairRequest>;
export const MentoringEntryRequest = z
  .object({
    kind: z.enum(['goal', 'meeting']),
    onDate: isoDate,
    text: z.string().trim().min(1, 'không được để trống').max(4000, 'không được dài quá 4000 ký tự'),
  })
  .strict();
export type MentoringEntryRequest = z.infer<typeof MentoringEntryRequest>;
export const MentoringEntryItem = z.object({
  id: z.number().int(),
  kind: z.enum(['goal', 'meeting']),
  onDate: isoDate,
  text: z.string(),
  achieved: z.boolean(),
  authorUsername: z.string(),
});
export const MentoringPairItem = z.object({
  id: z.number().int(),
  communeCode: z.string(),
  mentor: z.object({ id: z.string(), fullName: z.string(), positionName: z.string().nullable() }),
  mentee: z.object({ id: z.string(), fullName: z.string(), positionName: z.string().nullable() }),
  fromDate: isoDate,
  toDate: isoDate.nullable(),
  status: z.enum(['active', 'ended']),
  entries: z.array(MentoringEntryItem),
  /** may the caller add goals and notes */
  canWrite: z.boolean(),
  canManage: z.boolean(),
  version: dbInt(),
});
export type MentoringPairItem = z.infer<typeof MentoringPairItem>;
export const MentoringPairListResponse = z.object({ items: z.array(MentoringPairItem) });
export type MentoringPairListResponse = z.infer<typeof MentoringPairListResponse>;

// ---------------------------------------------------------------- learner portal

export const LEARNER_TASK_KINDS = ['self_report', 'survey', 'essay'] as const;
export type LearnerTaskKind = (typeof LEARNER_TASK_KINDS)[number];

export const LearnerClassItem = z.object({
  enrolmentId: z.number().int(),
  classId: z.number().int(),
  classCode: z.string(),
  className: z.string(),
  programmeName: z.string(),
  organiserName: z.string(),
  mode: z.string(),
  startDate: isoDate,
  endDate: isoDate,
  classStatus: z.string(),
  result: z.enum(['completed', 'failed']).nullable(),
  finalScore: z.number().nullable(),
  sessions: z.array(
    z.object({
      date: isoDate,
      startTime: z.string(),
      endTime: z.string(),
      place: z.string().nullable(),
      link: z.string().nullable(),
      topic: z.string().nullable(),
    }),
  ),
  selfReport: z
    .object({
      id: z.number().int(),
      status: z.enum(SELF_REPORT_STATUSES),
      submittedOn: isoDate,
      reviewComment: z.string().nullable(),
      version: z.number().int(),
    })
    .nullable(),
  reportDueOn: isoDate,
  reportOverdueAfter: isoDate,
  surveyAnswered: z.boolean(),
  essayRequired: z.boolean(),
  essay: z.object({ id: z.number().int(), submittedOn: isoDate }).nullable(),
});
export type LearnerClassItem = z.infer<typeof LearnerClassItem>;

export const LearnerTask = z.object({
  kind: z.enum(LEARNER_TASK_KINDS),
  enrolmentId: z.number().int(),
  classId: z.number().int(),
  className: z.string(),
  dueOn: isoDate.nullable(),
  overdue: z.boolean(),
  /** returned self-report: the reviewer's comment */
  note: z.string().nullable(),
});
export type LearnerTask = z.infer<typeof LearnerTask>;

export const LearnerOverview = z.object({
  today: isoDate,
  tasks: z.array(LearnerTask),
  classes: z.array(LearnerClassItem),
});
export type LearnerOverview = z.infer<typeof LearnerOverview>;
