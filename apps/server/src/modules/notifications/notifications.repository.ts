/** All SQL of notifications. */
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { notifications, users } from '../../db/schema/index.ts';
import type { NotificationInput } from './notifications.rules.ts';

export async function insertNotifications(tx: DbOrTx, items: NotificationInput[], at: Date): Promise<number> {
  if (items.length === 0) return 0;
  const ids = [...new Set(items.map((i) => i.userId))];
  const withEmail = new Set(
    (
      await tx
        .select({ id: users.id })
        .from(users)
        .where(and(inArray(users.id, ids), sql`coalesce(${users.email}, '') <> ''`, eq(users.active, true)))
    ).map((r) => r.id),
  );
  const rows = await tx
    .insert(notifications)
    .values(
      items.map((i) => ({
        userId: i.userId,
        kind: i.kind,
        title: i.title,
        body: i.body ?? null,
        link: i.link ?? null,
        dedupeKey: i.dedupeKey ?? null,
        createdAt: at,
        emailStatus: withEmail.has(i.userId) ? ('pending' as const) : ('none' as const),
      })),
    )
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return rows.length;
}

export async function activeUserIdsOfOfficials(tx: DbOrTx, officialIds: string[]): Promise<Map<string, string>> {
  if (officialIds.length === 0) return new Map();
  const rows = await tx
    .select({ officialId: users.officialId, userId: users.id })
    .from(users)
    .where(and(inArray(users.officialId, officialIds), eq(users.active, true)));
  return new Map(rows.filter((r) => r.officialId).map((r) => [r.officialId!, r.userId]));
}

export async function listForUser(tx: DbOrTx, userId: string, unreadOnly: boolean, limit: number) {
  return tx
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), unreadOnly ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}

export async function unreadCount(tx: DbOrTx, userId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks one of the user's notifications read; null when it is not the user's (or does not exist). */
export async function markRead(tx: DbOrTx, userId: string, id: number, at: Date): Promise<{ id: number; wasUnread: boolean } | null> {
  const [row] = await tx
    .select({ id: notifications.id, readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  if (!row) return null;
  if (!row.readAt) await tx.update(notifications).set({ readAt: at }).where(eq(notifications.id, id));
  return { id: row.id, wasUnread: !row.readAt };
}

export async function markAllRead(tx: DbOrTx, userId: string, at: Date): Promise<number> {
  const rows = await tx
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

/** Claims up to `limit` pending e-mails created after `since` (SKIP LOCKED: several servers may send). */
export async function claimPendingEmails(tx: DbOrTx, since: Date, limit: number) {
  const res = await tx.execute<{
    id: number;
    title: string;
    body: string | null;
    link: string | null;
    email: string;
    attempts: number;
  }>(sql`
    update notifications n set email_attempts = n.email_attempts + 1, email_status = 'sending'
    from users u
    where n.id in (
      select id from notifications
      where email_status = 'pending' and created_at >= ${since}
      order by created_at limit ${limit} for update skip locked)
      and u.id = n.user_id
    returning n.id, n.title, n.body, n.link, u.email, n.email_attempts as attempts`);
  return res.rows;
}

export async function setEmailStatus(tx: DbOrTx, id: number, status: 'pending' | 'sent' | 'failed'): Promise<void> {
  await tx.update(notifications).set({ emailStatus: status }).where(eq(notifications.id, id));
}
