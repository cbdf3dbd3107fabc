/**
 * The .xlsx files the module hands out (exceljs): the per-commune template with drop-downs and an
 * instructions sheet, exports of a filtered list (streamed, so a national export stays small in
 * memory), and the sheet of one-time passwords of bulk-created accounts.
 */
import { streamedWorkbook } from '../../http/xlsx-stream.ts';
import ExcelJS from 'exceljs';
import { ROSTER_IMPORT_MAX_ROWS } from '@app/shared';
import { COLUMNS, NO, YES, headerText, type ColumnDef } from './roster-columns.ts';
import { columnLetter } from './xlsx-reader.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DATA_SHEET = 'Danh sách';
export const HELP_SHEET = 'Hướng dẫn';
export const LISTS_SHEET = 'Danh mục';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FF9BA7B4' } },
  left: { style: 'thin', color: { argb: 'FF9BA7B4' } },
  bottom: { style: 'thin', color: { argb: 'FF9BA7B4' } },
  right: { style: 'thin', color: { argb: 'FF9BA7B4' } },
};

interface DataValidationsApi {
  add(range: string, validation: ExcelJS.DataValidation): void;
}
const validationsOf = (ws: ExcelJS.Worksheet) => (ws as unknown as { dataValidations: DataValidationsApi }).dataValidations;

function numFmtOf(c: ColumnDef): string | undefined {
  if (c.type.kind === 'date') return 'dd/mm/yyyy';
  if (c.type.kind === 'cccd' || c.type.kind === 'phone') return '@';
  return undefined;
}

function styleHeader(row: ExcelJS.Row, required: (col: number) => boolean): void {
  row.height = 36;
  row.eachCell((cell, col) => {
    cell.font = { bold: true };
    cell.fill = required(col) ? REQUIRED_FILL : HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = THIN;
  });
}

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------- template

export interface TemplateInput {
  communeName: string;
  units: { name: string }[];
  positions: { name: string; isLeader: boolean }[];
}

function listValues(c: ColumnDef, input: TemplateInput): string[] {
  switch (c.type.kind) {
    case 'code':
      return Object.values(c.type.labels);
    case 'bool':
      return [YES, NO];
    case 'unit':
      return input.units.map((u) => u.name);
    case 'position':
      return input.positions.map((p) => p.name);
    default:
      return [];
  }
}

export async function buildTemplate(input: TemplateInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Phần mềm quản lý và đánh giá chất lượng bồi dưỡng CBCC cấp xã';
  wb.created = new Date(0);
  const ws = wb.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  const help = wb.addWorksheet(HELP_SHEET);
  const lists = wb.addWorksheet(LISTS_SHEET, { state: 'hidden' });

  ws.columns = [
    { header: 'STT', key: 'stt', width: 6 },
    ...COLUMNS.map((c) => {
      const numFmt = numFmtOf(c);
      return { header: headerText(c), key: c.key, width: c.width, ...(numFmt ? { style: { numFmt } } : {}) };
    }),
  ];
  styleHeader(ws.getRow(1), (col) => COLUMNS[col - 2]?.required ?? false);

  // One column of the hidden sheet per list; the data sheet's drop-downs point at those ranges.
  const listColumns = new Map<string, string>();
  const lastRow = ROSTER_IMPORT_MAX_ROWS + 1;
  COLUMNS.forEach((c, i) => {
    if (!('list' in c.type)) return;
    const name = c.type.list;
    if (!listColumns.has(name)) {
      const values = listValues(c, input);
      const col = listColumns.size + 1;
      lists.getCell(1, col).value = name;
      values.forEach((v, j) => (lists.getCell(j + 2, col).value = v));
      lists.getColumn(col).width = Math.min(60, Math.max(12, ...values.map((v) => v.length + 2)));
      listColumns.set(
        name,
        values.length ? `'${LISTS_SHEET}'!$${columnLetter(col - 1)}$2:$${columnLetter(col - 1)}$${values.length + 1}` : '',
      );
    }
    const ref = listColumns.get(name)!;
    if (!ref) return;
    const letter = columnLetter(i + 1);
    validationsOf(ws).add(`${letter}2:${letter}${lastRow}`, {
      type: 'list',
      allowBlank: true,
      formulae: [ref],
      showInputMessage: true,
      promptTitle: c.header.slice(0, 32),
      prompt: 'Chọn trong danh sách thả xuống.'.slice(0, 255),
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: 'Giá trị không có trong danh sách',
      error: `Hãy chọn ${c.header.toLowerCase()} trong danh sách thả xuống.`.slice(0, 255),
    });
  });

  writeHelp(help, input);
  return toBuffer(wb);
}

