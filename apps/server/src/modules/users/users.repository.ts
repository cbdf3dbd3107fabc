import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { communes, provinces, trainingOrgs, units, users } from '../../db/schema/index.ts';
import type { Role } from '@app/shared';

export type UserRow = typeof users.$inferSelect;

export interface UserFilter {
  provinceCode?: string | undefined;
  communeCode?: string | undefined;
  role?: Role | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

const listColumns = {
  user: users,
  provinceName: provinces.fullName,
  communeName: communes.fullName,
  unitName: units.name,
  trainingOrgName: trainingOrgs.name,
};


export async function listUsers(db: DbOrTx, f: UserFilter) {
  const conds: SQL[] = [];
  if (f.provinceCode) conds.push(eq(users.provinceCode, f.provinceCode));
  if (f.communeCode) conds.push(eq(users.communeCode, f.communeCode));
  if (f.role) conds.push(eq(users.role, f.role));
  if (f.q && f.q.trim()) {
    // % and _ are searched for literally, not as LIKE wildcards.
    const q = f.q.normalize('NFC').trim().toLowerCase().replace(/[%_\\]/g, '\\$&');
    conds.push(sql`f_unaccent(lower(${users.username} || ' ' || ${users.fullName})) like '%' || f_unaccent(${q}) || '%'`);
  }
  const where = conds.length ? and(...conds) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select(listColumns)
      .from(users)
      .leftJoin(provinces, eq(provinces.code, users.provinceCode))
      .leftJoin(communes, eq(communes.code, users.communeCode))
      .leftJoin(units, eq(units.id, users.unitId))
      .leftJoin(trainingOrgs, eq(trainingOrgs.id, users.trainingOrgId))
      .where(where)
      .orderBy(asc(users.username))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function findUserWithNames(db: DbOrTx, id: string) {
  const [row] = await db
    .select(listColumns)
    .from(users)
    .leftJoin(provinces, eq(provinces.code, users.provinceCode))
    .leftJoin(communes, eq(communes.code, users.communeCode))
    .leftJoin(units, eq(units.id, users.unitId))
    .leftJoin(trainingOrgs, eq(trainingOrgs.id, users.trainingOrgId))
    .where(eq(users.id, id))
    .limit(1);
  return row;
}

export async function usernameExists(db: DbOrTx, username: string): Promise<boolean> {
  const [r] = await db.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1);
  return !!r;
}

export async function insertUser(db: DbOrTx, u: typeof users.$inferInsert): Promise<UserRow> {
  const [row] = await db.insert(users).values(u).returning();
  return row!;
}

export async function updateUser(
  db: DbOrTx,
  id: string,
  version: number,
  patch: Partial<Pick<UserRow, 'fullName' | 'email' | 'phone' | 'active' | 'unitId' | 'updatedAt'>>,
): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({ ...patch, version: sql`${users.version} + 1` })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning();
  return row;
}
