/**
 * Every scheduled job of the product. Modules append their own entry here (one line each);
 * the scheduler (scheduler.ts) runs them on whichever app server claims them first.
 */
import type { ScheduledJob } from './jobs.ts';
import { sendPendingEmails } from '../notifications/mailer.ts';

export const SCHEDULED_JOBS: ScheduledJob[] = [
  {
    name: 'notifications.email',
    everyMinutes: 1,
    run: async ({ db, config, clock }) => {
      await sendPendingEmails(db, config, clock.now());
    },
  },
];
