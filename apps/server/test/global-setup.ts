/**
 * Starts one real PostgreSQL for the whole test run, migrates and seeds a template database once;
 * every test file then clones it (CREATE DATABASE … TEMPLATE), so files run in parallel in isolation.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDb, createPool } from '../src/db/client.ts';
import { startEmbeddedPostgres, type EmbeddedDb } from '../src/db/embedded.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { seedReferenceData } from '../src/seed/reference.ts';
import { seedDemoData } from '../src/seed/demo.ts';
import pg from 'pg';

export const TEMPLATE_DB = 'app_template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    templateDb: string;
  }
}

let embedded: EmbeddedDb | null = null;
let dir: string | null = null;

export async function setup(project: TestProject): Promise<void> {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boiduong-test-'));
    fs.chmodSync(dir, 0o755);
    embedded = await startEmbeddedPostgres(dir, () => {});
    adminUrl = embedded.url('postgres');
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${TEMPLATE_DB}`);
  await admin.query(`create database ${TEMPLATE_DB}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${TEMPLATE_DB}`;
  const pool = createPool(url.toString(), 2);
  const db = createDb(pool);
  await runMigrations(db);
  await seedReferenceData(db);
  await seedDemoData(db, '2026-11-23', { training: false });
  await pool.end();
  project.provide('pgAdminUrl', adminUrl);
  project.provide('templateDb', TEMPLATE_DB);
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
