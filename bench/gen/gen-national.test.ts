/**
 * The national generator at scale 0.01 into a clone of the test template: plausible counts, the
 * as-of semantics (nothing dated after --today), enrolments only of officials serving in the
 * nominating commune, results only for ended classes, K6/K7 source rows consistent with their
 * enrolments, CMCN completions clearing below-standard flags, and determinism for a seed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../apps/server/test/harness.ts';
import { generateNational, type GenResult } from '../gen-national.ts';

let ctx: TestContext;
const q = async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) => (await ctx.pool.query<T>(text, params)).rows;
const one = async (text: string, params: unknown[] = []) => Number(Object.values((await q(text, params))[0]!)[0]);
const gen = (today: string, seed = 42) =>
  generateNational({ db: ctx.db, pool: ctx.pool, embedded: null, close: async () => {} }, { scale: 0.01, seed, today }, () => {});

const fingerprint = () =>
  one(`select coalesce(sum(hashtext(concat_ws('|', e.id, e.class_id, o.cccd, e.commune_code, e.programme_type, e.class_end_date,
          e.decision_date, e.status, e.result, e.final_score, s.submitted_on, s.status))::bigint), 0)
         from enrolments e join officials o on o.id = e.official_id left join self_reports s on s.enrolment_id = e.id`);

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

describe('gen:national at scale 0.01', () => {
  describe('as of 23/11/2026 (default)', () => {
    let r: GenResult;
    const today = '2026-11-23';
    beforeAll(async () => {
      r = await gen(today);
    }, 120_000);

    it('covers every province with plausible counts', async () => {
      expect(r.officials).toBeGreaterThan(1500);
      expect(r.officials).toBeLessThan(3500);
      expect(await one(`select count(distinct province_code) from officials`)).toBe(34);
      // about one year of six: ≈ 2.5 enrolments per official so far
      const perOfficial = r.enrolments! / r.officials;
      expect(perOfficial).toBeGreaterThan(1.5);
      expect(perOfficial).toBeLessThan(4);
      expect(await one(`select count(*) from enrolments`)).toBe(r.enrolments);
      expect(await one(`select count(*) from classes`)).toBe(r.classes);
    });

    it('dates nothing after today; future classes are only planned or open', async () => {
      expect(
        await one(`select count(*) from enrolments where decision_date > $1 or created_at::date > $1 or result_recorded_at::date > $1`, [
          today,
        ]),
      ).toBe(0);
      expect(
        await one(`select count(*) from self_reports where submitted_on > $1 or created_at::date > $1 or reviewed_at::date > $1`, [today]),
      ).toBe(0);
      expect(await one(`select count(*) from attendance where recorded_at::date > $1`, [today])).toBe(0);
      expect(
        await one(`select count(*) from post_training_evaluations where evaluated_on > $1 or created_at::date > $1 or opens_on > $1`, [
          today,
        ]),
      ).toBe(0);
      expect(await one(`select count(*) from annual_ratings`)).toBe(0); // the 2026 round is in mid-December
      expect(await one(`select count(*) from classes where created_at::date > $1`, [today])).toBe(0);
      expect(
        await one(`select count(*) from classes where start_date > $1 and status not in ('planned','open','cancelled')`, [today]),
      ).toBe(0);
      expect(await one(`select count(*) from classes where end_date < $1 and status in ('planned','open','running')`, [today])).toBe(0);
      expect(await one(`select count(*) from classes where start_date > $1`, [today])).toBeGreaterThan(0);
      expect(await one(`select count(*) from enrolments e join classes c on c.id = e.class_id where c.status = 'planned'`)).toBe(0);
    });

    it('results only for ended classes, recorded after the end', async () => {
      expect(
        await one(
          `select count(*) from enrolments where result is not null and (class_end_date >= $1 or result_recorded_at::date <= class_end_date)`,
          [today],
        ),
      ).toBe(0);
      expect(await one(`select count(*) from enrolments where result is not null and status = 'cancelled'`)).toBe(0);
      expect(await one(`select count(*) from enrolments where (result is null) <> (final_score is null)`)).toBe(0);
      expect(await one(`select count(*) from enrolments where result = 'completed' and final_score < 5`)).toBe(0);
      const share = await q<{ completed: number; failed: number }>(
        `select avg((result = 'completed')::int)::float as completed, avg((result = 'failed')::int)::float as failed from enrolments where result is not null`,
      );
      expect(share[0]!.completed).toBeGreaterThan(0.9);
      expect(share[0]!.failed).toBeGreaterThan(0.01);
    });
  });

  describe('the whole six years (--today 31/12/2031)', () => {
    let r: GenResult;
    const today = '2031-12-31';
    beforeAll(async () => {
      r = await gen(today);
    }, 120_000);

    it('≈ 15 enrolments per official over six years, every programme type, cluster and online classes', async () => {
      const perOfficial = r.enrolments! / r.officials;
      expect(perOfficial).toBeGreaterThan(12);
      expect(perOfficial).toBeLessThan(18);
      const types = (await q<{ t: string }>(`select distinct programme_type as t from classes order by 1`)).map((x) => x.t);
      expect(types).toEqual(['CAPNHAT', 'CMCN', 'CMNV', 'KHAC', 'KNBT', 'QLNN_CHUNG', 'QLNN_LANHDAO']);
      expect(await one(`select count(*) from classes where programme_type = 'CAPNHAT' and start_date < '2029-01-01'`)).toBe(0);
      expect(await one(`select count(*) from (select class_id from class_communes group by 1 having count(*) > 1) x`)).toBeGreaterThan(0);
      expect(
        await one(
          `select count(*) from classes c where mode = 'truc_tuyen' and exists (select 1 from bridge_points b where b.class_id = c.id and b.level = 'xa')`,
        ),
      ).toBeGreaterThan(0);
      expect(
        await one(
          `select count(*) from enrolments e join classes c on c.id = e.class_id where c.mode = 'truc_tuyen' and e.bridge_point_id is null`,
        ),
      ).toBe(0);
    });

    it('denormalised columns are exactly the class and official facts', async () => {
      expect(
        await one(`select count(*) from enrolments e join classes c on c.id = e.class_id join officials o on o.id = e.official_id
                    where e.programme_type <> c.programme_type or e.class_end_date <> c.end_date or e.province_code <> o.province_code
                       or e.commune_code <> o.commune_code or e.unit_id is distinct from o.unit_id`),
      ).toBe(0);
      expect(
        await one(
          `select count(*) from enrolments e left join class_communes cc on cc.class_id = e.class_id and cc.commune_code = e.commune_code where cc.class_id is null`,
        ),
      ).toBe(0);
      expect(await one(`select count(*) from enrolments e left join classes c on c.id = e.class_id where c.id is null`)).toBe(0);
    });

    it('no official is nominated outside the commune they served in on the decision date', async () => {
      expect(
        await one(`select count(*) from enrolments e where not exists (
                     select 1 from official_assignments a where a.official_id = e.official_id and a.commune_code = e.commune_code
                        and a.from_date <= e.decision_date and (a.to_date is null or a.to_date >= e.decision_date))`),
      ).toBe(0);
      expect(
        await one(
          `select count(*) from (select official_id, class_id from enrolments where status <> 'cancelled' group by 1, 2 having count(*) > 1) x`,
        ),
      ).toBe(0);
      expect(
        await one(
          `select count(*) from enrolments e join officials o on o.id = e.official_id where e.programme_type = 'QLNN_LANHDAO' and not o.is_leader`,
        ),
      ).toBe(0);
    });

    it('K6 source: self-reports of ended nominations, ≈ 92% on time, 5% late, 3% never', async () => {
      expect(
        await one(
          `select count(*) from self_reports s join enrolments e on e.id = s.enrolment_id
                    where e.status <> 'nominated' or s.submitted_on < e.class_end_date or s.official_id <> e.official_id
                       or s.commune_code <> e.commune_code or s.province_code <> e.province_code or s.class_id <> e.class_id
                       or s.completed <> (e.result = 'completed') or s.submitted_on > $1`,
          [today],
        ),
      ).toBe(0);
      const k6 = await q<{ ended: number; on_time: number; late: number }>(
        `select count(*)::int as ended,
                count(*) filter (where s.submitted_on <= e.class_end_date + 15)::int as on_time,
                count(*) filter (where s.submitted_on > e.class_end_date + 15)::int as late
           from enrolments e left join self_reports s on s.enrolment_id = e.id
          where e.status = 'nominated' and e.class_end_date <= '2031-09-30'`,
      );
      const { ended, on_time, late } = k6[0]!;
      expect(on_time / ended).toBeGreaterThan(0.9);
      expect(on_time / ended).toBeLessThan(0.94);
      expect(late / ended).toBeGreaterThan(0.03);
      expect(late / ended).toBeLessThan(0.07);
      expect(r.selfReports).toBe(await one(`select count(*) from self_reports`));
    });

    it('K7 source: evaluations of completed enrolments only, after the 3-month point, scored by the evaluation rules', async () => {
      expect(r.evaluations).toBeGreaterThan(0);
      expect(r.evaluations).toBe(await one(`select count(*) from post_training_evaluations`));
      expect(
        await one(
          `select count(*) from post_training_evaluations p join enrolments e on e.id = p.enrolment_id
                    where e.result is distinct from 'completed' or p.class_end_date <> e.class_end_date or p.class_id <> e.class_id
                       or p.official_id <> e.official_id or p.commune_code <> e.commune_code
                       or p.opens_on <> (e.class_end_date + interval '3 months')::date
                       or p.evaluated_on < p.opens_on or p.evaluated_on > $1 or p.created_at::date > $1
                       or (p.evaluated_on is null) <> (p.score is null) or (p.score is null) <> (p.level is null)`,
          [today],
        ),
      ).toBe(0);
      expect(
        await one(`select count(*) from post_training_evaluations where level <> case when score >= 85 then 'rat_hieu_qua'
                     when score >= 70 then 'hieu_qua' when score >= 50 then 'it_hieu_qua' else 'khong_hieu_qua' end`),
      ).toBe(0);
      const k7 = await q<{ due: number; evaluated: number }>(
        `select count(*)::int as due, count(p.evaluated_on)::int as evaluated from enrolments e
           left join post_training_evaluations p on p.enrolment_id = e.id
          where e.result = 'completed' and (e.class_end_date + interval '3 months')::date <= '2031-06-30'`,
      );
      expect(k7[0]!.evaluated / k7[0]!.due).toBeGreaterThan(0.82);
      expect(k7[0]!.evaluated / k7[0]!.due).toBeLessThan(0.94);
      expect(
        await one(
          `select count(*) from evaluation_responses er join post_training_evaluations p on p.id = er.evaluation_id where er.submitted_on < p.opens_on`,
        ),
      ).toBe(0);
      expect(await one(`select count(*) from evaluation_responses where source = 'unit_head'`)).toBeGreaterThan(0);
    });

    it('annual ratings: every official for every year rated by today, level by the rating rules', async () => {
      expect(r.ratings).toBe(r.officials * 6);
      expect(
        await one(
          `select count(*) from annual_ratings where score <> general_score + task_score or level <> case when disciplined then 'KHTNV'
                     when score >= 90 then 'HTXSNV' when score >= 70 then 'HTTNV' when score >= 50 then 'HTNV' else 'KHTNV' end
                     or created_at::date > $1`,
          [today],
        ),
      ).toBe(0);
      const share = await one(`select avg((level = 'HTTNV')::int)::float from annual_ratings`);
      expect(share).toBeGreaterThan(0.6);
      expect(share).toBeLessThan(0.8);
    });

    it('a CMCN completion closes the below-standard period (history kept)', async () => {
      expect(r.flagsCleared).toBeGreaterThan(0);
      expect(
        await one(`select count(*) from officials o where o.below_standard
                    and exists (select 1 from enrolments e where e.official_id = o.id and e.programme_type = 'CMCN' and e.result = 'completed')`),
      ).toBe(0);
      expect(
        await one(`select count(*) from official_flags f where f.flag = 'below_standard' and f.to_date is not null
                    and not exists (select 1 from enrolments e where e.official_id = f.official_id and e.programme_type = 'CMCN'
                                      and e.result = 'completed' and e.class_end_date = f.to_date)`),
      ).toBe(0);
      // most of those below standard were nominated to CMCN in phase 1
      const k1 = await q<{ share: number }>(
        `select avg((exists (select 1 from enrolments e where e.official_id = f.official_id and e.programme_type = 'CMCN' and e.status <> 'cancelled'))::int)::float as share
           from official_flags f where f.flag = 'below_standard'`,
      );
      expect(k1[0]!.share).toBeGreaterThan(0.6);
    });

    it('is deterministic for a seed and differs for another seed', async () => {
      const first = await fingerprint();
      await gen(today);
      expect(await fingerprint()).toBe(first);
      await gen(today, 7);
      expect(await fingerprint()).not.toBe(first);
    }, 120_000);
  });
});
