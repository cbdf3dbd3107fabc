/** SPEC §4: training needs per official, proposed by rules and decided by admins. */
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { officials } from './officials.ts';

export const trainingNeeds = pgTable(
  'training_needs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    officialId: uuid('official_id')
      .notNull()
      .references(() => officials.id),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code').notNull(),
    phase: integer('phase').notNull(),
    programmeType: text('programme_type').notNull(),
    /** Training field for professional/skills courses; '' when not applicable. */
    field: text('field').notNull().default(''),
    /** Which rule proposed it (rule1…rule4) or 'manual'. */
    source: text('source').notNull(),
    status: text('status', { enum: ['proposed', 'confirmed', 'dropped'] }).notNull().default('proposed'),
    /** 1 = most urgent. */
    priority: integer('priority').notNull(),
    reason: text('reason').notNull(),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('needs_uq').on(t.officialId, t.phase, t.programmeType, t.field),
    index('needs_commune_idx').on(t.communeCode, t.phase, t.status),
    index('needs_province_idx').on(t.provinceCode, t.phase, t.status),
    index('needs_priority_idx').on(t.communeCode, t.priority).where(sql`${t.status} <> 'dropped'`),
  ],
);
