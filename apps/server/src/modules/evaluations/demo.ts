/**
 * Demo evaluations and ratings (the demo stands on 23/11/2026), called by the demo seed after the
 * demo training and the account links; idempotent (skipped when the demo communes already have 2025
 * ratings). Deterministic:
 *  - classes ended 24/05 and 29/05 (opened 24/08, 29/08): about two thirds evaluated (unit head, self,
 *    often the commune's citizen score) on a day after the opening; the rest overdue;
 *  - the June land-management class (opened 18/09): half evaluated, half overdue;
 *  - the August liên xã class (opened 21/11): due, nobody evaluated yet;
 *  - 2025 and 2026 annual ratings of every serving official of the demo communes; trained officials
 *    improve a little more, so the effect analysis has before/after data.
 */
import { sql } from 'drizzle-orm';
import type { EvaluationConfig, RatingLevel } from '@app/shared';
import type { DbOrTx } from '../../db/client.ts';
import { makeRng } from '../../seed/names.ts';
import { ratingLevel } from '../ratings/ratings.rules.ts';
import { addDays, DEFAULT_EVALUATION_CONFIG, evaluationLevel, evaluationScore, windowOpensOn } from './evaluations.rules.ts';

const DEMO_COMMUNES = ['24133', '22015', '24373', '24235', '24211'];
const CRITERIA = ['ung_dung', 'ket_qua_cong_vu', 'tham_muu', 'hai_long', 'phoi_hop', 'ky_luat', 'liem_chinh', 'trach_nhiem'] as const;
const EVIDENCE = [
  'Đã áp dụng quy trình mới khi tiếp nhận hồ sơ tại bộ phận một cửa.',
  'Số hồ sơ giải quyết đúng hạn tăng so với quý trước.',
  'Dự thảo văn bản tham mưu được lãnh đạo thông qua, ít phải chỉnh sửa.',
  'Không có phản ánh, kiến nghị của người dân trong kỳ.',
  'Chủ động phối hợp với các phòng chuyên môn khi xử lý việc liên ngành.',
  'Chấp hành giờ giấc, nội quy cơ quan đầy đủ.',
  'Giữ chuẩn mực khi giao tiếp với người dân, không để xảy ra vi phạm.',
  'Nhận thêm việc khi đồng nghiệp nghỉ phép và hoàn thành đúng hạn.',
];

