/**
 * Roster upload with real progress: XMLHttpRequest (fetch has no upload progress), the session
 * cookie and the CSRF header from the `csrf` cookie. Big files go to a background job that is polled.
 */
import { useQuery } from '@tanstack/react-query';
import type { ApiErrorBody, RosterImportJobStatus, RosterImportResult } from '@app/shared';
import { ApiError, api, readCookie, withQuery } from '../../api/client.ts';

/** Above this size the import runs as a background job (the page polls its progress). */
export const ASYNC_THRESHOLD_BYTES = 1024 * 1024;

export type UploadAnswer = { kind: 'result'; result: RosterImportResult } | { kind: 'job'; jobId: string };

export interface UploadOptions {
  file: File;
  commune?: string;
  dryRun: boolean;
  onProgress: (percent: number) => void;
}

function toApiError(status: number, text: string): ApiError {
  let body: Partial<ApiErrorBody> = {};
  try {
    body = JSON.parse(text) as Partial<ApiErrorBody>;
  } catch {
    body = {};
  }
  return new ApiError({
    statusCode: body.statusCode ?? status,
    code: body.code ?? (status >= 500 ? 'INTERNAL' : 'VALIDATION_ERROR'),
    message: body.message || (status >= 500 ? 'Máy chủ đang gặp sự cố. Vui lòng thử lại sau ít phút.' : 'Tệp không được chấp nhận.'),
    fields: body.fields,
    requestId: body.requestId,
  });
}

export function uploadRoster({ file, commune, dryRun, onProgress }: UploadOptions): Promise<UploadAnswer> {
  const useJob = file.size > ASYNC_THRESHOLD_BYTES;
  const url = withQuery('/api/officials/import', { commune, dryRun, async: useJob || undefined });
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    const csrf = readCookie('csrf');
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status === 200) {
        onProgress(100);
        resolve({ kind: 'result', result: JSON.parse(xhr.responseText) as RosterImportResult });
      } else if (xhr.status === 202) {
        onProgress(100);
        resolve({ kind: 'job', jobId: (JSON.parse(xhr.responseText) as { jobId: string }).jobId });
      } else {
        reject(toApiError(xhr.status, xhr.responseText));
      }
    };
    // Same message as a failed fetch (errorMessage treats TypeError as "no connection").
    xhr.onerror = () => reject(new TypeError('network'));
    const body = new FormData();
    body.append('file', file, file.name);
    xhr.send(body);
  });
}

/** Polls a background import until it is done or failed. */
export function useImportJob(jobId: string | null) {
  return useQuery({
    queryKey: ['officials', 'import-job', jobId ?? ''],
    queryFn: () => api.get<RosterImportJobStatus>(`/api/officials/import-jobs/${encodeURIComponent(jobId ?? '')}`),
    enabled: Boolean(jobId),
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'done' || q.state.data.status === 'failed') ? false : 700),
  });
}

/**
 * The problems as a file Excel opens with Vietnamese intact in any regional setting: tab-separated
 * UTF-16LE with a byte-order mark (a UTF-8 CSV splits on "," or ";" depending on the locale).
 */
export function errorsCsv(errors: RosterImportResult['errors']): Blob {
  const cell = (v: string | number) => String(v).replace(/[\t\r\n]+/g, ' ');
  const lines = [['Dòng', 'Cột', 'Lỗi'], ...errors.map((e) => [e.row, e.column, e.message])].map((r) => r.map(cell).join('\t'));
  const text = '\uFEFF' + lines.join('\r\n');
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return new Blob([units], { type: 'text/csv;charset=utf-16le' });
}
