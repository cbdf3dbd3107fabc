/**
 * Exact result cache of the KPI engine (decision 0007). A value is computed inside one
 * REPEATABLE READ, read-only transaction and stored with that transaction's snapshot S and its
 * *validity*: the province whose changes can move it (null = any change). Triggers record, in the
 * same transaction as every change, the provinces the change can affect in kpi_changes ('*' = all).
 * The value is reused only if no such change has become visible since S:
 *
 *   not exists (select 1 from kpi_changes where xid >= xmin(S) and not visible_in(xid, S)
 *                                          and province_code in (P, '*'))
 *
 * So a cached value is always the value a from-scratch computation would give now — a change
 * invalidates it the moment it commits, never earlier and never later. Several values (the 34
 * province entries the nation is summed from) are checked in ONE query, i.e. at one instant; when
 * some had to be recomputed, all are checked again together, so the combination is the state at one
 * instant too. Calls made inside a caller's transaction bypass the cache (see kpis.service.ts).
 */
import { sql } from 'drizzle-orm';
import { preparedStatement, type Db, type DbOrTx } from '../../db/client.ts';

interface Entry {
  snapshot: string;
  value: unknown;
}
/** A value to read from the cache, or compute: `validity` = province code, or null for "any change". */
export interface CacheItem<T> {
  key: string;
  validity: string | null;
  compute: (tx: DbOrTx) => Promise<T>;
}
const MAX_ENTRIES = 5000;
const CONCURRENCY = 2;
const caches = new WeakMap<object, Map<string, Entry>>();
const inflight = new WeakMap<object, Map<string, Promise<Entry>>>();
const computations = new Map<string, number>();
let enabled = true;

/** For the benchmark and the equivalence test: compare with the cache off. */
export function setKpiCacheEnabled(on: boolean): void {
  enabled = on;
}

export function kpiCacheEnabled(): boolean {
  return enabled;
}

/** How many times values whose key starts with `prefix` were computed (tests: unaffected provinces are not recomputed). */
export function kpiComputations(prefix = ''): number {
  let n = 0;
  for (const [k, v] of computations) if (k.startsWith(prefix)) n += v;
  return n;
}

export function isTransaction(db: DbOrTx): boolean {
  return typeof (db as { rollback?: unknown }).rollback === 'function';
}

/** The warm path is this one query: a named prepared statement, planned once per connection. */
const validityQuery = preparedStatement<{ k: string }, { items: string }>(
  'kpi_validity',
  sql`
    select x.k from jsonb_to_recordset(${sql.placeholder('items')}::jsonb) as x(k text, s text, p text)
    where exists (
      select 1 from kpi_changes c
      where c.xid >= pg_snapshot_xmin(x.s::pg_snapshot) and not pg_visible_in_snapshot(c.xid, x.s::pg_snapshot)
        and (x.p is null or c.province_code = x.p or c.province_code = '*'))`,
);

/** The keys among `items` whose value has been invalidated by a committed change (one query). */
async function invalidKeys(db: DbOrTx, items: { key: string; snapshot: string; validity: string | null }[]): Promise<Set<string>> {
  if (items.length === 0) return new Set();
  const json = JSON.stringify(items.map((i) => ({ k: i.key, s: i.snapshot, p: i.validity })));
  const r = await validityQuery(db, { items: json });
  return new Set(r.rows.map((row) => row.k));
}

function computeEntry<T>(db: DbOrTx, cache: Map<string, Entry>, item: CacheItem<T>): Promise<Entry> {
  let running = inflight.get(db);
  if (!running) inflight.set(db, (running = new Map()));
  const pending = running.get(item.key);
  if (pending) return pending;
  const p = (db as Db)
    .transaction(
      async (tx) => {
        const s = await tx.execute<{ s: string }>(sql`select pg_current_snapshot()::text as s`);
        const value = await item.compute(tx);
        return { snapshot: s.rows[0]!.s, value };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    )
    .then((e) => {
      computations.set(item.key, (computations.get(item.key) ?? 0) + 1);
      cache.delete(item.key);
      cache.set(item.key, e);
      if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
      return e;
    })
    .finally(() => running.delete(item.key));
  running.set(item.key, p);
  return p;
}

/**
 * The values of all `items`, each exact and all of them together the state at one instant. Invalid
 * or missing ones are recomputed (two at a time), each in its own snapshot; then all are re-checked
 * in one query, and the few invalidated meanwhile are recomputed again.
 */
export async function cachedKpiMany<T>(db: DbOrTx, items: CacheItem<T>[]): Promise<T[]> {
  if (!enabled || isTransaction(db)) {
    const out: T[] = [];
    for (const i of items) out.push(await i.compute(db));
    return out;
  }
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const got = new Map<string, Entry>();
  for (const i of items) {
    const hit = cache.get(i.key);
    if (hit) got.set(i.key, hit);
  }
  for (let attempt = 0; ; attempt++) {
    const bad = await invalidKeys(
      db,
      items.filter((i) => got.has(i.key)).map((i) => ({ key: i.key, snapshot: got.get(i.key)!.snapshot, validity: i.validity })),
    );
    const todo = items.filter((i) => !got.has(i.key) || bad.has(i.key));
    if (todo.length === 0) break;
    if (attempt >= 5) {
      // changes keep landing while we compute: give one answer from one snapshot, uncached
      return (db as Db).transaction(
        async (tx) => {
          const out: T[] = [];
          for (const i of items) out.push(await i.compute(tx));
          return out;
        },
        { isolationLevel: 'repeatable read', accessMode: 'read only' },
      );
    }
    for (const k of bad) if (cache.get(k) === got.get(k)) cache.delete(k);
    let next = 0;
    const worker = async () => {
      while (next < todo.length) {
        const i = todo[next++]!;
        got.set(i.key, await computeEntry(db, cache, i));
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, todo.length) }, worker));
    // a single value is exact as computed (its own snapshot); several are re-checked together above
    if (items.length === 1) break;
  }
  for (const i of items) {
    // keep recently used entries at the end (LRU order)
    const e = got.get(i.key)!;
    if (cache.get(i.key) === e) {
      cache.delete(i.key);
      cache.set(i.key, e);
    }
  }
  return items.map((i) => got.get(i.key)!.value as T);
}

export async function cachedKpi<T>(db: DbOrTx, key: string, validity: string | null, compute: (tx: DbOrTx) => Promise<T>): Promise<T> {
  return (await cachedKpiMany(db, [{ key, validity, compute }]))[0]!;
}

/** Rows older than a day are no longer needed by any live snapshot (scheduled job). */
export async function pruneKpiChanges(db: DbOrTx): Promise<number> {
  const r = await db.execute(sql`delete from kpi_changes where at < now() - interval '1 day'`);
  return r.rowCount ?? 0;
}
