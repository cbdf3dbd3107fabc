/**
 * Annex tables of a report (.xlsx, SPEC §10), children as rows and the report's scope as the total row:
 * Biểu 1 classes and attendances by programme type, planned vs held; Biểu 2 KPIs K1–K8, P1 vs targets;
 * Biểu 3 post-training evaluation results by level and self-report compliance (K6); Biểu 4 budget planned
 * vs spent by source; Biểu 5 (commune reports) officials below standard not yet nominated.
 */
import ExcelJS from 'exceljs';
import {
  EVALUATION_LEVEL_LABELS_REPORT,
  EVALUATION_LEVELS,
  PROGRAMME_TYPE_LABELS,
  PROGRAMME_TYPES,
  formatDateVi,
  type ReportData,
  type ReportRow,
} from '@app/shared';
import { KPI_STATUS_LABELS } from './report-docx.ts';

const FONT = { name: 'Times New Roman', size: 12 };
const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const NUM = '#,##0';
const PCT = '0.00';

function sheet(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  subtitle: string,
  header: string[][],
  widths: number[],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = widths.map((w) => ({ width: w }));
  const cols = widths.length;
  ws.mergeCells(1, 1, 1, cols);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { ...FONT, size: 14, bold: true };
  ws.getCell(1, 1).alignment = { horizontal: 'center', wrapText: true };
  ws.mergeCells(2, 1, 2, cols);
  ws.getCell(2, 1).value = subtitle;
  ws.getCell(2, 1).font = { ...FONT, italic: true };
  ws.getCell(2, 1).alignment = { horizontal: 'center' };
  header.forEach((h, k) => {
    const row = ws.getRow(4 + k);
    h.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.value = v;
      cell.font = { ...FONT, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    });
  });
  ws.views = [{ state: 'frozen', ySplit: 3 + header.length, xSplit: 2 }];
  return ws;
}

function addRow(ws: ExcelJS.Worksheet, values: (string | number | null)[], o: { bold?: boolean; pctCols?: number[] } = {}): void {
  const row = ws.addRow(values);
  row.eachCell({ includeEmpty: true }, (cell, c) => {
    cell.font = { ...FONT, bold: o.bold ?? false };
    cell.border = BORDER;
    if (typeof cell.value === 'number') cell.numFmt = o.pctCols?.includes(c) ? PCT : NUM;
    cell.alignment = {
      vertical: 'middle',
      wrapText: c === 2,
      horizontal: typeof cell.value === 'number' ? 'right' : c === 1 ? 'center' : 'left',
    };
  });
}

function rowsOf(d: ReportData): { stt: string; r: ReportRow; bold: boolean }[] {
  return [
    ...d.children.map((r, n) => ({ stt: String(n + 1), r, bold: false })),
    { stt: '', r: { ...d.total, name: `Tổng cộng (${d.total.name})` }, bold: true },
  ];
}

