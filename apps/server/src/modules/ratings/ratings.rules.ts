/**
 * Pure rules of the annual quality rating (Decree 335/2025/NĐ-CP, SPEC §8): score = general (≤ 30)
 * + tasks (≤ 70); level HTXSNV ≥ 90, HTTNV 70–<90, HTNV 50–<70, KHTNV < 50 or disciplined that year;
 * HTXSNV should not exceed 20% of HTTNV in the same agency (a warning, not a refusal).
 */
import type { RatingLevel } from '@app/shared';

export const HTXS_SHARE_LIMIT = 0.2;
/** Most points of each part: general criteria and task results (100 in all). */
export const GENERAL_MAX = 30;
export const TASK_MAX = 70;

export const ratingScore = (generalScore: number, taskScore: number) => Math.round((generalScore + taskScore) * 100) / 100;

export function ratingLevel(score: number, disciplined: boolean): RatingLevel {
  if (disciplined || score < 50) return 'KHTNV';
  if (score >= 90) return 'HTXSNV';
  if (score >= 70) return 'HTTNV';
  return 'HTNV';
}

/** Over the limit when HTXSNV > 20% of HTTNV (integer arithmetic: 5·htxs > htt). */
export function htxsOverLimit(counts: { htxs: number; htt: number }): boolean {
  return counts.htxs > 0 && counts.htxs * 5 > counts.htt;
}

export function htxsWarningMessage(unitName: string | null, htxs: number, htt: number): string {
  const where = unitName ? `đơn vị “${unitName}”` : 'cơ quan';
  return `Số người xếp loại Hoàn thành xuất sắc nhiệm vụ của ${where} (${htxs}) vượt quá 20% số người Hoàn thành tốt nhiệm vụ (${htt}); đề nghị rà soát lại.`;
}
