/** HTTP layer of the instructor and speaker pool (SPEC §12): parse, call one service function, shape the reply. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { metaOf, requireActor } from '../../http/context.ts';
import {
  CreateInstructorRequest,
  InstructorDetail,
  InstructorIdParams,
  InstructorListQuery,
  InstructorListResponse,
  UpdateInstructorRequest,
} from './instructors.schema.ts';
import * as service from './instructors.service.ts';

export const instructorsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['Giảng viên, báo cáo viên'];
  const deps = () => ({ db: app.deps.db, clock: app.deps.clock });

  app.get(
    '/api/instructors',
    {
      schema: {
        tags,
        summary: 'Danh sách giảng viên, báo cáo viên (tìm không dấu, lọc theo lĩnh vực, cơ sở đào tạo)',
        querystring: InstructorListQuery,
        response: { 200: InstructorListResponse },
      },
    },
    (req) => service.listInstructors(deps(), requireActor(req), req.query),
  );
  app.get(
    '/api/instructors/:id',
    {
      schema: {
        tags,
        summary: 'Giảng viên, báo cáo viên và các buổi đã giảng',
        params: InstructorIdParams,
        response: { 200: InstructorDetail },
      },
    },
    (req) => service.getInstructor(deps(), requireActor(req), req.params.id),
  );
  app.post(
    '/api/instructors',
    { schema: { tags, summary: 'Thêm giảng viên, báo cáo viên', body: CreateInstructorRequest, response: { 201: InstructorDetail } } },
    async (req, reply) => reply.status(201).send(await service.createInstructor(deps(), requireActor(req), req.body, metaOf(req))),
  );
  app.patch(
    '/api/instructors/:id',
    {
      schema: {
        tags,
        summary: 'Sửa giảng viên, báo cáo viên (kèm phiên bản)',
        params: InstructorIdParams,
        body: UpdateInstructorRequest,
        response: { 200: InstructorDetail },
      },
    },
    (req) => service.updateInstructor(deps(), requireActor(req), req.params.id, req.body, metaOf(req)),
  );
};
