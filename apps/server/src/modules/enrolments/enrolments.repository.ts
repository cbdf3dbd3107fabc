/**
 * The only code that queries nominations (enrolments), the data of the service-continuity guard
 * and the continuity settings (SPEC §6).
 */
import { and, asc, count, desc, eq, inArray, max, ne, sql, type SQL } from 'drizzle-orm';
import type { EnrolmentStatus } from '@app/shared';
import type { DbOrTx } from '../../db/client.ts';
import { classes, communes, continuitySettings, enrolments, officials, provinces, units } from '../../db/schema/index.ts';

export type EnrolmentRow = typeof enrolments.$inferSelect;
export type EnrolmentInsert = typeof enrolments.$inferInsert;
export type SettingsRow = typeof continuitySettings.$inferSelect;

const itemColumns = {
  e: enrolments,
  classCode: classes.code,
  className: classes.name,
  classStatus: classes.status,
  classStartDate: classes.startDate,
  classOrganiserId: classes.organiserId,
  fullName: officials.fullName,
  communeName: communes.fullName,
  unitName: units.name,
};

function itemQuery(db: DbOrTx) {
  return db
    .select(itemColumns)
    .from(enrolments)
    .innerJoin(classes, eq(classes.id, enrolments.classId))
    .innerJoin(officials, eq(officials.id, enrolments.officialId))
    .leftJoin(communes, eq(communes.code, enrolments.communeCode))
    .leftJoin(units, eq(units.id, enrolments.unitId));
}
export async function enrolmentItems(db: DbOrTx, ids: readonly number[]) {
  if (!ids.length) return [];
  return itemQuery(db).where(inArray(enrolments.id, [...ids]));
}
export type EnrolmentItemRow = Awaited<ReturnType<typeof enrolmentItems>>[number];

export async function findEnrolmentItem(db: DbOrTx, id: number): Promise<EnrolmentItemRow | undefined> {
  const [r] = await itemQuery(db).where(eq(enrolments.id, id)).limit(1);
  return r;
}

export interface EnrolmentFilter {
  provinceCode?: string;
  communeCode?: string;
  unitId?: number;
  officialId?: string;
  organiserId?: number;
  classId?: number;
  status?: EnrolmentStatus;
  q?: string;
}

function filterConditions(f: EnrolmentFilter): SQL[] {
  const c: SQL[] = [];
  if (f.provinceCode) c.push(eq(enrolments.provinceCode, f.provinceCode));
  if (f.communeCode) c.push(eq(enrolments.communeCode, f.communeCode));
  if (f.unitId !== undefined) c.push(eq(enrolments.unitId, f.unitId));
  if (f.officialId) c.push(eq(enrolments.officialId, f.officialId));
  if (f.organiserId !== undefined) c.push(eq(classes.organiserId, f.organiserId));
  if (f.classId !== undefined) c.push(eq(enrolments.classId, f.classId));
  if (f.status) c.push(eq(enrolments.status, f.status));
  if (f.q && f.q.trim()) {
    const pattern = f.q
      .normalize('NFC')
      .trim()
      .toLowerCase()
      .replace(/[%_\\]/g, '\\$&');
    c.push(
      sql`(${officials.searchKey} like '%' || f_unaccent(${pattern}) || '%' or f_unaccent(lower(${classes.name})) like '%' || f_unaccent(${pattern}) || '%')`,
    );
  }
  return c;
}

/** Enrolments in a scope; relies on enrolments_class_idx / enrolments_kpi_commune_idx. */
export async function listEnrolments(db: DbOrTx, f: EnrolmentFilter, page: number, pageSize: number) {
  const where = and(...filterConditions(f));
  const [rows, [total]] = await Promise.all([
    itemQuery(db)
      .where(where)
      .orderBy(
        desc(classes.startDate),
        asc(enrolments.classId),
        sql`${enrolments.status} = 'cancelled'`,
        asc(enrolments.waitlistPosition),
        asc(officials.givenName),
        asc(officials.fullName),
        asc(enrolments.id),
      )
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ n: count() })
      .from(enrolments)
      .innerJoin(classes, eq(classes.id, enrolments.classId))
      .innerJoin(officials, eq(officials.id, enrolments.officialId))
      .where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function lockEnrolment(db: DbOrTx, id: number): Promise<EnrolmentRow | undefined> {
  const [r] = await db.select().from(enrolments).where(eq(enrolments.id, id)).for('update').limit(1);
  return r;
}

export async function insertEnrolments(db: DbOrTx, rows: EnrolmentInsert[]): Promise<EnrolmentRow[]> {
  if (!rows.length) return [];
  return db.insert(enrolments).values(rows).returning();
}

export async function updateEnrolment(db: DbOrTx, id: number, patch: Partial<EnrolmentInsert>): Promise<EnrolmentRow> {
  const [r] = await db
    .update(enrolments)
    .set({ ...patch, version: sql`${enrolments.version} + 1` })
    .where(eq(enrolments.id, id))
    .returning();
  return r!;
}

// ---------------------------------------------------------------- seats and waiting list

export async function seatsTaken(db: DbOrTx, classId: number): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(enrolments)
    .where(and(eq(enrolments.classId, classId), inArray(enrolments.status, ['nominated', 'pending_approval'])));
  return r?.n ?? 0;
}

