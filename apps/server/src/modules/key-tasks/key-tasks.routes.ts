/** HTTP routes of the key-task tracker (SPEC §10). Checks are in the service (authz/policy.ts). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateKeyTaskRequest,
  KeyTaskHistory,
  KeyTaskIdParams,
  KeyTaskItem,
  KeyTaskListQuery,
  KeyTaskListResponse,
  KeyTaskProgressRequest,
  UpdateKeyTaskRequest,
} from '@app/shared';
import { z } from 'zod';
import { metaOf, requireActor } from '../../http/context.ts';
import * as service from './key-tasks.service.ts';
import { contentDisposition } from '../../http/download.ts';

export const keyTasksRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['Nhiệm vụ trọng tâm'];
  const deps = () => ({ db: app.deps.db, clock: app.deps.clock });
  app.get(
    '/api/key-tasks',
    {
      schema: {
        tags,
        summary: 'Nhiệm vụ trọng tâm (phụ lục Quyết định 700 và của từng cấp)',
        querystring: KeyTaskListQuery,
        response: { 200: KeyTaskListResponse },
      },
    },
    (req) => service.listTasks(deps(), requireActor(req), req.query),
  );
  app.get(
    '/api/key-tasks/export',
    { schema: { tags, summary: 'Xuất danh mục nhiệm vụ (.xlsx)', querystring: z.object({ scope: z.string().max(40).optional() }) } },
    async (req, reply) => {
      const buf = await service.exportTasks(deps(), requireActor(req), req.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition('nhiệm-vụ-trọng-tâm.xlsx'))
        .send(buf);
    },
  );
  app.post(
    '/api/key-tasks',
    { schema: { tags, summary: 'Thêm nhiệm vụ của cấp mình (đủ "6 rõ")', body: CreateKeyTaskRequest, response: { 201: KeyTaskItem } } },
    async (req, reply) => reply.status(201).send(await service.createTask(deps(), requireActor(req), req.body, metaOf(req))),
  );
  app.patch(
    '/api/key-tasks/:id',
    {
      schema: {
        tags,
        summary: 'Sửa nhiệm vụ (đủ "6 rõ"; kèm phiên bản)',
        params: KeyTaskIdParams,
        body: UpdateKeyTaskRequest,
        response: { 200: KeyTaskItem },
      },
    },
    (req) => service.updateTask(deps(), requireActor(req), req.params.id, req.body, metaOf(req)),
  );
  app.post(
    '/api/key-tasks/:id/progress',
    {
      schema: {
        tags,
        summary: 'Cập nhật trạng thái, tiến độ',
        params: KeyTaskIdParams,
        body: KeyTaskProgressRequest,
        response: { 200: KeyTaskItem },
      },
    },
    (req) => service.updateProgress(deps(), requireActor(req), req.params.id, req.body, metaOf(req)),
  );
  app.get(
    '/api/key-tasks/:id/history',
    { schema: { tags, summary: 'Lịch sử cập nhật', params: KeyTaskIdParams, response: { 200: KeyTaskHistory } } },
    (req) => service.taskHistory(deps(), requireActor(req), req.params.id),
  );
};
