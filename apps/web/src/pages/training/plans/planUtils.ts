/** Labels of plan periods and places. */
import type { PlanItem } from '@app/shared';

export const PHASE_OPTIONS = [
  { value: '1', label: 'Giai đoạn 1 (2026–2028)' },
  { value: '2', label: 'Giai đoạn 2 (2029–2031)' },
];
export const YEARS_OF_PHASE: Record<number, number[]> = { 1: [2026, 2027, 2028], 2: [2029, 2030, 2031] };
export const YEAR_OPTIONS = [2026, 2027, 2028, 2029, 2030, 2031].map((y) => ({ value: String(y), label: `Năm ${y}` }));

export function placeOf(p: Pick<PlanItem, 'level' | 'provinceName' | 'communeName'>): string {
  if (p.level === 'national') return 'Toàn quốc';
  if (p.level === 'province') return p.provinceName ?? '';
  return [p.communeName, p.provinceName].filter(Boolean).join(', ');
}

export const periodOf = (p: Pick<PlanItem, 'phase' | 'year'>) =>
  p.year ? `Năm ${p.year}` : (PHASE_OPTIONS.find((o) => o.value === String(p.phase))?.label ?? `Giai đoạn ${p.phase}`);

const PHASE_PERIODS: Record<number, { start: string; end: string }> = {
  1: { start: '2026-01-01', end: '2028-12-31' },
  2: { start: '2029-01-01', end: '2031-12-31' },
};
const DAY_MS = 86_400_000;

/** Share of a plan's period elapsed at the end of `asOf` (same formula as the server's plans.rules). */
export function elapsedOf(p: { phase: number; year: number | null }, asOf: string): number {
  const period = p.year ? { start: `${p.year}-01-01`, end: `${p.year}-12-31` } : (PHASE_PERIODS[p.phase] ?? PHASE_PERIODS[1]!);
  const start = Date.parse(`${period.start}T00:00:00Z`);
  const days = (Date.parse(`${period.end}T00:00:00Z`) - start) / DAY_MS + 1;
  const done = (Date.parse(`${asOf}T00:00:00Z`) - start) / DAY_MS + 1;
  return Math.round((Math.min(Math.max(done, 0), days) * 1000) / days) / 10;
}
