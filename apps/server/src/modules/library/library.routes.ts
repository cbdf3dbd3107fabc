/** The library (SPEC §11) and the assistant's one route. Thin: parse, call the service, shape the reply. */
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AssistantAskRequest,
  AssistantAskResponse,
  LIBRARY_VIDEO_MAX_BYTES,
  LibraryListQuery,
  LibraryListResponse,
  LibraryMaterialDetail,
  LibraryMaterialInput,
  LibraryMaterialPatch,
  LibraryProgressMineResponse,
  LibraryProgressRequest,
  LibraryQuizRequest,
  LibraryQuizResponse,
  LibraryRecommendationsResponse,
  LibraryReviewRequest,
  LibrarySearchResponse,
} from '@app/shared';
import { metaOf, requireActor } from '../../http/context.ts';
import { AppError, badField } from '../../http/errors.ts';
import { ask } from '../assistant/assistant.service.ts';
import { parseRange } from './library.rules.ts';
import * as service from './library.service.ts';
import { contentDisposition } from '../../http/download.ts';

const IdParams = z.object({ id: z.string().max(64) });
const Ok = z.object({ ok: z.boolean() });
const IdReply = z.object({ id: z.string() });

async function readUpload(req: FastifyRequest, field: 'file' | 'poster'): Promise<{ data: Buffer; fileName: string }> {
  if (!req.isMultipart()) {
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', `Cần gửi tệp theo kiểu multipart/form-data, trong trường có tên "${field}".`);
  }
  try {
    const part = await req.file();
    if (!part) throw badField(field, 'chưa chọn tệp để tải lên');
    return { data: await part.toBuffer(), fileName: part.filename };
  } catch (err) {
    if (err instanceof AppError) throw err;
    const e = err as { code?: string; statusCode?: number };
    if (e.code === 'FST_REQ_FILE_TOO_LARGE' || e.statusCode === 413) {
      const mb = Math.round(LIBRARY_VIDEO_MAX_BYTES / 1024 / 1024);
      throw new AppError(413, 'PAYLOAD_TOO_LARGE', `Tệp vượt quá ${mb} MB.`, [{ field, message: `vượt quá ${mb} MB` }]);
    }
    throw badField(field, 'không đọc được tệp gửi lên (dữ liệu tải lên không trọn vẹn); hãy chọn lại tệp và thử lại');
  }
}

