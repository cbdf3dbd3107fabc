/**
 * Request and response schemas of the HTTP API, shared by the server (validation, OpenAPI)
 * and the web client (types, form rules). One schema, both sides (STYLE.md §6–7).
 */
import { z } from 'zod';
import { ROLES } from './roles.ts';
import { PERMISSIONS } from './permissions.ts';
import { AREA_CLASSES, BLOCS, COMMUNE_TYPES, REGION_TYPES, TRAINING_ORG_KINDS } from './units.ts';

/** Vietnamese labels of request fields, used to name the field in error messages. */
export const FIELD_LABELS: Record<string, string> = {
  id: 'Mã định danh',
  username: 'Tên đăng nhập',
  password: 'Mật khẩu',
  currentPassword: 'Mật khẩu hiện tại',
  newPassword: 'Mật khẩu mới',
  fullName: 'Họ và tên',
  email: 'Thư điện tử',
  phone: 'Số điện thoại',
  role: 'Vai trò',
  provinceCode: 'Mã tỉnh',
  communeCode: 'Mã xã',
  unitId: 'Đơn vị',
  trainingOrgId: 'Cơ sở đào tạo',
  active: 'Trạng thái hoạt động',
  version: 'Phiên bản bản ghi',
  regionType: 'Loại vùng',
  areaClass: 'Khu vực (I/II/III)',
  name: 'Tên',
  shortName: 'Tên viết tắt',
  code: 'Mã',
  kind: 'Loại',
  bloc: 'Khối',
  parentId: 'Đơn vị cấp trên',
  validTo: 'Ngày hết hiệu lực',
  page: 'Trang',
  pageSize: 'Số dòng mỗi trang',
  q: 'Từ khóa tìm kiếm',
  from: 'Từ ngày',
  to: 'Đến ngày',
  action: 'Hành động',
  entityType: 'Loại đối tượng',
  actor: 'Người thực hiện',
  type: 'Loại',
  birthDate: 'Ngày sinh',
  gender: 'Giới tính',
  cccd: 'Số CCCD',
  positionId: 'Vị trí việc làm',
  officialType: 'Loại cán bộ, công chức',
  isLeader: 'Lãnh đạo, quản lý',
  leaderTitle: 'Chức vụ',
  eduLevel: 'Trình độ chuyên môn',
  studyField: 'Chuyên ngành đào tạo',
  studyFieldName: 'Tên chuyên ngành',
  politicalTheory: 'Lý luận chính trị',
  stateMgmtLevel: 'Quản lý nhà nước',
  itLevel: 'Tin học',
  foreignLanguage: 'Ngoại ngữ',
  joinedAt: 'Ngày vào cơ quan',
  affectedByReorg: 'Chịu tác động của sắp xếp bộ máy',
  belowStandard: 'Chưa đáp ứng yêu cầu chuyên môn',
  meetsRequirementOverride: 'Đáp ứng yêu cầu chuyên môn (điều chỉnh)',
  meetsRequirementReason: 'Lý do điều chỉnh',
  status: 'Trạng thái',
  fromDate: 'Từ ngày',
  reason: 'Lý do',
  commune: 'Xã',
  province: 'Tỉnh',
  ethnicityCode: 'Dân tộc',
  religionCode: 'Tôn giáo',
  healthNote: 'Sức khỏe',
  requiredEduLevel: 'Trình độ tối thiểu',
  requiredStudyFields: 'Chuyên ngành phù hợp',
  requiredProgrammes: 'Chương trình bắt buộc',
  trainingFields: 'Lĩnh vực bồi dưỡng',
  dryRun: 'Chạy thử',
  file: 'Tệp',
  scope: 'Phạm vi',
  programmeType: 'Loại chương trình',
  field: 'Lĩnh vực',
  decisionReason: 'Lý do quyết định',
  officialIds: 'Danh sách cán bộ',
  officialId: 'Cán bộ, công chức',
  phase: 'Giai đoạn',
  asOf: 'Ngày tính (asOf)',
  part: 'Phần số liệu',
  priority: 'Mức ưu tiên',
  number: 'Số giấy chứng nhận',
  classId: 'Lớp',
  keyId: 'Mã khóa',
  question: 'Câu hỏi',
  title: 'Tiêu đề',
  summary: 'Tóm tắt',
  bodyText: 'Nội dung',
  answers: 'Câu trả lời',
  event: 'Sự kiện học tập',
  positionSeconds: 'Vị trí xem (giây)',
  progressPercent: 'Tiến độ (%)',
  options: 'Phương án',
  licence: 'Giấy phép sử dụng',
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar date as YYYY-MM-DD (2026-02-30 is refused here, not by the database). Shared by every api*.ts. */
export const isoDate = z
  .string()
  .regex(ISO_DATE, 'phải có dạng YYYY-MM-DD')
  // A well-formed but impossible date (2026-02-30, month 13) is refused here, not by the database.
  .refine((s) => {
    if (!ISO_DATE.test(s)) return true;
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'không phải ngày có thật');
/** Ids and versions in requests: PostgreSQL `integer` columns (a larger number is bad input, not a server error). */
export const dbInt = () => z.number().int().min(-2_147_483_648).max(2_147_483_647);
const trimmed = (max: number) => z.string().trim().min(1).max(max);

// ---------- auth ----------
export const LoginRequest = z.object({
  username: trimmed(64),
  password: z.string().min(1).max(256),
});
export const ChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z
    .string()
    .min(8, 'phải có ít nhất 8 ký tự')
    .max(256)
    .regex(/[A-Za-zÀ-ỹ]/, 'phải có chữ cái')
    .regex(/\d/, 'phải có chữ số'),
});
export const ScopeSchema = z.object({
  level: z.enum(['nation', 'province', 'commune', 'unit', 'training_org', 'self']),
  provinceCode: z.string().optional(),
  communeCode: z.string().optional(),
  unitId: z.number().int().optional(),
  trainingOrgId: z.number().int().optional(),
});
export const MeResponse = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  role: z.enum(ROLES),
  scope: ScopeSchema,
  scopeNames: z.object({
    provinceName: z.string().optional(),
    communeName: z.string().optional(),
    unitName: z.string().optional(),
    trainingOrgName: z.string().optional(),
  }),
  permissions: z.array(z.enum(PERMISSIONS)),
  manageableRoles: z.array(z.enum(ROLES)),
  mustChangePassword: z.boolean(),
});
export type MeResponse = z.infer<typeof MeResponse>;
export const OkResponse = z.object({ ok: z.literal(true) });

