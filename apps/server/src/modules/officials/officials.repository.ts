/** The only file that queries the officials registry tables. */
import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import {
  communes,
  officialAssignments,
  officialFlags,
  officialSensitive,
  officialStatusHistory,
  officials,
  positions,
  units,
} from '../../db/schema/index.ts';
import type { ListScope } from '../../authz/policy.ts';

export type OfficialRow = typeof officials.$inferSelect;
export type OfficialInsert = typeof officials.$inferInsert;
export type PositionRow = typeof positions.$inferSelect;

export interface OfficialFilter {
  provinceCode?: string | undefined;
  communeCode?: string | undefined;
  unitId?: number | undefined;
  officialId?: string | undefined;
  positionId?: number | undefined;
  q?: string | undefined;
  type?: OfficialRow['officialType'] | undefined;
  bloc?: OfficialRow['bloc'] | undefined;
  leader?: boolean | undefined;
  belowStandard?: boolean | undefined;
  affectedByReorg?: boolean | undefined;
  status?: OfficialRow['status'] | undefined;
}

export function filterConditions(f: OfficialFilter): SQL[] {
  const c: SQL[] = [];
  if (f.provinceCode) c.push(eq(officials.provinceCode, f.provinceCode));
  if (f.communeCode) c.push(eq(officials.communeCode, f.communeCode));
  if (f.unitId !== undefined) c.push(eq(officials.unitId, f.unitId));
  if (f.officialId) c.push(eq(officials.id, f.officialId));
  if (f.positionId !== undefined) c.push(eq(officials.positionId, f.positionId));
  if (f.type) c.push(eq(officials.officialType, f.type));
  if (f.bloc) c.push(eq(officials.bloc, f.bloc));
  if (f.leader !== undefined) c.push(eq(officials.isLeader, f.leader));
  if (f.belowStandard !== undefined) c.push(eq(officials.belowStandard, f.belowStandard));
  if (f.affectedByReorg !== undefined) c.push(eq(officials.affectedByReorg, f.affectedByReorg));
  if (f.status) c.push(eq(officials.status, f.status));
  const q = f.q?.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
  if (q) {
    if (/^\d{4,12}$/.test(q)) c.push(sql`${officials.cccd} like ${'%' + q}`);
    else c.push(sql`${officials.searchKey} like '%' || f_unaccent(${q.replace(/[%_\\]/g, '\\$&')}) || '%'`);
  }
  return c;
}

const listColumns = {
  o: officials,
  communeName: communes.fullName,
  unitName: units.name,
  positionName: positions.name,
};

/** Filtered counts stop here: beyond it the list says "more than 10,000" (docs/decisions/0006). */
export const COUNT_CAP = 10_000;

/** Only scope keys set (no other filter): the total comes from the trigger-kept counters. */
function scopeOnly(f: OfficialFilter): boolean {
  const { provinceCode: _p, communeCode: _c, ...rest } = f;
  return Object.values(rest).every((v) => v === undefined || v === '');
}

async function countOfficials(db: DbOrTx, f: OfficialFilter, where: SQL | undefined): Promise<{ total: number; capped: boolean }> {
  if (scopeOnly(f)) {
    const conds: SQL[] = [];
    if (f.provinceCode) conds.push(sql`province_code = ${f.provinceCode}`);
    if (f.communeCode) conds.push(sql`commune_code = ${f.communeCode}`);
    const r = await db.execute<{ n: number }>(
      sql`select coalesce(sum(total), 0)::int as n from official_counts ${conds.length ? sql`where ${sql.join(conds, sql` and `)}` : sql``}`,
    );
    return { total: r.rows[0]?.n ?? 0, capped: false };
  }
  const r = await db.execute<{ n: number }>(sql`select count(*)::int as n from (select 1 from ${officials} where ${where ?? sql`true`} limit ${COUNT_CAP + 1}) s`);
  const n = r.rows[0]?.n ?? 0;
  return n > COUNT_CAP ? { total: COUNT_CAP, capped: true } : { total: n, capped: false };
}

