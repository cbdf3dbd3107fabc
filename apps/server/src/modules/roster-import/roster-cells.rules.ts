/**
 * Pure parsing of single cell values (SPEC §3 tolerance): text cleaned to NFC, tolerant keys for
 * headers and coded values (case, NFC/NFD, diacritics, spaces), dates from Excel date cells, serial
 * numbers or dd/mm/yyyy text, CCCDs that lost their leading 0 (every CCCD starts with 0: its first
 * three digits are a province code 001–096), yes/no in many spellings, names of units and positions.
 */
import { cleanText } from '../officials/officials.rules.ts';
import { NO, YES } from './roster-columns.ts';
import type { CellValue } from './xlsx-reader.ts';

// ---------------------------------------------------------------- text

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/** NFC, invisible characters removed, whitespace runs collapsed, trimmed: how text is stored. */
export function cleanCellText(s: string): string {
  return cleanText(s.replace(INVISIBLE, ''));
}

/** Key for tolerant comparison: no case, no diacritics (NFC or NFD alike), no spaces or punctuation. */
export function looseKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Key that keeps diacritics but ignores case and spacing (used first, so near-homonyms stay apart). */
export function exactKey(s: string): string {
  return cleanCellText(s).toLowerCase();
}

export function isoToVi(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** A cell as text, whatever its kind (headers, error messages). */
export function cellText(c: CellValue | undefined): string {
  if (!c) return '';
  switch (c.t) {
    case 's':
    case 'e':
    case 'd':
      return c.v;
    case 'n':
      return String(c.v);
    case 'b':
      return c.v ? 'TRUE' : 'FALSE';
    case 'f':
      return c.cached;
  }
}

// ---------------------------------------------------------------- cell parsing

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** Excel serial day number → ISO date (1900 system with its phantom 29/02/1900, or the 1904 system). */
export function excelSerialToIso(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const days = Math.floor(serial + 1e-7);
  const base = date1904 ? Date.UTC(1904, 0, 1) : days < 61 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(base + days * 86_400_000).toISOString().slice(0, 10);
}

function validYmd(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 9999) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

export const DATE_HINT = 'nhập theo dạng ngày/tháng/năm (dd/mm/yyyy), ví dụ 15/03/1985';

/** Text dates: dd/mm/yyyy (also - or . and single digits), yyyy-mm-dd; a trailing time is ignored. */
export function parseDateText(input: string): Parsed<string> {
  const s = cleanCellText(input)
    .replace(/\s*([/.-])\s*/g, '$1')
    .replace(/[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i, '');
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$/.exec(s);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), m[3]!];
    if (y.length !== 4) return bad(`"${input}": năm phải đủ 4 chữ số; ${DATE_HINT}`);
    const iso = validYmd(Number(y), mo, d);
    if (iso) return ok(iso);
    if (mo > 12 && d <= 12)
      return bad(`"${input}" không phải ngày có thật (tháng ${mo}); có thể đang ghi kiểu tháng/ngày/năm — hãy ${DATE_HINT}`);
    return bad(`"${input}" không phải ngày có thật; kiểm tra lại ngày và tháng, ${DATE_HINT}`);
  }
  m = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(s);
  if (m) {
    const iso = validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? ok(iso) : bad(`"${input}" không phải ngày có thật; ${DATE_HINT}`);
  }
  if (/^\d{4}$/.test(s)) return bad(`chỉ có năm ${s}; cần đủ ngày, tháng, năm — ${DATE_HINT}`);
  return bad(`"${input}" không đúng định dạng ngày; ${DATE_HINT}`);
}

/** A date from an Excel date cell, a serial number, or text. */
export function parseDateCell(c: CellValue, date1904: boolean): Parsed<string> {
  switch (c.t) {
    case 'n': {
      if (!c.date && Number.isInteger(c.v) && c.v >= 1900 && c.v <= 2100) {
        return bad(`chỉ có năm ${c.v}; cần đủ ngày, tháng, năm — ${DATE_HINT}`);
      }
      const iso = excelSerialToIso(c.v, date1904);
      return iso ? ok(iso) : bad(`số ${c.v} không phải một ngày; ${DATE_HINT}`);
    }
    case 'd': {
      const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(c.v);
      const v = iso ? validYmd(Number(iso[1]), Number(iso[2]), Number(iso[3])) : null;
      return v ? ok(v) : bad(`"${c.v}" không phải ngày có thật; ${DATE_HINT}`);
    }
    case 's':
      return parseDateText(c.v);
    default:
      return bad(`không phải ngày; ${DATE_HINT}`);
  }
}

