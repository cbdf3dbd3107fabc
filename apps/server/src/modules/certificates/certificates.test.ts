/**
 * Certificates through the real API and PostgreSQL (SPEC §6): issuing (class and single learner),
 * refusals (unfinished class, failed/cancelled/unknown result, twice), numbering under concurrency,
 * public verification with the signature recomputed (tampered rows fail), key rotation, the PDF
 * (Vietnamese text, QR code to the verification page, embedded signed data verified offline by the
 * CLI; a tampered copy fails), the class .zip, revocation, the CMCN effect on "meets the position's
 * requirement" with the flag history, and scope refusals.
 */
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type {
  AuditItem,
  CertificateItem,
  CertificateListResponse,
  CertificatePublicKey,
  CertificatePublicKeysResponse,
  CertificateVerification,
  IssueClassCertificatesResponse,
  OfficialDetail,
} from '@app/shared';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { encodeEmbedded, extractEmbedded, keyIdOf, signPayload } from './certificate-signature.ts';
import { maskHolderName, meetsRequirementReason } from './certificates.rules.ts';

const run = promisify(execFile);
const TODAY = '2027-02-05';
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
const REPO = path.resolve(import.meta.dirname, '../../../../..');
const CLI = path.join(REPO, 'apps/server/src/cli/verify-certificate.ts');

let t: TestContext;
let tmp: string;
let anon: TestClient;
let national: TestClient; // bonoivu
let province: TestClient; // sonoivu.66
let reviewer: TestClient; // bantochuc.66
let school: TestClient; // truong.66 — Trường Chính trị tỉnh Đắk Lắk (TCT.66)
let academy: TestClient; // truong.hvctqg — another organisation
let bmt: TestClient; // xa.24133 — the learners' commune
let otherCommune: TestClient; // xa.22015
let holder: TestClient; // hocvien.24133.1
let otherLearner: TestClient; // hocvien.24133.2

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  fields?: { field: string; message: string }[];
}
function expectError(res: LightMyRequestResponse, status: number, code: string): ErrorBody {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json<ErrorBody>();
  expect(body).toMatchObject({ statusCode: status, code });
  expect(body.message).toMatch(VIETNAMESE);
  expect(body.message).not.toMatch(/at .*\.ts:\d+/);
  return body;
}
async function ok<T>(res: Promise<LightMyRequestResponse>, status = 200): Promise<T> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json<T>();
}
const q = async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) => (await t.pool.query<T>(text, params)).rows;
const slug = (n: string) => n.replaceAll('/', '-');

// ---------- fixtures: programmes, classes and enrolments made with SQL ----------
type Person = {
  id: string;
  fullName: string;
  provinceCode: string;
  communeCode: string;
  unitId: number | null;
};
let orgs: Record<string, number>;
let seq = 0;

async function programme(type: string, opts: { meets?: boolean; approval?: string } = {}): Promise<number> {
  seq++;
  const [row] = await q<{ id: number }>(
    `insert into programmes (code, name, type, owner, duration_days, total_hours, practice_hours, approval_status, certificate_meets_requirement)
     values ($1, $2, $3, 'province', 5, 40, 28, $4, $5) returning id`,
    [
      `CT-${type}-${seq}`,
      type === 'CMCN'
        ? 'Bồi dưỡng kiến thức chuyên môn chuyên ngành tư pháp – hộ tịch'
        : 'Bồi dưỡng nghiệp vụ quản lý đất đai và trật tự xây dựng cấp xã',
      type,
      opts.approval ?? 'approved',
      opts.meets ?? false,
    ],
  );
  return row!.id;
}

async function klass(programmeId: number, org: string, status = 'finished', dates = ['2027-01-11', '2027-01-15']): Promise<number> {
  seq++;
  const [row] = await q<{ id: number }>(
    `insert into classes (code, name, programme_id, programme_type, organiser_id, province_code, host_commune_code, mode, schedule_type,
                          start_date, end_date, capacity, status)
     select $1, $2, p.id, p.type, $3, '66', '24133', 'truc_tiep', 'trong_gio', $4, $5, 60, $6 from programmes p where p.id = $7
     returning id`,
    [
      `DL-2027-${String(seq).padStart(3, '0')}`,
      `Lớp bồi dưỡng cụm Buôn Ma Thuột, khóa ${seq}`,
      orgs[org],
      dates[0],
      dates[1],
      status,
      programmeId,
    ],
  );
  return row!.id;
}

async function enrol(classId: number, p: Person, status = 'nominated', result: string | null = 'completed'): Promise<number> {
  const [row] = await q<{ id: number }>(
    `insert into enrolments (class_id, official_id, province_code, commune_code, unit_id, programme_type, class_end_date,
                             decision_no, decision_date, status, result)
     select c.id, $2, $3, $4, $5, c.programme_type, c.end_date, '15/QĐ-UBND', '2026-12-20', $6, $7 from classes c where c.id = $1
     returning id`,
    [classId, p.id, p.provinceCode, p.communeCode, p.unitId, status, result],
  );
  return row!.id;
}

