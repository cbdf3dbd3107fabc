/** In-app notifications (with an optional e-mail copy) and the bookkeeping of scheduled jobs. */
import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';

export const notifications = pgTable(
  'notifications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    /** An in-app path such as /lop-cua-toi/12 (never an external URL). */
    link: text('link'),
    /** Makes scheduled reminders idempotent: one notification per (user, key). */
    dedupeKey: text('dedupe_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** none: no e-mail wanted or possible; pending: waiting for the mail job; sending: claimed by one server; sent; failed (after retries). */
    emailStatus: text('email_status', { enum: ['none', 'pending', 'sending', 'sent', 'failed'] })
      .notNull()
      .default('none'),
    emailAttempts: integer('email_attempts').notNull().default(0),
  },
  (t) => [
    uniqueIndex('notifications_dedupe_uq').on(t.userId, t.dedupeKey).where(sql`${t.dedupeKey} is not null`),
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_email_pending_idx').on(t.createdAt).where(sql`${t.emailStatus} = 'pending'`),
  ],
);

/** One row per scheduled job: claimed atomically so that only one app server runs a job at a time. */
export const scheduledJobRuns = pgTable('scheduled_job_runs', {
  name: text('name').primaryKey(),
  lastStartedAt: timestamp('last_started_at', { withTimezone: true }),
  lastFinishedAt: timestamp('last_finished_at', { withTimezone: true }),
  lastError: text('last_error'),
});
