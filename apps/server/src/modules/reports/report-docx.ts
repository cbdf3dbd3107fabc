/**
 * The report as a .docx in the administrative format of Decree 30/2020/NĐ-CP (SPEC §10): A4 portrait,
 * margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman 13–14; issuing body and
 * "Số: …/BC-UBND" top left; national motto top right with "Độc lập - Tự do - Hạnh phúc" underlined;
 * italic place-date line; title; body with the KPI table; "Nơi nhận:" and the signature block;
 * page numbers centred in the top margin from page 2 (different first page).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import {
  EVALUATION_LEVEL_LABELS_REPORT,
  EVALUATION_LEVELS,
  PROGRAMME_TYPE_LABELS,
  type ReportData,
  type ReportLevel,
  type ProgrammeType,
} from '@app/shared';
import { defaultRecipients, documentNumberLine, formatInt, formatPercent, issuingBody, placeDateLine } from './reports.rules.ts';

const FONT = 'Times New Roman';
const MM = 56.7; // twips per millimetre
/** half-points */
const PT = (n: number) => n * 2;

export interface DocxInput {
  level: ReportLevel;
  kind: string;
  year: number;
  title: string;
  documentNo: string | null;
  placeName: string | null;
  signerName: string | null;
  signerTitle: string | null;
  recipients: string | null;
  /** the date printed on the report (submission date, or today for a draft) */
  date: string;
  sections: { id: string; title: string; text: string }[];
  data: ReportData;
}

export const KPI_STATUS_LABELS: Record<string, string> = {
  dat: 'Đạt',
  dung_tien_do: 'Đúng tiến độ',
  cham: 'Chậm tiến độ',
  chua_dat: 'Chưa đạt',
  chua_co_du_lieu: 'Chưa có dữ liệu',
  theo_doi: 'Theo dõi',
  tong_hop: '-',
};

function run(text: string, o: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {}): TextRun {
  return new TextRun({
    text,
    font: FONT,
    size: PT(o.size ?? 14),
    bold: o.bold ?? false,
    italics: o.italics ?? false,
    ...(o.underline ? { underline: { type: 'single' as const } } : {}),
  });
}

function p(children: TextRun[], o: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({ children, spacing: { before: 0, after: 0, line: 276 }, ...o });
}

function centre(text: string, o: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {}, after = 0): Paragraph {
  return p([run(text, o)], { alignment: AlignmentType.CENTER, spacing: { before: 0, after, line: 264 } });
}

/** Body paragraph: justified, first-line indent 1 cm, 6 pt after, 1.15 lines. */
function body(text: string, o: { bold?: boolean; italics?: boolean } = {}): Paragraph {
  return new Paragraph({
    children: [run(text, { ...o, size: 14 })],
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: Math.round(10 * MM) },
    spacing: { before: 0, after: 120, line: 300 },
  });
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };

function cell(children: Paragraph[], widthPct: number): TableCell {
  return new TableCell({
    children,
    width: { size: widthPct, type: WidthType.PERCENTAGE },
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE },
  });
}

/** A short solid line under a heading (the rule under the issuing body and under the motto). */
function rule(widthMm: number): Paragraph {
  const side = Math.max(0, Math.round(((75 - widthMm) / 2) * MM));
  return new Paragraph({
    children: [],
    indent: { left: side, right: side },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    spacing: { before: 0, after: 60, line: 120 },
  });
}

function headerBlock(i: DocxInput): Table {
  const [body1, body2] = issuingBody(i.level, i.data.scope.name);
  const left: Paragraph[] = [centre(body1, { bold: true, size: 13 })];
  if (body2) left.push(centre(body2, { bold: true, size: 13 }));
  left.push(rule(22), centre(documentNumberLine(i.documentNo), { size: 13 }));
  const right: Paragraph[] = [
    centre('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 12 }),
    centre('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 13 }),
    rule(58),
    new Paragraph({
      children: [run(placeDateLine(i.placeName || defaultPlace(i), i.date), { italics: true, size: 14 })],
      alignment: AlignmentType.CENTER,
      spacing: { before: 120, after: 0 },
    }),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, 40), cell(right, 60)] })],
  });
}

