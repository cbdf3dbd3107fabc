/**
 * Pure rules of reading a roster sheet (SPEC §3): find the header row and map columns whatever their
 * order, case, accents or spacing; parse and check each data row (every problem with its Excel row,
 * the template's column name and a Vietnamese reason saying how to fix it); merged cells. No IO.
 */
import type { Bloc, EduLevel, Gender, OfficialType, PoliticalTheoryLevel, StateMgmtLevel, StudyField } from '@app/shared';
import { birthDateProblem } from '../officials/officials.rules.ts';
import { COLUMNS, ROW_NUMBER_HEADERS, type ColumnDef, type FieldKey } from './roster-columns.ts';
import {
  DATE_HINT,
  cellText,
  cleanCellText,
  isoToVi,
  looseKey,
  makeCodeLookup,
  parseBoolCell,
  parseCccdCell,
  parseDateCell,
  textOf,
  type NameIndex,
  type Named,
} from './roster-cells.rules.ts';
import { HEADER_SLACK_ROWS, columnLetter, type CellValue, type MergedRange, type RawRow } from './xlsx-reader.ts';

// Cell-level parsing (text keys, dates, CCCD, yes/no, coded values, names) is its own concept in
// roster-cells.rules.ts; re-exported so the module's pure rules have one entry point.
export * from './roster-cells.rules.ts';

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
export function parseRow(
  raw: RawRow,
  h: HeaderMatch,
  ctx: RowContext,
  skip: ReadonlySet<number> = new Set(),
): { parsed: ParsedRow; errors: RowError[] } {
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
        else if (def.key === 'fullName' && /\d/.test(s))
          fail(def, `"${s}" có chữ số; họ và tên chỉ gồm chữ — kiểm tra xem các cột có bị lệch không`);
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
        if (s.length > 200 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s))
          fail(def, `"${s}" không phải địa chỉ thư điện tử hợp lệ (ví dụ ten@daklak.gov.vn)`);
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
      errors.push({
        row: raw.r,
        column: columnTitle('birthDate'),
        message: capitalise(`${problem} (${isoToVi(values.birthDate)}); kiểm tra lại năm sinh`),
      });
      delete values.birthDate;
    }
  }
  if (values.joinedAt && values.birthDate) {
    const y15 = `${Number(values.birthDate.slice(0, 4)) + 15}${values.birthDate.slice(4)}`;
    if (values.joinedAt < y15) {
      errors.push({
        row: raw.r,
        column: columnTitle('joinedAt'),
        message: `Ngày vào cơ quan ${isoToVi(values.joinedAt)} sớm hơn lúc người này đủ 15 tuổi; kiểm tra lại ngày vào cơ quan và ngày sinh.`,
      });
    }
  }
  if (values.joinedAt) {
    const limit = `${Number(ctx.today.slice(0, 4)) + 1}${ctx.today.slice(4)}`;
    if (values.joinedAt > limit) {
      errors.push({
        row: raw.r,
        column: columnTitle('joinedAt'),
        message: `Ngày vào cơ quan ${isoToVi(values.joinedAt)} ở quá xa trong tương lai; kiểm tra lại năm.`,
      });
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
      return def.type.kind === 'code'
        ? `chưa chọn ${def.header.toLowerCase()}; chọn một giá trị trong danh sách thả xuống`
        : `thiếu ${def.header.toLowerCase()}`;
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
export function mergedCellProblems(
  merges: readonly MergedRange[],
  h: HeaderMatch,
): { errors: RowError[]; covered: Map<number, Set<number>> } {
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
