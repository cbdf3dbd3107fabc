/** Pure rules of self-reports (SPEC §7): when one is due, when overdue, who may change it when. */
import { SELF_REPORT_GRACE_DAYS, type SelfReportStatus } from '@app/shared';
import { addDays, daysBetween } from '../learner/files.rules.ts';

/** Due on the day the class ends. */
export const reportDueOn = (classEndDate: string): string => classEndDate;
/** The last day still on time; from the next day on the report is overdue. */
export const reportLastDay = (classEndDate: string, graceDays = SELF_REPORT_GRACE_DAYS): string => addDays(classEndDate, graceDays);

/** Not submitted (as of `asOf`) and past the last day. */
export function isReportOverdue(
  classEndDate: string,
  asOf: string,
  submittedOn: string | null,
  graceDays = SELF_REPORT_GRACE_DAYS,
): boolean {
  if (submittedOn !== null && submittedOn <= asOf) return false;
  return asOf > reportLastDay(classEndDate, graceDays);
}

export function daysOverdue(classEndDate: string, asOf: string, graceDays = SELF_REPORT_GRACE_DAYS): number {
  return Math.max(0, daysBetween(reportLastDay(classEndDate, graceDays), asOf));
}

/** Why the learner cannot submit today, or null. */
export function submitProblem(f: { enrolmentStatus: string; classStatus: string; classEndDate: string; today: string }): string | null {
  if (f.enrolmentStatus !== 'nominated' || f.classStatus === 'cancelled')
    return 'Bạn không có tên chính thức trong lớp này nên không có báo cáo kết quả phải nộp.';
  if (f.today < f.classEndDate)
    return `Lớp chưa kết thúc (kết thúc ngày ${viDate(f.classEndDate)}); báo cáo kết quả nộp từ ngày lớp kết thúc.`;
  return null;
}

/** A learner may change a report until it is confirmed. */
export function editProblem(status: SelfReportStatus): string | null {
  return status === 'confirmed' ? 'Báo cáo đã được xác nhận, không sửa được nữa.' : null;
}

/** Confirm or return: only a report waiting for review. */
export function reviewProblem(
  status: SelfReportStatus,
  decision: 'confirm' | 'return',
  comment: string | undefined,
): { field?: string; message: string } | null {
  if (status !== 'submitted') {
    return { message: status === 'confirmed' ? 'Báo cáo đã được xác nhận trước đó.' : 'Báo cáo đã được trả lại; chờ học viên nộp lại.' };
  }
  if (decision === 'return' && !comment?.trim())
    return { field: 'comment', message: 'Ý kiến: cần ghi rõ lý do trả lại để học viên bổ sung.' };
  return null;
}

/** Score and completion must agree with each other. */
export function contentProblem(f: { completed: boolean; score: number | null }): { field: string; message: string } | null {
  if (f.score !== null && (f.score < 0 || f.score > 10)) return { field: 'score', message: 'phải từ 0 đến 10' };
  return null;
}

function viDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
