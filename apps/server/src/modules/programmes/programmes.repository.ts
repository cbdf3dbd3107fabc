/** The only code that queries the programme catalogue (table `programmes`). */
import { and, asc, count, desc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import {
  MIN_PRACTICE_SHARE_PCT,
  PROFESSIONAL_PROGRAMME_TYPES,
  type ApprovalStatus,
  type ProgrammeOwner,
  type ProgrammeType,
  type TrainingField,
} from '@app/shared';
import type { DbOrTx } from '../../db/client.ts';
import { classes, programmes, provinces } from '../../db/schema/index.ts';

export type ProgrammeRow = typeof programmes.$inferSelect;
export type ProgrammeInsert = typeof programmes.$inferInsert;
export interface ProgrammeWithPlace {
  p: ProgrammeRow;
  ownerProvinceName: string | null;
}

export interface ProgrammeFilter {
  type?: ProgrammeType | undefined;
  status?: ApprovalStatus | undefined;
  owner?: ProgrammeOwner | undefined;
  province?: string | undefined;
  field?: TrainingField | undefined;
  lowPractice?: boolean | undefined;
  q?: string | undefined;
  /**
   * Drafts the caller may see: 'all', those owned by one province, or none
   * (approved and retired programmes are readable by everyone signed in).
   */
  drafts: 'all' | { provinceCode: string } | 'none';
}

function filterConditions(f: ProgrammeFilter): SQL[] {
  const conds: SQL[] = [];
  if (f.drafts === 'none') conds.push(ne(programmes.approvalStatus, 'draft'));
  else if (f.drafts !== 'all') {
    conds.push(
      or(
        ne(programmes.approvalStatus, 'draft'),
        and(eq(programmes.owner, 'province'), eq(programmes.ownerProvinceCode, f.drafts.provinceCode)),
      )!,
    );
  }
  if (f.type) conds.push(eq(programmes.type, f.type));
  if (f.status) conds.push(eq(programmes.approvalStatus, f.status));
  if (f.owner) conds.push(eq(programmes.owner, f.owner));
  if (f.province) conds.push(eq(programmes.ownerProvinceCode, f.province));
  if (f.field) conds.push(sql`${f.field} = any(${programmes.fields})`);
  if (f.lowPractice !== undefined) {
    const low = and(
      inArray(programmes.type, [...PROFESSIONAL_PROGRAMME_TYPES]),
      sql`${programmes.practiceHours} * 100 < ${MIN_PRACTICE_SHARE_PCT} * ${programmes.totalHours}`,
    )!;
    conds.push(f.lowPractice ? low : sql`not (${low})`);
  }
  if (f.q && f.q.trim()) {
    const pattern = f.q
      .normalize('NFC')
      .trim()
      .toLowerCase()
      .replace(/[%_\\]/g, '\\$&');
    conds.push(
      or(
        sql`f_unaccent(lower(${programmes.name})) like '%' || f_unaccent(${pattern}) || '%'`,
        sql`lower(${programmes.code}) like '%' || ${pattern} || '%'`,
      )!,
    );
  }
  return conds;
}

// The catalogue holds hundreds of rows, not millions: no index beyond programmes_type_idx is needed.
const TYPE_ORDER = sql`array_position(array['CMCN','QLNN_LANHDAO','QLNN_CHUNG','CMNV','KNBT','CAPNHAT','KHAC']::text[], ${programmes.type})`;

export async function listProgrammes(db: DbOrTx, f: ProgrammeFilter, page: number, pageSize: number) {
  const where = and(...filterConditions(f));
  const [rows, [totalRow]] = await Promise.all([
    db
      .select({ p: programmes, ownerProvinceName: provinces.name })
      .from(programmes)
      .leftJoin(provinces, eq(provinces.code, programmes.ownerProvinceCode))
      .where(where)
      .orderBy(TYPE_ORDER, asc(programmes.owner), asc(programmes.ownerProvinceCode), asc(programmes.code), desc(programmes.versionNo))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(programmes).where(where),
  ]);
  return { rows: rows as ProgrammeWithPlace[], total: totalRow?.n ?? 0 };
}

export async function findProgramme(db: DbOrTx, id: number): Promise<ProgrammeWithPlace | undefined> {
  const [row] = await db
    .select({ p: programmes, ownerProvinceName: provinces.name })
    .from(programmes)
    .leftJoin(provinces, eq(provinces.code, programmes.ownerProvinceCode))
    .where(eq(programmes.id, id))
    .limit(1);
  return row;
}

export async function lockProgramme(tx: DbOrTx, id: number): Promise<ProgrammeRow | undefined> {
  const [row] = await tx.select().from(programmes).where(eq(programmes.id, id)).for('update').limit(1);
  return row;
}

/** Every version of one programme (they share the code), oldest first. */
export async function versionsOf(db: DbOrTx, code: string): Promise<ProgrammeRow[]> {
  return db.select().from(programmes).where(eq(programmes.code, code)).orderBy(asc(programmes.versionNo));
}

/** Serialises changes to one programme's versions (new draft, approval) across app servers. */
export async function lockLineage(tx: DbOrTx, code: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`programme:${code}`}))`);
}

export async function codeExists(db: DbOrTx, code: string): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(programmes).where(eq(programmes.code, code));
  return (row?.n ?? 0) > 0;
}

/** How many programme lineages a prefix already has (for generated codes). */
export async function countCodesWithPrefix(db: DbOrTx, prefix: string): Promise<number> {
  const pattern = `${prefix.replace(/[%_\\]/g, '\\$&')}%`;
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${programmes.code})::int` })
    .from(programmes)
    .where(sql`${programmes.code} like ${pattern}`);
  return row?.n ?? 0;
}

export async function insertProgramme(tx: DbOrTx, values: ProgrammeInsert): Promise<ProgrammeRow> {
  const [row] = await tx.insert(programmes).values(values).returning();
  return row!;
}

/** Optimistic update: only when the version still matches; returns the new row or undefined. */
export async function updateProgramme(
  tx: DbOrTx,
  id: number,
  version: number,
  patch: Partial<ProgrammeInsert>,
): Promise<ProgrammeRow | undefined> {
  const [row] = await tx
    .update(programmes)
    .set({ ...patch, version: sql`${programmes.version} + 1` })
    .where(and(eq(programmes.id, id), eq(programmes.version, version)))
    .returning();
  return row;
}

export async function countClassesOf(db: DbOrTx, programmeId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(classes).where(eq(classes.programmeId, programmeId));
  return row?.n ?? 0;
}

/** Idempotent insert of a catalogue entry (version 1): nothing happens when the code already exists. */
export async function insertProgrammeIfMissing(tx: DbOrTx, values: ProgrammeInsert): Promise<boolean> {
  const rows = await tx
    .insert(programmes)
    .values(values)
    .onConflictDoNothing({ target: [programmes.code, programmes.versionNo] })
    .returning({ id: programmes.id });
  return rows.length > 0;
}
