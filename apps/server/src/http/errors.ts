/**
 * Typed errors and the one error handler: every failure leaves as
 * `{statusCode, code, message, fields?, requestId}` with a Vietnamese message; never a stack trace.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { FIELD_LABELS, type ApiErrorBody, type ErrorCode, type FieldError } from '@app/shared';

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what = 'Không tìm thấy dữ liệu yêu cầu') => new AppError(404, 'NOT_FOUND', what);
export const forbidden = (what = 'Bạn không có quyền thực hiện thao tác này') => new AppError(403, 'FORBIDDEN', what);
export const unauthenticated = () =>
  new AppError(401, 'UNAUTHENTICATED', 'Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.');
export const badField = (field: string, message: string) =>
  new AppError(400, 'VALIDATION_ERROR', `${labelOf(field)}: ${message}`, [{ field, message }]);
export const conflict = (message: string, field?: string) =>
  new AppError(409, 'CONFLICT', message, field ? [{ field, message }] : undefined);
/** Optimistic concurrency: someone else saved the record since it was read. */
export const versionConflict = (savedAt?: Date | string | null) => {
  const at = savedAt ? new Date(savedAt) : null;
  const time = at
    ? ` lúc ${new Date(at.getTime() + 7 * 3600_000).toISOString().slice(11, 16)}`
    : '';
  return new AppError(
    409,
    'VERSION_CONFLICT',
    `Bản ghi đã được người khác sửa${time}; hãy tải lại để xem thay đổi mới nhất rồi sửa lại.`,
  );
};

export function labelOf(path: string): string {
  const last = path.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? path;
  const label = FIELD_LABELS[last];
  // Users read the Vietnamese label; programs read `fields[].field` for the code.
  return label ?? (path || 'Dữ liệu gửi lên');
}

interface ZodLikeIssue {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
}

function describeIssue(issue: ZodLikeIssue): string {
  const p = issue.params;
  switch (issue.keyword) {
    case 'invalid_type':
      if (/undefined/.test(issue.message)) return 'bắt buộc phải có';
      return `sai kiểu dữ liệu (cần ${typeVi(String(p.expected))})`;
    case 'too_small':
      if (p.origin === 'string') return Number(p.minimum) <= 1 ? 'không được để trống' : `phải có ít nhất ${String(p.minimum)} ký tự`;
      if (p.origin === 'number') return `phải lớn hơn hoặc bằng ${String(p.minimum)}`;
      return issue.message;
    case 'too_big':
      if (p.origin === 'string') return `không được dài quá ${String(p.maximum)} ký tự`;
      if (p.origin === 'number') return `phải nhỏ hơn hoặc bằng ${String(p.maximum)}`;
      return issue.message;
    case 'invalid_value':
      return Array.isArray(p.values) ? `phải là một trong các giá trị: ${p.values.map(String).join(', ')}` : issue.message;
    case 'unrecognized_keys':
      return `có trường không được phép: ${Array.isArray(p.keys) ? p.keys.join(', ') : ''}`;
    default:
      return issue.message;
  }
}

function typeVi(t: string): string {
  return (
    { string: 'chuỗi ký tự', number: 'số', boolean: 'đúng/sai', object: 'đối tượng', array: 'danh sách', int: 'số nguyên' } as Record<
      string,
      string
    >
  )[t] ?? t;
}

const CONTEXT_VI: Record<string, string> = { body: 'Nội dung', querystring: 'Tham số truy vấn', params: 'Đường dẫn' };

export function toErrorBody(err: unknown, requestId: string): { status: number; body: ApiErrorBody; headers?: Record<string, string> } {
  if (err instanceof AppError) {
    return {
      status: err.statusCode,
      body: { statusCode: err.statusCode, code: err.code, message: err.message, fields: err.fields, requestId },
      headers: err.headers,
    };
  }
  const fe = err as FastifyError & { validationContext?: string };
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const fields: FieldError[] = fe.validation.map((v) => {
      const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
      const message = describeIssue(v as unknown as ZodLikeIssue);
      return { field: path, message: `${labelOf(path)}: ${message}` };
    });
    const where = CONTEXT_VI[fe.validationContext ?? 'body'] ?? 'Dữ liệu';
    const message =
      fields.length === 1 ? fields[0]!.message : `${where} gửi lên có ${fields.length} lỗi: ${fields.map((f) => f.message).join('; ')}`;
    return { status: 400, body: { statusCode: 400, code: 'VALIDATION_ERROR', message, fields, requestId } };
  }
  const simple = (status: number, c: ErrorCode, message: string) => ({
    status,
    body: { statusCode: status, code: c, message, requestId } satisfies ApiErrorBody,
  });
  // Bad values that only the database noticed (a date like 2026-02-30, a number beyond its column,
  // a NUL character) are the caller's mistake, not a server failure: 4xx, never a 500.
  const pg = postgresErrorCode(err);
  if (pg?.startsWith('22')) {
    return simple(400, 'VALIDATION_ERROR', 'Dữ liệu gửi lên có giá trị không hợp lệ (sai định dạng, quá dài hoặc vượt giới hạn cho phép).');
  }
  if (pg === '23505') return simple(409, 'CONFLICT', 'Dữ liệu trùng với một bản ghi đã có; hãy tải lại rồi thử lại.');
  const code = fe?.code ?? '';
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return simple(413, 'PAYLOAD_TOO_LARGE', 'Dữ liệu gửi lên quá lớn.');
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return simple(415, 'UNSUPPORTED_MEDIA_TYPE', 'Kiểu nội dung gửi lên không được hỗ trợ (cần application/json).');
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return simple(400, 'INVALID_JSON', 'Nội dung gửi lên trống; cần một đối tượng JSON.');
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError)
    return simple(400, 'INVALID_JSON', 'Nội dung gửi lên không phải JSON hợp lệ.');
  if (fe?.statusCode === 429) {
    // @fastify/rate-limit throws what our errorResponseBuilder made, with the seconds to wait.
    const own = fe.code === 'RATE_LIMITED' && typeof fe.message === 'string' && fe.message ? fe.message : null;
    return simple(429, 'RATE_LIMITED', own ?? 'Bạn gửi quá nhiều yêu cầu; vui lòng thử lại sau ít phút.');
  }
  if (fe?.statusCode === 404) return simple(404, 'NOT_FOUND', 'Không tìm thấy địa chỉ yêu cầu.');
  if (typeof fe?.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500)
    return simple(fe.statusCode, 'VALIDATION_ERROR', 'Yêu cầu không hợp lệ.');
  return simple(500, 'INTERNAL', 'Hệ thống gặp lỗi ngoài dự kiến; lỗi đã được ghi lại. Vui lòng thử lại sau.');
}

/** SQLSTATE of a PostgreSQL error, also when wrapped by Drizzle (`DrizzleQueryError.cause`). */
export function postgresErrorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && 'severity' in e) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export function errorHandler(err: unknown, req: FastifyRequest, reply: FastifyReply): void {
  const { status, body, headers } = toErrorBody(err, req.id);
  if (status >= 500) req.log.error({ err }, 'unhandled error');
  else if (postgresErrorCode(err)) req.log.warn({ err }, 'database refused the input');
  else req.log.info({ code: body.code, status }, 'request refused');
  if (headers) void reply.headers(headers);
  void reply.status(status).send(body);
}

export function notFoundHandler(req: FastifyRequest, reply: FastifyReply): void {
  void reply.status(404).send({
    statusCode: 404,
    code: 'NOT_FOUND',
    message: 'Không tìm thấy địa chỉ yêu cầu.',
    requestId: req.id,
  } satisfies ApiErrorBody);
}
