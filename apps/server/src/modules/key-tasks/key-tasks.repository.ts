/** All SQL of the key-task tracker. */
import { and, asc, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { keyTasks, keyTaskUpdates } from '../../db/schema/index.ts';

export type KeyTaskRow = typeof keyTasks.$inferSelect;
export type KeyTaskInsert = typeof keyTasks.$inferInsert;

/** Tasks of the nation, plus (when given) the province's own and the commune's own. */
export async function listTasks(db: DbOrTx, q: { provinceCode?: string | null; communeCode?: string | null }): Promise<KeyTaskRow[]> {
  const ors: SQL[] = [eq(keyTasks.level, 'nation')];
  if (q.provinceCode) ors.push(and(eq(keyTasks.level, 'province'), eq(keyTasks.provinceCode, q.provinceCode))!);
  if (q.communeCode) ors.push(and(eq(keyTasks.level, 'commune'), eq(keyTasks.communeCode, q.communeCode))!);
  return db
    .select()
    .from(keyTasks)
    .where(or(...ors))
    .orderBy(
      sql`case ${keyTasks.level} when 'nation' then 0 when 'province' then 1 else 2 end`,
      asc(keyTasks.groupName),
      asc(keyTasks.orderNo),
      asc(keyTasks.deadline),
      asc(keyTasks.id),
    );
}

export async function findTask(db: DbOrTx, id: number): Promise<KeyTaskRow | undefined> {
  const [r] = await db.select().from(keyTasks).where(eq(keyTasks.id, id));
  return r;
}

export async function nextOrderNo(db: DbOrTx, level: string, provinceCode: string | null, communeCode: string | null): Promise<number> {
  const r = await db.execute<{ n: number }>(sql`select coalesce(max(order_no), 0)::int + 1 as n from key_tasks
    where level = ${level} and province_code is not distinct from ${provinceCode} and commune_code is not distinct from ${communeCode}`);
  return r.rows[0]?.n ?? 1;
}

export async function insertTask(db: DbOrTx, t: KeyTaskInsert): Promise<KeyTaskRow> {
  const [row] = await db.insert(keyTasks).values(t).returning();
  return row!;
}

export async function updateTask(db: DbOrTx, id: number, version: number, patch: Partial<KeyTaskInsert>): Promise<KeyTaskRow | undefined> {
  const [row] = await db
    .update(keyTasks)
    .set({ ...patch, version: sql`${keyTasks.version} + 1` })
    .where(and(eq(keyTasks.id, id), eq(keyTasks.version, version)))
    .returning();
  return row;
}

export async function insertUpdate(db: DbOrTx, u: typeof keyTaskUpdates.$inferInsert): Promise<void> {
  await db.insert(keyTaskUpdates).values(u);
}

export async function historyOf(db: DbOrTx, taskId: number) {
  return db
    .select()
    .from(keyTaskUpdates)
    .where(eq(keyTaskUpdates.taskId, taskId))
    .orderBy(desc(keyTaskUpdates.at), desc(keyTaskUpdates.id));
}
