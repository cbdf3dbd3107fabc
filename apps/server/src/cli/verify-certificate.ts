/**
 * Offline verification of a certificate file (SPEC §6):
 *   npm run cert:verify -- <tệp.pdf> [--public-key khoa.pem]...
 * Extracts the signed payload and Ed25519 signature embedded in the PDF and checks them with the
 * published public key(s): a PEM file (one or several keys), or the JSON saved from
 * GET /api/certificates/public-key(s). Without --public-key it uses this install's own key
 * (CERT_SIGNING_KEY, or DATA_DIR/keys/cert-ed25519.pem). No network, no database.
 * Exit code: 0 valid, 1 invalid, 2 usage error.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { KeyObject } from 'node:crypto';
import { loadConfig } from '../config.ts';
import { keyFilePath, parsePrivateKeyPem } from '../modules/certificates/certificate-keys.ts';
import { parsePublicKeys, verifyCertificateFile } from '../modules/certificates/certificate-signature.ts';
import { certificateKindLabel, ddmmyyyy, programmeTypeLabel } from '../modules/certificates/certificates.rules.ts';

const USAGE = 'Cách dùng: npm run cert:verify -- <tệp.pdf> [--public-key khoa-cong-khai.pem]\n';

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function localKeys(): KeyObject[] {
  const fromEnv = process.env.CERT_SIGNING_KEY?.trim();
  if (fromEnv) return [parsePrivateKeyPem(fromEnv, 'env').publicKey];
  const file = keyFilePath(loadConfig().dataDir);
  if (fs.existsSync(file)) return [parsePrivateKeyPem(fs.readFileSync(file, 'utf8'), 'file').publicKey];
  return [];
}

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { 'public-key': { type: 'string', multiple: true, short: 'k' } } });
} catch (err) {
  fail(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
}
const [file] = parsed.positionals;
if (!file || parsed.positionals.length > 1) fail(USAGE);
if (!fs.existsSync(file)) fail(`Không tìm thấy tệp ${file}.`);

let keys: KeyObject[] = [];
for (const keyFile of parsed.values['public-key'] ?? []) {
  if (!fs.existsSync(keyFile)) fail(`Không tìm thấy tệp khóa công khai ${keyFile}.`);
  try {
    keys.push(...parsePublicKeys(fs.readFileSync(keyFile, 'utf8')));
  } catch {
    fail(
      `Không đọc được khóa công khai trong ${keyFile} (cần PEM "-----BEGIN PUBLIC KEY-----" hoặc JSON của /api/certificates/public-key).`,
    );
  }
}
if (!parsed.values['public-key']) keys = localKeys();
if (keys.length === 0) {
  fail('Chưa có khóa công khai để kiểm tra: tải tại /api/certificates/public-key rồi chạy lại với --public-key <tệp>.');
}

const verdict = verifyCertificateFile(fs.readFileSync(file), keys);
const p = verdict.payload;
const lines: string[] = [];
if (verdict.valid) {
  lines.push(`HỢP LỆ: chữ ký số Ed25519 đúng (mã khóa ${verdict.keyId}); nội dung dưới đây đúng như khi cấp.`);
} else {
  lines.push(`KHÔNG HỢP LỆ: ${verdict.reason}`);
}
if (p) {
  const kind = certificateKindLabel(p.programme.type);
  lines.push(
    `  Loại: ${kind}`,
    `  Số: ${p.number}`,
    `  Người được cấp: ${p.holder.fullName}, sinh ngày ${ddmmyyyy(p.holder.birthDate)}`,
    `  Chương trình: ${p.programme.name} (${programmeTypeLabel(p.programme.type)})`,
    `  Lớp: ${p.class.name} (${p.class.code}), từ ${ddmmyyyy(p.class.startDate)} đến ${ddmmyyyy(p.class.endDate)}`,
    `  Cơ sở cấp: ${p.issuer.name}, ngày cấp ${ddmmyyyy(p.issuedOn)}`,
  );
  if (verdict.valid) {
    lines.push(
      'Lưu ý: đối chiếu các thông tin trên với nội dung in trên giấy; tình trạng thu hồi chỉ xem được trực tuyến tại trang xác thực (mã QR).',
    );
  } else {
    lines.push('(Thông tin trên đọc từ tệp nhưng KHÔNG được chữ ký số xác nhận.)');
  }
}
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = verdict.valid ? 0 : 1;
