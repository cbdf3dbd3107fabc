/** Fixtures for the evaluation, rating and effect tests: finished classes with completed learners. */
import crypto from 'node:crypto';
import type pg from 'pg';
import type { TestClient } from '../../../test/harness.ts';

export const put = (c: TestClient, url: string, body: unknown) => c.request('PUT', url, body);

export async function userRow(
  pool: pg.Pool,
  username: string,
): Promise<{ official_id: string | null; unit_id: number | null; commune_code: string | null }> {
  return (await pool.query(`select official_id, unit_id, commune_code from users where username = $1`, [username])).rows[0];
}

/** A finished class of `programmeId` ending on `endDate`, with the given officials completed. */
export async function finishedClass(
  pool: pg.Pool,
  opts: { programmeId: number; organiserId: number; endDate: string; officialIds: string[]; result?: 'completed' | 'failed' },
): Promise<number[]> {
  const code = `TEST.EV.${crypto.randomBytes(4).toString('hex').toUpperCase()}`;
  const cls = await pool.query<{ id: number; programme_type: string }>(
    `insert into classes (code, name, programme_id, programme_type, organiser_id, province_code, mode, schedule_type, start_date, end_date, capacity, status)
     select $1, 'Lớp đánh giá ' || $1, p.id, p.type, $2, '66', 'truc_tiep', 'trong_gio', ($3::date - 2), $3::date, 50, 'finished'
       from programmes p where p.id = $4 returning id, programme_type`,
    [code, opts.organiserId, opts.endDate, opts.programmeId],
  );
  const c = cls.rows[0]!;
  const ids: number[] = [];
  for (const officialId of opts.officialIds) {
    const r = await pool.query<{ id: number }>(
      `insert into enrolments (class_id, official_id, province_code, commune_code, unit_id, programme_type, class_end_date, decision_date, status, result)
       select $1, o.id, o.province_code, o.commune_code, o.unit_id, $2, $3, $3, 'nominated', $4 from officials o where o.id = $5 returning id`,
      [c.id, c.programme_type, opts.endDate, opts.result ?? 'completed', officialId],
    );
    ids.push(r.rows[0]!.id);
  }
  return ids;
}

export const CRITERIA = [
  'ung_dung',
  'ket_qua_cong_vu',
  'tham_muu',
  'hai_long',
  'phoi_hop',
  'ky_luat',
  'liem_chinh',
  'trach_nhiem',
] as const;
export const answers = (score: number, evidence = 'Có minh chứng trong hồ sơ công việc') => ({
  criteria: Object.fromEntries(CRITERIA.map((c) => [c, { score, evidence }])),
});
