/**
 * Queries of the roster import and export: reference data of a commune, people to match, bulk
 * writes of an import (one statement per table, jsonb_to_recordset), pages of an export. (The job
 * queue and accounts have their own repository files; nothing else in the module touches the database.)
 */
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { communes, officialSensitive, officials, positions, units } from '../../db/schema/index.ts';
import { filterConditions, positionsFor, type OfficialFilter } from '../officials/officials.repository.ts';

export type OfficialRow = typeof officials.$inferSelect;
export type PositionRow = typeof positions.$inferSelect;

// ---------------------------------------------------------------- reference data

export async function findCommune(db: DbOrTx, code: string) {
  const [row] = await db
    .select({ code: communes.code, provinceCode: communes.provinceCode, fullName: communes.fullName })
    .from(communes)
    .where(eq(communes.code, code))
    .limit(1);
  return row;
}

/** Units of the commune still in force, in the commune's order. */
export async function activeUnits(db: DbOrTx, communeCode: string) {
  return db
    .select({ id: units.id, name: units.name, bloc: units.bloc })
    .from(units)
    .where(and(eq(units.communeCode, communeCode), isNull(units.validTo)))
    .orderBy(asc(units.sortOrder), asc(units.id));
}

/** Active positions usable in the commune (national, its province's, its own). */
export async function usablePositions(db: DbOrTx, provinceCode: string, communeCode: string): Promise<PositionRow[]> {
  const rows = await positionsFor(db, { provinceCode, communeCode });
  return rows.filter((p) => p.active);
}

export async function positionsByIds(db: DbOrTx, ids: number[]): Promise<PositionRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(positions).where(inArray(positions.id, ids));
}

// ---------------------------------------------------------------- matching

/** Whoever holds one of these CCCDs, in any commune (one `= any($1)` query). */
export async function officialsByCccds(db: DbOrTx, cccds: string[]) {
  if (cccds.length === 0) return [];
  return db
    .select({
      id: officials.id,
      communeCode: officials.communeCode,
      fullName: officials.fullName,
      birthDate: officials.birthDate,
      cccd: officials.cccd,
    })
    .from(officials)
    .where(sql`${officials.cccd} = any(${toTextArray(cccds)})`);
}

