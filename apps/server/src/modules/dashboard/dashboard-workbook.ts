/**
 * The dashboard tables as .xlsx (exceljs): the same numbers as the JSON of /api/kpis and
 * /api/kpis/children. Numbers are numeric cells (counts as integers, percentages with one decimal).
 */
import { streamedWorkbook } from '../../http/xlsx-stream.ts';
import ExcelJS from 'exceljs';
import { KPI_LABELS, KPI_SHORT_LABELS, KPI_STATUS_LABELS, formatDateVi, type KpiIndicator, type KpiPersonRow } from '@app/shared';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Title {
  scopeName: string;
  phase: 1 | 2;
  asOf: string;
}

function heading(ws: ExcelJS.Worksheet, text: string, t: Title, width: number): void {
  ws.addRow([text]).font = { bold: true, size: 13 };
  ws.addRow([`${t.scopeName} — giai đoạn ${t.phase} — số liệu đến ngày ${formatDateVi(t.asOf)}`]);
  ws.mergeCells(1, 1, 1, width);
  ws.mergeCells(2, 1, 2, width);
  ws.addRow([]);
}

function headerRow(ws: ExcelJS.Worksheet, values: string[]): void {
  const r = ws.addRow(values);
  r.font = { bold: true };
  r.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  r.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F4FF' } };
    c.border = { bottom: { style: 'thin' } };
  });
}

export const KPIS_SHEET = 'Chỉ tiêu';
export const CHILDREN_SHEET = 'Cấp dưới';
/** First data row of both sheets (title, subtitle, blank, header). */
export const FIRST_DATA_ROW = 5;

export async function kpisWorkbook(t: Title, indicators: KpiIndicator[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(KPIS_SHEET);
  heading(ws, 'Kết quả thực hiện các chỉ tiêu bồi dưỡng', t, 7);
  headerRow(ws, ['Mã', 'Chỉ tiêu', 'Đạt', 'Tổng số', 'Tỷ lệ (%)', 'Mục tiêu (%)', 'Tình trạng']);
  for (const i of indicators) {
    ws.addRow([i.code, KPI_LABELS[i.code], i.numerator, i.denominator, i.percent, i.target, KPI_STATUS_LABELS[i.status]]);
  }
  ws.columns.forEach((c, k) => (c.width = [6, 60, 10, 10, 10, 12, 16][k] ?? 12));
  ws.getColumn(5).numFmt = '0.0';
  ws.getColumn(3).numFmt = '#,##0';
  ws.getColumn(4).numFmt = '#,##0';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function childrenWorkbook(
  t: Title,
  childLevel: string,
  rows: { code: string; name: string; indicators: KpiIndicator[] }[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(CHILDREN_SHEET);
  const codes = rows[0]?.indicators.map((i) => i.code) ?? [];
  heading(ws, `Chỉ tiêu theo ${childLevel.toLowerCase()}`, t, 2 + codes.length * 3);
  headerRow(ws, ['Mã', childLevel, ...codes.flatMap((c) => [`${c} đạt`, `${c} tổng số`, `${c} (%) – ${KPI_SHORT_LABELS[c]}`])]);
  for (const r of rows) ws.addRow([r.code, r.name, ...r.indicators.flatMap((i) => [i.numerator, i.denominator, i.percent])]);
  ws.getColumn(1).width = 8;
  ws.getColumn(2).width = 32;
  for (let k = 0; k < codes.length * 3; k++) {
    const col = ws.getColumn(3 + k);
    col.width = k % 3 === 2 ? 16 : 10;
    col.numFmt = k % 3 === 2 ? '0.0' : '#,##0';
  }
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 4 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const PEOPLE_SHEET = 'Danh sách';
/** Columns of the people sheet (data from FIRST_DATA_ROW, like the other sheets). */
export const PEOPLE_COLUMNS = [
  'STT',
  'Họ và tên',
  'Mã xã',
  'Xã, phường',
  'Lớp / chương trình / ghi chú',
  'Ngày',
  'Tình trạng',
  'Mã bản ghi',
];

/**
 * The rows behind one KPI number, written page by page with exceljs' streaming writer (rows are
 * committed as they come; the bytes are collected, ~100 bytes a row).
 */
export async function peopleWorkbook(
  t: Title & { heading: string },
  pages: AsyncIterable<KpiPersonRow[]>,
): Promise<{ buffer: Buffer; rows: number }> {
  return streamedWorkbook(async (wb) => {
    const ws = wb.addWorksheet(PEOPLE_SHEET, { views: [{ state: 'frozen', ySplit: 4, xSplit: 2 }] });
    [6, 30, 8, 24, 40, 12, 12, 38].forEach((w, k) => (ws.getColumn(k + 1).width = w));
    heading(ws, t.heading, t, PEOPLE_COLUMNS.length);
    headerRow(ws, PEOPLE_COLUMNS);
    let n = 0;
    for await (const page of pages) {
      for (const r of page) {
        n++;
        ws.addRow([
          n,
          r.fullName ?? r.label ?? '',
          r.communeCode ?? '',
          r.communeName ?? '',
          r.label ?? '',
          r.date ? formatDateVi(r.date) : '',
          r.inNumerator ? 'Đã đạt' : 'Chưa đạt',
          r.id,
        ]).commit();
      }
    }
    ws.commit();
    return n;
  });
}
