import { and, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { communes, loginAttempts, provinces, sessions, trainingOrgs, units, users } from '../../db/schema/index.ts';
import type { AttemptState } from './auth.rules.ts';

export type UserRow = typeof users.$inferSelect;

export async function findUserByUsername(db: DbOrTx, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return row;
}

export async function findUserById(db: DbOrTx, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

/** One query per request: the live session and its user, built once per database handle as a named prepared statement (issue 7). */
function liveSessionQuery(db: DbOrTx) {
  return db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sql.placeholder('tokenHash')), gt(sessions.expiresAt, sql.placeholder('now'))))
    .limit(1)
    .prepare('auth_find_live_session');
}
const liveSessionQueries = new WeakMap<DbOrTx, ReturnType<typeof liveSessionQuery>>();

export async function findLiveSession(db: DbOrTx, tokenHash: string, now: Date) {
  let q = liveSessionQueries.get(db);
  if (!q) liveSessionQueries.set(db, (q = liveSessionQuery(db)));
  // Placeholder values skip the column encoders: the instant as drizzle would send it.
  const [row] = await q.execute({ tokenHash, now: now.toISOString() });
  return row;
}

export async function insertSession(db: DbOrTx, s: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(s);
}

export async function touchSession(db: DbOrTx, tokenHash: string, now: Date, expiresAt: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, tokenHash));
}

export async function deleteSession(db: DbOrTx, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, tokenHash));
}

export async function deleteUserSessions(db: DbOrTx, userId: string, exceptTokenHash?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(exceptTokenHash ? and(eq(sessions.userId, userId), ne(sessions.id, exceptTokenHash)) : eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: DbOrTx, now: Date): Promise<number> {
  const res = await db.delete(sessions).where(sql`${sessions.expiresAt} <= ${now}`);
  return res.rowCount ?? 0;
}

export async function getAttempts(db: DbOrTx, username: string): Promise<AttemptState | null> {
  const [row] = await db.select().from(loginAttempts).where(eq(loginAttempts.username, username)).limit(1);
  return row ? { failures: row.failures, firstFailureAt: row.firstFailureAt, lockedUntil: row.lockedUntil } : null;
}

export async function saveAttempts(db: DbOrTx, username: string, s: AttemptState): Promise<void> {
  await db
    .insert(loginAttempts)
    .values({ username, ...s })
    .onConflictDoUpdate({ target: loginAttempts.username, set: { ...s } });
}

export async function clearAttempts(db: DbOrTx, username: string): Promise<void> {
  await db.delete(loginAttempts).where(eq(loginAttempts.username, username));
}

export async function setLastLogin(db: DbOrTx, userId: string, now: Date): Promise<void> {
  await db.update(users).set({ lastLoginAt: now }).where(eq(users.id, userId));
}

export async function setPassword(db: DbOrTx, userId: string, passwordHash: string, mustChange: boolean, now: Date): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash, mustChangePassword: mustChange, updatedAt: now, version: sql`${users.version} + 1` })
    .where(eq(users.id, userId));
}

/** Real names of the places a user's scope points at, for the home page. */
export async function scopeNames(
  db: DbOrTx,
  ids: { provinceCode: string | null; communeCode: string | null; unitId: number | null; trainingOrgId: number | null },
) {
  const out: { provinceName?: string; communeName?: string; unitName?: string; trainingOrgName?: string } = {};
  const [p, c, u, t] = await Promise.all([
    ids.provinceCode ? db.select({ n: provinces.fullName }).from(provinces).where(eq(provinces.code, ids.provinceCode)) : [],
    ids.communeCode ? db.select({ n: communes.fullName }).from(communes).where(eq(communes.code, ids.communeCode)) : [],
    ids.unitId !== null ? db.select({ n: units.name }).from(units).where(eq(units.id, ids.unitId)) : [],
    ids.trainingOrgId !== null ? db.select({ n: trainingOrgs.name }).from(trainingOrgs).where(eq(trainingOrgs.id, ids.trainingOrgId)) : [],
  ]);
  if (p[0]) out.provinceName = p[0].n;
  if (c[0]) out.communeName = c[0].n;
  if (u[0]) out.unitName = u[0].n;
  if (t[0]) out.trainingOrgName = t[0].n;
  return out;
}

/** Usernames among these that are locked at `now`, with the lock's end. */
export async function findLocks(db: DbOrTx, usernames: string[], now: Date): Promise<Map<string, Date>> {
  if (usernames.length === 0) return new Map();
  const rows = await db
    .select({ username: loginAttempts.username, lockedUntil: loginAttempts.lockedUntil })
    .from(loginAttempts)
    .where(and(inArray(loginAttempts.username, usernames), gt(loginAttempts.lockedUntil, now)));
  return new Map(rows.map((r) => [r.username, r.lockedUntil!]));
}