function defaultPlace(i: DocxInput): string {
  return i.level === 'nation' ? 'Hà Nội' : i.data.scope.name.replace(/^(Tỉnh|Thành phố|Xã|Phường|Đặc khu)\s+/u, '');
}

function gridCell(
  text: string,
  o: { bold?: boolean; align?: 'left' | 'center' | 'right'; width?: number; italics?: boolean } = {},
): TableCell {
  const alignment = o.align === 'left' ? AlignmentType.LEFT : o.align === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER;
  return new TableCell({
    children: [
      new Paragraph({
        children: [run(text, { bold: o.bold ?? false, italics: o.italics ?? false, size: 12 })],
        alignment,
        spacing: { before: 40, after: 40 },
      }),
    ],
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 80, right: 80 },
    ...(o.width ? { width: { size: o.width, type: WidthType.PERCENTAGE } } : {}),
  });
}

function grid(header: string[], rows: string[][], widths: number[], leftCols: number[] = [1], centreCols: number[] = []): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: GRID,
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, k) => gridCell(h, { bold: true, width: widths[k] ?? 10 })) }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.map((v, k) =>
              gridCell(v, {
                align: leftCols.includes(k) ? 'left' : k === 0 || centreCols.includes(k) ? 'center' : 'right',
                width: widths[k] ?? 10,
              }),
            ),
          }),
      ),
    ],
  });
}

function kpiTable(d: ReportData): Table {
  return grid(
    ['STT', 'Chỉ tiêu', 'Đạt được', 'Tổng số', 'Tỷ lệ', 'Mục tiêu', 'Đánh giá'],
    d.total.indicators.map((k, n) => [
      String(n + 1),
      `${k.code}. ${k.label}`,
      formatInt(k.numerator),
      formatInt(k.denominator),
      formatPercent(k.percent),
      k.target,
      KPI_STATUS_LABELS[k.status] ?? k.status,
    ]),
    [7, 31, 10, 10, 11, 17, 14],
    [1],
    [5, 6],
  );
}

function classesTable(d: ReportData): Table {
  const types = Object.keys(d.total.classes).filter((t) => t !== 'ALL');
  const rows = types
    .map((t) => [t, d.total.classes[t]!] as const)
    .filter(([, c]) => c.plannedClasses + c.heldClasses + c.plannedAttendances + c.heldAttendances > 0)
    .map(([t, c], n) => [
      String(n + 1),
      PROGRAMME_TYPE_LABELS[t as ProgrammeType] ?? t,
      formatInt(c.plannedClasses),
      formatInt(c.heldClasses),
      formatInt(c.plannedAttendances),
      formatInt(c.heldAttendances),
    ]);
  const all = d.total.classes.ALL!;
  rows.push([
    '',
    'Tổng cộng',
    formatInt(all.plannedClasses),
    formatInt(all.heldClasses),
    formatInt(all.plannedAttendances),
    formatInt(all.heldAttendances),
  ]);
  return grid(
    ['STT', 'Loại chương trình', 'Lớp kế hoạch', 'Lớp đã tổ chức', 'Lượt người kế hoạch', 'Lượt người đã bồi dưỡng'],
    rows,
    [8, 36, 13, 13, 15, 15],
  );
}

