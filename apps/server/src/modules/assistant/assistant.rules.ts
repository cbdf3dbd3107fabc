/**
 * Pure rules of the assistant (SPEC §11): which words of a question carry meaning, how well a passage
 * covers them, when the best passage is good enough to answer (a calibrated threshold), and how the
 * answer quotes its passages.
 */
import { words } from '../library/library.rules.ts';

/** Folded Vietnamese function words and question words that say nothing about the topic. */
const STOP = new Set(
  (
    'la gi cua co khong duoc nhu the nao bao nhieu cho va cac nhung khi thi ai o dau nay do ma de voi ' +
    'toi minh ban can phai hay hoac neu vay sao tai vi boi bang theo trong ngoai tu den ra vao len xuong ' +
    'mot hai rat nhat cung da dang se con nua gom moi lan ve doi can bo cong chuc xa'
  ).split(' '),
);

/**
 * Question phrasings that name what kind of answer is wanted; the words they add are the ones
 * regulations use for it ("bao lâu" is answered by a "thời hạn").
 */
const INTENTS: { re: RegExp; add: string[] }[] = [
  { re: /\b(bao lau|bao nhieu ngay|may ngay|trong bao nhieu|thoi han|han chot)\b/, add: ['thoi', 'han'] },
  { re: /\b(khi nao|luc nao|thoi diem|som nhat|bao gio)\b/, add: ['thoi', 'diem'] },
  { re: /\b(ai|nguoi nao|nhung ai|thanh phan|gom nhung)\b/, add: ['thanh', 'phan'] },
  { re: /\b(bao nhieu diem|may diem|thang diem|diem toi da)\b/, add: ['diem'] },
  { re: /\b(muc nao|xep loai gi|loai nao|muc danh gia)\b/, add: ['muc'] },
];

export interface QuestionTerms {
  unigrams: string[];
  bigrams: string[];
}

export function questionTerms(question: string): QuestionTerms {
  const all = words(question);
  const folded = all.join(' ');
  const extra = INTENTS.filter((i) => i.re.test(folded)).flatMap((i) => i.add);
  const unigrams = [...new Set([...all.filter((w) => !STOP.has(w) && (w.length >= 2 || /\d/.test(w))), ...extra])];
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < all.length; i++) {
    const a = all[i]!;
    const b = all[i + 1]!;
    if (STOP.has(a) && STOP.has(b)) continue;
    bigrams.push(`${a} ${b}`);
  }
  return { unigrams, bigrams: [...new Set(bigrams)] };
}

/**
 * How well a passage answers: IDF-weighted share of the question's words found in it (60 %) plus the
 * share of its word pairs found in order (40 %; Vietnamese words are mostly two syllables, so pairs
 * tell "đất đai" from "đất" and "đai"), plus a bonus for words in the section heading.
 * `passageText` includes the document title (every passage inherits its document's subject).
 * `df` = in how many of `n` passages each word occurs.
 */
export function scorePassage(terms: QuestionTerms, passageText: string, df: Map<string, number>, n: number, section = ''): number {
  if (terms.unigrams.length === 0) return 0;
  const ws = words(passageText);
  const inSection = new Set(words(section));
  const set = new Set(ws);
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < ws.length; i++) pairs.add(`${ws[i]} ${ws[i + 1]}`);
  let total = 0;
  let got = 0;
  for (const u of terms.unigrams) {
    const idf = Math.log(1 + (n + 1) / ((df.get(u) ?? 0) + 0.5));
    total += idf;
    if (set.has(u)) got += idf;
  }
  const uni = total > 0 ? got / total : 0;
  const bi = terms.bigrams.length ? terms.bigrams.filter((b) => pairs.has(b)).length / terms.bigrams.length : uni;
  // A question word in the section's own heading ("Điều 2. Thời hạn hòa giải") is a strong hint.
  const sec = terms.unigrams.filter((u) => inSection.has(u)).length / terms.unigrams.length;
  return 0.6 * uni + 0.4 * bi + 0.15 * sec;
}

/** Calibrated on eval-set.json (`npm run bench:assistant`): below this the library has no answer. */
export const ANSWER_THRESHOLD = 0.5;
/** Further passages are quoted when they score at least this share of the best one. */
export const ALSO_QUOTE_SHARE = 0.85;

export interface ScoredPassage {
  materialId: string;
  title: string;
  section: string;
  text: string;
  score: number;
}

/** Passages to cite: the best one if it clears the threshold, and up to two close seconds. */
export function pickCitations(scored: ScoredPassage[], threshold = ANSWER_THRESHOLD): ScoredPassage[] {
  const sorted = [...scored].sort((a, b) => b.score - a.score);
  const best = sorted[0];
  if (!best || best.score < threshold) return [];
  return sorted.filter((p, i) => i === 0 || p.score >= Math.max(threshold, best.score * ALSO_QUOTE_SHARE)).slice(0, 3);
}

export function quoteOf(text: string, max = 600): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cutAt = t.lastIndexOf(' ', max);
  return `${t.slice(0, cutAt > 0 ? cutAt : max)} …`;
}

/** The embedded answer: the passages themselves, each introduced by its document and section. */
export function composeAnswer(citations: { title: string; section: string; quote: string }[]): string {
  return citations.map((c) => `Theo “${c.title}”, ${c.section}: ${c.quote}`).join('\n\n');
}
