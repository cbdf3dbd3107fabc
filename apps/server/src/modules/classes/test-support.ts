/**
 * Fixtures for the classes and enrolments tests: programmes (the programmes module owns the
 * catalogue; tests insert the few rows they need), units and officials made with SQL so a test
 * controls exactly how many people a unit has, and a class factory through the API.
 */
import crypto from 'node:crypto';
import type pg from 'pg';
import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { AuditItem, ClassDetail, CreateClassRequest, ProgrammeType } from '@app/shared';
import type { TestClient, TestContext } from '../../../test/harness.ts';

export const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  fields?: { field: string; message: string }[];
}

/** Asserts a refusal: status, code, a Vietnamese message, no stack trace. */
export function expectError(res: LightMyRequestResponse, status: number, code: string): ErrorBody {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json<ErrorBody>();
  expect(body).toMatchObject({ statusCode: status, code });
  expect(body.message).toMatch(VIETNAMESE);
  expect(body.message).not.toMatch(/at .*\.ts:\d+/);
  return body;
}
export const fieldsOf = (res: LightMyRequestResponse) => (res.json<ErrorBody>().fields ?? []).map((f) => f.field);

export async function ok<T>(res: Promise<LightMyRequestResponse> | LightMyRequestResponse, status = 200): Promise<T> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json<T>();
}

/** A page of the audit log as the API returns it. */
export interface AuditPage {
  items: AuditItem[];
  total: number;
}

/** Logs in several demo accounts at once, in order. */
export async function loginAll<const N extends readonly string[]>(t: TestContext, names: N): Promise<{ [K in keyof N]: TestClient }> {
  return (await Promise.all(names.map((n) => t.loginAs(n)))) as { [K in keyof N]: TestClient };
}

const suffix = () => crypto.randomBytes(3).toString('hex').toUpperCase();

export async function insertProgramme(
  pool: pg.Pool,
  p: {
    type: ProgrammeType;
    code?: string;
    name?: string;
    fields?: string[];
    minAttendancePct?: number;
    maxExcusedPct?: number;
    passScore?: number;
    requiresEssay?: boolean;
  },
): Promise<number> {
  const r = await pool.query<{ id: number }>(
    `insert into programmes (code, name, type, owner, fields, duration_days, total_hours, practice_hours, min_attendance_pct, max_excused_pct, pass_score, requires_essay, approval_status)
     values ($1, $2, $3, 'ministry', $4::text[], 3, 24, 16, $5, $6, $7, $8, 'approved') returning id`,
    [
      p.code ?? `TEST.${p.type}.${suffix()}`,
      p.name ?? `Chương trình thử ${p.type}`,
      p.type,
      p.fields ?? [],
      p.minAttendancePct ?? 100,
      p.maxExcusedPct ?? 20,
      p.passScore ?? 5,
      p.requiresEssay ?? false,
    ],
  );
  return r.rows[0]!.id;
}

export async function orgIdOf(pool: pg.Pool, code: string): Promise<number> {
  return (await pool.query<{ id: number }>('select id from training_orgs where code = $1', [code])).rows[0]!.id;
}

export async function defaultUnit(pool: pg.Pool, commune: string, kind: string): Promise<number> {
  return (await pool.query<{ id: number }>('select id from units where commune_code = $1 and kind = $2 and is_default', [commune, kind]))
    .rows[0]!.id;
}

/** A new unit of the commune (its staff is only what the test adds). */
export async function addUnit(
  pool: pg.Pool,
  commune: string,
  opts: { name?: string; kind?: string } = {},
): Promise<{ id: number; name: string }> {
  const name = opts.name ?? `Tổ thử nghiệm ${suffix()}`;
  const r = await pool.query<{ id: number }>(
    `insert into units (province_code, commune_code, name, kind, bloc) select province_code, code, $2, $3, 'ubnd' from communes where code = $1 returning id`,
    [commune, name, opts.kind ?? 'to_thu_nghiem'],
  );
  return { id: r.rows[0]!.id, name };
}