function writeHelp(ws: ExcelJS.Worksheet, input: TemplateInput): void {
  ws.columns = [{ width: 26 }, { width: 10 }, { width: 70 }, { width: 30 }];
  ws.mergeCells('A1:D1');
  const title = ws.getCell('A1');
  title.value = `HƯỚNG DẪN ĐIỀN DANH SÁCH CÁN BỘ, CÔNG CHỨC — ${input.communeName}`;
  title.font = { bold: true, size: 14 };
  const notes = [
    `Điền mỗi người một dòng ở trang "${DATA_SHEET}", bắt đầu từ dòng 2; không đổi tên, không xóa dòng tiêu đề. Thứ tự các cột có thể đổi, cột thừa được bỏ qua.`,
    'Các cột có dấu * là bắt buộc. Cột có danh sách thả xuống: bấm vào ô để chọn; có thể gõ không dấu hoặc khác chữ hoa, chữ thường (ví dụ "nu" được hiểu là "Nữ").',
    'Ngày ghi theo dạng ngày/tháng/năm (dd/mm/yyyy), ví dụ 15/03/1985. Không dùng công thức và không gộp ô (merge): hãy dán dạng giá trị.',
    'Số CCCD và số điện thoại: để ô kiểu Văn bản (hoặc gõ dấu nháy đơn trước số) để giữ số 0 ở đầu.',
    'Khi nhập lại tệp, người đã có được nhận ra theo số CCCD, nếu không có CCCD thì theo họ tên và ngày sinh: hồ sơ được cập nhật, không tạo trùng.',
    'Nên bấm "Kiểm tra thử" trước: hệ thống liệt kê mọi lỗi (dòng, cột, lý do) mà không lưu gì. Khi nhập thật, chỉ cần một dòng lỗi là cả tệp không được lưu.',
    `Mỗi tệp tối đa ${ROSTER_IMPORT_MAX_ROWS.toLocaleString('vi-VN')} dòng, dung lượng tối đa 10 MB.`,
  ];
  notes.forEach((n, i) => {
    ws.mergeCells(`A${i + 2}:D${i + 2}`);
    const cell = ws.getCell(`A${i + 2}`);
    cell.value = `${i + 1}. ${n}`;
    cell.alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(i + 2).height = 32;
  });
  let r = notes.length + 3;
  const head = ws.getRow(r);
  head.values = ['Cột', 'Bắt buộc', 'Cách điền', 'Ví dụ'];
  styleHeader(head, () => false);
  const examples = exampleRow(input);
  for (const c of COLUMNS) {
    r++;
    const row = ws.getRow(r);
    row.values = [c.header, c.required ? 'Có' : '', c.help, examples[c.key] ?? ''];
    row.eachCell((cell) => {
      cell.alignment = { wrapText: true, vertical: 'top' };
      cell.border = THIN;
    });
  }
  r += 2;
  ws.getCell(`A${r}`).value = `Dòng mẫu (chỉ để tham khảo; nhập dữ liệu ở trang "${DATA_SHEET}"):`;
  ws.getCell(`A${r}`).font = { bold: true, italic: true };
  const sampleHead = ws.getRow(r + 1);
  sampleHead.values = COLUMNS.map(headerText);
  styleHeader(sampleHead, (col) => COLUMNS[col - 1]?.required ?? false);
  ws.getRow(r + 2).values = COLUMNS.map((c) => examples[c.key] ?? '');
}

