/** All SQL of self-reports. */
import { sql } from 'drizzle-orm';
import { auditInsertFrom, auditValues, type AuditEntryInput } from '../audit/audit.repository.ts';
import { preparedStatement, type DbOrTx } from '../../db/client.ts';
import type { ListScope } from '../../authz/policy.ts';

export type EnrolmentFacts = {
  enrolmentId: number;
  officialId: string;
  fullName: string;
  provinceCode: string;
  communeCode: string;
  unitId: number | null;
  enrolmentStatus: string;
  classId: number;
  classCode: string;
  className: string;
  classStatus: string;
  classEndDate: string;
  classStartDate: string;
  requiresEssay: boolean;
};

export async function enrolmentFacts(db: DbOrTx, enrolmentId: number): Promise<EnrolmentFacts | null> {
  const r = await db.execute<EnrolmentFacts>(sql`
    select e.id as "enrolmentId", e.official_id as "officialId", o.full_name as "fullName", e.province_code as "provinceCode",
           e.commune_code as "communeCode", coalesce(e.unit_id, o.unit_id) as "unitId", e.status as "enrolmentStatus",
           c.id as "classId", c.code as "classCode", c.name as "className", c.status as "classStatus",
           e.class_end_date as "classEndDate", c.start_date as "classStartDate", p.requires_essay as "requiresEssay"
    from enrolments e join classes c on c.id = e.class_id join programmes p on p.id = c.programme_id
    join officials o on o.id = e.official_id
    where e.id = ${enrolmentId}`);
  return r.rows[0] ?? null;
}

/** The report of an enrolment as locked for a submission (FOR UPDATE: its latest committed state). */
export type LockedReport = {
  id: number;
  status: 'submitted' | 'confirmed' | 'returned';
  version: number;
  reviewedAt: Date | null;
  completed: boolean;
  score: string | null;
};

type SubmitRow = EnrolmentFacts & { reportId: number | null } & { [K in keyof LockedReport as `r_${K}`]: LockedReport[K] | null };
const submitRead = (lock: boolean) => sql`
    select e.id as "enrolmentId", e.official_id as "officialId", o.full_name as "fullName", e.province_code as "provinceCode",
           e.commune_code as "communeCode", coalesce(e.unit_id, o.unit_id) as "unitId", e.status as "enrolmentStatus",
           c.id as "classId", c.code as "classCode", c.name as "className", c.status as "classStatus",
           e.class_end_date as "classEndDate", c.start_date as "classStartDate", p.requires_essay as "requiresEssay",
           s.id as "reportId", s.id as r_id, s.status as r_status, s.version as r_version, s.reviewed_at as "r_reviewedAt",
           s.completed as r_completed, s.score::text as r_score
    from enrolments e join classes c on c.id = e.class_id join programmes p on p.id = c.programme_id
    join officials o on o.id = e.official_id
    left join lateral (
      select id, status, version, reviewed_at, completed, score from self_reports where enrolment_id = e.id ${lock ? sql`for update` : sql``}
    ) s on true
    where e.id = ${sql.placeholder('enrolmentId')}::int`;
// Named prepared statements (parsed and planned once per connection): the hot read of every submission.
const submitReadPlain = preparedStatement<SubmitRow, { enrolmentId: number }>('self_reports_enrolment_for_submit', submitRead(false));
const submitReadLocked = preparedStatement<SubmitRow, { enrolmentId: number }>('self_reports_enrolment_for_submit_lock', submitRead(true));

/**
 * One round trip for a submission (`lock: false` for the optimistic path, see `resubmitIfUnchanged`): the enrolment facts and, when the enrolment already has a report,
 * that report locked FOR UPDATE (a concurrent review or resubmission waits; after the wait the row
 * read is the committed one, so no re-read is needed).
 */
export async function enrolmentForSubmit(
  db: DbOrTx,
  enrolmentId: number,
  opts: { lock: boolean },
): Promise<(EnrolmentFacts & { report: LockedReport | null }) | null> {
  const r = await (opts.lock ? submitReadLocked : submitReadPlain)(db, { enrolmentId });
  const row = r.rows[0];
  if (!row) return null;
  const { reportId, r_id, r_status, r_version, r_reviewedAt, r_completed, r_score, ...facts } = row;
  return {
    ...facts,
    report:
      reportId === null
        ? null
        : { id: r_id!, status: r_status!, version: r_version!, reviewedAt: r_reviewedAt, completed: r_completed!, score: r_score },
  };
}

export type SelfReportRow = {
  id: number;
  enrolmentId: number;
  officialId: string;
  fullName: string;
  provinceCode: string;
  communeCode: string;
  communeName: string | null;
  unitId: number | null;
  unitName: string | null;
  classId: number;
  classCode: string;
  className: string;
  classEndDate: string;
  submittedOn: string;
  lastSubmittedOn: string;
  status: 'submitted' | 'confirmed' | 'returned';
  completed: boolean;
  score: string | null;
  certificateNo: string | null;
  applyAtWork: string;
  reviewComment: string | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  fileName: string | null;
  mime: string | null;
  size: number | null;
  version: number;
};

