/** The only code that queries classes, their communes, sessions and bridge points (SPEC §5). */
import { and, asc, count, desc, eq, gte, inArray, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { ClassCounts, ClassListQuery } from '@app/shared';
import type { DbOrTx } from '../../db/client.ts';
import {
  bridgePoints,
  classCommunes,
  classes,
  classSessions,
  communes,
  enrolments,
  instructors,
  plans,
  programmes,
  provinces,
  trainingOrgs,
} from '../../db/schema/index.ts';
import type { ClassVisibility } from './classes.rules.ts';

export type ClassRow = typeof classes.$inferSelect;
export type ClassInsert = typeof classes.$inferInsert;
export type SessionRow = typeof classSessions.$inferSelect;
export type BridgePointRow = typeof bridgePoints.$inferSelect;
export type ProgrammeRow = typeof programmes.$inferSelect;

/**
 * SQL form of `classVisibilityOf` (classes.rules.ts). Relies on class_communes_commune_idx,
 * bridge_points_class_idx and enrolments_class_idx; classes are thousands, not millions.
 */
export function visibilityCondition(v: ClassVisibility): SQL | undefined {
  const id = sql.raw('"classes"."id"');
  switch (v.kind) {
    case 'all':
      return undefined;
    case 'none':
      return sql`false`;
    case 'organiser':
      return eq(classes.organiserId, v.organiserId);
    case 'province':
      return sql`(${classes.provinceCode} = ${v.provinceCode}
        or exists (select 1 from class_communes cc where cc.class_id = ${id} and cc.province_code = ${v.provinceCode})
        or exists (select 1 from bridge_points bp where bp.class_id = ${id} and bp.province_code = ${v.provinceCode})
        or exists (select 1 from enrolments e where e.class_id = ${id} and e.province_code = ${v.provinceCode}))`;
    case 'commune': {
      const own =
        v.unitId === null
          ? sql`exists (select 1 from enrolments e where e.class_id = ${id} and e.commune_code = ${v.communeCode})`
          : sql`exists (select 1 from enrolments e where e.class_id = ${id} and e.commune_code = ${v.communeCode} and e.unit_id = ${v.unitId})`;
      const openNearby =
        v.provinceCode === null
          ? sql`false`
          : sql`(${classes.status} = 'open' and (${classes.provinceCode} = ${v.provinceCode}
              or exists (select 1 from bridge_points bp where bp.class_id = ${id} and bp.province_code = ${v.provinceCode})
              or (${classes.provinceCode} is null
                  and not exists (select 1 from class_communes cc where cc.class_id = ${id})
                  and not exists (select 1 from bridge_points bp where bp.class_id = ${id} and bp.level = 'xa'))))`;
      return sql`(exists (select 1 from class_communes cc where cc.class_id = ${id} and cc.commune_code = ${v.communeCode})
        or exists (select 1 from bridge_points bp where bp.class_id = ${id} and bp.commune_code = ${v.communeCode})
        or ${own} or ${openNearby})`;
    }
    case 'self':
      return sql`exists (select 1 from enrolments e where e.class_id = ${id} and e.official_id = ${v.officialId})`;
  }
}

const listColumns = {
  c: classes,
  programmeCode: programmes.code,
  programmeName: programmes.name,
  organiserName: trainingOrgs.name,
  organiserCode: trainingOrgs.code,
  provinceName: provinces.fullName,
  hostCommuneName: communes.fullName,
};

export async function listClasses(db: DbOrTx, v: ClassVisibility, q: ClassListQuery) {
  const conds: SQL[] = [];
  const vis = visibilityCondition(v);
  if (vis) conds.push(vis);
  if (q.status) conds.push(eq(classes.status, q.status));
  if (q.programmeType) conds.push(eq(classes.programmeType, q.programmeType));
  if (q.from) conds.push(gte(classes.endDate, q.from));
  if (q.to) conds.push(lte(classes.startDate, q.to));
  if (q.organiserId) conds.push(eq(classes.organiserId, q.organiserId));
  if (q.province) conds.push(eq(classes.provinceCode, q.province));
  if (q.commune) {
    conds.push(sql`(exists (select 1 from class_communes cc where cc.class_id = "classes"."id" and cc.commune_code = ${q.commune})
      or exists (select 1 from bridge_points bp where bp.class_id = "classes"."id" and bp.commune_code = ${q.commune}))`);
  }
  if (q.q && q.q.trim()) {
    const pattern = q.q
      .normalize('NFC')
      .trim()
      .toLowerCase()
      .replace(/[%_\\]/g, '\\$&');
    conds.push(
      sql`(f_unaccent(lower(${classes.name})) like '%' || f_unaccent(${pattern}) || '%' or lower(${classes.code}) like '%' || ${pattern} || '%')`,
    );
  }
  const where = conds.length ? and(...conds) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select(listColumns)
      .from(classes)
      .innerJoin(programmes, eq(programmes.id, classes.programmeId))
      .innerJoin(trainingOrgs, eq(trainingOrgs.id, classes.organiserId))
      .leftJoin(provinces, eq(provinces.code, classes.provinceCode))
      .leftJoin(communes, eq(communes.code, classes.hostCommuneCode))
      .where(where)
      .orderBy(desc(classes.startDate), desc(classes.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(classes).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
export type ClassListRow = Awaited<ReturnType<typeof listClasses>>['rows'][number];

export async function findClassWithNames(db: DbOrTx, id: number): Promise<ClassListRow | undefined> {
  const [row] = await db
    .select(listColumns)
    .from(classes)
    .innerJoin(programmes, eq(programmes.id, classes.programmeId))
    .innerJoin(trainingOrgs, eq(trainingOrgs.id, classes.organiserId))
    .leftJoin(provinces, eq(provinces.code, classes.provinceCode))
    .leftJoin(communes, eq(communes.code, classes.hostCommuneCode))
    .where(eq(classes.id, id))
    .limit(1);
  return row;
}

export async function isVisible(db: DbOrTx, id: number, v: ClassVisibility): Promise<boolean> {
  const vis = visibilityCondition(v);
  const rows = await db
    .select({ id: classes.id })
    .from(classes)
    .where(vis ? and(eq(classes.id, id), vis) : eq(classes.id, id))
    .limit(1);
  return rows.length > 0;
}

export async function findClass(db: DbOrTx, id: number): Promise<ClassRow | undefined> {
  const [row] = await db.select().from(classes).where(eq(classes.id, id)).limit(1);
  return row;
}

/** The class row, locked for the rest of the transaction (seats, status and edits are serialised per class). */
export async function lockClass(db: DbOrTx, id: number): Promise<ClassRow | undefined> {
  const [row] = await db.select().from(classes).where(eq(classes.id, id)).for('update').limit(1);
  return row;
}

export async function insertClass(db: DbOrTx, row: ClassInsert): Promise<ClassRow> {
  const [r] = await db.insert(classes).values(row).returning();
  return r!;
}

/** Optimistic update: only when the version still matches; returns the new row or undefined. */
export async function updateClass(db: DbOrTx, id: number, version: number, patch: Partial<ClassInsert>): Promise<ClassRow | undefined> {
  const [r] = await db
    .update(classes)
    .set({ ...patch, version: sql`${classes.version} + 1` })
    .where(and(eq(classes.id, id), eq(classes.version, version)))
    .returning();
  return r;
}

/** Bumps the class version (a change to its sessions, bridge points or status). */
export async function touchClass(db: DbOrTx, id: number, patch: Partial<ClassInsert> = {}): Promise<ClassRow> {
  const [r] = await db
    .update(classes)
    .set({ ...patch, version: sql`${classes.version} + 1` })
    .where(eq(classes.id, id))
    .returning();
  return r!;
}

/** Highest number used in codes L<year>.<org>.<n> of this prefix. */
export async function lastCodeNumber(db: DbOrTx, prefix: string): Promise<number> {
  const pattern = `${prefix.replace(/[%_\\]/g, '\\$&')}.%`;
  const [r] = await db
    .select({
      n: sql<
        number | null
      >`max(nullif(regexp_replace(substring(${classes.code} from ${prefix.length + 2}::int), '\\D', '', 'g'), '')::int)`,
    })
    .from(classes)
    .where(sql`${classes.code} like ${pattern}`);
  return r?.n ?? 0;
}

// ---------------------------------------------------------------- communes served

export async function communesOf(db: DbOrTx, classId: number) {
  return db
    .select({ code: classCommunes.communeCode, name: communes.fullName, provinceCode: classCommunes.provinceCode })
    .from(classCommunes)
    .innerJoin(communes, eq(communes.code, classCommunes.communeCode))
    .where(eq(classCommunes.classId, classId))
    .orderBy(asc(classCommunes.communeCode));
}

export async function setCommunes(db: DbOrTx, classId: number, list: readonly { code: string; provinceCode: string }[]): Promise<void> {
  await db.delete(classCommunes).where(eq(classCommunes.classId, classId));
  if (list.length) {
    await db.insert(classCommunes).values(list.map((c) => ({ classId, communeCode: c.code, provinceCode: c.provinceCode })));
  }
}

export async function findCommunes(db: DbOrTx, codes: readonly string[]) {
  if (!codes.length) return [];
  return db
    .select({ code: communes.code, provinceCode: communes.provinceCode, name: communes.fullName, validTo: communes.validTo })
    .from(communes)
    .where(inArray(communes.code, [...codes]));
}

// ---------------------------------------------------------------- sessions

export async function sessionsOf(db: DbOrTx, classId: number) {
  return db
    .select({ s: classSessions, instructorName: instructors.fullName })
    .from(classSessions)
    .leftJoin(instructors, eq(instructors.id, classSessions.instructorId))
    .where(eq(classSessions.classId, classId))
    .orderBy(asc(classSessions.date), asc(classSessions.startTime), asc(classSessions.id));
}

export async function findSession(db: DbOrTx, classId: number, sessionId: number): Promise<SessionRow | undefined> {
  const [r] = await db
    .select()
    .from(classSessions)
    .where(and(eq(classSessions.id, sessionId), eq(classSessions.classId, classId)))
    .limit(1);
  return r;
}

export async function insertSession(db: DbOrTx, row: typeof classSessions.$inferInsert): Promise<SessionRow> {
  const [r] = await db.insert(classSessions).values(row).returning();
  return r!;
}

export async function updateSession(db: DbOrTx, id: number, patch: Partial<typeof classSessions.$inferInsert>): Promise<SessionRow> {
  const [r] = await db.update(classSessions).set(patch).where(eq(classSessions.id, id)).returning();
  return r!;
}

export async function deleteSession(db: DbOrTx, id: number): Promise<void> {
  await db.delete(classSessions).where(eq(classSessions.id, id));
}

export async function attendanceCountOfSession(db: DbOrTx, sessionId: number): Promise<number> {
  const [r] = await db
    .execute<{ n: number }>(sql`select count(*)::int as n from attendance where session_id = ${sessionId}`)
    .then((x) => x.rows);
  return r?.n ?? 0;
}

export async function findInstructor(db: DbOrTx, id: number) {
  const [r] = await db.select().from(instructors).where(eq(instructors.id, id)).limit(1);
  return r;
}

// ---------------------------------------------------------------- bridge points

export async function bridgePointsOf(db: DbOrTx, classId: number): Promise<BridgePointRow[]> {
  return db
    .select()
    .from(bridgePoints)
    .where(eq(bridgePoints.classId, classId))
    .orderBy(
      sql`case ${bridgePoints.level} when 'trung_uong' then 0 when 'tinh' then 1 else 2 end`,
      asc(bridgePoints.provinceCode),
      asc(bridgePoints.communeCode),
      asc(bridgePoints.id),
    );
}

export async function insertBridgePoint(db: DbOrTx, row: typeof bridgePoints.$inferInsert): Promise<BridgePointRow> {
  const [r] = await db.insert(bridgePoints).values(row).returning();
  return r!;
}

export async function deleteBridgePoint(db: DbOrTx, id: number): Promise<void> {
  await db.delete(bridgePoints).where(eq(bridgePoints.id, id));
}

/** Nominations and attendance records that point at a bridge point (it cannot be removed while used). */
export async function bridgePointUse(db: DbOrTx, id: number): Promise<number> {
  const r = await db.execute<{ n: number }>(sql`
    select (select count(*) from enrolments where bridge_point_id = ${id} and status <> 'cancelled')::int
         + (select count(*) from attendance where bridge_point_id = ${id})::int as n`);
  return r.rows[0]?.n ?? 0;
}

// ---------------------------------------------------------------- programme, plan, organiser

export async function findProgramme(db: DbOrTx, id: number): Promise<ProgrammeRow | undefined> {
  const [r] = await db.select().from(programmes).where(eq(programmes.id, id)).limit(1);
  return r;
}

export async function planExists(db: DbOrTx, id: number): Promise<boolean> {
  const r = await db.select({ id: plans.id }).from(plans).where(eq(plans.id, id)).limit(1);
  return r.length > 0;
}

// ---------------------------------------------------------------- enrolment counts

const EMPTY_COUNTS: ClassCounts = { enrolled: 0, nominated: 0, pendingApproval: 0, waitlisted: 0, cancelled: 0, completed: 0, failed: 0 };

export async function countsOf(db: DbOrTx, classIds: readonly number[]): Promise<Map<number, ClassCounts>> {
  const out = new Map<number, ClassCounts>(classIds.map((id) => [id, { ...EMPTY_COUNTS }]));
  if (!classIds.length) return out;
  const rows = await db
    .select({
      classId: enrolments.classId,
      nominated: sql<number>`count(*) filter (where ${enrolments.status} = 'nominated')::int`,
      pendingApproval: sql<number>`count(*) filter (where ${enrolments.status} = 'pending_approval')::int`,
      waitlisted: sql<number>`count(*) filter (where ${enrolments.status} = 'waitlisted')::int`,
      cancelled: sql<number>`count(*) filter (where ${enrolments.status} = 'cancelled')::int`,
      completed: sql<number>`count(*) filter (where ${enrolments.status} = 'nominated' and ${enrolments.result} = 'completed')::int`,
      failed: sql<number>`count(*) filter (where ${enrolments.status} = 'nominated' and ${enrolments.result} = 'failed')::int`,
    })
    .from(enrolments)
    .where(inArray(enrolments.classId, [...classIds]))
    .groupBy(enrolments.classId);
  for (const r of rows) {
    out.set(r.classId, {
      enrolled: r.nominated + r.pendingApproval,
      nominated: r.nominated,
      pendingApproval: r.pendingApproval,
      waitlisted: r.waitlisted,
      cancelled: r.cancelled,
      completed: r.completed,
      failed: r.failed,
    });
  }
  return out;
}

/** Nominated learners of the class still without a result (a class is closed only when none is left). */
export async function learnersWithoutResult(db: DbOrTx, classId: number): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(enrolments)
    .where(and(eq(enrolments.classId, classId), eq(enrolments.status, 'nominated'), sql`${enrolments.result} is null`));
  return r?.n ?? 0;
}

/** Keeps the enrolments' denormalised programme type and class end date in step with the class (KPIs read them). */
export async function syncEnrolments(
  db: DbOrTx,
  classId: number,
  patch: { programmeType: ClassRow['programmeType']; classEndDate: string },
): Promise<void> {
  await db
    .update(enrolments)
    .set({ programmeType: patch.programmeType, classEndDate: patch.classEndDate })
    .where(and(eq(enrolments.classId, classId), ne(enrolments.status, 'cancelled')));
}

/** Cancels every live nomination of a cancelled class; returns the ids. */
export async function cancelAllEnrolments(db: DbOrTx, classId: number, reason: string): Promise<number[]> {
  const rows = await db
    .update(enrolments)
    .set({ status: 'cancelled', cancelReason: reason, waitlistPosition: null, version: sql`${enrolments.version} + 1` })
    .where(and(eq(enrolments.classId, classId), ne(enrolments.status, 'cancelled')))
    .returning({ id: enrolments.id });
  return rows.map((r) => r.id);
}
