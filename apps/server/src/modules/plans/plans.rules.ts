/**
 * Pure rules of training plans (SPEC §5, §9 P1): the period a plan covers, valid years and parent
 * links, targets (per programme type + the overall ALL row), who sees which plan, and plan vs actual.
 */
import {
  PHASES,
  PLAN_TARGET_TYPES,
  PROGRAMME_TYPES,
  type PlanLevel,
  type PlanProgress,
  type PlanProgressRow,
  type PlanTarget,
  type PlanTargetType,
  type ProgrammeType,
} from '@app/shared';

export interface PlanPlace {
  level: PlanLevel;
  provinceCode: string | null;
  communeCode: string | null;
}
export interface PlanPeriodFacts extends PlanPlace {
  phase: number;
  year: number | null;
}
export interface FieldIssue {
  field: string;
  message: string;
}

export function phaseYears(phase: number): { from: number; to: number } {
  const p = PHASES[phase as 1 | 2];
  return { from: Number(p.start.slice(0, 4)), to: Number(p.end.slice(0, 4)) };
}

/** The dates a plan covers: its phase (2026–2028 / 2029–2031) or one year of it. */
export function planPeriod(phase: number, year: number | null): { start: string; end: string } {
  if (year !== null) return { start: `${year}-01-01`, end: `${year}-12-31` };
  const p = PHASES[phase as 1 | 2];
  return { start: p.start, end: p.end };
}

export function yearIssue(phase: number, year: number | null): FieldIssue | null {
  if (year === null) return null;
  const { from, to } = phaseYears(phase);
  if (year < from || year > to) return { field: 'year', message: `năm ${year} không thuộc giai đoạn ${phase} (${from}–${to})` };
  return null;
}

/** Which place fields a plan of this level must and must not have. */
export function placeIssue(p: PlanPlace): FieldIssue | null {
  if (p.level === 'national') {
    if (p.provinceCode) return { field: 'provinceCode', message: 'kế hoạch toàn quốc không ghi tỉnh' };
    if (p.communeCode) return { field: 'communeCode', message: 'kế hoạch toàn quốc không ghi xã' };
  }
  if (p.level === 'province') {
    if (!p.provinceCode) return { field: 'provinceCode', message: 'kế hoạch cấp tỉnh phải ghi tỉnh' };
    if (p.communeCode) return { field: 'communeCode', message: 'kế hoạch cấp tỉnh không ghi xã' };
  }
  if (p.level === 'commune' && !p.communeCode) return { field: 'communeCode', message: 'kế hoạch cấp xã phải ghi xã' };
  return null;
}

/**
 * Targets as stored: one row per programme type given, plus ALL. ALL absent = the sum of the types;
 * ALL given must not be below that sum (the split cannot exceed the whole). Duplicates are refused.
 */
export function normaliseTargets(targets: readonly PlanTarget[]): { targets: PlanTarget[] } | { issue: FieldIssue } {
  const seen = new Set<string>();
  for (const t of targets) {
    if (seen.has(t.programmeType)) return { issue: { field: 'targets', message: `loại "${t.programmeType}" bị lặp` } };
    if (t.classes < 0 || t.attendances < 0) return { issue: { field: 'targets', message: 'chỉ tiêu không được âm' } };
    seen.add(t.programmeType);
  }
  const byType = targets.filter((t) => t.programmeType !== 'ALL');
  const sum = byType.reduce((a, t) => ({ classes: a.classes + t.classes, attendances: a.attendances + t.attendances }), {
    classes: 0,
    attendances: 0,
  });
  const all = targets.find((t) => t.programmeType === 'ALL');
  if (all && all.classes < sum.classes) {
    return {
      issue: { field: 'targets', message: `tổng số lớp (ALL: ${all.classes}) nhỏ hơn cộng các loại chương trình (${sum.classes})` },
    };
  }
  if (all && all.attendances < sum.attendances) {
    return {
      issue: {
        field: 'targets',
        message: `tổng số lượt người học (ALL: ${all.attendances}) nhỏ hơn cộng các loại chương trình (${sum.attendances})`,
      },
    };
  }
  const order = (t: PlanTargetType) => PLAN_TARGET_TYPES.indexOf(t);
  const sorted = [...byType].sort((a, b) => order(a.programmeType) - order(b.programmeType));
  return { targets: [...sorted, all ?? { programmeType: 'ALL', ...sum }] };
}

/**
 * May `parent` be the parent of `child`? Up one level (commune → province of the same province,
 * province → national) in the same phase, or a whole-phase plan of the same place for a yearly
 * plan. A yearly parent only parents plans of its year.
 */