/** Text of a PDF, wrapped lines joined so phrases can be looked for whole; `raw`: in drawing order (rotated text). */
async function pdfText(pdf: Buffer, raw = false): Promise<string> {
  const file = path.join(tmp, `${crypto.randomUUID()}.pdf`);
  fs.writeFileSync(file, pdf);
  return (await run('pdftotext', [...(raw ? ['-raw'] : []), file, '-'])).stdout.normalize('NFC').replace(/\s+/g, ' ');
}

async function qrOf(pdf: Buffer, dpi: number): Promise<string | null> {
  const base = path.join(tmp, crypto.randomUUID());
  fs.writeFileSync(`${base}.pdf`, pdf);
  await run('pdftoppm', ['-png', '-r', String(dpi), '-singlefile', `${base}.pdf`, base]);
  const png = PNG.sync.read(fs.readFileSync(`${base}.png`));
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data ?? null;
}

async function cli(pdfFile: string, keyFile?: string): Promise<{ code: number; out: string }> {
  const args = ['--import', 'tsx', CLI, pdfFile, ...(keyFile ? ['--public-key', keyFile] : [])];
  try {
    const r = await run(process.execPath, args, { cwd: REPO, env: { ...process.env, CERT_SIGNING_KEY: '', DATA_DIR: tmp } });
    return { code: 0, out: r.stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: `${e.stdout}${e.stderr}` };
  }
}

// People of Phường Buôn Ma Thuột (24133).
let A: Person; // hocvien.24133.1 — completes the CMNV class
let F: Person; // completes the CMNV class
let C: Person; // failed
let D: Person; // no result yet
let E: Person; // nomination cancelled
let W: Person; // waiting list
let B: Person; // below standard → CMCN
let CMNV: number;
let CMCN: number;
let K1: number; // finished CMNV class of TCT.66
let K2: number; // finished CMCN class of TCT.66
let running: number; // TCT.66 class still running
let enr: Record<string, number> = {};
let nA = ''; // A's certificate number
let nF = ''; // F's

