/** The learner portal (SPEC §7): my classes and sessions with what is due now. Only the caller's own data. */
import type { LearnerClassItem, LearnerOverview } from '@app/shared';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../authz/policy.ts';
import { reportDueOn, reportLastDay } from '../self-reports/self-reports.rules.ts';
import * as repo from './learner.repository.ts';
import { tasksOf } from './learner.rules.ts';

export interface LearnerDeps {
  db: Db;
  clock: Clock;
}

export async function overview(deps: LearnerDeps, actor: Actor): Promise<LearnerOverview> {
  const today = deps.clock.today();
  // An account not linked to a registry record has no classes (nothing to leak, nothing to do).
  if (!actor.officialId) return { today, tasks: [], classes: [] };
  const rows = await repo.myClasses(deps.db, actor.officialId);
  const sessions = await repo.sessionsOf(
    deps.db,
    rows.map((r) => r.classId),
  );
  const classes: LearnerClassItem[] = rows.map((r) => ({
    enrolmentId: r.enrolmentId,
    classId: r.classId,
    classCode: r.classCode,
    className: r.className,
    programmeName: r.programmeName,
    organiserName: r.organiserName,
    mode: r.mode,
    startDate: r.startDate,
    endDate: r.endDate,
    classStatus: r.classStatus,
    result: r.result,
    finalScore: r.finalScore === null ? null : Number(r.finalScore),
    sessions: sessions.filter((s) => s.classId === r.classId).map(({ classId: _c, ...s }) => s),
    selfReport:
      r.reportId === null
        ? null
        : {
            id: r.reportId,
            status: r.reportStatus!,
            submittedOn: r.reportSubmittedOn!,
            reviewComment: r.reportComment,
            version: r.reportVersion!,
          },
    reportDueOn: reportDueOn(r.endDate),
    reportOverdueAfter: reportLastDay(r.endDate),
    surveyAnswered: r.surveyAnswered,
    essayRequired: r.requiresEssay,
    essay: r.essayId === null ? null : { id: r.essayId, submittedOn: r.essaySubmittedOn! },
  }));
  return { today, tasks: tasksOf(classes, today), classes };
}
