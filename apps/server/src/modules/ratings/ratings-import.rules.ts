/**
 * Pure rules of the annual ratings workbook (Decree 335/2025, SPEC §8): its columns, finding the
 * header row, and reading one row into a rating or a list of problems (row, column, Vietnamese reason).
 * Limits and levels are the ratings module's own (ratings.rules.ts); cell parsing is roster-import's.
 */
import type { RatingLevel } from '@app/shared';
import { cleanCellText, looseKey, parseBoolCell, parseCccdCell, textOf } from '../roster-import/roster-cells.rules.ts';
import type { CellValue } from '../roster-import/xlsx-reader.ts';
import { GENERAL_MAX, ratingLevel, ratingScore, TASK_MAX } from './ratings.rules.ts';

export const RATINGS_SHEET = 'Xếp loại';

export type RatingColumnKey = 'key' | 'fullName' | 'year' | 'generalScore' | 'taskScore' | 'disciplined' | 'note';

export interface RatingColumn {
  key: RatingColumnKey;
  header: string;
  width: number;
  required: boolean;
  hint: string;
}

export const RATING_COLUMNS: readonly RatingColumn[] = [
  {
    key: 'key',
    header: 'Số CCCD hoặc mã hồ sơ',
    width: 40,
    required: true,
    hint: 'Số CCCD 12 chữ số, hoặc mã hồ sơ của cán bộ, công chức (cột "Mã hồ sơ" của tệp xuất danh sách).',
  },
  { key: 'fullName', header: 'Họ và tên', width: 28, required: true, hint: 'Để đối chiếu: phải khớp họ tên trong hồ sơ.' },
  { key: 'year', header: 'Năm', width: 8, required: true, hint: 'Năm được xếp loại, ví dụ 2026; không nhận năm chưa đến.' },
  {
    key: 'generalScore',
    header: `Điểm tiêu chí chung (tối đa ${GENERAL_MAX})`,
    width: 16,
    required: true,
    hint: `Số từ 0 đến ${GENERAL_MAX}, tối đa một chữ số thập phân (ví dụ 27,5).`,
  },
  {
    key: 'taskScore',
    header: `Điểm kết quả thực hiện nhiệm vụ (tối đa ${TASK_MAX})`,
    width: 18,
    required: true,
    hint: `Số từ 0 đến ${TASK_MAX}, tối đa một chữ số thập phân.`,
  },
  {
    key: 'disciplined',
    header: 'Bị kỷ luật trong năm',
    width: 12,
    required: false,
    hint: 'Có hoặc Không (để trống là Không). Bị kỷ luật thì xếp loại Không hoàn thành nhiệm vụ.',
  },
  { key: 'note', header: 'Ghi chú', width: 30, required: false, hint: 'Tối đa 1.000 ký tự.' },
];

const HEADER_KEYS = new Map(RATING_COLUMNS.map((c) => [looseKey(c.header), c.key]));
/** Short spellings people type instead of the template's headers. */
const HEADER_ALIASES: Record<string, RatingColumnKey> = {
  cccd: 'key',
  socccd: 'key',
  mahoso: 'key',
  macanbo: 'key',
  socccdhoacmacanbo: 'key',
  hoten: 'fullName',
  hovaten: 'fullName',
  nam: 'year',
  namxeploai: 'year',
  diemtieuchichung: 'generalScore',
  diemchung: 'generalScore',
  diemnhiemvu: 'taskScore',
  diemthuchiennhiemvu: 'taskScore',
  diemketquathuchiennhiemvu: 'taskScore',
  kyluat: 'disciplined',
  bikyluat: 'disciplined',
  ghichu: 'note',
};

export function columnOfHeader(text: string): RatingColumnKey | null {
  const k = looseKey(text);
  return HEADER_KEYS.get(k) ?? HEADER_ALIASES[k] ?? null;
}

export const headerOf = (key: RatingColumnKey) => RATING_COLUMNS.find((c) => c.key === key)!.header;

/** Where each column is in the header row; the required ones that are missing. */
export function mapHeader(cells: readonly (CellValue | undefined)[]): {
  columns: Map<RatingColumnKey, number>;
  missing: RatingColumnKey[];
} {
  const columns = new Map<RatingColumnKey, number>();
  cells.forEach((c, i) => {
    if (!c) return;
    const key = columnOfHeader(textOf(c));
    if (key && !columns.has(key)) columns.set(key, i);
  });
  const missing = RATING_COLUMNS.filter((c) => c.required && !columns.has(c.key)).map((c) => c.key);
  return { columns, missing };
}

