/** All SQL of the effect analysis: rating changes of officials, trained in a year or not. */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';

export type ChangeRow = {
  official_id: string;
  stratum: string;
  change: string;
  /** programme or organiser key of a completed class ended in the year; null for the untrained */
  group_key: string | null;
  group_name: string | null;
  satisfaction: string | null;
};

/**
 * Every official of the area rated in both `year − 1` and `year`, with the score change and, for each
 * completed class ending in `year`, its programme or organiser (one row per official × group).
 */
export async function ratingChanges(
  db: DbOrTx,
  f: { provinceCode?: string; year: number; by: 'programme' | 'organiser' },
): Promise<ChangeRow[]> {
  const groupKey = f.by === 'programme' ? sql`p.code` : sql`t.code`;
  const groupName = f.by === 'programme' ? sql`p.name` : sql`t.name`;
  const r = await db.execute<ChangeRow>(sql`
    with rated as (
      select a.official_id, (a.score - b.score)::text as change
        from annual_ratings a join annual_ratings b on b.official_id = a.official_id and b.year = ${f.year - 1}
       where a.year = ${f.year} ${f.provinceCode ? sql`and a.province_code = ${f.provinceCode}` : sql``}
    ), trained as (
      select en.official_id, ${groupKey} as group_key, ${groupName} as group_name, pte.score as eval_score,
             (select r.satisfaction from evaluation_responses r where r.evaluation_id = pte.id and r.source = 'citizen' limit 1) as satisfaction
        from enrolments en
        join classes c on c.id = en.class_id
        join programmes p on p.id = c.programme_id
        join training_orgs t on t.id = c.organiser_id
        left join post_training_evaluations pte on pte.enrolment_id = en.id
       where en.status = 'nominated' and en.result = 'completed'
         and en.class_end_date between make_date(${f.year}, 1, 1) and make_date(${f.year}, 12, 31)
    )
    select rated.official_id, coalesce((select cm.type from communes cm where cm.code = o.commune_code limit 1), '?') || '|' ||
             case when o.is_leader then 'lanh_dao' else coalesce(o.official_type, '?') end as stratum,
           rated.change, tr.group_key, tr.group_name, tr.satisfaction::text as satisfaction
      from rated
      join officials o on o.id = rated.official_id
      left join trained tr on tr.official_id = rated.official_id`);
  return r.rows;
}
