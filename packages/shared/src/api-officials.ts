/** Request/response schemas of the officials registry and positions (SPEC §3). */
import { z } from 'zod';
import { isoDate } from './api.ts';
import { BLOCS } from './units.ts';
import {
  EDU_LEVELS,
  GENDERS,
  OFFICIAL_STATUSES,
  OFFICIAL_TYPES,
  POLITICAL_THEORY_LEVELS,
  PROGRAMME_TYPES,
  STATE_MGMT_LEVELS,
  STUDY_FIELDS,
  TRAINING_FIELDS,
} from './officials.ts';

const boolish = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .transform((v) => v === true || v === 'true' || v === '1');

export const OfficialListQuery = z.object({
  commune: z.string().regex(/^\d{5}$/, 'gồm 5 chữ số').optional(),
  province: z.string().regex(/^\d{2}$/, 'gồm 2 chữ số').optional(),
  q: z.string().max(100).optional(),
  unitId: z.coerce.number().int().optional(),
  positionId: z.coerce.number().int().optional(),
  type: z.enum(OFFICIAL_TYPES).optional(),
  bloc: z.enum(BLOCS).optional(),
  leader: boolish.optional(),
  belowStandard: boolish.optional(),
  affectedByReorg: boolish.optional(),
  status: z.enum(OFFICIAL_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});
export type OfficialListQuery = z.infer<typeof OfficialListQuery>;

export const OfficialListItem = z.object({
  id: z.string(),
  fullName: z.string(),
  birthDate: isoDate,
  gender: z.enum(GENDERS),
  cccd: z.string().nullable(),
  provinceCode: z.string(),
  communeCode: z.string(),
  communeName: z.string().nullable(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  positionId: z.number().int().nullable(),
  positionName: z.string().nullable(),
  officialType: z.enum(OFFICIAL_TYPES),
  isLeader: z.boolean(),
  leaderTitle: z.string().nullable(),
  bloc: z.enum(BLOCS),
  eduLevel: z.enum(EDU_LEVELS).nullable(),
  status: z.enum(OFFICIAL_STATUSES),
  meetsRequirement: z.boolean().nullable(),
  belowStandard: z.boolean(),
  affectedByReorg: z.boolean(),
  version: z.number().int(),
});
export type OfficialListItem = z.infer<typeof OfficialListItem>;
export const OfficialListResponse = z.object({
  items: z.array(OfficialListItem),
  total: z.number().int(),
  /** true when a filtered list has more than `total` (10,000) matches: the UI says "hơn 10.000". */
  totalCapped: z.boolean(),
});

const nullableText = (max: number) => z.string().trim().max(max).nullable().optional();

/** Fields an admin edits on an official (create and update share them). */
export const OfficialFields = z.object({
  fullName: z.string().trim().min(2).max(120),
  birthDate: isoDate,
  gender: z.enum(GENDERS),
  cccd: z
    .string()
    .trim()
    .regex(/^\d{12}$/, 'phải gồm đúng 12 chữ số')
    .nullable()
    .optional(),
  email: z.email().max(200).nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+ .-]{8,20}$/, 'không hợp lệ')
    .nullable()
    .optional(),
  unitId: z.number().int().nullable().optional(),
  positionId: z.number().int().nullable().optional(),
  officialType: z.enum(OFFICIAL_TYPES),
  isLeader: z.boolean(),
  leaderTitle: nullableText(120),
  bloc: z.enum(BLOCS),
  eduLevel: z.enum(EDU_LEVELS).nullable().optional(),
  studyField: z.enum(STUDY_FIELDS).nullable().optional(),
  studyFieldName: nullableText(200),
  politicalTheory: z.enum(POLITICAL_THEORY_LEVELS).nullable().optional(),
  stateMgmtLevel: z.enum(STATE_MGMT_LEVELS).nullable().optional(),
  itLevel: nullableText(100),
  foreignLanguage: nullableText(100),
  joinedAt: isoDate.nullable().optional(),
  affectedByReorg: z.boolean(),
});
// Defaults belong to creation only: an update changes only the fields it sends.
export const CreateOfficialRequest = OfficialFields.extend({
  isLeader: z.boolean().default(false),
  affectedByReorg: z.boolean().default(false),
  communeCode: z.string().regex(/^\d{5}$/, 'gồm 5 chữ số').optional(),
});
export type CreateOfficialRequest = z.infer<typeof CreateOfficialRequest>;
export const UpdateOfficialRequest = OfficialFields.partial().extend({
  version: z.number().int(),
  /** Admin override of "meets the position's requirement"; null removes the override. */
  meetsRequirementOverride: z.boolean().nullable().optional(),
  meetsRequirementReason: z.string().trim().max(500).nullable().optional(),
  /** Why the flags changed (kept in the flag history). */
  reason: z.string().trim().max(500).optional(),
});
export type UpdateOfficialRequest = z.infer<typeof UpdateOfficialRequest>;

export const ChangeStatusRequest = z.object({
  status: z.enum(OFFICIAL_STATUSES),
  fromDate: isoDate,
  reason: z.string().trim().max(500).optional(),
  version: z.number().int(),
});
export const TransferRequest = z.object({
  communeCode: z.string().regex(/^\d{5}$/, 'gồm 5 chữ số'),
  unitId: z.number().int().nullable().optional(),
  positionId: z.number().int().nullable().optional(),
  fromDate: isoDate,
  reason: z.string().trim().max(500).optional(),
  version: z.number().int(),
});

