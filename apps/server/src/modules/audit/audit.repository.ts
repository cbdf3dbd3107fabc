import { and, count, desc, eq, gte, ilike, lt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { auditLog } from '../../db/schema/index.ts';

export type AuditEntryInput = typeof auditLog.$inferInsert;

export async function insertAuditEntry(db: DbOrTx, entry: AuditEntryInput): Promise<void> {
  await db.insert(auditLog).values(entry);
}

/**
 * `insert into audit_log (…) select … from <source>` for a data-modifying CTE: one audit row per row
 * of `source` (the CTE of the change), so the row is written exactly when the change is.
 */
export function auditInsertFrom(source: SQL, entry: AuditEntryInput): SQL {
  const json = (v: unknown) => (v === null || v === undefined ? sql`null::jsonb` : sql`${JSON.stringify(v)}::jsonb`);
  return sql`insert into audit_log (at, actor_id, actor_username, actor_role, action, entity_type, entity_id, province_code, commune_code,
                                    before, after, ip, request_id)
    select coalesce(${entry.at ?? null}::timestamptz, now()), ${entry.actorId ?? null}::uuid, ${entry.actorUsername ?? null}, ${entry.actorRole ?? null},
           ${entry.action}, ${entry.entityType}, ${entry.entityId ?? null}, ${entry.provinceCode ?? null}, ${entry.communeCode ?? null},
           ${json(entry.before)}, ${json(entry.after)}, ${entry.ip ?? null}, ${entry.requestId ?? null}
    from ${source}`;
}

export interface AuditFilter {
  provinceCode?: string;
  communeCode?: string;
  action?: string;
  entityType?: string;
  actor?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export async function listAuditEntries(db: DbOrTx, f: AuditFilter) {
  const conds: SQL[] = [];
  if (f.provinceCode) conds.push(eq(auditLog.provinceCode, f.provinceCode));
  if (f.communeCode) conds.push(eq(auditLog.communeCode, f.communeCode));
  if (f.action) conds.push(eq(auditLog.action, f.action));
  if (f.entityType) conds.push(eq(auditLog.entityType, f.entityType));
  if (f.actor) conds.push(ilike(auditLog.actorUsername, `%${f.actor.replace(/[%_\\]/g, '\\$&')}%`));
  // Calendar days are Vietnam days (UTC+7).
  if (f.from) conds.push(gte(auditLog.at, sql`(${f.from}::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`));
  if (f.to) conds.push(lt(auditLog.at, sql`((${f.to}::date) + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`));
  const where = conds.length ? and(...conds) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