/** One array parameter (not one parameter per value): `= any($1)` stays one plan whatever the count. */
function toTextArray(values: string[]): SQL {
  return sql`${`{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;
}

export async function communeOfficials(db: DbOrTx, communeCode: string): Promise<OfficialRow[]> {
  return db.select().from(officials).where(eq(officials.communeCode, communeCode));
}

/** Imports into one commune run one at a time (held until the transaction ends). */
export async function lockCommuneForImport(tx: DbOrTx, communeCode: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`roster-import:${communeCode}`}, 0))`);
}

// ---------------------------------------------------------------- bulk writes

export interface NewOfficial {
  id: string;
  province_code: string;
  commune_code: string;
  unit_id: number | null;
  position_id: number | null;
  full_name: string;
  given_name: string;
  birth_date: string;
  gender: string;
  cccd: string | null;
  email: string | null;
  phone: string | null;
  official_type: string;
  is_leader: boolean;
  leader_title: string | null;
  bloc: string;
  edu_level: string | null;
  study_field: string | null;
  study_field_name: string | null;
  political_theory: string | null;
  state_mgmt_level: string | null;
  it_level: string | null;
  foreign_language: string | null;
  joined_at: string | null;
  meets_requirement_computed: boolean | null;
  below_standard: boolean;
  affected_by_reorg: boolean;
  /** first day of the assignment and of the status "đang công tác" */
  start_date: string;
}

const OFFICIAL_RECORD =
  sql.raw(`id uuid, province_code text, commune_code text, unit_id int, position_id int, full_name text, given_name text,
  birth_date date, gender text, cccd text, email text, phone text, official_type text, is_leader boolean, leader_title text, bloc text,
  edu_level text, study_field text, study_field_name text, political_theory text, state_mgmt_level text, it_level text,
  foreign_language text, joined_at date, meets_requirement_computed boolean, below_standard boolean, affected_by_reorg boolean,
  start_date date, version int`);

/** New people with their first assignment, status and open flag periods: four statements whatever the count. */
export async function insertOfficials(
  tx: DbOrTx,
  rows: NewOfficial[],
  by: string,
  now: Date,
  today: string,
  reasons: { assignment: string; below: string; reorg: string },
): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows);
  await tx.execute(sql`
    insert into officials (id, province_code, commune_code, unit_id, position_id, full_name, given_name, birth_date, gender, cccd,
      email, phone, official_type, is_leader, leader_title, bloc, edu_level, study_field, study_field_name, political_theory,
      state_mgmt_level, it_level, foreign_language, joined_at, meets_requirement_computed, below_standard, affected_by_reorg,
      created_at, updated_at, updated_by)
    select id, province_code, commune_code, unit_id, position_id, full_name, given_name, birth_date, gender, cccd,
      email, phone, official_type, is_leader, leader_title, bloc, edu_level, study_field, study_field_name, political_theory,
      state_mgmt_level, it_level, foreign_language, joined_at, meets_requirement_computed, below_standard, affected_by_reorg,
      ${now}::timestamptz, ${now}::timestamptz, ${by}
    from jsonb_to_recordset(${json}::jsonb) as x(${OFFICIAL_RECORD})`);
  await tx.execute(sql`
    insert into official_assignments (official_id, province_code, commune_code, unit_id, position_id, from_date, reason, created_by, created_at)
    select id, province_code, commune_code, unit_id, position_id, start_date, ${reasons.assignment}, ${by}, ${now}::timestamptz
    from jsonb_to_recordset(${json}::jsonb) as x(${OFFICIAL_RECORD})`);
  await tx.execute(sql`
    insert into official_status_history (official_id, province_code, status, from_date, reason, changed_by, changed_at)
    select id, province_code, 'dang_cong_tac', start_date, ${reasons.assignment}, ${by}, ${now}::timestamptz
    from jsonb_to_recordset(${json}::jsonb) as x(${OFFICIAL_RECORD})`);
  await tx.execute(sql`
    insert into official_flags (official_id, province_code, commune_code, flag, from_date, set_by, set_reason, set_at)
    select id, province_code, commune_code, 'below_standard', ${today}::date, ${by}, ${reasons.below}, ${now}::timestamptz
    from jsonb_to_recordset(${json}::jsonb) as x(${OFFICIAL_RECORD}) where below_standard
    union all
    select id, province_code, commune_code, 'affected_by_reorg', ${today}::date, ${by}, ${reasons.reorg}, ${now}::timestamptz
    from jsonb_to_recordset(${json}::jsonb) as x(${OFFICIAL_RECORD}) where affected_by_reorg`);
}

export type UpdatedOfficial = Omit<NewOfficial, 'start_date'> & { version: number };

/** Writes the merged values of matched people whose version is still the one read; returns those written. */
export async function updateOfficials(
  tx: DbOrTx,
  rows: UpdatedOfficial[],
  by: string,
  now: Date,
): Promise<{ id: string; provinceCode: string; communeCode: string }[]> {
  if (rows.length === 0) return [];
  const r = await tx.execute<{ id: string; province_code: string; commune_code: string }>(sql`
    update officials o set full_name = x.full_name, given_name = x.given_name, birth_date = x.birth_date, gender = x.gender,
      cccd = x.cccd, email = x.email, phone = x.phone, official_type = x.official_type, is_leader = x.is_leader,
      leader_title = x.leader_title, bloc = x.bloc, unit_id = x.unit_id, position_id = x.position_id, edu_level = x.edu_level,
      study_field = x.study_field, study_field_name = x.study_field_name, political_theory = x.political_theory,
      state_mgmt_level = x.state_mgmt_level, it_level = x.it_level, foreign_language = x.foreign_language, joined_at = x.joined_at,
      affected_by_reorg = x.affected_by_reorg, meets_requirement_computed = x.meets_requirement_computed,
      below_standard = x.below_standard, updated_at = ${now}::timestamptz, updated_by = ${by}, version = o.version + 1
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(${OFFICIAL_RECORD})
    where o.id = x.id and o.version = x.version
    returning o.id, o.province_code, o.commune_code`);
  return r.rows.map((x) => ({ id: x.id, provinceCode: x.province_code, communeCode: x.commune_code }));
}

export async function openAssignmentsOf(tx: DbOrTx, officialIds: string[]) {
  if (officialIds.length === 0) return [];
  const r = await tx.execute<{ id: number; official_id: string; from_date: string }>(
    sql`select id, official_id, from_date::text as from_date from official_assignments where official_id = any(${toUuidArray(officialIds)}) and to_date is null`,
  );
  return r.rows;
}

function toUuidArray(ids: string[]): SQL {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

export interface AssignmentChange {
  official_id: string;
  province_code: string;
  commune_code: string;
  unit_id: number | null;
  position_id: number | null;
}

/** Unit/position changes: same-day assignments change in place; others end yesterday and a new one starts today. */
export async function applyAssignmentChanges(
  tx: DbOrTx,
  inPlace: { id: number; unit_id: number | null; position_id: number | null }[],
  close: { official_id: string }[],
  start: AssignmentChange[],
  closeOn: string,
  fromDate: string,
  reason: string,
  by: string,
  now: Date,
): Promise<void> {
  if (inPlace.length) {
    await tx.execute(sql`
      update official_assignments a set unit_id = x.unit_id, position_id = x.position_id
      from jsonb_to_recordset(${JSON.stringify(inPlace)}::jsonb) as x(id int, unit_id int, position_id int) where a.id = x.id`);
  }
  if (close.length) {
    await tx.execute(sql`
      update official_assignments set to_date = greatest(from_date, ${closeOn}::date)
      where to_date is null and official_id = any(${toUuidArray(close.map((c) => c.official_id))})`);
  }
  if (start.length) {
    await tx.execute(sql`
      insert into official_assignments (official_id, province_code, commune_code, unit_id, position_id, from_date, reason, created_by, created_at)
      select official_id, province_code, commune_code, unit_id, position_id, ${fromDate}::date, ${reason}, ${by}, ${now}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(start)}::jsonb)
        as x(official_id uuid, province_code text, commune_code text, unit_id int, position_id int)`);
  }
}

export interface AuditRow {
  actor_id: string | null;
  actor_username: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  province_code: string | null;
  commune_code: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  request_id: string | null;
}

/** Many audit entries in one statement (same table and columns as audit.service's recordChange). */
export async function insertAuditEntries(tx: DbOrTx, rows: AuditRow[], at: Date): Promise<void> {
  for (let i = 0; i < rows.length; i += 20_000) {
    const chunk = rows.slice(i, i + 20_000);
    await tx.execute(sql`
      insert into audit_log (at, actor_id, actor_username, actor_role, action, entity_type, entity_id, province_code, commune_code, before, after, ip, request_id)
      select ${at}::timestamptz, actor_id, actor_username, actor_role, action, entity_type, entity_id, province_code, commune_code, before, after, ip, request_id
      from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as x(actor_id uuid, actor_username text, actor_role text, action text,
        entity_type text, entity_id text, province_code text, commune_code text, before jsonb, after jsonb, ip text, request_id text)`);
  }
}

// ---------------------------------------------------------------- export

export interface ExportCursor {
  givenName: string;
  fullName: string;
  id: string;
}

/** One page of the filtered list in list order (given name, full name, id; Vietnamese collation), after a cursor. */
export async function exportPage(db: DbOrTx, f: OfficialFilter, after: ExportCursor | null, limit: number) {
  const conds = filterConditions(f);
  if (after) {
    conds.push(
      sql`(${officials.givenName}, ${officials.fullName}, ${officials.id}) > (${after.givenName}, ${after.fullName}, ${after.id}::uuid)`,
    );
  }
  return db
    .select({ o: officials, communeName: communes.fullName, unitName: units.name, positionName: positions.name })
    .from(officials)
    .leftJoin(communes, eq(communes.code, officials.communeCode))
    .leftJoin(units, eq(units.id, officials.unitId))
    .leftJoin(positions, eq(positions.id, officials.positionId))
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(asc(officials.givenName), asc(officials.fullName), asc(officials.id))
    .limit(limit);
}

export async function sensitiveOf(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      officialId: officialSensitive.officialId,
      ethnicityCode: officialSensitive.ethnicityCode,
      religionCode: officialSensitive.religionCode,
    })
    .from(officialSensitive)
    .where(inArray(officialSensitive.officialId, ids));
}
