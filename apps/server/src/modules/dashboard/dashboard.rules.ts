/**
 * Pure rules of the dashboard (SPEC §9): the forecast of when a target is met at the current pace.
 * No IO; unit-tested in dashboard.rules.test.ts.
 */
import type { ForecastStatus } from '@app/shared';

export interface TrendPoint {
  asOf: string;
  percent: number | null;
}

/** How many of the last month-end points set the pace, and how many are needed at least. */
export const FORECAST_WINDOW = 6;
export const FORECAST_MIN_POINTS = 3;
/** Beyond this many days ahead a forecast date is not given (about 50 years). */
export const FORECAST_HORIZON_DAYS = 50 * 365;

const DAY = 86_400_000;
const toDays = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY;
const fromDays = (d: number): string => new Date(Math.ceil(d) * DAY).toISOString().slice(0, 10);

/** Least-squares slope (percentage points per day) of the points; null when fewer than 2 distinct dates. */
export function slopePerDay(points: { day: number; value: number }[]): number | null {
  if (points.length < 2) return null;
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.day, 0) / n;
  const my = points.reduce((s, p) => s + p.value, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.day - mx) * (p.value - my);
    den += (p.day - mx) ** 2;
  }
  return den === 0 ? null : num / den;
}

export interface ForecastResult {
  current: number | null;
  pacePerMonth: number | null;
  metOn: string | null;
  status: ForecastStatus;
}

/**
 * Linear forecast on the last FORECAST_WINDOW points that have a percentage: the date the target
 * is reached and whether it is on or before the deadline. "Không đủ dữ liệu" when there is no
 * target, fewer than FORECAST_MIN_POINTS points, or the pace is not positive.
 */
export function forecastTarget(points: TrendPoint[], target: number | null, deadline: string | null): ForecastResult {
  const usable = points.filter((p): p is { asOf: string; percent: number } => p.percent !== null);
  const last = usable.at(-1);
  const current = last ? last.percent : null;
  if (target === null || !last) return { current, pacePerMonth: null, metOn: null, status: 'khong_du_du_lieu' };
  if (last.percent >= target) return { current, pacePerMonth: null, metOn: null, status: 'da_dat' };
  const window = usable.slice(-FORECAST_WINDOW);
  if (window.length < FORECAST_MIN_POINTS) return { current, pacePerMonth: null, metOn: null, status: 'khong_du_du_lieu' };
  const slope = slopePerDay(window.map((p) => ({ day: toDays(p.asOf), value: p.percent })));
  if (slope === null || slope <= 0) {
    return { current, pacePerMonth: slope === null ? null : Math.round(slope * 30 * 10) / 10, metOn: null, status: 'khong_du_du_lieu' };
  }
  const days = (target - last.percent) / slope;
  if (days > FORECAST_HORIZON_DAYS) {
    // so slow that the date is meaningless: late for any deadline, no date shown
    return {
      current,
      pacePerMonth: Math.round(slope * 30 * 10) / 10,
      metOn: null,
      status: deadline === null ? 'khong_du_du_lieu' : 'tre_han',
    };
  }
  const metOn = fromDays(toDays(last.asOf) + days);
  const status: ForecastStatus = deadline === null ? 'khong_han' : metOn <= deadline ? 'kip_han' : 'tre_han';
  return { current, pacePerMonth: Math.round(slope * 30 * 10) / 10, metOn, status };
}
