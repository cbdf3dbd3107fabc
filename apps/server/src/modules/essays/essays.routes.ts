/** Essays (bài thu hoạch): submit, read, review (tags, proposal flag), export proposals. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EssayFields, EssayItem, EssayListQuery, EssayListResponse, ReviewEssayRequest } from '@app/shared';
import { metaOf, requireActor } from '../../http/context.ts';
import { contentDisposition as attachment } from '../../http/download.ts';
import { parseFields, readForm, registerUploads } from '../../http/upload.ts';
import { LEARNER_UPLOAD } from '../learner/multipart.ts';
import * as service from './essays.service.ts';

const IdParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const essaysRoutes: FastifyPluginAsyncZod = async (app) => {
  await registerUploads(app, LEARNER_UPLOAD);
  const tags = ['Bài thu hoạch'];
  const deps = () => ({ db: app.deps.db, clock: app.deps.clock });

  app.post(
    '/api/essays',
    {
      schema: {
        tags,
        summary: 'Học viên nộp bài thu hoạch (một bài mỗi lượt học); multipart: EssayFields và tệp "file" (PDF/DOCX ≤ 5 MB)',
        response: { 201: EssayItem },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { fields, file } = await readForm(req, LEARNER_UPLOAD);
      return reply.status(201).send(await service.submit(deps(), actor, parseFields(EssayFields, fields), file, metaOf(req)));
    },
  );
  app.get(
    '/api/essays',
    {
      schema: {
        tags,
        summary: 'Bài thu hoạch trong phạm vi (người đọc của tỉnh); học viên: bài của mình',
        querystring: EssayListQuery,
        response: { 200: EssayListResponse },
      },
    },
    (req) => service.listEssays(deps(), requireActor(req), req.query),
  );
  app.get('/api/essays/proposals.xlsx', { schema: { tags, summary: 'Xuất các đề xuất từ bài thu hoạch ra Excel' } }, async (req, reply) => {
    const buf = await service.exportProposals(deps(), requireActor(req));
    return reply.header('content-type', XLSX).header('content-disposition', attachment('de-xuat-bai-thu-hoach.xlsx')).send(buf);
  });
  app.get(
    '/api/essays/topics/:id',
    {
      schema: {
        tags,
        summary: 'Chuyên đề của lớp ứng với lượt học (id = lượt cử đi học) để học viên chọn',
        params: IdParams,
        response: { 200: z.object({ topics: z.array(z.string()), requiresEssay: z.boolean() }) },
      },
    },
    (req) => service.classTopicsForLearner(deps(), requireActor(req), req.params.id),
  );
  app.get('/api/essays/:id', { schema: { tags, summary: 'Một bài thu hoạch', params: IdParams, response: { 200: EssayItem } } }, (req) =>
    service.getEssay(deps(), requireActor(req), req.params.id),
  );
  app.get('/api/essays/:id/file', { schema: { tags, summary: 'Tải tệp bài thu hoạch', params: IdParams } }, async (req, reply) => {
    const f = await service.getFile(deps(), requireActor(req), req.params.id);
    return reply
      .header('content-type', f.mime)
      .header('content-disposition', attachment(f.fileName))
      .header('x-content-type-options', 'nosniff')
      .send(f.content);
  });
  app.post(
    '/api/essays/:id/review',
    {
      schema: {
        tags,
        summary: 'Người đọc gắn nhãn, đánh dấu đề xuất, ghi chú',
        params: IdParams,
        body: ReviewEssayRequest,
        response: { 200: EssayItem },
      },
    },
    (req) => service.review(deps(), requireActor(req), req.params.id, req.body, metaOf(req)),
  );
};
