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
const statementNames = new Set<string>();

/**
 * A hot statement of fixed shape as a named prepared statement (issue 7): its text is built once from
 * `query` (values as `sql.placeholder(name)`), each pooled connection parses and plans it once, and a
 * call only binds the values (PostgreSQL keeps a generic plan after five executions when it is as
 * good). The name must be unique in the process.
 */
export function preparedStatement<T extends Record<string, unknown>, V extends Record<string, unknown>>(name: string, query: SQL) {
  if (statementNames.has(name)) throw new Error(`prepared statement ${name} is defined twice`);
  statementNames.add(name);
  const q = dialect.sqlToQuery(query);
  return (db: DbOrTx, values: V): Promise<{ rows: T[] }> =>
    db._.session.prepareQuery<{ execute: { rows: T[] }; all: unknown; values: unknown }>(q, undefined, name, false).execute(values);
}
