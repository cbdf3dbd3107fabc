import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { metaOf, requireActor } from '../../http/context.ts';
import { CreatePositionRequest, PositionIdParams, PositionItem, PositionListQuery, PositionListResponse, UpdatePositionRequest } from './positions.schema.ts';
import * as service from './positions.service.ts';

export const positionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['Vị trí việc làm'];
  const deps = () => ({ db: app.deps.db, clock: app.deps.clock });
  app.get(
    '/api/positions',
    { schema: { tags, summary: 'Vị trí việc làm dùng được trong phạm vi (quốc gia, tỉnh, xã)', querystring: PositionListQuery, response: { 200: PositionListResponse } } },
    (req) => service.listPositions(app.deps.db, requireActor(req), req.query.commune),
  );
  app.post('/api/positions', { schema: { tags, summary: 'Thêm vị trí việc làm', body: CreatePositionRequest, response: { 201: PositionItem } } }, async (req, reply) =>
    reply.status(201).send(await service.createPosition(deps(), requireActor(req), req.body, metaOf(req))),
  );
  app.patch(
    '/api/positions/:id',
    { schema: { tags, summary: 'Sửa vị trí việc làm', params: PositionIdParams, body: UpdatePositionRequest, response: { 200: PositionItem } } },
    (req) => service.updatePosition(deps(), requireActor(req), req.params.id, req.body, metaOf(req)),
  );
};