const COLUMNS = sql`
  r.id, r.enrolment_id as "enrolmentId", r.official_id as "officialId", o.full_name as "fullName",
  r.province_code as "provinceCode", r.commune_code as "communeCode", cm.name as "communeName",
  r.unit_id as "unitId", u.name as "unitName", r.class_id as "classId", c.code as "classCode", c.name as "className",
  c.end_date as "classEndDate", r.submitted_on as "submittedOn", r.last_submitted_on as "lastSubmittedOn", r.status,
  r.completed, r.score::text as score, r.certificate_no as "certificateNo", r.apply_at_work as "applyAtWork",
  r.review_comment as "reviewComment", r.reviewed_by as "reviewedBy", r.reviewed_at as "reviewedAt",
  f.file_name as "fileName", f.mime, f.size, r.version`;
/** The joins of a report row `r` (a table or a CTE with the columns of self_reports). */
const JOINS = sql`
  join officials o on o.id = r.official_id join classes c on c.id = r.class_id
  left join communes cm on cm.code = r.commune_code left join units u on u.id = r.unit_id
  left join self_report_files f on f.self_report_id = r.id`;
const SELECT = sql`select ${COLUMNS} from self_reports r ${JOINS}`;

export async function findById(db: DbOrTx, id: number): Promise<SelfReportRow | null> {
  return (await db.execute<SelfReportRow>(sql`${SELECT} where r.id = ${id}`)).rows[0] ?? null;
}
export async function findByEnrolment(db: DbOrTx, enrolmentId: number): Promise<SelfReportRow | null> {
  return (await db.execute<SelfReportRow>(sql`${SELECT} where r.enrolment_id = ${enrolmentId}`)).rows[0] ?? null;
}
export async function lock(db: DbOrTx, id: number): Promise<void> {
  await db.execute(sql`select id from self_reports where id = ${id} for update`);
}

function scopeWhere(scope: ListScope) {
  const parts = [sql`true`];
  if (scope.provinceCode) parts.push(sql`r.province_code = ${scope.provinceCode}`);
  if (scope.communeCode) parts.push(sql`r.commune_code = ${scope.communeCode}`);
  if (scope.unitId !== undefined) parts.push(sql`r.unit_id = ${scope.unitId}`);
  if (scope.officialId) parts.push(sql`r.official_id = ${scope.officialId}`);
  return sql.join(parts, sql` and `);
}

