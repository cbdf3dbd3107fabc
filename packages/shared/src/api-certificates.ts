/**
 * Request/response schemas of certificates (SPEC §6 "Certificates"): issuing for completed
 * learners of a finished class, the signed record, PDF download, public verification,
 * revocation, and the published Ed25519 public keys.
 *
 * A certificate number reads `<org code>/<year>/<6-digit sequence>` (e.g. `TCT.66/2027/000012`).
 * In URLs the slashes become dashes (`TCT.66-2027-000012`, see `certificateSlug`): the public
 * verification page is `/xac-thuc/<slug>` and the API accepts either form.
 */
import { z } from 'zod';
import { PROGRAMME_TYPES } from './officials.ts';

export const CERTIFICATE_ALGORITHM = 'Ed25519' as const;

/** `HVCTQG/2027/000012` → `HVCTQG-2027-000012` (safe in a URL path segment and a QR code). */
export function certificateSlug(number: string): string {
  const m = /^(.+)\/(\d{4})\/(\d{6})$/.exec(number);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : number;
}

/** The number a URL segment names: the slug form (`…-2027-000012`) or the number itself. */
export function certificateNumberFromSlug(segment: string): string {
  const s = segment.trim();
  if (s.includes('/')) return s;
  const m = /^(.+)-(\d{4})-(\d{6})$/.exec(s);
  return m ? `${m[1]}/${m[2]}/${m[3]}` : s;
}

/** Path of the public verification page for a certificate (the web client serves it). */
export function certificateVerifyPath(number: string): string {
  return `/xac-thuc/${encodeURIComponent(certificateSlug(number))}`;
}

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'Mã hồ sơ cán bộ, công chức không hợp lệ');
const isoDate = z.string();

export const CertificateNumberParams = z.object({
  number: z.string().trim().min(1, 'Số giấy chứng nhận không được để trống').max(100, 'Số giấy chứng nhận quá dài'),
});

export const CertificateListQuery = z.object({
  officialId: uuid.optional(),
  classId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  /** `true`: only revoked; `false`: only valid ones */
  revoked: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type CertificateListQuery = z.infer<typeof CertificateListQuery>;

export const CertificateItem = z.object({
  number: z.string(),
  /** URL form of the number (dashes instead of slashes) */
  slug: z.string(),
  enrolmentId: z.number().int(),
  officialId: z.string(),
  holderName: z.string(),
  holderBirthDate: isoDate,
  provinceCode: z.string(),
  communeCode: z.string(),
  programme: z.object({ id: z.number().int(), code: z.string(), name: z.string(), type: z.enum(PROGRAMME_TYPES) }),
  class: z.object({ id: z.number().int(), code: z.string(), name: z.string(), startDate: isoDate, endDate: isoDate }),
  issuer: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
  issuedOn: isoDate,
  keyId: z.string(),
  /** a CMCN certificate: it makes the holder meet the position's professional requirement */
  meetsRequirement: z.boolean(),
  revoked: z.boolean(),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
  revokedBy: z.string().nullable(),
  pdfUrl: z.string(),
  verifyPath: z.string(),
  canRevoke: z.boolean(),
});
export type CertificateItem = z.infer<typeof CertificateItem>;

export const CertificateListResponse = z.object({ items: z.array(CertificateItem), total: z.number().int() });
export type CertificateListResponse = z.infer<typeof CertificateListResponse>;

export const IssueClassCertificatesResponse = z.object({
  classId: z.number().int(),
  issued: z.array(CertificateItem),
  /** completed learners who already had a certificate */
  alreadyIssued: z.number().int(),
  /** nominated learners who get none, with the reason (not completed, failed, no result yet…) */
  notEligible: z.array(z.object({ enrolmentId: z.number().int(), officialId: z.string(), fullName: z.string(), reason: z.string() })),
});
export type IssueClassCertificatesResponse = z.infer<typeof IssueClassCertificatesResponse>;

export const RevokeCertificateRequest = z.object({
  reason: z.string().trim().min(5, 'cần ghi rõ lý do thu hồi (ít nhất 5 ký tự)').max(1000),
});
export type RevokeCertificateRequest = z.infer<typeof RevokeCertificateRequest>;

export const CERTIFICATE_VERIFY_STATUSES = ['valid', 'revoked', 'invalid'] as const;
export type CertificateVerifyStatus = (typeof CERTIFICATE_VERIFY_STATUSES)[number];
export const CERTIFICATE_VERIFY_STATUS_LABELS: Record<CertificateVerifyStatus, string> = {
  valid: 'Hợp lệ',
  revoked: 'Đã bị thu hồi',
  invalid: 'Không hợp lệ (dữ liệu không khớp chữ ký số)',
};

/** What the public verification page shows: only what is needed (SPEC §6). */
export const CertificateVerification = z.object({
  number: z.string(),
  status: z.enum(CERTIFICATE_VERIFY_STATUSES),
  /** signature correct and not revoked */
  valid: z.boolean(),
  revoked: z.boolean(),
  revokedReason: z.string().nullable(),
  /** ISO date (Vietnam) of the revocation */
  revokedAt: z.string().nullable(),
  signatureValid: z.boolean(),
  message: z.string(),
  /** masked: initials of family and middle names, e.g. "N. V. An" */
  holder: z.string(),
  programme: z.object({ code: z.string(), name: z.string(), type: z.string(), typeLabel: z.string() }),
  classDates: z.object({ startDate: isoDate, endDate: isoDate }),
  issuer: z.object({ code: z.string(), name: z.string() }),
  /** ISO date of issue */
  issuedAt: isoDate,
  keyId: z.string(),
  algorithm: z.literal(CERTIFICATE_ALGORITHM),
});
export type CertificateVerification = z.infer<typeof CertificateVerification>;

export const CertificatePublicKey = z.object({
  keyId: z.string(),
  algorithm: z.literal(CERTIFICATE_ALGORITHM),
  publicKeyPem: z.string(),
});
export type CertificatePublicKey = z.infer<typeof CertificatePublicKey>;

export const CertificatePublicKeyQuery = z.object({
  keyId: z
    .string()
    .trim()
    .regex(/^[0-9a-f]{16}$/, 'Mã khóa gồm 16 chữ số hệ 16')
    .optional(),
});

export const CertificatePublicKeysResponse = z.object({
  currentKeyId: z.string(),
  keys: z.array(
    CertificatePublicKey.extend({
      current: z.boolean(),
      firstUsedAt: z.string().nullable(),
      revoked: z.boolean(),
    }),
  ),
});
export type CertificatePublicKeysResponse = z.infer<typeof CertificatePublicKeysResponse>;
