/**
 * Dashboard (SPEC §9): forecasts per target and the .xlsx exports of the dashboard tables. Every
 * number is taken from the KPI engine (modules/kpis, contract 4) — no second computation here.
 */
import {
  KPI_CODES,
  KPI_LABELS,
  formatNumberVi,
  kpiTarget,
  type ForecastResponse,
  type KpiCode,
  type KpiPeoplePart,
  type KpiPersonRow,
  type KpiScope,
} from '@app/shared';
import type { Db, DbOrTx } from '../../db/client.ts';
import { badField } from '../../http/errors.ts';
import { computeChildKpis, computeKpis, kpiPeople, kpiTrend, scopeString } from '../kpis/kpis.service.ts';
import { FORECAST_WINDOW, forecastTarget } from './dashboard.rules.ts';
import { childrenWorkbook, kpisWorkbook, peopleWorkbook } from './dashboard-workbook.ts';
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

/** Rows read from the KPI engine per round trip while writing the people sheet. */
export const PEOPLE_PAGE = 20_000;
/** Our own ceiling for one people export (an .xlsx sheet holds 1,048,576 rows; 300,000 rows ≈ 30 MB). */
export const MAX_PEOPLE_ROWS = 300_000;
const PART_TITLES: Record<KpiPeoplePart, string> = { numerator: 'đã đạt (tử số)', denominator: 'tổng số (mẫu số)', missing: 'còn thiếu' };

/**
 * The .xlsx of every row behind one KPI number (the drawer's list, all pages): the same rows, in the
 * same order, as /api/kpis/people, read page by page inside one read-only repeatable-read snapshot so
 * the pages agree with each other.
 */
export async function exportPeople(
  db: Db,
  p: DashboardParams & { code: KpiCode; part: KpiPeoplePart },
  pageSize = PEOPLE_PAGE,
): Promise<{ fileName: string; content: Buffer; rows: number }> {
  const name = await scopeName(db, p.scope);
  return db.transaction(
    async (tx) => {
      const first = await kpiPeople(tx, { ...p, page: 1, pageSize });
      if (first.total > MAX_PEOPLE_ROWS)
        throw badField(
          'scope',
          `danh sách có ${formatNumberVi(first.total)} dòng, nhiều hơn ${formatNumberVi(MAX_PEOPLE_ROWS)} dòng có thể xuất một lần; hãy chọn một tỉnh hoặc một xã`,
        );
      async function* pages(): AsyncGenerator<KpiPersonRow[]> {
        yield first.items;
        for (let page = 2; (page - 1) * pageSize < first.total; page++) {
          yield (await kpiPeople(tx, { ...p, page, pageSize })).items;
        }
      }
      const heading = `${p.code} · ${KPI_LABELS[p.code]} — ${PART_TITLES[p.part]}`;
      const out = await peopleWorkbook({ scopeName: name, phase: p.phase, asOf: p.asOf, heading }, pages());
      return {
        fileName: `danh-sach-${p.code}-${p.part}-${scopeString(p.scope).replace(':', '-')}-${p.asOf}.xlsx`,
        content: out.buffer,
        rows: out.rows,
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
