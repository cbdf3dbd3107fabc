/**
 * Background roster imports (docs/decisions/0005-background-imports.md): jobs live in import_jobs
 * (with the uploaded file), any app server's worker claims the oldest queued one with
 * `FOR UPDATE SKIP LOCKED`, and holds a session advisory lock on it while it runs. A running job
 * whose lock nobody holds lost its worker (crash, kill -9): the next poll anywhere marks it failed.
 * A graceful stop puts an unfinished job back in the queue (nothing of it was committed).
 */
import type pg from 'pg';
import type { RosterImportResult } from '@app/shared';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../clock.ts';
import { AppError } from '../../http/errors.ts';
import { findUserById } from '../auth/auth.repository.ts';
import { actorFromUser } from '../auth/auth.service.ts';
import * as repo from './import-jobs.repository.ts';
import type { StoredJobOutcome } from './import-jobs.service.ts';
import { ImportAborted, importRoster } from './roster-import.service.ts';

export interface ImportWorkerDeps {
  db: Db;
  clock: Clock;
  /** one line per notable event (job failed unexpectedly, worker error) */
  log?: (msg: string) => void;
  /** poll interval, default 1 s */
  pollMs?: number;
}

export interface ImportWorker {
  /** Stops polling; an unfinished job is put back in the queue (or finishes if it is committing). */
  stop: () => Promise<void>;
}

interface ClaimedJob {
  id: string;
  kind: string;
  province_code: string | null;
  commune_code: string | null;
  created_by: string | null;
  dry_run: boolean;
  file_name: string | null;
  file: Buffer | null;
}

const ORPHANED: StoredJobOutcome = {
  error: { code: 'INTERRUPTED', message: 'Việc nhập bị gián đoạn do máy chủ dừng đột ngột; không có gì được lưu. Hãy tải tệp lên lại.' },
};
const UNEXPECTED: StoredJobOutcome = {
  error: { code: 'INTERNAL', message: 'Hệ thống gặp lỗi ngoài dự kiến khi nhập tệp; không có gì được lưu. Vui lòng thử lại sau.' },
};

export function startImportWorker(deps: ImportWorkerDeps): ImportWorker {
  const { db, clock } = deps;
  const log = deps.log ?? (() => {});
  const pollMs = deps.pollMs ?? 1000;
  const pool = (db as Db & { $client: pg.Pool }).$client;
  const abort = new AbortController();
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<void> | null = null;

  async function runJob(job: ClaimedJob): Promise<void> {
    const now = () => clock.now();
    const finish = (status: 'done' | 'failed', outcome: StoredJobOutcome, totalRows: number | null) =>
      repo.finishJob(db, job.id, status, JSON.stringify(outcome), totalRows, now());
    const user = job.created_by ? await findUserById(db, job.created_by) : undefined;
    if (!user || !user.active || !job.file) {
      await finish(
        'failed',
        { error: { code: 'FORBIDDEN', message: 'Tài khoản đã tải tệp lên không còn hoạt động hoặc tệp không còn; việc nhập bị hủy.' } },
        null,
      );
      return;
    }
    // Progress is written by a chain of small updates, at most every 5 points, never blocking the import.
    let written = 0;
    let chain: Promise<void> = Promise.resolve();
    const onProgress = (progress: number, totalRows: number | null) => {
      if (progress < written + 5 && totalRows === null) return;
      written = progress;
      chain = chain.then(() => repo.setJobProgress(db, job.id, Math.min(99, progress), totalRows)).catch(() => {});
    };
    try {
      const result: RosterImportResult = await importRoster(
        { db, clock },
        actorFromUser(user),
        job.commune_code ?? undefined,
        { file: job.file, fileName: job.file_name, dryRun: job.dry_run },
        { ip: null, requestId: `import-job:${job.id}` },
        { onProgress, signal: abort.signal, jobId: job.id },
      );
      await chain;
      await finish('done', { result }, result.totalRows);
    } catch (err) {
      await chain;
      if (err instanceof ImportAborted) {
        await repo.requeueJob(db, job.id);
      } else if (err instanceof AppError && err.statusCode < 500) {
        await finish('failed', { error: { code: err.code, message: err.message } }, null);
      } else {
        log(`Nhập danh sách ${job.id} lỗi: ${err instanceof Error ? err.message : String(err)}`);
        await finish('failed', UNEXPECTED, null);
      }
    }
  }

  /** Claims and runs one job; false when the queue is empty. */
  async function runOne(): Promise<boolean> {
    const client = await pool.connect();
    let job: ClaimedJob | undefined;
    let broken = false;
    try {
      job = (await client.query<ClaimedJob>(repo.CLAIM_JOB_SQL)).rows[0];
      if (!job) return false;
      await runJob(job);
      return true;
    } finally {
      if (job) {
        try {
          await client.query(repo.UNLOCK_JOB_SQL, [job.id]);
        } catch {
          broken = true; // the connection (and its lock) is discarded instead
        }
      }
      client.release(broken);
    }
  }

  async function tick(): Promise<void> {
    try {
      await repo.failOrphanedJobs(db, JSON.stringify(ORPHANED), clock.now());
      while (!stopped && (await runOne()));
    } catch (err) {
      if (!stopped) log(`Bộ xử lý nhập danh sách gặp lỗi: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      current = tick().finally(() => {
        current = null;
        schedule();
      });
    }, pollMs);
    timer.unref();
  }
  schedule();

  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      abort.abort();
      await current;
    },
  };
}
