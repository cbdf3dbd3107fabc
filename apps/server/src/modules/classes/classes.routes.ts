/**
 * Classes (SPEC §5) and their attendance and results (SPEC §6). Thin: parse, call one service
 * function, shape the reply.
 */
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RESULTS_IMPORT_MAX_BYTES, UpdateResultRequest } from '@app/shared';
import { metaOf, requireActor } from '../../http/context.ts';
import { AppError, badField } from '../../http/errors.ts';
import {
  AttendanceRequest,
  BridgePointItem,
  BridgePointParams,
  BridgePointRequest,
  ChangeClassStatusRequest,
  ClassDetail,
  ClassIdParams,
  ClassListQuery,
  ClassListResponse,
  ClassResultsResponse,
  ClassSessionItem,
  ComputeResultsResponse,
  CreateClassRequest,
  OkResponse,
  ResultsImportQuery,
  ResultsImportResponse,
  ScoresRequest,
  SessionParams,
  SessionRequest,
  UpdateClassRequest,
  UpdateSessionRequest,
} from './classes.schema.ts';
import * as service from './classes.service.ts';
import * as schedule from './schedule.service.ts';
import * as results from './results.service.ts';
import * as resultsExcel from './results-excel.service.ts';
import { XLSX_MIME } from './results-workbook.ts';
import { contentDisposition as attachment } from '../../http/download.ts';

const MB = Math.round(RESULTS_IMPORT_MAX_BYTES / 1024 / 1024);

/** The uploaded file (multipart field "file"); every upload problem becomes a Vietnamese 4xx. */
async function readUpload(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart()) {
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Cần gửi tệp Excel theo kiểu multipart/form-data, trong trường có tên "file".');
  }
  try {
    const part = await req.file();
    if (!part) throw badField('file', 'chưa chọn tệp Excel (.xlsx) để tải lên');
    return await part.toBuffer();
  } catch (err) {
    if (err instanceof AppError) throw err;
    const e = err as { code?: string; statusCode?: number };
    if (e.code === 'FST_REQ_FILE_TOO_LARGE' || e.statusCode === 413) {
      throw new AppError(413, 'PAYLOAD_TOO_LARGE', `Tệp vượt quá ${MB} MB.`, [{ field: 'file', message: `vượt quá ${MB} MB` }]);
    }
    throw badField('file', 'không đọc được tệp gửi lên (dữ liệu tải lên không trọn vẹn); hãy chọn lại tệp và thử lại');
  }
}

const ResultParams = z.object({ id: ClassIdParams.shape.id, enrolmentId: ClassIdParams.shape.id });

