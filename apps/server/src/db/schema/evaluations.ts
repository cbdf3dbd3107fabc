/**
 * SPEC §8: post-training effectiveness evaluations (one per completed enrolment, multi-source
 * responses), the national evaluation configuration, and the yearly quality rating (Decree 335/2025).
 * Per-official rows carry province_code and commune_code (SPEC §13).
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { officials } from './officials.ts';
import { enrolments } from './training.ts';

export const EVALUATION_LEVELS = ['rat_hieu_qua', 'hieu_qua', 'it_hieu_qua', 'khong_hieu_qua'] as const;
export const EVALUATION_SOURCES = ['self', 'unit_head', 'peer', 'citizen'] as const;
export const RATING_LEVELS = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'] as const;

/** Contract 3: one row per enrolment, created when the first source is recorded. */
export const postTrainingEvaluations = pgTable(
  'post_training_evaluations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    enrolmentId: integer('enrolment_id')
      .notNull()
      .references(() => enrolments.id),
    officialId: uuid('official_id')
      .notNull()
      .references(() => officials.id),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code').notNull(),
    unitId: integer('unit_id'),
    classId: integer('class_id').notNull(),
    classEndDate: date('class_end_date').notNull(),
    /** class end + 3 calendar months (evaluations.rules.ts `windowOpensOn`) */
    opensOn: date('opens_on').notNull(),
    /** app-clock date when the unit head's assessment was recorded and the score computed */
    evaluatedOn: date('evaluated_on'),
    score: numeric('score', { precision: 5, scale: 2, mode: 'number' }),
    level: text('level', { enum: EVALUATION_LEVELS }),
    /** peers chosen by the unit head or the commune admin */
    peerOfficialIds: uuid('peer_official_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('pte_enrolment_uq').on(t.enrolmentId),
    index('pte_commune_idx').on(t.communeCode),
    index('pte_province_idx').on(t.provinceCode),
    check('pte_score_range', sql`${t.score} is null or (${t.score} >= 0 and ${t.score} <= 100)`),
  ],
);

/** One answer from one source (self, the unit head, a peer, the commune's citizen-satisfaction score). */
export const evaluationResponses = pgTable(
  'evaluation_responses',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    evaluationId: integer('evaluation_id')
      .notNull()
      .references(() => postTrainingEvaluations.id, { onDelete: 'cascade' }),
    source: text('source', { enum: EVALUATION_SOURCES }).notNull(),
    respondentUserId: text('respondent_user_id').notNull(),
    respondentOfficialId: uuid('respondent_official_id'),
    /** {criterionCode: {score 1–5, evidence}} — empty for the citizen source */
    criteria: jsonb('criteria').$type<Record<string, { score: number; evidence: string }>>().notNull().default({}),
    /** citizen/business satisfaction 0–100 (citizen source only) */
    satisfaction: numeric('satisfaction', { precision: 5, scale: 2, mode: 'number' }),
    note: text('note'),
    submittedOn: date('submitted_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('evaluation_responses_uq').on(t.evaluationId, t.source, t.respondentUserId)],
);

/** The national configuration (a single row, id = 1). */
export const evaluationConfig = pgTable('evaluation_config', {
  id: integer('id').primaryKey(),
  criteriaWeights: jsonb('criteria_weights').$type<Record<string, number>>().notNull(),
  sourceWeights: jsonb('source_weights').$type<Record<string, number>>().notNull(),
  thresholds: jsonb('thresholds').$type<{ ratHieuQua: number; hieuQua: number; itHieuQua: number }>().notNull(),
  overdueDays: integer('overdue_days').notNull().default(30),
  updatedBy: text('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

/** Contract 3: the yearly quality rating of an official (Decree 335/2025/NĐ-CP). */
export const annualRatings = pgTable(
  'annual_ratings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    officialId: uuid('official_id')
      .notNull()
      .references(() => officials.id),
    year: integer('year').notNull(),
    generalScore: numeric('general_score', { precision: 4, scale: 1, mode: 'number' }).notNull(),
    taskScore: numeric('task_score', { precision: 4, scale: 1, mode: 'number' }).notNull(),
    score: numeric('score', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    level: text('level', { enum: RATING_LEVELS }).notNull(),
    disciplined: boolean('disciplined').notNull().default(false),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code').notNull(),
    unitId: integer('unit_id'),
    note: text('note'),
    recordedBy: text('recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('annual_ratings_official_year_uq').on(t.officialId, t.year),
    index('annual_ratings_commune_year_idx').on(t.communeCode, t.year),
    check('annual_ratings_parts', sql`${t.generalScore} between 0 and 30 and ${t.taskScore} between 0 and 70`),
  ],
);
