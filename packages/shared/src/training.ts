/** SPEC §5–§6: code lists of programmes, classes and nominations, with Vietnamese labels. */
export const PROGRAMME_OWNERS = ['ministry', 'hcma', 'province'] as const;
export type ProgrammeOwner = (typeof PROGRAMME_OWNERS)[number];
export const PROGRAMME_OWNER_LABELS: Record<ProgrammeOwner, string> = {
  ministry: 'Bộ Nội vụ, bộ ngành',
  hcma: 'Học viện Chính trị quốc gia Hồ Chí Minh',
  province: 'Tỉnh, thành phố',
};

export const APPROVAL_STATUSES = ['draft', 'approved', 'retired'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];
export const APPROVAL_STATUS_LABELS: Record<ApprovalStatus, string> = { draft: 'Dự thảo', approved: 'Đã phê duyệt', retired: 'Ngừng sử dụng' };

/** Programme types whose practice share must be ≥ 60% (SPEC §5: professional programmes). */
export const PROFESSIONAL_PROGRAMME_TYPES = ['CMCN', 'CMNV', 'KNBT', 'CAPNHAT'] as const;
export const MIN_PRACTICE_SHARE_PCT = 60;

export const CLASS_MODES = ['truc_tiep', 'truc_tuyen', 'ket_hop'] as const;
export type ClassMode = (typeof CLASS_MODES)[number];
export const CLASS_MODE_LABELS: Record<ClassMode, string> = { truc_tiep: 'Trực tiếp', truc_tuyen: 'Trực tuyến', ket_hop: 'Kết hợp' };

export const SCHEDULE_TYPES = ['trong_gio', 'ngoai_gio', 'buoi_toi', 'cuoi_tuan'] as const;
export type ScheduleType = (typeof SCHEDULE_TYPES)[number];
export const SCHEDULE_TYPE_LABELS: Record<ScheduleType, string> = {
  trong_gio: 'Trong giờ hành chính',
  ngoai_gio: 'Ngoài giờ hành chính',
  buoi_toi: 'Buổi tối',
  cuoi_tuan: 'Cuối tuần',
};

export const CLASS_STATUSES = ['planned', 'open', 'running', 'finished', 'closed', 'cancelled'] as const;
export type ClassStatus = (typeof CLASS_STATUSES)[number];
export const CLASS_STATUS_LABELS: Record<ClassStatus, string> = {
  planned: 'Dự kiến',
  open: 'Đang nhận cử học',
  running: 'Đang học',
  finished: 'Đã kết thúc',
  closed: 'Đã đóng hồ sơ',
  cancelled: 'Đã hủy',
};
/** Allowed status moves of a class (SPEC §5: planned → open → running → finished → closed). */
export const CLASS_STATUS_FLOW: Record<ClassStatus, readonly ClassStatus[]> = {
  planned: ['open', 'cancelled'],
  open: ['running', 'planned', 'cancelled'],
  running: ['finished'],
  finished: ['closed', 'running'],
  closed: [],
  cancelled: [],
};

export const ENROLMENT_STATUSES = ['pending_approval', 'nominated', 'waitlisted', 'cancelled'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
export const ENROLMENT_STATUS_LABELS: Record<EnrolmentStatus, string> = {
  pending_approval: 'Chờ thủ trưởng đơn vị duyệt',
  nominated: 'Đã cử đi học',
  waitlisted: 'Danh sách chờ',
  cancelled: 'Đã hủy cử',
};

export const ENROLMENT_RESULTS = ['completed', 'failed'] as const;
export type EnrolmentResult = (typeof ENROLMENT_RESULTS)[number];
export const ENROLMENT_RESULT_LABELS: Record<EnrolmentResult, string> = { completed: 'Hoàn thành', failed: 'Không hoàn thành' };

export const ATTENDANCE_STATUSES = ['present', 'excused', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDANCE_STATUS_LABELS: Record<AttendanceStatus, string> = { present: 'Có mặt', excused: 'Vắng có phép', absent: 'Vắng không phép' };

export const BRIDGE_POINT_LEVELS = ['trung_uong', 'tinh', 'xa'] as const;
export type BridgePointLevel = (typeof BRIDGE_POINT_LEVELS)[number];
export const BRIDGE_POINT_LEVEL_LABELS: Record<BridgePointLevel, string> = { trung_uong: 'Điểm cầu trung ương', tinh: 'Điểm cầu tỉnh', xa: 'Điểm cầu xã' };

export const INSTRUCTOR_KINDS = ['giang_vien', 'bao_cao_vien'] as const;
export type InstructorKind = (typeof INSTRUCTOR_KINDS)[number];
export const INSTRUCTOR_KIND_LABELS: Record<InstructorKind, string> = { giang_vien: 'Giảng viên', bao_cao_vien: 'Báo cáo viên' };

export const BUDGET_SOURCES = ['central', 'local', 'sponsor'] as const;
export type BudgetSource = (typeof BUDGET_SOURCES)[number];
export const BUDGET_SOURCE_LABELS: Record<BudgetSource, string> = { central: 'Ngân sách trung ương', local: 'Ngân sách địa phương', sponsor: 'Tài trợ, nguồn khác' };
