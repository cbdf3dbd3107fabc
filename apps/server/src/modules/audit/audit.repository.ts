import { and, count, desc, eq, gte, ilike, lt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { auditLog } from '../../db/schema/index.ts';

export type AuditEntryInput = typeof auditLog.$inferInsert;

export async function insertAuditEntry(db: DbOrTx, entry: AuditEntryInput): Promise<void> {
  await db.insert(auditLog).values(entry);
}

/**
 * `insert into audit_log (…) select … from <source>` for a data-modifying CTE: one audit row per row
 * of `source` (the CTE of the change), so the row is written exactly when the change is. The values are
 * placeholders named `audit_*` (fill them with `auditValues(entry)`), so a statement using it can be
 * built once and run as a prepared statement.
 */
export function auditInsertFrom(source: SQL): SQL {
  const p = (k: keyof ReturnType<typeof auditValues>) => sql.placeholder(k);
  return sql`insert into audit_log (at, actor_id, actor_username, actor_role, action, entity_type, entity_id, province_code, commune_code,
                                    before, after, ip, request_id)
    select coalesce(${p('audit_at')}::timestamptz, now()), ${p('audit_actor_id')}::uuid, ${p('audit_actor_username')}::text,
           ${p('audit_actor_role')}::text, ${p('audit_action')}::text, ${p('audit_entity_type')}::text, ${p('audit_entity_id')}::text,
           ${p('audit_province_code')}::text, ${p('audit_commune_code')}::text, ${p('audit_before')}::jsonb, ${p('audit_after')}::jsonb,
           ${p('audit_ip')}::text, ${p('audit_request_id')}::text
    from ${source}`;
}

/** The placeholder values of `auditInsertFrom` for one entry (built by `auditEntry`, like `recordChange`). */
export function auditValues(entry: AuditEntryInput) {
  const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
  return {
    audit_at: entry.at ?? null,
    audit_actor_id: entry.actorId ?? null,
    audit_actor_username: entry.actorUsername ?? null,
    audit_actor_role: entry.actorRole ?? null,
    audit_action: entry.action,
    audit_entity_type: entry.entityType,
    audit_entity_id: entry.entityId ?? null,
    audit_province_code: entry.provinceCode ?? null,
    audit_commune_code: entry.communeCode ?? null,
    audit_before: json(entry.before),
    audit_after: json(entry.after),
    audit_ip: entry.ip ?? null,
    audit_request_id: entry.requestId ?? null,
  };
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
