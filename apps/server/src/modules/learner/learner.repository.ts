/** All SQL of the learner portal (read only): the learner's nominations with what they have done. */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';

export type MyClassRow = {
  enrolmentId: number;
  classId: number;
  classCode: string;
  className: string;
  programmeName: string;
  organiserName: string;
  mode: string;
  startDate: string;
  endDate: string;
  classStatus: string;
  result: 'completed' | 'failed' | null;
  finalScore: string | null;
  requiresEssay: boolean;
  reportId: number | null;
  reportStatus: 'submitted' | 'confirmed' | 'returned' | null;
  reportSubmittedOn: string | null;
  reportComment: string | null;
  reportVersion: number | null;
  surveyAnswered: boolean;
  essayId: number | null;
  essaySubmittedOn: string | null;
};

export async function myClasses(db: DbOrTx, officialId: string): Promise<MyClassRow[]> {
  const r = await db.execute<MyClassRow>(sql`
    select e.id as "enrolmentId", c.id as "classId", c.code as "classCode", c.name as "className", p.name as "programmeName",
           t.name as "organiserName", c.mode, c.start_date as "startDate", c.end_date as "endDate", c.status as "classStatus",
           e.result, e.final_score::text as "finalScore", p.requires_essay as "requiresEssay",
           r.id as "reportId", r.status as "reportStatus", r.submitted_on as "reportSubmittedOn", r.review_comment as "reportComment", r.version as "reportVersion",
           exists (select 1 from survey_markers m where m.class_id = c.id and m.official_id = e.official_id) as "surveyAnswered",
           s.id as "essayId", s.submitted_on as "essaySubmittedOn"
    from enrolments e join classes c on c.id = e.class_id join programmes p on p.id = c.programme_id
    join training_orgs t on t.id = c.organiser_id
    left join self_reports r on r.enrolment_id = e.id left join essays s on s.enrolment_id = e.id
    where e.official_id = ${officialId} and e.status = 'nominated'
    order by c.start_date desc, c.id desc`);
  return r.rows;
}

export type SessionRow = {
  classId: number;
  date: string;
  startTime: string;
  endTime: string;
  place: string | null;
  link: string | null;
  topic: string | null;
};
export async function sessionsOf(db: DbOrTx, classIds: number[]): Promise<SessionRow[]> {
  if (classIds.length === 0) return [];
  return (
    await db.execute<SessionRow>(sql`
      select class_id as "classId", date, start_time as "startTime", end_time as "endTime", place, link, topic
      from class_sessions where class_id in (${sql.join(
        classIds.map((i) => sql`${i}`),
        sql`, `,
      )}) order by date, start_time`)
  ).rows;
}
