/**
 * SPEC §3: officials registry. Every per-official table carries province_code (and commune_code)
 * so a distributed engine keyed by province stays possible (SPEC §13).
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { communes, units } from './units.ts';
import { users } from './auth.ts';

/** Text sorted the Vietnamese way (ICU collation vi-x-icu). */
const viText = customType<{ data: string }>({ dataType: () => 'text COLLATE "vi-x-icu"' });

/** Job positions (vị trí việc làm) with their professional requirement. */
export const positions = pgTable(
  'positions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    /** national default set, or added by a province / a commune for itself. */
    level: text('level', { enum: ['national', 'province', 'commune'] }).notNull(),
    provinceCode: text('province_code'),
    communeCode: text('commune_code'),
    bloc: text('bloc', { enum: ['dang', 'hdnd', 'ubnd', 'mttq'] }),
    officialType: text('official_type', { enum: ['can_bo', 'cong_chuc'] }),
    isLeader: boolean('is_leader').notNull().default(false),
    /** Lowest acceptable education level, or null when the position sets none. */
    requiredEduLevel: text('required_edu_level', { enum: ['trung_cap', 'cao_dang', 'dai_hoc', 'thac_si', 'tien_si'] }),
    /** Accepted fields of study; empty = any field. */
    requiredStudyFields: text('required_study_fields').array().notNull().default(sql`'{}'::text[]`),
    /** Programme types the position requires (e.g. QLNN_LANHDAO for leaders). */
    requiredProgrammes: text('required_programmes').array().notNull().default(sql`'{}'::text[]`),
    /** Training fields that matter for this position (drives professional-course needs). */
    trainingFields: text('training_fields').array().notNull().default(sql`'{}'::text[]`),
    sortOrder: integer('sort_order').notNull().default(100),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('positions_scope_idx').on(t.level, t.provinceCode, t.communeCode)],
);

export const officials = pgTable(
  'officials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code')
      .notNull()
      .references(() => communes.code),
    unitId: integer('unit_id').references(() => units.id),
    positionId: integer('position_id').references(() => positions.id),
    fullName: viText('full_name').notNull(),
    /** The last word of the name: Vietnamese lists sort by it first. */
    givenName: viText('given_name').notNull(),
    searchKey: text('search_key').generatedAlwaysAs(sql`f_unaccent(lower(full_name))`),
    birthDate: date('birth_date').notNull(),
    gender: text('gender', { enum: ['nam', 'nu'] }).notNull(),
    cccd: text('cccd'),
    email: text('email'),
    phone: text('phone'),
    officialType: text('official_type', { enum: ['can_bo', 'cong_chuc'] }).notNull(),
    isLeader: boolean('is_leader').notNull().default(false),
    leaderTitle: text('leader_title'),
    bloc: text('bloc', { enum: ['dang', 'hdnd', 'ubnd', 'mttq'] }).notNull(),
    eduLevel: text('edu_level', { enum: ['trung_cap', 'cao_dang', 'dai_hoc', 'thac_si', 'tien_si'] }),
    studyField: text('study_field'),
    studyFieldName: text('study_field_name'),
    politicalTheory: text('political_theory', { enum: ['so_cap', 'trung_cap', 'cao_cap', 'cu_nhan'] }),
    stateMgmtLevel: text('state_mgmt_level', { enum: ['chuyen_vien', 'chuyen_vien_chinh', 'chuyen_vien_cao_cap'] }),
    itLevel: text('it_level'),
    foreignLanguage: text('foreign_language'),
    joinedAt: date('joined_at'),
    status: text('status', { enum: ['dang_cong_tac', 'nghi_huu', 'chuyen_cong_tac', 'thoi_viec'] })
      .notNull()
      .default('dang_cong_tac'),
    statusDate: date('status_date'),
    /** Computed from the position's requirement; null when the data cannot decide. */
    meetsRequirementComputed: boolean('meets_requirement_computed'),
    /** Set by an admin with a reason; wins over the computed value. */
    meetsRequirementOverride: boolean('meets_requirement_override'),
    meetsRequirementReason: text('meets_requirement_reason'),
    /** Current value of the below-standard flag (history in official_flags). */
    belowStandard: boolean('below_standard').notNull().default(false),
    affectedByReorg: boolean('affected_by_reorg').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('officials_cccd_uq').on(t.cccd).where(sql`${t.cccd} is not null`),
    index('officials_commune_sort_idx').on(t.communeCode, t.givenName, t.fullName, t.id),
    index('officials_province_sort_idx').on(t.provinceCode, t.givenName, t.fullName, t.id),
    index('officials_sort_idx').on(t.givenName, t.fullName, t.id),
    index('officials_search_idx').using('gin', sql`${t.searchKey} gin_trgm_ops`),
    index('officials_match_idx').on(t.communeCode, t.birthDate),
    check('officials_cccd_chk', sql`${t.cccd} is null or ${t.cccd} ~ '^[0-9]{12}$'`),
  ],
);

