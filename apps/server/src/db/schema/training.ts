/**
 * SPEC §5, §6, §12: programmes, plans, classes (cluster and online with bridge points), sessions,
 * nominations (enrolments), attendance, results, certificates, instructors.
 * Per-official rows carry province_code and commune_code (SPEC §13).
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { communes, trainingOrgs } from './units.ts';
import { officials } from './officials.ts';

const PROGRAMME_TYPE = ['CMCN', 'QLNN_LANHDAO', 'QLNN_CHUNG', 'CMNV', 'KNBT', 'CAPNHAT', 'KHAC'] as const;

export const programmes = pgTable(
  'programmes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    type: text('type', { enum: PROGRAMME_TYPE }).notNull(),
    /** ministry | hcma | province (who owns and approves the curriculum) */
    owner: text('owner', { enum: ['ministry', 'hcma', 'province'] }).notNull(),
    ownerProvinceCode: text('owner_province_code'),
    fields: text('fields').array().notNull().default(sql`'{}'::text[]`),
    targetAudience: text('target_audience'),
    durationDays: integer('duration_days').notNull(),
    totalHours: integer('total_hours').notNull(),
    /** practice, case-study and simulation hours (professional programmes: ≥ 60%, SPEC §5) */
    practiceHours: integer('practice_hours').notNull().default(0),
    /** completion rule (Circular 01/2018 defaults): attendance ≥ minAttendancePct counting excused absences up to maxExcusedPct */
    minAttendancePct: integer('min_attendance_pct').notNull().default(100),
    maxExcusedPct: integer('max_excused_pct').notNull().default(20),
    passScore: numeric('pass_score', { precision: 4, scale: 2, mode: 'number' }).notNull().default(5),
    requiresEssay: boolean('requires_essay').notNull().default(false),
    /** a certificate of this programme makes the holder meet the position's requirement (CMCN) */
    certificateMeetsRequirement: boolean('certificate_meets_requirement').notNull().default(false),
    approvalStatus: text('approval_status', { enum: ['draft', 'approved', 'retired'] }).notNull().default('draft'),
    versionNo: integer('version_no').notNull().default(1),
    previousId: integer('previous_id'),
    description: text('description'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('programmes_code_version_uq').on(t.code, t.versionNo), index('programmes_type_idx').on(t.type)],
);

export const plans = pgTable(
  'plans',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    level: text('level', { enum: ['national', 'province', 'commune'] }).notNull(),
    provinceCode: text('province_code'),
    communeCode: text('commune_code'),
    phase: integer('phase').notNull(),
    /** null for a whole-phase plan */
    year: integer('year'),
    title: text('title').notNull(),
    parentId: integer('parent_id'),
    documentNo: text('document_no'),
    documentDate: date('document_date'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('plans_scope_idx').on(t.level, t.provinceCode, t.communeCode, t.phase)],
);

export const planTargets = pgTable(
  'plan_targets',
  {
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    /** a programme type, or 'ALL' for the plan's overall target */
    programmeType: text('programme_type').notNull(),
    classes: integer('classes').notNull().default(0),
    attendances: integer('attendances').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.planId, t.programmeType] })],
);

export const instructors = pgTable('instructors', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  fullName: text('full_name').notNull(),
  kind: text('kind', { enum: ['giang_vien', 'bao_cao_vien'] }).notNull(),
  orgId: integer('org_id').references(() => trainingOrgs.id),
  organisation: text('organisation'),
  title: text('title'),
  fields: text('fields').array().notNull().default(sql`'{}'::text[]`),
  email: text('email'),
  phone: text('phone'),
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
});

export const classes = pgTable(
  'classes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id),
    /** denormalised from the programme: KPIs group by it */
    programmeType: text('programme_type', { enum: PROGRAMME_TYPE }).notNull(),
    organiserId: integer('organiser_id')
      .notNull()
      .references(() => trainingOrgs.id),
    /** the province that runs or hosts the class (null for national online classes) */
    provinceCode: text('province_code'),
    hostCommuneCode: text('host_commune_code').references(() => communes.code),
    planId: integer('plan_id'),
    mode: text('mode', { enum: ['truc_tiep', 'truc_tuyen', 'ket_hop'] }).notNull(),
    scheduleType: text('schedule_type', { enum: ['trong_gio', 'ngoai_gio', 'buoi_toi', 'cuoi_tuan'] }).notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    capacity: integer('capacity').notNull(),
    status: text('status', { enum: ['planned', 'open', 'running', 'finished', 'closed', 'cancelled'] }).notNull().default('planned'),
    requiresUnitHeadApproval: boolean('requires_unit_head_approval').notNull().default(false),
    budgetPlannedCentral: numeric('budget_planned_central', { precision: 14, scale: 0, mode: 'number' }).notNull().default(0),
    budgetPlannedLocal: numeric('budget_planned_local', { precision: 14, scale: 0, mode: 'number' }).notNull().default(0),
    budgetPlannedSponsor: numeric('budget_planned_sponsor', { precision: 14, scale: 0, mode: 'number' }).notNull().default(0),
    budgetActualCentral: numeric('budget_actual_central', { precision: 14, scale: 0, mode: 'number' }).notNull().default(0),
    budgetActualLocal: numeric('budget_actual_local', { precision: 14, scale: 0, mode: 'number' }).notNull().default(0),
    budgetActualSponsor: numeric('budget_actual_sponsor', { precision: 14, scale: 0, mode: 'number' }).notNull().default(0),
    supportPerLearner: numeric('support_per_learner', { precision: 12, scale: 0, mode: 'number' }).notNull().default(0),
    /** number of graded assessments (each must reach the pass score) */
    assessmentCount: integer('assessment_count').notNull().default(1),
    /** a class imported from records kept before the software (SPEC §6 "past records") */
    imported: boolean('imported').notNull().default(false),
    note: text('note'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('classes_province_idx').on(t.provinceCode, t.startDate),
    index('classes_organiser_idx').on(t.organiserId, t.startDate),
    index('classes_end_idx').on(t.endDate),
    check('classes_dates_chk', sql`${t.endDate} >= ${t.startDate}`),
    check('classes_capacity_chk', sql`${t.capacity} > 0`),
  ],
);

