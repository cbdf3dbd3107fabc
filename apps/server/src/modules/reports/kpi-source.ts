/**
 * The one door from reports to the KPI engine (contract 4: H4's kpis.service.ts). Reports never
 * compute a KPI themselves; they ask `computeKpis` / `computeChildKpis` for the same scope and date.
 */
import type { Db } from '../../db/client.ts';
import type { ReportIndicator } from '@app/shared';
import type { ScopeRef } from './report-data.repository.ts';
import { AppError } from '../../http/errors.ts';

interface EngineIndicator {
  code: string;
  numerator: number;
  denominator: number;
  percent: number | null;
  target: unknown;
  status: string;
}
type EngineScope = { level: 'nation' } | { level: 'province'; provinceCode: string } | { level: 'commune'; communeCode: string };
interface Engine {
  computeKpis(db: Db, q: { scope: EngineScope; phase: number; asOf: string }): Promise<{ indicators: EngineIndicator[] }>;
  computeChildKpis(
    db: Db,
    q: { scope: EngineScope; phase: number; asOf: string },
  ): Promise<{ code: string; name: string; indicators: EngineIndicator[] }[]>;
}

const ENGINE_PATH = '../kpis/kpis.service.ts';
let engine: Engine | null = null;
async function load(): Promise<Engine> {
  if (engine) return engine;
  try {
    engine = (await import(/* @vite-ignore */ ENGINE_PATH)) as Engine;
  } catch {
    throw new AppError(503, 'INTERNAL', 'Bộ tính chỉ tiêu của Đề án chưa sẵn sàng; chưa lập được số liệu báo cáo.');
  }
  return engine;
}

export const KPI_LABELS: Record<string, string> = {
  K1: 'CBCC chưa đạt chuẩn được cử bồi dưỡng chuyên môn chuyên ngành',
  K2: 'Công chức chuyên môn được bồi dưỡng QLNN chung',
  K3: 'CBCC được bồi dưỡng chuyên môn nghiệp vụ hoặc kỹ năng (giai đoạn 1)',
  K4: 'CBCC được cập nhật kiến thức mới (giai đoạn 2)',
  K5: 'Lãnh đạo được bồi dưỡng QLNN dành cho lãnh đạo',
  K6: 'Tỷ lệ học viên nộp báo cáo tự đánh giá',
  K7: 'Tỷ lệ học viên được đánh giá sau bồi dưỡng',
  K8: 'Chương trình chuyên môn có thời lượng thực hành từ 60%',
  P1: 'Hoàn thành kế hoạch lớp và lượt người',
};

function targetText(t: unknown): string {
  if (t === null || t === undefined) return 'Theo dõi';
  if (typeof t === 'number') return `${t.toLocaleString('vi-VN')}%`;
  if (typeof t === 'string') return t;
  if (typeof t === 'object') {
    const o = t as Record<string, unknown>;
    if (typeof o.label === 'string') return o.label;
    if (typeof o.percent === 'number') return `${o.percent.toLocaleString('vi-VN')}%`;
  }
  return String(t);
}

function toIndicator(i: EngineIndicator): ReportIndicator {
  return {
    code: i.code,
    label: KPI_LABELS[i.code] ?? i.code,
    numerator: Number(i.numerator) || 0,
    denominator: Number(i.denominator) || 0,
    percent: i.percent === null || i.percent === undefined ? null : Number(i.percent),
    target: targetText(i.target),
    status: String(i.status ?? ''),
  };
}

export function engineScope(s: ScopeRef): EngineScope {
  if (s.level === 'province') return { level: 'province', provinceCode: s.provinceCode! };
  if (s.level === 'commune') return { level: 'commune', communeCode: s.communeCode! };
  return { level: 'nation' };
}

export async function kpisFor(db: Db, s: ScopeRef, phase: number, asOf: string): Promise<ReportIndicator[]> {
  const e = await load();
  const r = await e.computeKpis(db, { scope: engineScope(s), phase, asOf });
  return r.indicators.map(toIndicator);
}

export async function childKpisFor(db: Db, s: ScopeRef, phase: number, asOf: string): Promise<Map<string, ReportIndicator[]>> {
  const e = await load();
  const rows = await e.computeChildKpis(db, { scope: engineScope(s), phase, asOf });
  return new Map(rows.map((r) => [String(r.code), r.indicators.map(toIndicator)]));
}
