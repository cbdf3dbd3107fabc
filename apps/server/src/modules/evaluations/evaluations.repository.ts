/** All SQL of the post-training evaluations (SPEC §8). */
import { sql, type SQL } from 'drizzle-orm';
import type { EvaluationConfig, EvaluationLevel, EvaluationSource } from '@app/shared';
import type { DbOrTx } from '../../db/client.ts';
import { DEFAULT_EVALUATION_CONFIG } from './evaluations.rules.ts';

export type CandidateRow = {
  enrolment_id: number;
  evaluation_id: number | null;
  official_id: string;
  official_name: string;
  province_code: string;
  commune_code: string;
  commune_name: string | null;
  unit_id: number | null;
  unit_name: string | null;
  class_id: number;
  class_name: string;
  programme_name: string;
  class_end_date: string;
  evaluated_on: string | null;
  score: string | null;
  level: EvaluationLevel | null;
  sources: EvaluationSource[] | null;
  peer_official_ids: string[] | null;
};

export interface CandidateFilter {
  provinceCode?: string;
  communeCode?: string;
  unitId?: number;
  officialId?: string;
  enrolmentId?: number;
  /** class ended on or before this day */
  endedBy?: string;
}

/** Completed enrolments (the people an evaluation is due for), with their evaluation if any. */
export async function listCandidates(db: DbOrTx, f: CandidateFilter): Promise<CandidateRow[]> {
  const where: SQL[] = [sql`en.status = 'nominated'`, sql`en.result = 'completed'`];
  if (f.provinceCode) where.push(sql`en.province_code = ${f.provinceCode}`);
  if (f.communeCode) where.push(sql`en.commune_code = ${f.communeCode}`);
  if (f.unitId !== undefined) where.push(sql`o.unit_id = ${f.unitId}`);
  if (f.officialId) where.push(sql`en.official_id = ${f.officialId}`);
  if (f.enrolmentId !== undefined) where.push(sql`en.id = ${f.enrolmentId}`);
  if (f.endedBy) where.push(sql`en.class_end_date <= ${f.endedBy}`);
  const r = await db.execute<CandidateRow>(sql`
    select en.id as enrolment_id, e.id as evaluation_id, en.official_id, o.full_name as official_name,
           en.province_code, en.commune_code,
           (select cm.name from communes cm where cm.code = en.commune_code limit 1) as commune_name,
           o.unit_id, u.name as unit_name, c.id as class_id, c.name as class_name, p.name as programme_name,
           to_char(en.class_end_date, 'YYYY-MM-DD') as class_end_date,
           to_char(e.evaluated_on, 'YYYY-MM-DD') as evaluated_on, e.score::text as score, e.level,
           (select array_agg(distinct r.source) from evaluation_responses r where r.evaluation_id = e.id) as sources,
           e.peer_official_ids::text[] as peer_official_ids
      from enrolments en
      join officials o on o.id = en.official_id
      join classes c on c.id = en.class_id
      join programmes p on p.id = c.programme_id
      left join units u on u.id = o.unit_id
      left join post_training_evaluations e on e.enrolment_id = en.id
     where ${sql.join(where, sql` and `)}
     order by en.class_end_date, en.commune_code, o.full_name, en.id`);
  return r.rows;
}

export async function loadConfig(db: DbOrTx): Promise<EvaluationConfig & { version: number; updatedAt: string | null }> {
  const r = await db.execute<{
    criteria_weights: EvaluationConfig['criteriaWeights'];
    source_weights: EvaluationConfig['sourceWeights'];
    thresholds: EvaluationConfig['thresholds'];
    overdue_days: number;
    version: number;
    updated_at: Date | null;
  }>(sql`select criteria_weights, source_weights, thresholds, overdue_days, version, updated_at from evaluation_config where id = 1`);
  const row = r.rows[0];
  if (!row) return { ...DEFAULT_EVALUATION_CONFIG, version: 0, updatedAt: null };
  return {
    criteriaWeights: row.criteria_weights,
    sourceWeights: row.source_weights,
    thresholds: row.thresholds,
    overdueDays: row.overdue_days,
    version: row.version,
    updatedAt: row.updated_at ? new Date(row.updated_at).toISOString() : null,
  };
}

