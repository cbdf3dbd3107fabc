import { describe, expect, it } from 'vitest';
import { fold, parseRange, scoreQuiz, sniff, snippet, splitPassages } from './library.rules.ts';
import { pickCitations, questionTerms, scorePassage } from '../assistant/assistant.rules.ts';
import { libraryStorageSettings, loadConfig } from '../../config.ts';
import { amzDate, authorization, EMPTY_SHA256, objectUrl, parseAuthorization, uriEncode } from './library.s3.rules.ts';

describe('fold and snippet', () => {
  it('folds Vietnamese one character per character', () => {
    expect(fold('Đất đai, Hòa GIẢI')).toBe('dat dai, hoa giai');
    expect(fold('Đất đai').length).toBe('Đất đai'.length);
  });
  it('marks matches without diacritics and escapes the rest', () => {
    const s = snippet('Hòa giải <b>tranh chấp</b> đất đai tại xã', 'tranh chap dat');
    expect(s).toContain('<mark>tranh</mark>');
    expect(s).toContain('<mark>đất</mark>');
    expect(s).toContain('&lt;b&gt;');
    expect(s).not.toContain('<b>');
  });
  it('does not mark a word inside another word', () => {
    expect(snippet('đất đai và đạt chuẩn', 'dat')).toBe('<mark>đất</mark> đai và <mark>đạt</mark> chuẩn');
    expect(snippet('phần mềm', 'ph')).not.toContain('<mark>');
  });
});

describe('splitPassages', () => {
  it('splits by chapter, article and clause', () => {
    const p = splitPassages(
      'Tiêu đề văn bản\nChương I. Chung\nĐiều 1. Phạm vi\n1. Khoản một.\n2. Khoản hai.\nĐiều 2. Đối tượng\nChỉ một đoạn.',
    );
    expect(p.map((x) => x.section)).toEqual(['Phần mở đầu', 'Điều 1. Phạm vi, khoản 1', 'Điều 1. Phạm vi, khoản 2', 'Điều 2. Đối tượng']);
    expect(p[1]!.text).toBe('Điều 1. Phạm vi\n1. Khoản một.');
  });
  it('uses numbered headings when there are no articles', () => {
    const p = splitPassages('Cẩm nang\n1. Mục tiêu\nNội dung một.\n2. Đối tượng\nNội dung hai.');
    expect(p.map((x) => x.section)).toEqual(['Phần mở đầu', '1. Mục tiêu', '2. Đối tượng']);
  });
  it('cuts long passages at sentence ends', () => {
    const long = Array.from({ length: 40 }, (_, i) => `Câu số ${i} khá dài để thử việc cắt đoạn.`).join(' ');
    const p = splitPassages(`Điều 1. Dài\n${long}`, 300);
    expect(p.length).toBeGreaterThan(3);
    for (const x of p) expect(x.text.length).toBeLessThanOrEqual(300);
  });
});

describe('sniff, ranges, quiz', () => {
  it('knows files by content', () => {
    expect(sniff(Buffer.from('%PDF-1.7'))).toBe('pdf');
    const mp4 = Buffer.alloc(16);
    mp4.write('ftypisom', 4, 'latin1');
    expect(sniff(mp4)).toBe('mp4');
    mp4.write('qt  ', 8, 'latin1');
    expect(sniff(mp4)).toBe('unknown');
    expect(sniff(Buffer.from('MZ'))).toBe('unknown');
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
    expect(sniff(zip, (n) => n === 'word/document.xml')).toBe('docx');
    expect(sniff(zip, () => false)).toBe('zip');
  });
  it('parses ranges', () => {
    expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=50-500', 100)).toEqual({ start: 50, end: 99 });
    expect(parseRange('bytes=100-', 100)).toBeNull();
    expect(parseRange('bytes=5-2', 100)).toBeNull();
    expect(parseRange('items=0-1', 100)).toBe('ignore');
  });
  it('scores quizzes', () => {
    expect(scoreQuiz([1, 0, 2], [1, 2, 2])).toEqual({ correct: 2, total: 3, score: 67 });
    expect(scoreQuiz([-1], [0])).toEqual({ correct: 0, total: 1, score: 0 });
  });
});