function numbersNarrative(d: ReportData): Paragraph[] {
  const all = d.total.classes.ALL!;
  const ev = d.total.evaluations;
  const evTotal = EVALUATION_LEVELS.reduce((s, l) => s + ev[l], 0);
  const b = d.total.budget;
  const spent = b.spentCentral + b.spentLocal + b.spentSponsor;
  const planned = b.plannedCentral + b.plannedLocal + b.plannedSponsor;
  const out = [
    body(
      `Tính đến ngày ${d.asOf.split('-').reverse().join('/')}, ${d.scope.name} đã tổ chức, cử cán bộ, công chức tham gia ${formatInt(all.heldClasses)} lớp bồi dưỡng với ${formatInt(all.heldAttendances)} lượt người (kế hoạch năm: ${formatInt(all.plannedClasses)} lớp, ${formatInt(all.plannedAttendances)} lượt người). Chi tiết tại Biểu 1 kèm theo.`,
    ),
    body(
      `Kinh phí thực hiện: dự toán ${formatInt(planned)} đồng, đã chi ${formatInt(spent)} đồng (ngân sách trung ương ${formatInt(b.spentCentral)} đồng; ngân sách địa phương ${formatInt(b.spentLocal)} đồng; tài trợ và nguồn khác ${formatInt(b.spentSponsor)} đồng). Chi tiết tại Biểu 4.`,
    ),
  ];
  if (evTotal > 0) {
    out.push(
      body(
        `Kết quả đánh giá sau bồi dưỡng: ${formatInt(evTotal)} lượt học viên được đánh giá, trong đó ${EVALUATION_LEVELS.map((l) => `${EVALUATION_LEVEL_LABELS_REPORT[l].toLowerCase()} ${formatInt(ev[l])}`).join('; ')}. Chi tiết tại Biểu 3.`,
      ),
    );
  }
  if (d.scope.level === 'commune') {
    out.push(
      body(
        d.belowStandard.length
          ? `Còn ${formatInt(d.belowStandard.length)} cán bộ, công chức chưa đáp ứng yêu cầu chuyên môn của vị trí việc làm và chưa được cử đi bồi dưỡng (danh sách tại Biểu 5).`
          : 'Không còn cán bộ, công chức chưa đạt chuẩn vị trí việc làm mà chưa được cử đi bồi dưỡng.',
      ),
    );
  }
  return out;
}

function closingBlock(i: DocxInput): Table {
  const recipients = (
    i.recipients
      ?.split(/\r?\n/)
      .map((s) => s.trim())
      .filter(Boolean) ?? []
  ).length
    ? i
        .recipients!.split(/\r?\n/)
        .map((s) => s.trim())
        .filter(Boolean)
    : defaultRecipients(i.level);
  const left: Paragraph[] = [
    p([run('Nơi nhận:', { bold: true, italics: true, size: 12 })]),
    ...recipients.map((r, n) =>
      p([run(`- ${r.replace(/^[-–]\s*/, '').replace(/[;.]$/, '')}${n === recipients.length - 1 ? '.' : ';'}`, { size: 11 })]),
    ),
  ];
  const signer = i.signerTitle?.trim() || 'PHÓ CHỦ TỊCH';
  const right: Paragraph[] = [
    centre(i.level === 'nation' ? 'KT. BỘ TRƯỞNG' : 'TM. ỦY BAN NHÂN DÂN', { bold: true, size: 14 }),
    ...(i.level === 'nation' ? [] : [centre('KT. CHỦ TỊCH', { bold: true, size: 14 })]),
    centre(signer.toLocaleUpperCase('vi-VN'), { bold: true, size: 14 }),
    new Paragraph({ children: [], spacing: { before: 0, after: 1400 } }),
    centre(i.signerName?.trim() || '', { bold: true, size: 14 }),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, 50), cell(right, 50)] })],
  });
}

