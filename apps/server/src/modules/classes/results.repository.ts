/** The only code that queries attendance, scores and learners' results of a class (SPEC §6). */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AttendanceStatus, EnrolmentResult } from '@app/shared';
import type { DbOrTx } from '../../db/client.ts';
import { attendance, communes, enrolments, officials, scores, units } from '../../db/schema/index.ts';

export interface LearnerFilter {
  provinceCode?: string;
  communeCode?: string;
  unitId?: number;
  officialId?: string;
}

/** Learners of the class: its nominations with status "nominated" (seat confirmed), Vietnamese name order. */
export async function learnersOf(db: DbOrTx, classId: number, f: LearnerFilter = {}) {
  const c: SQL[] = [eq(enrolments.classId, classId), eq(enrolments.status, 'nominated')];
  if (f.provinceCode) c.push(eq(enrolments.provinceCode, f.provinceCode));
  if (f.communeCode) c.push(eq(enrolments.communeCode, f.communeCode));
  if (f.unitId !== undefined) c.push(eq(enrolments.unitId, f.unitId));
  if (f.officialId) c.push(eq(enrolments.officialId, f.officialId));
  return db
    .select({
      e: enrolments,
      fullName: officials.fullName,
      birthDate: officials.birthDate,
      communeName: communes.fullName,
      unitName: units.name,
    })
    .from(enrolments)
    .innerJoin(officials, eq(officials.id, enrolments.officialId))
    .leftJoin(communes, eq(communes.code, enrolments.communeCode))
    .leftJoin(units, eq(units.id, enrolments.unitId))
    .where(and(...c))
    .orderBy(asc(officials.givenName), asc(officials.fullName), asc(enrolments.id));
}
export type LearnerRow = Awaited<ReturnType<typeof learnersOf>>[number];

export async function attendanceOf(db: DbOrTx, enrolmentIds: readonly number[]) {
  if (!enrolmentIds.length) return [];
  return db
    .select({
      enrolmentId: attendance.enrolmentId,
      sessionId: attendance.sessionId,
      status: attendance.status,
      bridgePointId: attendance.bridgePointId,
    })
    .from(attendance)
    .where(inArray(attendance.enrolmentId, [...enrolmentIds]));
}

export async function scoresOf(db: DbOrTx, enrolmentIds: readonly number[]) {
  if (!enrolmentIds.length) return [];
  return db
    .select({ enrolmentId: scores.enrolmentId, assessmentNo: scores.assessmentNo, score: scores.score })
    .from(scores)
    .where(inArray(scores.enrolmentId, [...enrolmentIds]))
    .orderBy(asc(scores.enrolmentId), asc(scores.assessmentNo));
}

export async function upsertAttendance(
  db: DbOrTx,
  rows: readonly { enrolmentId: number; sessionId: number; status: AttendanceStatus; bridgePointId: number | null }[],
  by: string,
  at: Date,
): Promise<void> {
  if (!rows.length) return;
  await db
    .insert(attendance)
    .values(rows.map((r) => ({ ...r, recordedBy: by, recordedAt: at })))
    .onConflictDoUpdate({
      target: [attendance.enrolmentId, attendance.sessionId],
      set: {
        status: sql`excluded.status`,
        bridgePointId: sql`excluded.bridge_point_id`,
        recordedBy: sql`excluded.recorded_by`,
        recordedAt: sql`excluded.recorded_at`,
      },
    });
}

export async function upsertScores(
  db: DbOrTx,
  rows: readonly { enrolmentId: number; assessmentNo: number; score: number }[],
  by: string,
  at: Date,
): Promise<void> {
  if (!rows.length) return;
  await db
    .insert(scores)
    .values(rows.map((r) => ({ ...r, recordedBy: by, recordedAt: at })))
    .onConflictDoUpdate({
      target: [scores.enrolmentId, scores.assessmentNo],
      set: { score: sql`excluded.score`, recordedBy: sql`excluded.recorded_by`, recordedAt: sql`excluded.recorded_at` },
    });
}

export async function setResult(
  db: DbOrTx,
  id: number,
  r: { result: EnrolmentResult | null; finalScore: number | null; at: Date },
  version?: number,
) {
  const [row] = await db
    .update(enrolments)
    .set({ result: r.result, finalScore: r.finalScore, resultRecordedAt: r.at, version: sql`${enrolments.version} + 1` })
    .where(version === undefined ? eq(enrolments.id, id) : and(eq(enrolments.id, id), eq(enrolments.version, version)))
    .returning();
  return row;
}
