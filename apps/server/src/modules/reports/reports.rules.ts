/**
 * Pure rules of reports (SPEC §10): deadlines, overdue, what each status allows, the "as of" date of
 * a report's numbers, consolidation of children's snapshots, and the Decree 30/2020 text pieces.
 */
import {
  EVALUATION_LEVELS,
  REPORT_SECTIONS,
  type BudgetCounts,
  type ReportClassCounts,
  type EvaluationCounts,
  type ReportIndicator,
  type ReportKind,
  type ReportLevel,
  type ReportRow,
  type ReportStatus,
} from '@app/shared';

/** Default day (MM-DD) by which communes send their annual report to the province (the province may change it). */
export const DEFAULT_COMMUNE_DEADLINE = '12-10';
/** Provinces send the annual report to the ministry before 30/11 (Decision 700 annex IV.1). */
export const PROVINCE_DEADLINE = '11-30';

/** The year a mid-term / final report belongs to. */
export const FIXED_YEAR: Partial<Record<ReportKind, number>> = { midterm: 2029, final: 2031 };

/**
 * The deadline of a periodic report: provinces → ministry 30/11; communes → the date their province
 * set (default 10/12); the ministry's own report 31/12. Ad hoc reports use the request's deadline.
 */
export function deadlineOf(level: ReportLevel, year: number, provinceSetDeadline?: string | null): string {
  if (level === 'province') return `${year}-${PROVINCE_DEADLINE}`;
  if (level === 'commune') return provinceSetDeadline ?? `${year}-${DEFAULT_COMMUNE_DEADLINE}`;
  return `${year}-12-31`;
}

/** Overdue: past the deadline and not yet sent up (a returned report is waiting for the sender again). */
export function isOverdue(status: ReportStatus | 'missing', deadline: string | null, today: string): boolean {
  if (!deadline) return false;
  return (status === 'draft' || status === 'returned' || status === 'missing') && today > deadline;
}

/** Numbers of a report for year Y are as of the end of Y, or today while Y is still running. */
export function asOfFor(year: number, today: string): string {
  const end = `${year}-12-31`;
  return today < end ? today : end;
}

export const EDITABLE: readonly ReportStatus[] = ['draft', 'returned'];
export const canEditStatus = (s: ReportStatus) => EDITABLE.includes(s);
export const canSubmitStatus = (s: ReportStatus) => EDITABLE.includes(s);
export const canReviewStatus = (s: ReportStatus) => s === 'submitted';

export function parentLevelOf(level: ReportLevel): ReportLevel | null {
  return level === 'commune' ? 'province' : level === 'province' ? 'nation' : null;
}

export function childLevelOf(level: ReportLevel): ReportLevel | null {
  return level === 'nation' ? 'province' : level === 'province' ? 'commune' : null;
}

export function scopeKeyOf(level: ReportLevel, code: string | null): string {
  return level === 'nation' ? 'nation' : `${level}:${code}`;
}

export function defaultTitle(kind: ReportKind, year: number, scopeName: string, adhocTitle?: string): string {
  switch (kind) {
    case 'annual':
      return `Báo cáo kết quả thực hiện Đề án bồi dưỡng cán bộ, công chức cấp xã năm ${year} của ${scopeName}`;
    case 'midterm':
      return `Báo cáo sơ kết giai đoạn 2026 - 2028 thực hiện Đề án bồi dưỡng cán bộ, công chức cấp xã của ${scopeName}`;
    case 'final':
      return `Báo cáo tổng kết giai đoạn 2026 - 2031 thực hiện Đề án bồi dưỡng cán bộ, công chức cấp xã của ${scopeName}`;
    case 'adhoc':
      return `${adhocTitle ?? 'Báo cáo đột xuất'} - ${scopeName}`;
  }
}

export function sectionTitlesFor(adhocSections: readonly string[] | null | undefined): { id: string; title: string }[] {
  if (adhocSections && adhocSections.length) return adhocSections.map((title, i) => ({ id: `s${i + 1}`, title }));
  return REPORT_SECTIONS.map((s) => ({ id: s.id, title: s.title }));
}

// ---------- consolidation ----------

