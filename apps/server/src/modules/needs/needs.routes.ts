import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { metaOf, requireActor } from '../../http/context.ts';
import {
  CreateNeedRequest,
  DecideNeedRequest,
  MyNeedsQuery,
  MyNeedsResponse,
  NeedIdParams,
  NeedItem,
  NeedsListQuery,
  NeedsListResponse,
  ReviewNeedsQuery,
  ReviewNeedsResponse,
  UrgentQuery,
  UrgentResponse,
  WarningsQuery,
  WarningsResponse,
} from './needs.schema.ts';
import * as service from './needs.service.ts';
import * as lists from './warnings.service.ts';

export const needsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['Nhu cầu bồi dưỡng'];
  const deps = () => ({ db: app.deps.db, clock: app.deps.clock });

  app.get(
    '/api/needs',
    {
      schema: {
        tags,
        summary: 'Sổ nhu cầu của một xã (scope=commune:<mã>) hoặc tổng hợp của tỉnh/toàn quốc (scope=province:<mã>|nation)',
        querystring: NeedsListQuery,
        response: { 200: NeedsListResponse },
      },
    },
    (req) => service.listNeeds(deps(), requireActor(req), req.query),
  );
  app.post(
    '/api/needs/review',
    {
      schema: {
        tags,
        summary: 'Rà soát nhu cầu: chạy quy tắc cho mọi CBCC đang công tác của xã',
        querystring: ReviewNeedsQuery,
        response: { 200: ReviewNeedsResponse },
      },
    },
    (req) => service.reviewNeeds(deps(), requireActor(req), req.query, metaOf(req)),
  );
  app.post(
    '/api/needs',
    { schema: { tags, summary: 'Thêm nhu cầu thủ công (đã xác nhận)', body: CreateNeedRequest, response: { 201: NeedItem } } },
    async (req, reply) => reply.status(201).send(await service.createNeed(deps(), requireActor(req), req.body, metaOf(req))),
  );
  app.patch(
    '/api/needs/:id',
    {
      schema: {
        tags,
        summary: 'Xác nhận hoặc loại nhu cầu (loại phải có lý do; kèm phiên bản)',
        params: NeedIdParams,
        body: DecideNeedRequest,
        response: { 200: NeedItem },
      },
    },
    (req) => service.decideNeed(deps(), requireActor(req), req.params.id, req.body, metaOf(req)),
  );
  app.get(
    '/api/needs/mine',
    {
      schema: {
        tags,
        summary: 'Nhu cầu bồi dưỡng của chính mình (học viên)',
        querystring: MyNeedsQuery,
        response: { 200: MyNeedsResponse },
      },
    },
    (req) => service.myNeeds(deps(), requireActor(req), req.query.phase),
  );
  app.get(
    '/api/needs/urgent',
    {
      schema: {
        tags,
        summary: 'Cần bồi dưỡng ngay: chưa đạt chuẩn VTVL, chưa được cử đi học (chịu tác động sắp xếp trước)',
        querystring: UrgentQuery,
        response: { 200: UrgentResponse },
      },
    },
    (req) => lists.urgentList(deps(), requireActor(req), req.query),
  );
  app.get(
    '/api/needs/warnings',
    {
      schema: {
        tags,
        summary: 'Cảnh báo thiếu chuẩn VTVL (xã hoặc tỉnh; theo loại, phân trang)',
        querystring: WarningsQuery,
        response: { 200: WarningsResponse },
      },
    },
    (req) => lists.warnings(deps(), requireActor(req), req.query),
  );
};
