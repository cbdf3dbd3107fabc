/** Warnings route (SPEC §9). Thin: parse, check scope in the service, reply. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { WarningsListQuery, WarningsListResponse } from '@app/shared';
import { requireActor } from '../../http/context.ts';
import * as service from './warnings.service.ts';

export const warningsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/warnings',
    {
      schema: {
        tags: ['Cảnh báo'],
        summary: 'Danh sách cảnh báo của một phạm vi (mặc định: phạm vi của người dùng)',
        querystring: WarningsListQuery,
        response: { 200: WarningsListResponse },
      },
    },
    async (req) => service.listWarnings({ db: app.deps.db, clock: app.deps.clock }, requireActor(req), req.query.scope),
  );
};