// ---------- units ----------
export const ProvinceItem = z.object({
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  nameEn: z.string(),
  type: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  areaKm2: z.number().nullable(),
  communeCount: z.number().int(),
});
export type ProvinceItem = z.infer<typeof ProvinceItem>;
export const ProvinceListResponse = z.object({ items: z.array(ProvinceItem) });

export const CommuneItem = z.object({
  code: z.string(),
  provinceCode: z.string(),
  name: z.string(),
  fullName: z.string(),
  nameEn: z.string(),
  type: z.enum(COMMUNE_TYPES),
  regionType: z.enum(REGION_TYPES),
  areaClass: z.enum(AREA_CLASSES).nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  areaKm2: z.number().nullable(),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  version: z.number().int(),
});
export type CommuneItem = z.infer<typeof CommuneItem>;
export const CommuneListQuery = z.object({
  q: z.string().max(100).optional(),
  type: z.enum(COMMUNE_TYPES).optional(),
  regionType: z.enum(REGION_TYPES).optional(),
});
export const CommuneListResponse = z.object({ items: z.array(CommuneItem), total: z.number().int() });
export const UpdateCommuneRequest = z.object({
  regionType: z.enum(REGION_TYPES).optional(),
  areaClass: z.enum(AREA_CLASSES).nullable().optional(),
  version: dbInt(),
});

