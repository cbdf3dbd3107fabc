/** All SQL of the warnings module. Reads other modules' tables; writes nothing. */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';

export type Place = { provinceCode?: string; communeCode?: string };

function placeWhere(alias: string, p: Place) {
  const w = [];
  if (p.provinceCode) w.push(sql`${sql.raw(alias)}.province_code = ${p.provinceCode}`);
  if (p.communeCode) w.push(sql`${sql.raw(alias)}.commune_code = ${p.communeCode}`);
  return w;
}

export async function tableExists(db: DbOrTx, name: string): Promise<boolean> {
  const r = await db.execute<{ t: string | null }>(sql`select to_regclass(${name})::text as t`);
  return r.rows[0]?.t != null;
}

export type ClassRow = {
  id: number;
  code: string;
  name: string;
  startDate: string;
  capacity: number;
  nominated: number;
  hostCommuneCode: string | null;
  communeName: string | null;
};

/** Classes not cancelled/finished that start in [from, to], with their nominee counts. */
export async function classesStarting(db: DbOrTx, p: Place, from: string, to: string): Promise<ClassRow[]> {
  const w = [sql`c.status in ('planned', 'open')`, sql`c.start_date between ${from}::date and ${to}::date`];
  if (p.provinceCode) w.push(sql`(c.province_code = ${p.provinceCode} or cm.province_code = ${p.provinceCode})`);
  if (p.communeCode) w.push(sql`c.host_commune_code = ${p.communeCode}`);
  const r = await db.execute<ClassRow>(sql`
    select c.id, c.code, c.name, c.start_date::text as "startDate", c.capacity, c.host_commune_code as "hostCommuneCode", cm.full_name as "communeName",
           (select count(*)::int from enrolments e where e.class_id = c.id and e.status in ('nominated', 'pending_approval')) as nominated
    from classes c left join communes cm on cm.code = c.host_commune_code
    where ${sql.join(w, sql` and `)}
    order by c.start_date, c.code`);
  return r.rows;
}

export type EvaluationRow = {
  enrolmentId: number;
  officialId: string;
  fullName: string;
  communeCode: string;
  communeName: string | null;
  classEndDate: string;
  opensOn: string;
  overdueDays: number;
};

/** Rows `evaluationsNotDone` reads at most (the list shows fewer; the count comes from `evaluationsNotDoneCount`). */
export const EVALUATIONS_LIST_LIMIT = 1000;

/** Post-training evaluations (H3's table) not complete whose window opened on or before `asOf`. */
export async function evaluationsNotDone(db: DbOrTx, p: Place, asOf: string): Promise<EvaluationRow[]> {
  const w = [sql`pe.evaluated_on is null`, sql`pe.opens_on <= ${asOf}::date`, ...placeWhere('pe', p)];
  const r = await db.execute<EvaluationRow>(sql`
    select pe.enrolment_id as "enrolmentId", pe.official_id as "officialId", o.full_name as "fullName", pe.commune_code as "communeCode",
           cm.full_name as "communeName", pe.class_end_date::text as "classEndDate", pe.opens_on::text as "opensOn",
           coalesce((select overdue_days from evaluation_config where id = 1), 30) as "overdueDays"
    from post_training_evaluations pe join officials o on o.id = pe.official_id left join communes cm on cm.code = pe.commune_code
    where ${sql.join(w, sql` and `)}
    order by pe.opens_on, o.full_name
    limit ${EVALUATIONS_LIST_LIMIT}`);
  return r.rows;
}

/** How many evaluations `evaluationsNotDone` would list without its limit (the group's count is the full count). */
export async function evaluationsNotDoneCount(db: DbOrTx, p: Place, asOf: string): Promise<number> {
  const w = [sql`pe.evaluated_on is null`, sql`pe.opens_on <= ${asOf}::date`, ...placeWhere('pe', p)];
  const r = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from post_training_evaluations pe join officials o on o.id = pe.official_id
    where ${sql.join(w, sql` and `)}`);
  return r.rows[0]!.n;
}

/** Active accounts of a role in a commune (commune admins, unit heads). */
export async function usersOfCommune(db: DbOrTx, role: string, communeCode: string): Promise<string[]> {
  const r = await db.execute<{ id: string }>(
    sql`select id::text as id from users where role = ${role} and commune_code = ${communeCode} and active`,
  );
  return r.rows.map((x) => x.id);
}

export async function usersOfUnit(db: DbOrTx, unitId: number): Promise<string[]> {
  const r = await db.execute<{ id: string }>(
    sql`select id::text as id from users where role = 'unit_head' and unit_id = ${unitId} and active`,
  );
  return r.rows.map((x) => x.id);
}

export async function communeNames(db: DbOrTx, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const r = await db.execute<{ code: string; name: string }>(
    sql`select code, full_name as name from communes where code in ${sql`(${sql.join(
      codes.map((c) => sql`${c}`),
      sql`, `,
    )})`}`,
  );
  return new Map(r.rows.map((x) => [x.code, x.name]));
}

export async function communesWithAdmins(db: DbOrTx): Promise<{ code: string; provinceCode: string }[]> {
  const r = await db.execute<{ code: string; provinceCode: string }>(sql`
    select distinct c.code, c.province_code as "provinceCode" from communes c join users u on u.commune_code = c.code and u.role = 'commune_admin' and u.active
    order by c.code`);
  return r.rows;
}

export async function provinceOf(db: DbOrTx, communeCode: string): Promise<string | null> {
  const r = await db.execute<{ p: string }>(sql`select province_code as p from communes where code = ${communeCode}`);
  return r.rows[0]?.p ?? null;
}

/**
 * Of these officials, the ones with a CMCN class in their training history on `asOf` exactly as the
 * needs module reads it (`trainingHistoryOf`: not cancelled; nominated by `asOf`, or completed a class
 * that ended by `asOf`). One probe of enrolments_official_idx per id (the ids are joined, not searched).
 */
export async function withCmcnNomination(db: DbOrTx, officialIds: readonly string[], asOf: string): Promise<Set<string>> {
  if (officialIds.length === 0) return new Set();
  const r = await db.execute<{ id: string }>(sql`
    select distinct e.official_id::text as id
    from unnest(${`{${officialIds.join(',')}}`}::uuid[]) as x(id) join enrolments e on e.official_id = x.id
    where e.status <> 'cancelled' and e.programme_type = 'CMCN'
      and (e.decision_date <= ${asOf}::date or (e.result = 'completed' and e.class_end_date <= ${asOf}::date))`);
  return new Set(r.rows.map((x) => x.id));
}
