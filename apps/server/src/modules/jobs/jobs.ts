/** What a scheduled job is and what it is handed. */
import type { AppConfig } from '../../config.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';

export interface JobContext {
  db: Db;
  clock: Clock;
  config: AppConfig;
  log: (msg: string) => void;
}

export interface ScheduledJob {
  /** unique, stable: it is the key of the job's row in scheduled_job_runs */
  name: string;
  /** minimum minutes between two starts, across all app servers */
  everyMinutes: number;
  /** must be idempotent (reminders pass a dedupeKey to notify) */
  run(ctx: JobContext): Promise<void>;
}
