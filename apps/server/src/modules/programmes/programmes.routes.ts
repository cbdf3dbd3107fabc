/** HTTP layer of the programme catalogue (SPEC §5): parse, call one service function, shape the reply. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { metaOf, requireActor } from '../../http/context.ts';
import {
  CreateProgrammeRequest,
  ProgrammeDetail,
  ProgrammeIdParams,
  ProgrammeListQuery,
  ProgrammeListResponse,
  ProgrammeStatusRequest,
  UpdateProgrammeRequest,
} from './programmes.schema.ts';
import * as service from './programmes.service.ts';

export const programmesRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['Chương trình bồi dưỡng'];
  const deps = () => ({ db: app.deps.db, clock: app.deps.clock });

  app.get(
    '/api/programmes',
    {
      schema: {
        tags,
        summary: 'Danh mục chương trình (đã phê duyệt: mọi người; dự thảo: cơ quan chủ quản), kèm cảnh báo tỷ lệ thực hành',
        querystring: ProgrammeListQuery,
        response: { 200: ProgrammeListResponse },
      },
    },
    (req) => service.listProgrammes(deps(), requireActor(req), req.query),
  );
  app.get(
    '/api/programmes/:id',
    { schema: { tags, summary: 'Chương trình và lịch sử phiên bản', params: ProgrammeIdParams, response: { 200: ProgrammeDetail } } },
    (req) => service.getProgramme(deps(), requireActor(req), req.params.id),
  );
  app.post(
    '/api/programmes',
    {
      schema: {
        tags,
        summary: 'Thêm chương trình (dự thảo); cảnh báo trả trong warnings',
        body: CreateProgrammeRequest,
        response: { 201: ProgrammeDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createProgramme(deps(), requireActor(req), req.body, metaOf(req))),
  );
  app.patch(
    '/api/programmes/:id',
    {
      schema: {
        tags,
        summary: 'Sửa chương trình: dự thảo sửa tại chỗ (200); đã phê duyệt thì tạo phiên bản dự thảo mới (201), bản cũ giữ nguyên',
        params: ProgrammeIdParams,
        body: UpdateProgrammeRequest,
        response: { 200: ProgrammeDetail, 201: ProgrammeDetail },
      },
    },
    async (req, reply) => {
      const { detail, newVersion } = await service.updateProgramme(deps(), requireActor(req), req.params.id, req.body, metaOf(req));
      return reply.status(newVersion ? 201 : 200).send(detail);
    },
  );
  app.post(
    '/api/programmes/:id/approve',
    {
      schema: {
        tags,
        summary: 'Phê duyệt bản dự thảo (phiên bản đã phê duyệt trước đó chuyển sang ngừng sử dụng)',
        params: ProgrammeIdParams,
        body: ProgrammeStatusRequest,
        response: { 200: ProgrammeDetail },
      },
    },
    (req) => service.changeProgrammeStatus(deps(), requireActor(req), req.params.id, 'approve', req.body.version, metaOf(req)),
  );
  app.post(
    '/api/programmes/:id/retire',
    {
      schema: {
        tags,
        summary: 'Ngừng sử dụng chương trình đã phê duyệt',
        params: ProgrammeIdParams,
        body: ProgrammeStatusRequest,
        response: { 200: ProgrammeDetail },
      },
    },
    (req) => service.changeProgrammeStatus(deps(), requireActor(req), req.params.id, 'retire', req.body.version, metaOf(req)),
  );
};
