/** The certificate as documents (SPEC §6): one PDF, and a .zip of a class's PDFs. */
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import type { Archiver, ArchiverOptions } from 'archiver';
import { certificateSlug, certificateVerifyPath } from '@app/shared';
import { vietnamDate } from '../../clock.ts';
import { assertCan, can, type Actor } from '../../authz/policy.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { renderCertificatePdf } from './certificate-pdf.ts';
import * as repo from './certificates.repository.ts';
import { certificateKindLabel, signerTitle } from './certificates.rules.ts';
import { certificateTarget, visibleCertificate, type CertificatesDeps } from './certificates.service.ts';
import { checkSignature } from './verification.service.ts';

// archiver 5 (installed) exports a factory; @types/archiver 8 describes archiver 8's classes, whose
// instance API (append, finalize, a Transform stream) is the same.
const archiver = createRequire(import.meta.url)('archiver') as (format: 'zip', options?: ArchiverOptions) => Archiver;

async function renderRow(deps: CertificatesDeps, row: repo.CertificateDetailRow, baseUrl: string): Promise<Buffer | null> {
  const check = await checkSignature(deps, deps.db, row.cert);
  if (!check.signatureValid || !check.payload) return null;
  return renderCertificatePdf({
    payload: check.payload,
    signature: row.cert.signature,
    holderGender: row.o.gender,
    signerTitle: signerTitle(row.org.kind),
    verifyUrl: `${baseUrl}${certificateVerifyPath(row.cert.number)}`,
    revokedOn: row.cert.revokedAt ? vietnamDate(row.cert.revokedAt) : null,
  });
}

function fileNameOf(row: repo.CertificateDetailRow): string {
  return `${row.p.type === 'CMCN' ? 'chung-chi' : 'giay-chung-nhan'}-${certificateSlug(row.cert.number)}.pdf`;
}

/** GET /api/certificates/:number/pdf — the holder, admins of the holder's scope, the issuing organisation. */
export async function certificatePdf(
  deps: CertificatesDeps,
  actor: Actor,
  numberParam: string,
  baseUrl: string,
): Promise<{ fileName: string; pdf: Buffer }> {
  const row = await visibleCertificate(deps.db, actor, numberParam);
  const pdf = await renderRow(deps, row, baseUrl);
  if (!pdf) {
    throw conflict(
      `Dữ liệu ${certificateKindLabel(row.p.type)} số ${row.cert.number} không khớp chữ ký số (có thể đã bị sửa đổi); không xuất bản in. Đề nghị liên hệ cơ sở đào tạo đã cấp.`,
    );
  }
  return { fileName: fileNameOf(row), pdf };
}

/** GET /api/classes/:id/certificates.zip — the class's certificates the actor may see, one PDF each. */
export async function classCertificatesZip(
  deps: CertificatesDeps,
  actor: Actor,
  classId: number,
  baseUrl: string,
): Promise<{ fileName: string; count: number; stream: Readable }> {
  assertCan(actor, 'certificates.read');
  const rows = (await repo.certificatesOfClass(deps.db, classId)).filter((r) => can(actor, 'certificates.read', certificateTarget(r)));
  if (rows.length === 0) throw notFound('Lớp này không có giấy chứng nhận nào trong phạm vi của bạn.');
  const files: { name: string; pdf: Buffer }[] = [];
  const skipped: string[] = [];
  for (const row of rows) {
    const pdf = await renderRow(deps, row, baseUrl);
    if (pdf) files.push({ name: fileNameOf(row), pdf });
    else skipped.push(row.cert.number);
  }
  const zip = archiver('zip', { zlib: { level: 6 } });
  for (const f of files) zip.append(f.pdf, { name: f.name });
  if (skipped.length) {
    zip.append(`Các giấy chứng nhận sau không khớp chữ ký số nên không được xuất:\r\n${skipped.join('\r\n')}\r\n`, {
      name: 'CANH-BAO.txt',
    });
  }
  void zip.finalize();
  return { fileName: `giay-chung-nhan-lop-${rows[0]!.c.code}.zip`, count: files.length, stream: zip };
}
