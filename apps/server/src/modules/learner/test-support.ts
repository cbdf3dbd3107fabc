/**
 * Fixtures for the learner-side tests: a class (made with SQL so a test can put it at any date,
 * including in the past), nominations of demo learners, and multipart uploads.
 */
import crypto from 'node:crypto';
import type pg from 'pg';
import type { LightMyRequestResponse } from 'fastify';
import type { TestClient } from '../../../test/harness.ts';
import { insertProgramme, orgIdOf } from '../classes/test-support.ts';

export interface Learner {
  username: string;
  officialId: string;
  provinceCode: string;
  communeCode: string;
  unitId: number | null;
}

export async function learnerOf(pool: pg.Pool, username: string): Promise<Learner> {
  const r = await pool.query<Learner>(
    `select u.username, u.official_id as "officialId", o.province_code as "provinceCode", o.commune_code as "communeCode", o.unit_id as "unitId"
     from users u join officials o on o.id = u.official_id where u.username = $1`,
    [username],
  );
  if (!r.rows[0]) throw new Error(`no learner ${username}`);
  return r.rows[0];
}

/** The unit head account of a unit (demo: donvi.<commune>.<n>). */
export async function unitHeadOf(pool: pg.Pool, unitId: number): Promise<string | null> {
  const r = await pool.query<{ username: string }>(`select username from users where role = 'unit_head' and unit_id = $1 limit 1`, [
    unitId,
  ]);
  return r.rows[0]?.username ?? null;
}
export async function otherUnitHead(pool: pg.Pool, commune: string, unitId: number): Promise<string> {
  const r = await pool.query<{ username: string }>(
    `select username from users where role = 'unit_head' and commune_code = $1 and unit_id <> $2 order by username limit 1`,
    [commune, unitId],
  );
  return r.rows[0]!.username;
}

let seq = 0;
/** A class of TCT.66 in province 66 with sessions (one topic each). */
export async function makeClassAt(
  pool: pg.Pool,
  o: { startDate: string; endDate: string; requiresEssay?: boolean; topics?: string[]; status?: string; org?: string },
): Promise<{ id: number; name: string; programmeId: number }> {
  seq++;
  const programmeId = await insertProgramme(pool, { type: 'CMNV', requiresEssay: o.requiresEssay ?? false });
  const orgId = await orgIdOf(pool, o.org ?? 'TCT.66');
  const name = `Lớp học viên thử ${seq} ${crypto.randomBytes(2).toString('hex')}`;
  const r = await pool.query<{ id: number }>(
    `insert into classes (code, name, programme_id, programme_type, organiser_id, province_code, mode, schedule_type, start_date, end_date, capacity, status)
     values ($1, $2, $3, 'CMNV', $4, '66', 'truc_tiep', 'trong_gio', $5, $6, 40, $7) returning id`,
    [`T-${crypto.randomBytes(5).toString('hex')}`, name, programmeId, orgId, o.startDate, o.endDate, o.status ?? 'finished'],
  );
  const id = r.rows[0]!.id;
  for (const [i, topic] of (o.topics ?? ['Chuyên đề 1: Chính quyền địa phương hai cấp']).entries()) {
    const instructor = await pool.query<{ id: number }>(
      `insert into instructors (full_name, kind) values ($1, 'giang_vien') returning id`,
      [`Giảng viên thử ${seq}.${i}`],
    );
    await pool.query(
      `insert into class_sessions (class_id, date, start_time, end_time, topic, instructor_id) values ($1, $2, '07:30', '11:00', $3, $4)`,
      [id, o.startDate, topic, instructor.rows[0]!.id],
    );
  }
  return { id, name, programmeId };
}

/** A nomination (status nominated) of a learner to a class. */
export async function enrol(pool: pg.Pool, classId: number, l: Pick<Learner, 'officialId'>, status = 'nominated'): Promise<number> {
  const r = await pool.query<{ id: number }>(
    `insert into enrolments (class_id, official_id, province_code, commune_code, unit_id, programme_type, class_end_date, decision_date, status)
     select c.id, o.id, o.province_code, o.commune_code, o.unit_id, c.programme_type, c.end_date, c.start_date, $3
     from classes c, officials o where c.id = $1 and o.id = $2 returning id`,
    [classId, l.officialId, status],
  );
  return r.rows[0]!.id;
}

export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
export const JPG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 2)]);
/** The first bytes of a .docx: a zip whose entries include word/document.xml. */
export const DOCX = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  Buffer.alloc(26, 0),
  Buffer.from('word/document.xml'),
  Buffer.alloc(64, 3),
]);

/** POST multipart/form-data: text fields and an optional file (field "file"). */
export async function postForm(
  app: { inject: (o: object) => Promise<LightMyRequestResponse> },
  client: TestClient,
  url: string,
  fields: Record<string, string>,
  file?: { name: string; content: Buffer; type?: string },
): Promise<LightMyRequestResponse> {
  const boundary = `----vitest${crypto.randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const headers: Record<string, string> = { 'content-type': `multipart/form-data; boundary=${boundary}` };
  if (client.cookies.size) headers.cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  if (client.cookies.has('csrf')) headers['x-csrf-token'] = client.cookies.get('csrf')!;
  return app.inject({ method: 'POST', url, headers, payload: Buffer.concat(parts) });
}
