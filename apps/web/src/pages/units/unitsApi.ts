/** Queries of the units browser (SPEC §2). */
import { useQuery } from '@tanstack/react-query';
import type { CommuneDetailResponse, CommuneType, RegionType } from '@app/shared';
import { api } from '../../api/client.ts';
import type { CommuneList, ProvinceList } from '../../api/types.ts';

export const unitKeys = {
  provinces: ['units', 'provinces'] as const,
  communes: (province: string, q: string, type?: string, regionType?: string) =>
    ['units', 'communes', province, q, type ?? '', regionType ?? ''] as const,
  communesOf: (province: string) => ['units', 'communes', province] as const,
  commune: (code: string) => ['units', 'commune', code] as const,
};

export function useProvinces(enabled = true) {
  return useQuery({
    queryKey: unitKeys.provinces,
    queryFn: () => api.get<ProvinceList>('/api/units/provinces'),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useCommunes(province: string, q: string, type?: CommuneType, regionType?: RegionType) {
  return useQuery({
    queryKey: unitKeys.communes(province, q, type, regionType),
    queryFn: () => api.get<CommuneList>(`/api/units/provinces/${encodeURIComponent(province)}/communes`, { q, type, regionType }),
    placeholderData: (prev) => prev,
    enabled: Boolean(province),
  });
}

export function useCommune(code: string | undefined) {
  return useQuery({
    queryKey: unitKeys.commune(code ?? ''),
    queryFn: () => api.get<CommuneDetailResponse>(`/api/units/communes/${encodeURIComponent(code ?? '')}`),
    enabled: Boolean(code),
  });
}
