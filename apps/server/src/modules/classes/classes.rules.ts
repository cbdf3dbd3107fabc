/**
 * Pure rules of classes (SPEC §5): who sees a class, which communes it serves, status moves,
 * dates of classes and sessions, bridge points. No IO; unit-tested in classes.rules.test.ts.
 */
import { CLASS_STATUS_FLOW, CLASS_STATUS_LABELS, formatDateVi, type BridgePointLevel, type ClassMode, type ClassStatus } from '@app/shared';
import type { Actor } from '../../authz/policy.ts';

// ---------------------------------------------------------------- visibility

/**
 * Which classes an actor may read (SPEC §0, §5). Relations rather than plain containment, so it is
 * spelled out here per role and turned into SQL by the repository (one definition for lists and
 * for a single class):
 * - national admin: every class;
 * - province admin, provincial reviewer: classes of the province, serving one of its communes, with
 *   a bridge point in it, or with learners nominated by it;
 * - commune admin: classes serving the commune (liên xã list), with a bridge point there, or with
 *   learners of the commune; plus classes open for nomination in its province (or nation-wide);
 * - unit head: the same, but learners only of its own unit;
 * - training org: only the classes it organises;
 * - official: only the classes the official is (or was) nominated to.
 */
export type ClassVisibility =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'organiser'; organiserId: number }
  | { kind: 'province'; provinceCode: string }
  | { kind: 'commune'; communeCode: string; provinceCode: string | null; unitId: number | null }
  | { kind: 'self'; officialId: string };

export function classVisibilityOf(actor: Actor): ClassVisibility {
  switch (actor.role) {
    case 'national_admin':
      return { kind: 'all' };
    case 'reviewer':
    case 'province_admin':
      return actor.provinceCode
        ? { kind: 'province', provinceCode: actor.provinceCode }
        : actor.role === 'reviewer'
          ? { kind: 'all' }
          : { kind: 'none' };
    case 'commune_admin':
      return actor.communeCode
        ? { kind: 'commune', communeCode: actor.communeCode, provinceCode: actor.provinceCode, unitId: null }
        : { kind: 'none' };
    case 'unit_head':
      return actor.communeCode && actor.unitId !== null
        ? { kind: 'commune', communeCode: actor.communeCode, provinceCode: actor.provinceCode, unitId: actor.unitId }
        : { kind: 'none' };
    case 'training_org':
      return actor.trainingOrgId !== null ? { kind: 'organiser', organiserId: actor.trainingOrgId } : { kind: 'none' };
    case 'official':
      return actor.officialId ? { kind: 'self', officialId: actor.officialId } : { kind: 'none' };
  }
}

// ---------------------------------------------------------------- communes served

export interface ServedFacts {
  provinceCode: string | null;
  mode: ClassMode;
  /** class_communes (liên xã); the host commune is one of them. */
  communeCodes: readonly string[];
  bridgePoints: readonly { level: BridgePointLevel; provinceCode: string | null; communeCode: string | null }[];
}

/**
 * Does the class take learners from this commune (SPEC §5–§6)? Yes when the commune is in its
 * liên-xã list, or has a bridge point of the class, or (online/blended) its province has a
 * provincial bridge point; a class with no commune list and no commune bridge points is open to
 * its whole province — or, without a province, to the whole country.
 */
export function servesCommune(c: ServedFacts, communeCode: string, communeProvince: string): boolean {
  if (c.communeCodes.includes(communeCode)) return true;
  if (c.bridgePoints.some((b) => b.communeCode === communeCode)) return true;
  if (c.mode !== 'truc_tiep' && c.bridgePoints.some((b) => b.level === 'tinh' && b.provinceCode === communeProvince)) return true;
  const listsCommunes = c.communeCodes.length > 0 || c.bridgePoints.some((b) => b.level === 'xa');
  if (listsCommunes) return false;
  return c.provinceCode === null || c.provinceCode === communeProvince;
}

// ---------------------------------------------------------------- status flow

export interface StatusMoveFacts {
  today: string;
  startDate: string;
  endDate: string;
  /** Nominated learners (status nominated) still without a result. */
  learnersWithoutResult: number;
}

/** Why the move is refused (Vietnamese), or null when allowed (CLASS_STATUS_FLOW plus dates). */
export function statusMoveProblem(from: ClassStatus, to: ClassStatus, f: StatusMoveFacts): string | null {
  if (from === to) return `Lớp đã ở trạng thái "${CLASS_STATUS_LABELS[to]}".`;
  if (!CLASS_STATUS_FLOW[from].includes(to)) {
    const allowed = CLASS_STATUS_FLOW[from].map((s) => `"${CLASS_STATUS_LABELS[s]}"`);
    return `Không thể chuyển lớp từ "${CLASS_STATUS_LABELS[from]}" sang "${CLASS_STATUS_LABELS[to]}"${
      allowed.length ? `; chỉ có thể chuyển sang ${allowed.join(', ')}` : '; lớp ở trạng thái này không thay đổi được nữa'
    }.`;
  }
  if (to === 'running' && from === 'open' && f.today < f.startDate) {
    return `Chưa đến ngày khai giảng (${formatDateVi(f.startDate)}); lớp chỉ chuyển sang "Đang học" từ ngày đó.`;
  }
  if (to === 'finished' && f.today < f.endDate) {
    return `Chưa đến ngày bế giảng (${formatDateVi(f.endDate)}); lớp chỉ chuyển sang "Đã kết thúc" từ ngày đó.`;
  }
  if (to === 'closed' && f.learnersWithoutResult > 0) {
    return `Còn ${f.learnersWithoutResult} học viên chưa có kết quả; hãy tính hoặc nhập kết quả trước khi đóng hồ sơ lớp.`;
  }
  return null;
}