/** Where and as what an official worked, over time; moving commune keeps the person and the history. */
export const officialAssignments = pgTable(
  'official_assignments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    officialId: uuid('official_id')
      .notNull()
      .references(() => officials.id),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code').notNull(),
    unitId: integer('unit_id'),
    positionId: integer('position_id'),
    fromDate: date('from_date').notNull(),
    /** Last day of the assignment (inclusive); null while it lasts. */
    toDate: date('to_date'),
    reason: text('reason'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('assign_official_idx').on(t.officialId, t.fromDate),
    index('assign_commune_period_idx').on(t.communeCode, t.fromDate, t.toDate),
    index('assign_province_period_idx').on(t.provinceCode, t.fromDate, t.toDate),
    check('assign_dates_chk', sql`${t.toDate} is null or ${t.toDate} >= ${t.fromDate}`),
  ],
);

/**
 * Periods during which a flag (below standard; affected by reorganisation) was set, with who set
 * and cleared it and why. K1 counts anyone flagged at any time in the phase (SPEC §9).
 */
export const officialFlags = pgTable(
  'official_flags',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    officialId: uuid('official_id')
      .notNull()
      .references(() => officials.id),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code').notNull(),
    flag: text('flag', { enum: ['below_standard', 'affected_by_reorg'] }).notNull(),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date'),
    setBy: text('set_by'),
    setReason: text('set_reason'),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
    clearedBy: text('cleared_by'),
    clearedReason: text('cleared_reason'),
    clearedAt: timestamp('cleared_at', { withTimezone: true }),
  },
  (t) => [
    index('flags_official_idx').on(t.officialId, t.flag, t.fromDate),
    index('flags_commune_idx').on(t.communeCode, t.flag, t.fromDate),
    uniqueIndex('flags_open_uq').on(t.officialId, t.flag).where(sql`${t.toDate} is null`),
  ],
);

export const officialStatusHistory = pgTable(
  'official_status_history',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    officialId: uuid('official_id')
      .notNull()
      .references(() => officials.id),
    provinceCode: text('province_code').notNull(),
    status: text('status', { enum: ['dang_cong_tac', 'nghi_huu', 'chuyen_cong_tac', 'thoi_viec'] }).notNull(),
    fromDate: date('from_date').notNull(),
    reason: text('reason'),
    changedBy: text('changed_by'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('status_hist_official_idx').on(t.officialId, t.fromDate)],
);

/**
 * Sensitive personal data (Law 91/2025/QH15): kept apart so list queries never touch it; only admins
 * of the person's scope read it, and each read is audited.
 */
export const officialSensitive = pgTable('official_sensitive', {
  officialId: uuid('official_id')
    .primaryKey()
    .references(() => officials.id),
  provinceCode: text('province_code').notNull(),
  ethnicityCode: text('ethnicity_code'),
  religionCode: text('religion_code'),
  /** Which statistics-office code list the codes come from. */
  codeList: text('code_list').notNull().default('TCTK-QD121-2019'),
  healthNote: text('health_note'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Uploaded roster files waiting for (or processed by) a background import job. */
export const importJobs = pgTable('import_jobs', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').notNull(),
  provinceCode: text('province_code'),
  communeCode: text('commune_code'),
  createdBy: uuid('created_by').references(() => users.id),
  dryRun: boolean('dry_run').notNull(),
  status: text('status', { enum: ['queued', 'running', 'done', 'failed'] }).notNull().default('queued'),
  progress: integer('progress').notNull().default(0),
  totalRows: integer('total_rows'),
  fileName: text('file_name'),
  file: customType<{ data: Buffer }>({ dataType: () => 'bytea' })('file'),
  result: text('result'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});
