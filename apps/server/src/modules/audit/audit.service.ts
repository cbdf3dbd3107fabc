/** Audit log of every change (issue 2 §6): who, when, action, entity, before/after, IP. */
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../authz/policy.ts';
import { assertCan, listScope } from '../../authz/policy.ts';
import { insertAuditEntry, listAuditEntries, type AuditFilter } from './audit.repository.ts';

export interface RequestMeta {
  ip: string | null;
  requestId: string | null;
  /** When the change happened, from the app's one clock (SPEC §13); the database time when absent. */
  at?: Date;
}

export interface AuditChange {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  provinceCode?: string | null;
  communeCode?: string | null;
  before?: unknown;
  after?: unknown;
}

const SECRET_KEYS = new Set(['passwordHash', 'password', 'password_hash', 'newPassword', 'currentPassword', 'temporaryPassword']);

/** Never write secrets into the audit log. */
function redact(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(redact);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = SECRET_KEYS.has(k) ? '***' : v instanceof Date ? v.toISOString() : redact(v);
  }
  return out;
}

/** Record a change inside the caller's transaction, so the audit entry and the change commit together. */
export async function recordChange(tx: DbOrTx, actor: Actor | null, meta: RequestMeta, change: AuditChange): Promise<void> {
  await insertAuditEntry(tx, auditEntry(actor, meta, change));
}

/**
 * The audit row `recordChange` writes, for a caller that inserts it within its own single statement
 * (a data-modifying CTE: the change and its audit row are then one atomic statement); see
 * `auditInsertColumns`/`auditInsertValues` in audit.repository.ts.
 */
export function auditEntry(actor: Actor | null, meta: RequestMeta, change: AuditChange) {
  return {
    ...(meta.at ? { at: meta.at } : {}),
    actorId: actor?.id ?? null,
    actorUsername: actor?.username ?? null,
    actorRole: actor?.role ?? null,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId === undefined || change.entityId === null ? null : String(change.entityId),
    provinceCode: change.provinceCode ?? actor?.provinceCode ?? null,
    communeCode: change.communeCode ?? null,
    before: redact(change.before),
    after: redact(change.after),
    ip: meta.ip,
    requestId: meta.requestId,
  };
}

export async function listAudit(db: Db, actor: Actor, filter: Omit<AuditFilter, 'provinceCode' | 'communeCode'>) {
  assertCan(actor, 'audit.read');
  const scope = listScope(actor);
  if (!scope) return { items: [], total: 0 };
  const { rows, total } = await listAuditEntries(db, { ...filter, ...scope });
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorUsername: r.actorUsername,
      actorRole: r.actorRole,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      provinceCode: r.provinceCode,
      communeCode: r.communeCode,
      before: r.before ?? null,
      after: r.after ?? null,
      ip: r.ip,
      requestId: r.requestId,
    })),
    total,
  };
}
