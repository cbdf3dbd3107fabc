/** Mentoring pairs (SPEC §12). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreateMentoringPairRequest, MentoringEntryRequest, MentoringPairItem, MentoringPairListResponse } from '@app/shared';
import { metaOf, requireActor } from '../../http/context.ts';
import * as service from './mentoring.service.ts';

const IdParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
const ListQuery = z.object({ officialId: z.string().uuid('mã hồ sơ không hợp lệ').optional() });

export const mentoringRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['Kèm cặp, hướng dẫn'];
  const deps = () => ({ db: app.deps.db, clock: app.deps.clock });
  app.get(
    '/api/mentoring/pairs',
    { schema: { tags, summary: 'Các cặp kèm cặp trong phạm vi', querystring: ListQuery, response: { 200: MentoringPairListResponse } } },
    (req) => service.listPairs(deps(), requireActor(req), req.query),
  );
  app.get(
    '/api/mentoring/mine',
    { schema: { tags, summary: 'Các cặp kèm cặp của tôi', response: { 200: MentoringPairListResponse } } },
    (req) => service.minePairs(deps(), requireActor(req)),
  );
  app.post(
    '/api/mentoring/pairs',
    {
      schema: { tags, summary: 'Quản trị cấp xã lập cặp kèm cặp', body: CreateMentoringPairRequest, response: { 201: MentoringPairItem } },
    },
    async (req, reply) => reply.status(201).send(await service.createPair(deps(), requireActor(req), req.body, metaOf(req))),
  );
  app.get(
    '/api/mentoring/pairs/:id',
    { schema: { tags, summary: 'Một cặp kèm cặp', params: IdParams, response: { 200: MentoringPairItem } } },
    (req) => service.getPair(deps(), requireActor(req), req.params.id),
  );
  app.post(
    '/api/mentoring/pairs/:id/entries',
    {
      schema: {
        tags,
        summary: 'Ghi mục tiêu hoặc buổi gặp',
        params: IdParams,
        body: MentoringEntryRequest,
        response: { 201: MentoringPairItem },
      },
    },
    async (req, reply) => reply.status(201).send(await service.addEntry(deps(), requireActor(req), req.params.id, req.body, metaOf(req))),
  );
  app.post(
    '/api/mentoring/pairs/:id/end',
    {
      schema: {
        tags,
        summary: 'Kết thúc cặp kèm cặp',
        params: IdParams,
        body: z.object({ version: z.number().int().min(1) }).strict(),
        response: { 200: MentoringPairItem },
      },
    },
    (req) => service.endPair(deps(), requireActor(req), req.params.id, req.body.version, metaOf(req)),
  );
};