export const AssignmentItem = z.object({
  id: z.number().int(),
  communeCode: z.string(),
  communeName: z.string().nullable(),
  unitName: z.string().nullable(),
  positionName: z.string().nullable(),
  fromDate: isoDate,
  toDate: isoDate.nullable(),
  reason: z.string().nullable(),
});
export const FlagPeriodItem = z.object({
  id: z.number().int(),
  flag: z.enum(['below_standard', 'affected_by_reorg']),
  fromDate: isoDate,
  toDate: isoDate.nullable(),
  setBy: z.string().nullable(),
  setReason: z.string().nullable(),
  clearedBy: z.string().nullable(),
  clearedReason: z.string().nullable(),
});
export const StatusHistoryItem = z.object({
  status: z.enum(OFFICIAL_STATUSES),
  fromDate: isoDate,
  reason: z.string().nullable(),
  changedBy: z.string().nullable(),
});
export const OfficialDetail = OfficialListItem.extend({
  email: z.string().nullable(),
  phone: z.string().nullable(),
  studyField: z.enum(STUDY_FIELDS).nullable(),
  studyFieldName: z.string().nullable(),
  politicalTheory: z.enum(POLITICAL_THEORY_LEVELS).nullable(),
  stateMgmtLevel: z.enum(STATE_MGMT_LEVELS).nullable(),
  itLevel: z.string().nullable(),
  foreignLanguage: z.string().nullable(),
  joinedAt: isoDate.nullable(),
  statusDate: isoDate.nullable(),
  meetsRequirementComputed: z.boolean().nullable(),
  meetsRequirementOverride: z.boolean().nullable(),
  meetsRequirementReason: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  assignments: z.array(AssignmentItem),
  flags: z.array(FlagPeriodItem),
  statusHistory: z.array(StatusHistoryItem),
  canEdit: z.boolean(),
  canViewSensitive: z.boolean(),
});
export type OfficialDetail = z.infer<typeof OfficialDetail>;

export const SensitiveData = z.object({
  ethnicityCode: z.string().max(10).nullable(),
  religionCode: z.string().max(10).nullable(),
  codeList: z.string(),
  healthNote: z.string().max(1000).nullable(),
});
export const UpdateSensitiveRequest = SensitiveData.omit({ codeList: true }).partial();

// ---------- positions ----------
export const PositionItem = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  level: z.enum(['national', 'province', 'commune']),
  provinceCode: z.string().nullable(),
  communeCode: z.string().nullable(),
  bloc: z.enum(BLOCS).nullable(),
  officialType: z.enum(OFFICIAL_TYPES).nullable(),
  isLeader: z.boolean(),
  requiredEduLevel: z.enum(EDU_LEVELS).nullable(),
  requiredStudyFields: z.array(z.enum(STUDY_FIELDS)),
  requiredProgrammes: z.array(z.enum(PROGRAMME_TYPES)),
  trainingFields: z.array(z.enum(TRAINING_FIELDS)),
  active: z.boolean(),
  version: z.number().int(),
  canEdit: z.boolean(),
});
export type PositionItem = z.infer<typeof PositionItem>;
export const PositionListQuery = z.object({ commune: z.string().regex(/^\d{5}$/, 'gồm 5 chữ số').optional() });
export const PositionListResponse = z.object({ items: z.array(PositionItem) });
export const CreatePositionRequest = z.object({
  name: z.string().trim().min(2).max(200),
  level: z.enum(['national', 'province', 'commune']),
  provinceCode: z.string().regex(/^\d{2}$/).nullable().optional(),
  communeCode: z.string().regex(/^\d{5}$/).nullable().optional(),
  bloc: z.enum(BLOCS).nullable().optional(),
  officialType: z.enum(OFFICIAL_TYPES).nullable().optional(),
  isLeader: z.boolean().default(false),
  requiredEduLevel: z.enum(EDU_LEVELS).nullable().optional(),
  requiredStudyFields: z.array(z.enum(STUDY_FIELDS)).max(20).default([]),
  requiredProgrammes: z.array(z.enum(PROGRAMME_TYPES)).max(7).default([]),
  trainingFields: z.array(z.enum(TRAINING_FIELDS)).max(25).default([]),
});
// No defaults on update: only the fields sent change (a partial() of defaulted fields would reset them).
export const UpdatePositionRequest = z.object({
  name: z.string().trim().min(2).max(200).optional(),
  bloc: z.enum(BLOCS).nullable().optional(),
  officialType: z.enum(OFFICIAL_TYPES).nullable().optional(),
  isLeader: z.boolean().optional(),
  requiredEduLevel: z.enum(EDU_LEVELS).nullable().optional(),
  requiredStudyFields: z.array(z.enum(STUDY_FIELDS)).max(20).optional(),
  requiredProgrammes: z.array(z.enum(PROGRAMME_TYPES)).max(7).optional(),
  trainingFields: z.array(z.enum(TRAINING_FIELDS)).max(25).optional(),
  active: z.boolean().optional(),
  version: z.number().int(),
});
