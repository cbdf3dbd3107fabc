/**
 * Reads the cells of one sheet of an uploaded .xlsx, defensively (SPEC §13 "bad input … never a 500").
 *
 * Why not exceljs' `load()` for uploads: it builds the whole workbook in memory before we can count
 * rows, and expands every data-validation range into one object per cell (a drop-down copied down a
 * whole column is a million objects). Here we read the zip's central directory ourselves (zip-reader.ts), inflate
 * only the parts we need with hard size limits, and stream the sheet XML through a SAX parser that
 * stops as soon as the file has more rows than allowed. What we keep per cell is what the import
 * needs: its value, whether it is a formula, whether its format is a date; plus the merged ranges.
 */
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { Zip, ZipError, looksLikeOle, looksLikeZip } from './zip-reader.ts';

export type CellValue =
  | { t: 's'; v: string }
  | { t: 'n'; v: number; date: boolean }
  | { t: 'b'; v: boolean }
  | { t: 'e'; v: string }
  /** ISO 8601 date text (cell type "d", rare) */
  | { t: 'd'; v: string }
  /** a formula; `cached` is the last computed value Excel stored, as text */
  | { t: 'f'; formula: string; cached: string };

export interface RawRow {
  /** Excel row number (1-based) */
  r: number;
  /** cells by 0-based column index (sparse) */
  cells: (CellValue | undefined)[];
}

export interface MergedRange {
  ref: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface RawSheet {
  name: string;
  sheetNames: string[];
  date1904: boolean;
  /** non-empty rows in order */
  rows: RawRow[];
  merges: MergedRange[];
}

export type XlsxProblem = 'not_xlsx' | 'old_xls' | 'encrypted' | 'too_large' | 'corrupt' | 'too_many_rows' | 'no_sheet';

export class XlsxReadError extends Error {
  constructor(
    readonly problem: XlsxProblem,
    message: string,
  ) {
    super(message);
  }
}

export interface ReadOptions {
  /**
   * Most data rows a file may have. Reading stops with 'too_many_rows' once clearly more non-empty
   * rows were seen (a few rows of slack for titles above the header; the caller checks exactly).
   */
  maxRows: number;
  /** Sheet name to prefer (compared without case, accents or spaces); else the first visible sheet. */
  preferSheet?: string;
  /** Largest inflated size of one part of the zip (sheet XML, shared strings). */
  maxPartBytes?: number;
  /** Columns beyond this are ignored (bounds memory of pathological files). */
  maxColumns?: number;
}

/** Rows above the data a sheet may have (title lines, the header) before the row limit counts them. */
export const HEADER_SLACK_ROWS = 10;

export function tooManyRowsMessage(limit: number, sheetName: string): string {
  const n = limit.toLocaleString('vi-VN');
  return `Tệp có hơn ${n} dòng dữ liệu (trang "${sheetName}"). Hãy chia danh sách thành nhiều tệp, mỗi tệp tối đa ${n} dòng, rồi nhập lần lượt.`;
}

const NOT_XLSX =
  'Tệp không phải định dạng Excel .xlsx. Hãy mở tệp bằng Excel và chọn Lưu thành (Save As) → "Sổ làm việc Excel (*.xlsx)", hoặc dùng tệp mẫu tải từ hệ thống.';

// ---------------------------------------------------------------- zip problems in words

const OLD_XLS =
  'Tệp không phải định dạng Excel .xlsx: đây là tệp Excel cũ (.xls) hoặc tệp có đặt mật khẩu. Hãy mở bằng Excel, bỏ mật khẩu nếu có, rồi Lưu thành (Save As) "Sổ làm việc Excel (*.xlsx)".';
const CORRUPT = 'Tệp Excel bị hỏng hoặc tải lên chưa trọn vẹn, không đọc được. Hãy mở tệp bằng Excel, lưu lại (.xlsx) rồi tải lên lần nữa.';
const TOO_LARGE =
  'Tệp Excel quá lớn khi giải nén (có thể chứa rất nhiều ô trống đã định dạng hoặc hình ảnh). Hãy chép riêng bảng danh sách sang một tệp mới rồi tải lên.';
const ENCRYPTED = 'Tệp Excel đang đặt mật khẩu; hãy bỏ mật khẩu rồi tải lên lại.';

function inWords(err: unknown): XlsxReadError {
  if (err instanceof XlsxReadError) return err;
  if (err instanceof ZipError) {
    if (err.problem === 'too_large') return new XlsxReadError('too_large', TOO_LARGE);
    if (err.problem === 'encrypted') return new XlsxReadError('encrypted', ENCRYPTED);
  }
  return new XlsxReadError('corrupt', CORRUPT);
}

/** Explains why a buffer is not a readable .xlsx, or null when it looks like one (checked before an upload is queued). */
export function xlsxSignatureProblem(buf: Buffer): XlsxReadError | null {
  if (looksLikeOle(buf)) return new XlsxReadError('old_xls', OLD_XLS);
  if (!looksLikeZip(buf)) return new XlsxReadError('not_xlsx', NOT_XLSX);
  try {
    if (!new Zip(buf, 0).has('xl/workbook.xml')) return new XlsxReadError('not_xlsx', NOT_XLSX);
  } catch (err) {
    return inWords(err);
  }
  return null;
}

// ---------------------------------------------------------------- XML helpers

const localName = (name: string) => {
  const i = name.indexOf(':');
  return i >= 0 ? name.slice(i + 1) : name;
};

function attr(tag: SaxesTagPlain, name: string): string | undefined {
  const direct = tag.attributes[name];
  if (direct !== undefined) return direct;
  for (const [k, v] of Object.entries(tag.attributes)) if (localName(k) === name) return v;
  return undefined;
}

/** Streams an XML buffer through saxes in chunks; `shouldStop` is checked between chunks. */
function parseXml(
  buf: Buffer,
  handlers: { open?: (tag: SaxesTagPlain) => void; close?: (name: string) => void; text?: (t: string) => void },
  shouldStop: () => boolean = () => false,
): void {
  // saxes throws on malformed XML; the caller turns that into a 'corrupt' file message.
  const parser = new SaxesParser({ xmlns: false, position: false });
  if (handlers.open) {
    const open = handlers.open;
    parser.on('opentag', (t) => open(t as SaxesTagPlain));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (t) => close(localName(t.name)));
  }
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  const decoder = new StringDecoder('utf8');
  const CHUNK = 1 << 20;
  for (let i = 0; i < buf.length; i += CHUNK) {
    parser.write(decoder.write(buf.subarray(i, Math.min(buf.length, i + CHUNK))));
    if (shouldStop()) return;
  }
  parser.write(decoder.end());
  parser.close();
}