let person = 0;
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dung',
  'Giang',
  'Hải',
  'Hương',
  'Khánh',
  'Linh',
  'Minh',
  'Nga',
  'Oanh',
  'Phương',
  'Quân',
  'Sang',
  'Tú',
];

/** An official in the registry (with its first assignment), in service unless told otherwise. */
export async function addOfficial(
  pool: pg.Pool,
  o: {
    commune: string;
    unitId: number | null;
    fullName?: string;
    status?: 'dang_cong_tac' | 'nghi_huu' | 'chuyen_cong_tac' | 'thoi_viec';
    belowStandard?: boolean;
  },
): Promise<{ id: string; fullName: string }> {
  person++;
  const fullName = o.fullName ?? `Trần Thử ${GIVEN[person % GIVEN.length]} ${suffix()}`;
  const given = fullName.split(' ').pop()!;
  const r = await pool.query<{ id: string }>(
    `insert into officials (province_code, commune_code, unit_id, full_name, given_name, birth_date, gender, official_type, bloc, status, below_standard, updated_by)
     select province_code, code, $2, $3, $4, '1986-05-06', 'nam', 'cong_chuc', 'ubnd', $5, $6, 'test' from communes where code = $1 returning id`,
    [o.commune, o.unitId, fullName, given, o.status ?? 'dang_cong_tac', o.belowStandard ?? false],
  );
  const id = r.rows[0]!.id;
  await pool.query(
    `insert into official_assignments (official_id, province_code, commune_code, unit_id, from_date, created_by)
     select id, province_code, commune_code, unit_id, '2025-07-01', 'test' from officials where id = $1`,
    [id],
  );
  return { id, fullName };
}

/** A unit with `n` officials in service. */
export async function unitWithStaff(pool: pg.Pool, commune: string, n: number, opts: { kind?: string; name?: string } = {}) {
  const unit = await addUnit(pool, commune, opts);
  const people = [];
  for (let i = 0; i < n; i++) people.push(await addOfficial(pool, { commune, unitId: unit.id }));
  return { ...unit, people };
}

let classSeq = 0;
/** A class made through the API (defaults: in person, in office hours, in province 66). */
export async function makeClass(
  client: TestClient,
  body: Partial<CreateClassRequest> & { programmeId: number },
  status = 201,
): Promise<ClassDetail> {
  classSeq++;
  return ok<ClassDetail>(
    client.post('/api/classes', {
      name: `Lớp thử nghiệm ${classSeq}`,
      mode: 'truc_tiep',
      scheduleType: 'trong_gio',
      startDate: '2026-12-07',
      endDate: '2026-12-09',
      capacity: 30,
      ...body,
    }),
    status,
  );
}

/** Moves a class along the flow to `status` as `client` (the organiser or an admin). */
export async function moveTo(client: TestClient, classId: number, ...statuses: string[]): Promise<ClassDetail> {
  let last: ClassDetail | null = null;
  for (const status of statuses) last = await ok<ClassDetail>(client.post(`/api/classes/${classId}/status`, { status }));
  return last!;
}

/** Sets a class's status directly (fixtures for states the clock would not allow yet). */
export async function forceStatus(pool: pg.Pool, classId: number, status: string): Promise<void> {
  await pool.query('update classes set status = $2 where id = $1', [classId, status]);
}

/** POST a file as multipart/form-data field "file" with the client's cookies and CSRF header. */
export async function upload(
  app: { inject: (o: object) => Promise<LightMyRequestResponse> },
  client: TestClient,
  url: string,
  file: Buffer,
): Promise<LightMyRequestResponse> {
  const boundary = `----vitest${crypto.randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ket-qua.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const headers: Record<string, string> = { 'content-type': `multipart/form-data; boundary=${boundary}` };
  if (client.cookies.size) headers.cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  if (client.cookies.has('csrf')) headers['x-csrf-token'] = client.cookies.get('csrf')!;
  return app.inject({ method: 'POST', url, headers, payload: Buffer.concat([head, file, tail]) });
}
