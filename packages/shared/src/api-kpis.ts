/**
 * SPEC §9: the KPI engine's public shapes (K1–K8, P1). One computation (server
 * `modules/kpis/kpis.service.ts`) feeds every screen, export and report.
 *
 * Status values (relative to pace, see apps/server/src/modules/kpis/README.md):
 * - `dat`              — the target is met (percent ≥ target percent);
 * - `dung_tien_do`     — not yet met, but percent ≥ target × elapsed share of the target period;
 * - `cham`             — behind that pace;
 * - `chua_co_du_lieu`  — denominator is 0 (nothing to measure yet);
 * - `theo_doi`         — tracked only, no target (K5).
 */
import { z } from 'zod';
import { isoDate } from './api.ts';

export const KPI_CODES = ['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7', 'K8', 'P1'] as const;
export type KpiCode = (typeof KPI_CODES)[number];

export const KPI_LABELS: Record<KpiCode, string> = {
  K1: 'Bồi dưỡng chuyên môn cho người chưa đạt chuẩn',
  K2: 'Bồi dưỡng quản lý nhà nước cho công chức chuyên môn',
  K3: 'Bồi dưỡng chuyên môn, kỹ năng cho toàn bộ cán bộ, công chức (giai đoạn 1)',
  K4: 'Cập nhật kiến thức mới cho toàn bộ cán bộ, công chức (giai đoạn 2)',
  K5: 'Bồi dưỡng quản lý nhà nước cho lãnh đạo, quản lý',
  K6: 'Tự báo cáo sau bồi dưỡng',
  K7: 'Đánh giá sau bồi dưỡng',
  K8: 'Chương trình có thời lượng thực hành từ 60%',
  P1: 'Hoàn thành kế hoạch',
};

export const KPI_SHORT_LABELS: Record<KpiCode, string> = {
  K1: 'Chưa đạt chuẩn được cử học',
  K2: 'QLNN cho công chức',
  K3: 'CMNV/KNBT (GĐ 1)',
  K4: 'Kiến thức mới (GĐ 2)',
  K5: 'QLNN cho lãnh đạo',
  K6: 'Tự báo cáo',
  K7: 'Đánh giá sau bồi dưỡng',
  K8: 'Thực hành ≥ 60%',
  P1: 'Thực hiện kế hoạch',
};

/** What counts: people in service (K1–K5), enrolments (K6, K7), programmes (K8), plan items (P1). */
export const KPI_UNITS: Record<KpiCode, 'official' | 'enrolment' | 'programme' | 'plan'> = {
  K1: 'official',
  K2: 'official',
  K3: 'official',
  K4: 'official',
  K5: 'official',
  K6: 'enrolment',
  K7: 'enrolment',
  K8: 'programme',
  P1: 'plan',
};

export interface KpiTarget {
  /** target percentage, null when only tracked */
  percent: number | null;
  /** the date by which the target must be met (end of the phase when "each phase") */
  deadline: string | null;
  /** Vietnamese description shown next to the number */
  label: string;
}

/** Targets of §9. `deadline` null means "at every moment" (compliance indicators) or per phase. */
export function kpiTarget(code: KpiCode, phase: 1 | 2): KpiTarget {
  const phaseEnd = phase === 1 ? '2028-12-31' : '2031-12-31';
  switch (code) {
    case 'K1':
      return { percent: 100, deadline: '2028-12-31', label: '100% đến 31/12/2028' };
    case 'K2':
      return { percent: 50, deadline: phaseEnd, label: '≥ 50% mỗi giai đoạn' };
    case 'K3':
      return { percent: 100, deadline: '2028-12-31', label: '100% đến 31/12/2028' };
    case 'K4':
      return { percent: 100, deadline: '2031-12-31', label: '100% đến 31/12/2031' };
    case 'K5':
      return { percent: null, deadline: null, label: 'Theo dõi' };
    default:
      return { percent: 100, deadline: null, label: '100%' };
  }
}

export const KPI_STATUSES = ['dat', 'dung_tien_do', 'cham', 'chua_co_du_lieu', 'theo_doi'] as const;
export type KpiStatus = (typeof KPI_STATUSES)[number];
export const KPI_STATUS_LABELS: Record<KpiStatus, string> = {
  dat: 'Đạt',
  dung_tien_do: 'Đúng tiến độ',
  cham: 'Chậm tiến độ',
  chua_co_du_lieu: 'Chưa có dữ liệu',
  theo_doi: 'Theo dõi',
};
/** antd/ECharts colours per status */
export const KPI_STATUS_COLORS: Record<KpiStatus, string> = {
  dat: '#389e0d',
  dung_tien_do: '#1677ff',
  cham: '#cf1322',
  chua_co_du_lieu: '#8c8c8c',
  theo_doi: '#8c8c8c',
};

