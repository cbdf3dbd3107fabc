import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/context.ts';
import { AuditListQuery, AuditListResponse } from './audit.schema.ts';
import { listAudit } from './audit.service.ts';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    { schema: { tags: ['Nhật ký hệ thống'], summary: 'Nhật ký thay đổi trong phạm vi', querystring: AuditListQuery, response: { 200: AuditListResponse } } },
    (req) => listAudit(app.deps.db, requireActor(req), req.query),
  );
};
