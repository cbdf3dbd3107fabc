/**
 * Reading a multipart/form-data request of the learner forms: text fields and at most one file
 * (field "file"), with every upload problem answered as a Vietnamese 4xx.
 */
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { LEARNER_UPLOAD_MAX_BYTES } from '@app/shared';
import { AppError, badField } from '../../http/errors.ts';

export interface UploadedFile {
  fileName: string;
  content: Buffer;
}

const MB = Math.round(LEARNER_UPLOAD_MAX_BYTES / 1024 / 1024);
export const MULTIPART_LIMITS = { fileSize: LEARNER_UPLOAD_MAX_BYTES, files: 1, fields: 20, parts: 21, fieldSize: 200_000 };

function tooLarge(): AppError {
  return new AppError(413, 'PAYLOAD_TOO_LARGE', `Tệp đính kèm vượt quá ${MB} MB.`, [{ field: 'file', message: `vượt quá ${MB} MB` }]);
}

/** Fields (strings) and the optional file of a multipart request; a JSON body is accepted too (no file). */
export async function readForm(req: FastifyRequest): Promise<{ fields: Record<string, string>; file: UploadedFile | null }> {
  if (!req.isMultipart()) {
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (typeof body !== 'object' || Array.isArray(body)) throw badField('body', 'dữ liệu gửi lên không hợp lệ');
    const fields: Record<string, string> = {};
    for (const [k, v] of Object.entries(body)) if (v !== null && v !== undefined) fields[k] = typeof v === 'string' ? v : JSON.stringify(v);
    return { fields, file: null };
  }
  const fields: Record<string, string> = {};
  let file: UploadedFile | null = null;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw badField(part.fieldname, 'không nhận tệp ở trường này (chỉ trường "file")');
        const content = await part.toBuffer();
        if (part.file.truncated) throw tooLarge();
        if (content.length > 0) file = { fileName: part.filename || 'tep', content };
      } else {
        fields[part.fieldname] = String(part.value ?? '');
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const e = err as { code?: string; statusCode?: number };
    if (e.code === 'FST_REQ_FILE_TOO_LARGE' || e.statusCode === 413) throw tooLarge();
    throw badField('file', 'không đọc được dữ liệu gửi lên (tải lên không trọn vẹn); hãy chọn lại tệp và thử lại');
  }
  return { fields, file };
}

/** Validates form fields with a shared schema; the first problem becomes a 400 naming the field. */
export function parseFields<S extends z.ZodType>(schema: S, fields: Record<string, string>): z.infer<S> {
  const r = schema.safeParse(fields);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = issue.path.map(String).join('.') || 'body';
  let message = issue.message;
  if (issue.code === 'invalid_type' && /undefined/.test(issue.message)) message = 'bắt buộc phải có';
  else if (issue.code === 'unrecognized_keys') message = `có trường không được phép: ${issue.keys.join(', ')}`;
  else if (issue.code === 'invalid_value') message = `giá trị không hợp lệ (${issue.values.map(String).join(', ')})`;
  else if (!/[àáảãạăâđêôơưèéẹẻẽìíịỉĩòóọỏõùúụủũ]/i.test(message)) message = 'giá trị không hợp lệ';
  return badFieldThrow(field, message);
}
function badFieldThrow(field: string, message: string): never {
  throw badField(field, message);
}

export { contentDisposition as attachment } from '../../http/download.ts';
