/** The only queries of bulk account creation for officials. */
import { asc, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { officials, users } from '../../db/schema/index.ts';
import type { OfficialRow } from './roster-import.repository.ts';

/** The officials, locked so two admins do not create two accounts for one person at once. */
export async function lockOfficials(tx: DbOrTx, ids: string[]): Promise<OfficialRow[]> {
  if (ids.length === 0) return [];
  return tx.select().from(officials).where(inArray(officials.id, ids)).orderBy(asc(officials.id)).for('update');
}

export async function accountsOfOfficials(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ officialId: users.officialId, username: users.username }).from(users).where(inArray(users.officialId, ids));
}

/** Usernames already taken among those a batch could generate (same commune suffix). */
export async function usernamesLike(db: DbOrTx, suffix: string): Promise<string[]> {
  const rows = await db
    .select({ username: users.username })
    .from(users)
    .where(sql`${users.username} like ${'%' + suffix.replace(/[%_\\]/g, '\\$&')}`);
  return rows.map((r) => r.username);
}

export interface NewAccount {
  username: string;
  full_name: string;
  email: string | null;
  phone: string | null;
  province_code: string;
  commune_code: string;
  unit_id: number | null;
  official_id: string;
  password_hash: string;
}

export async function insertAccounts(
  tx: DbOrTx,
  rows: NewAccount[],
  now: Date,
): Promise<{ id: string; username: string; official_id: string }[]> {
  if (rows.length === 0) return [];
  const r = await tx.execute<{ id: string; username: string; official_id: string }>(sql`
    insert into users (username, full_name, email, phone, role, province_code, commune_code, unit_id, official_id, password_hash,
      must_change_password, created_at, updated_at)
    select username, full_name, email, phone, 'official', province_code, commune_code, unit_id, official_id, password_hash, true, ${now}::timestamptz, ${now}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(username text, full_name text, email text, phone text,
      province_code text, commune_code text, unit_id int, official_id uuid, password_hash text)
    returning id, username, official_id`);
  return r.rows;
}
