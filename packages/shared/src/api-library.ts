/** SPEC §11: the shared digital learning library and the citing assistant (issue 8). */
import { z } from 'zod';

export const LIBRARY_TYPES = ['document', 'video', 'slides', 'case', 'handbook', 'quiz'] as const;
export type LibraryType = (typeof LIBRARY_TYPES)[number];
export const LIBRARY_TYPE_LABELS: Record<LibraryType, string> = {
  document: 'Tài liệu',
  video: 'Video mô phỏng',
  slides: 'Bài giảng trình chiếu',
  case: 'Tình huống điển hình',
  handbook: 'Cẩm nang điện tử',
  quiz: 'Bài trắc nghiệm',
};
export const LIBRARY_STATUSES = ['draft', 'approved', 'published'] as const;
export type LibraryStatus = (typeof LIBRARY_STATUSES)[number];
export const LIBRARY_STATUS_LABELS: Record<LibraryStatus, string> = {
  draft: 'Bản nháp',
  approved: 'Đã duyệt nội dung',
  published: 'Đã công bố',
};
/** What each entry of a material's version history records. */
export const LIBRARY_VERSION_ACTION_LABELS: Record<string, string> = {
  create: 'Tạo mới',
  edit: 'Sửa thông tin',
  upload: 'Tải tệp mới',
  poster: 'Đổi ảnh đại diện',
  approve: 'Duyệt nội dung',
  publish: 'Công bố',
  return: 'Trả lại',
  unpublish: 'Thu hồi',
};
export const LIBRARY_PROGRESS_LABELS = { opened: 'Đã mở', in_progress: 'Đang học', completed: 'Đã hoàn thành' } as const;

/** Upload limits (checked by content, not by the file name). */
export const LIBRARY_DOCUMENT_MAX_BYTES = 30 * 1024 * 1024;
export const LIBRARY_VIDEO_MAX_BYTES = 200 * 1024 * 1024;
export const ASSISTANT_QUESTION_MAX = 1000;

const text = (max: number) => z.string().trim().max(max);
const codes = z.array(z.string().trim().min(1).max(40)).max(30);

export const LibraryQuizQuestionSchema = z.object({
  question: text(1000).min(1),
  options: z.array(text(500).min(1)).min(2).max(6),
  answer: z.number().int().min(0).max(5),
  explanation: text(2000),
});

export const LibraryMaterialInput = z.object({
  type: z.enum(LIBRARY_TYPES),
  title: text(300).min(3),
  summary: text(3000).default(''),
  fields: codes.default([]),
  positions: codes.default([]),
  regionTypes: codes.default([]),
  programmeTypes: codes.default([]),
  licence: text(300).default(''),
  /** null = shared nationally; a province code = that province only. */
  provinceCode: z
    .string()
    .regex(/^\d{2}$/, 'phải là mã tỉnh 2 chữ số')
    .nullable()
    .default(null),
  /** Text typed in directly (typical cases, handbooks) instead of an uploaded file. */
  bodyText: text(200_000).default(''),
  quiz: z.array(LibraryQuizQuestionSchema).max(50).default([]),
});
export type LibraryMaterialInput = z.infer<typeof LibraryMaterialInput>;
/** Only what is sent changes (no defaults here, or a patch would wipe the other fields). */
export const LibraryMaterialPatch = z.object({
  type: z.enum(LIBRARY_TYPES).optional(),
  title: text(300).min(3).optional(),
  summary: text(3000).optional(),
  fields: codes.optional(),
  positions: codes.optional(),
  regionTypes: codes.optional(),
  programmeTypes: codes.optional(),
  licence: text(300).optional(),
  provinceCode: z
    .string()
    .regex(/^\d{2}$/, 'phải là mã tỉnh 2 chữ số')
    .nullable()
    .optional(),
  bodyText: text(200_000).optional(),
  quiz: z.array(LibraryQuizQuestionSchema).max(50).optional(),
  note: text(500).optional(),
});

export const LibraryMaterialSummary = z.object({
  id: z.string(),
  type: z.enum(LIBRARY_TYPES),
  title: z.string(),
  summary: z.string(),
  status: z.enum(LIBRARY_STATUSES),
  provinceCode: z.string().nullable(),
  fields: z.array(z.string()),
  version: z.number(),
  ownerName: z.string(),
  updatedAt: z.string(),
  hasFile: z.boolean(),
});
export type LibraryMaterialSummary = z.infer<typeof LibraryMaterialSummary>;

