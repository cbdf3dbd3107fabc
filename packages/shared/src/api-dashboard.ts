/**
 * SPEC §9 dashboard (forecast, exports) and warnings. Every number comes from the KPI engine
 * (api-kpis.ts); this file only adds the forecast and the warnings list shapes.
 */
import { z } from 'zod';
import { KPI_CODES, KpiQuery } from './api-kpis.ts';

export const FORECAST_STATUSES = ['da_dat', 'kip_han', 'tre_han', 'khong_han', 'khong_du_du_lieu'] as const;
export type ForecastStatus = (typeof FORECAST_STATUSES)[number];
export const FORECAST_STATUS_LABELS: Record<ForecastStatus, string> = {
  da_dat: 'Đã đạt chỉ tiêu',
  kip_han: 'Kịp hạn',
  tre_han: 'Trễ hạn',
  khong_han: 'Dự kiến',
  khong_du_du_lieu: 'Không đủ dữ liệu',
};

export const Forecast = z.object({
  code: z.enum(KPI_CODES),
  target: z.number().nullable(),
  deadline: z.string().nullable(),
  current: z.number().nullable(),
  /** percentage points per 30 days over the last months; null when not computable */
  pacePerMonth: z.number().nullable(),
  /** ISO date the target would be met at the current pace */
  metOn: z.string().nullable(),
  status: z.enum(FORECAST_STATUSES),
});
export type Forecast = z.infer<typeof Forecast>;

export const ForecastResponse = z.object({
  scope: z.string(),
  phase: z.number(),
  asOf: z.string(),
  items: z.array(Forecast),
});
export type ForecastResponse = z.infer<typeof ForecastResponse>;

export const DashboardExportQuery = KpiQuery.extend({
  table: z.enum(['kpis', 'children']).default('children'),
});
export type DashboardExportQuery = z.infer<typeof DashboardExportQuery>;

export const WARNING_KINDS = [
  'chua_cu_hoc',
  'qua_han_tu_bao_cao',
  'den_han_danh_gia',
  'xa_cham_tien_do',
  'bao_cao_den_han',
  'lop_thieu_hoc_vien',
] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];
export const WARNING_KIND_LABELS: Record<WarningKind, string> = {
  chua_cu_hoc: 'Chưa đạt chuẩn nhưng chưa được cử đi học',
  qua_han_tu_bao_cao: 'Quá hạn nộp báo cáo kết quả bồi dưỡng',
  den_han_danh_gia: 'Đến hạn, quá hạn đánh giá sau bồi dưỡng',
  xa_cham_tien_do: 'Xã, phường chậm tiến độ',
  bao_cao_den_han: 'Báo cáo định kỳ sắp đến hạn, quá hạn',
  lop_thieu_hoc_vien: 'Lớp sắp khai giảng còn thiếu học viên',
};

export const WarningEntry = z.object({
  kind: z.enum(WARNING_KINDS),
  /** stable id of the thing warned about (official id, enrolment id, class id, commune code, request id) */
  key: z.string(),
  title: z.string(),
  detail: z.string(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  date: z.string().nullable(),
  link: z.string().nullable(),
});
export type WarningEntry = z.infer<typeof WarningEntry>;

export const WarningsListQuery = z.object({
  scope: z
    .string()
    .regex(/^(nation|province:\d{2}|commune:\d{5})$/, 'Phạm vi phải là nation, province:<mã tỉnh> hoặc commune:<mã xã>')
    .optional(),
});
export const WarningsListResponse = z.object({
  scope: z.string(),
  /** "Toàn quốc", "Tỉnh Đắk Lắk", "Phường Buôn Ma Thuột" */
  scopeName: z.string(),
  asOf: z.string(),
  groups: z.array(
    z.object({
      kind: z.enum(WARNING_KINDS),
      label: z.string(),
      count: z.number(),
      /** false when the source module is not installed */
      available: z.boolean(),
      items: z.array(WarningEntry),
    }),
  ),
});
export type WarningsListResponse = z.infer<typeof WarningsListResponse>;
