/**
 * Generator stage: post-training evaluations (`post_training_evaluations`, contract 3; H3's table).
 * One row per completed enrolment of the programmes whose effect is evaluated at the workplace
 * (CMCN, QLNN_LANHDAO, QLNN_CHUNG, CMNV: ≈ 1,000,000 rows at scale 1 over six years) once its
 * 3-month point has passed: 90% evaluated within a month after that point, 6% later, 4% still open
 * (evaluated_on null). Nothing is dated after --today.
 */
import type { PoolClient } from 'pg';
import type { Rng } from '../../apps/server/src/seed/names.ts';
import { CopyBuffer, addDays, addMonths } from './copy.ts';
import type { GenEnrolment } from './training.ts';

export const EVALUATION_COLUMNS = [
  'enrolment_id',
  'official_id',
  'province_code',
  'commune_code',
  'class_end_date',
  'evaluated_on',
  'score',
  'level',
];
const EVALUATED = new Set(['CMCN', 'QLNN_LANHDAO', 'QLNN_CHUNG', 'CMNV']);

export function evaluationBuffer(client: PoolClient) {
  return new CopyBuffer(client, 'post_training_evaluations', EVALUATION_COLUMNS);
}

export function levelOf(score: number): 'rat_hieu_qua' | 'hieu_qua' | 'it_hieu_qua' | 'khong_hieu_qua' {
  return score >= 85 ? 'rat_hieu_qua' : score >= 70 ? 'hieu_qua' : score >= 50 ? 'it_hieu_qua' : 'khong_hieu_qua';
}

export function generateEvaluation(buf: CopyBuffer, rng: Rng, e: GenEnrolment, today: string): void {
  if (e.result !== 'completed' || !EVALUATED.has(e.programmeType)) return;
  const due = addMonths(e.classEndDate, 3);
  if (due > today) return;
  const r = rng();
  const on = r < 0.9 ? addDays(due, Math.floor(rng() * 30)) : r < 0.96 ? addDays(due, 30 + Math.floor(rng() * 90)) : null;
  const evaluatedOn = on && on <= today ? on : null;
  const score = evaluatedOn ? Math.round((45 + rng() * 55) * 100) / 100 : null;
  buf.push([
    e.id,
    e.official.id,
    e.official.province_code,
    e.official.commune_code,
    e.classEndDate,
    evaluatedOn,
    score,
    score === null ? null : levelOf(score),
  ]);
}
