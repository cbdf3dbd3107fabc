/**
 * Pure rules of the post-training evaluation (SPEC §8): the window (3 calendar months after the class
 * end), due/overdue status, the weighted score and its level. No IO; unit-tested.
 */
import {
  EVALUATION_CRITERIA,
  type EvaluationConfig,
  type EvaluationLevel,
  type EvaluationSource,
  type EvaluationStatus,
} from '@app/shared';

export const WINDOW_MONTHS = 3;

export const DEFAULT_EVALUATION_CONFIG: EvaluationConfig = {
  criteriaWeights: {
    ung_dung: 20,
    ket_qua_cong_vu: 20,
    tham_muu: 15,
    hai_long: 10,
    phoi_hop: 10,
    ky_luat: 10,
    liem_chinh: 10,
    trach_nhiem: 5,
  },
  sourceWeights: { self: 20, unit_head: 50, peer: 15, citizen: 15 },
  thresholds: { ratHieuQua: 85, hieuQua: 70, itHieuQua: 50 },
  overdueDays: 30,
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const daysInMonth = (y: number, m1: number) => new Date(Date.UTC(y, m1, 0)).getUTCDate();

/**
 * Calendar-month addition on YYYY-MM-DD: the same day number `months` later, or the last day of the
 * target month when it is shorter (31/05 + 3 → 31/08; 30/11 + 3 → 28/02, or 29/02 in a leap year).
 */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const idx = y * 12 + (m - 1) + months;
  const ty = Math.floor(idx / 12);
  const tm = (idx % 12) + 1;
  return `${pad(ty, 4)}-${pad(tm)}-${pad(Math.min(d, daysInMonth(ty, tm)))}`;
}

export function addDays(iso: string, days: number): string {
  const t = new Date(`${iso}T00:00:00Z`).getTime() + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** The first day an evaluation may be recorded: class end + 3 calendar months. */
export const windowOpensOn = (classEndDate: string) => addMonths(classEndDate, WINDOW_MONTHS);
/** Overdue from this day on: the window has been open for more than `overdueDays` days. */
export const overdueFrom = (opensOn: string, overdueDays: number) => addDays(opensOn, overdueDays + 1);

export function evaluationStatus(opts: {
  opensOn: string;
  evaluatedOn: string | null;
  today: string;
  overdueDays: number;
}): EvaluationStatus {
  if (opts.evaluatedOn && opts.evaluatedOn <= opts.today) return 'da_danh_gia';
  if (opts.today < opts.opensOn) return 'chua_mo';
  return opts.today >= overdueFrom(opts.opensOn, opts.overdueDays) ? 'qua_han' : 'den_han';
}

export const isWindowOpen = (classEndDate: string, today: string) => today >= windowOpensOn(classEndDate);

export type WeightProblem = { field: string; message: string };
/** Sum checks of a configuration: each weight set sums to 100; thresholds strictly descending. */
export function checkConfig(c: EvaluationConfig): WeightProblem[] {
  const problems: WeightProblem[] = [];
  const sum = (r: Record<string, number>) => Math.round(Object.values(r).reduce((a, b) => a + b, 0) * 100) / 100;
  for (const code of EVALUATION_CRITERIA)
    if (c.criteriaWeights[code] === undefined) problems.push({ field: `criteriaWeights.${code}`, message: 'chưa nhập trọng số' });
  const cs = sum(c.criteriaWeights);
  if (cs !== 100) problems.push({ field: 'criteriaWeights', message: `tổng trọng số các tiêu chí phải bằng 100 (hiện là ${cs})` });
  const ss = sum(c.sourceWeights);
  if (ss !== 100) problems.push({ field: 'sourceWeights', message: `tổng trọng số các nguồn đánh giá phải bằng 100 (hiện là ${ss})` });
  if (!c.sourceWeights.unit_head)
    problems.push({ field: 'sourceWeights.unit_head', message: 'đánh giá của thủ trưởng đơn vị là bắt buộc nên trọng số phải lớn hơn 0' });
  const t = c.thresholds;
  if (!(t.ratHieuQua > t.hieuQua && t.hieuQua > t.itHieuQua))
    problems.push({ field: 'thresholds', message: 'ngưỡng phải giảm dần: Rất hiệu quả > Hiệu quả > Ít hiệu quả' });
  return problems;
}

/** 1–5 answers on the eight criteria → 0–100 (1 → 0, 5 → 100), weighted by the criteria weights. */
export function criteriaScore(answers: Partial<Record<string, { score: number }>>, weights: Record<string, number>): number | null {
  let num = 0;
  let den = 0;
  for (const code of EVALUATION_CRITERIA) {
    const a = answers[code];
    const w = weights[code] ?? 0;
    if (!a || w <= 0) continue;
    num += w * ((a.score - 1) / 4) * 100;
    den += w;
  }
  return den > 0 ? num / den : null;
}

export interface SourceInput {
  self?: Partial<Record<string, { score: number }>> | null;
  unitHead?: Partial<Record<string, { score: number }>> | null;
  peers?: Partial<Record<string, { score: number }>>[];
  /** citizen/business satisfaction 0–100 entered by the commune */
  citizen?: number | null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The evaluation score: each present source's score (peers averaged) weighted by the source weights,
 * renormalised over the sources present. Null until the required unit-head assessment exists.
 */
export function evaluationScore(input: SourceInput, config: EvaluationConfig): number | null {
  if (!input.unitHead) return null;
  const parts: [EvaluationSource, number][] = [];
  const uh = criteriaScore(input.unitHead, config.criteriaWeights);
  if (uh !== null) parts.push(['unit_head', uh]);
  const self = input.self ? criteriaScore(input.self, config.criteriaWeights) : null;
  if (self !== null) parts.push(['self', self]);
  const peers = (input.peers ?? []).map((p) => criteriaScore(p, config.criteriaWeights)).filter((x): x is number => x !== null);
  if (peers.length) parts.push(['peer', peers.reduce((a, b) => a + b, 0) / peers.length]);
  if (input.citizen !== null && input.citizen !== undefined) parts.push(['citizen', input.citizen]);
  let num = 0;
  let den = 0;
  for (const [s, v] of parts) {
    const w = config.sourceWeights[s] ?? 0;
    num += w * v;
    den += w;
  }
  return den > 0 ? round2(num / den) : null;
}

export function evaluationLevel(score: number, t: EvaluationConfig['thresholds']): EvaluationLevel {
  if (score >= t.ratHieuQua) return 'rat_hieu_qua';
  if (score >= t.hieuQua) return 'hieu_qua';
  if (score >= t.itHieuQua) return 'it_hieu_qua';
  return 'khong_hieu_qua';
}
