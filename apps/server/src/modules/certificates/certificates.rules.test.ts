/** Pure rules of certificates and the signature format (SPEC §6), exhaustively. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { certificateNumberFromSlug, certificateSlug, certificateVerifyPath } from '@app/shared';
import {
  buildPayload,
  canonicalJson,
  certificateKindLabel,
  certificateNumberPrefix,
  certificateTitle,
  classRefusal,
  ddmmyyyy,
  enrolmentRefusal,
  formatCertificateNumber,
  honorificOf,
  maskHolderName,
  meetsRequirementReason,
  overrideCameFrom,
  placeDateLine,
  placeOfIssue,
  programmeTypeLabel,
  revocationFlagReason,
  sequenceOf,
  signerTitle,
  verificationMessage,
  verificationStatus,
  type CertificateFacts,
  type IssuableClass,
  type IssuableEnrolment,
} from './certificates.rules.ts';
import {
  encodeEmbedded,
  extractEmbedded,
  keyIdOf,
  parsePublicKeys,
  publicKeyPemOf,
  signPayload,
  verifyCertificateFile,
  verifyPayload,
  verifySignature,
} from './certificate-signature.ts';
import { currentSigningKey, keyFilePath, loadOrCreateKeyFile, parsePrivateKeyPem, publicBaseUrl } from './certificate-keys.ts';

const facts: CertificateFacts = {
  number: 'TCT.66/2027/000012',
  holder: { fullName: '  Nguyễn   Thị Phượng '.normalize('NFD'), birthDate: '1985-02-05' },
  programme: { code: 'CMNV-DD', name: 'Quản lý đất đai cấp xã', type: 'CMNV' },
  class: { code: 'DL-01', name: 'Lớp đất đai khóa 1', startDate: '2027-01-11', endDate: '2027-01-15' },
  issuer: { code: 'TCT.66', name: 'Trường Chính trị tỉnh Đắk Lắk', place: 'Đắk Lắk' },
  issuedOn: '2027-02-05',
  keyId: '0123456789abcdef',
};

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });
  it('gives the same bytes whatever the key order (as jsonb returns it)', () => {
    const a = { number: '1', holder: { fullName: 'A', birthDate: 'B' } };
    const b = JSON.parse('{"holder":{"birthDate":"B","fullName":"A"},"number":"1"}') as unknown;
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });
  it('normalises strings to NFC and escapes like JSON', () => {
    expect(canonicalJson('Phạm'.normalize('NFD'))).toBe('"Phạm"');
    expect(canonicalJson('a"b\\c\n')).toBe('"a\\"b\\\\c\\n"');
  });
  it('sorts keys by code point, drops undefined members', () => {
    expect(canonicalJson({ B: 1, a: 2, _: 3, x: undefined })).toBe('{"B":1,"_":3,"a":2}');
  });
  it('refuses what JSON cannot carry faithfully', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson(Infinity)).toThrow();
    expect(() => canonicalJson({ f: () => 1 })).toThrow();
    expect(() => canonicalJson(BigInt(1))).toThrow();
  });
});

describe('buildPayload', () => {
  it('cleans names to NFC, single spaces, and fixes version, result and algorithm', () => {
    const p = buildPayload(facts);
    expect(p.holder.fullName).toBe('Nguyễn Thị Phượng');
    expect(p.holder.fullName).toBe(p.holder.fullName.normalize('NFC'));
    expect(p).toMatchObject({
      v: 1,
      result: 'completed',
      algorithm: 'Ed25519',
      number: facts.number,
      keyId: facts.keyId,
      issuedOn: '2027-02-05',
    });
    expect(p.issuer).toEqual({ code: 'TCT.66', name: 'Trường Chính trị tỉnh Đắk Lắk', place: 'Đắk Lắk' });
  });
});

describe('certificate numbers', () => {
  it('formats <org>/<year>/<6 digits>', () => {
    expect(formatCertificateNumber('TCT.66', 2027, 1)).toBe('TCT.66/2027/000001');
    expect(formatCertificateNumber('HVCTQG', 2031, 999_999)).toBe('HVCTQG/2031/999999');
    expect(certificateNumberPrefix('HVCTQG', 2026)).toBe('HVCTQG/2026/');
  });
  it('refuses sequences outside 1–999999', () => {
    for (const bad of [0, -1, 1_000_000, 1.5, Number.NaN]) expect(() => formatCertificateNumber('X', 2027, bad)).toThrow();
  });
  it('reads the sequence back only from numbers of that prefix and shape', () => {
    expect(sequenceOf('TCT.66/2027/000042', 'TCT.66/2027/')).toBe(42);
    expect(sequenceOf('TCT.66/2026/000042', 'TCT.66/2027/')).toBeNull();
    expect(sequenceOf('TCT.66/2027/42', 'TCT.66/2027/')).toBeNull();
    expect(sequenceOf('TCT.66/2027/0000421', 'TCT.66/2027/')).toBeNull();
    expect(sequenceOf('TCT.66/2027/00004a', 'TCT.66/2027/')).toBeNull();
  });
  it('turns numbers into URL slugs and back (shared with the web client)', () => {
    expect(certificateSlug('TCT.66/2027/000012')).toBe('TCT.66-2027-000012');
    expect(certificateNumberFromSlug('TCT.66-2027-000012')).toBe('TCT.66/2027/000012');
    expect(certificateNumberFromSlug('TCT.66/2027/000012')).toBe('TCT.66/2027/000012');
    // An organisation code with a dash still round-trips: year and sequence are read from the right.
    expect(certificateNumberFromSlug(certificateSlug('DH-NV/2027/000001'))).toBe('DH-NV/2027/000001');
    // Anything else is looked up as given.
    expect(certificateSlug('SO-CU-123')).toBe('SO-CU-123');
    expect(certificateNumberFromSlug(' SO-CU-123 ')).toBe('SO-CU-123');
    expect(certificateVerifyPath('TCT.66/2027/000012')).toBe('/xac-thuc/TCT.66-2027-000012');
  });
});

describe('who gets a certificate', () => {
  const cls = (over: Partial<IssuableClass>): IssuableClass => ({ status: 'finished', code: 'L1', programmeApproval: 'approved', ...over });
  it('only finished or closed classes of a non-draft programme', () => {
    expect(classRefusal(cls({}))).toBeNull();
    expect(classRefusal(cls({ status: 'closed' }))).toBeNull();
    expect(classRefusal(cls({ programmeApproval: 'retired' }))).toBeNull();
    for (const status of ['planned', 'open', 'running'] as const) expect(classRefusal(cls({ status }))).toMatch(/chưa kết thúc/);
    expect(classRefusal(cls({ status: 'cancelled' }))).toMatch(/đã bị hủy/);
    expect(classRefusal(cls({ programmeApproval: 'draft' }))).toMatch(/chưa được phê duyệt/);
  });
  it('only nominated learners whose result is completed', () => {
    const e = (status: IssuableEnrolment['status'], result: IssuableEnrolment['result']) => enrolmentRefusal({ status, result });
    expect(e('nominated', 'completed')).toBeNull();
    expect(e('nominated', 'failed')).toMatch(/Không hoàn thành/);
    expect(e('nominated', null)).toMatch(/Chưa ghi nhận kết quả/);
    for (const result of ['completed', 'failed', null] as const) {
      expect(e('cancelled', result)).toMatch(/hủy cử/);
      expect(e('waitlisted', result)).toMatch(/danh sách chờ/);
      expect(e('pending_approval', result)).toMatch(/chưa được thủ trưởng đơn vị duyệt/);
    }
  });
});

describe('what the document says', () => {
  it('CMCN grants a "chứng chỉ", every other type a "giấy chứng nhận"', () => {
    expect(certificateTitle('CMCN')).toBe('CHỨNG CHỈ');
    expect(certificateKindLabel('CMCN')).toBe('chứng chỉ');
    for (const t of ['QLNN_LANHDAO', 'QLNN_CHUNG', 'CMNV', 'KNBT', 'CAPNHAT', 'KHAC']) {
      expect(certificateTitle(t)).toBe('GIẤY CHỨNG NHẬN');
      expect(certificateKindLabel(t)).toBe('giấy chứng nhận');
    }
    expect(programmeTypeLabel('CMCN')).toMatch(/chuyên môn chuyên ngành/);
    expect(programmeTypeLabel('XYZ')).toBe('XYZ');
  });
  it('place-date line of Decree 30/2020: leading zero for days 1–9 and months 1–2', () => {
    expect(placeDateLine('Đắk Lắk', '2027-02-05')).toBe('Đắk Lắk, ngày 05 tháng 02 năm 2027');
    expect(placeDateLine('Hà Nội', '2027-01-09')).toBe('Hà Nội, ngày 09 tháng 01 năm 2027');
    expect(placeDateLine('Hà Nội', '2027-03-15')).toBe('Hà Nội, ngày 15 tháng 3 năm 2027');
    expect(placeDateLine('Huế', '2026-12-31')).toBe('Huế, ngày 31 tháng 12 năm 2026');
    expect(placeDateLine('Huế', '2026-10-01')).toBe('Huế, ngày 01 tháng 10 năm 2026');
  });
  it('dates dd/mm/yyyy, place of issue, signer and honorific', () => {
    expect(ddmmyyyy('1985-02-05')).toBe('05/02/1985');
    expect(placeOfIssue('Đắk Lắk')).toBe('Đắk Lắk');
    expect(placeOfIssue(null)).toBe('Hà Nội');
    expect(signerTitle('hoc_vien')).toBe('GIÁM ĐỐC');
    expect(signerTitle('truong_chinh_tri')).toBe('HIỆU TRƯỞNG');
    expect(signerTitle('dai_hoc')).toBe('HIỆU TRƯỞNG');
    expect(signerTitle('truong_bo_nganh')).toBe('HIỆU TRƯỞNG');
    expect(signerTitle('khac')).toBe('THỦ TRƯỞNG CƠ SỞ ĐÀO TẠO');
    expect([honorificOf('nam'), honorificOf('nu'), honorificOf(null)]).toEqual(['Ông', 'Bà', 'Ông/Bà']);
  });
  it('masks the holder: initials of family and middle names, the given name in full', () => {
    expect(maskHolderName('Nguyễn Văn An')).toBe('N. V. An');
    expect(maskHolderName('Đặng Thị Ngọc Ánh')).toBe('Đ. T. N. Ánh');
    expect(maskHolderName('  ấu   thị  mai '.normalize('NFD'))).toBe('Ấ. T. mai');
    expect(maskHolderName('H’Linh Niê')).toBe('H. Niê');
    expect(maskHolderName('Mai')).toBe('Mai');
    expect(maskHolderName('')).toBe('');
    expect(maskHolderName('Nguyễn Văn An')).not.toMatch(/Nguyễn|Văn/);
  });
});

describe('CMCN and the requirement', () => {
  it('names the certificate in the override reason and recognises it later', () => {
    const r = meetsRequirementReason('TCT.66/2027/000003');
    expect(r).toBe('Có chứng chỉ bồi dưỡng kiến thức chuyên môn chuyên ngành số TCT.66/2027/000003');
    expect(overrideCameFrom(true, r, 'TCT.66/2027/000003')).toBe(true);
    expect(overrideCameFrom(true, r, 'TCT.66/2027/000004')).toBe(false);
    expect(overrideCameFrom(true, 'Quyết định của UBND xã', 'TCT.66/2027/000003')).toBe(false);
    expect(overrideCameFrom(null, r, 'TCT.66/2027/000003')).toBe(false);
    expect(overrideCameFrom(false, r, 'TCT.66/2027/000003')).toBe(false);
    expect(revocationFlagReason('X/2027/000001', '  cấp  nhầm ')).toBe('Thu hồi chứng chỉ số X/2027/000001: cấp nhầm');
  });
});

describe('verification status and message', () => {
  it('a bad signature wins over revocation', () => {
    expect(verificationStatus(true, false)).toBe('valid');
    expect(verificationStatus(true, true)).toBe('revoked');
    expect(verificationStatus(false, false)).toBe('invalid');
    expect(verificationStatus(false, true)).toBe('invalid');
  });
  it('says it in Vietnamese, with the revocation date and reason', () => {
    expect(verificationMessage('valid', { kind: 'giấy chứng nhận' })).toBe('Giấy chứng nhận hợp lệ: chữ ký số đúng và chưa bị thu hồi.');
    expect(verificationMessage('revoked', { kind: 'chứng chỉ', revokedOn: '2027-03-01', revokedReason: 'Cấp nhầm' })).toBe(
      'Chứng chỉ đã bị thu hồi ngày 01/03/2027; không còn giá trị. Lý do: Cấp nhầm',
    );
    expect(verificationMessage('invalid', { kind: 'giấy chứng nhận', problem: 'mismatch' })).toMatch(/không khớp với chữ ký số/);
    expect(verificationMessage('invalid', { kind: 'giấy chứng nhận', problem: 'unknown_key', keyId: 'abc' })).toMatch(
      /không có khóa công khai mã abc/,
    );
    expect(verificationMessage('invalid', { kind: 'giấy chứng nhận', problem: 'revoked_key', keyId: 'abc' })).toMatch(
      /khóa ký số mã abc đã bị thu hồi/,
    );
  });
});

describe('Ed25519 signatures', () => {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  const other = crypto.generateKeyPairSync('ed25519');
  const payload = buildPayload({ ...facts, keyId: keyIdOf(publicKey) });
  const sig = signPayload(payload, privateKey);

  it('key ids are 16 hex digits, stable for a key and different between keys', () => {
    expect(keyIdOf(publicKey)).toMatch(/^[0-9a-f]{16}$/);
    expect(keyIdOf(crypto.createPublicKey(publicKeyPemOf(publicKey)))).toBe(keyIdOf(publicKey));
    expect(keyIdOf(other.publicKey)).not.toBe(keyIdOf(publicKey));
  });
  it('verifies the payload in any key order, and nothing else', () => {
    expect(Buffer.from(sig, 'base64')).toHaveLength(64);
    expect(verifyPayload(JSON.parse(JSON.stringify(payload)) as unknown, sig, publicKey)).toBe(true);
    expect(verifyPayload({ ...payload, holder: { ...payload.holder, fullName: 'Trần Văn Giả' } }, sig, publicKey)).toBe(false);
    expect(verifyPayload({ ...payload, issuedOn: '2027-02-06' }, sig, publicKey)).toBe(false);
    expect(verifyPayload(payload, sig, other.publicKey)).toBe(false);
    expect(verifyPayload(payload, 'not base64 at all', publicKey)).toBe(false);
    expect(verifyPayload(payload, Buffer.alloc(64).toString('base64'), publicKey)).toBe(false);
    expect(verifyPayload({ bad: Number.NaN }, sig, publicKey)).toBe(false);
    expect(verifySignature(canonicalJson(payload), sig, publicKey)).toBe(true);
  });

  it('travels inside a file and verifies offline; a changed name or signature does not', () => {
    const embedded = encodeEmbedded(payload, sig);
    expect(embedded).toMatch(/^BDCBCC-CERT-V1:[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const file = Buffer.from(`%PDF-1.7\n/Keywords (${embedded})\n<x:keywords>${embedded}</x:keywords>\n%%EOF`, 'latin1');
    const e = extractEmbedded(file)!;
    expect(e.payload).toEqual(payload);
    expect(e.consistent).toBe(true);
    expect(verifyCertificateFile(file, [other.publicKey, publicKey])).toEqual({ valid: true, payload, keyId: keyIdOf(publicKey) });

    const forged = encodeEmbedded({ ...payload, holder: { ...payload.holder, fullName: 'Trần Văn Giả' } }, sig);
    const tampered = Buffer.from(file.toString('latin1').replaceAll(embedded, forged), 'latin1');
    const v = verifyCertificateFile(tampered, [publicKey]);
    expect(v.valid).toBe(false);
    expect(v.valid ? '' : v.reason).toMatch(/không khớp/);
    expect(v.payload?.holder.fullName).toBe('Trần Văn Giả');

    // Only one of the two copies changed.
    const half = Buffer.from(file.toString('latin1').replace(embedded, forged), 'latin1');
    expect(verifyCertificateFile(half, [publicKey])).toMatchObject({ valid: false, reason: expect.stringMatching(/nhiều bản/) as unknown });

    // Someone else's key, no key, no data, garbage data, non-canonical data.
    expect(verifyCertificateFile(file, [other.publicKey])).toMatchObject({
      valid: false,
      reason: expect.stringMatching(/Không có khóa công khai mã/) as unknown,
    });
    expect(verifyCertificateFile(file, [])).toMatchObject({ valid: false });
    expect(verifyCertificateFile(Buffer.from('%PDF-1.7 nothing'), [publicKey])).toMatchObject({
      valid: false,
      reason: expect.stringMatching(/không chứa/) as unknown,
    });
    const garbage = Buffer.from(`BDCBCC-CERT-V1:${Buffer.from('{"x":1}').toString('base64url')}.AAAA`);
    expect(verifyCertificateFile(garbage, [publicKey])).toMatchObject({
      valid: false,
      reason: expect.stringMatching(/bị hỏng/) as unknown,
    });
    const spaced = Buffer.from(
      `BDCBCC-CERT-V1:${Buffer.from(JSON.stringify(payload, null, 1)).toString('base64url')}.${Buffer.from(sig, 'base64').toString('base64url')}`,
    );
    expect(verifyCertificateFile(spaced, [publicKey])).toMatchObject({
      valid: false,
      reason: expect.stringMatching(/dạng chuẩn/) as unknown,
    });
  });

  it('reads public keys from PEM files, key rings, the API JSON and private keys', () => {
    const pem = publicKeyPemOf(publicKey);
    const ring = `${pem}\n${publicKeyPemOf(other.publicKey)}`;
    expect(parsePublicKeys(pem).map(keyIdOf)).toEqual([keyIdOf(publicKey)]);
    expect(parsePublicKeys(ring).map(keyIdOf)).toEqual([keyIdOf(publicKey), keyIdOf(other.publicKey)]);
    expect(parsePublicKeys(JSON.stringify({ keyId: 'x', algorithm: 'Ed25519', publicKeyPem: pem })).map(keyIdOf)).toEqual([
      keyIdOf(publicKey),
    ]);
    expect(
      parsePublicKeys(JSON.stringify({ keys: [{ publicKeyPem: pem }, { publicKeyPem: publicKeyPemOf(other.publicKey) }] })),
    ).toHaveLength(2);
    const priv = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(parsePublicKeys(priv).map(keyIdOf)).toEqual([keyIdOf(publicKey)]);
    // Keys of other algorithms are ignored.
    const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(parsePublicKeys(rsa)).toEqual([]);
  });
});

describe('signing key sources', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-keys-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  it('creates DATA_DIR/keys/cert-ed25519.pem once, owner-only, and reuses it', () => {
    const file = keyFilePath(dir);
    expect(file).toBe(path.join(dir, 'keys', 'cert-ed25519.pem'));
    const first = loadOrCreateKeyFile(file);
    expect(first.source).toBe('file');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    fs.chmodSync(file, 0o644);
    const again = loadOrCreateKeyFile(file);
    expect(again.keyId).toBe(first.keyId);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    // The non-test configuration reads the same file.
    expect(currentSigningKey({ env: 'development', dataDir: dir }, {}).keyId).toBe(first.keyId);
  });
  it('CERT_SIGNING_KEY wins (PEM with real or escaped newlines); tests get an in-memory key', () => {
    const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const k = currentSigningKey({ env: 'production', dataDir: '/nonexistent' }, { CERT_SIGNING_KEY: pem.replaceAll('\n', '\\n') });
    expect(k).toMatchObject({ source: 'env', keyId: keyIdOf(publicKey) });
    expect(parsePrivateKeyPem(pem, 'env').keyId).toBe(keyIdOf(publicKey));
    const mem = currentSigningKey({ env: 'test', dataDir: '/nonexistent' }, {});
    expect(mem.source).toBe('memory');
    expect(currentSigningKey({ env: 'test', dataDir: '/nonexistent' }, {}).keyId).toBe(mem.keyId);
  });
  it('refuses keys that are not Ed25519 private keys', () => {
    expect(() => parsePrivateKeyPem('rác', 'env')).toThrow(/PKCS#8/);
    const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => parsePrivateKeyPem(rsa, 'env')).toThrow(/Ed25519/);
  });
  it('PUBLIC_BASE_URL without trailing slashes', () => {
    expect(publicBaseUrl({ PUBLIC_BASE_URL: 'https://boiduong.gov.vn//' })).toBe('https://boiduong.gov.vn');
    expect(publicBaseUrl({})).toBeNull();
  });
});
