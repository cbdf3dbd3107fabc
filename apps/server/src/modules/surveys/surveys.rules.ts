/** Pure rules of the course survey (SPEC §7, Circular 10/2017): when a learner may answer, what may be shown. */
import { SURVEY_MIN_ANSWERS, SURVEY_OBJECTS, type SurveyObject } from '@app/shared';

export function answerProblem(f: {
  enrolmentStatus: string | null;
  classStatus: string;
  classEndDate: string;
  today: string;
  answered: boolean;
}): string | null {
  if (f.enrolmentStatus !== 'nominated' || f.classStatus === 'cancelled')
    return 'Bạn không học lớp này nên không có phiếu khảo sát của lớp.';
  if (f.today < f.classEndDate) return 'Phiếu khảo sát mở từ ngày lớp kết thúc.';
  if (f.answered) return 'Bạn đã trả lời phiếu khảo sát của lớp này; mỗi học viên chỉ trả lời một lần.';
  return null;
}

/** Aggregates are revealed only from SURVEY_MIN_ANSWERS answers. */
export const mayReveal = (answers: number, minimum = SURVEY_MIN_ANSWERS): boolean => answers >= minimum;

export type AnswerScores = Record<SurveyObject, number>;

/** Averages (2 decimals) and the count of each score 1..5 per object. */
export function aggregate(rows: AnswerScores[]): { averages: Record<SurveyObject, number>; distribution: Record<SurveyObject, number[]> } {
  const averages = {} as Record<SurveyObject, number>;
  const distribution = {} as Record<SurveyObject, number[]>;
  for (const o of SURVEY_OBJECTS) {
    const dist = [0, 0, 0, 0, 0];
    let sum = 0;
    for (const r of rows) {
      sum += r[o];
      dist[r[o] - 1]!++;
    }
    averages[o] = rows.length ? Math.round((sum / rows.length) * 100) / 100 : 0;
    distribution[o] = dist;
  }
  return { averages, distribution };
}
