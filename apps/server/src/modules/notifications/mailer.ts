/**
 * E-mail copies of notifications (SPEC §9 reminders "and e-mail when configured"): a scheduled job
 * claims pending e-mails (SKIP LOCKED, so several servers never send the same one) and sends them
 * through the SMTP server of SMTP_URL. Without SMTP_URL nothing is sent and notifications stay in-app.
 */
import nodemailer from 'nodemailer';
import type { AppConfig } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { claimPendingEmails, setEmailStatus } from './notifications.repository.ts';
import { emailOf } from './notifications.rules.ts';

const MAX_ATTEMPTS = 3;
/** E-mails older than this are not sent any more (e.g. SMTP configured long after). */
const MAX_AGE_MS = 2 * 86_400_000;

export interface MailTransport {
  sendMail(msg: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
}

export function smtpTransport(url: string): MailTransport {
  return nodemailer.createTransport(url);
}

export async function sendPendingEmails(
  db: Db,
  config: Pick<AppConfig, 'smtpUrl' | 'mailFrom' | 'publicUrl'>,
  now: Date,
  transport: MailTransport | null = config.smtpUrl ? smtpTransport(config.smtpUrl) : null,
  batch = 50,
): Promise<{ sent: number; failed: number }> {
  if (!transport) return { sent: 0, failed: 0 };
  let sent = 0;
  let failed = 0;
  const claimed = await db.transaction((tx) => claimPendingEmails(tx, new Date(now.getTime() - MAX_AGE_MS), batch));
  for (const m of claimed) {
    try {
      const { subject, text } = emailOf(m, config.publicUrl);
      await transport.sendMail({ from: config.mailFrom, to: m.email, subject, text });
      await setEmailStatus(db, m.id, 'sent');
      sent++;
    } catch {
      await setEmailStatus(db, m.id, m.attempts >= MAX_ATTEMPTS ? 'failed' : 'pending');
      failed++;
    }
  }
  return { sent, failed };
}