/** Communes a class serves (liên xã / theo cụm); the host commune is one of them. */
export const classCommunes = pgTable(
  'class_communes',
  {
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    communeCode: text('commune_code')
      .notNull()
      .references(() => communes.code),
    provinceCode: text('province_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.classId, t.communeCode] }), index('class_communes_commune_idx').on(t.communeCode)],
);

/** Online bridge points (điểm cầu): the academy, each province, each commune (seed 004). */
export const bridgePoints = pgTable(
  'bridge_points',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    level: text('level', { enum: ['trung_uong', 'tinh', 'xa'] }).notNull(),
    provinceCode: text('province_code'),
    communeCode: text('commune_code'),
    address: text('address'),
  },
  (t) => [index('bridge_points_class_idx').on(t.classId)],
);

export const classSessions = pgTable(
  'class_sessions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    date: date('date').notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    place: text('place'),
    link: text('link'),
    topic: text('topic'),
    instructorId: integer('instructor_id').references(() => instructors.id),
  },
  (t) => [index('sessions_class_idx').on(t.classId, t.date)],
);

/** A nomination ("quyết định cử") of an official to a class, then the learner's result. */
export const enrolments = pgTable(
  'enrolments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id),
    officialId: uuid('official_id')
      .notNull()
      .references(() => officials.id),
    /** the nominating scope: the official's commune and province at nomination time */
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code').notNull(),
    unitId: integer('unit_id'),
    /** denormalised for KPIs */
    programmeType: text('programme_type', { enum: PROGRAMME_TYPE }).notNull(),
    classEndDate: date('class_end_date').notNull(),
    decisionNo: text('decision_no'),
    decisionDate: date('decision_date').notNull(),
    status: text('status', { enum: ['pending_approval', 'nominated', 'waitlisted', 'cancelled'] }).notNull(),
    waitlistPosition: integer('waitlist_position'),
    bridgePointId: integer('bridge_point_id'),
    /** completed | failed, set when results are recorded */
    result: text('result', { enum: ['completed', 'failed'] }),
    finalScore: numeric('final_score', { precision: 4, scale: 2, mode: 'number' }),
    resultRecordedAt: timestamp('result_recorded_at', { withTimezone: true }),
    guardOverrideReason: text('guard_override_reason'),
    cancelReason: text('cancel_reason'),
    nominatedBy: text('nominated_by'),
    approvedBy: text('approved_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('enrolments_class_official_uq').on(t.classId, t.officialId).where(sql`${t.status} <> 'cancelled'`),
    index('enrolments_official_idx').on(t.officialId),
    index('enrolments_class_idx').on(t.classId, t.status),
    index('enrolments_kpi_commune_idx').on(t.communeCode, t.classEndDate),
    index('enrolments_kpi_province_idx').on(t.provinceCode, t.classEndDate),
  ],
);

export const attendance = pgTable(
  'attendance',
  {
    enrolmentId: integer('enrolment_id')
      .notNull()
      .references(() => enrolments.id, { onDelete: 'cascade' }),
    sessionId: integer('session_id')
      .notNull()
      .references(() => classSessions.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['present', 'excused', 'absent'] }).notNull(),
    bridgePointId: integer('bridge_point_id'),
    recordedBy: text('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.enrolmentId, t.sessionId] })],
);

export const scores = pgTable(
  'scores',
  {
    enrolmentId: integer('enrolment_id')
      .notNull()
      .references(() => enrolments.id, { onDelete: 'cascade' }),
    assessmentNo: integer('assessment_no').notNull(),
    score: numeric('score', { precision: 4, scale: 2, mode: 'number' }).notNull(),
    recordedBy: text('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.enrolmentId, t.assessmentNo] }), check('scores_range_chk', sql`${t.score} >= 0 and ${t.score} <= 10`)],
);

export const certificates = pgTable(
  'certificates',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    number: text('number').notNull().unique(),
    enrolmentId: integer('enrolment_id')
      .notNull()
      .references(() => enrolments.id),
    officialId: uuid('official_id').notNull(),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code').notNull(),
    classId: integer('class_id').notNull(),
    programmeId: integer('programme_id').notNull(),
    issuerId: integer('issuer_id').notNull(),
    issuedOn: date('issued_on').notNull(),
    /** the signed facts, canonical JSON, and its Ed25519 signature (base64) */
    payload: jsonb('payload').notNull(),
    signature: text('signature').notNull(),
    keyId: text('key_id').notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
    revokedBy: text('revoked_by'),
  },
  (t) => [uniqueIndex('certificates_enrolment_uq').on(t.enrolmentId), index('certificates_official_idx').on(t.officialId)],
);

/** Service-continuity guard settings per province (defaults apply when absent; SPEC §6). */
export const continuitySettings = pgTable('continuity_settings', {
  provinceCode: text('province_code').primaryKey(),
  maxSharePct: integer('max_share_pct').notNull().default(30),
  serviceCentreMinStaff: integer('service_centre_min_staff').notNull().default(2),
  requireUnitHeadApproval: boolean('require_unit_head_approval').notNull().default(false),
  version: integer('version').notNull().default(1),
});

