/**
 * Pure rules shared by the learner modules: what an uploaded file really is (by its first bytes,
 * never by its name) and calendar arithmetic on YYYY-MM-DD dates.
 */
export type FileKind = 'pdf' | 'jpg' | 'png' | 'docx';

export const FILE_KIND_MIME: Record<FileKind, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
export const FILE_KIND_LABEL: Record<FileKind, string> = { pdf: 'PDF', jpg: 'JPG', png: 'PNG', docx: 'DOCX' };

const startsWith = (buf: Buffer, bytes: number[]) => buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);

/** The file's real kind from its content, or null when it is none of the kinds we accept. */
export function sniffFile(buf: Buffer): FileKind | null {
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  // DOCX: a zip archive whose entries include word/document.xml (names are stored uncompressed).
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) && buf.includes('word/document.xml', 0, 'latin1')) return 'docx';
  return null;
}

/** The extension the name claims, lower case (jpeg → jpg). */
export function claimedKind(fileName: string): string {
  const ext = (/\.([a-z0-9]+)$/i.exec(fileName)?.[1] ?? '').toLowerCase();
  return ext === 'jpeg' ? 'jpg' : ext;
}

/**
 * Checks an upload against the accepted kinds: returns the kind, or a Vietnamese problem
 * (disguised files — a name that says one thing over content that is another — are refused).
 */
export function checkUpload(
  fileName: string,
  buf: Buffer,
  accepted: readonly FileKind[],
  maxBytes: number,
): { kind: FileKind } | { problem: string } {
  const list = accepted.map((k) => FILE_KIND_LABEL[k]).join(', ');
  if (buf.length === 0) return { problem: 'tệp rỗng' };
  if (buf.length > maxBytes) return { problem: `vượt quá ${Math.round(maxBytes / 1024 / 1024)} MB` };
  const kind = sniffFile(buf);
  if (!kind || !accepted.includes(kind)) return { problem: `nội dung tệp không phải ${list} (chỉ nhận ${list})` };
  const claimed = claimedKind(fileName);
  if (claimed !== kind)
    return { problem: `tên tệp có đuôi ".${claimed || '?'}" nhưng nội dung là ${FILE_KIND_LABEL[kind]}; hãy đặt đúng đuôi tệp` };
  return { kind };
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** ISO week of a date as "2026-W48" (for weekly reminder keys). */
export function isoWeek(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  const day = (d.getUTCDay() + 6) % 7; // Monday = 0
  d.setUTCDate(d.getUTCDate() - day + 3); // Thursday of this week
  const year = d.getUTCFullYear();
  const week = Math.floor((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
