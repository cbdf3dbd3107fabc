/** All SQL of the annual quality ratings (Decree 335/2025, SPEC §8). */
import { sql, type SQL } from 'drizzle-orm';
import type { EvaluationLevel, RatingLevel } from '@app/shared';
import type { DbOrTx } from '../../db/client.ts';
import type { AuditEntryInput } from '../audit/audit.repository.ts';

export type RatingRow = {
  id: number;
  official_id: string;
  official_name: string;
  unit_id: number | null;
  unit_name: string | null;
  year: number;
  general_score: string;
  task_score: string;
  score: string;
  level: RatingLevel;
  disciplined: boolean;
  note: string | null;
  evaluation_score: string | null;
  evaluation_level: EvaluationLevel | null;
};

export async function listRatings(
  db: DbOrTx,
  f: { provinceCode?: string; communeCode?: string; unitId?: number; officialId?: string; year?: number; id?: number },
): Promise<RatingRow[]> {
  const where: SQL[] = [sql`true`];
  if (f.provinceCode) where.push(sql`ar.province_code = ${f.provinceCode}`);
  if (f.communeCode) where.push(sql`ar.commune_code = ${f.communeCode}`);
  if (f.unitId !== undefined) where.push(sql`ar.unit_id = ${f.unitId}`);
  if (f.officialId) where.push(sql`ar.official_id = ${f.officialId}`);
  if (f.year !== undefined) where.push(sql`ar.year = ${f.year}`);
  if (f.id !== undefined) where.push(sql`ar.id = ${f.id}`);
  const r = await db.execute<RatingRow>(sql`
    select ar.id, ar.official_id, o.full_name as official_name, ar.unit_id, u.name as unit_name, ar.year,
           ar.general_score::text, ar.task_score::text, ar.score::text, ar.level, ar.disciplined, ar.note,
           ev.score::text as evaluation_score, ev.level as evaluation_level
      from annual_ratings ar
      join officials o on o.id = ar.official_id
      left join units u on u.id = ar.unit_id
      left join lateral (
        select e.score, e.level from post_training_evaluations e
         where e.official_id = ar.official_id and e.evaluated_on is not null
         order by e.evaluated_on desc, e.id desc limit 1) ev on true
     where ${sql.join(where, sql` and `)}
     order by ar.year desc, u.name nulls last, o.full_name, ar.id
     limit 2000`);
  return r.rows;
}

export async function officialForRating(db: DbOrTx, id: string) {
  const r = await db.execute<{ id: string; province_code: string; commune_code: string; unit_id: number | null; full_name: string }>(
    sql`select id, province_code, commune_code, unit_id, full_name from officials where id = ${id}`,
  );
  return r.rows[0] ?? null;
}

export async function upsertRating(
  tx: DbOrTx,
  v: {
    officialId: string;
    year: number;
    generalScore: number;
    taskScore: number;
    score: number;
    level: RatingLevel;
    disciplined: boolean;
    provinceCode: string;
    communeCode: string;
    unitId: number | null;
    note: string | null;
    by: string;
  },
): Promise<{ id: number; before: Record<string, unknown> | null }> {
  const before = await tx.execute<Record<string, unknown>>(
    sql`select general_score::float as "generalScore", task_score::float as "taskScore", level, disciplined from annual_ratings where official_id = ${v.officialId} and year = ${v.year} for update`,
  );
  const r = await tx.execute<{ id: number }>(sql`
    insert into annual_ratings (official_id, year, general_score, task_score, score, level, disciplined, province_code, commune_code, unit_id, note, recorded_by)
    values (${v.officialId}, ${v.year}, ${v.generalScore}, ${v.taskScore}, ${v.score}, ${v.level}, ${v.disciplined}, ${v.provinceCode}, ${v.communeCode}, ${v.unitId}, ${v.note}, ${v.by})
    on conflict (official_id, year) do update set general_score = excluded.general_score, task_score = excluded.task_score, score = excluded.score,
      level = excluded.level, disciplined = excluded.disciplined, unit_id = excluded.unit_id, note = excluded.note, recorded_by = excluded.recorded_by,
      updated_at = now(), version = annual_ratings.version + 1
    returning id`);
  return { id: r.rows[0]!.id, before: before.rows[0] ?? null };
}

/** HTXSNV and HTTNV counts per unit (agency) of a commune in a year. */
export async function levelCountsByUnit(db: DbOrTx, f: { communeCodes?: string[]; provinceCode?: string; year: number }) {
  const where: SQL[] = [sql`ar.year = ${f.year}`];
  if (f.communeCodes) where.push(sql`ar.commune_code = any(${`{${f.communeCodes.join(',')}}`}::text[])`);
  if (f.provinceCode) where.push(sql`ar.province_code = ${f.provinceCode}`);
  const r = await db.execute<{ commune_code: string; unit_id: number | null; unit_name: string | null; htxs: number; htt: number }>(sql`
    select ar.commune_code, ar.unit_id, u.name as unit_name,
           count(*) filter (where ar.level = 'HTXSNV')::int as htxs, count(*) filter (where ar.level = 'HTTNV')::int as htt
      from annual_ratings ar left join units u on u.id = ar.unit_id
     where ${sql.join(where, sql` and `)}
     group by ar.commune_code, ar.unit_id, u.name`);
  return r.rows;
}

// ---------------------------------------------------------------- Excel import and template

/** `{a,b}` literal of a text array; only for values already checked to be UUIDs or digit strings. */
const pgArray = (values: readonly string[]) => `{${values.join(',')}}`;

