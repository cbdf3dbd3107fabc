/**
 * The certificate as a PDF (SPEC §6): A4 landscape, Vietnamese text in DejaVu (TTF: full
 * Vietnamese coverage; STACK-NOTES trap 10), the issuing body and national motto, title, holder,
 * programme, class dates, result, number, place-date line, signature block and a QR code to the
 * public verification page. The signed payload travels inside the file (Keywords of the document
 * information dictionary, plus a JSON attachment) so `npm run cert:verify` can check it offline.
 * Everything printed comes from the signed payload, except the honorific, the signer's title and
 * the verification URL.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { certificateTitle, cleanText, ddmmyyyy, honorificOf, placeDateLine, type CertificatePayload } from './certificates.rules.ts';
import { encodeEmbedded } from './certificate-signature.ts';

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONTS = {
  regular: path.join(FONT_DIR, 'DejaVuSerif.ttf'),
  bold: path.join(FONT_DIR, 'DejaVuSerif-Bold.ttf'),
  italic: path.join(FONT_DIR, 'DejaVuSerif-Italic.ttf'),
  boldItalic: path.join(FONT_DIR, 'DejaVuSerif-BoldItalic.ttf'),
  sans: path.join(FONT_DIR, 'DejaVuSans.ttf'),
};

export interface CertificatePdfInput {
  payload: CertificatePayload;
  signature: string;
  holderGender: 'nam' | 'nu' | null;
  signerTitle: string;
  verifyUrl: string;
  /** when the certificate was revoked, the copy says so on its face */
  revokedOn?: string | null;
}

const RED = '#9b1c1c';
const INK = '#1a1a1a';
const GREY = '#555555';

const upper = (s: string) => cleanText(s).toLocaleUpperCase('vi');

