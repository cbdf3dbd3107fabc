/** The first national admin of a production install (no demo data there): from env vars or the CLI. */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { hashPassword } from '../modules/auth/passwords.ts';
import { ChangePasswordRequest } from '@app/shared';

export async function ensureNationalAdmin(db: Db, username: string, password: string, fullName = 'Quản trị hệ thống'): Promise<boolean> {
  const check = ChangePasswordRequest.shape.newPassword.safeParse(password);
  if (!check.success) throw new Error(`Mật khẩu quản trị không đạt yêu cầu: ${check.error.issues.map((i) => i.message).join('; ')}`);
  const name = username.trim().toLowerCase();
  const existing = await db.execute(sql`select 1 from users where username = ${name}`);
  if (existing.rows.length > 0) return false;
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.execute(sql`insert into users (username, full_name, role, password_hash, must_change_password)
      values (${name}, ${fullName}, 'national_admin', ${hash}, true)`);
    await tx.execute(sql`insert into audit_log (action, entity_type, entity_id, after)
      values ('user.create_initial_admin', 'user', ${name}, ${JSON.stringify({ username: name })}::jsonb)`);
  });
  return true;
}
