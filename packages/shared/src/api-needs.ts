/**
 * Request/response schemas of the training-needs review (SPEC §4): the register of one commune,
 * the aggregation of a province or the nation, the review run, decisions, manual needs, the
 * "Cần bồi dưỡng ngay" list and the standing "Cảnh báo thiếu chuẩn VTVL" warnings.
 */
import { z } from 'zod';
import { PROGRAMME_TYPES, TRAINING_FIELDS } from './officials.ts';
import { REGION_TYPES } from './units.ts';

export const NEED_STATUSES = ['proposed', 'confirmed', 'dropped'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];
export const NEED_STATUS_LABELS: Record<NeedStatus, string> = {
  proposed: 'Đề xuất',
  confirmed: 'Đã xác nhận',
  dropped: 'Đã loại',
};

/** Which rule proposed a need (SPEC §4 rules 1–4), or an admin added it. */
export const NEED_SOURCES = ['rule1', 'rule2', 'rule3', 'rule4', 'manual'] as const;
export type NeedSource = (typeof NEED_SOURCES)[number];
export const NEED_SOURCE_LABELS: Record<NeedSource, string> = {
  rule1: 'Chưa đáp ứng yêu cầu chuyên môn của vị trí việc làm',
  rule2: 'Công chức chuyên môn chưa học quản lý nhà nước',
  rule3: 'Lãnh đạo, quản lý chưa học quản lý nhà nước',
  rule4: 'Bồi dưỡng chuyên môn, kỹ năng mỗi giai đoạn',
  manual: 'Bổ sung thủ công',
};

/** 1 = most urgent (SPEC §4: below standard and affected by the reorganisation first). */
export const NEED_PRIORITIES = [1, 2, 3, 4] as const;
export type NeedPriority = (typeof NEED_PRIORITIES)[number];
export const NEED_PRIORITY_LABELS: Record<NeedPriority, string> = {
  1: 'Cần bồi dưỡng ngay: chưa đạt chuẩn và chịu tác động sắp xếp',
  2: 'Chưa đạt chuẩn vị trí việc làm',
  3: 'Quản lý nhà nước',
  4: 'Chuyên môn, nghiệp vụ, kỹ năng',
};

/** Standing warnings "Cảnh báo thiếu chuẩn VTVL" (Directive §II.4, SPEC §4 and §9). */
export const NEED_WARNING_KINDS = ['below_standard_not_nominated', 'no_training_in_phase'] as const;
export type NeedWarningKind = (typeof NEED_WARNING_KINDS)[number];
export const NEED_WARNING_KIND_LABELS: Record<NeedWarningKind, string> = {
  below_standard_not_nominated: 'Chưa đạt chuẩn vị trí việc làm, chưa được cử đi bồi dưỡng',
  no_training_in_phase: 'Chưa được bồi dưỡng trong giai đoạn',
};

/** Phase of Decision 700 in a query string: "1" (2026–2028) or "2" (2029–2031). */
const phaseQuery = z
  .string()
  .regex(/^[12]$/, 'Giai đoạn phải là 1 (2026–2028) hoặc 2 (2029–2031)')
  .transform((v) => (v === '1' ? 1 : 2) as 1 | 2);
const phaseBody = z
  .number()
  .int()
  .refine((v) => v === 1 || v === 2, 'Giai đoạn phải là 1 (2026–2028) hoặc 2 (2029–2031)')
  .transform((v) => v as 1 | 2);
const communeCode = z.string().regex(/^\d{5}$/, 'gồm 5 chữ số');
/** `commune:<5 digits>`, `province:<2 digits>` or `nation`; absent = the caller's own scope. */
export const NeedsScopeString = z
  .string()
  .trim()
  .regex(/^(nation|province:\d{2}|commune:\d{5})$/, 'phải có dạng commune:<mã xã 5 chữ số>, province:<mã tỉnh 2 chữ số> hoặc nation');
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'Mã hồ sơ cán bộ, công chức không hợp lệ');
const dbInt = () => z.number().int().min(-2_147_483_648).max(2_147_483_647);