export async function lastWaitlistPosition(db: DbOrTx, classId: number): Promise<number> {
  const [r] = await db
    .select({ n: max(enrolments.waitlistPosition) })
    .from(enrolments)
    .where(and(eq(enrolments.classId, classId), eq(enrolments.status, 'waitlisted')));
  return r?.n ?? 0;
}

/** The waiting list of a class, first in line first. */
export async function waitlistOf(db: DbOrTx, classId: number): Promise<EnrolmentRow[]> {
  return db
    .select()
    .from(enrolments)
    .where(and(eq(enrolments.classId, classId), eq(enrolments.status, 'waitlisted')))
    .orderBy(asc(enrolments.waitlistPosition), asc(enrolments.id));
}

/** Numbers the waiting list 1, 2, 3… again in its current order (after someone left it). */
export async function renumberWaitlist(db: DbOrTx, classId: number): Promise<void> {
  await db.execute(sql`
    update enrolments e set waitlist_position = x.pos
    from (select id, row_number() over (order by waitlist_position, id)::int as pos
          from enrolments where class_id = ${classId} and status = 'waitlisted') x
    where e.id = x.id and e.waitlist_position is distinct from x.pos`);
}

// ---------------------------------------------------------------- nomination checks

export async function officialsByIds(db: DbOrTx, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select({
      id: officials.id,
      fullName: officials.fullName,
      provinceCode: officials.provinceCode,
      communeCode: officials.communeCode,
      unitId: officials.unitId,
      status: officials.status,
    })
    .from(officials)
    .where(inArray(officials.id, [...ids]));
}

/** Officials of the list who already hold a live (not cancelled) nomination to this class. */
export async function alreadyInClass(db: DbOrTx, classId: number, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select({ officialId: enrolments.officialId, status: enrolments.status })
    .from(enrolments)
    .where(and(eq(enrolments.classId, classId), inArray(enrolments.officialId, [...ids]), ne(enrolments.status, 'cancelled')));
}

/** Live nominations of these officials to other (not cancelled) classes whose dates overlap the period. */
export async function overlappingNominations(
  db: DbOrTx,
  ids: readonly string[],
  period: { startDate: string; endDate: string },
  excludeClassId: number,
) {
  if (!ids.length) return [];
  return db
    .select({
      officialId: enrolments.officialId,
      classId: classes.id,
      classCode: classes.code,
      className: classes.name,
      startDate: classes.startDate,
      endDate: classes.endDate,
    })
    .from(enrolments)
    .innerJoin(classes, eq(classes.id, enrolments.classId))
    .where(
      and(
        inArray(enrolments.officialId, [...ids]),
        ne(enrolments.status, 'cancelled'),
        ne(classes.status, 'cancelled'),
        ne(classes.id, excludeClassId),
        sql`${classes.startDate} <= ${period.endDate} and ${classes.endDate} >= ${period.startDate}`,
      ),
    )
    .orderBy(asc(classes.startDate));
}

// ---------------------------------------------------------------- service-continuity guard data

/**
 * Serialises nominations of one commune for the rest of the transaction: the guard counts people
 * of the commune's units across classes, so two nominations at once must not both pass it.
 */
