/** Queries and labels of the accounts page. */
import { useQuery } from '@tanstack/react-query';
import type { CommuneDetailResponse, Role, UserItem } from '@app/shared';
import { formatDateTimeVi } from '@app/shared';
import { api } from '../../api/client.ts';
import type { CommuneList, TrainingOrgList, UserList } from '../../api/types.ts';

export const userKeys = {
  all: ['users'] as const,
  list: (q: string, role: string, page: number, pageSize: number) => ['users', 'list', q, role, page, pageSize] as const,
};

export function useUsers(q: string, role: Role | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: userKeys.list(q, role ?? '', page, pageSize),
    queryFn: () => api.get<UserList>('/api/users', { q, role, page, pageSize }),
    placeholderData: (prev) => prev,
  });
}

export function useTrainingOrgs(enabled: boolean) {
  return useQuery({
    queryKey: ['training-orgs'],
    queryFn: () => api.get<TrainingOrgList>('/api/training-orgs'),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useProvinceCommunes(provinceCode: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['units', 'communes', provinceCode ?? '', '', '', ''],
    queryFn: () => api.get<CommuneList>(`/api/units/provinces/${provinceCode ?? ''}/communes`),
    enabled: enabled && Boolean(provinceCode),
    staleTime: 5 * 60_000,
  });
}

export function useCommuneUnits(communeCode: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['units', 'commune', communeCode ?? ''],
    queryFn: () => api.get<CommuneDetailResponse>(`/api/units/communes/${communeCode ?? ''}`),
    enabled: enabled && Boolean(communeCode),
  });
}

export function isLocked(u: UserItem, now = Date.now()): boolean {
  return Boolean(u.lockedUntil && new Date(u.lockedUntil).getTime() > now);
}

export function statusOf(u: UserItem): { text: string; color: string } {
  if (!u.active) return { text: 'Đã khóa', color: 'red' };
  if (isLocked(u)) return { text: `Tạm khóa đến ${formatDateTimeVi(u.lockedUntil)}`, color: 'orange' };
  return { text: 'Hoạt động', color: 'green' };
}

export function scopeOf(u: UserItem): string {
  if (u.trainingOrgName) return u.trainingOrgName;
  const parts = [u.unitName, u.communeName, u.provinceName].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'Toàn quốc';
}

/** Fold Vietnamese diacritics so "tuy hoa" finds "Tuy Hòa" in client-side selects. */
export const foldVi = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
