/**
 * Post-training effectiveness evaluations, annual ratings and effect analysis (SPEC §8):
 * code lists, Vietnamese labels and API schemas shared by the server and the web client.
 */
import { z } from 'zod';
import { dbInt, isoDate } from './api.ts';

export const EVALUATION_CRITERIA = [
  'ung_dung',
  'ket_qua_cong_vu',
  'tham_muu',
  'hai_long',
  'phoi_hop',
  'ky_luat',
  'liem_chinh',
  'trach_nhiem',
] as const;
export type EvaluationCriterion = (typeof EVALUATION_CRITERIA)[number];
export const EVALUATION_CRITERION_LABELS: Record<EvaluationCriterion, string> = {
  ung_dung: 'Vận dụng kiến thức, kỹ năng đã học vào công việc',
  ket_qua_cong_vu: 'Kết quả thực thi công vụ',
  tham_muu: 'Chất lượng tham mưu',
  hai_long: 'Sự hài lòng của người dân, doanh nghiệp',
  phoi_hop: 'Phối hợp liên ngành',
  ky_luat: 'Kỷ luật, kỷ cương hành chính',
  liem_chinh: 'Liêm chính, đạo đức công vụ',
  trach_nhiem: 'Tinh thần trách nhiệm',
};

export const EVALUATION_SOURCE_CODES = ['self', 'unit_head', 'peer', 'citizen'] as const;
export type EvaluationSource = (typeof EVALUATION_SOURCE_CODES)[number];
export const EVALUATION_SOURCE_LABELS: Record<EvaluationSource, string> = {
  self: 'Tự đánh giá',
  unit_head: 'Thủ trưởng đơn vị',
  peer: 'Đồng nghiệp',
  citizen: 'Mức hài lòng của người dân, doanh nghiệp',
};

export const EVALUATION_LEVEL_CODES = ['rat_hieu_qua', 'hieu_qua', 'it_hieu_qua', 'khong_hieu_qua'] as const;
// The EvaluationLevel type (same four codes) is exported by api-reports.ts.
type EvaluationLevel = (typeof EVALUATION_LEVEL_CODES)[number];
export const EVALUATION_LEVEL_LABELS: Record<EvaluationLevel, string> = {
  rat_hieu_qua: 'Rất hiệu quả',
  hieu_qua: 'Hiệu quả',
  it_hieu_qua: 'Ít hiệu quả',
  khong_hieu_qua: 'Không hiệu quả',
};

export const RATING_LEVEL_CODES = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'] as const;
export type RatingLevel = (typeof RATING_LEVEL_CODES)[number];
export const RATING_LEVEL_LABELS: Record<RatingLevel, string> = {
  HTXSNV: 'Hoàn thành xuất sắc nhiệm vụ',
  HTTNV: 'Hoàn thành tốt nhiệm vụ',
  HTNV: 'Hoàn thành nhiệm vụ',
  KHTNV: 'Không hoàn thành nhiệm vụ',
};

/** Where an evaluation stands on a given day. */
export const EVALUATION_STATUS_CODES = ['chua_mo', 'den_han', 'qua_han', 'da_danh_gia'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUS_CODES)[number];
export const EVALUATION_STATUS_LABELS: Record<EvaluationStatus, string> = {
  chua_mo: 'Chưa đến kỳ đánh giá',
  den_han: 'Đến hạn đánh giá',
  qua_han: 'Quá hạn đánh giá',
  da_danh_gia: 'Đã đánh giá',
};

const weight = z.number().min(0).max(100);
export const EvaluationConfig = z.object({
  criteriaWeights: z.record(z.enum(EVALUATION_CRITERIA), weight),
  sourceWeights: z.record(z.enum(EVALUATION_SOURCE_CODES), weight),
  thresholds: z.object({
    ratHieuQua: z.number().min(0).max(100),
    hieuQua: z.number().min(0).max(100),
    itHieuQua: z.number().min(0).max(100),
  }),
  overdueDays: z.number().int().min(1).max(365),
});
export type EvaluationConfig = z.infer<typeof EvaluationConfig>;
export const EvaluationConfigResponse = EvaluationConfig.extend({ version: z.number().int(), updatedAt: z.string().nullable() });
export type EvaluationConfigResponse = z.infer<typeof EvaluationConfigResponse>;
export const UpdateEvaluationConfigRequest = EvaluationConfig.extend({ version: dbInt() });

export const CriterionAnswer = z.object({
  score: z.number().int().min(1, 'phải từ 1 đến 5').max(5, 'phải từ 1 đến 5'),
  evidence: z.string().trim().max(2000).default(''),
});
export const SubmitAssessmentRequest = z.object({
  criteria: z.record(z.enum(EVALUATION_CRITERIA), CriterionAnswer),
  note: z.string().trim().max(2000).optional(),
});
export type SubmitAssessmentRequest = z.infer<typeof SubmitAssessmentRequest>;
export const CitizenScoreRequest = z.object({ satisfaction: z.number().min(0).max(100), note: z.string().trim().max(2000).optional() });
export const PeersRequest = z.object({ officialIds: z.array(z.uuid()).max(5) });
export const EnrolmentIdParams = z.object({ enrolmentId: z.coerce.number().int().min(1).max(2_147_483_647) });

export const EvaluationListQuery = z.object({
  communeCode: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  unitId: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  officialId: z.uuid().optional(),
  status: z.enum(EVALUATION_STATUS_CODES).optional(),
});

