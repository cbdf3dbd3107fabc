/**
 * SPEC §6 "Certificates": the public keys that have signed certificates (key rotation).
 * Every key a server signs with is registered here on first use, so certificates signed with a
 * retired key keep verifying after the signing key is rotated, and several stateless servers see
 * the same list. The private key never enters the database (CERT_SIGNING_KEY or DATA_DIR/keys).
 */
import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const certificateSigningKeys = pgTable('certificate_signing_keys', {
  /** first 16 hex digits of SHA-256 over the public key's DER (SPKI) encoding */
  keyId: text('key_id').primaryKey(),
  algorithm: text('algorithm', { enum: ['Ed25519'] })
    .notNull()
    .default('Ed25519'),
  publicKeyPem: text('public_key_pem').notNull(),
  firstUsedAt: timestamp('first_used_at', { withTimezone: true }).notNull().defaultNow(),
  /** a compromised key: signatures made with it are no longer trusted */
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  revokedReason: text('revoked_reason'),
});
