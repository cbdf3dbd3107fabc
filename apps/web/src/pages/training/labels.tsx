/** Status tags (colour always with text), option lists and number/date formatting of the training screens. */
import { Tag, Tooltip } from 'antd';
import {
  APPROVAL_STATUS_LABELS,
  ATTENDANCE_STATUS_LABELS,
  CLASS_STATUS_LABELS,
  ENROLMENT_RESULT_LABELS,
  ENROLMENT_STATUS_LABELS,
  formatDateVi,
  formatNumberVi,
  MIN_PRACTICE_SHARE_PCT,
  PROFESSIONAL_PROGRAMME_TYPES,
  PROGRAMME_TYPE_LABELS,
  PROGRAMME_TYPES,
  TRAINING_FIELD_LABELS,
  TRAINING_FIELDS,
  type ApprovalStatus,
  type ClassListItem,
  type AttendanceStatus,
  type ClassStatus,
  type EnrolmentResult,
  type EnrolmentStatus,
  type ProgrammeType,
} from '@app/shared';

export const options = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((v) => ({ value: v, label: labels[v] }));

export const PROGRAMME_TYPE_OPTIONS = options(PROGRAMME_TYPES, PROGRAMME_TYPE_LABELS);
export const FIELD_OPTIONS = options(TRAINING_FIELDS, TRAINING_FIELD_LABELS);

/** Short names of programme types for dense tables (the full label is in the tooltip). */
export const PROGRAMME_TYPE_SHORT: Record<ProgrammeType, string> = {
  CMCN: 'Chuyên môn chuyên ngành',
  QLNN_LANHDAO: 'QLNN lãnh đạo, quản lý',
  QLNN_CHUNG: 'QLNN chung',
  CMNV: 'Chuyên môn, nghiệp vụ',
  KNBT: 'Kỹ năng bổ trợ',
  CAPNHAT: 'Cập nhật kiến thức',
  KHAC: 'Bồi dưỡng khác',
};

export function ProgrammeTypeTag({ type }: { type: ProgrammeType }) {
  return (
    <Tooltip title={PROGRAMME_TYPE_LABELS[type]}>
      <Tag color="geekblue">{PROGRAMME_TYPE_SHORT[type]}</Tag>
    </Tooltip>
  );
}

const CLASS_STATUS_COLORS: Record<ClassStatus, string> = {
  planned: 'default',
  open: 'cyan',
  running: 'blue',
  finished: 'green',
  closed: 'purple',
  cancelled: 'red',
};
export function ClassStatusTag({ status }: { status: ClassStatus }) {
  return <Tag color={CLASS_STATUS_COLORS[status]}>{CLASS_STATUS_LABELS[status]}</Tag>;
}

const APPROVAL_COLORS: Record<ApprovalStatus, string> = { draft: 'gold', approved: 'green', retired: 'default' };
export function ApprovalTag({ status }: { status: ApprovalStatus }) {
  return <Tag color={APPROVAL_COLORS[status]}>{APPROVAL_STATUS_LABELS[status]}</Tag>;
}

const ENROLMENT_COLORS: Record<EnrolmentStatus, string> = { pending_approval: 'gold', nominated: 'green', waitlisted: 'orange', cancelled: 'default' };
export function EnrolmentStatusTag({ status, position }: { status: EnrolmentStatus; position?: number | null }) {
  return (
    <Tag color={ENROLMENT_COLORS[status]}>
      {ENROLMENT_STATUS_LABELS[status]}
      {status === 'waitlisted' && position ? ` (thứ ${position})` : ''}
    </Tag>
  );
}

export function ResultTag({ result }: { result: EnrolmentResult | null }) {
  if (!result) return <Tag>Chưa có kết quả</Tag>;
  return <Tag color={result === 'completed' ? 'green' : 'red'}>{ENROLMENT_RESULT_LABELS[result]}</Tag>;
}

const ATTENDANCE_COLORS: Record<AttendanceStatus, string> = { present: 'green', excused: 'gold', absent: 'red' };
export function AttendanceTag({ status }: { status: AttendanceStatus }) {
  return <Tag color={ATTENDANCE_COLORS[status]}>{ATTENDANCE_STATUS_LABELS[status]}</Tag>;
}

export const isProfessional = (t: ProgrammeType) => (PROFESSIONAL_PROGRAMME_TYPES as readonly string[]).includes(t);

/** "Dưới 60% thực hành" on professional programmes whose practice share is below the minimum. */
export function PracticeShare({ type, pct }: { type: ProgrammeType; pct: number }) {
  const low = isProfessional(type) && Math.round(pct) < MIN_PRACTICE_SHARE_PCT;
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4, alignItems: 'center' }}>
      <span>{pctVi(pct)}</span>
      {low && <Tag color="orange">Dưới {MIN_PRACTICE_SHARE_PCT}% thực hành</Tag>}
    </span>
  );
}

/** 66,7 % (Vietnamese decimal comma, one decimal when needed). */
export function pctVi(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return `${formatNumberVi(n, Number.isInteger(n) ? 0 : 1)} %`;
}

/** A score: up to two decimals, no trailing zeros (7,5 · 8 · 6,25). */
export const scoreVi = (n: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(n);

export const moneyVi = (n: number) => `${formatNumberVi(n)} đ`;

export const dateRangeVi = (start: string, end: string) => (start === end ? formatDateVi(start) : `${formatDateVi(start)} – ${formatDateVi(end)}`);

export const timeRange = (start: string, end: string) => `${start.slice(0, 5)}–${end.slice(0, 5)}`;

/** Seats taken / capacity, with the waiting list. */
export function SeatsCell({ c }: { c: Pick<ClassListItem, 'counts' | 'capacity'> }) {
  const full = c.counts.enrolled >= c.capacity;
  return (
    <Tooltip title={`Đã cử ${c.counts.nominated}, chờ duyệt ${c.counts.pendingApproval}, danh sách chờ ${c.counts.waitlisted}`}>
      <span>
        <span style={{ color: full ? '#d46b08' : undefined }}>
          {formatNumberVi(c.counts.enrolled)}/{formatNumberVi(c.capacity)}
        </span>
        {c.counts.waitlisted > 0 && <span style={{ display: 'block', fontSize: 12, color: '#5b6472' }}>+{formatNumberVi(c.counts.waitlisted)} chờ</span>}
      </span>
    </Tooltip>
  );
}