export const EvaluationItem = z.object({
  enrolmentId: z.number().int(),
  evaluationId: z.number().int().nullable(),
  officialId: z.string(),
  officialName: z.string(),
  communeCode: z.string(),
  communeName: z.string().nullable(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  classId: z.number().int(),
  className: z.string(),
  programmeName: z.string(),
  classEndDate: isoDate,
  opensOn: isoDate,
  overdueFrom: isoDate,
  status: z.enum(EVALUATION_STATUS_CODES),
  evaluatedOn: isoDate.nullable(),
  score: z.number().nullable(),
  level: z.enum(EVALUATION_LEVEL_CODES).nullable(),
  sources: z.array(z.enum(EVALUATION_SOURCE_CODES)),
  peerOfficialIds: z.array(z.string()),
});
export type EvaluationItem = z.infer<typeof EvaluationItem>;
export const EvaluationListResponse = z.object({ items: z.array(EvaluationItem), asOf: isoDate, overdueDays: z.number().int() });
export type EvaluationListResponse = z.infer<typeof EvaluationListResponse>;

export const EvaluationResponseItem = z.object({
  source: z.enum(EVALUATION_SOURCE_CODES),
  respondentName: z.string().nullable(),
  criteria: z.record(z.string(), z.object({ score: z.number(), evidence: z.string() })),
  satisfaction: z.number().nullable(),
  note: z.string().nullable(),
  submittedOn: isoDate,
});
export const EvaluationDetail = EvaluationItem.extend({ responses: z.array(EvaluationResponseItem) });
export type EvaluationDetail = z.infer<typeof EvaluationDetail>;
/** The learner's own evaluations and the colleagues they were asked to assess as a peer. */
export const MyEvaluationsResponse = z.object({ items: z.array(EvaluationDetail), peerRequests: z.array(EvaluationItem), asOf: isoDate });
export type MyEvaluationsResponse = z.infer<typeof MyEvaluationsResponse>;

// ---------- annual ratings ----------
export const RatingListQuery = z.object({
  communeCode: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  officialId: z.uuid().optional(),
  year: z.coerce.number().int().min(2020).max(2100).optional(),
});
export const UpsertRatingRequest = z.object({
  officialId: z.uuid(),
  year: z.number().int().min(2020).max(2100),
  generalScore: z.number().min(0, 'phải từ 0 đến 30').max(30, 'phải từ 0 đến 30'),
  taskScore: z.number().min(0, 'phải từ 0 đến 70').max(70, 'phải từ 0 đến 70'),
  disciplined: z.boolean().default(false),
  note: z.string().trim().max(1000).optional(),
});
export type UpsertRatingRequest = z.infer<typeof UpsertRatingRequest>;
export const RatingItem = z.object({
  id: z.number().int(),
  officialId: z.string(),
  officialName: z.string(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  year: z.number().int(),
  generalScore: z.number(),
  taskScore: z.number(),
  score: z.number(),
  level: z.enum(RATING_LEVEL_CODES),
  disciplined: z.boolean(),
  note: z.string().nullable(),
  /** the latest post-training evaluation of the official, shown beside the rating */
  evaluationScore: z.number().nullable(),
  evaluationLevel: z.enum(EVALUATION_LEVEL_CODES).nullable(),
});
export type RatingItem = z.infer<typeof RatingItem>;
export const RatingWarning = z.object({
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  htxs: z.number().int(),
  htt: z.number().int(),
  message: z.string(),
});
export type RatingWarning = z.infer<typeof RatingWarning>;
export const RatingListResponse = z.object({ items: z.array(RatingItem), warnings: z.array(RatingWarning) });
export type RatingListResponse = z.infer<typeof RatingListResponse>;
export const UpsertRatingResponse = z.object({ item: RatingItem, warnings: z.array(RatingWarning) });

// ---------- annual ratings from Excel ----------
/** Largest ratings workbook accepted, and the most data rows one file may hold. */
export const RATING_IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const RATING_IMPORT_MAX_ROWS = 20_000;
export const RatingTemplateQuery = z.object({
  year: z.coerce.number().int().min(2020, 'phải từ 2020').max(2100, 'không hợp lệ').optional(),
  communeCode: z
    .string()
    .regex(/^\d{5}$/, 'mã xã gồm 5 chữ số')
    .optional(),
});
export const RatingImportQuery = z.object({
  dryRun: z
    .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
    .transform((v) => v === true || v === 'true' || v === '1')
    .default(false),
});
export const RatingImportError = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export type RatingImportError = z.infer<typeof RatingImportError>;
export const RatingImportResponse = z.object({
  /** true when every row is valid (and, unless dryRun, saved) */
  ok: z.boolean(),
  dryRun: z.boolean(),
  rows: z.number().int(),
  /** template rows left empty (no score, no discipline, no note): not rated, not an error */
  skipped: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(RatingImportError),
  /** the 20% HTXSNV warnings of the units touched, after the import */
  warnings: z.array(RatingWarning),
});
export type RatingImportResponse = z.infer<typeof RatingImportResponse>;

// ---------- effect analysis ----------
export const EffectsQuery = z.object({
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  year: z.coerce.number().int().min(2021).max(2100).optional(),
  by: z.enum(['programme', 'organiser']).default('programme'),
});
export const EffectGroupStats = z.object({ n: z.number().int(), meanChange: z.number().nullable() });
export const EffectRow = z.object({
  key: z.string(),
  name: z.string(),
  trained: EffectGroupStats,
  comparison: EffectGroupStats,
  /** trained mean change − comparison mean change; null when a group is below the minimum size */
  difference: z.number().nullable(),
  enough: z.boolean(),
  satisfaction: z.object({ n: z.number().int(), mean: z.number().nullable() }),
});
export type EffectRow = z.infer<typeof EffectRow>;
export const EffectsResponse = z.object({
  year: z.number().int(),
  by: z.enum(['programme', 'organiser']),
  minGroupSize: z.number().int(),
  rows: z.array(EffectRow),
});
export type EffectsResponse = z.infer<typeof EffectsResponse>;