// ---------------------------------------------------------------- parts of the workbook

/** Built-in number formats that show dates or times (ECMA-376 §18.8.30, plus CJK date ids). */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** Does a custom number format show a date (d, m, y in it, outside quotes, escapes and [colour] blocks)? */
export function isDateFormat(code: string): boolean {
  const stripped = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/[_*]./g, '')
    .replace(/general/gi, '');
  return /[dy]/i.test(stripped) || (/m/i.test(stripped) && /[/.-]/.test(stripped));
}

function readStyles(xml: Buffer | null): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  const isDate: boolean[] = [];
  let inCellXfs = false;
  parseXml(xml, {
    open: (t) => {
      const n = localName(t.name);
      if (n === 'numFmt') custom.set(Number(attr(t, 'numFmtId')), attr(t, 'formatCode') ?? '');
      else if (n === 'cellXfs') inCellXfs = true;
      else if (n === 'xf' && inCellXfs) {
        const id = Number(attr(t, 'numFmtId') ?? 0);
        const code = custom.get(id);
        isDate.push(code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id));
      }
    },
    close: (n) => {
      if (n === 'cellXfs') inCellXfs = false;
    },
  });
  return isDate;
}

function readSharedStrings(xml: Buffer | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  let cur: string[] | null = null;
  let inT = false;
  let phonetic = 0;
  parseXml(xml, {
    open: (t) => {
      const n = localName(t.name);
      if (n === 'si') cur = [];
      else if (n === 'rPh') phonetic++;
      else if (n === 't' && phonetic === 0) inT = true;
    },
    close: (n) => {
      if (n === 'si') {
        out.push(cur ? cur.join('') : '');
        cur = null;
      } else if (n === 'rPh') phonetic--;
      else if (n === 't') inT = false;
    },
    text: (s) => {
      if (inT && cur) cur.push(s);
    },
  });
  return out;
}

