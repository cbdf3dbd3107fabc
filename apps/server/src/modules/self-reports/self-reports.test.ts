/** Self-reports (SPEC §7) against real PostgreSQL: due/overdue boundaries, scope of review, bad input. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SelfReportItem, SelfReportListResponse } from '@app/shared';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { expectError, ok } from '../classes/test-support.ts';
import {
  enrol,
  JPG,
  learnerOf,
  makeClassAt,
  otherUnitHead,
  PDF,
  PNG,
  postForm,
  unitHeadOf,
  type Learner,
} from '../learner/test-support.ts';
import { overdueSelfReports, remindOverdue } from './self-reports.service.ts';
import { resubmitIfUnchanged } from './self-reports.repository.ts';

const TODAY = '2026-11-23';
let t: TestContext;
let me: Learner;
let other: Learner;

beforeAll(async () => {
  t = await createTestContext({ today: TODAY });
  me = await learnerOf(t.pool, 'hocvien.22015.1');
  other = await learnerOf(t.pool, 'hocvien.22015.2');
});
afterAll(() => t.close());

const form = (enrolmentId: number, extra: Record<string, string> = {}) => ({
  enrolmentId: String(enrolmentId),
  completed: 'true',
  score: '8.5',
  certificateNo: 'TCT66/2026/0001',
  applyAtWork: 'Áp dụng quy trình một cửa liên thông khi tiếp nhận hồ sơ đất đai.',
  ...extra,
});

describe('nộp báo cáo: từ ngày lớp kết thúc', () => {
  it('lớp kết thúc ngày mai → 409; kết thúc hôm nay → nộp được, ngày nộp là ngày của phần mềm', async () => {
    const learner = await t.loginAs(me.username);
    const tomorrow = await makeClassAt(t.pool, { startDate: '2026-11-20', endDate: '2026-11-24', status: 'running' });
    const e1 = await enrol(t.pool, tomorrow.id, me);
    const refused = expectError(await postForm(t.app, learner, '/api/self-reports', form(e1)), 409, 'CONFLICT');
    expect(refused.message).toContain('24/11/2026');
    expect((await t.pool.query('select 1 from self_reports where enrolment_id = $1', [e1])).rowCount).toBe(0);

    const today = await makeClassAt(t.pool, { startDate: '2026-11-20', endDate: TODAY });
    const e2 = await enrol(t.pool, today.id, me);
    const r = await ok<SelfReportItem>(
      postForm(t.app, learner, '/api/self-reports', form(e2), { name: 'chung-nhan.png', content: PNG, type: 'image/png' }),
      201,
    );
    expect(r).toMatchObject({
      enrolmentId: e2,
      status: 'submitted',
      submittedOn: TODAY,
      completed: true,
      score: 8.5,
      scan: { fileName: 'chung-nhan.png', mime: 'image/png' },
    });
    const row = (await t.pool.query('select province_code, commune_code, official_id from self_reports where id = $1', [r.id])).rows[0];
    expect(row).toEqual({ province_code: '66', commune_code: '22015', official_id: me.officialId });
  });

  it('nộp thay người khác hoặc lượt học bị hủy → từ chối', async () => {
    const c = await makeClassAt(t.pool, { startDate: '2026-10-01', endDate: '2026-10-03' });
    const eOther = await enrol(t.pool, c.id, other);
    const learner = await t.loginAs(me.username);
    expectError(await postForm(t.app, learner, '/api/self-reports', form(eOther)), 404, 'NOT_FOUND');
    const c2 = await makeClassAt(t.pool, { startDate: '2026-10-01', endDate: '2026-10-03' });
    const cancelled = await enrol(t.pool, c2.id, me, 'cancelled');
    expectError(await postForm(t.app, learner, '/api/self-reports', form(cancelled)), 409, 'CONFLICT');
  });
});

describe('dữ liệu sai', () => {
  let enrolmentId: number;
  beforeAll(async () => {
    const c = await makeClassAt(t.pool, { startDate: '2026-11-02', endDate: '2026-11-05' });
    enrolmentId = await enrol(t.pool, c.id, me);
  });
  const count = async () =>
    (await t.pool.query('select count(*)::int as n from self_reports where enrolment_id = $1', [enrolmentId])).rows[0].n;

  it('điểm ngoài 0–10, thiếu nội dung áp dụng → 400 nêu trường', async () => {
    const learner = await t.loginAs(me.username);
    const a = expectError(await postForm(t.app, learner, '/api/self-reports', form(enrolmentId, { score: '11' })), 400, 'VALIDATION_ERROR');
    expect(a.fields?.[0]?.field).toBe('score');
    expect(a.message).toContain('Điểm');
    const b = expectError(await postForm(t.app, learner, '/api/self-reports', form(enrolmentId, { score: '-1' })), 400, 'VALIDATION_ERROR');
    expect(b.fields?.[0]?.field).toBe('score');
    const c = expectError(
      await postForm(t.app, learner, '/api/self-reports', form(enrolmentId, { applyAtWork: '   ' })),
      400,
      'VALIDATION_ERROR',
    );
    expect(c.fields?.[0]?.field).toBe('applyAtWork');
    expect(await count()).toBe(0);
  });

  it('tệp giả dạng (PNG đặt tên .pdf, văn bản đặt tên .pdf) và tệp quá 5 MB → từ chối, không lưu gì', async () => {
    const learner = await t.loginAs(me.username);
    const disguised = expectError(
      await postForm(t.app, learner, '/api/self-reports', form(enrolmentId), { name: 'ban-chup.pdf', content: PNG }),
      400,
      'VALIDATION_ERROR',
    );
    expect(disguised.fields?.[0]?.field).toBe('file');
    expect(disguised.message).toContain('PNG');
    const text = expectError(
      await postForm(t.app, learner, '/api/self-reports', form(enrolmentId), {
        name: 'ban-chup.pdf',
        content: Buffer.from('<html>không phải PDF</html>'),
      }),
      400,
      'VALIDATION_ERROR',
    );
    expect(text.fields?.[0]?.field).toBe('file');
    const docx = expectError(
      await postForm(t.app, learner, '/api/self-reports', form(enrolmentId), {
        name: 'a.docx',
        content: Buffer.from('PK\u0003\u0004word/document.xml'),
      }),
      400,
      'VALIDATION_ERROR',
    );
    expect(docx.fields?.[0]?.field).toBe('file');
    const big = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024, 0x20)]);
    const tooBig = expectError(
      await postForm(t.app, learner, '/api/self-reports', form(enrolmentId), { name: 'lon.pdf', content: big }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
    expect(tooBig.fields?.[0]?.field).toBe('file');
    expect(await count()).toBe(0);
  });

  it('<script> được lưu nguyên văn, trả lại như văn bản', async () => {
    const learner = await t.loginAs(me.username);
    const text = '<script>alert("x")</script> Sẽ áp dụng';
    const r = await ok<SelfReportItem>(
      postForm(t.app, learner, '/api/self-reports', form(enrolmentId, { applyAtWork: text, score: '' }), {
        name: 'scan.jpeg',
        content: JPG,
      }),
      201,
    );
    expect(r.applyAtWork).toBe(text);
    expect(r.score).toBeNull();
    expect(r.scan?.mime).toBe('image/jpeg');
  });
});

describe('xác nhận, trả lại và phạm vi', () => {
  let report: SelfReportItem;
  beforeAll(async () => {
    const c = await makeClassAt(t.pool, { startDate: '2026-10-12', endDate: '2026-10-14' });
    const e = await enrol(t.pool, c.id, me);
    const learner = await t.loginAs(me.username);
    report = await ok<SelfReportItem>(postForm(t.app, learner, '/api/self-reports', form(e), { name: 'gcn.pdf', content: PDF }), 201);
  });

  it('xã khác, trưởng đơn vị khác, học viên khác: không thấy (404); chính học viên: không được xác nhận (403)', async () => {
    const body = { decision: 'confirm', version: report.version };
    const otherCommune = await t.loginAs('xa.24133');
    expectError(await otherCommune.get(`/api/self-reports/${report.id}`), 404, 'NOT_FOUND');
    expectError(await otherCommune.post(`/api/self-reports/${report.id}/review`, body), 404, 'NOT_FOUND');
    expect((await ok<SelfReportListResponse>(otherCommune.get('/api/self-reports'))).items.some((i) => i.id === report.id)).toBe(false);
    const head = await t.loginAs(await otherUnitHead(t.pool, '22015', me.unitId!));
    expectError(await head.post(`/api/self-reports/${report.id}/review`, body), 404, 'NOT_FOUND');
    expectError(await head.get(`/api/self-reports/${report.id}/scan`), 404, 'NOT_FOUND');
    const peer = await t.loginAs(other.username);
    expectError(await peer.get(`/api/self-reports/${report.id}`), 404, 'NOT_FOUND');
    const self = await t.loginAs(me.username);
    expectError(await self.post(`/api/self-reports/${report.id}/review`, body), 403, 'FORBIDDEN');
    expect((await t.pool.query('select status from self_reports where id = $1', [report.id])).rows[0].status).toBe('submitted');
  });

  it('trả lại cần lý do; học viên nộp lại (ngày nộp đầu giữ nguyên); trưởng đơn vị của người đó xác nhận; đã xác nhận thì không sửa', async () => {
    const admin = await t.loginAs('xa.22015');
    const list = await ok<SelfReportListResponse>(admin.get('/api/self-reports?status=submitted'));
    expect(list.items.find((i) => i.id === report.id)?.canReview).toBe(true);
    const noReason = expectError(
      await admin.post(`/api/self-reports/${report.id}/review`, { decision: 'return', version: report.version }),
      400,
      'VALIDATION_ERROR',
    );
    expect(noReason.fields?.[0]?.field).toBe('comment');
    const returned = await ok<SelfReportItem>(
      admin.post(`/api/self-reports/${report.id}/review`, {
        decision: 'return',
        comment: 'Bản chụp mờ, chụp lại trang có số hiệu.',
        version: report.version,
      }),
    );
    expect(returned).toMatchObject({
      status: 'returned',
      reviewComment: 'Bản chụp mờ, chụp lại trang có số hiệu.',
      reviewedBy: 'xa.22015',
    });
    const notes = await t.pool.query(
      `select n.title from notifications n join users u on u.id = n.user_id where u.username = $1 and n.kind = 'self_report_returned'`,
      [me.username],
    );
    expect(notes.rowCount).toBe(1);

    const learner = await t.loginAs(me.username);
    const again = await ok<SelfReportItem>(
      postForm(t.app, learner, '/api/self-reports', form(report.enrolmentId, { score: '9' }), { name: 'gcn-ro.png', content: PNG }),
      201,
    );
    expect(again).toMatchObject({ id: report.id, status: 'submitted', submittedOn: TODAY, score: 9, scan: { fileName: 'gcn-ro.png' } });

    const head = await t.loginAs((await unitHeadOf(t.pool, me.unitId!))!);
    const scan = await head.get(`/api/self-reports/${report.id}/scan`);
    expect(scan.statusCode).toBe(200);
    expect(scan.headers['content-type']).toBe('image/png');
    expect(scan.rawPayload.subarray(0, 8)).toEqual(PNG.subarray(0, 8));
    const confirmed = await ok<SelfReportItem>(
      head.post(`/api/self-reports/${report.id}/review`, { decision: 'confirm', version: again.version }),
    );
    expect(confirmed.status).toBe('confirmed');
    expectError(await postForm(t.app, learner, '/api/self-reports', form(report.enrolmentId)), 409, 'CONFLICT');
    expectError(
      await admin.post(`/api/self-reports/${report.id}/review`, { decision: 'return', comment: 'x', version: confirmed.version }),
      409,
      'CONFLICT',
    );
    const audit = await t.pool.query(`select action from audit_log where entity_type = 'self_report' and entity_id = $1 order by id`, [
      String(report.id),
    ]);
    expect(audit.rows.map((r) => r.action)).toEqual([
      'selfReport.submit',
      'selfReport.return',
      'selfReport.resubmit',
      'selfReport.confirm',
    ]);
  });
});

describe('nộp lại không kèm tệp (một câu lệnh, không khóa)', () => {
  it('cập nhật, tăng phiên bản, ghi nhật ký đủ trước/sau; phiên bản cũ → 409; bản ghi đã đổi thì không ghi đè, không ghi nhật ký', async () => {
    const c = await makeClassAt(t.pool, { startDate: '2026-10-05', endDate: '2026-10-07' });
    const e = await enrol(t.pool, c.id, other);
    const learner = await t.loginAs(other.username);
    const first = await ok<SelfReportItem>(postForm(t.app, learner, '/api/self-reports', form(e), { name: 'gcn.pdf', content: PDF }), 201);
    const json = { enrolmentId: String(e), completed: 'false', score: '6', applyAtWork: 'Dùng mẫu biên bản mới khi hòa giải ở thôn.' };
    const res = await learner.post('/api/self-reports', json);
    expect(res.statusCode).toBe(201);
    const again = res.json() as SelfReportItem;
    expect(again).toMatchObject({
      id: first.id,
      version: first.version + 1,
      status: 'submitted',
      completed: false,
      score: 6,
      certificateNo: null,
      submittedOn: TODAY,
      lastSubmittedOn: TODAY,
      fullName: first.fullName,
      className: first.className,
      communeName: first.communeName,
      scan: { fileName: 'gcn.pdf' },
    });
    const audit = await t.pool.query(
      `select action, actor_username, province_code, commune_code, before, after, ip, request_id from audit_log
        where entity_type = 'self_report' and entity_id = $1 order by id`,
      [String(first.id)],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['selfReport.submit', 'selfReport.resubmit']);
    expect(audit.rows[1]).toMatchObject({
      actor_username: other.username,
      commune_code: first.communeCode,
      before: { status: 'submitted', completed: true, score: '8.50' },
      after: { enrolmentId: e, completed: false, score: 6, certificateNo: null, scan: null },
    });
    expect(audit.rows[1].ip).toBeTruthy();
    expect(audit.rows[1].request_id).toBeTruthy();
    // The form was loaded before the last change: refused, nothing written.
    expectError(await learner.post('/api/self-reports', { ...json, score: '7', version: String(first.version) }), 409, 'VERSION_CONFLICT');
    // Changed between the read and the write: the guarded statement writes nothing (the service then takes the locking path).
    const stale = await resubmitIfUnchanged(
      t.db,
      { id: first.id, version: first.version, status: 'submitted' },
      { today: TODAY, completed: true, score: 10, certificateNo: null, applyAtWork: 'x' },
      { action: 'selfReport.resubmit', entityType: 'self_report', entityId: String(first.id) },
    );
    expect(stale).toBeNull();
    const now = await t.pool.query('select version, score::text as score from self_reports where id = $1', [first.id]);
    expect(now.rows[0]).toEqual({ version: again.version, score: '6.00' });
    const n = await t.pool.query(`select count(*)::int as n from audit_log where entity_type = 'self_report' and entity_id = $1`, [
      String(first.id),
    ]);
    expect(n.rows[0].n).toBe(2);
  });
});

describe('quá hạn: từng ngày quanh mốc 15 ngày', () => {
  it('kết thúc 01/09: hạn chót 16/09 chưa quá hạn, 17/09 quá hạn; nộp ngày 20/09 chỉ tính từ ngày đó', async () => {
    const c = await makeClassAt(t.pool, { startDate: '2026-08-30', endDate: '2026-09-01' });
    const e = await enrol(t.pool, c.id, other);
    const scope = { level: 'commune', communeCode: '22015' } as const;
    const has = async (asOf: string) => (await overdueSelfReports(t.db, scope, asOf)).some((r) => r.enrolmentId === e);
    expect(await has('2026-09-01')).toBe(false);
    expect(await has('2026-09-16')).toBe(false);
    expect(await has('2026-09-17')).toBe(true);
    const row = (await overdueSelfReports(t.db, scope, '2026-09-18')).find((r) => r.enrolmentId === e)!;
    expect(row).toMatchObject({ dueOn: '2026-09-01', lastDay: '2026-09-16', daysOverdue: 2, officialId: other.officialId });
    // Another commune's scope does not list it.
    expect(
      (await overdueSelfReports(t.db, { level: 'commune', communeCode: '24133' }, '2026-09-18')).some((r) => r.enrolmentId === e),
    ).toBe(false);

    await t.pool.query(
      `insert into self_reports (enrolment_id, official_id, province_code, commune_code, class_id, submitted_on, last_submitted_on, status, completed, apply_at_work)
       values ($1, $2, '66', '22015', $3, '2026-09-20', '2026-09-20', 'submitted', true, 'x')`,
      [e, other.officialId, c.id],
    );
    expect(await has('2026-09-19')).toBe(true);
    expect(await has('2026-09-20')).toBe(false);

    const admin = await t.loginAs('xa.22015');
    const api = await ok<{ items: { enrolmentId: number }[]; graceDays: number }>(admin.get('/api/self-reports/overdue?asOf=2026-09-19'));
    expect(api.graceDays).toBe(15);
    expect(api.items.some((i) => i.enrolmentId === e)).toBe(true);
    const elsewhere = await t.loginAs('xa.24133');
    expect(
      (await ok<{ items: { enrolmentId: number }[] }>(elsewhere.get('/api/self-reports/overdue?asOf=2026-09-19'))).items.some(
        (i) => i.enrolmentId === e,
      ),
    ).toBe(false);
    const learner = await t.loginAs(other.username);
    expectError(await learner.get('/api/self-reports/overdue'), 403, 'FORBIDDEN');
  });

  it('nhắc việc: một thông báo mỗi lượt học mỗi tuần, chạy lại không gửi trùng', async () => {
    const c = await makeClassAt(t.pool, { startDate: '2026-10-01', endDate: '2026-10-02' });
    const e = await enrol(t.pool, c.id, other);
    const now = new Date('2026-11-23T02:00:00Z');
    const first = await remindOverdue(t.db, TODAY, now);
    expect(first).toBeGreaterThan(0);
    expect(await remindOverdue(t.db, TODAY, now)).toBe(0);
    const rows = await t.pool.query(`select dedupe_key, link from notifications where dedupe_key like $1`, [`self-report-overdue:${e}:%`]);
    expect(rows.rows).toEqual([{ dedupe_key: `self-report-overdue:${e}:2026-W48`, link: `/bao-cao-ket-qua/${e}` }]);
    // Next week: a new reminder.
    expect(await remindOverdue(t.db, '2026-11-30', now)).toBeGreaterThan(0);
  });
});
