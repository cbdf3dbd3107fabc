/** Annual quality ratings (SPEC §8). Thin: parse, call one service function, shape the reply. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  RATING_IMPORT_MAX_BYTES,
  RatingImportQuery,
  RatingImportResponse,
  RatingListQuery,
  RatingListResponse,
  RatingTemplateQuery,
  UpsertRatingRequest,
  UpsertRatingResponse,
} from '@app/shared';
import { metaOf, requireActor } from '../../http/context.ts';
import { contentDisposition } from '../../http/download.ts';
import { readFile, registerUploads, type FileOptions } from '../../http/upload.ts';
import { FILE_KIND_MIME } from '../../http/upload.rules.ts';
import { importRatings, ratingsTemplate } from './ratings-import.service.ts';
import * as service from './ratings.service.ts';

const UPLOAD: FileOptions = {
  maxBytes: RATING_IMPORT_MAX_BYTES,
  maxFields: 5,
  fieldSize: 1024,
  accept: ['xlsx'],
  notMultipart: 'Cần gửi tệp Excel theo kiểu multipart/form-data, trong trường có tên "file".',
  missing: 'chưa chọn tệp Excel (.xlsx) để tải lên',
};

export const ratingsRoutes: FastifyPluginAsyncZod = async (app) => {
  await registerUploads(app, UPLOAD);
  const tags = ['Xếp loại chất lượng hằng năm'];
  const deps = () => ({ db: app.deps.db, clock: app.deps.clock });
  app.get(
    '/api/ratings/template.xlsx',
    {
      schema: {
        tags,
        summary: 'Tải tệp mẫu .xlsx xếp loại năm: danh sách cán bộ, công chức của xã (điền sẵn xếp loại đã có), hướng dẫn',
        querystring: RatingTemplateQuery,
      },
    },
    async (req, reply) => {
      const { buffer, fileName } = await ratingsTemplate(deps(), requireActor(req), req.query);
      return reply.header('content-type', FILE_KIND_MIME.xlsx).header('content-disposition', contentDisposition(fileName)).send(buffer);
    },
  );
  app.post(
    '/api/ratings/import',
    {
      schema: {
        tags,
        summary:
          'Nhập xếp loại năm từ .xlsx (trường multipart "file"): kiểm tra mọi dòng trước, có dòng sai thì không lưu gì; dryRun=true chỉ kiểm tra',
        querystring: RatingImportQuery,
        response: { 200: RatingImportResponse },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const file = await readFile(req, UPLOAD);
      return importRatings(deps(), actor, { file: file.content, dryRun: req.query.dryRun }, metaOf(req));
    },
  );
  app.get(
    '/api/ratings',
    {
      schema: {
        tags,
        summary: 'Xếp loại chất lượng trong phạm vi, kèm kết quả đánh giá sau bồi dưỡng và cảnh báo tỷ lệ 20%',
        querystring: RatingListQuery,
        response: { 200: RatingListResponse },
      },
    },
    (req) => service.listRatings(deps(), requireActor(req), req.query),
  );
  app.put(
    '/api/ratings',
    {
      schema: {
        tags,
        summary: 'Ghi (hoặc sửa) xếp loại năm của một công chức; mức xếp loại do hệ thống tính',
        body: UpsertRatingRequest,
        response: { 200: UpsertRatingResponse },
      },
    },
    (req) => service.upsertRating(deps(), requireActor(req), req.body, metaOf(req)),
  );
};