interface SheetRef {
  name: string;
  path: string;
  hidden: boolean;
}

function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg && seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

function readWorkbook(zip: Zip): { sheets: SheetRef[]; date1904: boolean; sharedStrings: string; styles: string } {
  const rels = new Map<string, { type: string; target: string }>();
  parseXml(zip.read('xl/_rels/workbook.xml.rels') ?? Buffer.from('<Relationships/>'), {
    open: (t) => {
      if (localName(t.name) === 'Relationship')
        rels.set(attr(t, 'Id') ?? '', { type: attr(t, 'Type') ?? '', target: attr(t, 'Target') ?? '' });
    },
  });
  const sheets: SheetRef[] = [];
  let date1904 = false;
  parseXml(zip.read('xl/workbook.xml')!, {
    open: (t) => {
      const n = localName(t.name);
      if (n === 'workbookPr') date1904 = ['1', 'true'].includes(attr(t, 'date1904') ?? '');
      if (n === 'sheet') {
        const rel = rels.get(attr(t, 'id') ?? '');
        if (rel && /worksheet$/i.test(rel.type)) {
          sheets.push({
            name: attr(t, 'name') ?? '',
            path: resolveTarget(rel.target),
            hidden: (attr(t, 'state') ?? 'visible') !== 'visible',
          });
        }
      }
    },
  });
  const byType = (suffix: string, fallback: string) => {
    for (const r of rels.values()) if (r.type.endsWith(suffix)) return resolveTarget(r.target);
    return fallback;
  };
  return { sheets, date1904, sharedStrings: byType('/sharedStrings', 'xl/sharedStrings.xml'), styles: byType('/styles', 'xl/styles.xml') };
}

/** "AB12" → {col: 27 (0-based), row: 12}; null when malformed. */
export function decodeRef(ref: string): { col: number; row: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(ref.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col: col - 1, row: Number(m[2]) };
}

/** 0-based column index → "A", "B", …, "AA". */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const looseSheetName = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

// ---------------------------------------------------------------- the sheet

function readSheet(
  xml: Buffer,
  strings: string[],
  dateStyles: boolean[],
  maxRows: number,
  maxColumns: number,
): { rows: RawRow[]; merges: MergedRange[]; tooMany: boolean } {
  const rows: RawRow[] = [];
  const merges: MergedRange[] = [];
  let row: RawRow | null = null;
  let nextRow = 1;
  let nextCol = 0;
  // current cell
  let inCell = false;
  let col = 0;
  let type = 'n';
  let style = 0;
  let value: string[] = [];
  let formula: string[] | null = null;
  let collecting: 'v' | 'f' | 't' | null = null;
  let inInline = false;
  let phonetic = 0;
  let tooMany = false;

  parseXml(
    xml,
    {
      open: (t) => {
        switch (localName(t.name)) {
          case 'row': {
            const r = Number(attr(t, 'r'));
            row = { r: Number.isInteger(r) && r > 0 ? r : nextRow, cells: [] };
            nextRow = row.r + 1;
            nextCol = 0;
            break;
          }
          case 'c': {
            const ref = attr(t, 'r');
            const pos = ref ? decodeRef(ref) : null;
            col = pos ? pos.col : nextCol;
            nextCol = col + 1;
            type = attr(t, 't') ?? 'n';
            style = Number(attr(t, 's') ?? 0) || 0;
            value = [];
            formula = null;
            inCell = true;
            break;
          }
          case 'v':
            if (inCell) collecting = 'v';
            break;
          case 'f':
            if (inCell) {
              formula = [];
              collecting = 'f';
            }
            break;
          case 'is':
            if (inCell) inInline = true;
            break;
          case 'rPh':
            phonetic++;
            break;
          case 't':
            if (inCell && inInline && phonetic === 0) collecting = 't';
            break;
          case 'mergeCell': {
            const ref = attr(t, 'ref') ?? '';
            const [a, b] = ref.split(':');
            const p = a ? decodeRef(a) : null;
            const q = b ? decodeRef(b) : p;
            if (p && q)
              merges.push({
                ref,
                top: Math.min(p.row, q.row),
                bottom: Math.max(p.row, q.row),
                left: Math.min(p.col, q.col),
                right: Math.max(p.col, q.col),
              });
            break;
          }
        }
      },
      close: (n) => {
        switch (n) {
          case 'v':
          case 'f':
          case 't':
            collecting = null;
            break;
          case 'is':
            inInline = false;
            break;
          case 'rPh':
            phonetic--;
            break;
          case 'c': {
            inCell = false;
            if (!row || col >= maxColumns) break;
            const cell = makeCell(type, value.join(''), formula, style, strings, dateStyles);
            if (cell) row.cells[col] = cell;
            break;
          }
          case 'row':
            if (row && row.cells.some((c) => c !== undefined)) {
              rows.push(row);
              if (rows.length > maxRows) tooMany = true;
            }
            row = null;
            break;
        }
      },
      text: (s) => {
        if (collecting === 'f') formula!.push(s);
        else if (collecting) value.push(s);
      },
    },
    () => tooMany,
  );
  return { rows, merges, tooMany };
}

