/** All SQL of the course survey. Answers and "has answered" markers are never joined. */
import { sql } from 'drizzle-orm';
import type { SurveyAnswer } from '@app/shared';
import type { DbOrTx } from '../../db/client.ts';
import type { AnswerScores } from './surveys.rules.ts';

export type LearnerInClass = {
  enrolmentStatus: string;
  classStatus: string;
  classEndDate: string;
  className: string;
  provinceCode: string | null;
  organiserId: number;
};

export async function learnerInClass(db: DbOrTx, classId: number, officialId: string): Promise<LearnerInClass | null> {
  const r = await db.execute<LearnerInClass>(sql`
    select e.status as "enrolmentStatus", c.status as "classStatus", c.end_date as "classEndDate", c.name as "className",
           c.province_code as "provinceCode", c.organiser_id as "organiserId"
    from enrolments e join classes c on c.id = e.class_id
    where e.class_id = ${classId} and e.official_id = ${officialId} and e.status = 'nominated'`);
  return r.rows[0] ?? null;
}

export async function hasAnswered(db: DbOrTx, classId: number, officialId: string): Promise<boolean> {
  return (await db.execute(sql`select 1 from survey_markers where class_id = ${classId} and official_id = ${officialId}`)).rows.length > 0;
}

/** Marker first (the primary key refuses a second answer under concurrency), then the anonymous answer. */
export async function insertMarker(db: DbOrTx, classId: number, officialId: string): Promise<boolean> {
  const r = await db.execute(
    sql`insert into survey_markers (class_id, official_id) values (${classId}, ${officialId}) on conflict do nothing returning class_id`,
  );
  return r.rows.length > 0;
}

export async function insertAnswer(db: DbOrTx, classId: number, a: SurveyAnswer): Promise<void> {
  await db.execute(sql`
    insert into survey_answers (class_id, programme, instructors, facilities, organisation, own_gain,
      programme_comment, instructors_comment, facilities_comment, organisation_comment, own_gain_comment)
    values (${classId}, ${a.programme}, ${a.instructors}, ${a.facilities}, ${a.organisation}, ${a.ownGain},
      ${a.programmeComment}, ${a.instructorsComment}, ${a.facilitiesComment}, ${a.organisationComment}, ${a.ownGainComment})`);
}

export async function countAnswers(db: DbOrTx, classId: number): Promise<number> {
  return (await db.execute<{ n: number }>(sql`select count(*)::int as n from survey_answers where class_id = ${classId}`)).rows[0]!.n;
}

export type AnswerRow = AnswerScores & {
  programmeComment: string | null;
  instructorsComment: string | null;
  facilitiesComment: string | null;
  organisationComment: string | null;
  ownGainComment: string | null;
};
export async function answersOf(db: DbOrTx, classId: number): Promise<AnswerRow[]> {
  // Ordered by content, never by insertion, so the order reveals nothing about who answered when.
  const r = await db.execute<AnswerRow>(sql`
    select programme, instructors, facilities, organisation, own_gain as "ownGain",
      programme_comment as "programmeComment", instructors_comment as "instructorsComment", facilities_comment as "facilitiesComment",
      organisation_comment as "organisationComment", own_gain_comment as "ownGainComment"
    from survey_answers where class_id = ${classId} order by md5(id::text)`);
  return r.rows;
}

/**
 * Instructors' average rating: the mean of the "instructors" score over the survey answers of the
 * classes they taught a session in, counting only classes with at least `minimum` answers.
 */
export async function instructorAverages(db: DbOrTx, instructorIds: number[], minimum: number): Promise<Map<number, number>> {
  if (instructorIds.length === 0) return new Map();
  const r = await db.execute<{ instructorId: number; avg: string }>(sql`
    with taught as (select distinct instructor_id, class_id from class_sessions where instructor_id in (${sql.join(
      instructorIds.map((i) => sql`${i}`),
      sql`, `,
    )})),
         enough as (select class_id from survey_answers group by class_id having count(*) >= ${minimum})
    select t.instructor_id as "instructorId", round(avg(a.instructors)::numeric, 2)::text as avg
    from taught t join enough g on g.class_id = t.class_id join survey_answers a on a.class_id = t.class_id
    group by t.instructor_id`);
  return new Map(r.rows.map((x) => [x.instructorId, Number(x.avg)]));
}