export type OfficialKey = { kind: 'cccd'; value: string } | { kind: 'id'; value: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ParsedRating {
  row: number;
  key: OfficialKey;
  fullName: string;
  year: number;
  generalScore: number;
  taskScore: number;
  disciplined: boolean;
  note: string | null;
  score: number;
  level: RatingLevel;
}

export interface RowProblem {
  row: number;
  column: string;
  message: string;
}

function parseKey(c: CellValue | undefined): { ok: true; value: OfficialKey } | { ok: false; message: string } {
  if (!c) return { ok: false, message: 'Thiếu số CCCD hoặc mã hồ sơ.' };
  const text = textOf(c).replace(/^'/, '');
  if (UUID.test(text)) return { ok: true, value: { kind: 'id', value: text.toLowerCase() } };
  const cccd = parseCccdCell(c);
  if (cccd.ok) return { ok: true, value: { kind: 'cccd', value: cccd.value } };
  return { ok: false, message: `"${text}" không phải số CCCD (12 chữ số) hay mã hồ sơ.` };
}

/** A score cell: a number, or text with "," or "." as decimal mark; 0..max with at most one decimal. */
export function parseScore(c: CellValue | undefined, max: number): { ok: true; value: number } | { ok: false; message: string } {
  if (!c) return { ok: false, message: `Thiếu điểm; nhập số từ 0 đến ${max}.` };
  let v: number;
  if (c.t === 'n') v = c.v;
  else {
    const s = textOf(c).replace(/\s/g, '').replace(',', '.');
    v = /^\d+(\.\d+)?$/.test(s) ? Number(s) : NaN;
  }
  if (!Number.isFinite(v)) return { ok: false, message: `"${textOf(c)}" không phải số; nhập số từ 0 đến ${max}.` };
  if (v < 0 || v > max) return { ok: false, message: `Điểm ${String(v).replace('.', ',')} nằm ngoài khoảng 0 đến ${max}.` };
  if (Math.abs(Math.round(v * 10) - v * 10) > 1e-6)
    return { ok: false, message: `Điểm ${String(v).replace('.', ',')} có quá một chữ số thập phân.` };
  return { ok: true, value: Math.round(v * 10) / 10 };
}

function parseYear(c: CellValue | undefined, thisYear: number): { ok: true; value: number } | { ok: false; message: string } {
  if (!c) return { ok: false, message: 'Thiếu năm xếp loại.' };
  const s = textOf(c);
  const v = /^\d{4}$/.test(s) ? Number(s) : NaN;
  if (!Number.isInteger(v) || v < 2020) return { ok: false, message: `"${s}" không phải năm hợp lệ (từ 2020 đến ${thisYear}).` };
  if (v > thisYear) return { ok: false, message: `Chưa đến năm ${v} nên chưa thể xếp loại.` };
  return { ok: true, value: v };
}

/**
 * A template row left as it came (the commune's officials are pre-filled): no score, no discipline,
 * no note. It is skipped, not an error, so a commune can fill only the officials it rates now.
 */
export function isUnfilled(cells: readonly (CellValue | undefined)[], columns: ReadonlyMap<RatingColumnKey, number>): boolean {
  const empty = (k: RatingColumnKey) => {
    const i = columns.get(k);
    const c = i === undefined ? undefined : cells[i];
    return !c || textOf(c) === '';
  };
  return empty('generalScore') && empty('taskScore') && empty('disciplined') && empty('note');
}

/** Reads one data row; every problem of the row is reported, each naming its column. */
export function parseRatingRow(
  row: number,
  cells: readonly (CellValue | undefined)[],
  columns: ReadonlyMap<RatingColumnKey, number>,
  thisYear: number,
): { ok: true; value: ParsedRating } | { ok: false; problems: RowProblem[] } {
  const at = (k: RatingColumnKey) => {
    const i = columns.get(k);
    const c = i === undefined ? undefined : cells[i];
    return c && textOf(c) === '' ? undefined : c;
  };
  const problems: RowProblem[] = [];
  const fail = (k: RatingColumnKey, message: string) => problems.push({ row, column: headerOf(k), message });
  const key = parseKey(at('key'));
  if (!key.ok) fail('key', key.message);
  const nameCell = at('fullName');
  const fullName = nameCell ? cleanCellText(textOf(nameCell)) : '';
  if (!fullName) fail('fullName', 'Thiếu họ và tên.');
  const year = parseYear(at('year'), thisYear);
  if (!year.ok) fail('year', year.message);
  const general = parseScore(at('generalScore'), GENERAL_MAX);
  if (!general.ok) fail('generalScore', general.message);
  const task = parseScore(at('taskScore'), TASK_MAX);
  if (!task.ok) fail('taskScore', task.message);
  const disciplined = parseBoolCell(at('disciplined'));
  if (!disciplined.ok) fail('disciplined', `${disciplined.message.replace(/^./, (ch) => ch.toUpperCase())}.`);
  const noteCell = at('note');
  const note = noteCell ? cleanCellText(textOf(noteCell)) : '';
  if (note.length > 1000) fail('note', `Ghi chú dài ${note.length} ký tự; tối đa 1.000 ký tự.`);
  if (problems.length > 0 || !key.ok || !year.ok || !general.ok || !task.ok || !disciplined.ok) return { ok: false, problems };
  const score = ratingScore(general.value, task.value);
  return {
    ok: true,
    value: {
      row,
      key: key.value,
      fullName,
      year: year.value,
      generalScore: general.value,
      taskScore: task.value,
      disciplined: disciplined.value,
      note: note || null,
      score,
      level: ratingLevel(score, disciplined.value),
    },
  };
}

/** The name in the file matches the record (case, spacing and — for files typed without them — diacritics aside). */
export function sameName(inFile: string, onRecord: string): boolean {
  return looseKey(inFile) === looseKey(onRecord);
}

/** What an import does to one (official, year): a new rating, a changed one, or nothing. */
export function changeKind(
  before: { generalScore: number; taskScore: number; disciplined: boolean; note: string | null } | undefined,
  next: { generalScore: number; taskScore: number; disciplined: boolean; note: string | null },
): 'created' | 'updated' | 'unchanged' {
  if (!before) return 'created';
  const same =
    before.generalScore === next.generalScore &&
    before.taskScore === next.taskScore &&
    before.disciplined === next.disciplined &&
    (before.note ?? null) === (next.note ?? null);
  return same ? 'unchanged' : 'updated';
}
