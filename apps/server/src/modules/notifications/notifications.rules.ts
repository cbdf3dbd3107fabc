/** Pure rules of notifications: what a notification may contain, and how an e-mail copy reads. */

export interface NotificationInput {
  userId: string;
  /** a short machine code, e.g. self_report.overdue */
  kind: string;
  title: string;
  body?: string;
  /** an in-app path (starting with /); anything else is dropped */
  link?: string;
  /** one notification per (user, key): scheduled reminders pass e.g. `self-report:123:2026-W48` */
  dedupeKey?: string;
}

export const TITLE_MAX = 200;
export const BODY_MAX = 2000;

/** Normalises one input: NFC text, bounded lengths, only same-site links. */
export function cleanNotification(n: NotificationInput): NotificationInput {
  const text = (s: string, max: number) => s.normalize('NFC').trim().slice(0, max);
  const link = n.link && /^\/(?!\/)[^\s]*$/.test(n.link) ? n.link.slice(0, 500) : undefined;
  return {
    userId: n.userId,
    kind: n.kind.slice(0, 60),
    title: text(n.title, TITLE_MAX),
    body: n.body === undefined ? undefined : text(n.body, BODY_MAX),
    link,
    dedupeKey: n.dedupeKey?.slice(0, 200),
  };
}

/** The plain-text e-mail copy of a notification. */
export function emailOf(
  n: { title: string; body: string | null; link: string | null },
  publicUrl: string,
): { subject: string; text: string } {
  const lines = [n.body ?? n.title];
  if (n.link) lines.push('', `Xem chi tiết: ${publicUrl}${n.link}`);
  lines.push('', 'Thư này được gửi tự động từ phần mềm quản lý bồi dưỡng cán bộ, công chức cấp xã. Vui lòng không trả lời thư này.');
  return { subject: n.title, text: lines.join('\n') };
}

/** ISO week label (e.g. 2026-W48) of a YYYY-MM-DD date: weekly reminder keys. */
export function isoWeekOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = (d.getUTCDay() + 6) % 7; // Monday = 0
  d.setUTCDate(d.getUTCDate() - day + 3); // Thursday of this week decides the year
  const year = d.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((d.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}
