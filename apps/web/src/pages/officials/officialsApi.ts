/** Queries, URL filters and file downloads of the officials registry (SPEC §3). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  BLOCS,
  OFFICIAL_STATUSES,
  OFFICIAL_TYPES,
  type ApiErrorBody,
  type Bloc,
  type CommuneDetailResponse,
  type OfficialDetail,
  type OfficialListResponse,
  type OfficialStatus,
  type OfficialType,
  type PositionListResponse,
} from '@app/shared';
import { ApiError, api, withQuery } from '../../api/client.ts';

export type OfficialList = z.infer<typeof OfficialListResponse>;
export type PositionList = z.infer<typeof PositionListResponse>;

/** Filters of the list, kept in the URL so a filtered list can be bookmarked and shared. */
export interface OfficialFilters {
  province?: string;
  commune?: string;
  q?: string;
  unitId?: string;
  positionId?: string;
  type?: OfficialType;
  bloc?: Bloc;
  leader?: 'true' | 'false';
  belowStandard?: 'true' | 'false';
  affectedByReorg?: 'true' | 'false';
  status?: OfficialStatus;
}

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  v !== null && (list as readonly string[]).includes(v) ? (v as T) : undefined;
const yesNo = (v: string | null) => (v === 'true' || v === 'false' ? v : undefined);
const digits = (v: string | null, n?: number) => (v && /^\d+$/.test(v) && (n === undefined || v.length === n) ? v : undefined);

export function filtersFrom(params: URLSearchParams): OfficialFilters {
  return {
    province: digits(params.get('province'), 2),
    commune: digits(params.get('commune'), 5),
    q: params.get('q')?.trim() || undefined,
    unitId: digits(params.get('unitId')),
    positionId: digits(params.get('positionId')),
    type: oneOf(OFFICIAL_TYPES, params.get('type')),
    bloc: oneOf(BLOCS, params.get('bloc')),
    leader: yesNo(params.get('leader')),
    belowStandard: yesNo(params.get('belowStandard')),
    affectedByReorg: yesNo(params.get('affectedByReorg')),
    status: oneOf(OFFICIAL_STATUSES, params.get('status')),
  };
}

export const positiveInt = (v: string | null, d: number) => (v && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : d);

export const officialKeys = {
  all: ['officials'] as const,
  list: (f: OfficialFilters, page: number, pageSize: number) => ['officials', 'list', f, page, pageSize] as const,
  detail: (id: string) => ['officials', 'detail', id] as const,
};

export function useOfficials(f: OfficialFilters, page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: officialKeys.list(f, page, pageSize),
    queryFn: () => api.get<OfficialList>('/api/officials', { ...f, page, pageSize }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useOfficial(id: string | undefined) {
  return useQuery({
    queryKey: officialKeys.detail(id ?? ''),
    queryFn: () => api.get<OfficialDetail>(`/api/officials/${encodeURIComponent(id ?? '')}`),
    enabled: Boolean(id),
  });
}

/** Positions usable in a commune (national, the province's and the commune's own). */
export function usePositions(commune: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['positions', commune ?? ''],
    queryFn: () => api.get<PositionList>('/api/positions', { commune }),
    staleTime: 60_000,
    enabled,
  });
}

/** Units of a commune, for the unit selects. */
export function useCommuneUnits(commune: string | undefined) {
  return useQuery({
    queryKey: ['units', 'commune', commune ?? ''],
    queryFn: () => api.get<CommuneDetailResponse>(`/api/units/communes/${encodeURIComponent(commune ?? '')}`),
    enabled: Boolean(commune),
    staleTime: 60_000,
  });
}

function fileNameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="([^"]+)"/i.exec(cd);
  return plain?.[1] ?? fallback;
}

/** Hands a Blob to the browser as a download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * Fetches a file from the API and saves it; a refusal becomes an ApiError with the server's
 * Vietnamese message (a plain link would show raw JSON in a new page instead).
 */
export async function downloadFile(
  path: string,
  query: Record<string, string | number | boolean | undefined>,
  fallbackName: string,
  init?: { method: 'POST'; body: unknown; csrf: string | undefined },
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (init) {
    headers['content-type'] = 'application/json';
    if (init.csrf) headers['x-csrf-token'] = init.csrf;
  }
  const res = await fetch(withQuery(path, query), {
    method: init?.method ?? 'GET',
    credentials: 'same-origin',
    headers,
    body: init ? JSON.stringify(init.body) : undefined,
  });
  if (!res.ok) {
    let body: Partial<ApiErrorBody> = {};
    try {
      body = (await res.json()) as typeof body;
    } catch {
      body = {};
    }
    throw new ApiError({
      statusCode: res.status,
      code: body.code ?? (res.status >= 500 ? 'INTERNAL' : 'VALIDATION_ERROR'),
      message: body.message ?? 'Không tải được tệp. Vui lòng thử lại.',
      fields: body.fields,
    });
  }
  saveBlob(await res.blob(), fileNameOf(res, fallbackName));
  return res;
}
