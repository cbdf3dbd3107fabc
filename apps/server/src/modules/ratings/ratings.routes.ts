/** Annual quality ratings (SPEC §8). Thin: parse, call one service function, shape the reply. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { RatingListQuery, RatingListResponse, UpsertRatingRequest, UpsertRatingResponse } from '@app/shared';
import { metaOf, requireActor } from '../../http/context.ts';
import * as service from './ratings.service.ts';

export const ratingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['Xếp loại chất lượng hằng năm'];
  const deps = () => ({ db: app.deps.db, clock: app.deps.clock });
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
