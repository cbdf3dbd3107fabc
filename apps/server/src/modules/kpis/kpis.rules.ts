/**
 * Pure KPI rules (SPEC §9): scope parsing, phase windows, percent rounding and status by pace.
 * No IO here; unit-tested in kpis.rules.test.ts.
 */
import { KPI_MAX_AS_OF, KPI_MIN_AS_OF, PHASES, kpiTarget, type KpiCode, type KpiScope, type KpiStatus } from '@app/shared';

export type { KpiScope };

/** 'nation' | 'province:66' | 'commune:24133' → a scope; null when malformed. */
export function parseScope(s: string): KpiScope | null {
  if (s === 'nation') return { level: 'nation' };
  let m = /^province:(\d{2})$/.exec(s);
  if (m) return { level: 'province', provinceCode: m[1]! };
  m = /^commune:(\d{5})$/.exec(s);
  if (m) return { level: 'commune', communeCode: m[1]! };
  return null;
}

export function scopeString(s: KpiScope): string {
  if (s.level === 'nation') return 'nation';
  if (s.level === 'province') return `province:${s.provinceCode}`;
  return `commune:${s.communeCode}`;
}

export function asOfInRange(asOf: string): boolean {
  return asOf >= KPI_MIN_AS_OF && asOf <= KPI_MAX_AS_OF;
}

export interface Window {
  start: string;
  /** last day counted: the earlier of the window end and asOf */
  until: string;
  end: string;
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

/** The selected phase, counted up to asOf. */
export function phaseWindow(phase: 1 | 2, asOf: string): Window {
  const p = PHASES[phase];
  return { start: p.start, end: p.end, until: minDate(p.end, asOf) };
}

/**
 * The completion window of K3 and K4 is fixed by the Decision, whatever phase is selected:
 * K3 = 2026–2028 (phase 1), K4 = 2029–2031 (phase 2). K2 uses the selected phase.
 */
export function completionWindow(code: 'K2' | 'K3' | 'K4', phase: 1 | 2, asOf: string): Window {
  if (code === 'K3') return phaseWindow(1, asOf);
  if (code === 'K4') return phaseWindow(2, asOf);
  return phaseWindow(phase, asOf);
}

/** numerator / denominator × 100, one decimal; null when nothing to measure. */
export function percentOf(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  return Math.round((numerator * 1000) / denominator) / 10;
}

function dayNo(d: string): number {
  return Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;
}

/** Share (0..1) of [start, end] elapsed on asOf, counting asOf itself. */
export function elapsedShare(start: string, end: string, asOf: string): number {
  if (asOf < start) return 0;
  if (asOf >= end) return 1;
  return (dayNo(asOf) - dayNo(start) + 1) / (dayNo(end) - dayNo(start) + 1);
}

/** Start of the period a target with a deadline is paced over. */
function paceStart(code: KpiCode, phase: 1 | 2): string {
  if (code === 'K4') return PHASES[2].start;
  if (code === 'K1' || code === 'K3') return PHASES[1].start;
  return PHASES[phase].start;
}

/**
 * Status relative to pace:
 * - no target (K5) → theo_doi; denominator 0 → chua_co_du_lieu; percent ≥ target → dat;
 * - targets with a deadline (K1, K2, K3, K4) and P1 (the plan's phase): dung_tien_do when
 *   percent ≥ target × elapsed share of the period (start … deadline), else cham;
 * - compliance indicators (K6, K7, K8) must be at target at every moment: below → cham.
 */
export function kpiStatus(code: KpiCode, phase: 1 | 2, asOf: string, percent: number | null): KpiStatus {
  const t = kpiTarget(code, phase);
  if (t.percent === null) return 'theo_doi';
  if (percent === null) return 'chua_co_du_lieu';
  if (percent >= t.percent) return 'dat';
  if (code === 'K6' || code === 'K7' || code === 'K8') return 'cham';
  const deadline = code === 'P1' ? PHASES[phase].end : t.deadline!;
  const share = elapsedShare(paceStart(code, phase), deadline, asOf);
  return percent >= Math.round(t.percent * share * 10) / 10 ? 'dung_tien_do' : 'cham';
}

/** Month ends from `from` (its month) up to asOf; the last point is asOf itself. */
export function monthEnds(from: string, asOf: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (;;) {
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    if (last >= asOf) break;
    if (last >= from) out.push(last);
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  out.push(asOf);
  return out;
}
