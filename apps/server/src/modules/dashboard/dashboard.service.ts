/**
 * Dashboard (SPEC §9): forecasts per target and the .xlsx exports of the dashboard tables. Every
 * number is taken from the KPI engine (modules/kpis, contract 4) — no second computation here.
 */
import { KPI_CODES, kpiTarget, type ForecastResponse, type KpiScope } from '@app/shared';
import type { DbOrTx } from '../../db/client.ts';
import { computeChildKpis, computeKpis, kpiTrend, scopeString } from '../kpis/kpis.service.ts';
import { FORECAST_WINDOW, forecastTarget } from './dashboard.rules.ts';
import { childrenWorkbook, kpisWorkbook } from './dashboard-workbook.ts';
import { scopeName } from './dashboard.repository.ts';

export interface DashboardParams {
  scope: KpiScope;
  phase: 1 | 2;
  asOf: string;
}

/** First month end that gives FORECAST_WINDOW points up to asOf (the trend adds asOf itself). */
export function forecastFrom(asOf: string): string {
  const y = Number(asOf.slice(0, 4));
  const m = Number(asOf.slice(5, 7)) - FORECAST_WINDOW;
  const d = new Date(Date.UTC(y, m - 1, 1));
  return d.toISOString().slice(0, 10);
}

export async function forecasts(db: DbOrTx, p: DashboardParams): Promise<ForecastResponse> {
  const items = [];
  for (const code of KPI_CODES) {
    const t = kpiTarget(code, p.phase);
    const points = t.percent === null ? [] : await kpiTrend(db, { ...p, code, from: forecastFrom(p.asOf) });
    const f = forecastTarget(points, t.percent, t.deadline);
    items.push({ code, target: t.percent, deadline: t.deadline, ...f });
  }
  return { scope: scopeString(p.scope), phase: p.phase, asOf: p.asOf, items };
}

/** The .xlsx of one dashboard table: the scope's indicators or its children's table. */
export async function exportTable(
  db: DbOrTx,
  p: DashboardParams,
  table: 'kpis' | 'children',
): Promise<{ fileName: string; content: Buffer }> {
  const name = await scopeName(db, p.scope);
  const title = { scopeName: name, phase: p.phase, asOf: p.asOf };
  if (table === 'kpis') {
    const r = await computeKpis(db, p);
    return {
      fileName: `chi-tieu-${scopeString(p.scope).replace(':', '-')}-${p.asOf}.xlsx`,
      content: await kpisWorkbook(title, r.indicators),
    };
  }
  const rows = await computeChildKpis(db, p);
  const childLevel = p.scope.level === 'nation' ? 'Tỉnh, thành phố' : p.scope.level === 'province' ? 'Xã, phường' : 'Đơn vị';
  return {
    fileName: `chi-tieu-cap-duoi-${scopeString(p.scope).replace(':', '-')}-${p.asOf}.xlsx`,
    content: await childrenWorkbook(title, childLevel, rows),
  };
}