export const libraryRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(multipart, { limits: { fileSize: LIBRARY_VIDEO_MAX_BYTES, files: 1, fields: 5, parts: 6, fieldSize: 1024 } });
  const tags = ['Học liệu số dùng chung'];
  const deps = () => ({ db: app.deps.db, clock: app.deps.clock, config: app.deps.config });

  app.get(
    '/api/library/search',
    {
      schema: {
        tags,
        summary: 'Tìm học liệu đã công bố trong phạm vi người dùng (không phân biệt dấu), có đoạn trích tô sáng',
        querystring: LibraryListQuery,
        response: { 200: LibrarySearchResponse },
      },
    },
    (req) => service.search(deps(), requireActor(req), req.query),
  );
  app.get(
    '/api/library/materials',
    {
      schema: {
        tags,
        summary: 'Danh sách học liệu (kể cả bản nháp với người quản lý, người duyệt)',
        querystring: LibraryListQuery,
        response: { 200: LibraryListResponse },
      },
    },
    (req) => service.listMaterials(deps(), requireActor(req), req.query),
  );
  app.post(
    '/api/library/materials',
    { schema: { tags, summary: 'Tạo học liệu (bản nháp)', body: LibraryMaterialInput, response: { 201: IdReply } } },
    async (req, reply) => reply.status(201).send(await service.createMaterial(deps(), requireActor(req), req.body, metaOf(req))),
  );
  app.get(
    '/api/library/materials/:id',
    {
      schema: {
        tags,
        summary: 'Chi tiết học liệu: các mục, câu hỏi, lịch sử phiên bản, tiến độ tự học của tôi',
        params: IdParams,
        response: { 200: LibraryMaterialDetail },
      },
    },
    (req) => service.getMaterial(deps(), requireActor(req), req.params.id),
  );
  app.patch(
    '/api/library/materials/:id',
    {
      schema: {
        tags,
        summary: 'Sửa học liệu (phiên bản mới, trở lại bản nháp chờ duyệt)',
        params: IdParams,
        body: LibraryMaterialPatch,
        response: { 200: IdReply },
      },
    },
    (req) => service.updateMaterial(deps(), requireActor(req), req.params.id, req.body, metaOf(req)),
  );
  app.post(
    '/api/library/materials/:id/review',
    {
      schema: {
        tags,
        summary: 'Quy trình: duyệt, công bố, trả lại, thu hồi',
        params: IdParams,
        body: LibraryReviewRequest,
        response: { 200: z.object({ id: z.string(), status: z.string() }) },
      },
    },
    (req) => service.review(deps(), requireActor(req), req.params.id, req.body, metaOf(req)),
  );
  for (const kind of ['file', 'poster'] as const) {
    app.post(
      `/api/library/materials/:id/${kind}`,
      {
        schema: {
          tags,
          summary:
            kind === 'file'
              ? 'Tải tệp học liệu (PDF, DOCX, PPTX, MP4; kiểm tra theo nội dung tệp)'
              : 'Tải ảnh đại diện của video (PNG, JPEG)',
          params: IdParams,
          response: { 200: z.object({ id: z.string(), mime: z.string(), sizeBytes: z.number(), textLength: z.number() }) },
        },
      },
      async (req) => service.uploadFile(deps(), requireActor(req), req.params.id, await readUpload(req, kind), kind, metaOf(req)),
    );
    app.get(
      `/api/library/materials/:id/${kind}`,
      { schema: { tags, summary: kind === 'file' ? 'Tệp học liệu (hỗ trợ Range: tua video)' : 'Ảnh đại diện', params: IdParams } },
      async (req, reply) => {
        const f = await service.fileOf(deps(), requireActor(req), req.params.id, kind);
        reply.header('accept-ranges', 'bytes');
        const header = req.headers.range;
        const range = header ? parseRange(header, f.size) : 'ignore';
        if (range === null) {
          reply.header('content-range', `bytes */${f.size}`);
          throw new AppError(416, 'VALIDATION_ERROR', 'Khoảng dữ liệu yêu cầu (Range) nằm ngoài kích thước tệp.');
        }
        // Open the stream (local file or S3 object) before any header: a failing store is a clean 503.
        const body = await f.read(range === 'ignore' ? undefined : range);
        reply.header('content-type', f.mime);
        reply.header('cache-control', 'private, max-age=3600');
        reply.header('content-disposition', contentDisposition(f.fileName, 'inline'));
        if (range === 'ignore') {
          reply.header('content-length', String(f.size));
          return reply.send(body);
        }
        reply.status(206);
        reply.header('content-range', `bytes ${range.start}-${range.end}/${f.size}`);
        reply.header('content-length', String(range.end - range.start + 1));
        return reply.send(body);
      },
    );
  }
  app.post(
    '/api/library/materials/:id/progress',
    {
      schema: {
        tags,
        summary: 'Ghi nhận tự học: mở, tiến độ (vị trí video), hoàn thành',
        params: IdParams,
        body: LibraryProgressRequest,
        response: { 200: Ok },
      },
    },
    (req) => service.recordProgress(deps(), requireActor(req), req.params.id, req.body),
  );
  app.post(
    '/api/library/materials/:id/quiz',
    {
      schema: {
        tags,
        summary: 'Nộp bài trắc nghiệm: điểm, đáp án và giải thích',
        params: IdParams,
        body: LibraryQuizRequest,
        response: { 200: LibraryQuizResponse },
      },
    },
    (req) => service.submitQuiz(deps(), requireActor(req), req.params.id, req.body.answers),
  );
  app.get(
    '/api/library/progress/mine',
    { schema: { tags, summary: 'Tự học của tôi (hiện trong hồ sơ học tập)', response: { 200: LibraryProgressMineResponse } } },
    (req) => service.progressMine(deps(), requireActor(req)),
  );
  app.get(
    '/api/library/recommendations',
    {
      schema: {
        tags,
        summary: '“Thiếu gì học nấy”: học liệu và lớp sắp mở hợp với nhu cầu, vị trí, lĩnh vực, vùng',
        response: { 200: LibraryRecommendationsResponse },
      },
    },
    (req) => service.recommendations(deps(), requireActor(req)),
  );
  app.post(
    '/api/assistant/ask',
    {
      schema: {
        tags: ['Trợ lý ảo'],
        summary: 'Hỏi trợ lý: trả lời bằng các đoạn trích có dẫn nguồn từ văn bản đã công bố',
        body: AssistantAskRequest,
        response: { 200: AssistantAskResponse },
      },
    },
    (req) => ask({ db: app.deps.db }, requireActor(req), req.body.question),
  );
};
