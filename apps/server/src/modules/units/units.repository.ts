import { and, asc, count, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { communes, provinces, trainingOrgs, units } from '../../db/schema/index.ts';

export type CommuneRow = typeof communes.$inferSelect;
export type UnitRow = typeof units.$inferSelect;
export type TrainingOrgRow = typeof trainingOrgs.$inferSelect;

export async function listProvincesWithCounts(db: DbOrTx) {
  return db
    .select({
      code: provinces.code,
      name: provinces.name,
      fullName: provinces.fullName,
      nameEn: provinces.nameEn,
      type: provinces.type,
      lat: provinces.lat,
      lon: provinces.lon,
      areaKm2: provinces.areaKm2,
      // Spelled out: inside a select list Drizzle renders ${provinces.code} as a bare "code", which the
      // subquery would resolve to c.code (and every count would be 0).
      communeCount: sql<number>`(select count(*)::int from ${communes} c where c.province_code = "provinces"."code" and c.valid_to is null)`,
    })
    .from(provinces)
    .where(isNull(provinces.validTo))
    .orderBy(asc(provinces.code));
}

export async function findProvince(db: DbOrTx, code: string) {
  const [row] = await db.select().from(provinces).where(eq(provinces.code, code)).limit(1);
  return row;
}

export async function listCommunes(
  db: DbOrTx,
  f: { provinceCode: string; q?: string; type?: CommuneRow['type']; regionType?: CommuneRow['regionType'] },
): Promise<CommuneRow[]> {
  const conds: SQL[] = [eq(communes.provinceCode, f.provinceCode), isNull(communes.validTo)];
  if (f.type) conds.push(eq(communes.type, f.type));
  if (f.regionType) conds.push(eq(communes.regionType, f.regionType));
  if (f.q && f.q.trim()) {
    const q = f.q.normalize('NFC').trim().toLowerCase();
    // % and _ are searched for literally, not as LIKE wildcards.
    const pattern = q.replace(/[%_\\]/g, '\\$&');
    conds.push(
      or(
        sql`f_unaccent(lower(${communes.fullName})) like '%' || f_unaccent(${pattern}) || '%'`,
        eq(communes.code, q),
      )!,
    );
  }
  return db.select().from(communes).where(and(...conds)).orderBy(asc(communes.code));
}

export async function findCommune(db: DbOrTx, code: string): Promise<CommuneRow | undefined> {
  const [row] = await db.select().from(communes).where(eq(communes.code, code)).limit(1);
  return row;
}

/** Optimistic update: only when the version still matches; returns the new row or undefined. */
export async function updateCommune(
  db: DbOrTx,
  code: string,
  version: number,
  patch: Partial<Pick<CommuneRow, 'regionType' | 'areaClass'>>,
): Promise<CommuneRow | undefined> {
  const [row] = await db
    .update(communes)
    .set({ ...patch, version: sql`${communes.version} + 1` })
    .where(and(eq(communes.code, code), eq(communes.version, version)))
    .returning();
  return row;
}

export async function listUnits(db: DbOrTx, communeCode: string): Promise<UnitRow[]> {
  return db.select().from(units).where(eq(units.communeCode, communeCode)).orderBy(asc(units.sortOrder), asc(units.id));
}

export async function findUnit(db: DbOrTx, id: number): Promise<UnitRow | undefined> {
  const [row] = await db.select().from(units).where(eq(units.id, id)).limit(1);
  return row;
}

export async function insertUnit(db: DbOrTx, u: typeof units.$inferInsert): Promise<UnitRow> {
  const [row] = await db.insert(units).values(u).returning();
  return row!;
}

export async function updateUnit(
  db: DbOrTx,
  id: number,
  version: number,
  patch: Partial<Pick<UnitRow, 'name' | 'bloc' | 'validTo'>>,
): Promise<UnitRow | undefined> {
  const [row] = await db
    .update(units)
    .set({ ...patch, version: sql`${units.version} + 1` })
    .where(and(eq(units.id, id), eq(units.version, version)))
    .returning();
  return row;
}

export async function countUnitsNamed(db: DbOrTx, communeCode: string, name: string): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(units)
    .where(and(eq(units.communeCode, communeCode), sql`lower(${units.name}) = lower(${name})`, isNull(units.validTo)));
  return r?.n ?? 0;
}

export async function listTrainingOrgs(db: DbOrTx): Promise<TrainingOrgRow[]> {
  return db.select().from(trainingOrgs).orderBy(asc(trainingOrgs.kind), asc(trainingOrgs.provinceCode), asc(trainingOrgs.name));
}

export async function findTrainingOrg(db: DbOrTx, id: number): Promise<TrainingOrgRow | undefined> {
  const [row] = await db.select().from(trainingOrgs).where(eq(trainingOrgs.id, id)).limit(1);
  return row;
}

export async function findTrainingOrgByCode(db: DbOrTx, code: string): Promise<TrainingOrgRow | undefined> {
  const [row] = await db.select().from(trainingOrgs).where(eq(trainingOrgs.code, code)).limit(1);
  return row;
}

export async function insertTrainingOrg(db: DbOrTx, t: typeof trainingOrgs.$inferInsert): Promise<TrainingOrgRow> {
  const [row] = await db.insert(trainingOrgs).values(t).returning();
  return row!;
}

export async function updateTrainingOrg(
  db: DbOrTx,
  id: number,
  version: number,
  patch: Partial<Pick<TrainingOrgRow, 'name' | 'shortName' | 'active'>>,
): Promise<TrainingOrgRow | undefined> {
  const [row] = await db
    .update(trainingOrgs)
    .set({ ...patch, version: sql`${trainingOrgs.version} + 1` })
    .where(and(eq(trainingOrgs.id, id), eq(trainingOrgs.version, version)))
    .returning();
  return row;
}