export function parentIssue(child: PlanPeriodFacts, parent: PlanPeriodFacts & { id: number }, childId?: number): FieldIssue | null {
  const bad = (message: string): FieldIssue => ({ field: 'parentPlanId', message });
  if (childId !== undefined && parent.id === childId) return bad('kế hoạch không thể là cấp trên của chính nó');
  if (parent.phase !== child.phase) return bad(`kế hoạch cấp trên thuộc giai đoạn ${parent.phase}, khác giai đoạn ${child.phase}`);
  if (parent.year !== null && parent.year !== child.year)
    return bad(`kế hoạch cấp trên là kế hoạch năm ${parent.year}, không bao trùm kế hoạch này`);
  const samePlace = parent.level === child.level && parent.provinceCode === child.provinceCode && parent.communeCode === child.communeCode;
  if (samePlace) {
    if (parent.year === null && child.year !== null) return null;
    return bad('cùng cấp và cùng địa bàn thì chỉ kế hoạch cả giai đoạn mới là cấp trên của kế hoạch năm');
  }
  if (child.level === 'commune' && parent.level === 'province') {
    return parent.provinceCode === child.provinceCode ? null : bad('kế hoạch cấp trên phải là kế hoạch của tỉnh có xã này');
  }
  if (child.level === 'province' && parent.level === 'national') return null;
  return bad('kế hoạch cấp trên phải ở cấp ngay trên (xã → tỉnh → toàn quốc)');
}

/** Plan levels an actor's scope may create and edit: its own level and below. */
export function levelsManagedBy(scopeLevel: 'nation' | 'province' | 'commune' | string): PlanLevel[] {
  if (scopeLevel === 'nation') return ['national', 'province', 'commune'];
  if (scopeLevel === 'province') return ['province', 'commune'];
  if (scopeLevel === 'commune') return ['commune'];
  return [];
}

/**
 * Which plans a reader sees (SPEC §0 scopes): everything inside its scope, plus the plans above
 * it that it implements — the national plans, and its province's plans for a commune.
 */
export interface PlanReader {
  level: 'nation' | 'province' | 'commune' | 'none';
  provinceCode: string | null;
  communeCode: string | null;
}
export function planVisibleTo(reader: PlanReader, plan: PlanPlace): boolean {
  switch (reader.level) {
    case 'nation':
      return true;
    case 'province':
      return plan.level === 'national' || plan.provinceCode === reader.provinceCode;
    case 'commune':
      return (
        plan.level === 'national' ||
        (plan.level === 'province' && plan.provinceCode === reader.provinceCode) ||
        plan.communeCode === reader.communeCode
      );
    case 'none':
      return false;
  }
}

/** Programme type → classes and attendances held. */
export type Actuals = Partial<Record<ProgrammeType, { classes: number; attendances: number }>>;

function pct(actual: number, planned: number): number | null {
  return planned > 0 ? Math.round((actual * 1000) / planned) / 10 : null;
}
function row(
  programmeType: PlanTargetType,
  planned: { classes: number; attendances: number },
  actual: { classes: number; attendances: number },
): PlanProgressRow {
  return {
    programmeType,
    plannedClasses: planned.classes,
    actualClasses: actual.classes,
    classesPct: pct(actual.classes, planned.classes),
    plannedAttendances: planned.attendances,
    actualAttendances: actual.attendances,
    attendancesPct: pct(actual.attendances, planned.attendances),
  };
}

const DAY_MS = 86_400_000;
/** Share of [start, end] elapsed at the end of `asOf`, in %, one decimal, clamped to 0–100. */
export function elapsedPct(period: { start: string; end: string }, asOf: string): number {
  const start = Date.parse(`${period.start}T00:00:00Z`);
  const days = (Date.parse(`${period.end}T00:00:00Z`) - start) / DAY_MS + 1;
  const done = (Date.parse(`${asOf}T00:00:00Z`) - start) / DAY_MS + 1;
  return Math.round((Math.min(Math.max(done, 0), days) * 1000) / days) / 10;
}

/** The earlier of two ISO dates. */
export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

/** Plan vs actual (P1): per programme type with a target or classes held, and overall against ALL. */
export function combineProgress(
  period: { start: string; end: string },
  asOf: string,
  targets: readonly PlanTarget[],
  actuals: Actuals,
): PlanProgress {
  const zero = { classes: 0, attendances: 0 };
  const target = new Map(targets.map((t) => [t.programmeType, t]));
  const byProgrammeType: PlanProgressRow[] = [];
  let total = { ...zero };
  for (const type of PROGRAMME_TYPES) {
    const a = actuals[type] ?? zero;
    total = { classes: total.classes + a.classes, attendances: total.attendances + a.attendances };
    const t = target.get(type);
    if (!t && a.classes === 0 && a.attendances === 0) continue;
    byProgrammeType.push(row(type, t ?? zero, a));
  }
  const all = target.get('ALL') ?? zero;
  return {
    asOf,
    periodStart: period.start,
    periodEnd: period.end,
    countedUntil: minDate(period.end, asOf),
    elapsedPct: elapsedPct(period, asOf),
    overall: row('ALL', all, total),
    byProgrammeType,
  };
}

/** A title when the author gives none, e.g. "Kế hoạch bồi dưỡng CBCC cấp xã – Tỉnh Đắk Lắk – năm 2026". */
export function defaultPlanTitle(level: PlanLevel, placeName: string | null, phase: number, year: number | null): string {
  const { from, to } = phaseYears(phase);
  const where = level === 'national' ? 'toàn quốc' : (placeName ?? '');
  const when = year !== null ? `năm ${year}` : `giai đoạn ${from}–${to}`;
  return `Kế hoạch bồi dưỡng cán bộ, công chức cấp xã – ${where} – ${when}`;
}
