/**
 * SQL behind a report's class, budget and evaluation tables (SPEC §10 annexes). KPI numbers are NOT
 * computed here: they come from the KPI engine (kpi-source.ts).
 * Children of a scope: nation → provinces, province → communes, commune → its units.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { ReportLevel } from '@app/shared';

export interface ScopeRef {
  level: ReportLevel;
  provinceCode: string | null;
  communeCode: string | null;
}

export type Child = {
  code: string;
  name: string;
};

export async function childrenOf(db: DbOrTx, s: ScopeRef): Promise<Child[]> {
  if (s.level === 'nation') {
    const r = await db.execute<Child>(sql`select code, full_name as name from provinces where valid_to is null order by code`);
    return r.rows;
  }
  if (s.level === 'province') {
    const r = await db.execute<Child>(
      sql`select code, full_name as name from communes where province_code = ${s.provinceCode} and valid_to is null order by code`,
    );
    return r.rows;
  }
  const r = await db.execute<{ code: number; name: string }>(
    sql`select id as code, name from units where commune_code = ${s.communeCode} order by sort_order, id`,
  );
  return r.rows.map((x) => ({ code: String(x.code), name: x.name }));
}

export async function scopeName(db: DbOrTx, s: ScopeRef): Promise<string> {
  if (s.level === 'nation') return 'Toàn quốc';
  if (s.level === 'province') {
    const r = await db.execute<{ name: string }>(sql`select full_name as name from provinces where code = ${s.provinceCode}`);
    return r.rows[0]?.name ?? `Tỉnh ${s.provinceCode}`;
  }
  const r = await db.execute<{ name: string }>(sql`select full_name as name from communes where code = ${s.communeCode}`);
  return r.rows[0]?.name ?? `Xã ${s.communeCode}`;
}

/** Column of enrolments that names the child a learner counts for. */
function childColumn(level: ReportLevel) {
  return level === 'nation' ? sql`e.province_code` : level === 'province' ? sql`e.commune_code` : sql`e.unit_id::text`;
}
function scopeCondition(s: ScopeRef, alias: 'e' | 'c') {
  if (s.level === 'nation') return sql`true`;
  if (alias === 'e') return s.level === 'province' ? sql`e.province_code = ${s.provinceCode}` : sql`e.commune_code = ${s.communeCode}`;
  return s.level === 'province' ? sql`c.province_code = ${s.provinceCode}` : sql`c.host_commune_code = ${s.communeCode}`;
}

export type TypeCountRow = {
  child: string | null;
  programme_type: string;
  classes: number;
  attendances: number;
};

/**
 * Held: classes not cancelled that ended in the year on or before asOf, and the attendances of the
 * scope's learners in them (enrolments neither cancelled nor waitlisted); per child and for the scope
 * (child = null; a class counts once for the scope even when several children attended).
 */
export async function heldByType(db: DbOrTx, s: ScopeRef, year: number, asOf: string): Promise<TypeCountRow[]> {
  const col = childColumn(s.level);
  const r = await db.execute<TypeCountRow>(sql`
    select case when grouping(${col}) = 1 then null else coalesce(${col}, '?') end as child, c.programme_type, count(distinct c.id)::int as classes, count(*)::int as attendances
    from enrolments e
    join classes c on c.id = e.class_id
    where ${scopeCondition(s, 'e')}
      and c.status <> 'cancelled'
      and e.status not in ('cancelled', 'waitlisted')
      and c.end_date between ${`${year}-01-01`}::date and least(${`${year}-12-31`}::date, ${asOf}::date)
    group by grouping sets ((${col}, c.programme_type), (c.programme_type))`);
  return r.rows;
}

/** Planned: plan targets of the year's plans (own level: child null; children's plans: per child). */
export async function plannedByType(db: DbOrTx, s: ScopeRef, year: number): Promise<TypeCountRow[]> {
  const own =
    s.level === 'nation'
      ? sql`p.level = 'national'`
      : s.level === 'province'
        ? sql`p.level = 'province' and p.province_code = ${s.provinceCode}`
        : sql`p.level = 'commune' and p.commune_code = ${s.communeCode}`;
  const kids =
    s.level === 'nation'
      ? sql`p.level = 'province'`
      : s.level === 'province'
        ? sql`p.level = 'commune' and p.province_code = ${s.provinceCode}`
        : sql`false`;
  const kidCol = s.level === 'nation' ? sql`p.province_code` : sql`p.commune_code`;
  const r = await db.execute<TypeCountRow>(sql`
    select null::text as child, pt.programme_type, sum(pt.classes)::int as classes, sum(pt.attendances)::int as attendances
    from plans p join plan_targets pt on pt.plan_id = p.id
    where ${own} and p.year = ${year}
    group by pt.programme_type
    union all
    select ${kidCol} as child, pt.programme_type, sum(pt.classes)::int, sum(pt.attendances)::int
    from plans p join plan_targets pt on pt.plan_id = p.id
    where ${kids} and p.year = ${year}
    group by ${kidCol}, pt.programme_type`);
  return r.rows;
}

export type BudgetRow = {
  child: string | null;
  planned_central: number;
  planned_local: number;
  planned_sponsor: number;
  spent_central: number;
  spent_local: number;
  spent_sponsor: number;
};

/** Budget of the classes (not cancelled) that started in the year, by the province/commune that hosts them. */
export async function budgetOf(db: DbOrTx, s: ScopeRef, year: number): Promise<BudgetRow[]> {
  const col = s.level === 'nation' ? sql`c.province_code` : s.level === 'province' ? sql`c.host_commune_code` : sql`null::text`;
  const r = await db.execute<BudgetRow>(sql`
    select case when grouping(${col}) = 1 then null else coalesce(${col}, '?') end as child,
      sum(c.budget_planned_central)::float8 as planned_central, sum(c.budget_planned_local)::float8 as planned_local,
      sum(c.budget_planned_sponsor)::float8 as planned_sponsor, sum(c.budget_actual_central)::float8 as spent_central,
      sum(c.budget_actual_local)::float8 as spent_local, sum(c.budget_actual_sponsor)::float8 as spent_sponsor
    from classes c
    where ${scopeCondition(s, 'c')} and c.status <> 'cancelled'
      and c.start_date between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date
    group by grouping sets ((${col}), ())`);
  // child null = the scope's total (grouping set ()); '?' = classes with no host / learners with no unit
  return r.rows;
}

export type EvaluationRow = {
  child: string | null;
  level: string;
  n: number;
};

/** Post-training evaluations (H3's table, when present) completed in the year on or before asOf, by level. */
export async function evaluationsOf(db: DbOrTx, s: ScopeRef, year: number, asOf: string): Promise<EvaluationRow[]> {
  const exists = await db.execute<{ t: string | null }>(sql`select to_regclass('post_training_evaluations')::text as t`);
  if (!exists.rows[0]?.t) return [];
  const col = s.level === 'nation' ? sql`e.province_code` : s.level === 'province' ? sql`e.commune_code` : sql`en.unit_id::text`;
  const r = await db.execute<EvaluationRow>(sql`
    select case when grouping(${col}) = 1 then null else coalesce(${col}, '?') end as child, e.level, count(*)::int as n
    from post_training_evaluations e
    left join enrolments en on en.id = e.enrolment_id
    where ${scopeCondition(s, 'e')}
      and e.evaluated_on is not null and e.level is not null
      and e.evaluated_on between ${`${year}-01-01`}::date and least(${`${year}-12-31`}::date, ${asOf}::date)
    group by grouping sets ((${col}, e.level), (e.level))`);
  return r.rows;
}
