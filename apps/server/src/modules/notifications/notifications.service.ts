/**
 * Notifications: other modules (reminder jobs, workflows) call `notify` inside their own
 * transaction; each user reads and marks only their own notifications. An e-mail copy is queued
 * for users with an e-mail address and sent by the mail job when SMTP is configured.
 */
import type { NotificationItem, NotificationListResponse } from '@app/shared';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../authz/policy.ts';
import { notFound } from '../../http/errors.ts';
import { recordChange, type RequestMeta } from '../audit/audit.service.ts';
import * as repo from './notifications.repository.ts';
import { cleanNotification, type NotificationInput } from './notifications.rules.ts';

export type { NotificationInput } from './notifications.rules.ts';

/** Creates notifications; a (userId, dedupeKey) already notified is skipped. Returns how many were new. */
export async function notify(tx: DbOrTx, items: NotificationInput[], at: Date): Promise<number> {
  return repo.insertNotifications(tx, items.map(cleanNotification), at);
}

/** officialId → userId of the official's active account (officials without an account are absent). */
export function userIdsOfOfficials(tx: DbOrTx, officialIds: string[]): Promise<Map<string, string>> {
  return repo.activeUserIdsOfOfficials(tx, [...new Set(officialIds)]);
}

const toItem = (r: Awaited<ReturnType<typeof repo.listForUser>>[number]): NotificationItem => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  link: r.link,
  createdAt: r.createdAt.toISOString(),
  readAt: r.readAt ? r.readAt.toISOString() : null,
});

export async function listMine(db: Db, actor: Actor, q: { unreadOnly: boolean; limit: number }): Promise<NotificationListResponse> {
  const [rows, unread] = await Promise.all([repo.listForUser(db, actor.id, q.unreadOnly, q.limit), repo.unreadCount(db, actor.id)]);
  return { items: rows.map(toItem), unread };
}

/** Marks one notification read. Another user's notification answers 404 (it is not in the caller's scope). */
export async function markOneRead(db: Db, actor: Actor, meta: RequestMeta, id: number, at: Date): Promise<{ unread: number }> {
  return db.transaction(async (tx) => {
    const done = await repo.markRead(tx, actor.id, id, at);
    if (!done) throw notFound('Không tìm thấy thông báo');
    if (done.wasUnread) {
      await recordChange(tx, actor, meta, { action: 'notification.read', entityType: 'notification', entityId: id, after: { readAt: at } });
    }
    return { unread: await repo.unreadCount(tx, actor.id) };
  });
}

export async function markAllMineRead(db: Db, actor: Actor, meta: RequestMeta, at: Date): Promise<{ unread: number; marked: number }> {
  return db.transaction(async (tx) => {
    const marked = await repo.markAllRead(tx, actor.id, at);
    if (marked > 0) {
      await recordChange(tx, actor, meta, { action: 'notification.readAll', entityType: 'notification', after: { marked } });
    }
    return { unread: 0, marked };
  });
}