// ---------- register and aggregation ----------
export const NeedsListQuery = z.object({
  scope: NeedsScopeString.optional(),
  phase: phaseQuery.optional(),
  /** Filters of the commune register's items (the summary always covers the whole register). */
  status: z.enum(NEED_STATUSES).optional(),
  programmeType: z.enum(PROGRAMME_TYPES).optional(),
  field: z.enum(TRAINING_FIELDS).optional(),
  priority: z.enum(['1', '2', '3', '4']).transform(Number).optional(),
  q: z.string().max(100).optional(),
  /** Without pageSize the whole register is returned (a commune has a few hundred needs at most). */
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).optional(),
});
export type NeedsListQuery = z.infer<typeof NeedsListQuery>;

export const NeedItem = z.object({
  id: z.number().int(),
  officialId: z.string(),
  fullName: z.string(),
  communeCode: z.string(),
  unitName: z.string().nullable(),
  positionName: z.string().nullable(),
  belowStandard: z.boolean(),
  affectedByReorg: z.boolean(),
  phase: z.number().int(),
  programmeType: z.enum(PROGRAMME_TYPES),
  /** Training field of professional/skills needs; null for CMCN and QLNN needs. */
  field: z.enum(TRAINING_FIELDS).nullable(),
  source: z.enum(NEED_SOURCES),
  status: z.enum(NEED_STATUSES),
  priority: z.number().int(),
  reason: z.string(),
  decisionReason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type NeedItem = z.infer<typeof NeedItem>;

/** Needs that are not dropped, split by status. */
export const NeedCounts = z.object({
  proposed: z.number().int(),
  confirmed: z.number().int(),
  total: z.number().int(),
});
export const NeedBreakdown = z.object({
  byProgrammeType: z.array(NeedCounts.extend({ programmeType: z.enum(PROGRAMME_TYPES) })),
  /** Professional/skills needs per training field (CMCN and QLNN needs carry no field). */
  byField: z.array(NeedCounts.extend({ field: z.enum(TRAINING_FIELDS) })),
  byPriority: z.array(NeedCounts.extend({ priority: z.number().int() })),
});
export const NeedTotals = NeedCounts.extend({
  dropped: z.number().int(),
  /** Officials in service in the scope on the as-of date (SPEC §9 "in service"). */
  officialsInService: z.number().int(),
  /** Of them, those with at least one need that is not dropped. */
  officialsWithNeeds: z.number().int(),
});

export const NeedsRegisterResponse = z.object({
  level: z.literal('commune'),
  scope: z.string(),
  phase: z.number().int(),
  asOf: z.string(),
  commune: z.object({ code: z.string(), name: z.string(), provinceCode: z.string(), regionType: z.enum(REGION_TYPES) }),
  /** May the caller run the review, decide and add needs here? */
  canManage: z.boolean(),
  canReview: z.boolean(),
  summary: NeedTotals.extend(NeedBreakdown.shape),
  items: z.array(NeedItem),
  /** Items matching the filters (before paging). */
  total: z.number().int(),
});
export type NeedsRegisterResponse = z.infer<typeof NeedsRegisterResponse>;

export const NeedsChildRow = NeedTotals.extend({ code: z.string(), name: z.string() });
export const NeedsAggregationResponse = z.object({
  level: z.enum(['province', 'nation']),
  scope: z.string(),
  phase: z.number().int(),
  asOf: z.string(),
  name: z.string(),
  totals: NeedTotals,
  ...NeedBreakdown.shape,
  /** Communes of the province, or provinces of the nation (all of them, zeros included). */
  children: z.array(NeedsChildRow),
});
export type NeedsAggregationResponse = z.infer<typeof NeedsAggregationResponse>;
export const NeedsListResponse = z.union([NeedsRegisterResponse, NeedsAggregationResponse]);

// ---------- review, decisions, manual needs ----------
export const ReviewNeedsQuery = z.object({
  commune: communeCode.optional(),
  phase: phaseQuery.optional(),
});
export const ReviewNeedsResponse = z.object({
  communeCode: z.string(),
  phase: z.number().int(),
  asOf: z.string(),
  /** Officials in service in the commune whose needs were reviewed. */
  officials: z.number().int(),
  created: z.number().int(),
  removed: z.number().int(),
  /** Proposals still produced by the rules whose priority or reason changed (updated in place). */
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type ReviewNeedsResponse = z.infer<typeof ReviewNeedsResponse>;

export const DecideNeedRequest = z.object({
  status: z.enum(['confirmed', 'dropped']),
  /** Required when dropping a need. */
  decisionReason: z.string().trim().max(500).nullable().optional(),
  version: dbInt(),
});
export type DecideNeedRequest = z.infer<typeof DecideNeedRequest>;

export const CreateNeedRequest = z.object({
  officialId: uuid,
  phase: phaseBody,
  programmeType: z.enum(PROGRAMME_TYPES),
  field: z.enum(TRAINING_FIELDS).nullable().optional(),
  reason: z.string().trim().min(1).max(500),
  /** Defaults from the programme type (CMCN 2, or 1 when affected by the reorganisation; QLNN 3; others 4). */
  priority: z.number().int().min(1).max(4).optional(),
});
export type CreateNeedRequest = z.infer<typeof CreateNeedRequest>;

export const MyNeedsQuery = z.object({ phase: phaseQuery.optional() });
export const MyNeedsResponse = z.object({
  official: z
    .object({
      id: z.string(),
      fullName: z.string(),
      communeCode: z.string(),
      communeName: z.string().nullable(),
      unitName: z.string().nullable(),
      positionName: z.string().nullable(),
    })
    .nullable(),
  /** The official's needs that are not dropped, most urgent first. */
  items: z.array(NeedItem),
});
export type MyNeedsResponse = z.infer<typeof MyNeedsResponse>;

// ---------- Cần bồi dưỡng ngay ----------
export const UrgentQuery = z.object({ commune: communeCode.optional(), phase: phaseQuery.optional() });
export const UrgentItem = z.object({
  officialId: z.string(),
  fullName: z.string(),
  unitName: z.string().nullable(),
  positionName: z.string().nullable(),
  affectedByReorg: z.boolean(),
  isLeader: z.boolean(),
  /** Since when the below-standard flag has been set. */
  belowStandardSince: z.string().nullable(),
  /** The CMCN need of the phase, if any (proposed or confirmed). */
  need: z.object({ id: z.number().int(), status: z.enum(NEED_STATUSES), version: z.number().int() }).nullable(),
  reason: z.string(),
});
export type UrgentItem = z.infer<typeof UrgentItem>;
export const UrgentResponse = z.object({
  communeCode: z.string(),
  communeName: z.string(),
  phase: z.number().int(),
  asOf: z.string(),
  items: z.array(UrgentItem),
  total: z.number().int(),
});
export type UrgentResponse = z.infer<typeof UrgentResponse>;

// ---------- Cảnh báo thiếu chuẩn VTVL ----------
export const WarningsQuery = z.object({
  scope: NeedsScopeString.optional(),
  kind: z.enum(NEED_WARNING_KINDS).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(200),
});
export const WarningItem = z.object({
  kind: z.enum(NEED_WARNING_KINDS),
  officialId: z.string(),
  fullName: z.string(),
  communeCode: z.string(),
  communeName: z.string(),
  unitName: z.string().nullable(),
  positionName: z.string().nullable(),
  affectedByReorg: z.boolean(),
  /** Since when the situation holds (flag date, or start of the phase / of service in the commune). */
  since: z.string(),
  message: z.string(),
});
export type WarningItem = z.infer<typeof WarningItem>;
export const WarningCounts = z.object({
  total: z.number().int(),
  below_standard_not_nominated: z.number().int(),
  no_training_in_phase: z.number().int(),
});
export const WarningsResponse = z.object({
  level: z.enum(['commune', 'province', 'nation']),
  scope: z.string(),
  asOf: z.string(),
  /** Phase of the as-of date; null outside 2026–2031 (then only below-standard warnings apply). */
  phase: z.number().int().nullable(),
  counts: WarningCounts,
  /** Counts per commune (province scope) or per province (nation scope); empty for a commune. */
  children: z.array(WarningCounts.extend({ code: z.string(), name: z.string() })),
  items: z.array(WarningItem),
  /** Warnings matching `kind` (before paging). */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type WarningsResponse = z.infer<typeof WarningsResponse>;
