/**
 * The annual ratings template (.xlsx, exceljs): one sheet of rows to fill — pre-filled with the
 * commune's officials and any rating they already have for the year — and an instructions sheet.
 */
import ExcelJS from 'exceljs';
import { RATING_IMPORT_MAX_ROWS } from '@app/shared';
import { columnLetter } from '../roster-import/xlsx-reader.ts';
import { NO, YES } from '../roster-import/roster-columns.ts';
import { RATING_COLUMNS, RATINGS_SHEET } from './ratings-import.rules.ts';
import { GENERAL_MAX, TASK_MAX } from './ratings.rules.ts';

export interface TemplateRow {
  officialId: string;
  fullName: string;
  generalScore: number | null;
  taskScore: number | null;
  disciplined: boolean | null;
  note: string | null;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };

interface DataValidationsApi {
  add(range: string, validation: ExcelJS.DataValidation): void;
}
const validationsOf = (ws: ExcelJS.Worksheet) => (ws as unknown as { dataValidations: DataValidationsApi }).dataValidations;

export async function buildRatingsTemplate(input: { year: number; placeName: string | null; rows: TemplateRow[] }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hệ thống bồi dưỡng cán bộ, công chức cấp xã';
  const ws = wb.addWorksheet(RATINGS_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  ws.columns = RATING_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = ws.getRow(1);
  header.height = 36;
  header.eachCell((cell, col) => {
    cell.font = { bold: true };
    cell.fill = RATING_COLUMNS[col - 1]!.required ? REQUIRED_FILL : HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  RATING_COLUMNS.forEach((c, i) => (header.getCell(i + 1).note = c.hint));
  ws.getColumn(1).numFmt = '@';
  ws.getColumn(4).numFmt = '0.0';
  ws.getColumn(5).numFmt = '0.0';
  for (const r of input.rows) {
    ws.addRow({
      key: r.officialId,
      fullName: r.fullName,
      year: input.year,
      generalScore: r.generalScore,
      taskScore: r.taskScore,
      disciplined: r.disciplined === null ? null : r.disciplined ? YES : NO,
      note: r.note,
    });
  }
  const last = Math.max(2, input.rows.length + 200);
  const v = validationsOf(ws);
  const col = (key: string) => columnLetter(RATING_COLUMNS.findIndex((c) => c.key === key));
  const score = (max: number): ExcelJS.DataValidation => ({
    type: 'decimal',
    operator: 'between',
    formulae: [0, max],
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: 'Điểm không hợp lệ',
    error: `Nhập số từ 0 đến ${max}.`,
  });
  v.add(`${col('generalScore')}2:${col('generalScore')}${last}`, score(GENERAL_MAX));
  v.add(`${col('taskScore')}2:${col('taskScore')}${last}`, score(TASK_MAX));
  v.add(`${col('disciplined')}2:${col('disciplined')}${last}`, {
    type: 'list',
    formulae: [`"${YES},${NO}"`],
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: 'Giá trị không hợp lệ',
    error: `Chọn ${YES} hoặc ${NO}.`,
  });

  const help = wb.addWorksheet('Hướng dẫn');
  help.columns = [
    { header: 'Cột', key: 'col', width: 40 },
    { header: 'Cách điền', key: 'hint', width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of RATING_COLUMNS) help.addRow({ col: `${c.header}${c.required ? ' (bắt buộc)' : ''}`, hint: c.hint });
  help.addRow({});
  const notes = [
    `Xếp loại chất lượng năm ${input.year}${input.placeName ? ` — ${input.placeName}` : ''} theo Nghị định 335/2025/NĐ-CP.`,
    `Tổng điểm = điểm tiêu chí chung (tối đa ${GENERAL_MAX}) + điểm kết quả thực hiện nhiệm vụ (tối đa ${TASK_MAX}).`,
    'Mức xếp loại do hệ thống tính: từ 90 điểm Hoàn thành xuất sắc; từ 70 Hoàn thành tốt; từ 50 Hoàn thành; dưới 50 hoặc bị kỷ luật: Không hoàn thành nhiệm vụ.',
    `Mỗi tệp tối đa ${RATING_IMPORT_MAX_ROWS.toLocaleString('vi-VN')} dòng. Có dòng sai thì không dòng nào được lưu; sửa theo danh sách lỗi rồi tải lên lại.`,
    'Chỉ nhận cán bộ, công chức thuộc phạm vi quản lý của tài khoản tải lên.',
  ];
  for (const n of notes) help.addRow({ col: '', hint: n });
  help.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
