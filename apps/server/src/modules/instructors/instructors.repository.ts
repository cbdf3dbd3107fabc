/** The only code that queries the instructor and speaker pool and the sessions they taught. */
import { and, count, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { InstructorKind, ProgrammeType, TrainingField } from '@app/shared';
import type { DbOrTx } from '../../db/client.ts';
import { classSessions, classes, instructors, trainingOrgs } from '../../db/schema/index.ts';
import type { ClassReader } from './instructors.rules.ts';

export type InstructorRow = typeof instructors.$inferSelect;
export type InstructorInsert = typeof instructors.$inferInsert;
export interface InstructorWithOrg {
  i: InstructorRow;
  orgCode: string | null;
  orgName: string | null;
  orgProvinceCode: string | null;
}

export interface InstructorFilter {
  q?: string | undefined;
  field?: TrainingField | undefined;
  orgId?: number | undefined;
  kind?: InstructorKind | undefined;
  active?: boolean | undefined;
}

function conditions(f: InstructorFilter): SQL[] {
  const conds: SQL[] = [];
  if (f.field) conds.push(sql`${f.field} = any(${instructors.fields})`);
  if (f.orgId !== undefined) conds.push(eq(instructors.orgId, f.orgId));
  if (f.kind) conds.push(eq(instructors.kind, f.kind));
  if (f.active !== undefined) conds.push(eq(instructors.active, f.active));
  if (f.q && f.q.trim()) {
    const pattern = f.q
      .normalize('NFC')
      .trim()
      .toLowerCase()
      .replace(/[%_\\]/g, '\\$&');
    conds.push(
      or(
        sql`f_unaccent(lower(${instructors.fullName})) like '%' || f_unaccent(${pattern}) || '%'`,
        sql`f_unaccent(lower(coalesce(${instructors.organisation}, ''))) like '%' || f_unaccent(${pattern}) || '%'`,
        sql`f_unaccent(lower(coalesce(${instructors.title}, ''))) like '%' || f_unaccent(${pattern}) || '%'`,
      )!,
    );
  }
  return conds;
}

const withOrg = (db: DbOrTx) =>
  db
    .select({ i: instructors, orgCode: trainingOrgs.code, orgName: trainingOrgs.name, orgProvinceCode: trainingOrgs.provinceCode })
    .from(instructors)
    .leftJoin(trainingOrgs, eq(trainingOrgs.id, instructors.orgId));

/** The pool holds thousands at most nationally; sorted the Vietnamese way by given name (last word), accents ignored. */
export async function listInstructors(db: DbOrTx, f: InstructorFilter, page: number, pageSize: number) {
  const where = and(...conditions(f));
  const [rows, [totalRow]] = await Promise.all([
    withOrg(db)
      .where(where)
      .orderBy(
        sql`f_unaccent(lower(regexp_replace(${instructors.fullName}, '^.*\\s', '')))`,
        sql`f_unaccent(lower(${instructors.fullName}))`,
        instructors.id,
      )
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(instructors).where(where),
  ]);
  return { rows: rows as InstructorWithOrg[], total: totalRow?.n ?? 0 };
}

export async function findInstructor(db: DbOrTx, id: number): Promise<InstructorWithOrg | undefined> {
  const [row] = await withOrg(db).where(eq(instructors.id, id)).limit(1);
  return row;
}

export async function lockInstructor(tx: DbOrTx, id: number): Promise<InstructorRow | undefined> {
  const [row] = await tx.select().from(instructors).where(eq(instructors.id, id)).for('update').limit(1);
  return row;
}

export async function insertInstructor(tx: DbOrTx, values: InstructorInsert): Promise<InstructorRow> {
  const [row] = await tx.insert(instructors).values(values).returning();
  return row!;
}

export async function updateInstructor(
  tx: DbOrTx,
  id: number,
  version: number,
  patch: Partial<InstructorInsert>,
): Promise<InstructorRow | undefined> {
  const [row] = await tx
    .update(instructors)
    .set({ ...patch, version: sql`${instructors.version} + 1` })
    .where(and(eq(instructors.id, id), eq(instructors.version, version)))
    .returning();
  return row;
}

/**
 * Sessions and distinct classes taught, per instructor, in one statement for a page of the pool.
 * class_sessions has no index on instructor_id yet (see the module README): one scan per page.
 */
export async function teachingCounts(db: DbOrTx, ids: number[]): Promise<Map<number, { sessions: number; classes: number }>> {
  const out = new Map<number, { sessions: number; classes: number }>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({
      id: classSessions.instructorId,
      sessions: sql<number>`count(*)::int`,
      classes: sql<number>`count(distinct ${classSessions.classId})::int`,
    })
    .from(classSessions)
    .where(inArray(classSessions.instructorId, ids))
    .groupBy(classSessions.instructorId);
  for (const r of rows) if (r.id !== null) out.set(r.id, { sessions: r.sessions, classes: r.classes });
  return out;
}

function readerCondition(r: ClassReader): SQL {
  switch (r.kind) {
    case 'all':
      return sql`true`;
    case 'province':
      return sql`(${classes.provinceCode} = ${r.provinceCode}
        or exists (select 1 from class_communes cc where cc.class_id = ${classes.id} and cc.province_code = ${r.provinceCode}))`;
    case 'commune':
      return sql`(${classes.hostCommuneCode} = ${r.communeCode}
        or exists (select 1 from class_communes cc where cc.class_id = ${classes.id} and cc.commune_code = ${r.communeCode}))`;
    case 'organiser':
      return eq(classes.organiserId, r.orgId);
    case 'none':
      return sql`false`;
  }
}

export interface TaughtSession {
  sessionId: number;
  classId: number;
  classCode: string;
  className: string;
  programmeType: ProgrammeType;
  organiserName: string;
  date: string;
  startTime: string;
  endTime: string;
  topic: string | null;
}

/** Sessions the instructor taught in classes the reader may see, newest first (at most `limit`). */
export async function sessionsTaught(db: DbOrTx, instructorId: number, reader: ClassReader, limit = 500): Promise<TaughtSession[]> {
  return db
    .select({
      sessionId: classSessions.id,
      classId: classes.id,
      classCode: classes.code,
      className: classes.name,
      programmeType: classes.programmeType,
      organiserName: trainingOrgs.name,
      date: classSessions.date,
      startTime: classSessions.startTime,
      endTime: classSessions.endTime,
      topic: classSessions.topic,
    })
    .from(classSessions)
    .innerJoin(classes, eq(classes.id, classSessions.classId))
    .innerJoin(trainingOrgs, eq(trainingOrgs.id, classes.organiserId))
    .where(and(eq(classSessions.instructorId, instructorId), readerCondition(reader)))
    .orderBy(sql`${classSessions.date} desc`, sql`${classSessions.startTime} desc`, sql`${classSessions.id} desc`)
    .limit(limit);
}

/** Idempotent insert for the demo pool: nobody with the same name in the same organisation's pool. */
export async function insertInstructorIfMissing(tx: DbOrTx, values: InstructorInsert): Promise<boolean> {
  const [existing] = await tx
    .select({ id: instructors.id })
    .from(instructors)
    .where(
      and(
        eq(instructors.fullName, values.fullName),
        values.orgId == null ? sql`${instructors.orgId} is null` : eq(instructors.orgId, values.orgId),
      ),
    )
    .limit(1);
  if (existing) return false;
  await tx.insert(instructors).values(values);
  return true;
}