export async function seedDemoEvaluations(tx: DbOrTx, today: string): Promise<{ seeded: boolean; evaluations: number; ratings: number }> {
  const communes = `{${DEMO_COMMUNES.join(',')}}`;
  const done = await tx.execute<{ n: number }>(
    sql`select count(*)::int as n from annual_ratings where year = 2025 and commune_code = any(${communes}::text[])`,
  );
  if (done.rows[0]!.n > 0) return { seeded: false, evaluations: 0, ratings: 0 };
  const rng = makeRng(700_2026);
  const config: EvaluationConfig = DEFAULT_EVALUATION_CONFIG;

  const cands = (
    await tx.execute<{
      enrolment_id: number;
      official_id: string;
      province_code: string;
      commune_code: string;
      unit_id: number | null;
      class_id: number;
      class_end_date: string;
      head_user: string | null;
      self_user: string | null;
    }>(sql`
      select en.id as enrolment_id, en.official_id, en.province_code, en.commune_code, o.unit_id, en.class_id,
             to_char(en.class_end_date, 'YYYY-MM-DD') as class_end_date,
             (select u.id::text from users u where u.role = 'unit_head' and u.unit_id = o.unit_id and u.official_id is distinct from o.id order by u.username limit 1) as head_user,
             (select u.id::text from users u where u.official_id = o.id limit 1) as self_user
        from enrolments en join officials o on o.id = en.official_id
       where en.status = 'nominated' and en.result = 'completed' and en.commune_code = any(${communes}::text[])
       order by en.class_end_date, en.id`)
  ).rows;
  const citizenByCommune = new Map(DEMO_COMMUNES.map((c, i) => [c, 72 + i * 4]));
  let evaluations = 0;
  for (const [i, c] of cands.entries()) {
    const opensOn = windowOpensOn(c.class_end_date);
    if (opensOn > today) continue;
    const share = c.class_end_date <= '2026-05-31' ? 0.67 : c.class_end_date <= '2026-06-30' ? 0.5 : 0;
    if (rng() >= share || !c.head_user) continue;
    const evaluatedOn = addDays(opensOn, 3 + (i % 20));
    if (evaluatedOn > today) continue;
    const base = 3 + Math.floor(rng() * 3); // 3..5
    const answers = () =>
      Object.fromEntries(
        CRITERIA.map((k, j) => [k, { score: Math.max(1, Math.min(5, base - (rng() < 0.25 ? 1 : 0))), evidence: EVIDENCE[j]! }]),
      );
    const unitHead = answers();
    const self = c.self_user || rng() < 0.6 ? answers() : null;
    const citizen = rng() < 0.7 ? citizenByCommune.get(c.commune_code)! + Math.round(rng() * 8) : null;
    const score = evaluationScore({ unitHead, self, citizen }, config)!;
    const ev = await tx.execute<{ id: number }>(sql`
      insert into post_training_evaluations (enrolment_id, official_id, province_code, commune_code, unit_id, class_id, class_end_date, opens_on, evaluated_on, score, level)
      values (${c.enrolment_id}, ${c.official_id}, ${c.province_code}, ${c.commune_code}, ${c.unit_id}, ${c.class_id}, ${c.class_end_date}, ${opensOn}, ${evaluatedOn}, ${score}, ${evaluationLevel(score, config.thresholds)})
      on conflict (enrolment_id) do nothing returning id`);
    const id = ev.rows[0]?.id;
    if (!id) continue;
    evaluations++;
    await tx.execute(
      sql`insert into evaluation_responses (evaluation_id, source, respondent_user_id, criteria, submitted_on) values (${id}, 'unit_head', ${c.head_user}, ${JSON.stringify(unitHead)}::jsonb, ${evaluatedOn})`,
    );
    if (self) {
      await tx.execute(
        sql`insert into evaluation_responses (evaluation_id, source, respondent_user_id, respondent_official_id, criteria, submitted_on) values (${id}, 'self', ${c.self_user ?? 'seed.demo.evaluations'}, ${c.official_id}, ${JSON.stringify(self)}::jsonb, ${addDays(evaluatedOn, -1)})`,
      );
    }
    if (citizen !== null) {
      await tx.execute(
        sql`insert into evaluation_responses (evaluation_id, source, respondent_user_id, satisfaction, note, submitted_on) values (${id}, 'citizen', 'seed.demo.evaluations', ${citizen}, 'Theo phiếu khảo sát tại bộ phận một cửa quý III/2026.', ${evaluatedOn})`,
      );
    }
  }

  // Annual ratings 2025 and 2026.
  const people = (
    await tx.execute<{ id: string; province_code: string; commune_code: string; unit_id: number | null; trained: boolean }>(sql`
      select o.id, o.province_code, o.commune_code, o.unit_id,
             exists (select 1 from enrolments en where en.official_id = o.id and en.result = 'completed' and en.class_end_date between '2026-01-01' and '2026-12-31') as trained
        from officials o where o.commune_code = any(${communes}::text[]) and o.status = 'dang_cong_tac' order by o.commune_code, o.id`)
  ).rows;
  let ratings = 0;
  for (const p of people) {
    const general = 20 + Math.round(rng() * 16) / 2; // 20–28
    const task2025 = 40 + Math.round(rng() * 44) / 2; // 40–62
    const gain = (p.trained ? 4 : 1) + Math.round(rng() * 6) / 2;
    for (const [year, task] of [
      [2025, task2025],
      [2026, Math.min(70, task2025 + gain)],
    ] as const) {
      const g = year === 2026 ? Math.min(30, general + 0.5) : general;
      const score = Math.round((g + task) * 100) / 100;
      const disciplined = year === 2026 && rng() < 0.01;
      const level: RatingLevel = ratingLevel(score, disciplined);
      await tx.execute(sql`
        insert into annual_ratings (official_id, year, general_score, task_score, score, level, disciplined, province_code, commune_code, unit_id, recorded_by)
        values (${p.id}, ${year}, ${g}, ${task}, ${score}, ${level}, ${disciplined}, ${p.province_code}, ${p.commune_code}, ${p.unit_id}, 'seed.demo')
        on conflict (official_id, year) do nothing`);
      ratings++;
    }
  }
  return { seeded: true, evaluations, ratings };
}
