/** Self-reports (SPEC §7): thin routes — parse, call one service function, shape the reply. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  OverdueSelfReportsResponse,
  ReviewSelfReportRequest,
  SelfReportFields,
  SelfReportItem,
  SelfReportListQuery,
  SelfReportListResponse,
} from '@app/shared';
import { metaOf, requireActor } from '../../http/context.ts';
import { contentDisposition as attachment } from '../../http/download.ts';
import { parseFields, readForm, registerUploads } from '../../http/upload.ts';
import { LEARNER_UPLOAD } from '../learner/multipart.ts';
import * as service from './self-reports.service.ts';

const IdParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
const OverdueQuery = z.object({
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'phải có dạng YYYY-MM-DD')
    .optional(),
});

export const selfReportsRoutes: FastifyPluginAsyncZod = async (app) => {
  await registerUploads(app, LEARNER_UPLOAD);
  const tags = ['Báo cáo kết quả học tập'];
  const deps = () => ({ db: app.deps.db, clock: app.deps.clock });

  app.post(
    '/api/self-reports',
    {
      schema: {
        tags,
        summary:
          'Học viên nộp (hoặc nộp lại) báo cáo kết quả của một lượt học; multipart: các trường của SelfReportFields và tệp "file" (PDF/JPG/PNG ≤ 5 MB)',
        response: { 201: SelfReportItem },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { fields, file } = await readForm(req, LEARNER_UPLOAD);
      const body = parseFields(SelfReportFields, fields);
      return reply.status(201).send(await service.submit(deps(), actor, body, file, metaOf(req)));
    },
  );
  app.get(
    '/api/self-reports',
    {
      schema: {
        tags,
        summary: 'Báo cáo kết quả trong phạm vi (xã; đơn vị với trưởng đơn vị)',
        querystring: SelfReportListQuery,
        response: { 200: SelfReportListResponse },
      },
    },
    (req) => service.listReports(deps(), requireActor(req), req.query),
  );
  app.get(
    '/api/self-reports/overdue',
    {
      schema: {
        tags,
        summary: 'Học viên quá hạn nộp báo cáo kết quả trong phạm vi',
        querystring: OverdueQuery,
        response: { 200: OverdueSelfReportsResponse },
      },
    },
    (req) => service.listOverdue(deps(), requireActor(req), req.query.asOf),
  );
  app.get(
    '/api/self-reports/:id',
    { schema: { tags, summary: 'Một báo cáo kết quả', params: IdParams, response: { 200: SelfReportItem } } },
    (req) => service.getReport(deps(), requireActor(req), req.params.id),
  );
  app.get('/api/self-reports/:id/scan', { schema: { tags, summary: 'Tải bản chụp đính kèm', params: IdParams } }, async (req, reply) => {
    const f = await service.getScan(deps(), requireActor(req), req.params.id);
    return reply
      .header('content-type', f.mime)
      .header('content-disposition', attachment(f.fileName))
      .header('x-content-type-options', 'nosniff')
      .send(f.content);
  });
  app.post(
    '/api/self-reports/:id/review',
    {
      schema: {
        tags,
        summary: 'Xác nhận hoặc trả lại báo cáo (quản trị cấp xã; trưởng đơn vị với người của đơn vị mình)',
        params: IdParams,
        body: ReviewSelfReportRequest,
        response: { 200: SelfReportItem },
      },
    },
    (req) => service.reviewReport(deps(), requireActor(req), req.params.id, req.body, metaOf(req)),
  );
};
