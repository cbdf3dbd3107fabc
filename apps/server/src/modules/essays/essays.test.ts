/** Essays (bài thu hoạch) against real PostgreSQL: one per learner, file checks, routing to the province's reviewer, export. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EssayItem, EssayListResponse } from '@app/shared';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { expectError, ok } from '../classes/test-support.ts';
import { DOCX, enrol, learnerOf, makeClassAt, PDF, PNG, postForm, type Learner } from '../learner/test-support.ts';

let t: TestContext;
let me: Learner;
let cls: { id: number };
let enrolmentId: number;
const TOPICS = ['Chuyên đề 1: Xây dựng chính quyền hai cấp', 'Chuyên đề 2: Chuyển đổi số ở cơ sở'];

beforeAll(async () => {
  t = await createTestContext({ today: '2026-11-23' });
  me = await learnerOf(t.pool, 'hocvien.22015.1');
  cls = await makeClassAt(t.pool, { startDate: '2026-11-14', endDate: '2026-11-15', requiresEssay: true, topics: TOPICS, org: 'HVCTQG' });
  enrolmentId = await enrol(t.pool, cls.id, me);
  // A reviewer of another province (same password as the demo reviewer).
  await t.pool.query(
    `insert into users (username, full_name, role, province_code, password_hash) select 'bantochuc.01', 'Người đọc Hà Nội', 'reviewer', '01', password_hash from users where username = 'bantochuc.66'`,
  );
});
afterAll(() => t.close());

const fields = (extra: Record<string, string> = {}) => ({
  enrolmentId: String(enrolmentId),
  title: 'Vận dụng mô hình chính quyền hai cấp ở phường Tuy Hoà',
  topics: JSON.stringify([TOPICS[0]]),
  body: 'Đề xuất: giao thêm biên chế cho bộ phận một cửa. <script>alert(1)</script>',
  ...extra,
});
const count = async () => (await t.pool.query('select count(*)::int as n from essays where enrolment_id = $1', [enrolmentId])).rows[0].n;

describe('nộp bài', () => {
  it('chương trình không yêu cầu → 409; chuyên đề lạ, tệp giả dạng, không có nội dung → 400; không lưu gì', async () => {
    const c = await t.loginAs(me.username);
    const plain = await makeClassAt(t.pool, { startDate: '2026-11-14', endDate: '2026-11-15' });
    const e2 = await enrol(t.pool, plain.id, me);
    expectError(await postForm(t.app, c, '/api/essays', fields({ enrolmentId: String(e2) })), 409, 'CONFLICT');
    const topic = expectError(
      await postForm(t.app, c, '/api/essays', fields({ topics: JSON.stringify(['Chuyên đề không có']) })),
      400,
      'VALIDATION_ERROR',
    );
    expect(topic.fields?.[0]?.field).toBe('topics');
    const disguised = expectError(
      await postForm(t.app, c, '/api/essays', fields({ body: '' }), { name: 'bai.docx', content: PNG }),
      400,
      'VALIDATION_ERROR',
    );
    expect(disguised.fields?.[0]?.field).toBe('file');
    const renamed = expectError(
      await postForm(t.app, c, '/api/essays', fields({ body: '' }), { name: 'bai.docx', content: PDF }),
      400,
      'VALIDATION_ERROR',
    );
    expect(renamed.message).toContain('PDF');
    const empty = expectError(await postForm(t.app, c, '/api/essays', fields({ body: '' })), 400, 'VALIDATION_ERROR');
    expect(empty.fields?.[0]?.field).toBe('body');
    const noTitle = expectError(await postForm(t.app, c, '/api/essays', fields({ title: '' })), 400, 'VALIDATION_ERROR');
    expect(noTitle.fields?.[0]?.field).toBe('title');
    const big = expectError(
      await postForm(t.app, c, '/api/essays', fields(), { name: 'lon.pdf', content: Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]) }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
    expect(big.fields?.[0]?.field).toBe('file');
    const other = await t.loginAs('hocvien.22015.2');
    expectError(await postForm(t.app, other, '/api/essays', fields()), 404, 'NOT_FOUND');
    expect(await count()).toBe(0);
  });

  it('một bài (văn bản + tệp DOCX); bài thứ hai → 409 tiếng Việt', async () => {
    const c = await t.loginAs(me.username);
    const e = await ok<EssayItem>(postForm(t.app, c, '/api/essays', fields(), { name: 'bai-thu-hoach.docx', content: DOCX }), 201);
    expect(e).toMatchObject({
      enrolmentId,
      topics: [TOPICS[0]],
      submittedOn: '2026-11-23',
      provinceCode: '66',
      file: { fileName: 'bai-thu-hoach.docx' },
    });
    expect(e.body).toContain('<script>alert(1)</script>');
    const second = expectError(await postForm(t.app, c, '/api/essays', fields({ title: 'Bài thứ hai' })), 409, 'CONFLICT');
    expect(second.message).toContain('một bài');
    expect(await count()).toBe(1);
    const sent = await t.pool.query(
      `select u.username from notifications n join users u on u.id = n.user_id where n.kind = 'essay_submitted'`,
    );
    expect(sent.rows.map((r) => r.username)).toEqual(['bantochuc.66']);
    const mine = await ok<EssayListResponse>(c.get('/api/essays'));
    expect(mine.items.map((i) => i.id)).toEqual([e.id]);
  });
});

describe('người đọc của tỉnh', () => {
  it('bantochuc.66 thấy, gắn nhãn, đánh dấu đề xuất, xuất Excel; người đọc tỉnh khác và xã không thấy', async () => {
    const essay = (
      await t.pool.query<{ id: number; version: number }>('select id, version from essays where enrolment_id = $1', [enrolmentId])
    ).rows[0]!;
    const stranger = await t.loginAs('bantochuc.01');
    expect((await ok<EssayListResponse>(stranger.get('/api/essays'))).items).toEqual([]);
    expectError(await stranger.get(`/api/essays/${essay.id}`), 404, 'NOT_FOUND');
    expectError(
      await stranger.post(`/api/essays/${essay.id}/review`, { tags: ['x'], isProposal: true, version: essay.version }),
      404,
      'NOT_FOUND',
    );
    expectError(await (await t.loginAs('xa.22015')).get(`/api/essays/${essay.id}`), 404, 'NOT_FOUND');
    expectError(await (await t.loginAs('hocvien.22015.2')).get(`/api/essays/${essay.id}/file`), 404, 'NOT_FOUND');
    expectError(
      await (await t.loginAs(me.username)).post(`/api/essays/${essay.id}/review`, { tags: [], isProposal: true, version: essay.version }),
      403,
      'FORBIDDEN',
    );

    const reviewer = await t.loginAs('bantochuc.66');
    const list = await ok<EssayListResponse>(reviewer.get('/api/essays'));
    expect(list.items.map((i) => i.id)).toContain(essay.id);
    const file = await reviewer.get(`/api/essays/${essay.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('wordprocessingml');
    const tooLong = expectError(
      await reviewer.post(`/api/essays/${essay.id}/review`, { tags: ['a'.repeat(61)], isProposal: true, version: essay.version }),
      400,
      'VALIDATION_ERROR',
    );
    expect(tooLong.fields?.[0]?.field).toMatch(/^tags/);
    const reviewed = await ok<EssayItem>(
      reviewer.post(`/api/essays/${essay.id}/review`, {
        tags: ['Biên chế', ' biên chế ', 'Một cửa'],
        isProposal: true,
        reviewNote: 'Chuyển Sở Nội vụ',
        version: essay.version,
      }),
    );
    expect(reviewed).toMatchObject({
      tags: ['Biên chế', 'Một cửa'],
      isProposal: true,
      reviewNote: 'Chuyển Sở Nội vụ',
      reviewedBy: 'bantochuc.66',
    });
    expectError(
      await reviewer.post(`/api/essays/${essay.id}/review`, { tags: [], isProposal: false, version: essay.version }),
      409,
      'VERSION_CONFLICT',
    );
    expect((await ok<EssayListResponse>(reviewer.get('/api/essays?proposal=true'))).items.map((i) => i.id)).toEqual([essay.id]);
    expect((await ok<EssayListResponse>(reviewer.get('/api/essays?reviewed=false'))).total).toBe(0);
    expect((await ok<EssayListResponse>(reviewer.get('/api/essays?reviewed=true'))).total).toBe(1);
    expect((await ok<EssayListResponse>(reviewer.get(`/api/essays?tag=${encodeURIComponent('Một cửa')}`))).total).toBe(1);

    const x = await reviewer.get('/api/essays/proposals.xlsx');
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(2).value).toBe('Họ và tên');
    expect(ws.rowCount).toBe(2);
    expect(ws.getRow(2).getCell(5).value).toBe(fields().title);
    expect(ws.getRow(2).getCell(7).value).toBe('Biên chế; Một cửa');
    const strangerX = await stranger.get('/api/essays/proposals.xlsx');
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(strangerX.rawPayload as unknown as ArrayBuffer);
    expect(wb2.worksheets[0]!.rowCount).toBe(1);
  });
});
