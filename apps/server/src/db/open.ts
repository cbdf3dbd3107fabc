/** Opens the database the configuration names: DATABASE_URL, or the embedded PostgreSQL under DATA_DIR. */
import pg from 'pg';
import type { AppConfig } from '../config.ts';
import { createDb, createPool, type Db } from './client.ts';
import { startEmbeddedPostgres, type EmbeddedDb } from './embedded.ts';
import { runMigrations } from './migrate.ts';

export const EMBEDDED_DB_NAME = 'boiduong';

export interface OpenDatabase {
  db: Db;
  pool: pg.Pool;
  embedded: EmbeddedDb | null;
  close: () => Promise<void>;
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const r = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (r.rowCount === 0) await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
}

export async function openDatabase(config: AppConfig, log: (m: string) => void): Promise<OpenDatabase> {
  let embedded: EmbeddedDb | null = null;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres(config.dataDir, log);
    await ensureDatabase(embedded.url('postgres'), EMBEDDED_DB_NAME);
    url = embedded.url(EMBEDDED_DB_NAME);
  }
  const pool = createPool(url, Number(process.env.DB_POOL_MAX ?? 20));
  const db = createDb(pool);
  try {
    await runMigrations(db);
  } catch (err) {
    await pool.end();
    await embedded?.stop();
    throw err;
  }
  return {
    db,
    pool,
    embedded,
    close: async () => {
      await pool.end();
      await embedded?.stop();
    },
  };
}