function makeCell(
  type: string,
  raw: string,
  formula: string[] | null,
  style: number,
  strings: string[],
  dateStyles: boolean[],
): CellValue | null {
  if (formula !== null) {
    // A shared formula's followers have an empty <f/>: still a formula cell.
    return { t: 'f', formula: formula.join(''), cached: type === 's' ? (strings[Number(raw)] ?? '') : raw };
  }
  switch (type) {
    case 's': {
      if (raw === '') return null;
      const s = strings[Number(raw)];
      return s === undefined || s === '' ? null : { t: 's', v: s };
    }
    case 'inlineStr':
    case 'str':
      return raw === '' ? null : { t: 's', v: raw };
    case 'b':
      return raw === '' ? null : { t: 'b', v: raw === '1' || raw.toLowerCase() === 'true' };
    case 'e':
      return { t: 'e', v: raw || '#ERROR' };
    case 'd':
      return raw === '' ? null : { t: 'd', v: raw };
    default: {
      if (raw.trim() === '') return null;
      const v = Number(raw);
      if (!Number.isFinite(v)) return { t: 's', v: raw };
      return { t: 'n', v, date: dateStyles[style] ?? false };
    }
  }
}

/** Reads the preferred sheet (or the first visible one) of an .xlsx. Throws XlsxReadError with a Vietnamese message. */
export function readXlsxSheet(buf: Buffer, opts: ReadOptions): RawSheet {
  const signature = xlsxSignatureProblem(buf);
  if (signature) throw signature;
  const maxPart = opts.maxPartBytes ?? 160 * 1024 * 1024;
  try {
    const zip = new Zip(buf, maxPart);
    const wb = readWorkbook(zip);
    if (wb.sheets.length === 0) throw new XlsxReadError('no_sheet', 'Tệp Excel không có trang tính (sheet) nào.');
    const wanted = opts.preferSheet ? looseSheetName(opts.preferSheet) : null;
    const sheet =
      (wanted ? wb.sheets.find((s) => looseSheetName(s.name) === wanted) : undefined) ?? wb.sheets.find((s) => !s.hidden) ?? wb.sheets[0]!;
    const xml = zip.read(sheet.path);
    if (!xml) throw new XlsxReadError('corrupt', CORRUPT);
    const strings = readSharedStrings(zip.read(wb.sharedStrings));
    const dateStyles = readStyles(zip.read(wb.styles));
    const { rows, merges, tooMany } = readSheet(xml, strings, dateStyles, opts.maxRows + HEADER_SLACK_ROWS, opts.maxColumns ?? 256);
    if (tooMany) throw new XlsxReadError('too_many_rows', tooManyRowsMessage(opts.maxRows, sheet.name));
    return { name: sheet.name, sheetNames: wb.sheets.map((s) => s.name), date1904: wb.date1904, rows, merges };
  } catch (err) {
    throw inWords(err);
  }
}
