/**
 * Queries, keys and small helpers shared by the training screens (programmes, plans, classes,
 * nominations, results, certificates, instructors). Types come from the shared zod schemas.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import type {
  ClassDetail,
  ClassListResponse,
  ClassNominationsResponse,
  ClassResultsResponse,
  InstructorListResponse,
  ProgrammeListResponse,
  TrainingOrgListResponse,
} from '@app/shared';
import { ApiError, api, readCookie, withQuery } from '../../api/client.ts';

export type TrainingOrgList = z.infer<typeof TrainingOrgListResponse>;
type Query = Record<string, string | number | boolean | null | undefined>;

export const keys = {
  programmes: ['programmes'] as const,
  plans: ['plans'] as const,
  instructors: ['instructors'] as const,
  classes: ['classes'] as const,
  enrolments: ['enrolments'] as const,
  certificates: ['certificates'] as const,
};

/** A list endpoint with filters: the previous page stays on screen while the next one loads. */
export function useList<T>(key: readonly string[], path: string, query: Query, enabled = true) {
  return useQuery({
    queryKey: [...key, 'list', path, query],
    queryFn: () => api.get<T>(path, query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTrainingOrgs() {
  return useQuery({
    queryKey: ['training-orgs'],
    queryFn: () => api.get<TrainingOrgList>('/api/training-orgs'),
    staleTime: 5 * 60_000,
  });
}

/** Programmes that classes may use (approved), for selects. */
export function useProgrammeOptions(enabled = true) {
  return useQuery({
    queryKey: [...keys.programmes, 'options'],
    queryFn: () => api.get<ProgrammeListResponse>('/api/programmes', { status: 'approved', pageSize: 500 }),
    staleTime: 60_000,
    enabled,
  });
}

export function useInstructorOptions(enabled = true) {
  return useQuery({
    queryKey: [...keys.instructors, 'options'],
    queryFn: () => api.get<InstructorListResponse>('/api/instructors', { active: true, pageSize: 500 }),
    staleTime: 60_000,
    enabled,
  });
}

export function useClasses(query: Query, enabled = true) {
  return useList<ClassListResponse>(keys.classes, '/api/classes', query, enabled);
}

export function useClass(id: number) {
  return useQuery({
    queryKey: [...keys.classes, 'detail', id],
    queryFn: () => api.get<ClassDetail>(`/api/classes/${id}`),
    enabled: id > 0,
  });
}

export function useNominations(classId: number, enabled = true) {
  return useQuery({
    queryKey: [...keys.enrolments, 'class', classId],
    queryFn: () => api.get<ClassNominationsResponse>(`/api/classes/${classId}/nominations`),
    enabled: enabled && classId > 0,
  });
}

export function useResults(classId: number, enabled = true) {
  return useQuery({
    queryKey: [...keys.classes, 'results', classId],
    queryFn: () => api.get<ClassResultsResponse>(`/api/classes/${classId}/results`),
    enabled: enabled && classId > 0,
  });
}

/** Uploads one file as multipart field "file" (same cookies and CSRF header as the JSON client). */
export async function uploadFile<T>(path: string, file: File, query?: Query): Promise<T> {
  const body = new FormData();
  body.append('file', file);
  const headers: Record<string, string> = { accept: 'application/json' };
  const csrf = readCookie('csrf');
  if (csrf) headers['x-csrf-token'] = csrf;
  const res = await fetch(withQuery(path, query), { method: 'POST', body, headers, credentials: 'same-origin' });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const b = (json ?? {}) as { message?: string; code?: string; fields?: [] };
    throw new ApiError({
      statusCode: res.status,
      code: (b.code as ApiError['code']) ?? 'VALIDATION_ERROR',
      message: b.message ?? 'Không tải được tệp lên. Vui lòng thử lại.',
      fields: b.fields,
    });
  }
  return json as T;
}

// ---------------------------------------------------------------- URL params and dates

export const ISO = 'YYYY-MM-DD';
export const DATE_FORMAT = 'DD/MM/YYYY';
export const toIso = (d: Dayjs | null | undefined): string | undefined => (d ? d.format(ISO) : undefined);
export const fromIso = (s: string | null | undefined): Dayjs | null => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? dayjs(s, ISO) : null);
export const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  v !== null && (list as readonly string[]).includes(v) ? (v as T) : undefined;
export const positiveInt = (v: string | null, d: number) => (v && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : d);
export const isoOrUndefined = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

/**
 * Writes filters into the URL (bookmarkable, back button works). A debounced write that fires after
 * the user already left for another page (the old page stays mounted while the next lazy page
 * loads) is dropped, so it cannot add `?q=` to the new page's URL.
 */
export function patchParams(setParams: (f: (prev: URLSearchParams) => URLSearchParams, o?: { replace?: boolean }) => void) {
  const path = window.location.pathname;
  return (patch: Record<string, string | undefined>, replace = false) => {
    if (window.location.pathname !== path) return;
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace },
    );
  };
}
