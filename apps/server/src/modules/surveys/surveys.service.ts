/**
 * Use cases of the course survey (SPEC §7): a learner answers once per class (a marker records that
 * they answered; the answer itself carries no link to them); organisers and admins read aggregates
 * only, and only from SURVEY_MIN_ANSWERS answers.
 */
import { SURVEY_MIN_ANSWERS, SURVEY_OBJECTS, type SurveyAnswer, type SurveyObject, type SurveySummary } from '@app/shared';
import type { Clock } from '../../clock.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { assertCan, type Actor } from '../../authz/policy.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { recordChange, type RequestMeta } from '../audit/audit.service.ts';
import { classTarget, visibleClass } from '../classes/classes.service.ts';
import * as repo from './surveys.repository.ts';
import { aggregate, answerProblem, mayReveal } from './surveys.rules.ts';

export interface SurveysDeps {
  db: Db;
  clock: Clock;
}

export async function answer(
  deps: SurveysDeps,
  actor: Actor,
  classId: number,
  clean: SurveyAnswer,
  meta: RequestMeta,
): Promise<{ ok: true }> {
  if (!actor.officialId) throw notFound('Không tìm thấy phiếu khảo sát của lớp này trong hồ sơ của bạn.');
  const today = deps.clock.today();
  await deps.db.transaction(async (tx) => {
    const l = await repo.learnerInClass(tx, classId, actor.officialId!);
    if (!l) throw notFound('Không tìm thấy phiếu khảo sát của lớp này trong hồ sơ của bạn.');
    const answered = await repo.hasAnswered(tx, classId, actor.officialId!);
    const p = answerProblem({
      enrolmentStatus: l.enrolmentStatus,
      classStatus: l.classStatus,
      classEndDate: l.classEndDate,
      today,
      answered,
    });
    if (p) throw conflict(p);
    if (!(await repo.insertMarker(tx, classId, actor.officialId!)))
      throw conflict('Bạn đã trả lời phiếu khảo sát của lớp này; mỗi học viên chỉ trả lời một lần.');
    await repo.insertAnswer(tx, classId, clean);
    // The audit entry records that the learner answered, never what they answered.
    await recordChange(tx, actor, meta, {
      action: 'survey.answer',
      entityType: 'class',
      entityId: classId,
      provinceCode: l.provinceCode,
      after: { answered: true },
    });
  });
  return { ok: true };
}

export async function summary(deps: SurveysDeps, actor: Actor, classId: number): Promise<SurveySummary> {
  const c = await visibleClass(deps.db, actor, classId);
  assertCan(actor, 'surveys.readSummary', classTarget(c));
  const answers = await repo.countAnswers(deps.db, classId);
  if (!mayReveal(answers)) return { classId, className: c.name, answers, minimum: SURVEY_MIN_ANSWERS, summary: null };
  const rows = await repo.answersOf(deps.db, classId);
  const { averages, distribution } = aggregate(rows);
  const comments: { object: SurveyObject; text: string }[] = [];
  for (const o of SURVEY_OBJECTS) {
    for (const r of rows) {
      const t = r[`${o}Comment` as const];
      if (t) comments.push({ object: o, text: t });
    }
  }
  return { classId, className: c.name, answers, minimum: SURVEY_MIN_ANSWERS, summary: { averages, distribution, comments } };
}

/** For the instructors module: average "instructors" score per instructor (classes with enough answers only). */
export function instructorRatings(db: DbOrTx, instructorIds: number[]): Promise<Map<number, number>> {
  return repo.instructorAverages(db, instructorIds, SURVEY_MIN_ANSWERS);
}