export async function lockCommuneGuard(db: DbOrTx, communeCode: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`continuity-guard:${communeCode}`}))`);
}

export async function sessionDatesOf(db: DbOrTx, classId: number): Promise<string[]> {
  const r = await db.execute<{ d: string }>(
    sql`select distinct date::text as d from class_sessions where class_id = ${classId} order by 1`,
  );
  return r.rows.map((x) => x.d);
}

/** Units with their active staff (officials in service whose current unit it is). */
export async function unitsWithStaff(db: DbOrTx, unitIds: readonly number[]) {
  if (!unitIds.length) return [];
  return db
    .select({
      id: units.id,
      name: units.name,
      kind: units.kind,
      communeCode: units.communeCode,
      // Spelled out: inside a select list Drizzle renders ${units.id} as a bare "id", which the subquery would read as o.id.
      staff: sql<number>`(select count(*)::int from officials o where o.unit_id = "units"."id" and o.status = 'dang_cong_tac')`,
    })
    .from(units)
    .where(inArray(units.id, [...unitIds]));
}

/**
 * People of these units away on these days in in-office-hours classes (seat-holding nominations of
 * classes not cancelled): on the dates of their sessions, or — for a class with no session yet —
 * on every working day of its dates. The unit is the person's current one.
 */
export async function awayDays(db: DbOrTx, unitIds: readonly number[], days: readonly string[]) {
  if (!unitIds.length || !days.length) return [];
  const r = await db.execute<{ official_id: string; unit_id: number; date: string }>(sql`
    with d(day) as (select unnest(${`{${days.join(',')}}`}::date[]))
    select distinct e.official_id, o.unit_id, d.day::text as date
    from enrolments e
    join classes k on k.id = e.class_id and k.schedule_type = 'trong_gio' and k.status <> 'cancelled'
    join officials o on o.id = e.official_id and o.unit_id = any(${`{${unitIds.join(',')}}`}::int[])
    join d on d.day between k.start_date and k.end_date
    where e.status in ('nominated', 'pending_approval')
      and (exists (select 1 from class_sessions s where s.class_id = k.id and s.date = d.day)
           or (not exists (select 1 from class_sessions s where s.class_id = k.id) and extract(isodow from d.day) < 6))`);
  return r.rows.map((x) => ({ officialId: x.official_id, unitId: x.unit_id, date: x.date }));
}

// ---------------------------------------------------------------- continuity settings

export async function findSettings(db: DbOrTx, provinceCode: string): Promise<SettingsRow | undefined> {
  const [r] = await db.select().from(continuitySettings).where(eq(continuitySettings.provinceCode, provinceCode)).limit(1);
  return r;
}

export async function settingsFor(db: DbOrTx, provinceCodes: readonly string[]): Promise<SettingsRow[]> {
  if (!provinceCodes.length) return [];
  return db
    .select()
    .from(continuitySettings)
    .where(inArray(continuitySettings.provinceCode, [...provinceCodes]));
}

export async function insertSettings(db: DbOrTx, row: typeof continuitySettings.$inferInsert): Promise<SettingsRow | undefined> {
  const [r] = await db.insert(continuitySettings).values(row).onConflictDoNothing().returning();
  return r;
}

export async function updateSettings(
  db: DbOrTx,
  provinceCode: string,
  version: number,
  patch: Pick<SettingsRow, 'maxSharePct' | 'serviceCentreMinStaff' | 'requireUnitHeadApproval'>,
): Promise<SettingsRow | undefined> {
  const [r] = await db
    .update(continuitySettings)
    .set({ ...patch, version: sql`${continuitySettings.version} + 1` })
    .where(and(eq(continuitySettings.provinceCode, provinceCode), eq(continuitySettings.version, version)))
    .returning();
  return r;
}

export async function findProvince(db: DbOrTx, code: string) {
  const [r] = await db
    .select({ code: provinces.code, fullName: provinces.fullName })
    .from(provinces)
    .where(eq(provinces.code, code))
    .limit(1);
  return r;
}

// ---------------------------------------------------------------- suggestions

/**
 * Officials in service in the commune whose proposed/confirmed needs of the phase match the
 * class's programme type (and, for needs with a field, one of the programme's fields), who hold no
 * live nomination to the class; most urgent first. Uses needs_commune_idx.
 */
export async function suggestionRows(
  db: DbOrTx,
  p: {
    classId: number;
    communeCode: string;
    phase: number;
    programmeType: string;
    fields: readonly string[];
    startDate: string;
    endDate: string;
  },
) {
  const fieldMatch = p.fields.length ? sql`(n.field = '' or n.field = any(${`{${p.fields.join(',')}}`}::text[]))` : sql`true`;
  const r = await db.execute<{
    official_id: string;
    full_name: string;
    given_name: string;
    unit_id: number | null;
    unit_name: string | null;
    position_name: string | null;
    below_standard: boolean;
    affected_by_reorg: boolean;
    need_id: number;
    need_status: 'proposed' | 'confirmed';
    priority: number;
    field: string;
    reason: string;
    busy: boolean;
  }>(sql`
    select distinct on (o.id) o.id as official_id, o.full_name, o.given_name, o.unit_id, u.name as unit_name,
      ps.name as position_name, o.below_standard, o.affected_by_reorg,
      n.id as need_id, n.status as need_status, n.priority, n.field, n.reason,
      exists (select 1 from enrolments e2 join classes k2 on k2.id = e2.class_id
              where e2.official_id = o.id and e2.status <> 'cancelled' and k2.status <> 'cancelled' and k2.id <> ${p.classId}
                and k2.start_date <= ${p.endDate} and k2.end_date >= ${p.startDate}) as busy
    from training_needs n
    join officials o on o.id = n.official_id
    left join units u on u.id = o.unit_id
    left join positions ps on ps.id = o.position_id
    where n.commune_code = ${p.communeCode} and n.phase = ${p.phase} and n.status in ('proposed', 'confirmed')
      and n.programme_type = ${p.programmeType} and ${fieldMatch}
      and o.commune_code = ${p.communeCode} and o.status = 'dang_cong_tac'
      and not exists (select 1 from enrolments e where e.class_id = ${p.classId} and e.official_id = o.id and e.status <> 'cancelled')
    order by o.id, n.priority, (n.status = 'confirmed') desc, n.id`);
  return r.rows;
}