export const emptyClassCounts = (): ReportClassCounts => ({ plannedClasses: 0, plannedAttendances: 0, heldClasses: 0, heldAttendances: 0 });
export const emptyBudget = (): BudgetCounts => ({
  plannedCentral: 0,
  plannedLocal: 0,
  plannedSponsor: 0,
  spentCentral: 0,
  spentLocal: 0,
  spentSponsor: 0,
});
export const emptyEvaluations = (): EvaluationCounts => ({ rat_hieu_qua: 0, hieu_qua: 0, it_hieu_qua: 0, khong_hieu_qua: 0 });

export function percentOf(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  return Math.round((numerator / denominator) * 10000) / 100;
}

/** Sums rows (children's frozen snapshots) into one: counts add up; percentages are recomputed from the sums. */
export function consolidateRows(code: string, name: string, rows: readonly ReportRow[]): ReportRow {
  const classes: Record<string, ReportClassCounts> = {};
  const budget = emptyBudget();
  const evaluations = emptyEvaluations();
  const indicators = new Map<string, ReportIndicator>();
  for (const r of rows) {
    for (const [type, c] of Object.entries(r.classes)) {
      const t = (classes[type] ??= emptyClassCounts());
      t.plannedClasses += c.plannedClasses;
      t.plannedAttendances += c.plannedAttendances;
      t.heldClasses += c.heldClasses;
      t.heldAttendances += c.heldAttendances;
    }
    for (const k of Object.keys(budget) as (keyof BudgetCounts)[]) budget[k] += r.budget[k];
    for (const k of EVALUATION_LEVELS) evaluations[k] += r.evaluations[k];
    for (const ind of r.indicators) {
      const cur = indicators.get(ind.code);
      if (!cur) indicators.set(ind.code, { ...ind, percent: null, status: '' });
      else {
        cur.numerator += ind.numerator;
        cur.denominator += ind.denominator;
      }
    }
  }
  return {
    code,
    name,
    classes,
    budget,
    evaluations,
    indicators: [...indicators.values()].map((i) => ({ ...i, percent: percentOf(i.numerator, i.denominator), status: 'tong_hop' })),
  };
}

// ---------- Decree 30/2020 pieces ----------

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * "Buôn Ma Thuột, ngày 05 tháng 02 năm 2027": leading zero for days 1–9 and months 1–2 (Decree 30/2020,
 * Annex I §II.5). Months 3–12 are written as they are ("tháng 3", "tháng 11").
 */
export function placeDateLine(place: string, isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const month = m <= 2 ? pad2(m) : String(m);
  return `${place}, ngày ${pad2(d)} tháng ${month} năm ${y}`;
}

/** "Số: 15/BC-UBND"; blank number → "Số:       /BC-UBND" for the clerk to fill in. */
export function documentNumberLine(documentNo: string | null | undefined): string {
  const n = documentNo?.trim();
  return `Số: ${n ? n : '      '}/BC-UBND`;
}

/** The issuing body (two lines: the People's Committee, then the place), upper case. */
export function issuingBody(level: ReportLevel, scopeName: string): [string, string] {
  if (level === 'nation') return ['BỘ NỘI VỤ', ''];
  return ['ỦY BAN NHÂN DÂN', scopeName.toLocaleUpperCase('vi-VN')];
}

export function defaultRecipients(level: ReportLevel): string[] {
  if (level === 'commune')
    return ['Sở Nội vụ tỉnh (để báo cáo)', 'Thường trực Đảng ủy, HĐND xã', 'Chủ tịch, các Phó Chủ tịch UBND xã', 'Lưu: VT, VP'];
  if (level === 'province')
    return ['Bộ Nội vụ (để báo cáo)', 'Thường trực Tỉnh ủy, HĐND tỉnh', 'Chủ tịch, các Phó Chủ tịch UBND tỉnh', 'Sở Nội vụ', 'Lưu: VT, NC'];
  return ['Thủ tướng Chính phủ (để báo cáo)', 'Các Phó Thủ tướng Chính phủ', 'Lãnh đạo Bộ', 'Lưu: VT, TCCV'];
}

export function formatPercent(p: number | null): string {
  if (p === null) return '-';
  return p.toLocaleString('vi-VN', { maximumFractionDigits: 2 }) + '%';
}

export function formatInt(n: number): string {
  return Math.round(n).toLocaleString('vi-VN');
}