export const classesRoutes: FastifyPluginAsyncZod = async (app) => {
  // Multipart only for this module's routes (the plugin is encapsulated here).
  await app.register(multipart, { limits: { fileSize: RESULTS_IMPORT_MAX_BYTES, files: 1, fields: 5, parts: 6, fieldSize: 1024 } });
  const tags = ['Lớp bồi dưỡng'];
  const resultTags = ['Lớp bồi dưỡng — điểm danh và kết quả'];
  const deps = () => ({ db: app.deps.db, clock: app.deps.clock });

  app.get(
    '/api/classes',
    {
      schema: {
        tags,
        summary: 'Danh sách lớp trong phạm vi của người dùng, kèm số đã cử / sức chứa',
        querystring: ClassListQuery,
        response: { 200: ClassListResponse },
      },
    },
    (req) => service.listClasses(deps(), requireActor(req), req.query),
  );
  app.post(
    '/api/classes',
    {
      schema: {
        tags,
        summary: 'Tạo lớp (Bộ Nội vụ, Sở Nội vụ của tỉnh, cơ sở đào tạo cho lớp của mình)',
        body: CreateClassRequest,
        response: { 201: ClassDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createClass(deps(), requireActor(req), req.body, metaOf(req))),
  );
  app.get(
    '/api/classes/:id',
    {
      schema: {
        tags,
        summary: 'Chi tiết lớp: buổi học, xã tham gia, điểm cầu, số lượng, thao tác được phép',
        params: ClassIdParams,
        response: { 200: ClassDetail },
      },
    },
    (req) => service.getClass(deps(), requireActor(req), req.params.id),
  );
  app.patch(
    '/api/classes/:id',
    {
      schema: { tags, summary: 'Sửa lớp (kèm phiên bản)', params: ClassIdParams, body: UpdateClassRequest, response: { 200: ClassDetail } },
    },
    (req) => service.updateClass(deps(), requireActor(req), req.params.id, req.body, metaOf(req)),
  );
  app.post(
    '/api/classes/:id/status',
    {
      schema: {
        tags,
        summary: 'Chuyển trạng thái lớp theo quy trình: dự kiến → nhận cử học → đang học → kết thúc → đóng hồ sơ; hoặc hủy',
        params: ClassIdParams,
        body: ChangeClassStatusRequest,
        response: { 200: ClassDetail },
      },
    },
    (req) => service.changeClassStatus(deps(), requireActor(req), req.params.id, req.body, metaOf(req)),
  );

  app.post(
    '/api/classes/:id/sessions',
    {
      schema: {
        tags,
        summary: 'Thêm buổi học (trong thời gian của lớp)',
        params: ClassIdParams,
        body: SessionRequest,
        response: { 201: ClassSessionItem },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await schedule.addSession(deps(), requireActor(req), req.params.id, req.body, metaOf(req))),
  );
  app.patch(
    '/api/classes/:id/sessions/:sid',
    { schema: { tags, summary: 'Sửa buổi học', params: SessionParams, body: UpdateSessionRequest, response: { 200: ClassSessionItem } } },
    (req) => schedule.updateSession(deps(), requireActor(req), req.params.id, req.params.sid, req.body, metaOf(req)),
  );
  app.delete(
    '/api/classes/:id/sessions/:sid',
    { schema: { tags, summary: 'Xóa buổi học chưa điểm danh', params: SessionParams, response: { 200: OkResponse } } },
    (req) => schedule.deleteSession(deps(), requireActor(req), req.params.id, req.params.sid, metaOf(req)),
  );
  app.post(
    '/api/classes/:id/bridge-points',
    {
      schema: {
        tags,
        summary: 'Thêm điểm cầu (lớp trực tuyến, kết hợp)',
        params: ClassIdParams,
        body: BridgePointRequest,
        response: { 201: BridgePointItem },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await schedule.addBridgePoint(deps(), requireActor(req), req.params.id, req.body, metaOf(req))),
  );
  app.delete(
    '/api/classes/:id/bridge-points/:bid',
    { schema: { tags, summary: 'Xóa điểm cầu chưa có học viên', params: BridgePointParams, response: { 200: OkResponse } } },
    (req) => schedule.deleteBridgePoint(deps(), requireActor(req), req.params.id, req.params.bid, metaOf(req)),
  );

  // ---- attendance and results (the organising training org)
  app.get(
    '/api/classes/:id/results',
    {
      schema: {
        tags: resultTags,
        summary: 'Điểm danh, điểm và kết quả của học viên',
        params: ClassIdParams,
        response: { 200: ClassResultsResponse },
      },
    },
    (req) => results.getResults(deps(), requireActor(req), req.params.id),
  );
  app.put(
    '/api/classes/:id/attendance',
    {
      schema: {
        tags: resultTags,
        summary: 'Điểm danh một buổi học (theo điểm cầu với lớp trực tuyến)',
        params: ClassIdParams,
        body: AttendanceRequest,
        response: { 200: ClassResultsResponse },
      },
    },
    (req) => results.putAttendance(deps(), requireActor(req), req.params.id, req.body, metaOf(req)),
  );
  app.put(
    '/api/classes/:id/scores',
    {
      schema: {
        tags: resultTags,
        summary: 'Nhập điểm bài kiểm tra (0–10)',
        params: ClassIdParams,
        body: ScoresRequest,
        response: { 200: ClassResultsResponse },
      },
    },
    (req) => results.putScores(deps(), requireActor(req), req.params.id, req.body, metaOf(req)),
  );
  app.post(
    '/api/classes/:id/results/compute',
    {
      schema: {
        tags: resultTags,
        summary: 'Tính kết quả hoàn thành / không hoàn thành theo quy định của chương trình',
        params: ClassIdParams,
        response: { 200: ComputeResultsResponse },
      },
    },
    (req) => results.computeResults(deps(), requireActor(req), req.params.id, metaOf(req)),
  );
  app.patch(
    '/api/classes/:id/results/:enrolmentId',
    {
      schema: {
        tags: resultTags,
        summary: 'Sửa kết quả của một học viên (có lý do, ghi nhật ký)',
        params: ResultParams,
        body: UpdateResultRequest,
        response: { 200: ClassResultsResponse },
      },
    },
    (req) => results.updateResult(deps(), requireActor(req), req.params.id, req.params.enrolmentId, req.body, metaOf(req)),
  );
  app.get(
    '/api/classes/:id/results-template.xlsx',
    { schema: { tags: resultTags, summary: 'Tải tệp .xlsx điểm danh và điểm (học viên × buổi học + cột điểm)', params: ClassIdParams } },
    async (req, reply) => {
      const { buffer, fileName } = await resultsExcel.resultsTemplate(deps(), requireActor(req), req.params.id);
      return reply.type(XLSX_MIME).header('content-disposition', attachment(fileName)).send(buffer);
    },
  );
  app.post(
    '/api/classes/:id/results-import',
    {
      schema: {
        tags: resultTags,
        summary: 'Nhập điểm danh và điểm từ .xlsx (trường multipart "file"); dryRun=true chỉ kiểm tra; có lỗi thì không lưu gì',
        params: ClassIdParams,
        querystring: ResultsImportQuery,
        response: { 200: ResultsImportResponse },
      },
    },
    async (req) => {
      const file = await readUpload(req);
      return resultsExcel.importResults(deps(), requireActor(req), req.params.id, { file, dryRun: req.query.dryRun }, metaOf(req));
    },
  );
};
