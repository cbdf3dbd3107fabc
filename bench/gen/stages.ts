/**
 * The training-side stages of the national generator (after officials exist): classes, sessions,
 * enrolments, attendance sample, scores, self-reports, post-training evaluations, annual ratings,
 * below-standard flags cleared by CMCN completions. One COPY stream per table and chunk; a province
 * at a time, each with its own seeded random stream (deterministic for a seed).
 */
import type { Pool, PoolClient } from 'pg';
import { makeRng } from '../../apps/server/src/seed/names.ts';
import {
  generateProvinceTraining,
  flushTraining,
  trainingBuffers,
  type GenCommune,
  type GenOfficial,
  type GenProgramme,
  type ProgrammeType,
} from './training.ts';
import { generateSelfReport, selfReportBuffer } from './self-reports.ts';
import { EVALUATION_COLUMNS, RESPONSE_COLUMNS, evaluationBuffers, generateEvaluation } from './evaluations.ts';
import { RATING_COLUMNS, generateRatings, ratedYears, ratingBuffer } from './annual-ratings.ts';
import { usableTable } from './optional.ts';
import { CopyQueue } from './copy.ts';

export interface StageCounts {
  classes: number;
  sessions: number;
  enrolments: number;
  attendance: number;
  selfReports: number;
  evaluations: number;
  evaluationResponses: number;
  ratings: number;
  flagsCleared: number;
}

const OWN_TABLES = [
  'classes',
  'class_communes',
  'bridge_points',
  'class_sessions',
  'enrolments',
  'attendance',
  'scores',
  'self_reports',
  'post_training_evaluations',
  'annual_ratings',
];

async function userTriggers(client: PoolClient): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    // Row-level triggers only (tgtype bit 0): statement-level ones (e.g. the KPI cache's change marker)
    // are fired once after the load instead.
    `select count(*)::int as n from pg_trigger t join pg_class c on c.oid = t.tgrelid
      where not t.tgisinternal and (t.tgtype & 1) = 1 and c.relname = any($1::text[])`,
    [OWN_TABLES],
  );
  return rows[0]!.n;
}

/** Builds the dropped indexes, two at a time (two cores), biggest tables' indexes spread over both. */
async function rebuildIndexes(pool: Pool, defs: { def: string }[]): Promise<void> {
  const queue = defs.map((d) => d.def.replace(/^CREATE (UNIQUE )?INDEX /, (m) => `${m}IF NOT EXISTS `));
  const worker = async () => {
    const c = await pool.connect();
    try {
      await c.query(`set maintenance_work_mem = '256MB'`);
      for (let sql = queue.shift(); sql; sql = queue.shift()) await c.query(sql);
    } finally {
      c.release();
    }
  };
  await Promise.all([worker(), worker()]);
}

