/**
 * Runs the scheduled jobs (reminders, warnings, e-mail). State lives in PostgreSQL
 * (scheduled_job_runs), so several stateless app servers can run this loop: a job is claimed with one
 * atomic UPDATE that succeeds only when its interval has passed, so one server runs it per interval.
 * A job that throws is logged and retried at its next interval.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { JobContext, ScheduledJob } from './jobs.ts';
import { SCHEDULED_JOBS } from './registry.ts';

/** Claims a job if it is due; true when this server should run it now. Times are real (wall) time. */
export async function claimJob(db: Db, job: Pick<ScheduledJob, 'name' | 'everyMinutes'>, now: Date): Promise<boolean> {
  await db.execute(sql`insert into scheduled_job_runs (name) values (${job.name}) on conflict (name) do nothing`);
  const res = await db.execute(sql`
    update scheduled_job_runs set last_started_at = ${now}
    where name = ${job.name}
      and (last_started_at is null or last_started_at <= ${now}::timestamptz - make_interval(mins => ${job.everyMinutes}))
    returning name`);
  return res.rows.length === 1;
}

export async function runJobOnce(ctx: JobContext, job: ScheduledJob, now = new Date()): Promise<'ran' | 'skipped' | 'failed'> {
  if (!(await claimJob(ctx.db, job, now))) return 'skipped';
  try {
    await job.run(ctx);
    await ctx.db.execute(sql`update scheduled_job_runs set last_finished_at = ${new Date()}, last_error = null where name = ${job.name}`);
    return 'ran';
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    ctx.log(`Tác vụ định kỳ ${job.name} lỗi: ${msg}`);
    await ctx.db
      .execute(
        sql`update scheduled_job_runs set last_finished_at = ${new Date()}, last_error = ${msg.slice(0, 1000)} where name = ${job.name}`,
      )
      .catch(() => {});
    return 'failed';
  }
}

export interface Scheduler {
  stop(): Promise<void>;
}

/** Starts the loop: a tick every `tickMs` runs the due jobs one after another. */
export function startScheduler(ctx: JobContext, jobs: ScheduledJob[] = SCHEDULED_JOBS, tickMs = 30_000): Scheduler {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    for (const job of jobs) {
      if (stopped) return;
      await runJobOnce(ctx, job);
    }
  };
  const timer = setInterval(() => {
    running = running.then(tick).catch(() => {});
  }, tickMs);
  timer.unref();
  // A first pass soon after start-up, not at once (start-up stays fast).
  const first = setTimeout(() => {
    running = running.then(tick).catch(() => {});
  }, 5_000);
  first.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      clearTimeout(first);
      await running;
    },
  };
}
