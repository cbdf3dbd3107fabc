import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { positions } from '../../db/schema/index.ts';

export type PositionRow = typeof positions.$inferSelect;
export { findPosition, positionsFor } from '../officials/officials.repository.ts';

export async function insertPosition(db: DbOrTx, p: typeof positions.$inferInsert): Promise<PositionRow> {
  const [row] = await db.insert(positions).values(p).returning();
  return row!;
}

export async function updatePosition(db: DbOrTx, id: number, version: number, patch: Partial<typeof positions.$inferInsert>): Promise<PositionRow | undefined> {
  const [row] = await db
    .update(positions)
    .set({ ...patch, version: sql`${positions.version} + 1` })
    .where(and(eq(positions.id, id), eq(positions.version, version)))
    .returning();
  return row;
}

export async function nextCode(db: DbOrTx, prefix: string): Promise<string> {
  const r = await db.execute<{ n: number }>(sql`select count(*)::int as n from positions where code like ${prefix + '%'}`);
  return `${prefix}${String((r.rows[0]?.n ?? 0) + 1).padStart(3, '0')}`;
}
