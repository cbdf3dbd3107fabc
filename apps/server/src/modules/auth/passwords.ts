/** argon2id password hashing (OWASP parameters: 19 MiB, 2 passes). */
import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 hashes with argon2id by default.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (passwordHash.startsWith(OTP_PREFIX)) return verifyOneTimePassword(passwordHash, password);
  try {
    return await verify(passwordHash, password.normalize('NFC'));
  } catch {
    return false;
  }
}

/** Verified against when the username does not exist, so timing does not reveal which usernames exist. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('khong-ton-tai-' + Math.random());
  return dummyHash;
}

// ---- one-time passwords of bulk-created accounts (added by the roster-import module) ----
// A random 10-character secret from makeTemporaryPassword (~58 bits) that must be changed at the
// first login (must_change_password): a salted SHA-256 is enough for it, and keeps a 500-account
// batch at milliseconds instead of ~50 s of argon2id. Format: $otp$sha256$<salt hex>$<digest hex>.
const OTP_PREFIX = '$otp$sha256$';

export function hashOneTimePassword(password: string): string {
  const salt = crypto.randomBytes(16).toString('hex');
  const digest = crypto.createHash('sha256').update(salt).update(password.normalize('NFC')).digest('hex');
  return `${OTP_PREFIX}${salt}$${digest}`;
}

function verifyOneTimePassword(stored: string, password: string): boolean {
  const [salt, digest] = stored.slice(OTP_PREFIX.length).split('$');
  if (!salt || !digest || !/^[0-9a-f]{64}$/.test(digest)) return false;
  const actual = crypto.createHash('sha256').update(salt).update(password.normalize('NFC')).digest();
  return crypto.timingSafeEqual(actual, Buffer.from(digest, 'hex'));
}
