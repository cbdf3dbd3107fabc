import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HealthResponse } from '@app/shared';
import { AppError } from '../../http/errors.ts';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/health', { schema: { tags: ['Hệ thống'], summary: 'Tình trạng máy chủ', response: { 200: HealthResponse } } }, async () => {
    try {
      await app.deps.db.execute(sql`select 1`);
    } catch {
      throw new AppError(503, 'INTERNAL', 'Cơ sở dữ liệu chưa sẵn sàng.');
    }
    return { status: 'ok' as const, database: 'ok' as const, today: app.deps.clock.today(), version: '0.1.0' };
  });
};
