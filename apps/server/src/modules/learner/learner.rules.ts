/** Pure rule of the learner portal: what is due now, from the learner's classes. */
import type { LearnerClassItem, LearnerTask } from '@app/shared';
import { isReportOverdue } from '../self-reports/self-reports.rules.ts';

export function tasksOf(classes: LearnerClassItem[], today: string): LearnerTask[] {
  const tasks: LearnerTask[] = [];
  for (const c of classes) {
    if (c.classStatus === 'cancelled') continue;
    const base = { enrolmentId: c.enrolmentId, classId: c.classId, className: c.className };
    if (c.essayRequired && !c.essay && today >= c.startDate)
      tasks.push({ kind: 'essay', ...base, dueOn: null, overdue: false, note: null });
    if (today < c.endDate) continue;
    if (!c.selfReport || c.selfReport.status === 'returned') {
      tasks.push({
        kind: 'self_report',
        ...base,
        dueOn: c.reportOverdueAfter,
        overdue:
          isReportOverdue(c.endDate, today, c.selfReport?.submittedOn ?? null) ||
          (c.selfReport?.status === 'returned' && today > c.reportOverdueAfter),
        note: c.selfReport?.reviewComment ?? null,
      });
    }
    if (!c.surveyAnswered) tasks.push({ kind: 'survey', ...base, dueOn: null, overdue: false, note: null });
  }
  const order = { self_report: 0, essay: 1, survey: 2 } as const;
  return tasks.sort(
    (a, b) => Number(b.overdue) - Number(a.overdue) || order[a.kind] - order[b.kind] || a.className.localeCompare(b.className, 'vi'),
  );
}
