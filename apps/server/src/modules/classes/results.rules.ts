/**
 * Completion rule of a learner (SPEC §6; Circular 01/2018/TT-BNV): attendance and assessments,
 * with thresholds read from the programme (defaults 100% attendance counting excused absences up to
 * 20% of the sessions, and at least 5/10 in every assessment). Pure; see results.rules.test.ts.
 */
import { ATTENDANCE_STATUS_LABELS, type AttendanceStatus, type EnrolmentResult } from '@app/shared';

export interface CompletionRule {
  minAttendancePct: number;
  maxExcusedPct: number;
  passScore: number;
}
export const DEFAULT_COMPLETION_RULE: CompletionRule = { minAttendancePct: 100, maxExcusedPct: 20, passScore: 5 };

export interface LearnerRecord {
  /** Attendance per session of the class; a session without a record counts as absent. */
  attendance: readonly (AttendanceStatus | null)[];
  /** Score of assessment 1..assessmentCount (index 0 = assessment 1); null = not graded. */
  scores: readonly (number | null)[];
}

export interface Completion {
  result: EnrolmentResult;
  /** Average of the assessments, 2 decimals; null when the class has no assessment or one is missing. */
  finalScore: number | null;
  /** Attendance counted for the rule (present + excused within the allowance), % of sessions, 1 decimal. */
  attendancePct: number;
  /** Why not completed (Vietnamese); empty when completed. */
  reasons: string[];
}

const pct = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 1 });
const points = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

/**
 * Completed when (present + excused, the excused counted only up to maxExcusedPct of the sessions)
 * ≥ minAttendancePct of the sessions, and every assessment 1..assessmentCount is graded ≥ passScore.
 * Integer arithmetic in hundredths of a session, so 100% means every session exactly.
 */
export function completionOf(rec: LearnerRecord, sessions: number, assessmentCount: number, rule: CompletionRule): Completion {
  const reasons: string[] = [];
  const present = rec.attendance.filter((a) => a === 'present').length;
  const excused = rec.attendance.filter((a) => a === 'excused').length;
  const excusedCounted100 = Math.min(excused * 100, sessions * rule.maxExcusedPct);
  const attended100 = present * 100 + excusedCounted100;
  const attendancePct = sessions === 0 ? 100 : Math.round((attended100 / sessions) * 10) / 10;
  if (attended100 < sessions * rule.minAttendancePct) {
    const absent = sessions - present - excused;
    const parts = [`${present}/${sessions} buổi có mặt`];
    if (excused) parts.push(`${excused} buổi ${ATTENDANCE_STATUS_LABELS.excused.toLowerCase()}`);
    if (absent) parts.push(`${absent} buổi vắng không phép hoặc chưa điểm danh`);
    reasons.push(
      `Tham dự ${pct(attendancePct)}% số buổi (${parts.join(', ')}), chưa đạt ${rule.minAttendancePct}% (vắng có phép được tính tối đa ${rule.maxExcusedPct}% số buổi)`,
    );
  }
  const graded: number[] = [];
  for (let i = 0; i < assessmentCount; i++) {
    const s = rec.scores[i] ?? null;
    if (s === null) {
      reasons.push(`Chưa có điểm bài kiểm tra số ${i + 1}`);
      continue;
    }
    graded.push(s);
    if (s < rule.passScore) reasons.push(`Bài kiểm tra số ${i + 1} đạt ${points(s)} điểm, dưới mức đạt ${points(rule.passScore)}`);
  }
  const finalScore =
    // In hundredths of a point (scores have two decimals), half up: 6.995 → 7.00.
    assessmentCount > 0 && graded.length === assessmentCount
      ? Math.round(graded.reduce((a, b) => a + Math.round(b * 100), 0) / assessmentCount) / 100
      : null;
  return { result: reasons.length ? 'failed' : 'completed', finalScore, attendancePct, reasons };
}

/** Attendance written in a results sheet: a label ("Có mặt"), a code ("present") or a short mark. */
export function parseAttendanceCell(text: string): AttendanceStatus | null | 'invalid' {
  const t = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
  if (t === '') return null;
  const table: Record<string, AttendanceStatus> = {
    'co mat': 'present',
    present: 'present',
    x: 'present',
    'vang co phep': 'excused',
    excused: 'excused',
    p: 'excused',
    'vang khong phep': 'absent',
    absent: 'absent',
    v: 'absent',
    k: 'absent',
  };
  return table[t] ?? 'invalid';
}

/** A score written in a results sheet: number cell or text with "," or "." as decimal mark. */
export function parseScoreCell(value: number | string): number | null | 'invalid' {
  if (typeof value === 'number') return Number.isFinite(value) ? value : 'invalid';
  const t = value.trim().replace(',', '.');
  if (t === '') return null;
  if (!/^\d{1,2}(\.\d+)?$/.test(t)) return 'invalid';
  return Number(t);
}
