/** Data access of the library and assistant pages (SPEC §11). */
import { useQuery } from '@tanstack/react-query';
import type { LibraryMaterialDetail, LibraryMaterialSummary, LibraryRecommendationsResponse, LibrarySearchResponse } from '@app/shared';
import { api } from '../../api/client.ts';
import { postForm } from '../learner/learnerApi.ts';

export function useLibrarySearch(q: string, type: string | undefined) {
  return useQuery({
    queryKey: ['library', 'search', q, type],
    queryFn: () => api.get<LibrarySearchResponse>('/api/library/search', { q, type, pageSize: 30 }),
  });
}

export function useMaterial(id: string, enabled = true) {
  return useQuery({
    queryKey: ['library', 'material', id],
    queryFn: () => api.get<LibraryMaterialDetail>(`/api/library/materials/${id}`),
    enabled,
  });
}

export function useRecommendations(enabled: boolean) {
  return useQuery({
    queryKey: ['library', 'recommendations'],
    queryFn: () => api.get<LibraryRecommendationsResponse>('/api/library/recommendations'),
    enabled,
  });
}

export function useManagedMaterials(status: string | undefined, q: string) {
  return useQuery({
    queryKey: ['library', 'managed', status, q],
    queryFn: () => api.get<{ items: LibraryMaterialSummary[]; total: number }>('/api/library/materials', { status, q, pageSize: 100 }),
  });
}

export function uploadMaterialFile(id: string, file: File) {
  return postForm<{ id: string }>(`/api/library/materials/${id}/file`, {}, file);
}
