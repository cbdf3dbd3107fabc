/** Learner portal read endpoint. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LearnerOverview } from '@app/shared';
import { requireActor } from '../../http/context.ts';
import * as service from './learner.service.ts';

export const learnerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/learner/overview',
    {
      schema: {
        tags: ['Trang học viên'],
        summary: 'Lớp của tôi (buổi học, kết quả) và việc cần làm: báo cáo kết quả, khảo sát, bài thu hoạch',
        response: { 200: LearnerOverview },
      },
    },
    (req) => service.overview({ db: app.deps.db, clock: app.deps.clock }, requireActor(req)),
  );
};
