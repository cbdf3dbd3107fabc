/**
 * Pure rules of every upload: what a file really is, judged by its first bytes and never by its name,
 * and whether it is one of the kinds a form accepts (a disguised file — a name that says one thing
 * over content that is another — is refused). No IO here; `upload.ts` reads the request.
 */
export type FileKind = 'pdf' | 'jpg' | 'png' | 'docx' | 'xlsx';

export const FILE_KIND_MIME: Record<FileKind, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
export const FILE_KIND_LABEL: Record<FileKind, string> = { pdf: 'PDF', jpg: 'JPG', png: 'PNG', docx: 'DOCX', xlsx: 'XLSX' };

const startsWith = (buf: Buffer, bytes: number[]) => buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);

/** The file's real kind from its content, or null when it is none of the kinds we know. */
export function sniffFile(buf: Buffer): FileKind | null {
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  // Office Open XML: a zip archive; entry names are stored uncompressed, so the main part tells which.
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    if (buf.includes('word/document.xml', 0, 'latin1')) return 'docx';
    if (buf.includes('xl/workbook.xml', 0, 'latin1')) return 'xlsx';
  }
  return null;
}

/** The extension the name claims, lower case (jpeg → jpg). */
export function claimedKind(fileName: string): string {
  const ext = (/\.([a-z0-9]+)$/i.exec(fileName)?.[1] ?? '').toLowerCase();
  return ext === 'jpeg' ? 'jpg' : ext;
}

/** "5 MB" style size for messages. */
export const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

/**
 * Checks an upload against the accepted kinds: returns the kind, or a Vietnamese problem naming
 * what is wrong (empty, too large, not an accepted kind, name and content disagree).
 */
export function checkUpload(
  fileName: string,
  buf: Buffer,
  accepted: readonly FileKind[],
  maxBytes: number,
): { kind: FileKind } | { problem: string } {
  const list = accepted.map((k) => FILE_KIND_LABEL[k]).join(', ');
  if (buf.length === 0) return { problem: 'tệp rỗng' };
  if (buf.length > maxBytes) return { problem: `vượt quá ${megabytes(maxBytes)} MB` };
  const kind = sniffFile(buf);
  if (!kind || !accepted.includes(kind)) return { problem: `nội dung tệp không phải ${list} (chỉ nhận ${list})` };
  const claimed = claimedKind(fileName);
  if (claimed !== kind)
    return { problem: `tên tệp có đuôi ".${claimed || '?'}" nhưng nội dung là ${FILE_KIND_LABEL[kind]}; hãy đặt đúng đuôi tệp` };
  return { kind };
}
