/**
 * Ed25519 signatures over a certificate's canonical JSON (SPEC §6), and the form in which the
 * signed payload travels inside a PDF so the file alone can be verified offline
 * (`npm run cert:verify`). No IO: the server, the CLI and the tests share this file.
 */
import crypto, { type KeyObject } from 'node:crypto';
import { canonicalJson, CertificatePayloadSchema, type CertificatePayload } from './certificates.rules.ts';

/** First 16 hex digits of SHA-256 over the public key's DER (SPKI): every server sharing a key names it alike. */
export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return crypto.createHash('sha256').update(der).digest('hex').slice(0, 16);
}

export function publicKeyPemOf(publicKey: KeyObject): string {
  return publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

export function isEd25519(key: KeyObject): boolean {
  return key.asymmetricKeyType === 'ed25519';
}

/** base64 Ed25519 signature over the canonical JSON of the payload. */
export function signPayload(payload: unknown, privateKey: KeyObject): string {
  return crypto.sign(null, Buffer.from(canonicalJson(payload), 'utf8'), privateKey).toString('base64');
}

export function verifySignature(canonical: string, signatureB64: string, publicKey: KeyObject): boolean {
  try {
    const sig = Buffer.from(signatureB64, 'base64');
    if (sig.length !== 64) return false;
    return crypto.verify(null, Buffer.from(canonical, 'utf8'), publicKey, sig);
  } catch {
    return false;
  }
}

export function verifyPayload(payload: unknown, signatureB64: string, publicKey: KeyObject): boolean {
  let canonical: string;
  try {
    canonical = canonicalJson(payload);
  } catch {
    return false;
  }
  return verifySignature(canonical, signatureB64, publicKey);
}

/** Every PEM public key (SPKI) in a text, e.g. a key ring file or the JSON of GET /api/certificates/public-keys. */
export function parsePublicKeys(text: string): KeyObject[] {
  const pems: string[] = [];
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k === 'publicKeyPem' && typeof x === 'string') pems.push(x);
          else walk(x);
        }
      }
    };
    walk(JSON.parse(trimmed));
  } else {
    pems.push(...(text.match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g) ?? []));
    // A private key is accepted too (the operator's own install): its public half is what verifies.
    for (const priv of text.match(/-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/g) ?? []) {
      pems.push(publicKeyPemOf(crypto.createPublicKey(priv)));
    }
  }
  return pems.map((p) => crypto.createPublicKey(p)).filter(isEd25519);
}

// ---------- embedding in the PDF ----------

/** Marker of the signed data in the PDF's Keywords (document information dictionary). */
export const EMBED_MARKER = 'BDCBCC-CERT-V1';
const EMBED_RE = /BDCBCC-CERT-V1:([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)/;

/** `BDCBCC-CERT-V1:<base64url canonical JSON>.<base64url signature>`: ASCII only, so PDF stores it as plain text. */
export function encodeEmbedded(payload: unknown, signatureB64: string): string {
  const body = Buffer.from(canonicalJson(payload), 'utf8').toString('base64url');
  const sig = Buffer.from(signatureB64, 'base64').toString('base64url');
  return `${EMBED_MARKER}:${body}.${sig}`;
}

export interface EmbeddedCertificate {
  /** the exact bytes that were signed */
  canonical: string;
  signature: string;
  /** the parsed payload, or null when it is not a certificate payload */
  payload: CertificatePayload | null;
  /** false when the file holds several copies of the signed data that differ */
  consistent: boolean;
}

/** Finds the signed data in a PDF (or any text holding it); null when the file carries none. */
export function extractEmbedded(file: Buffer | string): EmbeddedCertificate | null {
  const text = typeof file === 'string' ? file : file.toString('latin1');
  const all = [...text.matchAll(new RegExp(EMBED_RE.source, 'g'))];
  const m = all[0];
  if (!m) return null;
  // PDF writers may keep the Keywords twice (information dictionary and XMP): every copy must agree.
  const consistent = all.every((x) => x[0] === m[0]);
  const canonical = Buffer.from(m[1]!, 'base64url').toString('utf8');
  const signature = Buffer.from(m[2]!, 'base64url').toString('base64');
  let payload: CertificatePayload | null = null;
  try {
    const parsed = CertificatePayloadSchema.safeParse(JSON.parse(canonical));
    payload = parsed.success ? parsed.data : null;
  } catch {
    payload = null;
  }
  return { canonical, signature, payload, consistent };
}

export type OfflineVerdict =
  { valid: true; payload: CertificatePayload; keyId: string } | { valid: false; reason: string; payload: CertificatePayload | null };

/**
 * Offline verification of a certificate file against trusted public keys: the embedded bytes must
 * be canonical, carry a certificate payload, name a key we hold, and the signature must match.
 * (Revocation cannot be known offline: the public verification page tells it.)
 */
export function verifyCertificateFile(file: Buffer, trustedKeys: KeyObject[]): OfflineVerdict {
  const e = extractEmbedded(file);
  if (!e) return { valid: false, reason: 'Tệp không chứa dữ liệu giấy chứng nhận đã ký số.', payload: null };
  if (!e.payload)
    return { valid: false, reason: 'Dữ liệu ký số trong tệp bị hỏng hoặc không đúng định dạng giấy chứng nhận.', payload: null };
  if (!e.consistent) return { valid: false, reason: 'Tệp chứa nhiều bản dữ liệu ký số khác nhau (đã bị sửa đổi).', payload: e.payload };
  let canonicalAgain: string;
  try {
    canonicalAgain = canonicalJson(JSON.parse(e.canonical));
  } catch {
    canonicalAgain = '';
  }
  if (canonicalAgain !== e.canonical) {
    return { valid: false, reason: 'Dữ liệu ký số trong tệp không ở dạng chuẩn (đã bị sửa đổi).', payload: e.payload };
  }
  const keyId = e.payload.keyId;
  const key = trustedKeys.find((k) => keyIdOf(k) === keyId);
  if (!key) {
    const have = trustedKeys.map(keyIdOf).join(', ') || 'không có';
    return { valid: false, reason: `Không có khóa công khai mã ${keyId} để kiểm tra (khóa đã nạp: ${have}).`, payload: e.payload };
  }
  if (!verifySignature(e.canonical, e.signature, key)) {
    return { valid: false, reason: 'Chữ ký số không khớp với nội dung: giấy chứng nhận đã bị sửa đổi hoặc giả mạo.', payload: e.payload };
  }
  return { valid: true, payload: e.payload, keyId };
}