export async function renderCertificatePdf(input: CertificatePdfInput): Promise<Buffer> {
  const p = input.payload;
  const title = certificateTitle(p.programme.type);
  const embedded = encodeEmbedded(p, input.signature);
  const qr = await QRCode.toBuffer(input.verifyUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 1, scale: 8 });

  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    pdfVersion: '1.7',
    lang: 'vi-VN',
    displayTitle: true,
    autoFirstPage: true,
    info: {
      Title: `${title === 'CHỨNG CHỈ' ? 'Chứng chỉ' : 'Giấy chứng nhận'} số ${p.number}`,
      Author: p.issuer.name,
      Subject: `${p.holder.fullName} – ${p.programme.name}`,
      // The signed payload and its Ed25519 signature, ASCII (base64url) so it is stored as plain text.
      Keywords: embedded,
      Creator: 'Phần mềm đánh giá và quản lý chất lượng bồi dưỡng CBCC cấp xã',
      CreationDate: new Date(`${p.issuedOn}T08:00:00+07:00`),
    },
  });
  doc.registerFont('R', FONTS.regular);
  doc.registerFont('B', FONTS.bold);
  doc.registerFont('I', FONTS.italic);
  doc.registerFont('BI', FONTS.boldItalic);
  doc.registerFont('S', FONTS.sans);

  const W = doc.page.width; // 841.89
  const H = doc.page.height; // 595.28

  // Frame: a thick outer line and a thin inner one.
  doc
    .lineWidth(3)
    .strokeColor(RED)
    .rect(18, 18, W - 36, H - 36)
    .stroke();
  doc
    .lineWidth(0.8)
    .rect(26, 26, W - 52, H - 52)
    .stroke();

  // Issuing body (top left) and national motto (top right), each centred in its column.
  const leftX = 40;
  const colW = 340;
  const rightX = W - 40 - colW;
  doc.fillColor(INK).font('B').fontSize(11.5);
  doc.text(upper(p.issuer.name), leftX, 48, { width: colW, align: 'center' });
  let y = doc.y + 3;
  doc
    .lineWidth(0.7)
    .strokeColor(INK)
    .moveTo(leftX + colW / 2 - 45, y)
    .lineTo(leftX + colW / 2 + 45, y)
    .stroke();
  doc
    .font('R')
    .fontSize(11)
    .text(`Số: ${p.number}`, leftX, y + 7, { width: colW, align: 'center' });

  doc.font('B').fontSize(11.5).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, 48, { width: colW, align: 'center' });
  doc
    .font('B')
    .fontSize(12.5)
    .text('Độc lập - Tự do - Hạnh phúc', rightX, doc.y + 1, { width: colW, align: 'center' });
  y = doc.y + 3;
  const mottoW = doc.widthOfString('Độc lập - Tự do - Hạnh phúc');
  doc
    .moveTo(rightX + (colW - mottoW) / 2, y)
    .lineTo(rightX + (colW + mottoW) / 2, y)
    .stroke();

  // Title.
  doc
    .fillColor(RED)
    .font('B')
    .fontSize(34)
    .text(title, 40, 128, { width: W - 80, align: 'center', characterSpacing: 1 });
  doc
    .fillColor(INK)
    .font('B')
    .fontSize(13)
    .text('HOÀN THÀNH CHƯƠNG TRÌNH BỒI DƯỠNG', 40, doc.y + 2, { width: W - 80, align: 'center' });

  // The statement and the facts, as label/value rows.
  doc
    .font('I')
    .fontSize(13)
    .text(`${cleanText(p.issuer.name)} chứng nhận:`, 40, doc.y + 14, { width: W - 80, align: 'center' });
  const labelX = 160;
  const valueX = 290;
  const valueW = W - valueX - 95;
  y = doc.y + 12;
  const row = (label: string, value: string, font: 'R' | 'B' = 'R', size = 13) => {
    doc
      .fillColor(GREY)
      .font('R')
      .fontSize(12)
      .text(label, labelX, y + (size - 12) * 0.6, { width: valueX - labelX - 10 });
    doc.fillColor(INK).font(font).fontSize(size).text(value, valueX, y, { width: valueW });
    y = Math.max(doc.y, y + size + 4) + 5;
  };
  row(`${honorificOf(input.holderGender)}:`, upper(p.holder.fullName), 'B', 17);
  row('Sinh ngày:', ddmmyyyy(p.holder.birthDate));
  row('Chương trình:', cleanText(p.programme.name), 'B');
  row('Lớp:', `${cleanText(p.class.name)} (mã lớp ${p.class.code})`);
  row('Thời gian học:', `từ ngày ${ddmmyyyy(p.class.startDate)} đến ngày ${ddmmyyyy(p.class.endDate)}`);
  row('Kết quả:', 'Hoàn thành', 'B');

  // Signature block (bottom right).
  const signX = W - 40 - 320;
  const signY = Math.max(y + 6, 420);
  doc
    .fillColor(INK)
    .font('I')
    .fontSize(12.5)
    .text(placeDateLine(p.issuer.place, p.issuedOn), signX, signY, { width: 320, align: 'center' });
  doc
    .font('B')
    .fontSize(12.5)
    .text(input.signerTitle, signX, doc.y + 4, { width: 320, align: 'center' });
  doc
    .fillColor(GREY)
    .font('I')
    .fontSize(10)
    .text('(Đã ký số)', signX, doc.y + 4, { width: 320, align: 'center' });

  // QR code and how to verify (bottom left).
  const qrSize = 92;
  const qrX = 48;
  const qrY = H - 48 - qrSize;
  doc.image(qr, qrX, qrY, { width: qrSize, height: qrSize });
  const noteX = qrX + qrSize + 10;
  const noteW = 300;
  doc
    .fillColor(INK)
    .font('B')
    .fontSize(9.5)
    .text('Quét mã QR để kiểm tra giấy tờ này', noteX, qrY + 4, { width: noteW });
  doc
    .fillColor(GREY)
    .font('S')
    .fontSize(8)
    .text(input.verifyUrl, noteX, doc.y + 2, { width: noteW });
  doc
    .font('S')
    .fontSize(7.5)
    .text(`Ký số Ed25519, mã khóa ${p.keyId}. Dữ liệu ký số được nhúng trong tệp này để kiểm tra khi không có mạng.`, noteX, doc.y + 3, {
      width: noteW,
    });

  if (input.revokedOn) {
    doc.save();
    doc.rotate(-18, { origin: [W / 2, H / 2] });
    doc
      .fillColor(RED)
      .opacity(0.35)
      .font('B')
      .fontSize(46)
      .text(`ĐÃ THU HỒI ${ddmmyyyy(input.revokedOn)}`, 0, H / 2 - 30, { width: W, align: 'center' });
    doc.restore();
  }

  // The signed data as an attachment too, for readers that show attachments.
  doc.file(Buffer.from(JSON.stringify({ payload: p, signature: input.signature, algorithm: 'Ed25519', keyId: p.keyId }, null, 2), 'utf8'), {
    name: `du-lieu-ky-so-${p.number.replaceAll('/', '-')}.json`,
    type: 'application/json',
    description: 'Dữ liệu giấy chứng nhận đã ký số (Ed25519)',
  });

  return finish(doc);
}

function finish(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