describe('assistant scoring', () => {
  it('drops function words and adds intent words', () => {
    const t = questionTerms('Hòa giải phải xong trong bao lâu?');
    expect(t.unigrams).toEqual(expect.arrayContaining(['hoa', 'giai', 'xong', 'thoi', 'han']));
    expect(t.unigrams).not.toContain('trong');
  });
  it('prefers the passage that covers the question and its word pairs', () => {
    const t = questionTerms('thời hạn hòa giải tranh chấp đất đai');
    const df = new Map<string, number>();
    const a = scorePassage(t, 'Việc hòa giải tranh chấp đất đai thực hiện trong thời hạn không quá 30 ngày', df, 10, 'Thời hạn hòa giải');
    const b = scorePassage(t, 'Đất nông nghiệp và tranh ảnh', df, 10, 'Khác');
    expect(a).toBeGreaterThan(0.8);
    expect(b).toBeLessThan(0.3);
  });
  it('answers only above the threshold and quotes close seconds', () => {
    const p = (score: number) => ({ materialId: 'm', title: 't', section: `s${score}`, text: 'x', score });
    expect(pickCitations([p(0.3), p(0.2)])).toEqual([]);
    expect(pickCitations([p(0.9), p(0.85), p(0.5)]).map((c) => c.score)).toEqual([0.9, 0.85]);
  });
});

describe('S3 signing (SigV4) and storage settings', () => {
  it('matches the GET Object example of the AWS S3 documentation', () => {
    const headers = {
      Host: 'examplebucket.s3.amazonaws.com',
      Range: 'bytes=0-9',
      'x-amz-content-sha256': EMPTY_SHA256,
      'x-amz-date': '20130524T000000Z',
    };
    const input = {
      method: 'GET',
      path: '/test.txt',
      headers,
      payloadHash: EMPTY_SHA256,
      region: 'us-east-1',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    };
    expect(authorization(input)).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
    expect(authorization({ ...input, headers: { ...headers, Range: 'bytes=0-10' } })).not.toContain('f0e8bdb8');
    expect(parseAuthorization(authorization(input))).toMatchObject({ region: 'us-east-1', day: '20130524' });
  });
  it('encodes keys and builds path-style and virtual-hosted URLs', () => {
    expect(uriEncode('a b/ư~', true)).toBe('a%20b/%C6%B0~');
    expect(amzDate(new Date('2026-11-23T19:05:01.123Z'))).toBe('20261123T190501Z');
    expect(objectUrl('http://127.0.0.1:9000', 'hoc-lieu', 'm-1/file-a.pdf', true).toString()).toBe(
      'http://127.0.0.1:9000/hoc-lieu/m-1/file-a.pdf',
    );
    expect(objectUrl('https://s3.example.vn', 'hoc-lieu', 'm-1/file-a.pdf', false).toString()).toBe(
      'https://hoc-lieu.s3.example.vn/m-1/file-a.pdf',
    );
  });
  it('refuses a half-configured S3, naming the variable in Vietnamese and English, never the secret', () => {
    const full = {
      LIBRARY_S3_ENDPOINT: 'http://minio.local:9000',
      LIBRARY_S3_BUCKET: 'hoc-lieu',
      LIBRARY_S3_ACCESS_KEY_ID: 'AK',
      LIBRARY_S3_SECRET_ACCESS_KEY: 'bi-mat-123',
    };
    expect(libraryStorageSettings({}, '/data')).toEqual({ kind: 'local', dir: '/data/library' });
    expect(libraryStorageSettings({ LIBRARY_STORAGE_DIR: '/kho' }, '/data')).toEqual({ kind: 'local', dir: '/kho' });
    expect(libraryStorageSettings(full, '/data')).toMatchObject({ kind: 's3', region: 'us-east-1', forcePathStyle: true });
    expect(libraryStorageSettings({ ...full, LIBRARY_S3_FORCE_PATH_STYLE: 'false' }, '/data')).toMatchObject({ forcePathStyle: false });
    for (const v of ['LIBRARY_S3_BUCKET', 'LIBRARY_S3_ACCESS_KEY_ID', 'LIBRARY_S3_SECRET_ACCESS_KEY'] as const) {
      const env: Record<string, string> = { ...full };
      delete env[v];
      expect(() => libraryStorageSettings(env, '/data')).toThrow(new RegExp(`^${v}: chưa đặt .* / is required`));
    }
    expect(() => libraryStorageSettings({ ...full, LIBRARY_S3_ENDPOINT: '' }, '/data')).toThrow(/^LIBRARY_S3_ENDPOINT: chưa đặt/);
    expect(() => libraryStorageSettings({ ...full, LIBRARY_S3_ENDPOINT: 'ftp://x' }, '/data')).toThrow(/http\(s\)/);
    expect(() => libraryStorageSettings({ ...full, LIBRARY_S3_BUCKET: 'Hoc_Lieu' }, '/data')).toThrow(/LIBRARY_S3_BUCKET/);
    try {
      libraryStorageSettings({ ...full, LIBRARY_S3_ENDPOINT: 'http://u:p@x' }, '/data');
      expect.unreachable();
    } catch (e) {
      expect(String(e)).not.toContain('bi-mat-123');
    }
    expect(() => loadConfig({ NODE_ENV: 'test', LIBRARY_S3_ENDPOINT: 'http://x:9000' })).toThrow(/LIBRARY_S3_BUCKET/);
  });
});
