/**
 * Fetch wrapper for the JSON API: same-origin cookies, CSRF header on writes, one error shape
 * (ApiErrorBody from @app/shared) turned into an ApiError the screens can show as-is.
 */
import type { ApiErrorBody, ErrorCode, FieldError } from '@app/shared';

export class ApiError extends Error {
  readonly statusCode: number;
  readonly code: ErrorCode;
  readonly fields: FieldError[];
  readonly requestId: string | undefined;
  /** Seconds from a Retry-After header (429), if any. */
  readonly retryAfter: number | undefined;

  constructor(body: ApiErrorBody, retryAfter?: number) {
    super(body.message);
    this.name = 'ApiError';
    this.statusCode = body.statusCode;
    this.code = body.code;
    this.fields = body.fields ?? [];
    this.requestId = body.requestId;
    this.retryAfter = retryAfter;
  }
}

/** Message to show a user for any thrown value: the server's Vietnamese text, never a stack. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof TypeError) return 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.';
  return 'Đã có lỗi xảy ra. Vui lòng thử lại.';
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Calls where a 401 is an expected answer rather than an expired session. */
const NO_REDIRECT_ON_401 = ['/api/auth/me', '/api/auth/login'];

export function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [k, ...rest] = part.trim().split('=');
    if (k === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

let onUnauthenticated: (() => void) | undefined;
/** The app registers how to send the user to the login page when a session expires. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

async function parseError(res: Response): Promise<ApiError> {
  const retryHeader = res.headers.get('retry-after');
  const retryAfter = retryHeader && /^\d+$/.test(retryHeader) ? Number(retryHeader) : undefined;
  let body: Partial<ApiErrorBody> | undefined;
  try {
    body = (await res.json()) as Partial<ApiErrorBody>;
  } catch {
    body = undefined;
  }
  const fallback = res.status >= 500 ? 'Máy chủ đang gặp sự cố. Vui lòng thử lại sau ít phút.' : 'Yêu cầu không hợp lệ.';
  return new ApiError(
    {
      statusCode: body?.statusCode ?? res.status,
      code: body?.code ?? (res.status >= 500 ? 'INTERNAL' : 'VALIDATION_ERROR'),
      message: typeof body?.message === 'string' && body.message ? body.message : fallback,
      fields: Array.isArray(body?.fields) ? body.fields : undefined,
      requestId: body?.requestId,
    },
    retryAfter,
  );
}

export async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (WRITE_METHODS.has(method)) {
    const csrf = readCookie('csrf');
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  const res = await fetch(withQuery(path, query), {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) {
    const err = await parseError(res);
    if (res.status === 401 && !NO_REDIRECT_ON_401.includes(path)) onUnauthenticated?.();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
