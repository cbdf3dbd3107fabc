/** Accounts, sessions and login throttling: all state lives in PostgreSQL (SPEC §13, stateless app servers). */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { communes, provinces, trainingOrgs, units } from './units.ts';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull().unique(),
    fullName: text('full_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    passwordHash: text('password_hash').notNull(),
    role: text('role', {
      enum: ['national_admin', 'province_admin', 'commune_admin', 'unit_head', 'training_org', 'official', 'reviewer'],
    }).notNull(),
    provinceCode: text('province_code').references(() => provinces.code),
    communeCode: text('commune_code').references(() => communes.code),
    unitId: integer('unit_id').references(() => units.id),
    trainingOrgId: integer('training_org_id').references(() => trainingOrgs.id),
    /** Set by the officials registry when an account belongs to an official. */
    officialId: uuid('official_id'),
    active: boolean('active').notNull().default(true),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('users_province_idx').on(t.provinceCode, t.role),
    index('users_commune_idx').on(t.communeCode, t.role),
    index('users_search_idx').using('gin', sql`f_unaccent(lower(${t.username} || ' ' || ${t.fullName})) gin_trgm_ops`),
    check(
      'users_scope_chk',
      sql`(${t.role} <> 'province_admin' or ${t.provinceCode} is not null)
      and (${t.role} not in ('commune_admin','unit_head','official') or ${t.communeCode} is not null)
      and (${t.role} <> 'unit_head' or ${t.unitId} is not null)
      and (${t.role} <> 'training_org' or ${t.trainingOrgId} is not null)`,
    ),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a database leak does not leak live sessions. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/** Failed-login counter per username (lower-cased), shared by every app server. */
export const loginAttempts = pgTable('login_attempts', {
  username: text('username').primaryKey(),
  failures: integer('failures').notNull().default(0),
  firstFailureAt: timestamp('first_failure_at', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorUsername: text('actor_username'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    provinceCode: text('province_code'),
    communeCode: text('commune_code'),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
    requestId: text('request_id'),
  },
  (t) => [
    index('audit_at_idx').on(t.at),
    index('audit_province_at_idx').on(t.provinceCode, t.at),
    index('audit_commune_at_idx').on(t.communeCode, t.at),
    index('audit_entity_idx').on(t.entityType, t.entityId),
  ],
);
