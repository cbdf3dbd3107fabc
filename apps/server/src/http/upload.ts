/**
 * Every upload of the API, read one way: a multipart/form-data request with text fields and at most
 * one file, a size limit, the file's real kind checked by its first bytes (upload.rules.ts), and each
 * problem answered as a Vietnamese 4xx naming the field — 413 too large, 415 not multipart or not an
 * accepted kind, 400 anything else. A route module calls `registerUploads` once, then `readForm`
 * (fields + optional file, JSON accepted too) or `readFile` (one required file).
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError, badField } from './errors.ts';
import { checkUpload, megabytes, sniffFile, type FileKind } from './upload.rules.ts';

export interface UploadedFile {
  /** NFC, at most 200 characters; 'tep' when the client sent no name */
  fileName: string;
  content: Buffer;
}

export interface UploadOptions {
  /** largest file accepted, in bytes */
  maxBytes: number;
  /** the multipart field that carries the file (default "file") */
  field?: string;
  /** text fields a form may carry (default 20) and the longest one (default 200,000 characters) */
  maxFields?: number;
  fieldSize?: number;
  /** the 413 message (default `Tệp vượt quá N MB.`) */
  tooLarge?: string;
}

export interface FileOptions extends UploadOptions {
  /** the kinds accepted, checked by content and name; a mismatch is a 415 (default: any content) */
  accept?: readonly FileKind[];
  /** the 415 message when the request is not multipart, and the 400 field message when no file came */
  notMultipart?: string;
  missing?: string;
}

const INCOMPLETE_FORM = 'không đọc được dữ liệu gửi lên (tải lên không trọn vẹn); hãy chọn lại tệp và thử lại';
const INCOMPLETE_FILE = 'không đọc được tệp gửi lên (dữ liệu tải lên không trọn vẹn); hãy chọn lại tệp và thử lại';

export function uploadLimits(o: UploadOptions) {
  const fields = o.maxFields ?? 20;
  return { fileSize: o.maxBytes, files: 1, fields, parts: fields + 1, fieldSize: o.fieldSize ?? 200_000 };
}

/** Multipart parsing for the routes of one (encapsulated) module, with that module's limits. */
export async function registerUploads(app: FastifyInstance, o: UploadOptions): Promise<void> {
  await app.register(multipart, { limits: uploadLimits(o) });
}

function tooLarge(o: UploadOptions): AppError {
  const mb = megabytes(o.maxBytes);
  return new AppError(413, 'PAYLOAD_TOO_LARGE', o.tooLarge ?? `Tệp vượt quá ${mb} MB.`, [
    { field: o.field ?? 'file', message: `vượt quá ${mb} MB` },
  ]);
}

/** Busboy and the plugin report an over-size file in two ways; anything else is a broken upload. */
function uploadError(err: unknown, o: UploadOptions, incomplete: string): AppError {
  if (err instanceof AppError) return err;
  const e = err as { code?: string; statusCode?: number };
  if (e.code === 'FST_REQ_FILE_TOO_LARGE' || e.statusCode === 413) return tooLarge(o);
  return badField(o.field ?? 'file', incomplete);
}

const cleanName = (name: string | undefined) => (name ? name.normalize('NFC').slice(0, 200) : 'tep');

/** Fields (strings) and the optional file of a form; a JSON body is accepted too (no file then). */
export async function readForm(
  req: FastifyRequest,
  o: UploadOptions,
): Promise<{ fields: Record<string, string>; file: UploadedFile | null }> {
  const field = o.field ?? 'file';
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
    for await (const part of req.parts({ limits: uploadLimits(o) })) {
      if (part.type === 'file') {
        if (part.fieldname !== field) throw badField(part.fieldname, `không nhận tệp ở trường này (chỉ trường "${field}")`);
        const content = await part.toBuffer();
        if (part.file.truncated) throw tooLarge(o);
        if (content.length > 0) file = { fileName: cleanName(part.filename), content };
      } else {
        fields[part.fieldname] = String(part.value ?? '');
      }
    }
  } catch (err) {
    throw uploadError(err, o, INCOMPLETE_FORM);
  }
  return { fields, file };
}

/** The one file of an upload (required); with `accept`, its content must be one of those kinds. */
export async function readFile(req: FastifyRequest, o: FileOptions): Promise<UploadedFile> {
  const field = o.field ?? 'file';
  if (!req.isMultipart()) {
    throw new AppError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      o.notMultipart ?? `Cần gửi tệp theo kiểu multipart/form-data, trong trường có tên "${field}".`,
    );
  }
  let file: UploadedFile;
  try {
    const part = await req.file({ limits: uploadLimits(o) });
    if (!part) throw badField(field, o.missing ?? 'chưa chọn tệp để tải lên');
    const content = await part.toBuffer();
    if (part.file.truncated) throw tooLarge(o);
    file = { fileName: cleanName(part.filename), content };
  } catch (err) {
    throw uploadError(err, o, INCOMPLETE_FILE);
  }
  if (o.accept) {
    const res = checkUpload(file.fileName, file.content, o.accept, o.maxBytes);
    if ('problem' in res) {
      const wrongKind = !sniffFile(file.content) || !o.accept.includes(sniffFile(file.content)!);
      if (wrongKind && file.content.length > 0) {
        throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', `Tệp gửi lên: ${res.problem}.`, [{ field, message: res.problem }]);
      }
      throw badField(field, res.problem);
    }
  }
  return file;
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
  throw badField(field, message);
}
