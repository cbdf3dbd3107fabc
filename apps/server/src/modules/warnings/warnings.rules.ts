/**
 * Pure rules of the warnings list (SPEC §9): windows, thresholds and the notification dedupe keys.
 */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A class starting within this many days with fewer nominees than the minimum share is warned about. */
export const CLASS_SOON_DAYS = 14;
/** Minimum share of the capacity that should be nominated before a class starts. */
export const CLASS_MIN_FILL = 0.8;
/** Report requests due within this many days (or overdue) are warned about. */
export const REPORT_SOON_DAYS = 14;

export function minimumNominees(capacity: number): number {
  return Math.ceil(capacity * CLASS_MIN_FILL);
}

export function classNeedsNominees(c: { startDate: string; capacity: number; nominated: number }, asOf: string): boolean {
  return c.startDate >= asOf && c.startDate <= addDays(asOf, CLASS_SOON_DAYS) && c.nominated < minimumNominees(c.capacity);
}

export function reportIsDue(deadline: string, asOf: string): boolean {
  return deadline <= addDays(asOf, REPORT_SOON_DAYS);
}

/** One notification per recipient per scope per ISO week, so the daily job does not repeat itself. */
export function weeklyDedupeKey(kind: string, key: string, asOf: string): string {
  const d = new Date(`${asOf}T00:00:00Z`);
  const day = (d.getUTCDay() + 6) % 7;
  const monday = new Date(d.getTime() - day * 86_400_000).toISOString().slice(0, 10);
  return `warnings:${kind}:${key}:${monday}`;
}
