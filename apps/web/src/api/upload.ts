/**
 * Sending a form with a file (multipart/form-data) — the one way every upload screen does it: the same
 * cookies and CSRF header as the JSON client, upload progress in percent, and the server's Vietnamese
 * error (with its field list) as an ApiError. XMLHttpRequest because fetch reports no upload progress.
 */
import { ApiError, readCookie, withQuery } from './client.ts';

type Query = Parameters<typeof withQuery>[1];
export type FormFields = Record<string, string | number | boolean | null | undefined>;

export interface SendFormOptions {
  fields?: FormFields;
  file?: File | null;
  /** the multipart field of the file (default "file") */
  fileField?: string;
  query?: Query;
  /** 0–100 while the bytes go up */
  onProgress?: (percent: number) => void;
  /** the messages when the server answers without one (413 comes from a proxy in front, say) */
  fallbackMessage?: string;
  tooLargeMessage?: string;
}

export function sendForm<T>(path: string, o: SendFormOptions = {}): Promise<T> {
  const body = new FormData();
  for (const [k, v] of Object.entries(o.fields ?? {})) if (v !== undefined && v !== null) body.append(k, String(v));
  if (o.file) body.append(o.fileField ?? 'file', o.file, o.file.name);
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', withQuery(path, o.query));
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    const csrf = readCookie('csrf');
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    if (o.onProgress) {
      const report = o.onProgress;
      xhr.upload.onprogress = (ev) => {
        if (ev.lengthComputable && ev.total > 0) report(Math.min(99, Math.round((ev.loaded / ev.total) * 100)));
      };
    }
    xhr.onload = () => {
      let json: unknown;
      try {
        json = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        json = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        o.onProgress?.(100);
        resolve(json as T);
        return;
      }
      const b = (json ?? {}) as { message?: string; code?: string; fields?: []; requestId?: string };
      reject(
        new ApiError({
          statusCode: xhr.status,
          code: (b.code as ApiError['code']) ?? 'VALIDATION_ERROR',
          message:
            b.message ??
            (xhr.status === 413 ? (o.tooLargeMessage ?? 'Tệp quá lớn.') : (o.fallbackMessage ?? 'Không gửi được. Vui lòng thử lại.')),
          fields: b.fields,
          requestId: b.requestId,
        }),
      );
    };
    // Same message as a failed fetch (errorMessage treats TypeError as "no connection").
    xhr.onerror = () => reject(new TypeError('network'));
    xhr.send(body);
  });
}
