/** Calls of the dashboard page: the KPI engine's routes (contract 4) and the dashboard's own. */
import { useQuery } from '@tanstack/react-query';
import type {
  ForecastResponse,
  KpiChildrenResponse,
  KpiCode,
  KpiPeoplePart,
  KpiPeopleResponse,
  KpiResult,
  KpiTrendResponse,
} from '@app/shared';
import { api, withQuery } from '../../api/client.ts';

export interface DashQuery {
  scope: string;
  phase: 1 | 2;
  asOf: string;
}

export function useKpis(q: DashQuery) {
  return useQuery({ queryKey: ['kpis', q], queryFn: () => api.get<KpiResult>('/api/kpis', { ...q }) });
}
export function useChildren(q: DashQuery) {
  return useQuery({ queryKey: ['kpis', 'children', q], queryFn: () => api.get<KpiChildrenResponse>('/api/kpis/children', { ...q }) });
}
export function useForecast(q: DashQuery) {
  return useQuery({
    queryKey: ['dashboard', 'forecast', q],
    queryFn: () => api.get<ForecastResponse>('/api/dashboard/forecast', { ...q }),
  });
}
export function useTrend(q: DashQuery, code: KpiCode) {
  return useQuery({ queryKey: ['kpis', 'trend', q, code], queryFn: () => api.get<KpiTrendResponse>('/api/kpis/trend', { ...q, code }) });
}
export function usePeople(q: DashQuery, code: KpiCode | null, part: KpiPeoplePart, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['kpis', 'people', q, code, part, page, pageSize],
    enabled: code !== null,
    queryFn: () => api.get<KpiPeopleResponse>('/api/kpis/people', { ...q, code: code!, part, page, pageSize }),
  });
}
/** Every row behind one number (all pages), as .xlsx. */
export function peopleExportUrl(q: DashQuery, code: KpiCode, part: KpiPeoplePart): string {
  return withQuery('/api/dashboard/people.xlsx', { ...q, code, part });
}
export function exportUrl(q: DashQuery, table: 'kpis' | 'children'): string {
  return withQuery('/api/dashboard/export.xlsx', { ...q, table });
}
