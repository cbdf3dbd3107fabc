/**
 * Public verification of certificates (SPEC §6): the signature is recomputed over the stored
 * payload on every check, so a payload changed in the database shows as invalid; the published
 * public keys (current and earlier ones) let anyone verify a certificate file offline.
 */
import crypto, { type KeyObject } from 'node:crypto';
import {
  certificateNumberFromSlug,
  type CertificatePublicKey,
  type CertificatePublicKeysResponse,
  type CertificateVerification,
} from '@app/shared';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { AppConfig } from '../../config.ts';
import { vietnamDate } from '../../clock.ts';
import { notFound } from '../../http/errors.ts';
import { currentSigningKey } from './certificate-keys.ts';
import { verifyPayload } from './certificate-signature.ts';
import * as repo from './certificates.repository.ts';
import {
  certificateKindLabel,
  CertificatePayloadSchema,
  maskHolderName,
  programmeTypeLabel,
  verificationMessage,
  verificationStatus,
  type CertificatePayload,
  type SignatureProblem,
} from './certificates.rules.ts';

export interface VerificationDeps {
  db: Db;
  config: Pick<AppConfig, 'env' | 'dataDir'>;
}

export interface SignatureCheck {
  signatureValid: boolean;
  problem: SignatureProblem | null;
  /** the stored payload when it has the shape of one */
  payload: CertificatePayload | null;
}

/**
 * The public key that verifies `keyId`: a registered one (every key is registered when it first
 * signs), else the current signing key. Verification keeps working when the private key is absent.
 */
async function trustedKey(deps: VerificationDeps, db: DbOrTx, keyId: string): Promise<{ key: KeyObject | null; revoked: boolean }> {
  const registered = await repo.findSigningKey(db, keyId);
  if (registered?.revokedAt) return { key: null, revoked: true };
  if (registered) return { key: crypto.createPublicKey(registered.publicKeyPem), revoked: false };
  let current: { keyId: string; publicKey: KeyObject } | null = null;
  try {
    current = currentSigningKey(deps.config);
  } catch {
    current = null;
  }
  return { key: current?.keyId === keyId ? current.publicKey : null, revoked: false };
}

/**
 * Recomputes the signature over the stored payload; the payload must also name this row's number
 * and key (a valid payload copied from another certificate does not pass).
 */
export async function checkSignature(
  deps: VerificationDeps,
  db: DbOrTx,
  cert: Pick<repo.CertificateRow, 'number' | 'payload' | 'signature' | 'keyId'>,
): Promise<SignatureCheck> {
  const parsed = CertificatePayloadSchema.safeParse(cert.payload);
  const payload = parsed.success ? parsed.data : null;
  const { key, revoked } = await trustedKey(deps, db, cert.keyId);
  if (revoked) return { signatureValid: false, problem: 'revoked_key', payload };
  if (!key) return { signatureValid: false, problem: 'unknown_key', payload };
  const matches = payload !== null && payload.number === cert.number && payload.keyId === cert.keyId;
  const ok = matches && verifyPayload(cert.payload, cert.signature, key);
  return { signatureValid: ok, problem: ok ? null : payload ? 'mismatch' : 'malformed', payload };
}

export async function verifyCertificate(deps: VerificationDeps, numberParam: string): Promise<CertificateVerification> {
  const number = certificateNumberFromSlug(numberParam);
  const row = await repo.findCertificate(deps.db, number);
  if (!row) throw notFound(`Không tìm thấy giấy chứng nhận, chứng chỉ số ${number}. Hãy kiểm tra lại số in trên giấy.`);
  const check = await checkSignature(deps, deps.db, row.cert);
  const revoked = row.cert.revokedAt !== null;
  const status = verificationStatus(check.signatureValid, revoked);
  const revokedOn = row.cert.revokedAt ? vietnamDate(row.cert.revokedAt) : null;
  // What is shown comes from the signed payload; from the registry only when the payload is unreadable.
  const p = check.payload;
  const programmeType = p?.programme.type ?? row.p.type;
  return {
    number: row.cert.number,
    status,
    valid: status === 'valid',
    revoked,
    revokedReason: row.cert.revokedReason,
    revokedAt: revokedOn,
    signatureValid: check.signatureValid,
    message: verificationMessage(status, {
      kind: certificateKindLabel(programmeType),
      revokedOn,
      revokedReason: row.cert.revokedReason,
      problem: check.problem,
      keyId: row.cert.keyId,
    }),
    holder: maskHolderName(p?.holder.fullName ?? row.o.fullName),
    programme: {
      code: p?.programme.code ?? row.p.code,
      name: p?.programme.name ?? row.p.name,
      type: programmeType,
      typeLabel: programmeTypeLabel(programmeType),
    },
    classDates: { startDate: p?.class.startDate ?? row.c.startDate, endDate: p?.class.endDate ?? row.c.endDate },
    issuer: { code: p?.issuer.code ?? row.org.code, name: p?.issuer.name ?? row.org.name },
    issuedAt: p?.issuedOn ?? row.cert.issuedOn,
    keyId: row.cert.keyId,
    algorithm: 'Ed25519',
  };
}

/** The current public key, or an earlier one by its id. */
export async function publicKey(deps: VerificationDeps, keyId?: string): Promise<CertificatePublicKey> {
  const current = currentSigningKey(deps.config);
  if (!keyId || keyId === current.keyId) return { keyId: current.keyId, algorithm: 'Ed25519', publicKeyPem: current.publicKeyPem };
  const row = await repo.findSigningKey(deps.db, keyId);
  if (!row) throw notFound(`Không có khóa công khai mã ${keyId}.`);
  return { keyId: row.keyId, algorithm: 'Ed25519', publicKeyPem: row.publicKeyPem };
}

/** Every key that has signed certificates (key rotation keeps old certificates verifiable), plus the current one. */
export async function publicKeys(deps: VerificationDeps): Promise<CertificatePublicKeysResponse> {
  const current = currentSigningKey(deps.config);
  const rows = await repo.listSigningKeys(deps.db);
  const keys: CertificatePublicKeysResponse['keys'] = rows.map((r) => ({
    keyId: r.keyId,
    algorithm: 'Ed25519',
    publicKeyPem: r.publicKeyPem,
    current: r.keyId === current.keyId,
    firstUsedAt: r.firstUsedAt.toISOString(),
    revoked: r.revokedAt !== null,
  }));
  if (!rows.some((r) => r.keyId === current.keyId)) {
    keys.push({
      keyId: current.keyId,
      algorithm: 'Ed25519',
      publicKeyPem: current.publicKeyPem,
      current: true,
      firstUsedAt: null,
      revoked: false,
    });
  }
  return { currentKeyId: current.keyId, keys };
}
