/** The connection pool and the Drizzle handle every repository receives. */
import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import * as schema from './schema/index.ts';

export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle has the same query API as the database handle. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

// DATE columns stay 'YYYY-MM-DD' strings: no time-zone shifts on calendar dates.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
// BIGINT counts fit in a JS number in this domain.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export function createPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'boiduong' });
  // A connection dropped by a stopping server must not crash the process (STACK-NOTES trap 5).
  pool.on('error', () => {});
  return pool;
}

export function createDb(pool: pg.Pool): Db {
  return drizzle(pool, { schema });
}

const dialect = new PgDialect();
/** Statement name per SQL text (a name must always carry the same text on a connection). */
const statementNames = new Map<string, string>();
const MAX_NAMED_STATEMENTS = 200;

/**
 * `db.execute(query)` as a named prepared statement: each pooled connection parses and plans the
 * text once and then only binds values (PostgreSQL keeps a generic plan after five executions when
 * it is as good). For the few hot statements of fixed shape (issue 7); each distinct text gets its own
 * name, so a statement whose text varies with its input stays correct (only less cached).
 */
export async function executePrepared<T extends Record<string, unknown>>(db: DbOrTx, name: string, query: SQL): Promise<{ rows: T[] }> {
  const q = dialect.sqlToQuery(query);
  let stmt = statementNames.get(q.sql);
  if (stmt === undefined && statementNames.size < MAX_NAMED_STATEMENTS) {
    stmt = `${name}_${statementNames.size + 1}`;
    statementNames.set(q.sql, stmt);
  }
  return db._.session.prepareQuery<{ execute: { rows: T[] }; all: unknown; values: unknown }>(q, undefined, stmt, false).execute();
}
