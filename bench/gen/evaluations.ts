/**
 * Generator stage: post-training evaluations (`post_training_evaluations`, contract 3; H3's table) and
 * their sources (`evaluation_responses`). A row exists once the first source is recorded, after the
 * window opens (class end + 3 months, evaluations.rules.ts). Of the completed enrolments whose window
 * has opened: 84% fully evaluated within the 30-day period, 4% later, 6% with only the learner's own
 * answer so far (evaluated_on null), 6% not started (no row). Scores and levels come from H3's rules
 * (`evaluationScore`, `evaluationLevel`, default configuration) over generated self and unit-head answers.
 * The answers themselves (evaluation_responses) are stored for every 25th class only, like attendance.
 * Nothing is dated after --today.
 */
import type { Rng } from '../../apps/server/src/seed/names.ts';
import {
  DEFAULT_EVALUATION_CONFIG,
  evaluationLevel,
  evaluationScore,
  windowOpensOn,
} from '../../apps/server/src/modules/evaluations/evaluations.rules.ts';
import { CopyBuffer, addDays, type CopyQueue } from './copy.ts';
import type { GenEnrolment } from './training.ts';

export const EVALUATION_COLUMNS = [
  'enrolment_id',
  'official_id',
  'province_code',
  'commune_code',
  'unit_id',
  'class_id',
  'class_end_date',
  'opens_on',
  'evaluated_on',
  'score',
  'level',
  'created_at',
  'updated_at',
];
export const RESPONSE_COLUMNS = [
  'evaluation_id',
  'source',
  'respondent_user_id',
  'respondent_official_id',
  'criteria',
  'submitted_on',
  'created_at',
  'updated_at',
];
const CRITERIA = Object.keys(DEFAULT_EVALUATION_CONFIG.criteriaWeights);
const EVIDENCE = [
  'Có sản phẩm cụ thể trong quý',
  'Được người dân phản hồi tốt',
  'Hoàn thành đúng hạn các việc được giao',
  'Còn chậm ở một số việc',
];

export function evaluationBuffers(queue: CopyQueue) {
  return {
    evaluations: new CopyBuffer(queue, 'post_training_evaluations', EVALUATION_COLUMNS),
    responses: new CopyBuffer(queue, 'evaluation_responses', RESPONSE_COLUMNS),
  };
}
export type EvaluationBuffers = ReturnType<typeof evaluationBuffers>;

function answers(rng: Rng, bias: number): Record<string, { score: number; evidence: string }> {
  const out: Record<string, { score: number; evidence: string }> = {};
  for (const c of CRITERIA)
    out[c] = {
      score: Math.max(1, Math.min(5, Math.round(bias + (rng() - 0.5) * 2))),
      evidence: EVIDENCE[Math.floor(rng() * EVIDENCE.length)]!,
    };
  return out;
}

/** Returns the number of evaluation rows written (0 or 1); `nextId` is the id the row gets. */
export function generateEvaluation(b: EvaluationBuffers, rng: Rng, e: GenEnrolment, today: string, nextId: number): number {
  if (e.result !== 'completed') return 0;
  const opens = windowOpensOn(e.classEndDate);
  if (opens > today) return 0;
  const r = rng();
  if (r >= 0.94) return 0; // not started
  const selfOn = addDays(opens, Math.floor(rng() * 20));
  if (selfOn > today) return 0;
  const unitOn = r < 0.84 ? addDays(selfOn, Math.floor(rng() * 10)) : r < 0.88 ? addDays(opens, 31 + Math.floor(rng() * 60)) : null;
  const evaluatedOn = unitOn && unitOn <= today ? unitOn : null;
  const bias = 3 + rng() * 1.8;
  const self = answers(rng, bias + 0.2);
  const unitHead = evaluatedOn ? answers(rng, bias) : null;
  const score = evaluatedOn ? evaluationScore({ self, unitHead }, DEFAULT_EVALUATION_CONFIG) : null;
  const level = score === null ? null : evaluationLevel(score, DEFAULT_EVALUATION_CONFIG.thresholds);
  const last = evaluatedOn ?? selfOn;
  const o = e.official;
  b.evaluations.push([
    e.id,
    o.id,
    o.province_code,
    o.commune_code,
    o.unit_id,
    e.classId,
    e.classEndDate,
    opens,
    evaluatedOn,
    score,
    level,
    `${selfOn} 10:00:00+07`,
    `${last} 16:00:00+07`,
  ]);
  if (e.classId % 25 === 0) {
    b.responses.push([
      nextId,
      'self',
      `sinh-du-lieu:hoc-vien:${o.id}`,
      o.id,
      JSON.stringify(self),
      selfOn,
      `${selfOn} 10:00:00+07`,
      `${selfOn} 10:00:00+07`,
    ]);
    if (unitHead && evaluatedOn)
      b.responses.push([
        nextId,
        'unit_head',
        `sinh-du-lieu:truong-don-vi:${o.unit_id ?? o.commune_code}`,
        null,
        JSON.stringify(unitHead),
        evaluatedOn,
        `${evaluatedOn} 15:00:00+07`,
        `${evaluatedOn} 15:00:00+07`,
      ]);
  }
  return 1;
}