export async function buildXlsx(
  d: ReportData,
  reportTitle: string,
  progress: (pct: number) => Promise<void> | void = () => {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Phần mềm quản lý bồi dưỡng CBCC cấp xã';
  const asOf = `Số liệu tính đến ngày ${formatDateVi(d.asOf)} - ${reportTitle}`;
  const childLabel =
    d.scope.level === 'nation' ? 'Tỉnh, thành phố' : d.scope.level === 'province' ? 'Xã, phường, đặc khu' : 'Cơ quan, đơn vị';
  const types = PROGRAMME_TYPES.filter((t) => d.children.some((r) => hasClasses(r, t)) || hasClasses(d.total, t));

  // Biểu 1
  const h1a = ['STT', childLabel];
  const h1b = ['', ''];
  for (const t of [...types, 'ALL']) {
    const label = t === 'ALL' ? 'Tổng cộng' : PROGRAMME_TYPE_LABELS[t as (typeof PROGRAMME_TYPES)[number]];
    h1a.push(label, '', '', '');
    h1b.push('Lớp KH', 'Lớp đã TC', 'Lượt KH', 'Lượt đã BD');
  }
  const ws1 = sheet(
    wb,
    'Biểu 1',
    'Biểu 1. LỚP BỒI DƯỠNG VÀ LƯỢT NGƯỜI THEO LOẠI CHƯƠNG TRÌNH (KẾ HOẠCH - THỰC HIỆN)',
    asOf,
    [h1a, h1b],
    [6, 34, ...Array(4 * (types.length + 1)).fill(10)],
  );
  ws1.mergeCells(4, 1, 5, 1);
  ws1.mergeCells(4, 2, 5, 2);
  [...types, 'ALL'].forEach((_, k) => ws1.mergeCells(4, 3 + 4 * k, 4, 6 + 4 * k));
  for (const { stt, r, bold } of rowsOf(d)) {
    const v: (string | number)[] = [stt, r.name];
    for (const t of [...types, 'ALL']) {
      const c = r.classes[t];
      v.push(c?.plannedClasses ?? 0, c?.heldClasses ?? 0, c?.plannedAttendances ?? 0, c?.heldAttendances ?? 0);
    }
    addRow(ws1, v, { bold });
  }
  await progress(20);

  // Biểu 2
  const codes = d.total.indicators.map((i) => i.code);
  const h2a = ['STT', childLabel, ...codes.flatMap((c) => [c, '', ''])];
  const h2b = ['', '', ...codes.flatMap(() => ['Đạt được', 'Tổng số', 'Tỷ lệ (%)'])];
  const ws2 = sheet(
    wb,
    'Biểu 2',
    'Biểu 2. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CỦA ĐỀ ÁN (QUYẾT ĐỊNH 700/QĐ-TTg)',
    asOf,
    [h2a, h2b],
    [6, 34, ...Array(3 * codes.length).fill(9)],
  );
  ws2.mergeCells(4, 1, 5, 1);
  ws2.mergeCells(4, 2, 5, 2);
  codes.forEach((_, k) => ws2.mergeCells(4, 3 + 3 * k, 4, 5 + 3 * k));
  const pct2 = codes.map((_, k) => 5 + 3 * k);
  for (const { stt, r, bold } of rowsOf(d)) {
    const byCode = new Map(r.indicators.map((i) => [i.code, i]));
    addRow(
      ws2,
      [
        stt,
        r.name,
        ...codes.flatMap((c) => {
          const i = byCode.get(c);
          return [i?.numerator ?? 0, i?.denominator ?? 0, i?.percent ?? null];
        }),
      ],
      { bold, pctCols: pct2 },
    );
  }
  ws2.addRow([]);
  addRow(ws2, ['', 'Mục tiêu', ...codes.flatMap((c) => [d.total.indicators.find((i) => i.code === c)?.target ?? '', '', ''])]);
  addRow(ws2, [
    '',
    'Đánh giá (toàn đơn vị)',
    ...codes.flatMap((c) => {
      const s = d.total.indicators.find((i) => i.code === c)?.status ?? '';
      return [KPI_STATUS_LABELS[s] ?? s, '', ''];
    }),
  ]);
  await progress(45);

  // Biểu 3
  const h3 = [
    'STT',
    childLabel,
    ...EVALUATION_LEVELS.map((l) => EVALUATION_LEVEL_LABELS_REPORT[l]),
    'Tổng số được đánh giá',
    'Học viên đã nộp tự đánh giá (K6)',
    'Học viên phải nộp (K6)',
    'Tỷ lệ nộp (%)',
  ];
  const ws3 = sheet(
    wb,
    'Biểu 3',
    'Biểu 3. KẾT QUẢ ĐÁNH GIÁ SAU BỒI DƯỠNG VÀ VIỆC NỘP BÁO CÁO TỰ ĐÁNH GIÁ',
    asOf,
    [h3],
    [6, 34, 12, 12, 12, 12, 13, 15, 15, 11],
  );
  for (const { stt, r, bold } of rowsOf(d)) {
    const k6 = r.indicators.find((i) => i.code === 'K6');
    const total = EVALUATION_LEVELS.reduce((s, l) => s + r.evaluations[l], 0);
    addRow(
      ws3,
      [
        stt,
        r.name,
        ...EVALUATION_LEVELS.map((l) => r.evaluations[l]),
        total,
        k6?.numerator ?? 0,
        k6?.denominator ?? 0,
        k6?.percent ?? null,
      ],
      { bold, pctCols: [10] },
    );
  }
  await progress(65);

  // Biểu 4
  const h4a = ['STT', childLabel, 'Dự toán (đồng)', '', '', '', 'Đã chi (đồng)', '', '', ''];
  const h4b = [
    '',
    '',
    'NS trung ương',
    'NS địa phương',
    'Tài trợ, khác',
    'Cộng',
    'NS trung ương',
    'NS địa phương',
    'Tài trợ, khác',
    'Cộng',
  ];
  const ws4 = sheet(
    wb,
    'Biểu 4',
    'Biểu 4. KINH PHÍ BỒI DƯỠNG THEO NGUỒN (DỰ TOÁN - THỰC HIỆN)',
    asOf,
    [h4a, h4b],
    [6, 34, 16, 16, 16, 17, 16, 16, 16, 17],
  );
  ws4.mergeCells(4, 1, 5, 1);
  ws4.mergeCells(4, 2, 5, 2);
  ws4.mergeCells(4, 3, 4, 6);
  ws4.mergeCells(4, 7, 4, 10);
  for (const { stt, r, bold } of rowsOf(d)) {
    const b = r.budget;
    addRow(
      ws4,
      [
        stt,
        r.name,
        b.plannedCentral,
        b.plannedLocal,
        b.plannedSponsor,
        b.plannedCentral + b.plannedLocal + b.plannedSponsor,
        b.spentCentral,
        b.spentLocal,
        b.spentSponsor,
        b.spentCentral + b.spentLocal + b.spentSponsor,
      ],
      { bold },
    );
  }
  await progress(80);

  // Biểu 5
  if (d.scope.level === 'commune') {
    const ws5 = sheet(
      wb,
      'Biểu 5',
      'Biểu 5. DANH SÁCH CÁN BỘ, CÔNG CHỨC CHƯA ĐẠT CHUẨN VỊ TRÍ VIỆC LÀM CHƯA ĐƯỢC CỬ ĐI BỒI DƯỠNG',
      asOf,
      [['STT', 'Họ và tên', 'Cơ quan, đơn vị', 'Vị trí việc làm', 'Chưa đạt chuẩn từ ngày']],
      [6, 30, 30, 34, 16],
    );
    d.belowStandard.forEach((o, n) =>
      addRow(ws5, [
        String(n + 1),
        o.fullName,
        o.unitName ?? '',
        o.positionName ?? '',
        o.belowStandardSince ? formatDateVi(o.belowStandardSince) : '',
      ]),
    );
    if (!d.belowStandard.length) addRow(ws5, ['', 'Không có', '', '', '']);
  }
  await progress(90);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function hasClasses(r: ReportRow, t: string): boolean {
  const c = r.classes[t];
  return !!c && c.plannedClasses + c.heldClasses + c.plannedAttendances + c.heldAttendances > 0;
}
