/**
 * Where the certificate signing key comes from (SPEC §6, §13), in this order:
 * 1. `CERT_SIGNING_KEY` — an Ed25519 private key, PKCS#8 PEM (literal "\n" accepted): production with
 *    several stateless servers gives all of them the same key;
 * 2. tests (`NODE_ENV=test`) — a key made in memory for the process;
 * 3. otherwise `DATA_DIR/keys/cert-ed25519.pem` (mode 0600), made on first use: the embedded install.
 * The public half of every key that signs is registered in `certificate_signing_keys` (see
 * certificates.repository.ts), so rotating the key keeps old certificates verifiable.
 */
import crypto, { type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../../config.ts';
import { isEd25519, keyIdOf, publicKeyPemOf } from './certificate-signature.ts';

export interface SigningKey {
  keyId: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicKeyPem: string;
  source: 'env' | 'memory' | 'file';
}

export const KEY_FILE = 'cert-ed25519.pem';

export function keyFilePath(dataDir: string): string {
  return path.join(dataDir, 'keys', KEY_FILE);
}

function fromPrivateKey(privateKey: KeyObject, source: SigningKey['source']): SigningKey {
  if (!isEd25519(privateKey)) throw new Error('Khóa ký giấy chứng nhận phải là khóa riêng Ed25519 (PKCS#8 PEM).');
  const publicKey = crypto.createPublicKey(privateKey);
  return { keyId: keyIdOf(publicKey), privateKey, publicKey, publicKeyPem: publicKeyPemOf(publicKey), source };
}

export function parsePrivateKeyPem(pem: string, source: SigningKey['source']): SigningKey {
  const text = pem.includes('\\n') ? pem.replaceAll('\\n', '\n') : pem;
  let key: KeyObject;
  try {
    key = crypto.createPrivateKey({ key: text, format: 'pem' });
  } catch {
    throw new Error('Không đọc được khóa ký giấy chứng nhận: cần khóa riêng Ed25519 dạng PKCS#8 PEM (-----BEGIN PRIVATE KEY-----).');
  }
  return fromPrivateKey(key, source);
}

/** Reads the key file, or creates it once (atomically: two processes starting together agree on one key). */
export function loadOrCreateKeyFile(file: string): SigningKey {
  if (fs.existsSync(file)) {
    // Keep the private key readable by the owner only, even if someone loosened it.
    if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
    return parsePrivateKeyPem(fs.readFileSync(file, 'utf8'), 'file');
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, pem, { mode: 0o600, flag: 'wx' });
  try {
    fs.linkSync(tmp, file); // fails with EEXIST when another process won the race: use its key
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return parsePrivateKeyPem(fs.readFileSync(file, 'utf8'), 'file');
}

let cached: { source: string; key: SigningKey } | null = null;

/** The key new certificates are signed with (cached per process and per source). */
export function currentSigningKey(config: Pick<AppConfig, 'env' | 'dataDir'>, env: NodeJS.ProcessEnv = process.env): SigningKey {
  const fromEnv = env.CERT_SIGNING_KEY?.trim();
  const source = fromEnv ? `env:${fromEnv}` : config.env === 'test' ? 'memory' : `file:${keyFilePath(config.dataDir)}`;
  if (cached?.source === source) return cached.key;
  let key: SigningKey;
  if (fromEnv) key = parsePrivateKeyPem(fromEnv, 'env');
  else if (config.env === 'test') key = fromPrivateKey(crypto.generateKeyPairSync('ed25519').privateKey, 'memory');
  else key = loadOrCreateKeyFile(keyFilePath(config.dataDir));
  cached = { source, key };
  return key;
}

/** The public origin written into QR codes (`PUBLIC_BASE_URL`, e.g. https://boiduong.moha.gov.vn), if configured. */
export function publicBaseUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  const v = env.PUBLIC_BASE_URL?.trim();
  return v ? v.replace(/\/+$/, '') : null;
}
