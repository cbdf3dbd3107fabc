/**
 * Pure rules of the roster import (SPEC §3): header matching, cell parsing, row checks, duplicates
 * inside the file, matching against people already registered, and what changed. No IO.
 *
 * Tolerance: headers and coded values match whatever the case, NFC or NFD, with or without
 * diacritics and with stray spaces; dates may be Excel date cells, Excel serial numbers or text
 * dd/mm/yyyy; a CCCD typed as a number that lost its leading 0 (11 digits) gets it back, since every
 * CCCD starts with 0 (the first three digits are a province code 001–096).
 */
import type { Bloc, EduLevel, Gender, OfficialType, PoliticalTheoryLevel, StateMgmtLevel, StudyField } from '@app/shared';
import { birthDateProblem, cleanText } from '../officials/officials.rules.ts';
import { COLUMNS, NO, ROW_NUMBER_HEADERS, YES, type ColumnDef, type FieldKey } from './roster-columns.ts';
import { HEADER_SLACK_ROWS, columnLetter, type CellValue, type MergedRange, type RawRow } from './xlsx-reader.ts';

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

// ---------------------------------------------------------------- headers

export interface HeaderMatch {
  /** Excel row number of the header */
  headerRow: number;
  /** index of the header row in the sheet's non-empty rows */
  headerIndex: number;
  columns: Map<FieldKey, number>;
  /** column index → header text as written, for every known column */
  labels: Map<number, string>;
  rowNumberColumn: number | null;
  /** headers present in the file that the import does not use */
  ignored: string[];
  missingRequired: ColumnDef[];
}

const HEADER_INDEX: Map<string, FieldKey> = (() => {
  const m = new Map<string, FieldKey>();
  for (const c of COLUMNS) for (const h of [c.header, ...c.aliases]) m.set(looseKey(h), c.key);
  return m;
})();
const ROW_NUMBER_KEYS = new Set(ROW_NUMBER_HEADERS.map(looseKey));

/** Which field a header cell names (case, accents, spaces, "*" and punctuation ignored), or null. */
export function fieldOfHeader(text: string): FieldKey | null {
  return HEADER_INDEX.get(looseKey(text)) ?? null;
}