export async function list(
  db: DbOrTx,
  scope: ListScope,
  q: { status?: string; classId?: number; page: number; pageSize: number },
): Promise<{ rows: SelfReportRow[]; total: number }> {
  const where = [scopeWhere(scope)];
  if (q.status) where.push(sql`r.status = ${q.status}`);
  if (q.classId) where.push(sql`r.class_id = ${q.classId}`);
  const w = sql.join(where, sql` and `);
  const rows = (
    await db.execute<SelfReportRow>(
      sql`${SELECT} where ${w} order by (r.status = 'submitted') desc, r.last_submitted_on desc, r.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    )
  ).rows;
  const total = (await db.execute<{ n: number }>(sql`select count(*)::int as n from self_reports r where ${w}`)).rows[0]!.n;
  return { rows, total };
}

export interface NewReport {
  enrolmentId: number;
  officialId: string;
  provinceCode: string;
  communeCode: string;
  unitId: number | null;
  classId: number;
  today: string;
  completed: boolean;
  score: number | null;
  certificateNo: string | null;
  applyAtWork: string;
}

export async function insert(db: DbOrTx, r: NewReport): Promise<number | null> {
  const res = await db.execute<{ id: number }>(sql`
    insert into self_reports (enrolment_id, official_id, province_code, commune_code, unit_id, class_id, submitted_on, last_submitted_on,
                              status, completed, score, certificate_no, apply_at_work)
    values (${r.enrolmentId}, ${r.officialId}, ${r.provinceCode}, ${r.communeCode}, ${r.unitId}, ${r.classId}, ${r.today}, ${r.today},
            'submitted', ${r.completed}, ${r.score}, ${r.certificateNo}, ${r.applyAtWork})
    on conflict (enrolment_id) do nothing returning id`);
  return res.rows[0]?.id ?? null;
}

/** Replaces the content of a report and returns the whole row as `findById` would (one statement). */
export async function resubmit(
  db: DbOrTx,
  id: number,
  r: Pick<NewReport, 'today' | 'completed' | 'score' | 'certificateNo' | 'applyAtWork'>,
): Promise<SelfReportRow> {
  const res = await db.execute<SelfReportRow>(sql`
    with r as (
      update self_reports set last_submitted_on = ${r.today}, status = 'submitted', completed = ${r.completed}, score = ${r.score},
        certificate_no = ${r.certificateNo}, apply_at_work = ${r.applyAtWork}, version = version + 1
      where id = ${id} returning *
    )
    select ${COLUMNS} from r ${JOINS}`);
  return res.rows[0]!;
}

/**
 * The optimistic resubmission, one atomic statement without a transaction around it: replaces the
 * content only if the report is still exactly as read (same version and status; every change bumps
 * the version), writes its audit row in the same statement, and returns the whole row as `findById`
 * would. Null when the report changed since it was read (the caller then takes the locking path).
 */
export async function resubmitIfUnchanged(
  db: DbOrTx,
  seen: Pick<LockedReport, 'id' | 'version' | 'status'>,
  r: Pick<NewReport, 'today' | 'completed' | 'score' | 'certificateNo' | 'applyAtWork'>,
  audit: AuditEntryInput,
): Promise<SelfReportRow | null> {
  const res = await resubmitGuarded(db, {
    id: seen.id,
    version: seen.version,
    status: seen.status,
    today: r.today,
    completed: r.completed,
    score: r.score,
    certificateNo: r.certificateNo,
    applyAtWork: r.applyAtWork,
    ...auditValues(audit),
  });
  return res.rows[0] ?? null;
}
// A named prepared statement (parsed and planned once per connection): the hot write of every resubmission.
const resubmitGuarded = preparedStatement<SelfReportRow, Record<string, unknown>>(
  'self_reports_resubmit_if_unchanged',
  sql`
    with r as (
      update self_reports set last_submitted_on = ${sql.placeholder('today')}::date, status = 'submitted',
        completed = ${sql.placeholder('completed')}::boolean, score = ${sql.placeholder('score')}::numeric,
        certificate_no = ${sql.placeholder('certificateNo')}::text, apply_at_work = ${sql.placeholder('applyAtWork')}::text, version = version + 1
      where id = ${sql.placeholder('id')}::int and version = ${sql.placeholder('version')}::int and status = ${sql.placeholder('status')}::text
      returning *
    ), a as (${auditInsertFrom(sql`r`)})
    select ${COLUMNS} from r ${JOINS}`,
);

export async function saveFile(db: DbOrTx, id: number, f: { fileName: string; mime: string; content: Buffer }): Promise<void> {
  await db.execute(sql`
    insert into self_report_files (self_report_id, file_name, mime, size, content) values (${id}, ${f.fileName}, ${f.mime}, ${f.content.length}, ${f.content})
    on conflict (self_report_id) do update set file_name = excluded.file_name, mime = excluded.mime, size = excluded.size, content = excluded.content`);
}

export async function readFile(db: DbOrTx, id: number): Promise<{ fileName: string; mime: string; content: Buffer } | null> {
  const r = await db.execute<{ fileName: string; mime: string; content: Buffer }>(
    sql`select file_name as "fileName", mime, content from self_report_files where self_report_id = ${id}`,
  );
  return r.rows[0] ?? null;
}

export async function review(
  db: DbOrTx,
  id: number,
  status: 'confirmed' | 'returned',
  comment: string | null,
  by: string,
  at: Date,
): Promise<void> {
  await db.execute(sql`
    update self_reports set status = ${status}, review_comment = ${comment}, reviewed_by = ${by}, reviewed_at = ${at}, version = version + 1
    where id = ${id}`);
}

export type OverdueRow = {
  enrolmentId: number;
  officialId: string;
  fullName: string;
  provinceCode: string;
  communeCode: string;
  unitId: number | null;
  classId: number;
  className: string;
  classEndDate: string;
};

/** Nominated learners of classes that ended more than `graceDays` before `asOf`, without a report submitted by `asOf`. */
export async function overdue(
  db: DbOrTx,
  scope: { provinceCode?: string; communeCode?: string; unitId?: number },
  asOf: string,
  graceDays: number,
): Promise<OverdueRow[]> {
  const where = [sql`e.status = 'nominated'`, sql`c.status <> 'cancelled'`, sql`e.class_end_date + ${graceDays}::int < ${asOf}::date`];
  if (scope.provinceCode) where.push(sql`e.province_code = ${scope.provinceCode}`);
  if (scope.communeCode) where.push(sql`e.commune_code = ${scope.communeCode}`);
  if (scope.unitId !== undefined) where.push(sql`coalesce(e.unit_id, o.unit_id) = ${scope.unitId}`);
  const r = await db.execute<OverdueRow>(sql`
    select e.id as "enrolmentId", e.official_id as "officialId", o.full_name as "fullName", e.province_code as "provinceCode",
           e.commune_code as "communeCode", coalesce(e.unit_id, o.unit_id) as "unitId", c.id as "classId", c.name as "className",
           e.class_end_date as "classEndDate"
    from enrolments e join classes c on c.id = e.class_id join officials o on o.id = e.official_id
    where ${sql.join(where, sql` and `)}
      and not exists (select 1 from self_reports r where r.enrolment_id = e.id and r.submitted_on <= ${asOf}::date)
    order by e.class_end_date, o.full_name`);
  return r.rows;
}