export const UnitItem = z.object({
  id: z.number().int(),
  communeCode: z.string(),
  name: z.string(),
  kind: z.string(),
  bloc: z.enum(BLOCS),
  parentId: z.number().int().nullable(),
  isDefault: z.boolean(),
  sortOrder: z.number().int(),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  version: z.number().int(),
});
export type UnitItem = z.infer<typeof UnitItem>;
export const CommuneDetailResponse = z.object({
  commune: CommuneItem,
  provinceName: z.string(),
  units: z.array(UnitItem),
  canEditRegionType: z.boolean(),
  canManageUnits: z.boolean(),
});
export type CommuneDetailResponse = z.infer<typeof CommuneDetailResponse>;
export const CreateUnitRequest = z.object({
  name: trimmed(200),
  bloc: z.enum(BLOCS),
  parentId: dbInt().nullable().optional(),
});
export const UpdateUnitRequest = z.object({
  name: trimmed(200).optional(),
  bloc: z.enum(BLOCS).optional(),
  validTo: isoDate.nullable().optional(),
  version: dbInt(),
});

// ---------- training organisations ----------
export const TrainingOrgItem = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.enum(TRAINING_ORG_KINDS),
  provinceCode: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type TrainingOrgItem = z.infer<typeof TrainingOrgItem>;
export const TrainingOrgListResponse = z.object({ items: z.array(TrainingOrgItem) });
export const CreateTrainingOrgRequest = z.object({
  code: z.string().trim().regex(/^[A-Z0-9_.-]{2,32}$/, 'chỉ gồm chữ in hoa không dấu, số, dấu chấm, gạch (2–32 ký tự)'),
  name: trimmed(300),
  shortName: z.string().trim().max(50).nullable().optional(),
  kind: z.enum(TRAINING_ORG_KINDS),
  provinceCode: z.string().regex(/^\d{2}$/).nullable().optional(),
});
export const UpdateTrainingOrgRequest = z.object({
  name: trimmed(300).optional(),
  shortName: z.string().trim().max(50).nullable().optional(),
  active: z.boolean().optional(),
  version: dbInt(),
});

// ---------- users ----------
export const UserItem = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  role: z.enum(ROLES),
  provinceCode: z.string().nullable(),
  provinceName: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  trainingOrgId: z.number().int().nullable(),
  trainingOrgName: z.string().nullable(),
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  canManage: z.boolean(),
});
export type UserItem = z.infer<typeof UserItem>;
export const UserListQuery = z.object({
  q: z.string().max(100).optional(),
  role: z.enum(ROLES).optional(),
  provinceCode: z.string().regex(/^\d{2}$/).optional(),
  communeCode: z.string().regex(/^\d{5}$/).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const UserListResponse = z.object({ items: z.array(UserItem), total: z.number().int() });
export const CreateUserRequest = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'gồm 3–64 ký tự: chữ thường không dấu, số, dấu chấm, gạch'),
  fullName: trimmed(200),
  role: z.enum(ROLES),
  password: ChangePasswordRequest.shape.newPassword.optional(),
  email: z.email().max(200).nullable().optional(),
  phone: z.string().trim().regex(/^[0-9+ .-]{8,20}$/, 'không hợp lệ').nullable().optional(),
  provinceCode: z.string().regex(/^\d{2}$/).nullable().optional(),
  communeCode: z.string().regex(/^\d{5}$/).nullable().optional(),
  unitId: dbInt().nullable().optional(),
  trainingOrgId: dbInt().nullable().optional(),
});
export const CreateUserResponse = z.object({ user: UserItem, temporaryPassword: z.string().optional() });
export const UpdateUserRequest = z.object({
  fullName: trimmed(200).optional(),
  email: z.email().max(200).nullable().optional(),
  phone: z.string().trim().regex(/^[0-9+ .-]{8,20}$/, 'không hợp lệ').nullable().optional(),
  active: z.boolean().optional(),
  unitId: dbInt().nullable().optional(),
  version: dbInt(),
});
export const ResetPasswordResponse = z.object({ temporaryPassword: z.string() });

// ---------- audit ----------
export const AuditItem = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  provinceCode: z.string().nullable(),
  communeCode: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type AuditItem = z.infer<typeof AuditItem>;
export const AuditListQuery = z.object({
  action: z.string().max(64).optional(),
  entityType: z.string().max(64).optional(),
  actor: z.string().max(64).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const AuditListResponse = z.object({ items: z.array(AuditItem), total: z.number().int() });

export const HealthResponse = z.object({
  status: z.literal('ok'),
  database: z.literal('ok'),
  today: isoDate,
  version: z.string(),
});
