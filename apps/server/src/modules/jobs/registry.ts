/**
 * Every scheduled job of the product. Modules append their own entry here (one line each);
 * the scheduler (scheduler.ts) runs them on whichever app server claims them first.
 */
import type { ScheduledJob } from './jobs.ts';
import { sendPendingEmails } from '../notifications/mailer.ts';
import { remindOverdue } from '../self-reports/self-reports.service.ts';
import { pruneKpiChanges } from '../kpis/kpis.cache.ts';
import { remindWarnings } from '../warnings/warnings.service.ts';

export const SCHEDULED_JOBS: ScheduledJob[] = [
  {
    name: 'notifications.email',
    everyMinutes: 1,
    run: async ({ db, config, clock }) => {
      await sendPendingEmails(db, config, clock.now());
    },
  },
  {
    // Weekly reminder per overdue self-report (dedupe key: enrolment + ISO week); checked hourly.
    name: 'self-reports.overdue-reminders',
    everyMinutes: 60,
    run: async ({ db, clock, log }) => {
      const n = await remindOverdue(db, clock.today(), clock.now());
      if (n) log(`nhắc ${n} học viên quá hạn nộp báo cáo kết quả`);
    },
  },
  {
    // KPI cache bookkeeping (decision 0007): change marks older than a day are no longer needed.
    name: 'kpis.prune-changes',
    everyMinutes: 60,
    run: async ({ db }) => {
      await pruneKpiChanges(db);
    },
  },
  {
    // Daily digest of a commune's warnings to its admins (and overdue reports to unit heads), once per ISO week each.
    name: 'warnings.reminders',
    everyMinutes: 24 * 60,
    run: async ({ db, clock, log }) => {
      const n = await remindWarnings(db, clock, clock.now());
      if (n) log(`gửi ${n} thông báo cảnh báo`);
    },
  },
];
