/** Headers for files the API sends back (exports, certificates, uploads). */

/**
 * `attachment; filename="ascii"; filename*=UTF-8''…` (RFC 6266): Vietnamese names keep their
 * diacritics in `filename*`; the plain `filename` fallback drops them (đ → d) for old clients.
 */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\w.-]+/g, '-');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName.normalize('NFC'))}`;
}