function cellText(c: CellValue | undefined): string {
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

/**
 * Finds the header row among the first rows (titles above it are allowed) — the row naming the most
 * known columns — and maps each field to its column. Null when no row names at least two columns.
 */
export function matchHeaders(rows: readonly RawRow[]): HeaderMatch | null {
  let best: { index: number; hits: number } | null = null;
  for (let i = 0; i < Math.min(rows.length, HEADER_SLACK_ROWS); i++) {
    const seen = new Set<FieldKey>();
    for (const c of rows[i]!.cells) {
      const f = c ? fieldOfHeader(cellText(c)) : null;
      if (f) seen.add(f);
    }
    if (seen.size >= 2 && (!best || seen.size > best.hits)) best = { index: i, hits: seen.size };
  }
  if (!best) return null;
  const row = rows[best.index]!;
  const columns = new Map<FieldKey, number>();
  const labels = new Map<number, string>();
  const ignored: string[] = [];
  let rowNumberColumn: number | null = null;
  row.cells.forEach((c, col) => {
    const text = cleanCellText(cellText(c));
    if (!text) return;
    const f = fieldOfHeader(text);
    if (f && !columns.has(f)) {
      columns.set(f, col);
      labels.set(col, text);
    } else if (rowNumberColumn === null && ROW_NUMBER_KEYS.has(looseKey(text))) {
      rowNumberColumn = col;
    } else {
      ignored.push(f ? `${text} (cột ${columnLetter(col)}, trùng cột trước)` : text);
    }
  });
  const missingRequired = COLUMNS.filter((c) => c.required && !columns.has(c.key));
  return { headerRow: row.r, headerIndex: best.index, columns, labels, rowNumberColumn, ignored, missingRequired };
}

export function missingColumnsMessage(missing: readonly ColumnDef[], sheetName: string): string {
  const names = missing.map((c) => `"${c.header}"`).join(', ');
  return `Trang "${sheetName}" thiếu ${missing.length > 1 ? 'các cột bắt buộc' : 'cột bắt buộc'} ${names}. Hãy thêm ${missing.length > 1 ? 'các cột này' : 'cột này'} vào dòng tiêu đề (tốt nhất là tải tệp mẫu mới và chép dữ liệu sang).`;
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

const DATE_HINT = 'nhập theo dạng ngày/tháng/năm (dd/mm/yyyy), ví dụ 15/03/1985';

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
    if (mo > 12 && d <= 12) return bad(`"${input}" không phải ngày có thật (tháng ${mo}); có thể đang ghi kiểu tháng/ngày/năm — hãy ${DATE_HINT}`);
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
function textOf(c: CellValue): string {
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
  const s = cleanCellText(cellText(c)).replace(/^'/, '').replace(/[\s.-]/g, '');
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

// ---------------------------------------------------------------- rows

export interface RowValues {
  fullName: string;
  birthDate: string;
  gender: Gender;
  cccd: string | null;
  officialType: OfficialType;
  isLeader: boolean;
  leaderTitle: string | null;
  bloc: Bloc;
  unitId: number | null;
  positionId: number | null;
  eduLevel: EduLevel | null;
  studyField: StudyField | null;
  studyFieldName: string | null;
  politicalTheory: PoliticalTheoryLevel | null;
  stateMgmtLevel: StateMgmtLevel | null;
  itLevel: string | null;
  foreignLanguage: string | null;
  joinedAt: string | null;
  affectedByReorg: boolean;
  email: string | null;
  phone: string | null;
}

export interface RowError {
  row: number;
  column: string;
  message: string;
}

export interface ParsedRow {
  row: number;
  values: Partial<RowValues>;
  /** true when every cell of the row is valid */
  valid: boolean;
}

export interface RowContext {
  today: string;
  date1904: boolean;
  units: NameIndex<Named>;
  positions: NameIndex<Named>;
}

const CODE_LOOKUPS = new Map(
  COLUMNS.flatMap((c) => (c.type.kind === 'code' ? [[c.key, makeCodeLookup(c.type.labels, c.type.aliases)] as const] : [])),
);

/** The header a problem is reported under: the template's name of the column. */
export function columnTitle(key: FieldKey): string {
  return COLUMNS.find((c) => c.key === key)!.header;
}

function formulaMessage(c: Extract<CellValue, { t: 'f' }>): string {
  const f = c.formula ? `=${c.formula.length > 40 ? `${c.formula.slice(0, 40)}…` : c.formula}` : 'công thức';
  return `ô chứa công thức (${f}); hệ thống chỉ nhận giá trị. Hãy chọn các ô, Sao chép rồi Dán đặc biệt → Giá trị (Paste Special → Values) và tải lên lại`;
}

/** Is the row empty for the import (only the STT column, or only columns the import ignores)? */
export function isEmptyRow(raw: RawRow, h: HeaderMatch): boolean {
  for (const col of h.columns.values()) {
    const c = raw.cells[col];
    if (c && !(c.t === 's' && cleanCellText(c.v) === '')) return false;
  }
  return true;
}

/** Parses and checks one data row against the column map; each problem names the Excel row and column. */
export function parseRow(raw: RawRow, h: HeaderMatch, ctx: RowContext, skip: ReadonlySet<number> = new Set()): { parsed: ParsedRow; errors: RowError[] } {
  const errors: RowError[] = [];
  const values: Partial<RowValues> = {};
  const v = values as Record<FieldKey, unknown>;
  const fail = (def: ColumnDef, message: string) => errors.push({ row: raw.r, column: def.header, message: capitalise(message) });

  for (const def of COLUMNS) {
    const col = h.columns.get(def.key);
    if (col === undefined) continue;
    if (skip.has(col)) continue; // covered by a merged range: reported once for the range
    const c = raw.cells[col];
    const empty = !c || (c.t === 's' && cleanCellText(c.v) === '');
    if (c && c.t === 'f') {
      fail(def, formulaMessage(c));
      continue;
    }
    if (c && c.t === 'e') {
      fail(def, `ô đang báo lỗi ${c.v}; hãy sửa hoặc xóa giá trị lỗi`);
      continue;
    }
    const t = def.type;
    if (empty) {
      if (def.required) fail(def, requiredMessage(def));
      else v[def.key] = t.kind === 'bool' ? false : null;
      continue;
    }
    switch (t.kind) {
      case 'text': {
        const s = textOf(c);
        if (t.min && s.length < t.min) fail(def, `quá ngắn (cần ít nhất ${t.min} ký tự)`);
        else if (s.length > t.max) fail(def, `dài quá ${t.max} ký tự (đang có ${s.length}); hãy rút gọn`);
        else if (def.key === 'fullName' && /\d/.test(s)) fail(def, `"${s}" có chữ số; họ và tên chỉ gồm chữ — kiểm tra xem các cột có bị lệch không`);
        else if (def.key === 'fullName' && s.split(' ').length < 2) fail(def, `"${s}" cần có cả họ và tên (ít nhất hai từ)`);
        else v[def.key] = s;
        break;
      }
      case 'date': {
        const d = parseDateCell(c, ctx.date1904);
        if (!d.ok) fail(def, d.message);
        else v[def.key] = d.value;
        break;
      }
      case 'code': {
        const s = textOf(c);
        const code = CODE_LOOKUPS.get(def.key)!(s);
        if (code) v[def.key] = code;
        else fail(def, `"${s}" không có trong danh sách; chọn một trong: ${Object.values(t.labels).join('; ')}`);
        break;
      }
      case 'bool': {
        const b = parseBoolCell(c);
        if (b.ok) v[def.key] = b.value;
        else fail(def, b.message);
        break;
      }
      case 'cccd': {
        const r = parseCccdCell(c);
        if (r.ok) v[def.key] = r.value;
        else fail(def, r.message);
        break;
      }
      case 'email': {
        const s = textOf(c);
        if (s.length > 200 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s)) fail(def, `"${s}" không phải địa chỉ thư điện tử hợp lệ (ví dụ ten@daklak.gov.vn)`);
        else v[def.key] = s;
        break;
      }
      case 'phone': {
        let s = textOf(c);
        if (c.t === 'n' && /^\d{9}$/.test(s)) s = `0${s}`; // leading 0 lost by a number cell
        if (!/^[0-9+ .-]{8,20}$/.test(s)) fail(def, `"${s}" không phải số điện thoại hợp lệ (8–20 chữ số, ví dụ 0912345678)`);
        else v[def.key] = s;
        break;
      }
      case 'unit':
      case 'position': {
        const s = textOf(c);
        const found = (t.kind === 'unit' ? ctx.units : ctx.positions).find(s);
        const what = t.kind === 'unit' ? 'cơ quan, đơn vị' : 'vị trí việc làm';
        if (!found) {
          fail(
            def,
            t.kind === 'unit'
              ? `không có cơ quan, đơn vị "${s}" ở xã này; chọn đúng tên trong danh sách thả xuống của tệp mẫu`
              : `vị trí việc làm "${s}" không dùng được ở xã này; chọn trong danh sách thả xuống của tệp mẫu`,
          );
        } else if ('ambiguous' in found) {
          fail(def, `"${s}" trùng tên với ${found.ambiguous.length} ${what}; hãy chọn đúng tên (có dấu) trong danh sách thả xuống`);
        } else v[def.key] = found.item.id;
        break;
      }
    }
  }

  if (values.birthDate) {
    const problem = birthDateProblem(values.birthDate, ctx.today);
    if (problem) {
      errors.push({ row: raw.r, column: columnTitle('birthDate'), message: capitalise(`${problem} (${isoToVi(values.birthDate)}); kiểm tra lại năm sinh`) });
      delete values.birthDate;
    }
  }
  if (values.joinedAt && values.birthDate) {
    const y15 = `${Number(values.birthDate.slice(0, 4)) + 15}${values.birthDate.slice(4)}`;
    if (values.joinedAt < y15) {
      errors.push({ row: raw.r, column: columnTitle('joinedAt'), message: `Ngày vào cơ quan ${isoToVi(values.joinedAt)} sớm hơn lúc người này đủ 15 tuổi; kiểm tra lại ngày vào cơ quan và ngày sinh.` });
    }
  }
  if (values.joinedAt) {
    const limit = `${Number(ctx.today.slice(0, 4)) + 1}${ctx.today.slice(4)}`;
    if (values.joinedAt > limit) {
      errors.push({ row: raw.r, column: columnTitle('joinedAt'), message: `Ngày vào cơ quan ${isoToVi(values.joinedAt)} ở quá xa trong tương lai; kiểm tra lại năm.` });
    }
  }
  return { parsed: { row: raw.r, values, valid: errors.length === 0 }, errors };
}

function requiredMessage(def: ColumnDef): string {
  switch (def.key) {
    case 'fullName':
      return 'thiếu họ và tên; hãy điền đầy đủ họ, tên đệm và tên';
    case 'birthDate':
      return `thiếu ngày sinh; ${DATE_HINT}`;
    default:
      return def.type.kind === 'code' ? `chưa chọn ${def.header.toLowerCase()}; chọn một giá trị trong danh sách thả xuống` : `thiếu ${def.header.toLowerCase()}`;
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1) + (/[.!?…]$/.test(s) ? '' : '.');
}

// ---------------------------------------------------------------- merged cells

/**
 * Merged ranges that reach into the data area: one problem each (at the range's top-left cell), and
 * the other cells of the range are not reported again as empty.
 */
export function mergedCellProblems(merges: readonly MergedRange[], h: HeaderMatch): { errors: RowError[]; covered: Map<number, Set<number>> } {
  const errors: RowError[] = [];
  const covered = new Map<number, Set<number>>();
  const known = new Set(h.columns.values());
  for (const m of merges) {
    if (m.bottom <= h.headerRow) continue;
    let touches = false;
    for (let col = m.left; col <= m.right; col++) if (known.has(col)) touches = true;
    if (!touches) continue;
    const top = Math.max(m.top, h.headerRow + 1);
    const firstKnown = [...h.columns.entries()].filter(([, col]) => col >= m.left && col <= m.right).sort((a, b) => a[1] - b[1])[0]!;
    errors.push({
      row: top,
      column: columnTitle(firstKnown[0]),
      message: `Các ô ${m.ref} đang được gộp (merge); hệ thống không đọc được ô gộp. Hãy bỏ gộp ô (Unmerge Cells) và điền giá trị vào từng ô của từng dòng.`,
    });
    for (let r = top; r <= m.bottom; r++) {
      for (let col = m.left; col <= m.right; col++) {
        if (r === m.top && col === m.left) continue;
        let s = covered.get(r);
        if (!s) covered.set(r, (s = new Set()));
        s.add(col);
      }
    }
  }
  return { errors, covered };
}

// ---------------------------------------------------------------- duplicates inside the file

export function nameBirthKey(fullName: string, birthDate: string): string {
  return `${exactKey(fullName)}|${birthDate}`;
}

/** Same CCCD twice, or same name and birth date without CCCDs that tell two people apart. */
export function duplicatesInFile(rows: readonly ParsedRow[]): RowError[] {
  const errors: RowError[] = [];
  const byCccd = new Map<string, number>();
  const byNameBirth = new Map<string, { row: number; cccd: string | null }[]>();
  for (const r of rows) {
    const { cccd, fullName, birthDate } = r.values;
    if (cccd) {
      const first = byCccd.get(cccd);
      if (first !== undefined) {
        errors.push({ row: r.row, column: columnTitle('cccd'), message: `Số CCCD ${cccd} trùng với dòng ${first} trong tệp; mỗi người chỉ được có một dòng — hãy xóa dòng trùng hoặc sửa số CCCD.` });
        continue;
      }
      byCccd.set(cccd, r.row);
    }
    if (fullName && birthDate) {
      const k = nameBirthKey(fullName, birthDate);
      const earlier = byNameBirth.get(k) ?? [];
      const clash = earlier.find((e) => !(cccd && e.cccd && e.cccd !== cccd));
      if (clash) {
        errors.push({
          row: r.row,
          column: columnTitle('fullName'),
          message: `Trùng họ tên và ngày sinh với dòng ${clash.row} trong tệp; nếu là hai người khác nhau, hãy ghi số CCCD cho cả hai dòng, nếu là một người hãy xóa dòng trùng.`,
        });
      }
      earlier.push({ row: r.row, cccd: cccd ?? null });
      byNameBirth.set(k, earlier);
    }
  }
  return errors;
}

// ---------------------------------------------------------------- matching people already registered

export interface ExistingOfficial {
  id: string;
  communeCode: string;
  fullName: string;
  birthDate: string;
  cccd: string | null;
}

export const CCCD_ELSEWHERE = 'Số CCCD đã thuộc về một hồ sơ ở đơn vị khác; liên hệ Sở Nội vụ để được hỗ trợ.';

export type RowMatch = { row: number; kind: 'create' } | { row: number; kind: 'update'; officialId: string };

/**
 * Re-import matching (SPEC §3): by CCCD; else by (cleaned full name, birth date) in the commune. A
 * registered person whose CCCD differs from the row's is a different person. A CCCD registered in
 * another commune is refused without saying whose it is.
 */
export function matchRows(
  rows: readonly ParsedRow[],
  communeCode: string,
  byCccd: ReadonlyMap<string, ExistingOfficial>,
  communeOfficials: readonly ExistingOfficial[],
): { matches: RowMatch[]; errors: RowError[] } {
  const byNameBirth = new Map<string, ExistingOfficial[]>();
  for (const o of communeOfficials) {
    const k = nameBirthKey(o.fullName, o.birthDate);
    byNameBirth.set(k, [...(byNameBirth.get(k) ?? []), o]);
  }
  const claimed = new Map<string, number>();
  const matches: RowMatch[] = [];
  const errors: RowError[] = [];
  for (const r of rows) {
    const { cccd, fullName, birthDate } = r.values;
    let target: ExistingOfficial | undefined;
    const hit = cccd ? byCccd.get(cccd) : undefined;
    if (hit) {
      if (hit.communeCode !== communeCode) {
        errors.push({ row: r.row, column: columnTitle('cccd'), message: CCCD_ELSEWHERE });
        continue;
      }
      target = hit;
    } else if (fullName && birthDate) {
      const candidates = (byNameBirth.get(nameBirthKey(fullName, birthDate)) ?? []).filter((o) => !cccd || !o.cccd || o.cccd === cccd);
      if (candidates.length > 1) {
        errors.push({
          row: r.row,
          column: columnTitle('fullName'),
          message: `Xã đang có ${candidates.length} hồ sơ cùng họ tên và ngày sinh này; hãy ghi số CCCD để hệ thống biết là người nào.`,
        });
        continue;
      }
      target = candidates[0];
    }
    if (!target) {
      matches.push({ row: r.row, kind: 'create' });
      continue;
    }
    const first = claimed.get(target.id);
    if (first !== undefined) {
      errors.push({
        row: r.row,
        column: columnTitle(hit ? 'cccd' : 'fullName'),
        message: `Dòng này và dòng ${first} cùng là một người đã có trong hệ thống; mỗi người chỉ được có một dòng — hãy xóa dòng trùng.`,
      });
      continue;
    }
    claimed.set(target.id, r.row);
    matches.push({ row: r.row, kind: 'update', officialId: target.id });
  }
  return { matches, errors };
}

// ---------------------------------------------------------------- what changed

/**
 * Fields of a matched person that the row changes: only columns present in the file; an empty
 * CCCD cell never erases a registered CCCD (it is how people are recognised).
 */
export function changedFields(current: Readonly<Record<FieldKey, unknown>>, values: Partial<RowValues>, present: ReadonlySet<FieldKey>): Partial<RowValues> {
  const patch: Partial<RowValues> = {};
  const p = patch as Record<string, unknown>;
  for (const key of present) {
    const next = (values as Record<string, unknown>)[key];
    if (next === undefined) continue;
    if (key === 'cccd' && next === null) continue;
    if ((current[key] ?? null) !== next) p[key] = next;
  }
  return patch;
}