function exampleRow(input: TemplateInput): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of COLUMNS) out[c.key] = c.example;
  out.unitId = input.units.find((u) => /văn phòng/i.test(u.name))?.name ?? input.units[0]?.name ?? '';
  out.positionId = input.positions.find((p) => !p.isLeader)?.name ?? input.positions[0]?.name ?? '';
  return out;
}

// ---------------------------------------------------------------- export

export interface ExportRow {
  values: Record<string, string | number | boolean | Date | null>;
}

export interface ExportColumn {
  key: string;
  header: string;
  width: number;
  numFmt?: string;
}

/** Columns of an export: the template's (so the file can be edited and imported back), then read-only facts. */
export function exportColumns(includeSensitive: boolean): ExportColumn[] {
  return [
    { key: 'stt', header: 'STT', width: 6 },
    ...COLUMNS.map((c) => {
      const numFmt = numFmtOf(c);
      return { key: c.key, header: headerText(c), width: c.width, ...(numFmt ? { numFmt } : {}) };
    }),
    { key: 'communeName', header: 'Xã, phường', width: 22 },
    { key: 'status', header: 'Trạng thái', width: 16 },
    { key: 'meetsRequirement', header: 'Đáp ứng yêu cầu chuyên môn của VTVL', width: 16 },
    ...(includeSensitive
      ? [
          { key: 'ethnicity', header: 'Dân tộc', width: 12 },
          { key: 'religion', header: 'Tôn giáo', width: 12 },
        ]
      : []),
    { key: 'id', header: 'Mã hồ sơ (không sửa)', width: 38 },
  ];
}

/** Streams the rows into an .xlsx held as bytes (an .xlsx is ~100 bytes a row: 200,000 rows ≈ 20 MB). */
export async function writeExport(columns: ExportColumn[], pages: AsyncIterable<ExportRow[]>): Promise<{ buffer: Buffer; rows: number }> {
  return streamedWorkbook(async (wb) => {
    const ws = wb.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
    ws.columns = columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: c.width,
      ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}),
    }));
    const header = ws.getRow(1);
    styleHeader(header, (col) => COLUMNS[col - 2]?.required ?? false);
    header.commit();
    let n = 0;
    for await (const page of pages) {
      for (const r of page) {
        n++;
        ws.addRow({ ...r.values, stt: n }).commit();
      }
    }
    ws.commit();
    return n;
  });
}

// ---------------------------------------------------------------- accounts

export interface AccountLine {
  fullName: string;
  username: string;
  password: string | null;
  note: string;
}

export async function buildAccountsSheet(lines: AccountLine[], communeName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tài khoản', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: 'STT', key: 'stt', width: 6 },
    { header: 'Họ và tên', key: 'fullName', width: 28 },
    { header: 'Tên đăng nhập', key: 'username', width: 22 },
    { header: 'Mật khẩu dùng một lần', key: 'password', width: 22, style: { numFmt: '@' } },
    { header: 'Ghi chú', key: 'note', width: 60 },
  ];
  styleHeader(ws.getRow(1), () => false);
  lines.forEach((l, i) => ws.addRow({ stt: i + 1, fullName: l.fullName, username: l.username, password: l.password ?? '', note: l.note }));
  const help = wb.addWorksheet('Lưu ý');
  help.getColumn(1).width = 100;
  [
    `Tài khoản học viên của ${communeName}.`,
    'Mật khẩu dùng một lần chỉ để đăng nhập lần đầu; hệ thống yêu cầu đổi mật khẩu ngay sau khi đăng nhập.',
    'Giao tài khoản trực tiếp cho từng người; không gửi cả tệp qua nhóm chat. Xóa tệp này sau khi đã giao xong.',
    'Người đã có tài khoản được ghi trong cột Ghi chú và không bị tạo thêm.',
  ].forEach((t, i) => (help.getCell(i + 1, 1).value = t));
  return toBuffer(wb);
}
