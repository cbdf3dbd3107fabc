/**
 * Notifications (SPEC §9 reminders): created by other modules through `notify`, idempotent per
 * dedupe key, read and marked only by their owner, copied by e-mail when SMTP is configured.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { NotificationListResponse } from '@app/shared';
import { notifications, users } from '../../db/schema/index.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { notify, userIdsOfOfficials } from './notifications.service.ts';
import { sendPendingEmails, type MailTransport } from './mailer.ts';
import { cleanNotification, emailOf, isoWeekOf } from './notifications.rules.ts';
import { claimJob, runJobOnce } from '../jobs/scheduler.ts';

let t: TestContext;
let learner: TestClient;
let other: TestClient;
let learnerId: string;
let otherId: string;

async function userId(username: string): Promise<string> {
  const [u] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return u!.id;
}

beforeAll(async () => {
  t = await createTestContext();
  [learner, other] = await Promise.all([t.loginAs('hocvien.24133.1', undefined, { changePassword: true }), t.loginAs('xa.24133')]);
  [learnerId, otherId] = await Promise.all([userId('hocvien.24133.1'), userId('xa.24133')]);
});
afterAll(() => t?.close());

describe('rules', () => {
  it('keeps only same-site links and bounds the text', () => {
    expect(cleanNotification({ userId: 'u', kind: 'k', title: 'a', link: 'https://evil.example/x' }).link).toBeUndefined();
    expect(cleanNotification({ userId: 'u', kind: 'k', title: 'a', link: '//evil.example/x' }).link).toBeUndefined();
    expect(cleanNotification({ userId: 'u', kind: 'k', title: 'a', link: '/lop-cua-toi/3' }).link).toBe('/lop-cua-toi/3');
    expect(cleanNotification({ userId: 'u', kind: 'k', title: 'x'.repeat(500) }).title).toHaveLength(200);
    expect(cleanNotification({ userId: 'u', kind: 'k', title: 'Ba\u0301o ca\u0301o' }).title).toBe('Báo cáo'.normalize('NFC'));
  });

  it('labels ISO weeks (year boundaries included)', () => {
    expect(isoWeekOf('2026-11-23')).toBe('2026-W48');
    expect(isoWeekOf('2026-01-01')).toBe('2026-W01');
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
    expect(isoWeekOf('2029-12-31')).toBe('2030-W01');
  });

  it('writes an e-mail with an absolute link', () => {
    const m = emailOf({ title: 'Nhắc việc', body: 'Bạn chưa báo cáo kết quả.', link: '/lop-cua-toi' }, 'https://bd.example.gov.vn');
    expect(m.subject).toBe('Nhắc việc');
    expect(m.text).toContain('https://bd.example.gov.vn/lop-cua-toi');
  });
});

describe('notify and the owner’s list', () => {
  it('creates once per dedupe key and lists only the owner’s', async () => {
    const at = t.clock.now();
    const items = [
      {
        userId: learnerId,
        kind: 'test.reminder',
        title: 'Nhắc nộp báo cáo <script>alert(1)</script>',
        link: '/lop-cua-toi',
        dedupeKey: 'k1',
      },
      { userId: otherId, kind: 'test.reminder', title: 'Cảnh báo của xã', dedupeKey: 'k1' },
    ];
    expect(await notify(t.db, items, at)).toBe(2);
    expect(await notify(t.db, items, at)).toBe(0);

    const mine = (await learner.get('/api/notifications')).json<NotificationListResponse>();
    const titles = mine.items.map((i) => i.title);
    expect(titles).toContain('Nhắc nộp báo cáo <script>alert(1)</script>');
    expect(titles).not.toContain('Cảnh báo của xã');
    expect(mine.unread).toBeGreaterThanOrEqual(1);
  });

  it('maps officials to their active accounts', async () => {
    const [u] = await t.db.select({ officialId: users.officialId }).from(users).where(eq(users.id, learnerId));
    const map = await userIdsOfOfficials(t.db, [u!.officialId!, '00000000-0000-0000-0000-000000000000']);
    expect(map.get(u!.officialId!)).toBe(learnerId);
    expect(map.size).toBe(1);
  });

  it('marks read only the caller’s own notification (another user’s → 404) and audits it', async () => {
    await notify(t.db, [{ userId: otherId, kind: 'test.x', title: 'Riêng của xã', dedupeKey: 'own-x' }], t.clock.now());
    const [theirs] = await t.db.select({ id: notifications.id }).from(notifications).where(eq(notifications.dedupeKey, 'own-x'));
    const refused = await learner.post(`/api/notifications/${theirs!.id}/read`);
    expect(refused.statusCode).toBe(404);
    expect(refused.json<{ message: string }>().message).toBe('Không tìm thấy thông báo');
    const [still] = await t.db.select({ readAt: notifications.readAt }).from(notifications).where(eq(notifications.id, theirs!.id));
    expect(still!.readAt).toBeNull();

    const before = (await other.get('/api/notifications')).json<NotificationListResponse>().unread;
    const ok = await other.post(`/api/notifications/${theirs!.id}/read`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<{ unread: number }>().unread).toBe(before - 1);
    const audit = await t.db.execute(
      sql`select count(*)::int as n from audit_log where action = 'notification.read' and entity_id = ${String(theirs!.id)}`,
    );
    expect(audit.rows[0]).toMatchObject({ n: 1 });
  });

  it('marks all read', async () => {
    const res = await learner.post('/api/notifications/read-all');
    expect(res.statusCode, res.body).toBe(200);
    expect((await learner.get('/api/notifications?unreadOnly=true')).json<NotificationListResponse>()).toMatchObject({
      items: [],
      unread: 0,
    });
  });

  it('refuses anonymous callers and bad ids in Vietnamese', async () => {
    expect((await t.client().get('/api/notifications')).statusCode).toBe(401);
    const bad = await learner.post('/api/notifications/abc/read');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toMatch(/thông báo|id|mã/i);
  });
});

describe('e-mail copies', () => {
  it('queues e-mail for users with an address and sends it once through the transport', async () => {
    await t.db.update(users).set({ email: 'hocvien@example.gov.vn' }).where(eq(users.id, learnerId));
    await notify(
      t.db,
      [{ userId: learnerId, kind: 'test.mail', title: 'Thư nhắc', body: 'Nội dung', link: '/thong-bao', dedupeKey: 'mail-1' }],
      t.clock.now(),
    );
    await notify(t.db, [{ userId: otherId, kind: 'test.mail', title: 'Không có e-mail', dedupeKey: 'mail-2' }], t.clock.now());
    const sent: { to: string; subject: string; text: string }[] = [];
    const transport: MailTransport = { sendMail: async (m) => void sent.push(m) };
    const cfg = { smtpUrl: 'smtp://test', mailFrom: 'noreply@example.gov.vn', publicUrl: 'https://bd.example.gov.vn' };
    const first = await sendPendingEmails(t.db, cfg, t.clock.now(), transport);
    expect(first.sent).toBeGreaterThanOrEqual(1);
    expect(sent.find((m) => m.subject === 'Thư nhắc')).toMatchObject({ to: 'hocvien@example.gov.vn' });
    expect(sent.find((m) => m.subject === 'Không có e-mail')).toBeUndefined();
    const again = await sendPendingEmails(t.db, cfg, t.clock.now(), transport);
    expect(again.sent).toBe(0);
  });

  it('retries a failing server, then gives up after three attempts', async () => {
    await notify(t.db, [{ userId: learnerId, kind: 'test.mail', title: 'Thư lỗi', dedupeKey: 'mail-fail' }], t.clock.now());
    const broken: MailTransport = { sendMail: async () => Promise.reject(new Error('connection refused')) };
    const cfg = { smtpUrl: 'smtp://test', mailFrom: 'a@b', publicUrl: 'http://x' };
    for (let i = 0; i < 3; i++) await sendPendingEmails(t.db, cfg, t.clock.now(), broken);
    const [row] = await t.db.select().from(notifications).where(eq(notifications.dedupeKey, 'mail-fail'));
    expect(row).toMatchObject({ emailStatus: 'failed', emailAttempts: 3 });
  });

  it('sends nothing without SMTP', async () => {
    expect(await sendPendingEmails(t.db, { smtpUrl: undefined, mailFrom: 'a@b', publicUrl: 'http://x' }, t.clock.now())).toEqual({
      sent: 0,
      failed: 0,
    });
  });
});

describe('scheduled jobs', () => {
  it('lets one server claim a job per interval', async () => {
    const job = { name: `test.claim.${Date.now()}`, everyMinutes: 10 };
    const t0 = new Date('2026-11-23T01:00:00Z');
    expect(await claimJob(t.db, job, t0)).toBe(true);
    expect(await claimJob(t.db, job, new Date(t0.getTime() + 9 * 60_000))).toBe(false);
    expect(await claimJob(t.db, job, new Date(t0.getTime() + 10 * 60_000))).toBe(true);
  });

  it('records a failing job and keeps going', async () => {
    const logs: string[] = [];
    const ctx = { db: t.db, clock: t.clock, config: {} as never, log: (m: string) => void logs.push(m) };
    const name = `test.fail.${Date.now()}`;
    const outcome = await runJobOnce(ctx, { name, everyMinutes: 1, run: async () => Promise.reject(new Error('hỏng')) });
    expect(outcome).toBe('failed');
    expect(logs[0]).toContain('hỏng');
    const res = await t.db.execute(sql`select last_error from scheduled_job_runs where name = ${name}`);
    expect(res.rows[0]).toMatchObject({ last_error: 'hỏng' });
    expect(await runJobOnce(ctx, { name, everyMinutes: 1, run: async () => {} })).toBe('skipped');
  });
});
