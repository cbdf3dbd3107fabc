/**
 * Pure rules of certificates (SPEC §6 "Certificates"). No IO: unit-tested exhaustively in
 * certificates.rules.test.ts.
 */
import { ENROLMENT_RESULT_LABELS, PROGRAMME_TYPE_LABELS, type ProgrammeType } from '@app/shared';
import { z } from 'zod';

// ---------- the signed payload ----------

/** The facts a certificate attests, exactly what is signed (canonical JSON, see `canonicalJson`). */
export const CertificatePayloadSchema = z.object({
  v: z.literal(1),
  number: z.string(),
  holder: z.object({ fullName: z.string(), birthDate: z.string() }),
  programme: z.object({ code: z.string(), name: z.string(), type: z.string() }),
  class: z.object({ code: z.string(), name: z.string(), startDate: z.string(), endDate: z.string() }),
  issuer: z.object({ code: z.string(), name: z.string(), place: z.string() }),
  result: z.literal('completed'),
  issuedOn: z.string(),
  keyId: z.string(),
  algorithm: z.literal('Ed25519'),
});
export type CertificatePayload = z.infer<typeof CertificatePayloadSchema>;

export interface CertificateFacts {
  number: string;
  holder: { fullName: string; birthDate: string };
  programme: { code: string; name: string; type: ProgrammeType };
  class: { code: string; name: string; startDate: string; endDate: string };
  issuer: { code: string; name: string; place: string };
  issuedOn: string;
  keyId: string;
}

/** NFC, trimmed, inner runs of spaces collapsed (NFD text would sign different bytes and print "Phạ m"). */
export function cleanText(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function buildPayload(f: CertificateFacts): CertificatePayload {
  return {
    v: 1,
    number: f.number,
    holder: { fullName: cleanText(f.holder.fullName), birthDate: f.holder.birthDate },
    programme: { code: cleanText(f.programme.code), name: cleanText(f.programme.name), type: f.programme.type },
    class: { code: cleanText(f.class.code), name: cleanText(f.class.name), startDate: f.class.startDate, endDate: f.class.endDate },
    issuer: { code: f.issuer.code, name: cleanText(f.issuer.name), place: cleanText(f.issuer.place) },
    result: 'completed',
    issuedOn: f.issuedOn,
    keyId: f.keyId,
    algorithm: 'Ed25519',
  };
}

/**
 * Canonical JSON: object keys sorted by code point, no whitespace, strings NFC. The same facts
 * always give the same bytes, whatever order PostgreSQL's jsonb or a JSON parser returns keys in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.normalize('NFC'));
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new Error('canonicalJson: số không hữu hạn');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    default:
      throw new Error(`canonicalJson: kiểu dữ liệu không hỗ trợ (${typeof value})`);
  }
}

// ---------- numbers ----------

export const MAX_SEQUENCE = 999_999;

/** `<org code>/<year>/<6-digit sequence>`; the sequence restarts every year for each organisation. */
export function formatCertificateNumber(orgCode: string, year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) {
    throw new Error(`Số thứ tự giấy chứng nhận phải từ 1 đến ${MAX_SEQUENCE}`);
  }
  return `${certificateNumberPrefix(orgCode, year)}${String(sequence).padStart(6, '0')}`;
}

export function certificateNumberPrefix(orgCode: string, year: number): string {
  return `${orgCode}/${year}/`;
}

/** The sequence part of a number with the given prefix, or null when the number has another shape. */
export function sequenceOf(number: string, prefix: string): number | null {
  if (!number.startsWith(prefix)) return null;
  const rest = number.slice(prefix.length);
  return /^\d{6}$/.test(rest) ? Number(rest) : null;
}

// ---------- who gets one ----------

export interface IssuableClass {
  status: 'planned' | 'open' | 'running' | 'finished' | 'closed' | 'cancelled';
  code: string;
  programmeApproval: 'draft' | 'approved' | 'retired';
}

/** Why no certificate can be issued for any learner of this class (null: the class is fine). */
export function classRefusal(c: IssuableClass): string | null {
  if (c.status === 'cancelled') return `Lớp ${c.code} đã bị hủy; không cấp giấy chứng nhận.`;
  if (c.status !== 'finished' && c.status !== 'closed') {
    return `Lớp ${c.code} chưa kết thúc; chỉ cấp giấy chứng nhận khi lớp đã kết thúc (đã ghi nhận kết quả học tập).`;
  }
  if (c.programmeApproval === 'draft') return `Chương trình của lớp ${c.code} chưa được phê duyệt; không cấp giấy chứng nhận.`;
  return null;
}

export interface IssuableEnrolment {
  status: 'pending_approval' | 'nominated' | 'waitlisted' | 'cancelled';
  result: 'completed' | 'failed' | null;
}

/** Why this learner gets no certificate (null: eligible). Failed or cancelled enrolments never do (SPEC §9). */
export function enrolmentRefusal(e: IssuableEnrolment): string | null {
  switch (e.status) {
    case 'cancelled':
      return 'Học viên đã bị hủy cử đi học; không cấp giấy chứng nhận.';
    case 'waitlisted':
      return 'Học viên ở danh sách chờ, không học lớp này; không cấp giấy chứng nhận.';
    case 'pending_approval':
      return 'Việc cử học viên chưa được thủ trưởng đơn vị duyệt; không cấp giấy chứng nhận.';
    case 'nominated':
      break;
  }
  if (e.result === null) return 'Chưa ghi nhận kết quả học tập của học viên; chỉ cấp giấy chứng nhận cho học viên đã hoàn thành khóa học.';
  if (e.result === 'failed') {
    return `Học viên có kết quả "${ENROLMENT_RESULT_LABELS.failed}"; chỉ cấp giấy chứng nhận cho học viên đã hoàn thành khóa học.`;
  }
  return null;
}

