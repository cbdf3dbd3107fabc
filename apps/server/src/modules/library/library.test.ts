/**
 * The library through the real API and PostgreSQL (issue 8): upload → extract → publish → search
 * without diacritics; province scope; workflow permissions; video range requests; bad input; the
 * assistant's answers and refusals; self-study progress and recommendations.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AssistantAskResponse,
  LibraryMaterialDetail,
  LibraryProgressMineResponse,
  LibraryQuizResponse,
  LibraryRecommendationsResponse,
  LibrarySearchResponse,
} from '@app/shared';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { startS3TestServer, type S3TestServer } from '../../../test/s3-test-server.ts';
import { seedDemoLibrary } from './demo.ts';

let t: TestContext;
let national: TestClient;
let province: TestClient;
let reviewer: TestClient;
let org66: TestClient;
let learner: TestClient;
let other: TestClient; // province admin of Hà Nội (01)
const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lib-test-'));
fs.chmodSync(storageDir, 0o755);

const DEMO_VIDEO = fs.readFileSync(path.join(import.meta.dirname, 'demo', 'demo-video.mp4'));
const DEMO_POSTER = fs.readFileSync(path.join(import.meta.dirname, 'demo', 'demo-poster.png'));

function pdfOf(lines: string[]): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.font(path.resolve(import.meta.dirname, '../../../../../node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
    for (const l of lines) doc.text(l);
    doc.end();
  });
}
async function docxOf(lines: string[]): Promise<Buffer> {
  const d = new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] });
  return Packer.toBuffer(d);
}

function upload(c: TestClient, url: string, data: Buffer, fileName: string, field = 'file') {
  const boundary = 'xXlibBoundaryXx';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return t.app.inject({
    method: 'POST',
    url,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': c.cookies.get('csrf')!,
    },
    payload: Buffer.concat([head, data, tail]),
  });
}
function getRaw(c: TestClient, url: string, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'GET', url, headers: { ...headers, cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
}

async function create(c: TestClient, body: Record<string, unknown>): Promise<string> {
  const res = await c.post('/api/library/materials', { fields: [], positions: [], regionTypes: [], programmeTypes: [], ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}
async function publish(id: string, by: TestClient = national) {
  expect((await by.post(`/api/library/materials/${id}/review`, { action: 'approve' })).statusCode).toBe(200);
  expect((await by.post(`/api/library/materials/${id}/review`, { action: 'publish' })).statusCode).toBe(200);
}
const search = async (c: TestClient, q: string) => {
  const res = await c.get(`/api/library/search?q=${encodeURIComponent(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<LibrarySearchResponse>();
};
afterAll(() => fs.rmSync(storageDir, { recursive: true, force: true }));

const LIBRARY_ENV = Object.keys(process.env).filter((k) => k.startsWith('LIBRARY_'));
const savedEnv = Object.fromEntries(LIBRARY_ENV.map((k) => [k, process.env[k]]));
function restoreEnv() {
  for (const k of Object.keys(process.env)) if (k.startsWith('LIBRARY_')) delete process.env[k];
  Object.assign(process.env, savedEnv);
}

// The storage-dependent groups run on both backends; the rest once, on local disk.
describe.each(['local', 's3'] as const)('library on %s storage', (backend) => {
  // groups that do not depend on the storage are registered once (on local disk), not reported as skipped on S3
  const onlyOn = (b: 'local' | 's3') => (name: string, body: () => void) => {
    if (backend === b) describe(name, body);
  };
  let s3: S3TestServer | undefined;
  beforeAll(async () => {
    if (backend === 's3') {
      s3 = await startS3TestServer();
      Object.assign(process.env, s3.env());
      delete process.env.LIBRARY_STORAGE_DIR;
    } else {
      process.env.LIBRARY_STORAGE_DIR = storageDir;
    }
    t = await createTestContext({ today: '2026-11-23' });
    await t.pool.query(`insert into users (username, full_name, role, province_code, password_hash)
      select 'sonoivu.01.libtest', 'Nguyễn Thị Thử', 'province_admin', '01', password_hash from users where username = 'sonoivu.66'`);
    const clients = await Promise.all(
      ['bonoivu', 'sonoivu.66', 'bantochuc.66', 'truong.66', 'hocvien.24133.1', 'sonoivu.01.libtest'].map((u) => t.loginAs(u)),
    );
    [national, province, reviewer, org66, learner, other] = clients as [
      TestClient,
      TestClient,
      TestClient,
      TestClient,
      TestClient,
      TestClient,
    ];
    await seedDemoLibrary({ db: t.db, clock: t.clock, config: { dataDir: storageDir } });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    restoreEnv();
    await s3?.close();
  });

  describe('upload → extract → publish → search', () => {
    it('a PDF and a DOCX are extracted, split into passages, found without diacritics once published', async () => {
      const pdf = await pdfOf([
        'QUY ĐỊNH THỬ NGHIỆM VỀ PHÒNG CHỐNG THIÊN TAI',
        'Điều 1. Diễn tập sơ tán',
        '1. Xã tổ chức diễn tập sơ tán dân cư vùng lũ quét mỗi năm một lần.',
        '2. Trưởng thôn lập danh sách hộ cần hỗ trợ di chuyển.',
      ]);
      const id = await create(national, { type: 'document', title: 'Quy định thử nghiệm về phòng chống thiên tai' });
      const up = await upload(national, `/api/library/materials/${id}/file`, pdf, 'thien-tai.pdf');
      expect(up.statusCode, up.body).toBe(200);
      expect(up.json<{ textLength: number }>().textLength).toBeGreaterThan(50);
      expect((await search(learner, 'dien tap so tan')).items.some((i) => i.id === id)).toBe(false); // draft: invisible
      await publish(id);
      const found = await search(learner, 'dien tap so tan lu quet');
      const hit = found.items.find((i) => i.id === id);
      expect(hit).toBeDefined();
      expect(hit!.snippet).toContain('<mark>sơ tán</mark>'.replace('sơ tán', 'sơ'));
      expect(hit!.snippet).toMatch(/<mark>lũ<\/mark>/);
      const detail = (await learner.get(`/api/library/materials/${id}`)).json<LibraryMaterialDetail>();
      expect(detail.sections.map((s) => s.section)).toEqual([
        'Phần mở đầu',
        'Điều 1. Diễn tập sơ tán, khoản 1',
        'Điều 1. Diễn tập sơ tán, khoản 2',
      ]);

      const docx = await docxOf([
        'Hướng dẫn đăng ký hộ kinh doanh',
        '1. Hồ sơ cần nộp',
        'Giấy đề nghị đăng ký hộ kinh doanh và bản sao căn cước của chủ hộ.',
      ]);
      const id2 = await create(national, { type: 'document', title: 'Hướng dẫn đăng ký hộ kinh doanh' });
      expect((await upload(national, `/api/library/materials/${id2}/file`, docx, 'hkd.docx')).statusCode).toBe(200);
      await publish(id2);
      const r2 = await search(learner, 'dang ky ho kinh doanh can cuoc');
      expect(r2.items[0]?.id).toBe(id2);
    });

    it('title weighs more than the body; results carry the public API shape', async () => {
      const r = await search(learner, 'tranh chap dat dai');
      expect(r.total).toBeGreaterThanOrEqual(2);
      expect(Object.keys(r.items[0]!).sort()).toEqual(['id', 'snippet', 'title', 'type']);
      expect(r.items[0]!.title).toMatch(/tranh chấp/);
    });

    it('a misspelled word still finds the title (trigram fallback)', async () => {
      const r = await search(learner, 'tranh chapp dat dai');
      expect(r.items.some((i) => i.title === 'Hướng dẫn mẫu về hòa giải tranh chấp đất đai tại cấp xã')).toBe(true);
    });

    it('HTML in a title is stored as text and the snippet is escaped', async () => {
      const id = await create(national, {
        type: 'handbook',
        title: '<script>alert(1)</script> Cẩm nang thử',
        bodyText: 'Nội dung <b>đậm</b> về kiểm thử ánh xạ',
      });
      await publish(id);
      const r = await search(learner, 'anh xa kiem thu');
      const hit = r.items.find((i) => i.id === id)!;
      expect(hit.title).toBe('<script>alert(1)</script> Cẩm nang thử');
      expect(hit.snippet).not.toContain('<b>');
      expect(hit.snippet).toContain('&lt;b&gt;');
    });

    it('anonymous callers see nothing', async () => {
      expect((await t.client().get('/api/library/search?q=dat')).statusCode).toBe(401);
      expect([401, 403]).toContain((await t.client().post('/api/assistant/ask', { question: 'thời hạn hòa giải' })).statusCode);
    });
  });

  onlyOn('local')('scope and workflow', () => {
    it("a province's material is invisible to another province", async () => {
      const id = await create(province, {
        type: 'handbook',
        title: 'Cẩm nang riêng của tỉnh về cà phê bền vững',
        provinceCode: '66',
        bodyText: 'Kỹ thuật tưới cà phê tiết kiệm nước.',
      });
      await publish(id, reviewer);
      expect((await search(learner, 'ca phe ben vung')).items.some((i) => i.id === id)).toBe(true);
      // the typed-in text goes to editors (the edit form), not to learners
      expect((await province.get(`/api/library/materials/${id}`)).json<LibraryMaterialDetail>().bodyText).toBe(
        'Kỹ thuật tưới cà phê tiết kiệm nước.',
      );
      expect((await learner.get(`/api/library/materials/${id}`)).json<LibraryMaterialDetail>().bodyText).toBeNull();
      expect((await search(other, 'ca phe ben vung')).items.some((i) => i.id === id)).toBe(false);
      expect((await other.get(`/api/library/materials/${id}`)).statusCode).toBe(404);
      expect((await getRaw(other, `/api/library/materials/${id}/file`)).statusCode).toBe(404);
      expect((await search(national, 'ca phe ben vung')).items.some((i) => i.id === id)).toBe(true);
      // the demo handbook of Đắk Lắk, too
      expect((await search(other, 'dan van buon')).items.some((i) => /Đắk Lắk/.test(i.title))).toBe(false);
    });

    it('who may create, review and publish', async () => {
      // a province admin may not publish nationally
      const bad = await province.post('/api/library/materials', { type: 'document', title: 'Tài liệu toàn quốc', provinceCode: null });
      expect(bad.statusCode).toBe(400);
      expect(bad.json<{ message: string }>().message).toMatch(/Bộ Nội vụ/);
      // learners cannot create
      expect(
        (await learner.post('/api/library/materials', { type: 'document', title: 'Tài liệu của học viên', provinceCode: '66' })).statusCode,
      ).toBe(403);
      // a training org drafts for its province; it cannot approve; the reviewer can
      const id = await create(org66, {
        type: 'case',
        title: 'Tình huống thử về tiếp công dân',
        provinceCode: '66',
        bodyText: 'Công dân đến phản ánh việc cấp giấy chậm.',
      });
      expect((await org66.post(`/api/library/materials/${id}/review`, { action: 'approve' })).statusCode).toBe(403);
      expect((await learner.get(`/api/library/materials/${id}`)).statusCode).toBe(404); // drafts are not for learners
      expect((await other.post(`/api/library/materials/${id}/review`, { action: 'approve' })).statusCode).toBe(404);
      // publish before approve: refused
      expect((await reviewer.post(`/api/library/materials/${id}/review`, { action: 'publish' })).statusCode).toBe(409);
      // returning needs a reason
      expect((await reviewer.post(`/api/library/materials/${id}/review`, { action: 'return' })).statusCode).toBe(400);
      expect((await reviewer.post(`/api/library/materials/${id}/review`, { action: 'approve' })).statusCode).toBe(200);
      expect((await reviewer.post(`/api/library/materials/${id}/review`, { action: 'publish' })).statusCode).toBe(200);
      // editing makes a new version back in draft
      expect((await org66.patch(`/api/library/materials/${id}`, { summary: 'Bổ sung tóm tắt', note: 'Sửa tóm tắt' })).statusCode).toBe(200);
      const d = (await reviewer.get(`/api/library/materials/${id}`)).json<LibraryMaterialDetail>();
      expect(d.status).toBe('draft');
      expect(d.version).toBe(2);
      expect(d.versions.map((v) => v.action)).toEqual(['edit', 'publish', 'approve', 'create']);
      const audit = await t.pool.query(`select action from audit_log where entity_id = $1 order by id`, [id]);
      expect(audit.rows.map((r: { action: string }) => r.action)).toEqual([
        'library.create',
        'library.approve',
        'library.publish',
        'library.update',
      ]);
    });
  });

  describe('files and bad input', () => {
    let videoId: string;
    beforeAll(async () => {
      videoId = await create(national, { type: 'video', title: 'Video thử nghiệm tua' });
      const up = await upload(national, `/api/library/materials/${videoId}/file`, DEMO_VIDEO, 'v.mp4');
      expect(up.statusCode, up.body).toBe(200);
      expect((await upload(national, `/api/library/materials/${videoId}/poster`, DEMO_POSTER, 'p.png', 'poster')).statusCode).toBe(200);
      await publish(videoId);
    });

    it('range requests answer 206 with the right bytes', async () => {
      const r = await getRaw(learner, `/api/library/materials/${videoId}/file`, { range: 'bytes=100-199' });
      expect(r.statusCode).toBe(206);
      expect(r.headers['content-range']).toBe(`bytes 100-199/${DEMO_VIDEO.length}`);
      expect(Buffer.compare(r.rawPayload, DEMO_VIDEO.subarray(100, 200))).toBe(0);
      const tail = await getRaw(learner, `/api/library/materials/${videoId}/file`, { range: 'bytes=-50' });
      expect(Buffer.compare(tail.rawPayload, DEMO_VIDEO.subarray(DEMO_VIDEO.length - 50))).toBe(0);
      const open = await getRaw(learner, `/api/library/materials/${videoId}/file`, { range: `bytes=${DEMO_VIDEO.length - 10}-` });
      expect(open.rawPayload.length).toBe(10);
      const full = await getRaw(learner, `/api/library/materials/${videoId}/file`);
      expect(full.statusCode).toBe(200);
      expect(full.headers['accept-ranges']).toBe('bytes');
      expect(Buffer.compare(full.rawPayload, DEMO_VIDEO)).toBe(0);
      const outside = await getRaw(learner, `/api/library/materials/${videoId}/file`, { range: `bytes=${DEMO_VIDEO.length + 5}-` });
      expect(outside.statusCode).toBe(416);
      const poster = await getRaw(learner, `/api/library/materials/${videoId}/poster`);
      expect(poster.headers['content-type']).toBe('image/png');
    });

    it('disguised, corrupt and wrong files are refused in Vietnamese, nothing saved', async () => {
      const id = await create(national, { type: 'document', title: 'Tài liệu nhận tệp xấu' });
      const url = `/api/library/materials/${id}/file`;
      const exe = await upload(national, url, Buffer.from('MZ\x90\x00 this is a program'), 'bao-cao.pdf');
      expect(exe.statusCode).toBe(400);
      expect(exe.json<{ message: string }>().message).toMatch(/PDF hoặc DOCX/);
      const brokenPdf = await upload(national, url, Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage'), 'hong.pdf');
      expect(brokenPdf.statusCode).toBe(400);
      expect(brokenPdf.json<{ message: string }>().message).toMatch(/bị hỏng/);
      const docx = await docxOf(['a']);
      const brokenDocx = await upload(national, url, docx.subarray(0, docx.length - 200), 'hong.docx');
      expect(brokenDocx.statusCode).toBe(400);
      const vid = await create(national, { type: 'video', title: 'Video nhận tệp xấu' });
      const notMp4 = await upload(national, `/api/library/materials/${vid}/file`, await pdfOf(['x']), 'video.mp4');
      expect(notMp4.statusCode).toBe(400);
      expect(notMp4.json<{ message: string }>().message).toMatch(/MP4/);
      const quicktime = Buffer.from(DEMO_VIDEO);
      quicktime.write('qt  ', 8, 'latin1');
      expect((await upload(national, `/api/library/materials/${vid}/file`, quicktime, 'video.mov')).statusCode).toBe(400);
      const d = (await national.get(`/api/library/materials/${id}`)).json<LibraryMaterialDetail>();
      expect(d.hasFile).toBe(false);
      expect(d.version).toBe(1);
      expect((await national.post(url, { file: 'x' })).statusCode).toBe(415);
    });

    it('bad metadata and ids', async () => {
      const r = await national.post('/api/library/materials', { type: 'document', title: '' });
      expect(r.statusCode).toBe(400);
      expect(r.json<{ message: string }>().message).toMatch(/Tiêu đề/);
      expect((await national.get('/api/library/materials/khong-co')).statusCode).toBe(404);
      expect((await national.get('/api/library/materials/00000000-0000-0000-0000-000000000000')).statusCode).toBe(404);
      // the edit form's PATCH: the same Vietnamese messages on their fields; another province cannot edit
      const id = await create(province, { type: 'handbook', title: 'Cẩm nang sửa thử', provinceCode: '66', bodyText: 'Mục 1. Thử.' });
      const short = await province.patch(`/api/library/materials/${id}`, { title: 'ab' });
      expect(short.statusCode).toBe(400);
      expect(short.json<{ message: string; fields: { field: string }[] }>()).toMatchObject({ fields: [{ field: 'title' }] });
      expect(short.json<{ message: string }>().message).toMatch(/Tiêu đề/);
      expect((await other.patch(`/api/library/materials/${id}`, { title: 'Tiêu đề của tỉnh khác' })).statusCode).toBe(404);
      expect((await learner.patch(`/api/library/materials/${id}`, { title: 'Tiêu đề của học viên' })).statusCode).toBe(404); // a draft: not even seen
      const ok = await province.patch(`/api/library/materials/${id}`, { title: 'Cẩm nang đã sửa', regionTypes: ['mien_nui_dtts'] });
      expect(ok.statusCode, ok.body).toBe(200);
      const d = (await province.get(`/api/library/materials/${id}`)).json<LibraryMaterialDetail>();
      expect(d).toMatchObject({ title: 'Cẩm nang đã sửa', regionTypes: ['mien_nui_dtts'], bodyText: 'Mục 1. Thử.', version: 2 });
    });
  });

  onlyOn('local')('assistant', () => {
    const ask = async (q: string) => {
      const r = await learner.post('/api/assistant/ask', { question: q });
      expect(r.statusCode, r.body).toBe(200);
      return r.json<AssistantAskResponse>();
    };
    it('answers from the right passage with citations', async () => {
      const a = await ask('Hòa giải tranh chấp đất đai ở xã phải xong trong bao nhiêu ngày?');
      expect(a.noAnswer).toBe(false);
      expect(a.citations[0]!.title).toBe('Hướng dẫn mẫu về hòa giải tranh chấp đất đai tại cấp xã');
      expect(a.citations[0]!.section).toBe('Điều 2. Thời hạn hòa giải, khoản 1');
      expect(a.citations[0]!.quote).toContain('không quá 30 ngày');
      expect(a.answer).toContain('30 ngày');
      const b = await ask('Khi nào được đánh giá hiệu quả sau bồi dưỡng?');
      expect(b.citations[0]!.section).toMatch(/^Điều 7\. Thời điểm đánh giá/);
    });
    it('says plainly when the library has no answer', async () => {
      for (const q of ['Thủ tục cấp hộ chiếu phổ thông cần giấy tờ gì?', 'Giá vé máy bay đi Hà Nội tháng sau là bao nhiêu?']) {
        const a = await ask(q);
        expect(a.noAnswer).toBe(true);
        expect(a.citations).toEqual([]);
        expect(a.answer).toBe('Thư viện chưa có văn bản trả lời câu hỏi này.');
      }
    });
    it('does not cite what the user may not see', async () => {
      const r = await other.post('/api/assistant/ask', { question: 'Khi họp dân ở buôn cần trao đổi trước với ai?' });
      const a = r.json<AssistantAskResponse>();
      expect(a.citations.every((c) => !/Đắk Lắk/.test(c.title))).toBe(true);
      const mine = await ask('Khi họp dân ở buôn cần trao đổi trước với ai?');
      expect(mine.citations[0]?.title).toMatch(/Đắk Lắk/);
    });
    it('empty, too long and HTML questions', async () => {
      const empty = await learner.post('/api/assistant/ask', { question: '  ' });
      expect(empty.statusCode).toBe(400);
      expect(empty.json<{ message: string }>().message).toMatch(/Câu hỏi/);
      expect((await learner.post('/api/assistant/ask', { question: 'đất '.repeat(1250) })).statusCode).toBe(400);
      const html = await ask('<script>alert(1)</script>');
      expect(html.noAnswer).toBe(true);
    });
    it('an OpenAI-compatible endpoint only rephrases; citations stay', async () => {
      const Fastify = (await import('fastify')).default;
      const stub = Fastify();
      let seen = '';
      stub.post('/v1/chat/completions', async (req) => {
        seen = JSON.stringify(req.body);
        return { choices: [{ message: { content: 'Theo [1], thời hạn hòa giải là không quá 30 ngày.' } }] };
      });
      const url = await stub.listen({ port: 0, host: '127.0.0.1' });
      try {
        const { ask: askService } = await import('../assistant/assistant.service.ts');
        const actor = {
          id: '00000000-0000-0000-0000-000000000001',
          username: 'x',
          fullName: 'x',
          role: 'official' as const,
          provinceCode: '66',
          communeCode: '24133',
          unitId: null,
          trainingOrgId: null,
          officialId: null,
        };
        const a = await askService(
          { db: t.db, llm: { url: `${url}/v1`, model: 'm', key: 'k' } },
          actor,
          'Thời hạn hòa giải tranh chấp đất đai tại xã là bao lâu?',
        );
        expect(a.answer).toBe('Theo [1], thời hạn hòa giải là không quá 30 ngày.');
        expect(a.citations[0]!.section).toBe('Điều 2. Thời hạn hòa giải, khoản 1');
        expect(seen).toContain('không quá 30 ngày');
        const none = await askService({ db: t.db, llm: { url: `${url}/v1`, model: 'm', key: 'k' } }, actor, 'Giá vàng hôm nay bao nhiêu?');
        expect(none.noAnswer).toBe(true);
      } finally {
        await stub.close();
      }
    });
  });

  onlyOn('local')('self-study and recommendations', () => {
    it('progress, video position, quiz score and the learning record', async () => {
      const list = await search(learner, 'tinh huong ranh gioi thua dat');
      const caseId = list.items.find((i) => i.type === 'case')!.id;
      expect(list.items[0]!.type).toBe('case');
      expect((await learner.post(`/api/library/materials/${caseId}/progress`, { event: 'open' })).statusCode).toBe(200);
      const wrong = await learner.post(`/api/library/materials/${caseId}/quiz`, { answers: [0] });
      expect(wrong.statusCode).toBe(400);
      const q = (await learner.post(`/api/library/materials/${caseId}/quiz`, { answers: [1, 0, 1] })).json<LibraryQuizResponse>();
      expect(q.correct).toBe(2);
      expect(q.score).toBe(67);
      expect(q.results[1]!.correct).toBe(false);
      expect(q.results[1]!.explanation).toMatch(/Chủ tịch/);
      const video = (await search(learner, 'mo phong tiep nhan ho so')).items.find((i) => i.type === 'video')!;
      await learner.post(`/api/library/materials/${video.id}/progress`, { event: 'progress', positionSeconds: 6.5, progressPercent: 65 });
      const d = (await learner.get(`/api/library/materials/${video.id}`)).json<LibraryMaterialDetail>();
      expect(d.progress).toMatchObject({ status: 'in_progress', positionSeconds: 6.5, progressPercent: 65 });
      const mine = (await learner.get('/api/library/progress/mine')).json<LibraryProgressMineResponse>();
      expect(mine.items.find((i) => i.materialId === caseId)).toMatchObject({ status: 'completed', quizBestScore: 67 });
      expect(mine.items.find((i) => i.materialId === video.id)).toMatchObject({ status: 'in_progress', progressPercent: 65 });
      // another learner's record is separate
      const other2 = await t.loginAs('hocvien.24133.2');
      expect((await other2.get('/api/library/progress/mine')).json<LibraryProgressMineResponse>().items).toEqual([]);
    });

    it('recommendations carry a reason from needs, position, fields or region', async () => {
      const needs = await t.pool.query(
        `select n.field, n.programme_type from training_needs n join users u on u.official_id = n.official_id where u.username = 'hocvien.24373.1' and n.status <> 'dropped'`,
      );
      const c = await t.loginAs('hocvien.24373.1');
      const res = await c.get('/api/library/recommendations');
      expect(res.statusCode, res.body).toBe(200);
      const r = res.json<LibraryRecommendationsResponse>();
      expect(r.materials.length).toBeGreaterThan(0);
      for (const m of r.materials) expect(m.reason).toMatch(/^vì /);
      if (needs.rows.length > 0) expect(r.materials.some((m) => /cần/.test(m.reason))).toBe(true);
      // a user without an official record gets none
      expect((await national.get('/api/library/recommendations')).json<LibraryRecommendationsResponse>().materials).toEqual([]);
    });
  });

  onlyOn('s3')('S3-compatible storage', () => {
    it('files are in the bucket, signed; a failing or misconfigured store is a 503 in Vietnamese, nothing half-saved', async () => {
      const keys = await t.pool.query<{ file_key: string }>(`select file_key from library_materials where file_key is not null`);
      expect(keys.rows.length).toBeGreaterThan(1);
      for (const r of keys.rows) expect(s3!.objects.has(r.file_key), r.file_key).toBe(true);
      expect(s3!.objects.get(keys.rows[0]!.file_key)!.contentType).toMatch(/^(video|application)\//);

      const id = await create(national, { type: 'video', title: 'Video khi kho S3 trục trặc' });
      s3!.failNext(1);
      const up = await upload(national, `/api/library/materials/${id}/file`, DEMO_VIDEO, 'v.mp4');
      expect(up.statusCode).toBe(503);
      expect(up.json<{ message: string }>().message).toMatch(/Kho lưu trữ tệp học liệu/);
      expect((await national.get(`/api/library/materials/${id}`)).json<LibraryMaterialDetail>()).toMatchObject({
        version: 1,
        hasFile: false,
      });
      expect((await upload(national, `/api/library/materials/${id}/file`, DEMO_VIDEO, 'v.mp4')).statusCode).toBe(200);

      s3!.failNext(1);
      const down = await getRaw(national, `/api/library/materials/${id}/file`, { range: 'bytes=0-9' });
      expect(down.statusCode).toBe(503);
      expect(down.headers['content-range']).toBeUndefined();

      // a wrong secret: the server refuses the signature (403) and the user sees a 503, never the secret
      const secret = process.env.LIBRARY_S3_SECRET_ACCESS_KEY!;
      process.env.LIBRARY_S3_SECRET_ACCESS_KEY = 'sai-khoa-bi-mat';
      try {
        const denied = await getRaw(national, `/api/library/materials/${id}/file`);
        expect(denied.statusCode).toBe(503);
        expect(denied.body).not.toContain('sai-khoa-bi-mat');
        expect(s3!.log.at(-1)).toMatch(/^HEAD .* 403$/);
      } finally {
        process.env.LIBRARY_S3_SECRET_ACCESS_KEY = secret;
      }
      const ok = await getRaw(national, `/api/library/materials/${id}/file`, { range: 'bytes=0-9' });
      expect(ok.statusCode).toBe(206);
      expect(Buffer.compare(ok.rawPayload, DEMO_VIDEO.subarray(0, 10))).toBe(0);
    });
  });
});