export async function listOfficials(db: DbOrTx, f: OfficialFilter, page: number, pageSize: number) {
  const where = and(...filterConditions(f));
  // Deferred join: find the page's ids on the name-order index (index-only, cheap even deep in the
  // list), then fetch the 20 full rows with their names.
  const pageIds = db.$with('page_ids').as(
    db
      .select({ id: officials.id })
      .from(officials)
      .where(where)
      .orderBy(asc(officials.givenName), asc(officials.fullName), asc(officials.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
  );
  const [rows, count] = await Promise.all([
    db
      .with(pageIds)
      .select(listColumns)
      .from(officials)
      .innerJoin(pageIds, eq(pageIds.id, officials.id))
      .leftJoin(communes, eq(communes.code, officials.communeCode))
      .leftJoin(units, eq(units.id, officials.unitId))
      .leftJoin(positions, eq(positions.id, officials.positionId))
      .orderBy(asc(officials.givenName), asc(officials.fullName), asc(officials.id)),
    countOfficials(db, f, where),
  ]);
  return { rows, total: count.total, totalCapped: count.capped };
}

export type OfficialListRow = Awaited<ReturnType<typeof listOfficials>>['rows'][number];

export async function findOfficial(db: DbOrTx, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db
    .select(listColumns)
    .from(officials)
    .leftJoin(communes, eq(communes.code, officials.communeCode))
    .leftJoin(units, eq(units.id, officials.unitId))
    .leftJoin(positions, eq(positions.id, officials.positionId))
    .where(eq(officials.id, id))
    .limit(1);
  return row;
}

export async function lockOfficial(db: DbOrTx, id: string): Promise<OfficialRow | undefined> {
  const [row] = await db.select().from(officials).where(eq(officials.id, id)).for('update').limit(1);
  return row;
}

export async function findByCccd(db: DbOrTx, cccd: string): Promise<OfficialRow | undefined> {
  const [row] = await db.select().from(officials).where(eq(officials.cccd, cccd)).limit(1);
  return row;
}

export async function insertOfficial(db: DbOrTx, o: OfficialInsert): Promise<OfficialRow> {
  const [row] = await db.insert(officials).values(o).returning();
  return row!;
}

export async function updateOfficialRow(db: DbOrTx, id: string, version: number, patch: Partial<OfficialInsert>): Promise<OfficialRow | undefined> {
  const [row] = await db
    .update(officials)
    .set({ ...patch, version: sql`${officials.version} + 1` })
    .where(and(eq(officials.id, id), eq(officials.version, version)))
    .returning();
  return row;
}

export async function assignmentsOf(db: DbOrTx, officialId: string) {
  return db
    .select({
      a: officialAssignments,
      communeName: communes.fullName,
      unitName: units.name,
      positionName: positions.name,
    })
    .from(officialAssignments)
    .leftJoin(communes, eq(communes.code, officialAssignments.communeCode))
    .leftJoin(units, eq(units.id, officialAssignments.unitId))
    .leftJoin(positions, eq(positions.id, officialAssignments.positionId))
    .where(eq(officialAssignments.officialId, officialId))
    .orderBy(desc(officialAssignments.fromDate), desc(officialAssignments.id));
}

export async function insertAssignment(db: DbOrTx, a: typeof officialAssignments.$inferInsert): Promise<void> {
  await db.insert(officialAssignments).values(a);
}

/** Closes the open assignment (last day inclusive). */
export async function closeOpenAssignment(db: DbOrTx, officialId: string, toDate: string): Promise<void> {
  await db
    .update(officialAssignments)
    .set({ toDate: sql`greatest(${officialAssignments.fromDate}, ${toDate}::date)` })
    .where(and(eq(officialAssignments.officialId, officialId), isNull(officialAssignments.toDate)));
}

/** Changes unit/position of the open assignment in place when the change happens on its first day, else splits it. */
export async function openAssignment(db: DbOrTx, officialId: string) {
  const [row] = await db
    .select()
    .from(officialAssignments)
    .where(and(eq(officialAssignments.officialId, officialId), isNull(officialAssignments.toDate)))
    .limit(1);
  return row;
}

export async function updateAssignment(db: DbOrTx, id: number, patch: Partial<typeof officialAssignments.$inferInsert>): Promise<void> {
  await db.update(officialAssignments).set(patch).where(eq(officialAssignments.id, id));
}

export async function flagsOf(db: DbOrTx, officialId: string) {
  return db.select().from(officialFlags).where(eq(officialFlags.officialId, officialId)).orderBy(desc(officialFlags.fromDate), desc(officialFlags.id));
}

export async function openFlag(db: DbOrTx, f: typeof officialFlags.$inferInsert): Promise<void> {
  await db.insert(officialFlags).values(f).onConflictDoNothing();
}

export async function closeFlag(
  db: DbOrTx,
  officialId: string,
  flag: 'below_standard' | 'affected_by_reorg',
  toDate: string,
  by: string,
  reason: string,
  at: Date,
): Promise<void> {
  await db
    .update(officialFlags)
    .set({ toDate: sql`greatest(${officialFlags.fromDate}, ${toDate}::date)`, clearedBy: by, clearedReason: reason, clearedAt: at })
    .where(and(eq(officialFlags.officialId, officialId), eq(officialFlags.flag, flag), isNull(officialFlags.toDate)));
}

export async function statusHistoryOf(db: DbOrTx, officialId: string) {
  return db
    .select()
    .from(officialStatusHistory)
    .where(eq(officialStatusHistory.officialId, officialId))
    .orderBy(desc(officialStatusHistory.fromDate), desc(officialStatusHistory.id));
}

export async function insertStatus(db: DbOrTx, s: typeof officialStatusHistory.$inferInsert): Promise<void> {
  await db.insert(officialStatusHistory).values(s);
}

export async function findSensitive(db: DbOrTx, officialId: string) {
  const [row] = await db.select().from(officialSensitive).where(eq(officialSensitive.officialId, officialId)).limit(1);
  return row;
}

export async function upsertSensitive(db: DbOrTx, row: typeof officialSensitive.$inferInsert): Promise<void> {
  await db
    .insert(officialSensitive)
    .values(row)
    .onConflictDoUpdate({
      target: officialSensitive.officialId,
      set: { ethnicityCode: row.ethnicityCode, religionCode: row.religionCode, healthNote: row.healthNote, updatedAt: row.updatedAt },
    });
}

export async function findPosition(db: DbOrTx, id: number): Promise<PositionRow | undefined> {
  const [row] = await db.select().from(positions).where(eq(positions.id, id)).limit(1);
  return row;
}

/** Positions usable in a commune: the national set, its province's and its own. */
export async function positionsFor(db: DbOrTx, scope: ListScope & { provinceCode?: string; communeCode?: string }) {
  const c: SQL[] = [eq(positions.level, 'national')];
  if (scope.provinceCode) c.push(and(eq(positions.level, 'province'), eq(positions.provinceCode, scope.provinceCode))!);
  if (scope.communeCode) c.push(and(eq(positions.level, 'commune'), eq(positions.communeCode, scope.communeCode))!);
  return db
    .select()
    .from(positions)
    .where(sql`(${sql.join(c, sql` or `)})`)
    .orderBy(asc(positions.sortOrder), asc(positions.id));
}
