/**
 * Excel endpoints of the officials registry (SPEC §3): template, import (sync or background job),
 * job status, export of a filtered list, bulk accounts for officials. Thin: parse, authorise, call
 * one service function, shape the reply.
 */
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OFFICIAL_ACCOUNTS_HEADERS, ROSTER_IMPORT_MAX_BYTES } from '@app/shared';
import { metaOf, requireActor } from '../../http/context.ts';
import { AppError, badField } from '../../http/errors.ts';
import { createOfficialAccounts } from './official-accounts.service.ts';
import { exportOfficials } from './roster-export.service.ts';
import {
  CreateOfficialAccountsRequest,
  RosterExportQuery,
  RosterImportJobAccepted,
  RosterImportJobList,
  RosterImportJobParams,
  RosterImportJobStatus,
  RosterImportQuery,
  RosterImportResult,
  RosterTemplateQuery,
} from './roster-import.schema.ts';
import { enqueueImport, jobStatus, recentJobs } from './import-jobs.service.ts';
import * as service from './roster-import.service.ts';
import { templateFor } from './roster-template.service.ts';
import { XLSX_MIME } from './roster-workbook.ts';
import { contentDisposition as attachment } from '../../http/download.ts';

const MB = Math.round(ROSTER_IMPORT_MAX_BYTES / 1024 / 1024);
const UPLOAD_LIMITS = { fileSize: ROSTER_IMPORT_MAX_BYTES, files: 1, fields: 10, parts: 12, fieldSize: 1024 };

/** The uploaded file (multipart field "file"); every upload problem becomes a Vietnamese 4xx. */
async function readUpload(req: FastifyRequest): Promise<{ file: Buffer; fileName: string | null }> {
  if (!req.isMultipart()) {
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Cần gửi tệp Excel theo kiểu multipart/form-data, trong trường có tên "file".');
  }
  try {
    const part = await req.file({ limits: UPLOAD_LIMITS });
    if (!part) throw badField('file', 'chưa chọn tệp Excel (.xlsx) để tải lên');
    const file = await part.toBuffer();
    return { file, fileName: part.filename ? part.filename.normalize('NFC').slice(0, 200) : null };
  } catch (err) {
    if (err instanceof AppError) throw err;
    const e = err as { code?: string; statusCode?: number };
    if (e.code === 'FST_REQ_FILE_TOO_LARGE' || e.statusCode === 413) {
      throw new AppError(
        413,
        'PAYLOAD_TOO_LARGE',
        `Tệp vượt quá ${MB} MB. Hãy xóa các trang tính, hình ảnh không cần thiết hoặc chia danh sách thành nhiều tệp.`,
        [{ field: 'file', message: `vượt quá ${MB} MB` }],
      );
    }
    throw badField('file', 'không đọc được tệp gửi lên (dữ liệu tải lên không trọn vẹn); hãy chọn lại tệp và thử lại');
  }
}

export const rosterImportRoutes: FastifyPluginAsyncZod = async (app) => {
  // Multipart only for this module's routes (encapsulated here); reused if the app ever registers it globally.
  if (!app.hasRequestDecorator('isMultipart')) await app.register(multipart, { limits: UPLOAD_LIMITS });
  const tags = ['Hồ sơ cán bộ, công chức — Excel'];
  const deps = () => ({ db: app.deps.db, clock: app.deps.clock });

  app.get(
    '/api/officials/template.xlsx',
    {
      schema: {
        tags,
        summary: 'Tải tệp mẫu .xlsx của một xã (tiêu đề tiếng Việt, danh sách thả xuống, hướng dẫn)',
        querystring: RosterTemplateQuery,
      },
    },
    async (req, reply) => {
      const { buffer, fileName } = await templateFor(deps(), requireActor(req), req.query.commune);
      return reply.type(XLSX_MIME).header('content-disposition', attachment(fileName)).send(buffer);
    },
  );

  app.post(
    '/api/officials/import',
    {
      schema: {
        tags,
        summary: 'Nhập danh sách từ .xlsx (trường multipart "file"): dryRun=true chỉ kiểm tra; async=true chạy nền và trả 202 {jobId}',
        querystring: RosterImportQuery,
        response: { 200: RosterImportResult, 202: RosterImportJobAccepted },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      // Refuse before reading a 10 MB body from someone who may not import here.
      await service.resolveCommune(app.deps.db, actor, req.query.commune);
      const upload = await readUpload(req);
      const input = { ...upload, dryRun: req.query.dryRun };
      if (req.query.async) return reply.status(202).send(await enqueueImport(deps(), actor, req.query.commune, input));
      return reply.status(200).send(await service.importRoster(deps(), actor, req.query.commune, input, metaOf(req)));
    },
  );

  app.get(
    '/api/officials/import-jobs',
    {
      schema: { tags, summary: 'Các việc nhập chạy nền gần đây của tôi (để quay lại xem kết quả)', response: { 200: RosterImportJobList } },
    },
    (req) => recentJobs(deps(), requireActor(req)),
  );

  app.get(
    '/api/officials/import-jobs/:id',
    {
      schema: {
        tags,
        summary: 'Tiến độ và kết quả của một việc nhập chạy nền',
        params: RosterImportJobParams,
        response: { 200: RosterImportJobStatus },
      },
    },
    (req) => jobStatus(deps(), requireActor(req), req.params.id),
  );

  app.get(
    '/api/officials/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất danh sách đã lọc ra .xlsx (cùng bộ lọc với GET /api/officials; includeSensitive=true thêm dân tộc, tôn giáo)',
        querystring: RosterExportQuery,
      },
    },
    async (req, reply) => {
      const { buffer, fileName } = await exportOfficials(deps(), requireActor(req), req.query, metaOf(req));
      return reply.type(XLSX_MIME).header('content-disposition', attachment(fileName)).send(buffer);
    },
  );

  app.post(
    '/api/officials/accounts',
    {
      schema: {
        tags,
        summary: 'Tạo tài khoản học viên cho các CBCC đã chọn; trả về tệp .xlsx tên đăng nhập và mật khẩu dùng một lần',
        body: CreateOfficialAccountsRequest,
      },
    },
    async (req, reply) => {
      const out = await createOfficialAccounts(deps(), requireActor(req), req.body.officialIds, metaOf(req));
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment(out.fileName))
        .header(OFFICIAL_ACCOUNTS_HEADERS.created, String(out.created))
        .header(OFFICIAL_ACCOUNTS_HEADERS.skipped, String(out.skipped))
        .send(out.buffer);
    },
  );
};