/** Phase boundaries: `PHASES` in officials.ts. */
export const KPI_MIN_AS_OF = '2026-01-01';
export const KPI_MAX_AS_OF = '2031-12-31';

/** 'nation' | 'province:66' | 'commune:24133' */
export const KpiScopeString = z
  .string()
  .regex(/^(nation|province:\d{2}|commune:\d{5})$/, 'Phạm vi phải là nation, province:<mã tỉnh> hoặc commune:<mã xã>');

export type KpiScope = { level: 'nation' } | { level: 'province'; provinceCode: string } | { level: 'commune'; communeCode: string };

export const KpiIndicator = z.object({
  code: z.enum(KPI_CODES),
  numerator: z.number().int(),
  denominator: z.number().int(),
  /** numerator / denominator × 100 rounded to 1 decimal; null when denominator = 0 */
  percent: z.number().nullable(),
  /** target percentage (null = tracked only) */
  target: z.number().nullable(),
  status: z.enum(KPI_STATUSES),
});
export type KpiIndicator = z.infer<typeof KpiIndicator>;

export const KpiResult = z.object({
  scope: z.string(),
  phase: z.union([z.literal(1), z.literal(2)]),
  asOf: z.string(),
  indicators: z.array(KpiIndicator),
});
export type KpiResult = z.infer<typeof KpiResult>;

export const KpiQuery = z.object({
  scope: KpiScopeString.default('nation'),
  phase: z.coerce
    .number()
    .int()
    .refine((n) => n === 1 || n === 2, 'phải là 1 hoặc 2')
    .transform((n) => n as 1 | 2),
  asOf: isoDate.refine((d) => d >= KPI_MIN_AS_OF && d <= KPI_MAX_AS_OF, 'phải trong khoảng 01/01/2026 – 31/12/2031'),
});
export type KpiQuery = z.infer<typeof KpiQuery>;

export const KpiChildRow = z.object({
  /** 'province:66' / 'commune:24133' / 'unit:<id>' */
  scope: z.string(),
  code: z.string(),
  name: z.string(),
  indicators: z.array(KpiIndicator),
});
export type KpiChildRow = z.infer<typeof KpiChildRow>;
export const KpiChildrenResponse = z.object({
  scope: z.string(),
  phase: z.number(),
  asOf: z.string(),
  items: z.array(KpiChildRow),
});
export type KpiChildrenResponse = z.infer<typeof KpiChildrenResponse>;

export const KPI_PEOPLE_PARTS = ['numerator', 'denominator', 'missing'] as const;
export type KpiPeoplePart = (typeof KPI_PEOPLE_PARTS)[number];
export const KpiPeopleQuery = KpiQuery.extend({
  code: z.enum(KPI_CODES),
  part: z.enum(KPI_PEOPLE_PARTS).default('denominator'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type KpiPeopleQuery = z.infer<typeof KpiPeopleQuery>;

/** One row behind a number: an official (K1–K5), an enrolment (K6, K7), a programme (K8), a plan (P1). */
export const KpiPersonRow = z.object({
  kind: z.enum(['official', 'enrolment', 'programme', 'plan']),
  id: z.string(),
  officialId: z.string().nullable(),
  fullName: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  /** enrolment: class code and name; programme: code and name; plan: title */
  label: z.string().nullable(),
  /** relevant date (class end, nomination date, …) */
  date: z.string().nullable(),
  /** whether the row is in the numerator */
  inNumerator: z.boolean(),
});
export type KpiPersonRow = z.infer<typeof KpiPersonRow>;
export const KpiPeopleResponse = z.object({
  items: z.array(KpiPersonRow),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type KpiPeopleResponse = z.infer<typeof KpiPeopleResponse>;

export const KpiTrendQuery = KpiQuery.extend({
  code: z.enum(KPI_CODES),
  /** defaults to the phase start */
  from: isoDate.optional(),
});
export const KpiTrendPoint = z.object({
  asOf: z.string(),
  numerator: z.number(),
  denominator: z.number(),
  percent: z.number().nullable(),
});
export const KpiTrendResponse = z.object({
  scope: z.string(),
  phase: z.number(),
  code: z.enum(KPI_CODES),
  /** month ends from `from` up to asOf (last point = asOf) */
  points: z.array(KpiTrendPoint),
});
export type KpiTrendResponse = z.infer<typeof KpiTrendResponse>;
