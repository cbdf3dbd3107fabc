/** Queries and labels of the training-needs screens (SPEC §4). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  NEED_STATUSES,
  PROGRAMME_TYPES,
  phaseOf,
  type MeResponse,
  type NeedsAggregationResponse,
  type NeedsRegisterResponse,
  type NeedStatus,
  type ProgrammeType,
  type UrgentResponse,
  type WarningsResponse,
} from '@app/shared';
import { api } from '../../api/client.ts';

export type NeedsAnswer = NeedsRegisterResponse | NeedsAggregationResponse;

export const PHASE_OPTIONS = [
  { value: 1, label: 'Giai đoạn 1 (2026–2028)' },
  { value: 2, label: 'Giai đoạn 2 (2029–2031)' },
];

/** Phase from the URL, else the one of the server's today (phase 1 before 2026). */
export function phaseFrom(params: URLSearchParams, today: string): 1 | 2 {
  const p = params.get('phase');
  if (p === '1' || p === '2') return Number(p) as 1 | 2;
  return phaseOf(today) ?? (today < '2026-01-01' ? 1 : 2);
}

/** The user's own scope as the API writes it. */
export function ownScope(me: MeResponse): string {
  if (me.scope.communeCode) return `commune:${me.scope.communeCode}`;
  if (me.scope.provinceCode) return `province:${me.scope.provinceCode}`;
  return 'nation';
}

export const validScope = (s: string | null) => (s && /^(nation|province:\d{2}|commune:\d{5})$/.test(s) ? s : undefined);

export interface RegisterFilters {
  status?: NeedStatus;
  programmeType?: ProgrammeType;
  priority?: '1' | '2' | '3' | '4';
  q?: string;
}

export function registerFiltersFrom(params: URLSearchParams): RegisterFilters {
  const status = params.get('status');
  const programmeType = params.get('programmeType');
  const priority = params.get('priority');
  return {
    status: (NEED_STATUSES as readonly string[]).includes(status ?? '') ? (status as NeedStatus) : undefined,
    programmeType: (PROGRAMME_TYPES as readonly string[]).includes(programmeType ?? '') ? (programmeType as ProgrammeType) : undefined,
    priority: priority === '1' || priority === '2' || priority === '3' || priority === '4' ? priority : undefined,
    q: params.get('q')?.trim() || undefined,
  };
}

export const needKeys = {
  all: ['needs'] as const,
  list: (scope: string, phase: number, f: RegisterFilters) => ['needs', 'list', scope, phase, f] as const,
  urgent: (commune: string, phase: number) => ['needs', 'urgent', commune, phase] as const,
  warnings: (scope: string, kind: string, page: number, pageSize: number) => ['needs', 'warnings', scope, kind, page, pageSize] as const,
};

export function useNeeds(scope: string, phase: number, f: RegisterFilters) {
  return useQuery({
    queryKey: needKeys.list(scope, phase, f),
    queryFn: () => api.get<NeedsAnswer>('/api/needs', { scope, phase, ...f }),
    placeholderData: keepPreviousData,
  });
}

export function useUrgent(commune: string | undefined, phase: number) {
  return useQuery({
    queryKey: needKeys.urgent(commune ?? '', phase),
    queryFn: () => api.get<UrgentResponse>('/api/needs/urgent', { commune, phase }),
    enabled: Boolean(commune),
  });
}

export function useWarnings(scope: string, kind: string | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: needKeys.warnings(scope, kind ?? '', page, pageSize),
    queryFn: () => api.get<WarningsResponse>('/api/needs/warnings', { scope, kind, page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

export const PRIORITY_TAGS: Record<number, { color: string; text: string }> = {
  1: { color: 'red', text: 'Ưu tiên 1 — cần ngay' },
  2: { color: 'volcano', text: 'Ưu tiên 2 — chưa đạt chuẩn' },
  3: { color: 'blue', text: 'Ưu tiên 3 — QLNN' },
  4: { color: 'default', text: 'Ưu tiên 4 — CMNV, kỹ năng' },
};

export const STATUS_COLORS: Record<NeedStatus, string> = { proposed: 'gold', confirmed: 'green', dropped: 'default' };

/** Short names of programme types for cards and narrow columns (full names in PROGRAMME_TYPE_LABELS). */
export const PROGRAMME_SHORT: Record<ProgrammeType, string> = {
  CMCN: 'Chuyên môn chuyên ngành (3 tháng)',
  QLNN_LANHDAO: 'QLNN cho lãnh đạo, quản lý',
  QLNN_CHUNG: 'Kiến thức chung QLNN (2 tuần)',
  CMNV: 'Chuyên môn, nghiệp vụ',
  KNBT: 'Kỹ năng bổ trợ',
  CAPNHAT: 'Cập nhật kiến thức, kỹ năng',
  KHAC: 'Bồi dưỡng khác',
};
