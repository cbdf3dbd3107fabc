/**
 * SPEC §11: the nationally shared digital learning library (materials, their versions, the passages
 * the assistant cites) and each user's self-study progress.
 */
import { sql } from 'drizzle-orm';
import { check, customType, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export interface LibraryQuizQuestion {
  question: string;
  options: string[];
  answer: number;
  explanation: string;
}

export const libraryMaterials = pgTable(
  'library_materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    type: text('type', { enum: ['document', 'video', 'slides', 'case', 'handbook', 'quiz'] }).notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    fields: text('fields')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    positions: text('positions')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    regionTypes: text('region_types')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    programmeTypes: text('programme_types')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    licence: text('licence').notNull().default(''),
    /** null = shared nationally; otherwise visible only inside this province. */
    scopeProvinceCode: text('scope_province_code'),
    status: text('status', { enum: ['draft', 'approved', 'published'] })
      .notNull()
      .default('draft'),
    ownerId: uuid('owner_id').references(() => users.id),
    ownerName: text('owner_name').notNull().default(''),
    reviewerId: uuid('reviewer_id'),
    reviewerName: text('reviewer_name'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    reviewNote: text('review_note'),
    fileKey: text('file_key'),
    fileName: text('file_name'),
    mime: text('mime'),
    sizeBytes: integer('size_bytes'),
    posterKey: text('poster_key'),
    durationSeconds: integer('duration_seconds'),
    /** Headings found in the text (weighted between the title and the body in search). */
    headings: text('headings').notNull().default(''),
    bodyText: text('body_text').notNull().default(''),
    /** Questions of a typical case or quiz, with the right option and its explanation. */
    quiz: jsonb('quiz')
      .$type<LibraryQuizQuestion[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('simple'::regconfig, f_unaccent(lower(title))), 'A') || setweight(to_tsvector('simple'::regconfig, f_unaccent(lower(headings || ' ' || summary))), 'B') || setweight(to_tsvector('simple'::regconfig, f_unaccent(lower(left(body_text, 300000)))), 'C')`,
    ),
    /** Title and headings only: small enough to stay inline, so ranking many matches does not read the body's vector. */
    searchHead: tsvector('search_head').generatedAlwaysAs(
      sql`setweight(to_tsvector('simple'::regconfig, f_unaccent(lower(title))), 'A') || setweight(to_tsvector('simple'::regconfig, f_unaccent(lower(left(headings || ' ' || summary, 4000)))), 'B')`,
    ),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('library_search_idx').using('gin', t.search),
    index('library_title_trgm_idx').using('gin', sql`f_unaccent(lower(${t.title})) gin_trgm_ops`),
    index('library_scope_idx').on(t.status, t.scopeProvinceCode),
    check('library_type_chk', sql`${t.type} in ('document','video','slides','case','handbook','quiz')`),
    check('library_status_chk', sql`${t.status} in ('draft','approved','published')`),
  ],
);

export const libraryVersions = pgTable(
  'library_versions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    materialId: uuid('material_id')
      .notNull()
      .references(() => libraryMaterials.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    action: text('action').notNull(),
    note: text('note'),
    byName: text('by_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    snapshot: jsonb('snapshot').notNull(),
  },
  (t) => [index('library_versions_material_idx').on(t.materialId, t.id)],
);

/** Passages split by the document's own structure (Chương, Điều, khoản, numbered headings). */
export const libraryPassages = pgTable(
  'library_passages',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    materialId: uuid('material_id')
      .notNull()
      .references(() => libraryMaterials.id, { onDelete: 'cascade' }),
    ord: integer('ord').notNull(),
    section: text('section').notNull(),
    text: text('text').notNull(),
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('simple'::regconfig, f_unaccent(lower(section))), 'A') || setweight(to_tsvector('simple'::regconfig, f_unaccent(lower(text))), 'B')`,
    ),
  },
  (t) => [index('library_passages_search_idx').using('gin', t.search), index('library_passages_material_idx').on(t.materialId, t.ord)],
);

/** Self-study tracking per user and material (counts in the learner's record, not in class KPIs). */
export const libraryProgress = pgTable(
  'library_progress',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    materialId: uuid('material_id')
      .notNull()
      .references(() => libraryMaterials.id, { onDelete: 'cascade' }),
    officialId: uuid('official_id'),
    status: text('status', { enum: ['opened', 'in_progress', 'completed'] })
      .notNull()
      .default('opened'),
    progressPercent: integer('progress_percent').notNull().default(0),
    positionSeconds: numeric('position_seconds', { precision: 10, scale: 2 }).notNull().default('0'),
    quizBestScore: integer('quiz_best_score'),
    quizAttempts: integer('quiz_attempts').notNull().default(0),
    firstOpenedAt: timestamp('first_opened_at', { withTimezone: true }).notNull().defaultNow(),
    lastOpenedAt: timestamp('last_opened_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.materialId] }), index('library_progress_official_idx').on(t.officialId)],
);