// ---------- what the document says ----------

/** CMCN (3-month specialised knowledge) grants a "chứng chỉ"; other programmes a "giấy chứng nhận". */
export function certificateTitle(programmeType: string): 'CHỨNG CHỈ' | 'GIẤY CHỨNG NHẬN' {
  return programmeType === 'CMCN' ? 'CHỨNG CHỈ' : 'GIẤY CHỨNG NHẬN';
}

export function certificateKindLabel(programmeType: string): string {
  return programmeType === 'CMCN' ? 'chứng chỉ' : 'giấy chứng nhận';
}

export function programmeTypeLabel(type: string): string {
  return (PROGRAMME_TYPE_LABELS as Record<string, string>)[type] ?? type;
}

/** Who signs for the organisation: the director of an academy, the principal of a school. */
export function signerTitle(orgKind: string): string {
  switch (orgKind) {
    case 'hoc_vien':
      return 'GIÁM ĐỐC';
    case 'truong_chinh_tri':
    case 'dai_hoc':
    case 'truong_bo_nganh':
      return 'HIỆU TRƯỞNG';
    default:
      return 'THỦ TRƯỞNG CƠ SỞ ĐÀO TẠO';
  }
}

/** The place of issue: the organisation's province; national academies without one sit in Hà Nội. */
export function placeOfIssue(provinceName: string | null): string {
  return provinceName ? cleanText(provinceName) : 'Hà Nội';
}

/** dd/mm/yyyy from an ISO date. */
export function ddmmyyyy(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** Decree 30/2020 place-date line: "Đắk Lắk, ngày 05 tháng 02 năm 2027" (leading zeros for days 1–9 and months 1–2). */
export function placeDateLine(place: string, isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  const month = Number(m) <= 2 ? m : String(Number(m));
  return `${place}, ngày ${d} tháng ${month} năm ${y}`;
}

export function honorificOf(gender: 'nam' | 'nu' | null | undefined): string {
  return gender === 'nam' ? 'Ông' : gender === 'nu' ? 'Bà' : 'Ông/Bà';
}

/**
 * The holder's name as the public page shows it: initials of the family and middle names, the
 * given name (the last word) in full: "Nguyễn Văn An" → "N. V. An".
 */
export function maskHolderName(fullName: string): string {
  const words = cleanText(fullName).split(' ').filter(Boolean);
  if (words.length === 0) return '';
  const given = words[words.length - 1]!;
  const initials = words.slice(0, -1).map((w) => `${Array.from(w)[0]!.toLocaleUpperCase('vi')}.`);
  return [...initials, given].join(' ');
}

// ---------- CMCN certificate and "meets the position's requirement" (SPEC §6) ----------

export function meetsRequirementReason(number: string): string {
  return `Có chứng chỉ bồi dưỡng kiến thức chuyên môn chuyên ngành số ${number}`;
}

/** Did this certificate set the official's override (so revoking it should undo that)? */
export function overrideCameFrom(override: boolean | null, reason: string | null, number: string): boolean {
  return override === true && reason === meetsRequirementReason(number);
}

export function revocationFlagReason(number: string, reason: string): string {
  return `Thu hồi chứng chỉ số ${number}: ${cleanText(reason)}`;
}

// ---------- verification ----------

export type VerifyStatus = 'valid' | 'revoked' | 'invalid';
export type SignatureProblem = 'mismatch' | 'unknown_key' | 'revoked_key' | 'malformed';

export function verificationStatus(signatureValid: boolean, revoked: boolean): VerifyStatus {
  if (!signatureValid) return 'invalid';
  return revoked ? 'revoked' : 'valid';
}

export function verificationMessage(
  status: VerifyStatus,
  o: { kind: string; revokedOn?: string | null; revokedReason?: string | null; problem?: SignatureProblem | null; keyId?: string },
): string {
  const kind = o.kind.charAt(0).toLocaleUpperCase('vi') + o.kind.slice(1);
  switch (status) {
    case 'valid':
      return `${kind} hợp lệ: chữ ký số đúng và chưa bị thu hồi.`;
    case 'revoked': {
      const when = o.revokedOn ? ` ngày ${ddmmyyyy(o.revokedOn)}` : '';
      const why = o.revokedReason ? ` Lý do: ${o.revokedReason}` : '';
      return `${kind} đã bị thu hồi${when}; không còn giá trị.${why}`;
    }
    case 'invalid':
      switch (o.problem) {
        case 'unknown_key':
          return `${kind} không hợp lệ: không có khóa công khai mã ${o.keyId ?? ''} để kiểm tra chữ ký số.`;
        case 'revoked_key':
          return `${kind} không hợp lệ: khóa ký số mã ${o.keyId ?? ''} đã bị thu hồi, chữ ký không còn được tin cậy.`;
        default:
          return `${kind} không hợp lệ: dữ liệu lưu trữ không khớp với chữ ký số (có thể đã bị sửa đổi). Đề nghị liên hệ cơ sở đào tạo đã cấp.`;
      }
  }
}
