/** Course survey (SPEC §7): answer once per class; read aggregates. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SurveyAnswerRequest, SurveySummary } from '@app/shared';
import { metaOf, requireActor } from '../../http/context.ts';
import * as service from './surveys.service.ts';

const ClassParams = z.object({ classId: z.coerce.number().int().min(1).max(2_147_483_647) });

export const surveysRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['Khảo sát khóa học'];
  const deps = () => ({ db: app.deps.db, clock: app.deps.clock });
  app.post(
    '/api/surveys/classes/:classId',
    {
      schema: {
        tags,
        summary: 'Học viên trả lời phiếu khảo sát của lớp (một lần; câu trả lời không gắn với người trả lời)',
        params: ClassParams,
        body: SurveyAnswerRequest,
        response: { 201: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.answer(deps(), requireActor(req), req.params.classId, req.body, metaOf(req))),
  );
  app.get(
    '/api/surveys/classes/:classId/summary',
    {
      schema: {
        tags,
        summary: 'Tổng hợp khảo sát của lớp (chỉ khi có từ 5 phiếu trở lên)',
        params: ClassParams,
        response: { 200: SurveySummary },
      },
    },
    (req) => service.summary(deps(), requireActor(req), req.params.classId),
  );
};