export async function generateTrainingStages(
  pool: Pool,
  opts: { seed: number; today: string; communes: GenCommune[] },
  log: (m: string) => void,
): Promise<StageCounts> {
  const client = await pool.connect();
  let dropped: { def: string; name: string }[] = [];
  try {
    await client.query(
      `truncate classes, class_communes, bridge_points, class_sessions, enrolments, attendance, scores, self_reports restart identity cascade`,
    );
    for (const t of ['classes', 'class_sessions', 'bridge_points', 'enrolments'])
      await client.query(`select setval(pg_get_serial_sequence($1, 'id'), 1, false)`, [t]);
    const hasEvaluations =
      (await usableTable(client, 'post_training_evaluations', EVALUATION_COLUMNS, log)) &&
      (await usableTable(client, 'evaluation_responses', RESPONSE_COLUMNS, log));
    const hasRatings = await usableTable(client, 'annual_ratings', RATING_COLUMNS, log);
    if (hasEvaluations) {
      await client.query('truncate post_training_evaluations, evaluation_responses restart identity cascade');
      await client.query(`select setval(pg_get_serial_sequence('post_training_evaluations', 'id'), 1, false)`);
    }
    if (hasRatings) await client.query('truncate annual_ratings restart identity cascade');
    // Foreign keys are satisfied by construction (and checked by the generator's test); skipping their
    // per-row checks during COPY halves the load time. Only when no module has put triggers on these
    // tables (a trigger-maintained summary must see every row).
    let replica = false;
    if ((await userTriggers(client)) === 0) {
      try {
        await client.query(`set session_replication_role = replica`);
        replica = true;
      } catch {
        log('  (không tắt được kiểm tra khóa ngoại khi nạp: cần quyền superuser; nạp bình thường)');
      }
    }
    const programmes = new Map<ProgrammeType, GenProgramme[]>();
    const progRows = (
      await client.query<GenProgramme>(
        `select distinct on (code) id, name, type, duration_days from programmes where approval_status = 'approved' order by code, version_no desc`,
      )
    ).rows;
    for (const p of progRows) programmes.set(p.type, [...(programmes.get(p.type) ?? []), p]);
    const orgIds = new Map(
      (await client.query<{ id: number; code: string }>('select id, code from training_orgs')).rows.map((r) => [r.code, r.id]),
    );
    const officials = (
      await client.query<GenOfficial>(
        `select id::text, province_code, commune_code, unit_id, official_type, is_leader, below_standard from officials
          where status = 'dang_cong_tac' order by province_code, commune_code, id`,
      )
    ).rows;
    const byProvince = new Map<string, GenOfficial[]>();
    for (const o of officials) byProvince.set(o.province_code, [...(byProvince.get(o.province_code) ?? []), o]);
    const communesByProvince = new Map<string, GenCommune[]>();
    for (const c of opts.communes) communesByProvince.set(c.province_code, [...(communesByProvince.get(c.province_code) ?? []), c]);

    // Secondary indexes are dropped for the load and built once afterwards (much faster than keeping
    // them up to date row by row); primary keys stay. They are rebuilt even when the load fails.
    dropped = (
      await client.query<{ def: string; name: string }>(
        `select pg_get_indexdef(i.indexrelid) as def, quote_ident(n.nspname) || '.' || quote_ident(ic.relname) as name
           from pg_index i join pg_class c on c.oid = i.indrelid join pg_class ic on ic.oid = i.indexrelid join pg_namespace n on n.oid = ic.relnamespace
          where c.relname = any($1::text[]) and n.nspname = current_schema() and not i.indisprimary
            and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`,
        [OWN_TABLES],
      )
    ).rows;
    for (const d of dropped) await client.query(`drop index ${d.name}`);
    const queue = new CopyQueue(client);
    const buffers = trainingBuffers(queue);
    const sr = selfReportBuffer(queue);
    const ev = evaluationBuffers(queue);
    const ra = ratingBuffer(queue);
    // One province loads while the next one is generated (two cores: Node and PostgreSQL both busy).
    let inFlight: Promise<unknown> = Promise.resolve();
    const years = ratedYears(opts.today);
    const ids = { class: 1, session: 1, bridge: 1, enrolment: 1 };
    let evaluationId = 1;
    const provinces = [...byProvince.keys()].sort();
    for (const p of provinces) {
      const rng = makeRng(opts.seed * 7919 + Number(p) * 104_729);
      const rngSide = makeRng(opts.seed * 15_485_863 + Number(p));
      generateProvinceTraining(
        {
          today: opts.today,
          programmes,
          orgIds,
          ids,
          buffers,
          onEnrolment: (e) => {
            generateSelfReport(sr, rngSide, e, opts.today);
            if (hasEvaluations) evaluationId += generateEvaluation(ev, rngSide, e, opts.today, evaluationId);
          },
        },
        rng,
        p,
        communesByProvince.get(p) ?? [],
        byProvince.get(p)!,
      );
      if (hasRatings) for (const o of byProvince.get(p)!) generateRatings(ra, rngSide, o, years, opts.today);
      await inFlight;
      flushTraining(buffers);
      for (const b of [sr, ev.evaluations, ev.responses, ra]) b.flush().catch(() => {});
      inFlight = queue.drain();
      log(`  tỉnh ${p}: ${(ids.enrolment - 1).toLocaleString('vi-VN')} lượt cử đi học đến nay`);
    }
    await inFlight;
    await queue.drain();
    const tIdx = performance.now();
    await rebuildIndexes(pool, dropped);
    dropped = [];
    log(`  dựng lại chỉ mục: ${((performance.now() - tIdx) / 1000).toFixed(1)} s`);
    if (replica) {
      await client.query(`set session_replication_role = origin`);
      // Fire the statement-level triggers the load skipped (e.g. the KPI result cache's change marker).
      for (const t of OWN_TABLES)
        if (t !== 'evaluation_responses' || hasEvaluations) await client.query(`delete from ${t} where false`).catch(() => {});
    }
    // A CMCN completion meets the position's requirement: the below-standard period ends on the class
    // end date (history kept) and the official's current flag clears, as the certificates module does.
    const cleared = await client.query(`
      with done as (
        select distinct on (official_id) official_id, class_end_date from enrolments
         where programme_type = 'CMCN' and result = 'completed' order by official_id, class_end_date)
      update official_flags f set to_date = d.class_end_date, cleared_by = 'sinh-du-lieu',
             cleared_reason = 'Hoàn thành chương trình bồi dưỡng kiến thức chuyên môn chuyên ngành', cleared_at = d.class_end_date + time '17:00'
        from done d where f.official_id = d.official_id and f.flag = 'below_standard' and f.to_date is null`);
    await client.query(`
      update officials o set below_standard = false, meets_requirement_override = true,
             meets_requirement_reason = 'Đã hoàn thành chương trình CMCN', updated_by = 'sinh-du-lieu'
        from (select distinct official_id from enrolments where programme_type = 'CMCN' and result = 'completed') d
       where o.id = d.official_id and o.below_standard`);
    await client.query(
      `analyze classes, class_communes, bridge_points, class_sessions, enrolments, attendance, scores, self_reports, official_flags, officials`,
    );
    if (hasEvaluations) await client.query('analyze post_training_evaluations, evaluation_responses');
    if (hasRatings) await client.query('analyze annual_ratings');
    return {
      classes: ids.class - 1,
      sessions: ids.session - 1,
      enrolments: ids.enrolment - 1,
      attendance: buffers.attendance.rows,
      selfReports: sr.rows,
      evaluations: ev.evaluations.rows,
      evaluationResponses: ev.responses.rows,
      ratings: ra.rows,
      flagsCleared: cleared.rowCount ?? 0,
    };
  } finally {
    if (dropped.length) await rebuildIndexes(pool, dropped).catch((err: unknown) => log(`  lỗi dựng lại chỉ mục: ${String(err)}`));
    await client.query(`reset session_replication_role`).catch(() => {});
    client.release();
  }
}
