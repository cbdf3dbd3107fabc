/**
 * Pure rules of the library (SPEC §11): content sniffing of uploads, Vietnamese folding for search,
 * highlighted snippets (HTML-escaped, only <mark> is markup), and splitting a document into passages
 * by its own structure (Chương, Mục, Điều, khoản, numbered headings).
 */

export type SniffedKind = 'pdf' | 'docx' | 'pptx' | 'mp4' | 'png' | 'jpeg' | 'zip' | 'unknown';

/** What a file really is, from its first bytes (and the zip entries for Office files). */
export function sniff(buf: Buffer, zipEntries?: (name: string) => boolean): SniffedKind {
  if (buf.length >= 5 && buf.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (buf.length >= 12 && buf.subarray(4, 8).toString('latin1') === 'ftyp') {
    const brand = buf.subarray(8, 12).toString('latin1');
    // QuickTime (qt  ) and 3GP are not MP4 for our players.
    if (/^(isom|iso[2-9]|mp41|mp42|avc1|dash|M4V )$/.test(brand)) return 'mp4';
    return 'unknown';
  }
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0x89504e47) return 'png';
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpeg';
  if (buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50) {
    if (zipEntries?.('word/document.xml')) return 'docx';
    if (zipEntries?.('ppt/presentation.xml')) return 'pptx';
    return 'zip';
  }
  return 'unknown';
}

const MARKS = /[\u0300-\u036f]/g;
/** Lower case without diacritics (đ → d), one output character per input character. */
export function fold(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) {
    const lower = ch.toLowerCase();
    const base = lower === 'đ' ? 'd' : lower.normalize('NFD').replace(MARKS, '');
    out += base.length === 1 ? base : lower.length === 1 ? lower : ch;
  }
  return out;
}

/** Words of a text, folded (for matching and scoring). */
export function words(s: string): string[] {
  return fold(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * A short window of `text` around the best cluster of query words, HTML-escaped, with the matched
 * words wrapped in <mark>. Matching ignores diacritics and case; the snippet keeps the original text.
 */
export function snippet(text: string, query: string, width = 220): string {
  const src = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!src) return '';
  const terms = [...new Set(words(query))].filter((w) => w.length >= 2 || /\d/.test(w));
  const folded = fold(src);
  const hits: { start: number; end: number }[] = [];
  for (const t of terms) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
    for (const m of folded.matchAll(re)) hits.push({ start: m.index, end: m.index + t.length });
  }
  hits.sort((a, b) => a.start - b.start);
  let from = 0;
  if (hits.length) {
    // The window start that covers the most hits.
    let best = 0;
    let bestCount = -1;
    for (let i = 0; i < hits.length; i++) {
      let n = 0;
      for (let j = i; j < hits.length && hits[j]!.end - hits[i]!.start <= width; j++) n++;
      if (n > bestCount) {
        bestCount = n;
        best = i;
      }
    }
    from = Math.max(0, hits[best]!.start - 40);
    const space = src.lastIndexOf(' ', from);
    if (from > 0 && space >= 0 && from - space < 20) from = space + 1;
  }
  let to = Math.min(src.length, from + width);
  const endSpace = src.indexOf(' ', to);
  if (to < src.length && endSpace >= 0 && endSpace - to < 20) to = endSpace;
  let out = from > 0 ? '… ' : '';
  let pos = from;
  for (const h of hits) {
    if (h.start < pos || h.end > to) continue;
    out += escapeHtml(src.slice(pos, h.start)) + '<mark>' + escapeHtml(src.slice(h.start, h.end)) + '</mark>';
    pos = h.end;
  }
  out += escapeHtml(src.slice(pos, to));
  if (to < src.length) out += ' …';
  return out;
}

export interface Passage {
  ord: number;
  section: string;
  text: string;
}

const CHAPTER = /^(Chương|CHƯƠNG|Phần|PHẦN)\s+([IVXLC]+|\d+)\b\.?\s*(.*)$/u;
const SECTION = /^(Mục|MỤC)\s+(\d+|[IVXLC]+)\b\.?\s*(.*)$/u;
const ARTICLE = /^(Điều|ĐIỀU)\s+(\d+[a-zđ]?)\s*[.:]?\s*(.*)$/u;
const CLAUSE = /^(\d{1,2})\.\s+(.+)$/u;
const NUM_HEADING = /^((?:[IVX]+|\d+(?:\.\d+)*))[.)]\s+(.{2,120})$/u;