export async function buildDocx(i: DocxInput): Promise<Buffer> {
  const d = i.data;
  const heading = (text: string) =>
    new Paragraph({
      children: [run(text, { bold: true, size: 14 })],
      indent: { firstLine: Math.round(10 * MM) },
      spacing: { before: 120, after: 120 },
    });
  const [titleLine, ...rest] = splitTitle(i.title);
  const children: (Paragraph | Table)[] = [
    headerBlock(i),
    new Paragraph({ children: [], spacing: { before: 240, after: 0 } }),
    centre('BÁO CÁO', { bold: true, size: 14 }),
    centre(titleLine!, { bold: true, size: 14 }),
    ...rest.map((t) => centre(t, { bold: true, size: 14 })),
    rule(40),
    new Paragraph({ children: [], spacing: { after: 120 } }),
    body(
      `Thực hiện Quyết định số 700/QĐ-TTg ngày 20/4/2026 của Thủ tướng Chính phủ phê duyệt Đề án tăng cường bồi dưỡng đội ngũ cán bộ, công chức ở xã, phường, đặc khu giai đoạn 2026 - 2031, ${issuerName(i)} báo cáo ${whatOf(i)} như sau:`,
    ),
    heading('I. KẾT QUẢ THỰC HIỆN'),
    heading('1. Số liệu bồi dưỡng'),
    ...numbersNarrative(d),
    classesTable(d),
    new Paragraph({ children: [], spacing: { after: 120 } }),
    heading('2. Kết quả thực hiện các chỉ tiêu của Đề án'),
    body(`Số liệu tính đến ngày ${d.asOf.split('-').reverse().join('/')} (giai đoạn ${d.phase}); chi tiết từng đơn vị tại Biểu 2.`),
    kpiTable(d),
    new Paragraph({ children: [], spacing: { after: 120 } }),
  ];
  const paragraphsOf = (text: string) => {
    const paras = text
      .split(/\r?\n/)
      .map((t) => t.trim())
      .filter(Boolean);
    return paras.length ? paras.map((t) => body(t)) : [body('(Chưa có nội dung.)', { italics: true })];
  };
  // the standard "results" section is the general assessment under I; the others follow as II, III…
  const [first, ...others] = i.sections;
  const later = first && first.id === 'results' ? others : i.sections;
  if (first && first.id === 'results') children.push(heading('3. Đánh giá chung'), ...paragraphsOf(first.text));
  later.forEach((s, n) => {
    const roman = ['II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'][n] ?? String(n + 2);
    children.push(heading(`${roman}. ${s.title.toLocaleUpperCase('vi-VN')}`), ...paragraphsOf(s.text));
  });
  children.push(body(`Trên đây là báo cáo ${whatOf(i)} của ${issuerName(i)}./.`));
  children.push(new Paragraph({ children: [], spacing: { after: 120 } }), closingBlock(i));

  const doc = new Document({
    creator: issuerName(i),
    title: i.title,
    styles: { default: { document: { run: { font: FONT, size: PT(14) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: 11906, height: 16838 },
            margin: {
              top: Math.round(20 * MM),
              bottom: Math.round(20 * MM),
              left: Math.round(30 * MM),
              right: Math.round(15 * MM),
              header: Math.round(10 * MM),
              footer: Math.round(10 * MM),
            },
          },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: PT(13) })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** What the report is about, in the intro and closing sentences. */
function whatOf(i: DocxInput): string {
  if (i.kind === 'midterm') return 'sơ kết giai đoạn 2026 - 2028 thực hiện Đề án';
  if (i.kind === 'final') return 'tổng kết giai đoạn 2026 - 2031 thực hiện Đề án';
  if (i.kind === 'adhoc') return `theo yêu cầu "${i.title.replace(` - ${i.data.scope.name}`, '')}"`;
  return `kết quả thực hiện Đề án năm ${i.year}`;
}

function issuerName(i: DocxInput): string {
  return i.level === 'nation'
    ? 'Bộ Nội vụ'
    : `Ủy ban nhân dân ${i.data.scope.name.replace(/^(Tỉnh|Xã|Phường|Đặc khu)/u, (m) => m.toLowerCase())}`;
}

/** The title under "BÁO CÁO": drop the leading "Báo cáo" and break it into lines of about 60 characters. */
function splitTitle(title: string): string[] {
  const t = title.replace(/^Báo cáo\s+/iu, '');
  const words = t.charAt(0).toLocaleUpperCase('vi-VN') + t.slice(1);
  const out: string[] = [];
  let line = '';
  for (const w of words.split(/\s+/)) {
    if ((line + ' ' + w).trim().length > 62 && line) {
      out.push(line);
      line = w;
    } else line = (line + ' ' + w).trim();
  }
  if (line) out.push(line);
  return out;
}