/** Text of a cell for text fields: numbers without ".0", NFC, spaces cleaned. */
export function textOf(c: CellValue): string {
  if (c.t === 'n') return Number.isInteger(c.v) ? c.v.toFixed(0) : String(c.v);
  return cleanCellText(cellText(c));
}

export function parseCccdCell(c: CellValue): Parsed<string> {
  if (c.t === 'n') {
    if (!Number.isInteger(c.v) || c.v < 0) return bad(`"${c.v}" không phải số CCCD; số CCCD gồm đúng 12 chữ số`);
    const digits = c.v.toFixed(0);
    // Typed as a number, Excel dropped the leading 0 (every CCCD starts with 0): put it back.
    if (digits.length === 11) return ok(`0${digits}`);
    if (digits.length === 12) return ok(digits);
    return bad(`số CCCD "${digits}" phải gồm đúng 12 chữ số (đang có ${digits.length}); để ô kiểu Văn bản để giữ số 0 ở đầu`);
  }
  const s = cleanCellText(cellText(c))
    .replace(/^'/, '')
    .replace(/[\s.-]/g, '');
  if (/^\d{12}$/.test(s)) return ok(s);
  if (/^\d+$/.test(s)) return bad(`số CCCD "${s}" phải gồm đúng 12 chữ số (đang có ${s.length})`);
  return bad(`số CCCD "${cleanCellText(cellText(c))}" chỉ được gồm 12 chữ số`);
}

const TRUE_WORDS = new Set(['co', 'c', 'x', 'yes', 'y', 'true', '1', 'dung']);
const FALSE_WORDS = new Set(['khong', 'k', 'ko', 'no', 'n', 'false', '0', 'sai']);

export function parseBoolCell(c: CellValue | undefined): Parsed<boolean> {
  if (!c) return ok(false);
  if (c.t === 'b') return ok(c.v);
  if (c.t === 's' && /^[✓✔☑]$/.test(c.v.trim())) return ok(true);
  const k = looseKey(textOf(c));
  if (k === '' || FALSE_WORDS.has(k)) return ok(false);
  if (TRUE_WORDS.has(k)) return ok(true);
  return bad(`"${textOf(c)}" không hợp lệ; chọn ${YES} hoặc ${NO}`);
}

/** Lookup of a coded value by its label, its code or an alias, tolerant of case and diacritics. */
export function makeCodeLookup(labels: Record<string, string>, aliases: Record<string, string[]> = {}): (text: string) => string | null {
  const exact = new Map<string, string>();
  const loose = new Map<string, string>();
  for (const [code, label] of Object.entries(labels)) {
    for (const name of [label, code, ...(aliases[code] ?? [])]) {
      exact.set(exactKey(name), code);
      loose.set(looseKey(name), code);
    }
  }
  return (text) => exact.get(exactKey(text)) ?? loose.get(looseKey(text)) ?? null;
}

export interface Named {
  id: number;
  name: string;
}

/** Names of a commune's units or usable positions: exact (with diacritics) first, then tolerant. */
export interface NameIndex<T extends Named> {
  find(text: string): { item: T } | { ambiguous: T[] } | null;
}

export function buildNameIndex<T extends Named>(items: readonly T[]): NameIndex<T> {
  const exact = new Map<string, T[]>();
  const loose = new Map<string, T[]>();
  const add = (m: Map<string, T[]>, k: string, it: T) => {
    const list = m.get(k);
    if (!list) m.set(k, [it]);
    else if (!list.some((x) => x.id === it.id)) list.push(it);
  };
  for (const it of items) {
    add(exact, exactKey(it.name), it);
    add(loose, looseKey(it.name), it);
  }
  return {
    find(text) {
      for (const m of [exact, loose]) {
        const hits = m.get(m === exact ? exactKey(text) : looseKey(text));
        if (hits?.length === 1) return { item: hits[0]! };
        if (hits && hits.length > 1) return { ambiguous: hits };
      }
      return null;
    },
  };
}
