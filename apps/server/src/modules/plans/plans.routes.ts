/** HTTP layer of training plans (SPEC §5, §9 P1): parse, call one service function, shape the reply. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { metaOf, requireActor } from '../../http/context.ts';
import {
  CreatePlanRequest,
  PlanDetail,
  PlanDetailQuery,
  PlanIdParams,
  PlanListQuery,
  PlanListResponse,
  UpdatePlanRequest,
} from './plans.schema.ts';
import * as service from './plans.service.ts';

export const plansRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['Kế hoạch bồi dưỡng'];
  const deps = () => ({ db: app.deps.db, clock: app.deps.clock });

  app.get(
    '/api/plans',
    {
      schema: {
        tags,
        summary: 'Kế hoạch trong phạm vi (và kế hoạch cấp trên), kèm chỉ tiêu và kết quả thực hiện so với kế hoạch',
        querystring: PlanListQuery,
        response: { 200: PlanListResponse },
      },
    },
    (req) => service.listPlans(deps(), requireActor(req), req.query),
  );
  app.get(
    '/api/plans/:id',
    {
      schema: {
        tags,
        summary: 'Kế hoạch: chỉ tiêu, thực hiện so với kế hoạch, kế hoạch cấp dưới',
        params: PlanIdParams,
        querystring: PlanDetailQuery,
        response: { 200: PlanDetail },
      },
    },
    (req) => service.getPlan(deps(), requireActor(req), req.params.id, req.query.asOf),
  );
  app.post(
    '/api/plans',
    {
      schema: {
        tags,
        summary: 'Lập kế hoạch (giai đoạn hoặc năm) với chỉ tiêu theo loại chương trình',
        body: CreatePlanRequest,
        response: { 201: PlanDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createPlan(deps(), requireActor(req), req.body, metaOf(req))),
  );
  app.patch(
    '/api/plans/:id',
    {
      schema: {
        tags,
        summary: 'Sửa kế hoạch (chỉ tiêu thay toàn bộ; kèm phiên bản)',
        params: PlanIdParams,
        body: UpdatePlanRequest,
        response: { 200: PlanDetail },
      },
    },
    (req) => service.updatePlan(deps(), requireActor(req), req.params.id, req.body, metaOf(req)),
  );
};
