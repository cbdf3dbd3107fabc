/** Effect analysis (issue 5 item 7). Thin: parse, call the service. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EffectsQuery, EffectsResponse } from '@app/shared';
import { requireActor } from '../../http/context.ts';
import * as service from './effects.service.ts';

export const effectsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/effects',
    {
      schema: {
        tags: ['Phân tích tác động của bồi dưỡng'],
        summary: 'Thay đổi điểm xếp loại của người đã học so với nhóm tương đồng chưa học, theo chương trình hoặc cơ sở đào tạo',
        querystring: EffectsQuery,
        response: { 200: EffectsResponse },
      },
    },
    (req) => service.effects({ db: app.deps.db, clock: app.deps.clock }, requireActor(req), req.query),
  );
};