/**
 * Split a document into passages by its own structure. With articles (Điều), each clause (khoản)
 * of an article is a passage, labelled "Điều 5. Tên, khoản 2"; an article without clauses is one
 * passage. Without articles, numbered headings ("1.", "2.1", "II.") start passages. Text before the
 * first heading is "Phần mở đầu". Long passages are cut at sentence ends (about 1,200 characters).
 */
export function splitPassages(text: string, maxLen = 1200): Passage[] {
  const lines = text
    .normalize('NFC')
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l.length > 0);
  const hasArticles = lines.some((l) => ARTICLE.test(l));
  const out: Passage[] = [];
  let chapter = '';
  let article = '';
  let heading = '';
  let clause = '';
  let buf: string[] = [];
  const label = () => {
    if (hasArticles) {
      const parts = [article || chapter || 'Phần mở đầu'];
      if (article && clause) parts.push(`khoản ${clause}`);
      return parts.join(', ');
    }
    return heading || 'Phần mở đầu';
  };
  const flush = () => {
    const body = buf.join('\n').trim();
    buf = [];
    if (!body) return;
    for (const piece of cut(body, maxLen)) out.push({ ord: out.length + 1, section: label(), text: piece });
  };
  for (const line of lines) {
    let m: RegExpMatchArray | null;
    if ((m = line.match(CHAPTER))) {
      flush();
      chapter = `${cap(m[1]!)} ${m[2]}${m[3] ? `. ${m[3]}` : ''}`;
      article = '';
      clause = '';
      continue;
    }
    if (hasArticles && (m = line.match(SECTION))) {
      flush();
      continue;
    }
    if (hasArticles && (m = line.match(ARTICLE))) {
      flush();
      article = `Điều ${m[2]}${m[3] ? `. ${m[3].replace(/\.$/, '')}` : ''}`;
      clause = '';
      buf.push(line);
      continue;
    }
    if (hasArticles && article && (m = line.match(CLAUSE))) {
      // The article's heading line stays with its first clause.
      const onlyHeading = buf.length === 1 && ARTICLE.test(buf[0]!);
      if (!onlyHeading) flush();
      clause = m[1]!;
      buf.push(line);
      continue;
    }
    if (!hasArticles && (m = line.match(NUM_HEADING)) && line.length <= 120 && !/[.;:,]$/.test(line)) {
      flush();
      heading = line;
      buf.push(line);
      continue;
    }
    buf.push(line);
  }
  flush();
  return out;
}

function cap(s: string): string {
  const l = s.toLowerCase();
  return l.charAt(0).toUpperCase() + l.slice(1);
}

function cut(body: string, maxLen: number): string[] {
  if (body.length <= maxLen) return [body];
  const sentences = body.split(/(?<=[.;!?])\s+/u);
  const out: string[] = [];
  let cur = '';
  for (const s of sentences) {
    if (cur && cur.length + s.length + 1 > maxLen) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? `${cur} ${s}` : s;
  }
  if (cur) out.push(cur);
  return out;
}

/** Headings of a text (weighted above the body in search). */
export function headingsOf(text: string): string {
  return splitPassages(text)
    .map((p) => p.section)
    .filter((s, i, a) => s !== 'Phần mở đầu' && a.indexOf(s) === i)
    .join(' · ')
    .slice(0, 20_000);
}

/** Quiz score in percent (0–100, whole numbers); unanswered (-1) counts as wrong. */
export function scoreQuiz(answers: number[], key: number[]): { correct: number; total: number; score: number } {
  const total = key.length;
  const correct = key.filter((k, i) => answers[i] === k).length;
  return { correct, total, score: total === 0 ? 0 : Math.round((correct / total) * 100) };
}

/** Parse a single HTTP Range header for a file of `size` bytes (RFC 9110 §14); null = not satisfiable. */
export function parseRange(header: string, size: number): { start: number; end: number } | null | 'ignore' {
  const m = header.match(/^bytes=(\d*)-(\d*)$/);
  if (!m) return 'ignore';
  const [, a, b] = m;
  if (a === '' && b === '') return null;
  let start: number;
  let end: number;
  if (a === '') {
    const n = Number(b);
    if (n === 0) return null;
    start = Math.max(0, size - n);
    end = size - 1;
  } else {
    start = Number(a);
    end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  }
  if (start >= size || start > end) return null;
  return { start, end };
}
