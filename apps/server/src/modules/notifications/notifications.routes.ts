import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotificationIdParams, NotificationListQuery, NotificationListResponse } from '@app/shared';
import { metaOf, requireActor } from '../../http/context.ts';
import { listMine, markAllMineRead, markOneRead } from './notifications.service.ts';

const TAG = ['Thông báo'];
const UnreadResponse = z.object({ unread: z.number().int() });

/** Every signed-in user reads and marks only their own notifications (the scope is the user itself). */
export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/notifications',
    {
      schema: { tags: TAG, summary: 'Thông báo của tôi', querystring: NotificationListQuery, response: { 200: NotificationListResponse } },
    },
    (req) => listMine(app.deps.db, requireActor(req), req.query),
  );
  app.post(
    '/api/notifications/:id/read',
    { schema: { tags: TAG, summary: 'Đánh dấu đã đọc', params: NotificationIdParams, response: { 200: UnreadResponse } } },
    (req) => markOneRead(app.deps.db, requireActor(req), metaOf(req), req.params.id, app.deps.clock.now()),
  );
  app.post(
    '/api/notifications/read-all',
    { schema: { tags: TAG, summary: 'Đánh dấu tất cả đã đọc', response: { 200: UnreadResponse } } },
    (req) => markAllMineRead(app.deps.db, requireActor(req), metaOf(req), app.deps.clock.now()),
  );
};
