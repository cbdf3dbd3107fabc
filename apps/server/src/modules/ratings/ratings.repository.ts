/** All SQL of the annual quality ratings (Decree 335/2025, SPEC §8). */
import { sql, type SQL } from 'drizzle-orm';
import type { EvaluationLevel, RatingLevel } from '@app/shared';
import type { DbOrTx } from '../../db/client.ts';

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