beforeAll(async () => {
  t = await createTestContext({ today: TODAY });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-test-'));
  fs.chmodSync(tmp, 0o755);
  anon = t.client();
  [national, province, reviewer, school, academy, bmt, otherCommune, holder, otherLearner] = await Promise.all([
    t.loginAs('bonoivu'),
    t.loginAs('sonoivu.66'),
    t.loginAs('bantochuc.66'),
    t.loginAs('truong.66'),
    t.loginAs('truong.hvctqg'),
    t.loginAs('xa.24133'),
    t.loginAs('xa.22015'),
    t.loginAs('hocvien.24133.1'),
    t.loginAs('hocvien.24133.2'),
  ]);
  orgs = Object.fromEntries(
    (await q<{ code: string; id: number }>(`select code, id from training_orgs where code in ('TCT.66', 'HVCTQG')`)).map((r) => [
      r.code,
      r.id,
    ]),
  );
  const people = await q<Person & { below: boolean; linked: string | null }>(
    `select o.id, o.full_name as "fullName", o.province_code as "provinceCode", o.commune_code as "communeCode", o.unit_id as "unitId",
            o.below_standard as below, u.username as linked
     from officials o left join users u on u.official_id = o.id
     where o.commune_code = '24133' order by o.full_name, o.id`,
  );
  A = people.find((p) => p.linked === 'hocvien.24133.1')!;
  const free = people.filter((p) => !p.linked && !p.below);
  [F, C, D, E, W] = [free[0]!, free[1]!, free[2]!, free[3]!, free[4]!];
  B = people.find((p) => p.below && !p.linked)!;
  expect(A && F && C && D && E && W && B).toBeTruthy();

  CMNV = await programme('CMNV');
  CMCN = await programme('CMCN', { meets: true });
  K1 = await klass(CMNV, 'TCT.66');
  K2 = await klass(CMCN, 'TCT.66', 'closed', ['2026-10-01', '2026-12-31']);
  running = await klass(CMNV, 'TCT.66', 'running', ['2027-02-01', '2027-02-28']);
  enr = {
    A: await enrol(K1, A),
    F: await enrol(K1, F),
    C: await enrol(K1, C, 'nominated', 'failed'),
    D: await enrol(K1, D, 'nominated', null),
    E: await enrol(K1, E, 'cancelled', null),
    W: await enrol(K1, W, 'waitlisted', null),
    B: await enrol(K2, B),
    runningA: await enrol(running, A),
  };
});
afterAll(async () => {
  await t.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('issuing', () => {
  it('only the organising school or the ministry issues; others are refused without leaking the class', async () => {
    expectError(await academy.post(`/api/classes/${K1}/certificates`), 404, 'NOT_FOUND');
    expectError(await academy.post(`/api/enrolments/${enr.A}/certificate`), 404, 'NOT_FOUND');
    for (const c of [bmt, province, reviewer, holder]) {
      const body = expectError(await c.post(`/api/classes/${K1}/certificates`), 403, 'FORBIDDEN');
      expect(body.message).toMatch(/cơ sở đào tạo tổ chức lớp/);
    }
    expectError(await anon.post(`/api/classes/${K1}/certificates`), 403, 'CSRF_INVALID');
    expect(await q(`select 1 from certificates`)).toHaveLength(0);
  });

  it('refuses a class that has not finished, and unknown or malformed ids', async () => {
    const body = expectError(await school.post(`/api/classes/${running}/certificates`), 409, 'CONFLICT');
    expect(body.message).toMatch(/chưa kết thúc/);
    expectError(await school.post(`/api/enrolments/${enr.runningA}/certificate`), 409, 'CONFLICT');
    expectError(await school.post(`/api/classes/999999/certificates`), 404, 'NOT_FOUND');
    expectError(await school.post(`/api/enrolments/999999/certificate`), 404, 'NOT_FOUND');
    expectError(await school.post(`/api/enrolments/abc/certificate`), 400, 'VALIDATION_ERROR');
    const draft = await klass(await programme('CMNV', { approval: 'draft' }), 'TCT.66');
    expect(expectError(await school.post(`/api/classes/${draft}/certificates`), 409, 'CONFLICT').message).toMatch(/chưa được phê duyệt/);
  });

  it('refuses failed, unfinished and cancelled learners one by one, with the reason', async () => {
    expect(expectError(await school.post(`/api/enrolments/${enr.C}/certificate`), 409, 'CONFLICT').message).toMatch(/Không hoàn thành/);
    expect(expectError(await school.post(`/api/enrolments/${enr.D}/certificate`), 409, 'CONFLICT').message).toMatch(
      /Chưa ghi nhận kết quả/,
    );
    expect(expectError(await school.post(`/api/enrolments/${enr.E}/certificate`), 409, 'CONFLICT').message).toMatch(/hủy cử/);
    expect(await q(`select 1 from certificates`)).toHaveLength(0);
  });

  it('issues to every completed learner of the class, numbered <org>/<year>/<sequence>, audited', async () => {
    const out = await ok<IssueClassCertificatesResponse>(school.post(`/api/classes/${K1}/certificates`), 201);
    expect(out.classId).toBe(K1);
    expect(out.alreadyIssued).toBe(0);
    expect(out.issued.map((c) => c.officialId).sort()).toEqual([A.id, F.id].sort());
    expect(out.issued.map((c) => c.number).sort()).toEqual(['TCT.66/2027/000001', 'TCT.66/2027/000002']);
    // Failed and not-yet-graded learners are listed with the reason; cancelled and waiting-list ones are not learners.
    expect(out.notEligible.map((n) => n.officialId).sort()).toEqual([C.id, D.id].sort());
    expect(out.notEligible.find((n) => n.officialId === C.id)!.reason).toMatch(/Không hoàn thành/);
    const a = out.issued.find((c) => c.officialId === A.id)!;
    nA = a.number;
    nF = out.issued.find((c) => c.officialId === F.id)!.number;
    expect(a).toMatchObject({
      holderName: A.fullName,
      issuedOn: TODAY,
      revoked: false,
      canRevoke: true,
      meetsRequirement: false,
      issuer: { id: orgs['TCT.66'], code: 'TCT.66', name: 'Trường Chính trị tỉnh Đắk Lắk' },
      programme: { id: CMNV, type: 'CMNV' },
      class: { id: K1, startDate: '2027-01-11', endDate: '2027-01-15' },
      slug: slug(a.number),
      verifyPath: `/xac-thuc/${slug(a.number)}`,
      pdfUrl: `/api/certificates/${slug(a.number)}/pdf`,
    });
    expect(a.keyId).toMatch(/^[0-9a-f]{16}$/);
    const rows = await q<{ payload: { holder: { fullName: string }; number: string }; signature: string; key_id: string }>(
      `select payload, signature, key_id from certificates where number = $1`,
      [a.number],
    );
    expect(rows[0]!.payload.holder.fullName).toBe(A.fullName);
    expect(rows[0]!.payload.number).toBe(a.number);
    expect(Buffer.from(rows[0]!.signature, 'base64')).toHaveLength(64);
    const audit = await q<{ action: string; entity_id: string; actor_username: string }>(
      `select action, entity_id, actor_username from audit_log where action = 'certificate.issue' order by entity_id`,
    );
    expect(audit).toEqual([
      { action: 'certificate.issue', entity_id: 'TCT.66/2027/000001', actor_username: 'truong.66' },
      { action: 'certificate.issue', entity_id: 'TCT.66/2027/000002', actor_username: 'truong.66' },
    ]);
    // The signing key is published for verification.
    expect(await q(`select key_id from certificate_signing_keys`)).toEqual([{ key_id: a.keyId }]);
  });

  it('issuing twice gives nothing new (class) or 409 (learner)', async () => {
    const again = await ok<IssueClassCertificatesResponse>(school.post(`/api/classes/${K1}/certificates`), 200);
    expect(again).toMatchObject({ issued: [], alreadyIssued: 2 });
    const body = expectError(await school.post(`/api/enrolments/${enr.A}/certificate`), 409, 'CONFLICT');
    expect(body.message).toContain(nA);
    expect(body.message).toMatch(/đã được cấp giấy chứng nhận/);
    expect((await q(`select count(*)::int as n from certificates`))[0]).toEqual({ n: 2 });
  });

  it('the ministry may issue for any class; concurrent issuers of one school never share a number', async () => {
    const hv = await klass(CMNV, 'HVCTQG');
    const people = await q<Person>(
      `select id, full_name as "fullName", province_code as "provinceCode", commune_code as "communeCode", unit_id as "unitId"
       from officials where commune_code = '24373' order by id limit 12`,
    );
    const hvEnrol = await enrol(hv, people[0]!);
    const one = await ok<CertificateItem>(national.post(`/api/enrolments/${hvEnrol}/certificate`), 201);
    expect(one.number).toBe('HVCTQG/2027/000001');
    expect(one.issuer.code).toBe('HVCTQG');

    const k5 = await klass(CMNV, 'TCT.66');
    const k6 = await klass(CMNV, 'TCT.66');
    for (const p of people.slice(1, 6)) await enrol(k5, p);
    const singles: number[] = [];
    for (const p of people.slice(6, 12)) singles.push(await enrol(k6, p));
    const results = await Promise.all([
      school.post(`/api/classes/${k5}/certificates`),
      ...singles.map((id) => school.post(`/api/enrolments/${id}/certificate`)),
      school.post(`/api/enrolments/${singles[0]}/certificate`),
    ]);
    for (const r of results) expect([201, 409], r.body).toContain(r.statusCode);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(1);
    const numbers = (await q<{ number: string }>(`select number from certificates where number like 'TCT.66/2027/%' order by number`)).map(
      (r) => r.number,
    );
    // 2 earlier + 5 from the class + 6 singles, numbered without gaps or duplicates.
    expect(numbers).toEqual(Array.from({ length: 13 }, (_, i) => `TCT.66/2027/${String(i + 1).padStart(6, '0')}`));
  });
});

describe('verification (public)', () => {
  it('says valid, with the masked holder, programme, dates and issuer — by slug or by the number itself', async () => {
    const v = await ok<CertificateVerification>(anon.get(`/api/certificates/${slug(nA)}/verify`));
    expect(v).toMatchObject({
      number: nA,
      status: 'valid',
      valid: true,
      revoked: false,
      revokedReason: null,
      signatureValid: true,
      holder: maskHolderName(A.fullName),
      programme: { type: 'CMNV', name: 'Bồi dưỡng nghiệp vụ quản lý đất đai và trật tự xây dựng cấp xã' },
      classDates: { startDate: '2027-01-11', endDate: '2027-01-15' },
      issuer: { code: 'TCT.66', name: 'Trường Chính trị tỉnh Đắk Lắk' },
      issuedAt: TODAY,
      algorithm: 'Ed25519',
    });
    expect(v.message).toBe('Giấy chứng nhận hợp lệ: chữ ký số đúng và chưa bị thu hồi.');
    const family = A.fullName.split(' ')[0]!;
    expect(v.holder).not.toContain(family);
    expect(v.holder.endsWith(A.fullName.split(' ').pop()!)).toBe(true);
    expect(JSON.stringify(v)).not.toContain(A.id);
    const encoded = await ok<CertificateVerification>(anon.get(`/api/certificates/${encodeURIComponent(nA)}/verify`));
    expect(encoded.number).toBe(nA);
  });

  it('an unknown number is 404 in Vietnamese', async () => {
    const body = expectError(await anon.get('/api/certificates/TCT.66-2027-999999/verify'), 404, 'NOT_FOUND');
    expect(body.message).toContain('TCT.66/2027/999999');
    expectError(await anon.get(`/api/certificates/${'x'.repeat(100)}/verify`), 404, 'NOT_FOUND');
  });

  it('a payload changed in the database no longer matches its signature', async () => {
    await q(`update certificates set payload = jsonb_set(payload, '{holder,fullName}', '"Trần Văn Giả"') where number = '${nF}'`);
    const v = await ok<CertificateVerification>(anon.get(`/api/certificates/${slug(nF)}/verify`));
    expect(v).toMatchObject({ status: 'invalid', valid: false, signatureValid: false, revoked: false, holder: 'T. V. Giả' });
    expect(v.message).toMatch(/không khớp với chữ ký số/);
    // A valid payload and signature copied from another certificate do not pass either.
    const k5row = (await q<{ number: string }>(`select number from certificates where number = 'TCT.66/2027/000003'`))[0]!;
    await q(
      `update certificates set (payload, signature) = (select payload, signature from certificates where number = '${nA}') where number = $1`,
      [k5row.number],
    );
    const copied = await ok<CertificateVerification>(anon.get(`/api/certificates/${slug(k5row.number)}/verify`));
    expect(copied).toMatchObject({ status: 'invalid', signatureValid: false });
    // …and no PDF is produced from tampered data.
    expect(expectError(await national.get(`/api/certificates/${slug(nF)}/pdf`), 409, 'CONFLICT').message).toMatch(/không khớp chữ ký số/);
  });

  it('publishes the public key; certificates signed with an earlier, registered key stay valid until that key is revoked', async () => {
    const current = await ok<CertificatePublicKey>(anon.get('/api/certificates/public-key'));
    expect(current.algorithm).toBe('Ed25519');
    expect(current.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(keyIdOf(crypto.createPublicKey(current.publicKeyPem))).toBe(current.keyId);

    // An older key: its certificate was signed before the rotation.
    const old = crypto.generateKeyPairSync('ed25519');
    const oldId = keyIdOf(old.publicKey);
    const oldPem = old.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    await q(`insert into certificate_signing_keys (key_id, public_key_pem, first_used_at) values ($1, $2, '2026-06-01')`, [oldId, oldPem]);
    const src = (await q<{ payload: Record<string, unknown> }>(`select payload from certificates where number = '${nA}'`))[0]!.payload;
    const payload = { ...src, number: 'TCT.66/2026/000001', issuedOn: '2026-12-01', keyId: oldId };
    await q(
      `insert into certificates (number, enrolment_id, official_id, province_code, commune_code, class_id, programme_id, issuer_id, issued_on,
                                 payload, signature, key_id)
       select 'TCT.66/2026/000001', $1, $2, '66', '24133', $3, $4, $5, '2026-12-01', $6::jsonb, $7, $8`,
      [enr.W, W.id, K1, CMNV, orgs['TCT.66'], JSON.stringify(payload), signPayload(payload, old.privateKey), oldId],
    );
    const v = await ok<CertificateVerification>(anon.get('/api/certificates/TCT.66-2026-000001/verify'));
    expect(v).toMatchObject({ status: 'valid', keyId: oldId, issuedAt: '2026-12-01' });
    expect(await ok<CertificatePublicKey>(anon.get(`/api/certificates/public-key?keyId=${oldId}`))).toEqual({
      keyId: oldId,
      algorithm: 'Ed25519',
      publicKeyPem: oldPem,
    });
    const all = await ok<CertificatePublicKeysResponse>(anon.get('/api/certificates/public-keys'));
    expect(all.currentKeyId).toBe(current.keyId);
    expect(all.keys.map((k) => [k.keyId, k.current]).sort()).toEqual(
      [
        [current.keyId, true],
        [oldId, false],
      ].sort(),
    );
    expectError(await anon.get('/api/certificates/public-key?keyId=0000000000000000'), 404, 'NOT_FOUND');
    expectError(await anon.get('/api/certificates/public-key?keyId=xyz'), 400, 'VALIDATION_ERROR');

    await q(`update certificate_signing_keys set revoked_at = now(), revoked_reason = 'lộ khóa' where key_id = $1`, [oldId]);
    const after = await ok<CertificateVerification>(anon.get('/api/certificates/TCT.66-2026-000001/verify'));
    expect(after).toMatchObject({ status: 'invalid', signatureValid: false });
    expect(after.message).toMatch(/đã bị thu hồi, chữ ký không còn được tin cậy/);
    await q(`delete from certificates where number = 'TCT.66/2026/000001'`);
  });
});

describe('the PDF', () => {
  let pdf: Buffer;
  const host = 'boiduong.example.vn';

  it('the holder downloads it: Vietnamese certificate text, dd/mm/yyyy dates, place-date line', async () => {
    const res = await holder.request('GET', `/api/certificates/${slug(nA)}/pdf`, undefined, { host });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`giay-chung-nhan-${slug(nA)}.pdf`);
    pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await pdfText(pdf)).normalize('NFC');
    for (const s of [
      'TRƯỜNG CHÍNH TRỊ TỈNH ĐẮK LẮK',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'GIẤY CHỨNG NHẬN',
      `Số: ${nA}`,
      A.fullName.toLocaleUpperCase('vi'),
      'Sinh ngày:',
      'Bồi dưỡng nghiệp vụ quản lý đất đai và trật tự xây dựng cấp xã',
      'từ ngày 11/01/2027 đến ngày 15/01/2027',
      'Kết quả:',
      'Hoàn thành',
      'Đắk Lắk, ngày 05 tháng 02 năm 2027',
      'HIỆU TRƯỞNG',
    ]) {
      expect(text).toContain(s);
    }
    const birth = (await q<{ d: string }>(`select to_char(birth_date, 'DD/MM/YYYY') as d from officials where id = $1`, [A.id]))[0]!.d;
    expect(text).toContain(birth);
  });

  it('its QR code holds the public verification URL', async () => {
    expect(await qrOf(pdf, 80)).toBe(`http://${host}/xac-thuc/${slug(nA)}`);
  });

  it('carries the signed data: the CLI verifies the file offline; a copy with another name fails', async () => {
    const e = extractEmbedded(pdf)!;
    expect(e.payload?.number).toBe(nA);
    expect(e.payload?.holder.fullName).toBe(A.fullName);
    const key = await ok<CertificatePublicKey>(anon.get('/api/certificates/public-key'));
    const keyFile = path.join(tmp, 'khoa.pem');
    fs.writeFileSync(keyFile, key.publicKeyPem);
    const file = path.join(tmp, 'giay.pdf');
    fs.writeFileSync(file, pdf);

    const good = await cli(file, keyFile);
    expect(good.out).toMatch(/^HỢP LỆ: chữ ký số Ed25519 đúng/);
    expect(good.out).toContain(A.fullName);
    expect(good.out).toContain(nA);
    expect(good.code).toBe(0);

    // Tampered copy: the embedded name changed (every copy of it), signature kept.
    const forged = encodeEmbedded({ ...e.payload!, holder: { ...e.payload!.holder, fullName: 'Trần Văn Giả' } }, e.signature);
    const original = encodeEmbedded(e.payload!, e.signature);
    const tamperedFile = path.join(tmp, 'gia.pdf');
    fs.writeFileSync(tamperedFile, Buffer.from(pdf.toString('latin1').replaceAll(original, forged), 'latin1'));
    const bad = await cli(tamperedFile, keyFile);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/^KHÔNG HỢP LỆ: Chữ ký số không khớp/);
    expect(bad.out).toContain('Trần Văn Giả');

    // The JSON of the public-keys endpoint works as a key file; another key does not verify.
    const ring = path.join(tmp, 'keys.json');
    fs.writeFileSync(ring, JSON.stringify(await ok<CertificatePublicKeysResponse>(anon.get('/api/certificates/public-keys'))));
    expect((await cli(file, ring)).code).toBe(0);
    const stranger = path.join(tmp, 'la.pem');
    fs.writeFileSync(stranger, crypto.generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const wrongKey = await cli(file, stranger);
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.out).toMatch(/Không có khóa công khai mã/);
    // Usage errors: exit 2 with the usage line.
    const usage = await cli(path.join(tmp, 'khong-co.pdf'), keyFile);
    expect(usage.code).toBe(2);
    expect(usage.out).toMatch(/Không tìm thấy tệp/);
  }, 60_000);

  it("who may download: the holder, admins of the holder's scope, the issuing school — others get 404", async () => {
    for (const c of [national, province, reviewer, bmt, school]) {
      const r = await c.get(`/api/certificates/${slug(nA)}/pdf`);
      expect(r.statusCode, r.body).toBe(200);
    }
    for (const c of [academy, otherCommune, otherLearner]) expectError(await c.get(`/api/certificates/${slug(nA)}/pdf`), 404, 'NOT_FOUND');
    expectError(await anon.get(`/api/certificates/${slug(nA)}/pdf`), 401, 'UNAUTHENTICATED');
    expectError(await holder.get('/api/certificates/TCT.66-2027-999999/pdf'), 404, 'NOT_FOUND');
  });

  it('the class .zip holds the PDFs the caller may see, and warns about tampered ones', async () => {
    const res = await school.get(`/api/classes/${K1}/certificates.zip`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const zip = res.rawPayload;
    expect(zip.subarray(0, 2).toString()).toBe('PK');
    const names = zip.toString('latin1');
    expect(names).toContain(`giay-chung-nhan-${slug(nA)}.pdf`);
    expect(names).not.toContain(`giay-chung-nhan-${slug(nF)}.pdf`); // tampered above
    expect(names).toContain('CANH-BAO.txt');
    const file = path.join(tmp, 'lop.zip');
    fs.writeFileSync(file, zip);
    const listing = (await run('python3', ['-c', 'import sys,zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', file]))
      .stdout;
    expect(listing.trim().split('\n').sort()).toEqual(['CANH-BAO.txt', `giay-chung-nhan-${slug(nA)}.pdf`]);
    for (const c of [academy, otherCommune]) expectError(await c.get(`/api/classes/${K1}/certificates.zip`), 404, 'NOT_FOUND');
    // The holder's zip holds only the holder's own certificate.
    const own = (await holder.get(`/api/classes/${K1}/certificates.zip`)).rawPayload.toString('latin1');
    expect(own).toContain(`${slug(nA)}.pdf`);
    expect(own).not.toContain('CANH-BAO.txt');
  });
});

describe('lists', () => {
  const numbersOf = (r: CertificateListResponse) => r.items.map((i) => i.number).sort();
  it('the holder sees own, the commune its people, the school what it issued, another commune nothing', async () => {
    expect(numbersOf(await ok(holder.get('/api/certificates')))).toEqual([nA]);
    const mine = await ok<CertificateListResponse>(bmt.get(`/api/certificates?classId=${K1}`));
    expect(numbersOf(mine)).toEqual([nA, nF].sort());
    expect(mine.items.every((i) => i.canRevoke === false)).toBe(true);
    expect((await ok<CertificateListResponse>(school.get('/api/certificates?pageSize=500'))).total).toBe(13);
    expect(numbersOf(await ok(academy.get('/api/certificates')))).toEqual(['HVCTQG/2027/000001']);
    expect((await ok<CertificateListResponse>(national.get('/api/certificates'))).total).toBe(14);
    expect(await ok(otherCommune.get(`/api/certificates?officialId=${A.id}`))).toEqual({ items: [], total: 0 });
    expect(numbersOf(await ok(province.get(`/api/certificates?officialId=${A.id}`)))).toEqual([nA]);
    expectError(await anon.get('/api/certificates'), 401, 'UNAUTHENTICATED');
    // One certificate, by slug or encoded number; a unit head sees its own unit's staff only.
    expect((await ok<CertificateItem>(holder.get(`/api/certificates/${slug(nA)}`))).holderName).toBe(A.fullName);
    expect((await ok<CertificateItem>(school.get(`/api/certificates/${encodeURIComponent(nA)}`))).canRevoke).toBe(true);
    expectError(await otherLearner.get(`/api/certificates/${slug(nA)}`), 404, 'NOT_FOUND');
    const heads = await q<{ username: string; unit_id: number }>(
      `select username, unit_id from users where username like 'donvi.24133.%' order by username`,
    );
    const ownHead = heads.find((h) => h.unit_id === A.unitId)!;
    const otherHead = heads.find((h) => h.unit_id !== A.unitId)!;
    expect((await ok<CertificateItem>((await t.loginAs(ownHead.username)).get(`/api/certificates/${slug(nA)}`))).number).toBe(nA);
    expectError(await (await t.loginAs(otherHead.username)).get(`/api/certificates/${slug(nA)}`), 404, 'NOT_FOUND');
    expectError(await bmt.get('/api/certificates?officialId=abc'), 400, 'VALIDATION_ERROR');
  });
});

describe('revocation', () => {
  it("only the ministry, the issuing school or the holder's province admin revokes", async () => {
    expectError(await bmt.post(`/api/certificates/${slug(nA)}/revoke`, { reason: 'Cấp nhầm người' }), 403, 'FORBIDDEN');
    expectError(await holder.post(`/api/certificates/${slug(nA)}/revoke`, { reason: 'Cấp nhầm người' }), 403, 'FORBIDDEN');
    expectError(await academy.post(`/api/certificates/${slug(nA)}/revoke`, { reason: 'Cấp nhầm người' }), 404, 'NOT_FOUND');
    expectError(await school.post('/api/certificates/TCT.66-2027-999999/revoke', { reason: 'Cấp nhầm người' }), 404, 'NOT_FOUND');
    const short = expectError(await school.post(`/api/certificates/${slug(nA)}/revoke`, { reason: 'x' }), 400, 'VALIDATION_ERROR');
    expect(short.fields?.[0]?.field).toBe('reason');
    expect(short.message).toMatch(/^Lý do: /);
  });

  it('revoked with a reason: verification says so, audited, and twice is 409', async () => {
    const item = await ok<CertificateItem>(school.post(`/api/certificates/${slug(nA)}/revoke`, { reason: '  Cấp nhầm   lớp học ' }));
    expect(item).toMatchObject({ revoked: true, revokedReason: 'Cấp nhầm lớp học', revokedBy: 'truong.66', canRevoke: false });
    const v = await ok<CertificateVerification>(anon.get(`/api/certificates/${slug(nA)}/verify`));
    expect(v).toMatchObject({
      status: 'revoked',
      valid: false,
      revoked: true,
      signatureValid: true,
      revokedReason: 'Cấp nhầm lớp học',
      revokedAt: TODAY,
    });
    expect(v.message).toBe('Giấy chứng nhận đã bị thu hồi ngày 05/02/2027; không còn giá trị. Lý do: Cấp nhầm lớp học');
    const again = expectError(await national.post(`/api/certificates/${slug(nA)}/revoke`, { reason: 'Thu hồi lần hai' }), 409, 'CONFLICT');
    expect(again.message).toBe(`Giấy chứng nhận số ${nA} đã bị thu hồi ngày 05/02/2027.`);
    const audit = await ok<{ items: AuditItem[] }>(national.get('/api/audit?action=certificate.revoke'));
    expect(audit.items.map((a) => [a.entityId, a.actorUsername])).toEqual([[nA, 'truong.66']]);
    expect(await ok(holder.get('/api/certificates?revoked=true'))).toMatchObject({ total: 1 });
    expect(await ok(holder.get('/api/certificates?revoked=false'))).toMatchObject({ total: 0 });
    // The holder still gets the file, marked as revoked.
    const text = await pdfText((await holder.get(`/api/certificates/${slug(nA)}/pdf`)).rawPayload, true);
    expect(text).toContain('ĐÃ THU HỒI 05/02/2027');
    const unrevoked = await pdfText((await school.get('/api/certificates/TCT.66-2027-000004/pdf')).rawPayload, true);
    expect(unrevoked).toContain('GIẤY CHỨNG NHẬN');
    expect(unrevoked).not.toContain('ĐÃ THU HỒI');
  });
});

describe('CMCN certificate and "meets the position\'s requirement" (SPEC §6)', () => {
  const flagsOf = (id: string) =>
    q<{ from_date: string; to_date: string | null; set_reason: string | null; cleared_reason: string | null; cleared_by: string | null }>(
      `select to_char(from_date, 'YYYY-MM-DD') as from_date, to_char(to_date, 'YYYY-MM-DD') as to_date, set_reason, cleared_reason, cleared_by
       from official_flags where official_id = $1 and flag = 'below_standard' order by id`,
      [id],
    );
  const officialRow = async (id: string) =>
    (
      await q<{
        below_standard: boolean;
        meets_requirement_override: boolean | null;
        meets_requirement_reason: string | null;
        version: number;
      }>(`select below_standard, meets_requirement_override, meets_requirement_reason, version from officials where id = $1`, [id])
    )[0]!;
  let number: string;

  it('issuing clears the below-standard flag with the certificate as the reason, keeping the history', async () => {
    const before = await officialRow(B.id);
    expect(before.below_standard).toBe(true);
    const openBefore = await flagsOf(B.id);
    expect(openBefore.filter((f) => f.to_date === null)).toHaveLength(1);

    const out = await ok<IssueClassCertificatesResponse>(school.post(`/api/classes/${K2}/certificates`), 201);
    expect(out.issued).toHaveLength(1);
    number = out.issued[0]!.number;
    expect(out.issued[0]!.meetsRequirement).toBe(true);

    const after = await officialRow(B.id);
    expect(after).toEqual({
      below_standard: false,
      meets_requirement_override: true,
      meets_requirement_reason: `Có chứng chỉ bồi dưỡng kiến thức chuyên môn chuyên ngành số ${number}`,
      version: before.version + 1,
    });
    const flags = await flagsOf(B.id);
    expect(flags).toHaveLength(openBefore.length);
    expect(flags.at(-1)).toMatchObject({ to_date: '2027-02-04', cleared_by: 'truong.66', cleared_reason: meetsRequirementReason(number) });
    const detail = await ok<OfficialDetail>(bmt.get(`/api/officials/${B.id}`));
    expect(detail).toMatchObject({ meetsRequirement: true, belowStandard: false, meetsRequirementOverride: true });
    expect(detail.flags.find((f) => f.flag === 'below_standard' && f.clearedReason === meetsRequirementReason(number))).toBeTruthy();
    const audit = await q<{ action: string }>(
      `select action from audit_log where entity_type = 'official' and entity_id = $1 order by id`,
      [B.id],
    );
    expect(audit.map((a) => a.action)).toContain('official.meets_requirement_by_certificate');

    // A "chứng chỉ", not a "giấy chứng nhận".
    const text = await pdfText((await bmt.get(`/api/certificates/${slug(number)}/pdf`)).rawPayload);
    expect(text).toContain('CHỨNG CHỈ');
    expect(text).not.toContain('GIẤY CHỨNG NHẬN');
    expect((await anon.get(`/api/certificates/${slug(number)}/verify`)).json<CertificateVerification>().message).toMatch(
      /^Chứng chỉ hợp lệ/,
    );
  });

  it('the province admin of the holder revokes it: the flag reopens as a new period, the old one stays', async () => {
    const before = await officialRow(B.id);
    await ok<CertificateItem>(province.post(`/api/certificates/${slug(number)}/revoke`, { reason: 'Hồ sơ dự học không hợp lệ' }));
    const after = await officialRow(B.id);
    expect(after).toEqual({
      below_standard: true,
      meets_requirement_override: null,
      meets_requirement_reason: null,
      version: before.version + 1,
    });
    const flags = await flagsOf(B.id);
    const closed = flags.at(-2)!;
    const reopened = flags.at(-1)!;
    expect(closed).toMatchObject({ to_date: '2027-02-04', cleared_reason: meetsRequirementReason(number) });
    expect(reopened).toEqual({
      from_date: TODAY,
      to_date: null,
      set_reason: `Thu hồi chứng chỉ số ${number}: Hồ sơ dự học không hợp lệ`,
      cleared_reason: null,
      cleared_by: null,
    });
    const audit = await q<{ action: string }>(
      `select action from audit_log where entity_type = 'official' and entity_id = $1 order by id`,
      [B.id],
    );
    expect(audit.map((a) => a.action).at(-1)).toBe('official.meets_requirement_certificate_revoked');
  });
});
