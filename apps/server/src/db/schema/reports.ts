/**
 * SPEC §10: periodic and ad hoc reports (workflow, frozen snapshots, deadlines, build jobs) and the
 * key-task tracker (Decision 700 annex + each level's own tasks, "6 rõ", progress history).
 */
import { sql } from 'drizzle-orm';
import { check, customType, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

const REPORT_KIND = ['annual', 'midterm', 'final', 'adhoc'] as const;
const REPORT_LEVEL = ['nation', 'province', 'commune'] as const;

/** What an upper level asks its children for: an ad hoc report, or the commune deadline of an annual report. */
export const reportRequests = pgTable(
  'report_requests',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind', { enum: REPORT_KIND }).notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** the level that asks: nation asks provinces, a province asks its communes */
    requesterLevel: text('requester_level', { enum: ['nation', 'province'] }).notNull(),
    requesterProvinceCode: text('requester_province_code'),
    deadline: date('deadline').notNull(),
    /** section headings of the template (ad hoc); empty = the standard sections */
    sections: jsonb('sections')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    note: text('note'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('report_requests_requester_idx').on(t.requesterLevel, t.requesterProvinceCode, t.year),
    uniqueIndex('report_requests_annual_uq')
      .on(t.kind, t.year, t.requesterLevel, sql`coalesce(${t.requesterProvinceCode}, '')`)
      .where(sql`${t.kind} <> 'adhoc'`),
  ],
);

export const reports = pgTable(
  'reports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind', { enum: REPORT_KIND }).notNull(),
    year: integer('year').notNull(),
    requestId: integer('request_id').references(() => reportRequests.id),
    level: text('level', { enum: REPORT_LEVEL }).notNull(),
    provinceCode: text('province_code'),
    communeCode: text('commune_code'),
    /** 'nation' | 'province:66' | 'commune:24133' */
    scopeKey: text('scope_key').notNull(),
    title: text('title').notNull(),
    status: text('status', { enum: ['draft', 'submitted', 'accepted', 'returned'] })
      .notNull()
      .default('draft'),
    /** free-text sections keyed by section id */
    sections: jsonb('sections')
      .$type<Record<string, string>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    documentNo: text('document_no'),
    placeName: text('place_name'),
    signerName: text('signer_name'),
    signerTitle: text('signer_title'),
    recipients: text('recipients'),
    /** numbers frozen on submission (ReportData JSON) */
    snapshot: jsonb('snapshot'),
    snapshotAsOf: date('snapshot_as_of'),
    submittedOn: date('submitted_on'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: text('submitted_by'),
    submitCount: integer('submit_count').notNull().default(0),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: text('reviewed_by'),
    reviewComment: text('review_comment'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('reports_periodic_uq')
      .on(t.kind, t.year, t.scopeKey)
      .where(sql`${t.requestId} is null`),
    uniqueIndex('reports_request_uq')
      .on(t.requestId, t.scopeKey)
      .where(sql`${t.requestId} is not null`),
    index('reports_province_idx').on(t.provinceCode, t.year),
    check(
      'reports_scope_chk',
      sql`(${t.level} = 'nation') or (${t.level} = 'province' and ${t.provinceCode} is not null) or (${t.level} = 'commune' and ${t.communeCode} is not null)`,
    ),
  ],
);

/** Workflow history of a report (who did what, when, with which comment). */
export const reportEvents = pgTable(
  'report_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    action: text('action', { enum: ['created', 'submitted', 'accepted', 'returned'] }).notNull(),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    comment: text('comment'),
  },
  (t) => [index('report_events_report_idx').on(t.reportId, t.at)],
);

/** Background builds of .docx/.xlsx (progress polled by the page; the file kept in PostgreSQL). */
export const reportBuilds = pgTable('report_builds', {
  id: text('id').primaryKey(),
  reportId: integer('report_id')
    .notNull()
    .references(() => reports.id, { onDelete: 'cascade' }),
  format: text('format', { enum: ['docx', 'xlsx'] }).notNull(),
  status: text('status', { enum: ['running', 'done', 'failed'] }).notNull(),
  progress: integer('progress').notNull().default(0),
  stage: text('stage'),
  fileName: text('file_name'),
  content: bytea('content'),
  error: text('error'),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

const KEY_TASK_STATUS = ['chua_bat_dau', 'dang_thuc_hien', 'hoan_thanh', 'tam_dung'] as const;

export const keyTasks = pgTable(
  'key_tasks',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    level: text('level', { enum: REPORT_LEVEL }).notNull(),
    provinceCode: text('province_code'),
    communeCode: text('commune_code'),
    /** stable key of a Decision 700 annex task (reference seed), null for own tasks */
    seedKey: text('seed_key').unique(),
    groupName: text('group_name'),
    orderNo: integer('order_no').notNull().default(0),
    /** rõ việc */
    name: text('name').notNull(),
    /** rõ người */
    personInCharge: text('person_in_charge').notNull(),
    /** rõ trách nhiệm: lead agency */
    leadAgency: text('lead_agency').notNull(),
    cooperatingAgencies: text('cooperating_agencies'),
    /** rõ sản phẩm */
    expectedOutput: text('expected_output').notNull(),
    /** rõ thời gian */
    deadline: date('deadline').notNull(),
    deadlineText: text('deadline_text'),
    /** rõ thẩm quyền */
    authority: text('authority').notNull(),
    status: text('status', { enum: KEY_TASK_STATUS }).notNull().default('chua_bat_dau'),
    progress: integer('progress').notNull().default(0),
    lastNote: text('last_note'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('key_tasks_scope_idx').on(t.level, t.provinceCode, t.communeCode),
    check('key_tasks_progress_chk', sql`${t.progress} between 0 and 100`),
  ],
);

export const keyTaskUpdates = pgTable(
  'key_task_updates',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    taskId: integer('task_id')
      .notNull()
      .references(() => keyTasks.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    onDate: date('on_date').notNull(),
    actorName: text('actor_name').notNull(),
    status: text('status', { enum: KEY_TASK_STATUS }).notNull(),
    progress: integer('progress').notNull(),
    note: text('note'),
  },
  (t) => [index('key_task_updates_task_idx').on(t.taskId, t.at)],
);
