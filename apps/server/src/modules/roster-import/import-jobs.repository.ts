/** The only queries of the background-import queue (import_jobs); see docs/decisions/0005-background-imports.md. */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { importJobs } from '../../db/schema/index.ts';

export type ImportJobRow = typeof importJobs.$inferSelect;

export async function insertJob(db: DbOrTx, job: typeof importJobs.$inferInsert): Promise<string> {
  const [row] = await db.insert(importJobs).values(job).returning({ id: importJobs.id });
  return row!.id;
}

const jobColumns = {
  id: importJobs.id,
  kind: importJobs.kind,
  provinceCode: importJobs.provinceCode,
  communeCode: importJobs.communeCode,
  createdBy: importJobs.createdBy,
  dryRun: importJobs.dryRun,
  status: importJobs.status,
  progress: importJobs.progress,
  totalRows: importJobs.totalRows,
  fileName: importJobs.fileName,
  result: importJobs.result,
  createdAt: importJobs.createdAt,
  finishedAt: importJobs.finishedAt,
};

export async function findJob(db: DbOrTx, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db.select(jobColumns).from(importJobs).where(eq(importJobs.id, id)).limit(1);
  return row;
}

const { result: _result, ...summaryColumns } = jobColumns;

/** Latest jobs someone queued (without their results). */
export async function jobsCreatedBy(db: DbOrTx, userId: string, kind: string, limit: number) {
  return db
    .select(summaryColumns)
    .from(importJobs)
    .where(and(eq(importJobs.createdBy, userId), eq(importJobs.kind, kind)))
    .orderBy(desc(importJobs.createdAt))
    .limit(limit);
}

/** SQL text that claims the oldest queued job and takes its lock in the same statement (run on a dedicated connection). */
export const CLAIM_JOB_SQL = `
  update import_jobs set status = 'running', progress = 0
  where id = (select id from import_jobs where status = 'queued' order by created_at for update skip locked limit 1)
  returning id, kind, province_code, commune_code, created_by, dry_run, file_name, file,
    pg_advisory_lock(hashtextextended('import-job:' || id::text, 0)) is not null as locked`;

export const UNLOCK_JOB_SQL = `select pg_advisory_unlock(hashtextextended('import-job:' || $1::text, 0))`;

export async function setJobProgress(db: DbOrTx, id: string, progress: number, totalRows: number | null): Promise<void> {
  await db
    .update(importJobs)
    .set({ progress: sql`greatest(${importJobs.progress}, ${progress})`, ...(totalRows !== null ? { totalRows } : {}) })
    .where(and(eq(importJobs.id, id), eq(importJobs.status, 'running')));
}

/** Ends a job; the uploaded file is dropped (personal data is not kept longer than needed). */
export async function finishJob(
  db: DbOrTx,
  id: string,
  status: 'done' | 'failed',
  result: string,
  totalRows: number | null,
  at: Date,
): Promise<void> {
  await db
    .update(importJobs)
    .set({
      status,
      result,
      progress: status === 'done' ? 100 : sql`${importJobs.progress}`,
      finishedAt: at,
      file: null,
      ...(totalRows !== null ? { totalRows } : {}),
    })
    .where(eq(importJobs.id, id));
}

export async function requeueJob(db: DbOrTx, id: string): Promise<void> {
  await db
    .update(importJobs)
    .set({ status: 'queued', progress: 0 })
    .where(and(eq(importJobs.id, id), eq(importJobs.status, 'running')));
}

/** Running jobs whose worker is gone (nobody holds their lock): they end as failed, with a message. */
export async function failOrphanedJobs(db: DbOrTx, result: string, at: Date): Promise<number> {
  const r = await db.execute(sql`
    update import_jobs set status = 'failed', result = ${result}, finished_at = ${at}, file = null
    where status = 'running' and pg_try_advisory_xact_lock(hashtextextended('import-job:' || id::text, 0))
    returning id`);
  return r.rows.length;
}
