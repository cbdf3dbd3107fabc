/**
 * Exact result cache of the KPI engine (decision 0007). A result is computed inside one
 * REPEATABLE READ, read-only transaction and stored with that transaction's snapshot S. On the
 * next request it is reused only if no transaction that changed KPI data (a row in kpi_changes,
 * written by triggers in the same transaction as the change) has become visible since S:
 *
 *   not exists (select 1 from kpi_changes where xid >= xmin(S) and not visible_in(xid, S))
 *
 * So a cached number is always the number a from-scratch computation would give now — a change
 * invalidates it the moment it commits, never earlier and never later. Calls made inside a caller's
 * transaction (e.g. a report being frozen) bypass the cache and compute in that transaction.
 */
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';

interface Entry {
  snapshot: string;
  value: unknown;
}
const MAX_ENTRIES = 5000;
const caches = new WeakMap<object, Map<string, Entry>>();
const inflight = new WeakMap<object, Map<string, Promise<unknown>>>();
let enabled = true;

/** For the benchmark and the equivalence test: compare with the cache off. */
export function setKpiCacheEnabled(on: boolean): void {
  enabled = on;
}

function isTransaction(db: DbOrTx): boolean {
  return typeof (db as { rollback?: unknown }).rollback === 'function';
}

async function stillValid(db: DbOrTx, snapshot: string): Promise<boolean> {
  const r = await db.execute<{ ok: boolean }>(sql`
    select not exists (
      select 1 from kpi_changes
      where xid >= pg_snapshot_xmin(${snapshot}::pg_snapshot) and not pg_visible_in_snapshot(xid, ${snapshot}::pg_snapshot)
    ) as ok`);
  return r.rows[0]!.ok;
}

export async function cachedKpi<T>(db: DbOrTx, key: string, compute: (tx: DbOrTx) => Promise<T>): Promise<T> {
  if (!enabled || isTransaction(db)) return compute(db);
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && (await stillValid(db, hit.snapshot))) {
    // keep recently used entries at the end (LRU order)
    cache.delete(key);
    cache.set(key, hit);
    return hit.value as T;
  }
  let running = inflight.get(db);
  if (!running) inflight.set(db, (running = new Map()));
  const pending = running.get(key);
  if (pending) return pending as Promise<T>;
  const p = (db as Db)
    .transaction(
      async (tx) => {
        const s = await tx.execute<{ s: string }>(sql`select pg_current_snapshot()::text as s`);
        const value = await compute(tx);
        return { snapshot: s.rows[0]!.s, value };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    )
    .then((e) => {
      cache.set(key, e);
      if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
      return e.value;
    })
    .finally(() => running.delete(key));
  running.set(key, p);
  return p;
}

/** Rows older than a day are no longer needed by any live snapshot (scheduled job). */
export async function pruneKpiChanges(db: DbOrTx): Promise<number> {
  const r = await db.execute(sql`delete from kpi_changes where at < now() - interval '1 day'`);
  return r.rowCount ?? 0;
}
