/**
 * Learner side of training (SPEC §7, §12): self-reports after a class, anonymous course surveys,
 * essays (bài thu hoạch) and mentoring pairs. Per-official rows carry province_code and commune_code
 * (SPEC §13). Uploaded files live in bytea tables next to their record so that a report and its scan
 * are saved (and rolled back) in one transaction and backed up with the database.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { classes, enrolments } from './training.ts';
import { officials } from './officials.ts';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** One self-report per enrolment (contract 2): K6 counts a row with submitted_on <= asOf. */
export const selfReports = pgTable(
  'self_reports',
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
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id),
    /** App-clock date of the FIRST submission; never changed afterwards. */
    submittedOn: date('submitted_on').notNull(),
    /** App-clock date of the latest submission (differs after a resubmission). */
    lastSubmittedOn: date('last_submitted_on').notNull(),
    status: text('status', { enum: ['submitted', 'confirmed', 'returned'] }).notNull(),
    completed: boolean('completed').notNull(),
    score: numeric('score', { precision: 4, scale: 2, mode: 'number' }),
    certificateNo: text('certificate_no'),
    applyAtWork: text('apply_at_work').notNull(),
    reviewComment: text('review_comment'),
    reviewedBy: text('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('self_reports_enrolment_uq').on(t.enrolmentId),
    index('self_reports_commune_idx').on(t.communeCode, t.status),
    index('self_reports_province_idx').on(t.provinceCode, t.submittedOn),
    check('self_reports_score_chk', sql`${t.score} is null or (${t.score} >= 0 and ${t.score} <= 10)`),
  ],
);

/** The scan of a self-report (PDF/JPG/PNG ≤ 5 MB, type checked by content). */
export const selfReportFiles = pgTable('self_report_files', {
  selfReportId: integer('self_report_id')
    .primaryKey()
    .references(() => selfReports.id, { onDelete: 'cascade' }),
  fileName: text('file_name').notNull(),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  content: bytea('content').notNull(),
});

/**
 * Course survey answers (Circular 10/2017 objects), deliberately WITHOUT a link to the person:
 * random uuid keys (no insertion order) and no timestamp.
 */
export const surveyAnswers = pgTable(
  'survey_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id),
    programme: integer('programme').notNull(),
    instructors: integer('instructors').notNull(),
    facilities: integer('facilities').notNull(),
    organisation: integer('organisation').notNull(),
    ownGain: integer('own_gain').notNull(),
    programmeComment: text('programme_comment'),
    instructorsComment: text('instructors_comment'),
    facilitiesComment: text('facilities_comment'),
    organisationComment: text('organisation_comment'),
    ownGainComment: text('own_gain_comment'),
  },
  (t) => [
    index('survey_answers_class_idx').on(t.classId),
    check(
      'survey_answers_range_chk',
      sql`${t.programme} between 1 and 5 and ${t.instructors} between 1 and 5 and ${t.facilities} between 1 and 5 and ${t.organisation} between 1 and 5 and ${t.ownGain} between 1 and 5`,
    ),
  ],
);

/** "Has answered" markers: a learner answers a class's survey once; no link to the answer. */
export const surveyMarkers = pgTable(
  'survey_markers',
  {
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id),
    officialId: uuid('official_id')
      .notNull()
      .references(() => officials.id),
  },
  (t) => [primaryKey({ columns: [t.classId, t.officialId] })],
);

/** Essays (bài thu hoạch): one per enrolment, text or a file, read by the province's reviewer. */
export const essays = pgTable(
  'essays',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    enrolmentId: integer('enrolment_id')
      .notNull()
      .references(() => enrolments.id),
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id),
    officialId: uuid('official_id')
      .notNull()
      .references(() => officials.id),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code').notNull(),
    title: text('title').notNull(),
    /** The class topics (session topics) the essay is about. */
    topics: text('topics')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    body: text('body'),
    fileName: text('file_name'),
    fileMime: text('file_mime'),
    fileSize: integer('file_size'),
    fileContent: bytea('file_content'),
    submittedOn: date('submitted_on').notNull(),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    isProposal: boolean('is_proposal').notNull().default(false),
    reviewNote: text('review_note'),
    reviewedBy: text('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('essays_enrolment_uq').on(t.enrolmentId),
    index('essays_province_idx').on(t.provinceCode, t.submittedOn),
    check('essays_content_chk', sql`${t.body} is not null or ${t.fileContent} is not null`),
  ],
);

/** Mentoring pairs (SPEC §12): a mentor and a mentee of the same commune, set up by the commune admin. */
export const mentoringPairs = pgTable(
  'mentoring_pairs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code').notNull(),
    mentorId: uuid('mentor_id')
      .notNull()
      .references(() => officials.id),
    menteeId: uuid('mentee_id')
      .notNull()
      .references(() => officials.id),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date'),
    status: text('status', { enum: ['active', 'ended'] })
      .notNull()
      .default('active'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('mentoring_pairs_commune_idx').on(t.communeCode),
    index('mentoring_pairs_mentor_idx').on(t.mentorId),
    index('mentoring_pairs_mentee_idx').on(t.menteeId),
    uniqueIndex('mentoring_pairs_active_uq')
      .on(t.mentorId, t.menteeId)
      .where(sql`${t.status} = 'active'`),
    check('mentoring_pairs_distinct_chk', sql`${t.mentorId} <> ${t.menteeId}`),
  ],
);

/** Goals and meeting notes of a pair. */
export const mentoringEntries = pgTable(
  'mentoring_entries',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    pairId: integer('pair_id')
      .notNull()
      .references(() => mentoringPairs.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['goal', 'meeting'] }).notNull(),
    onDate: date('on_date').notNull(),
    text: text('text').notNull(),
    /** goals only */
    achieved: boolean('achieved').notNull().default(false),
    authorUsername: text('author_username').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mentoring_entries_pair_idx').on(t.pairId, t.onDate)],
);
