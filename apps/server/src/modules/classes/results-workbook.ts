/**
 * The results sheet of a class (SPEC §6, "Excel is how these users work"): learners × sessions
 * (attendance, with a drop-down) + one column per assessment (score 0–10), pre-filled with what is
 * recorded; and the header names an import expects back.
 */
import ExcelJS from 'exceljs';
import { ATTENDANCE_STATUS_LABELS, formatDateVi, type AttendanceStatus } from '@app/shared';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const RESULTS_SHEET = 'Kết quả';
export const RESULTS_HELP_SHEET = 'Hướng dẫn';
export const ID_HEADER = 'Mã học viên';
export const NAME_HEADER = 'Họ và tên';
const FIXED_HEADERS = [ID_HEADER, NAME_HEADER, 'Ngày sinh', 'Xã, phường', 'Đơn vị'];

export const sessionHeader = (n: number, date: string) => `Buổi ${n} (${formatDateVi(date)})`;
export const scoreHeader = (k: number) => `Điểm bài ${k}`;

/** Header text compared loosely: NFC, case, spaces. */
export function looseHeader(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export interface ResultsSheetInput {
  classCode: string;
  className: string;
  passScore: number;
  minAttendancePct: number;
  maxExcusedPct: number;
  sessions: { id: number; date: string; startTime: string; topic: string | null }[];
  assessmentCount: number;
  learners: {
    enrolmentId: number;
    fullName: string;
    birthDate: string;
    communeName: string | null;
    unitName: string | null;
    attendance: Map<number, AttendanceStatus>;
    scores: Map<number, number>;
  }[];
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
interface DataValidationsApi {
  add(range: string, validation: ExcelJS.DataValidation): void;
}
const validationsOf = (ws: ExcelJS.Worksheet) => (ws as unknown as { dataValidations: DataValidationsApi }).dataValidations;

function letter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export async function buildResultsSheet(input: ResultsSheetInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Phần mềm quản lý và đánh giá chất lượng bồi dưỡng CBCC cấp xã';
  wb.created = new Date(0);
  const ws = wb.addWorksheet(RESULTS_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  const help = wb.addWorksheet(RESULTS_HELP_SHEET);

  const headers = [
    ...FIXED_HEADERS,
    ...input.sessions.map((s, i) => sessionHeader(i + 1, s.date)),
    ...Array.from({ length: input.assessmentCount }, (_, k) => scoreHeader(k + 1)),
  ];
  const header = ws.addRow(headers);
  header.height = 34;
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  ws.getColumn(1).width = 13;
  ws.getColumn(2).width = 28;
  ws.getColumn(3).width = 12;
  ws.getColumn(4).width = 24;
  ws.getColumn(5).width = 26;
  for (let c = FIXED_HEADERS.length + 1; c <= headers.length; c++) ws.getColumn(c).width = 15;

  const labels = Object.values(ATTENDANCE_STATUS_LABELS);
  for (const l of input.learners) {
    ws.addRow([
      l.enrolmentId,
      l.fullName,
      formatDateVi(l.birthDate),
      l.communeName ?? '',
      l.unitName ?? '',
      ...input.sessions.map((s) => {
        const a = l.attendance.get(s.id);
        return a ? ATTENDANCE_STATUS_LABELS[a] : null;
      }),
      ...Array.from({ length: input.assessmentCount }, (_, k) => l.scores.get(k + 1) ?? null),
    ]);
  }
  const last = Math.max(2, input.learners.length + 1);
  const firstSession = FIXED_HEADERS.length + 1;
  if (input.sessions.length) {
    validationsOf(ws).add(`${letter(firstSession)}2:${letter(firstSession + input.sessions.length - 1)}${last}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${labels.join(',')}"`],
      showErrorMessage: true,
      errorTitle: 'Điểm danh',
      error: `Chọn một trong: ${labels.join(', ')}`,
    });
  }
  if (input.assessmentCount) {
    const first = firstSession + input.sessions.length;
    validationsOf(ws).add(`${letter(first)}2:${letter(first + input.assessmentCount - 1)}${last}`, {
      type: 'decimal',
      operator: 'between',
      allowBlank: true,
      formulae: [0, 10],
      showErrorMessage: true,
      errorTitle: 'Điểm',
      error: 'Điểm là số từ 0 đến 10',
    });
  }

  help.getColumn(1).width = 110;
  const lines = [
    `Lớp ${input.classCode} — ${input.className}`,
    '',
    'Cách điền:',
    `• Mỗi dòng là một học viên đã được cử; không sửa cột "${ID_HEADER}" và không thêm dòng mới.`,
    `• Cột "Buổi …": chọn ${labels.map((l) => `"${l}"`).join(', ')}. Để trống = chưa điểm danh (không thay đổi dữ liệu đã có).`,
    '• Cột "Điểm bài …": số từ 0 đến 10, tối đa 2 chữ số thập phân (dùng dấu phẩy hoặc dấu chấm). Để trống = chưa có điểm.',
    `• Hoàn thành khi tham dự đủ ${input.minAttendancePct}% số buổi (vắng có phép được tính tối đa ${input.maxExcusedPct}% số buổi) và mọi bài kiểm tra đạt từ ${input.passScore.toLocaleString('vi-VN')} điểm.`,
    '• Nhập tệp với "Chạy thử" trước: hệ thống báo từng ô sai (dòng, cột, lý do). Khi nhập thật, tệp có lỗi sẽ không được lưu dòng nào.',
    '',
    'Các buổi học:',
    ...input.sessions.map((s, i) => `• ${sessionHeader(i + 1, s.date)} lúc ${s.startTime}${s.topic ? `: ${s.topic}` : ''}`),
  ];
  for (const l of lines) help.addRow([l]);
  help.getRow(1).font = { bold: true, size: 13 };

  return Buffer.from(await wb.xlsx.writeBuffer());
}