export type OfficialForImport = {
  id: string;
  cccd: string | null;
  full_name: string;
  province_code: string;
  commune_code: string;
  unit_id: number | null;
};

/** Officials named in a file, by record id or CCCD (primary key and officials_cccd_uq). */
export async function officialsByKeys(db: DbOrTx, ids: string[], cccds: string[]): Promise<OfficialForImport[]> {
  if (ids.length === 0 && cccds.length === 0) return [];
  const r = await db.execute<OfficialForImport>(sql`
    select id, cccd, full_name, province_code, commune_code, unit_id from officials
     where id = any(${pgArray(ids)}::uuid[]) or cccd = any(${pgArray(cccds)}::text[])`);
  return r.rows;
}

export type ExistingRating = {
  id: number;
  official_id: string;
  year: number;
  general_score: number;
  task_score: number;
  level: RatingLevel;
  disciplined: boolean;
  note: string | null;
};

/** The ratings already held for these officials in these years (annual_ratings_official_year_uq), locked. */
export async function existingRatings(tx: DbOrTx, officialIds: string[], years: number[]): Promise<ExistingRating[]> {
  if (officialIds.length === 0) return [];
  const r = await tx.execute<ExistingRating>(sql`
    select id, official_id, year, general_score::float as general_score, task_score::float as task_score, level, disciplined, note
      from annual_ratings
     where official_id = any(${pgArray(officialIds)}::uuid[]) and year = any(${pgArray(years.map(String))}::int[])
       for update`);
  return r.rows;
}

export interface RatingWrite {
  official_id: string;
  year: number;
  general_score: number;
  task_score: number;
  score: number;
  level: RatingLevel;
  disciplined: boolean;
  province_code: string;
  commune_code: string;
  unit_id: number | null;
  note: string | null;
}

/** Upserts many ratings in one statement per 2,000 rows; returns each row's id. */
export async function upsertRatings(
  tx: DbOrTx,
  rows: RatingWrite[],
  by: string,
): Promise<{ id: number; official_id: string; year: number }[]> {
  const out: { id: number; official_id: string; year: number }[] = [];
  for (let i = 0; i < rows.length; i += 2000) {
    const batch = JSON.stringify(rows.slice(i, i + 2000));
    const r = await tx.execute<{ id: number; official_id: string; year: number }>(sql`
      insert into annual_ratings (official_id, year, general_score, task_score, score, level, disciplined, province_code, commune_code, unit_id, note, recorded_by)
      select x.official_id, x.year, x.general_score, x.task_score, x.score, x.level, x.disciplined, x.province_code, x.commune_code, x.unit_id, x.note, ${by}
        from jsonb_to_recordset(${batch}::jsonb) as x(official_id uuid, year int, general_score numeric, task_score numeric, score numeric,
             level text, disciplined boolean, province_code text, commune_code text, unit_id int, note text)
      on conflict (official_id, year) do update set general_score = excluded.general_score, task_score = excluded.task_score, score = excluded.score,
        level = excluded.level, disciplined = excluded.disciplined, unit_id = excluded.unit_id, note = excluded.note, recorded_by = excluded.recorded_by,
        updated_at = now(), version = annual_ratings.version + 1
      returning id, official_id, year`);
    out.push(...r.rows);
  }
  return out;
}

/**
 * Audit rows of an import in one statement per 2,000 (inside the import's transaction, so the
 * changes and their audit commit together); the rows are the entries `auditEntry` builds.
 */
export async function insertAuditEntries(tx: DbOrTx, entries: AuditEntryInput[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 2000) {
    const batch = JSON.stringify(entries.slice(i, i + 2000));
    await tx.execute(sql`
      insert into audit_log (at, actor_id, actor_username, actor_role, action, entity_type, entity_id, province_code, commune_code, before, after, ip, request_id)
      select coalesce(x."at", now()), x."actorId", x."actorUsername", x."actorRole", x.action, x."entityType", x."entityId", x."provinceCode",
             x."communeCode", x.before, x.after, x.ip, x."requestId"
        from jsonb_to_recordset(${batch}::jsonb) as x("at" timestamptz, "actorId" uuid, "actorUsername" text, "actorRole" text, action text,
             "entityType" text, "entityId" text, "provinceCode" text, "communeCode" text, before jsonb, after jsonb, ip text, "requestId" text)`);
  }
}

export async function communeForTemplate(db: DbOrTx, code: string) {
  const r = await db.execute<{ code: string; name: string; province_code: string }>(
    sql`select code, name, province_code from communes where code = ${code}`,
  );
  return r.rows[0] ?? null;
}

/** The commune's serving officials with their rating of the year, if any (officials_commune_sort_idx). */
export async function templateRows(db: DbOrTx, communeCode: string, year: number) {
  const r = await db.execute<{
    official_id: string;
    full_name: string;
    general_score: number | null;
    task_score: number | null;
    disciplined: boolean | null;
    note: string | null;
  }>(sql`
    select o.id as official_id, o.full_name, ar.general_score::float as general_score, ar.task_score::float as task_score, ar.disciplined, ar.note
      from officials o
      left join annual_ratings ar on ar.official_id = o.id and ar.year = ${year}
     where o.commune_code = ${communeCode} and (o.status = 'dang_cong_tac' or ar.id is not null)
     order by o.given_name, o.full_name, o.id
     limit 20000`);
  return r.rows;
}