/** Statuses the class may move to now (for the "allowed actions" the client shows). */
export function nextStatuses(from: ClassStatus, f: StatusMoveFacts): ClassStatus[] {
  return CLASS_STATUS_FLOW[from].filter((to) => statusMoveProblem(from, to, f) === null);
}

/** Classes whose data (details, sessions, bridge points) may still change. */
export function isEditable(status: ClassStatus): boolean {
  return status !== 'closed' && status !== 'cancelled';
}

/** Nominations are taken only while the class is open (SPEC §5 "open for nomination"). */
export function acceptsNominations(status: ClassStatus): boolean {
  return status === 'open';
}

/** Attendance and scores are recorded while the class runs and after it ended, until it is closed. */
export function acceptsRecords(status: ClassStatus): boolean {
  return status === 'running' || status === 'finished';
}

// ---------------------------------------------------------------- dates

export interface FieldProblem {
  field: string;
  message: string;
}

/** Start and end of a class: in order, and every existing session inside them. */
export function classDatesProblem(startDate: string, endDate: string, sessionDates: readonly string[]): FieldProblem | null {
  if (endDate < startDate) {
    return { field: 'endDate', message: `phải từ ngày khai giảng (${formatDateVi(startDate)}) trở đi, đang là ${formatDateVi(endDate)}` };
  }
  const outside = [...sessionDates].sort().filter((d) => d < startDate || d > endDate);
  if (outside.length) {
    const field = outside[0]! < startDate ? 'startDate' : 'endDate';
    return {
      field,
      message: `lớp còn buổi học ngày ${outside.map(formatDateVi).join(', ')} nằm ngoài thời gian ${formatDateVi(startDate)} – ${formatDateVi(
        endDate,
      )}; hãy sửa hoặc xóa các buổi học đó trước`,
    };
  }
  return null;
}

/** A session lies inside the class's dates and ends after it starts. */
export function sessionProblem(
  s: { date: string; startTime: string; endTime: string },
  cls: { startDate: string; endDate: string },
): FieldProblem | null {
  if (s.date < cls.startDate) {
    return {
      field: 'date',
      message: `buổi học ngày ${formatDateVi(s.date)} trước ngày khai giảng của lớp (${formatDateVi(cls.startDate)})`,
    };
  }
  if (s.date > cls.endDate) {
    return { field: 'date', message: `buổi học ngày ${formatDateVi(s.date)} sau ngày bế giảng của lớp (${formatDateVi(cls.endDate)})` };
  }
  if (s.endTime <= s.startTime) {
    return { field: 'endTime', message: `phải sau giờ bắt đầu (${s.startTime}), đang là ${s.endTime}` };
  }
  return null;
}

// ---------------------------------------------------------------- bridge points

/** A bridge point names its place according to its level; only online or blended classes have them. */
export function bridgePointProblem(
  mode: ClassMode,
  b: { level: BridgePointLevel; name?: string | null; provinceCode?: string | null; communeCode?: string | null },
): FieldProblem | null {
  if (mode === 'truc_tiep')
    return { field: 'mode', message: 'lớp học trực tiếp không có điểm cầu; hãy đổi hình thức lớp sang trực tuyến hoặc kết hợp' };
  switch (b.level) {
    case 'trung_uong':
      if (!b.name) return { field: 'name', message: 'hãy nhập tên điểm cầu trung ương (ví dụ: Học viện Chính trị quốc gia Hồ Chí Minh)' };
      if (b.provinceCode || b.communeCode) return { field: 'provinceCode', message: 'điểm cầu trung ương không gắn với tỉnh hoặc xã' };
      return null;
    case 'tinh':
      if (!b.provinceCode) return { field: 'provinceCode', message: 'điểm cầu tỉnh cần mã tỉnh' };
      if (b.communeCode) return { field: 'communeCode', message: 'điểm cầu tỉnh không gắn với một xã; hãy chọn cấp "Điểm cầu xã"' };
      return null;
    case 'xa':
      if (!b.communeCode) return { field: 'communeCode', message: 'điểm cầu xã cần mã xã' };
      return null;
  }
}

/** Class code made by the system when the user leaves it out: L<year>.<organiser code>.<number>. */
export function makeClassCode(startDate: string, organiserCode: string, seq: number): string {
  const org = organiserCode.replace(/[^A-Za-z0-9.]/g, '').slice(0, 16) || 'CSDT';
  return `L${startDate.slice(0, 4)}.${org}.${String(seq).padStart(3, '0')}`;
}