export async function saveConfig(db: DbOrTx, c: EvaluationConfig, updatedBy: string, expectedVersion: number): Promise<boolean> {
  const r = await db.execute(sql`
    insert into evaluation_config (id, criteria_weights, source_weights, thresholds, overdue_days, updated_by, updated_at, version)
    values (1, ${JSON.stringify(c.criteriaWeights)}::jsonb, ${JSON.stringify(c.sourceWeights)}::jsonb, ${JSON.stringify(c.thresholds)}::jsonb, ${c.overdueDays}, ${updatedBy}, now(), 1)
    on conflict (id) do update set criteria_weights = excluded.criteria_weights, source_weights = excluded.source_weights,
      thresholds = excluded.thresholds, overdue_days = excluded.overdue_days, updated_by = excluded.updated_by, updated_at = now(),
      version = evaluation_config.version + 1
    where evaluation_config.version = ${expectedVersion}`);
  return (r.rowCount ?? 0) > 0;
}

/** The evaluation row of an enrolment, created on first use (locked for the caller's transaction). */
export async function ensureEvaluation(
  tx: DbOrTx,
  c: CandidateRow,
  opensOn: string,
): Promise<{ id: number; peer_official_ids: string[]; version: number }> {
  await tx.execute(sql`
    insert into post_training_evaluations (enrolment_id, official_id, province_code, commune_code, unit_id, class_id, class_end_date, opens_on)
    values (${c.enrolment_id}, ${c.official_id}, ${c.province_code}, ${c.commune_code}, ${c.unit_id}, ${c.class_id}, ${c.class_end_date}, ${opensOn})
    on conflict (enrolment_id) do nothing`);
  const r = await tx.execute<{ id: number; peer_official_ids: string[]; version: number }>(
    sql`select id, peer_official_ids::text[] as peer_official_ids, version from post_training_evaluations where enrolment_id = ${c.enrolment_id} for update`,
  );
  return r.rows[0]!;
}

export async function upsertResponse(
  tx: DbOrTx,
  v: {
    evaluationId: number;
    source: EvaluationSource;
    userId: string;
    officialId: string | null;
    criteria: Record<string, { score: number; evidence: string }>;
    satisfaction: number | null;
    note: string | null;
    on: string;
  },
): Promise<void> {
  await tx.execute(sql`
    insert into evaluation_responses (evaluation_id, source, respondent_user_id, respondent_official_id, criteria, satisfaction, note, submitted_on)
    values (${v.evaluationId}, ${v.source}, ${v.userId}, ${v.officialId}, ${JSON.stringify(v.criteria)}::jsonb, ${v.satisfaction}, ${v.note}, ${v.on})
    on conflict (evaluation_id, source, respondent_user_id) do update set criteria = excluded.criteria, satisfaction = excluded.satisfaction,
      note = excluded.note, respondent_official_id = excluded.respondent_official_id, updated_at = now()`);
}

export type ResponseRow = {
  source: EvaluationSource;
  respondent_name: string | null;
  criteria: Record<string, { score: number; evidence: string }>;
  satisfaction: string | null;
  note: string | null;
  submitted_on: string;
};
export async function responsesOf(db: DbOrTx, evaluationId: number): Promise<ResponseRow[]> {
  const r = await db.execute<ResponseRow>(sql`
    select r.source, coalesce(o.full_name, us.full_name) as respondent_name, r.criteria, r.satisfaction::text as satisfaction, r.note,
           to_char(r.submitted_on, 'YYYY-MM-DD') as submitted_on
      from evaluation_responses r
      left join officials o on o.id = r.respondent_official_id
      left join users us on us.id::text = r.respondent_user_id
     where r.evaluation_id = ${evaluationId}
     order by array_position(array['unit_head','self','peer','citizen'], r.source), r.id`);
  return r.rows;
}

export async function setResult(
  tx: DbOrTx,
  evaluationId: number,
  v: { score: number | null; level: EvaluationLevel | null; evaluatedOn: string | null },
): Promise<void> {
  await tx.execute(sql`
    update post_training_evaluations set score = ${v.score}, level = ${v.level},
      evaluated_on = coalesce(evaluated_on, ${v.evaluatedOn}::date), updated_at = now(), version = version + 1
     where id = ${evaluationId}`);
}

export async function setPeers(tx: DbOrTx, evaluationId: number, ids: string[]): Promise<void> {
  await tx.execute(
    sql`update post_training_evaluations set peer_official_ids = ${`{${ids.join(',')}}`}::uuid[], updated_at = now(), version = version + 1 where id = ${evaluationId}`,
  );
}

/** Officials (active) of a commune, by id: for checking chosen peers. */
export async function officialsIn(db: DbOrTx, ids: string[]): Promise<{ id: string; commune_code: string }[]> {
  if (!ids.length) return [];
  const r = await db.execute<{ id: string; commune_code: string }>(
    sql`select id, commune_code from officials where id = any(${`{${ids.join(',')}}`}::uuid[]) and status = 'dang_cong_tac'`,
  );
  return r.rows;
}