export const LibrarySection = z.object({ section: z.string(), text: z.string() });
export const LibraryMaterialDetail = LibraryMaterialSummary.extend({
  positions: z.array(z.string()),
  regionTypes: z.array(z.string()),
  programmeTypes: z.array(z.string()),
  licence: z.string(),
  fileName: z.string().nullable(),
  mime: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  hasPoster: z.boolean(),
  reviewerName: z.string().nullable(),
  reviewNote: z.string().nullable(),
  publishedAt: z.string().nullable(),
  sections: z.array(LibrarySection),
  /** Questions without the right answers (those come back after an attempt). */
  quiz: z.array(z.object({ question: z.string(), options: z.array(z.string()) })),
  versions: z.array(z.object({ version: z.number(), action: z.string(), note: z.string().nullable(), byName: z.string(), at: z.string() })),
  can: z.object({ edit: z.boolean(), review: z.boolean() }),
  /** The typed-in text, for those who may edit it (the edit form); null for others and when the text comes from a file. */
  bodyText: z.string().nullable(),
  progress: z
    .object({ status: z.string(), progressPercent: z.number(), positionSeconds: z.number(), quizBestScore: z.number().nullable() })
    .nullable(),
});
export type LibraryMaterialDetail = z.infer<typeof LibraryMaterialDetail>;

export const LibraryListQuery = z.object({
  q: text(200).optional(),
  type: z.enum(LIBRARY_TYPES).optional(),
  field: text(40).optional(),
  regionType: text(40).optional(),
  programmeType: text(40).optional(),
  position: text(40).optional(),
  status: z.enum(LIBRARY_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const LibraryListResponse = z.object({ items: z.array(LibraryMaterialSummary), total: z.number() });

/** Public search API (issue 8): `snippet` is HTML-escaped text in which only `<mark>…</mark>` is markup. */
export const LibrarySearchItem = z.object({ id: z.string(), title: z.string(), type: z.string(), snippet: z.string() });
export const LibrarySearchResponse = z.object({ items: z.array(LibrarySearchItem), total: z.number() });
export type LibrarySearchResponse = z.infer<typeof LibrarySearchResponse>;

export const LibraryReviewRequest = z.object({
  action: z.enum(['approve', 'publish', 'return', 'unpublish']),
  note: text(1000).optional(),
});

export const LibraryProgressRequest = z.object({
  event: z.enum(['open', 'progress', 'complete']),
  positionSeconds: z.number().min(0).max(1_000_000).optional(),
  progressPercent: z.number().int().min(0).max(100).optional(),
});
export const LibraryQuizRequest = z.object({ answers: z.array(z.number().int().min(-1).max(5)).max(50) });
export const LibraryQuizResponse = z.object({
  score: z.number(),
  correct: z.number(),
  total: z.number(),
  bestScore: z.number(),
  results: z.array(z.object({ correct: z.boolean(), answer: z.number(), explanation: z.string() })),
});
export type LibraryQuizResponse = z.infer<typeof LibraryQuizResponse>;

/** Contract 5: the learner's self-study, shown in the learning record. */
export const LibraryProgressItem = z.object({
  materialId: z.string(),
  title: z.string(),
  type: z.string(),
  status: z.enum(['opened', 'in_progress', 'completed']),
  progressPercent: z.number(),
  lastOpenedAt: z.string(),
  quizBestScore: z.number().nullable(),
});
export const LibraryProgressMineResponse = z.object({ items: z.array(LibraryProgressItem) });
export type LibraryProgressMineResponse = z.infer<typeof LibraryProgressMineResponse>;

export const LibraryRecommendationsResponse = z.object({
  materials: z.array(z.object({ id: z.string(), title: z.string(), type: z.string(), reason: z.string() })),
  classes: z.array(
    z.object({ id: z.number(), code: z.string(), name: z.string(), startDate: z.string(), endDate: z.string(), reason: z.string() }),
  ),
});
export type LibraryRecommendationsResponse = z.infer<typeof LibraryRecommendationsResponse>;

export const AssistantAskRequest = z.object({ question: z.string().trim().min(3).max(ASSISTANT_QUESTION_MAX) });
export const AssistantCitation = z.object({ materialId: z.string(), title: z.string(), section: z.string(), quote: z.string() });
export const AssistantAskResponse = z.object({ answer: z.string(), noAnswer: z.boolean(), citations: z.array(AssistantCitation) });
export type AssistantAskResponse = z.infer<typeof AssistantAskResponse>;
export const ASSISTANT_NO_ANSWER = 'Thư viện chưa có văn bản trả lời câu hỏi này.';
