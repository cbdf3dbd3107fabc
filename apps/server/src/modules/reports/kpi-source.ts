/**
 * The one door from reports to the KPI engine (contract 4: `kpis.service.ts`). Reports never compute
 * a KPI themselves; they ask `computeKpis` / `computeChildKpis` for the same scope, phase and date, and
 * only add the Vietnamese label and the target's wording.
 */
import { KPI_LABELS, kpiTarget, type KpiCode, type KpiIndicator, type KpiScope, type ReportIndicator } from '@app/shared';
import type { Db } from '../../db/client.ts';
import { computeChildKpis, computeKpis } from '../kpis/kpis.service.ts';
import type { ScopeRef } from './report-data.repository.ts';

function toIndicator(i: KpiIndicator, phase: 1 | 2): ReportIndicator {
  return {
    code: i.code,
    label: KPI_LABELS[i.code as KpiCode] ?? i.code,
    numerator: i.numerator,
    denominator: i.denominator,
    percent: i.percent,
    target: kpiTarget(i.code as KpiCode, phase).label,
    status: i.status,
  };
}

export function engineScope(s: ScopeRef): KpiScope {
  if (s.level === 'province') return { level: 'province', provinceCode: s.provinceCode! };
  if (s.level === 'commune') return { level: 'commune', communeCode: s.communeCode! };
  return { level: 'nation' };
}

export async function kpisFor(db: Db, s: ScopeRef, phase: 1 | 2, asOf: string): Promise<ReportIndicator[]> {
  const r = await computeKpis(db, { scope: engineScope(s), phase, asOf });
  return r.indicators.map((i) => toIndicator(i, phase));
}

export async function childKpisFor(db: Db, s: ScopeRef, phase: 1 | 2, asOf: string): Promise<Map<string, ReportIndicator[]>> {
  const rows = await computeChildKpis(db, { scope: engineScope(s), phase, asOf });
  return new Map(rows.map((r) => [String(r.code), r.indicators.map((i) => toIndicator(i, phase))]));
}
