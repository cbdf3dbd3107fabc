import { describe, expect, it } from 'vitest';
import { fold, parseRange, scoreQuiz, sniff, snippet, splitPassages } from './library.rules.ts';
import { pickCitations, questionTerms, scorePassage } from '../assistant/assistant.rules.ts';

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
