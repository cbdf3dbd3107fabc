/** The only code that queries plans, their targets, and the classes and enrolments that plan vs actual counts. */
import { aliasedTable, and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { PlanLevel, ProgrammeType } from '@app/shared';
import type { DbOrTx } from '../../db/client.ts';
import { communes, planTargets, plans, provinces } from '../../db/schema/index.ts';
import type { PlanReader } from './plans.rules.ts';

export type PlanRow = typeof plans.$inferSelect;
export type PlanInsert = typeof plans.$inferInsert;
export type PlanTargetRow = typeof planTargets.$inferSelect;
export interface PlanWithNames {
  p: PlanRow;
  provinceName: string | null;
  communeName: string | null;
  parentTitle: string | null;
}

export interface PlanFilter {
  reader: PlanReader;
  level?: PlanLevel | undefined;
  province?: string | undefined;
  commune?: string | undefined;
  phase?: number | undefined;
  year?: number | undefined;
  parentId?: number | undefined;
}

function readerCondition(r: PlanReader): SQL | undefined {
  switch (r.level) {
    case 'nation':
      return undefined;
    case 'province':
      return or(eq(plans.level, 'national'), eq(plans.provinceCode, r.provinceCode ?? ''))!;
    case 'commune':
      return or(
        eq(plans.level, 'national'),
        and(eq(plans.level, 'province'), eq(plans.provinceCode, r.provinceCode ?? '')),
        eq(plans.communeCode, r.communeCode ?? ''),
      )!;
    case 'none':
      return sql`false`;
  }
}

const parent = aliasedTable(plans, 'parent_plan');

function selectWithNames(db: DbOrTx) {
  return db
    .select({ p: plans, provinceName: provinces.name, communeName: communes.fullName, parentTitle: parent.title })
    .from(plans)
    .leftJoin(provinces, eq(provinces.code, plans.provinceCode))
    .leftJoin(communes, eq(communes.code, plans.communeCode))
    .leftJoin(parent, eq(parent.id, plans.parentId));
}

// Plans number a few per commune: plans_scope_idx (level, province_code, commune_code, phase) is enough.
export async function listPlans(db: DbOrTx, f: PlanFilter): Promise<PlanWithNames[]> {
  const conds: (SQL | undefined)[] = [readerCondition(f.reader)];
  if (f.level) conds.push(eq(plans.level, f.level));
  if (f.province) conds.push(eq(plans.provinceCode, f.province));
  if (f.commune) conds.push(eq(plans.communeCode, f.commune));
  if (f.phase) conds.push(eq(plans.phase, f.phase));
  if (f.year) conds.push(eq(plans.year, f.year));
  if (f.parentId !== undefined) conds.push(eq(plans.parentId, f.parentId));
  return selectWithNames(db)
    .where(and(...conds))
    .orderBy(
      sql`array_position(array['national','province','commune']::text[], ${plans.level})`,
      asc(plans.provinceCode),
      asc(plans.communeCode),
      asc(plans.phase),
      sql`${plans.year} nulls first`,
      asc(plans.id),
    );
}

export async function findPlan(db: DbOrTx, id: number): Promise<PlanWithNames | undefined> {
  const [row] = await selectWithNames(db).where(eq(plans.id, id)).limit(1);
  return row;
}

export async function lockPlan(tx: DbOrTx, id: number): Promise<PlanRow | undefined> {
  const [row] = await tx.select().from(plans).where(eq(plans.id, id)).for('update').limit(1);
  return row;
}

/** Serialises the creation of plans of one place and period (no two plans for the same place and period). */
export async function lockPlanSlot(tx: DbOrTx, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`plan:${key}`}))`);
}

export async function findSameSlot(
  db: DbOrTx,
  s: { level: PlanLevel; provinceCode: string | null; communeCode: string | null; phase: number; year: number | null },
): Promise<PlanRow | undefined> {
  const [row] = await db
    .select()
    .from(plans)
    .where(
      and(
        eq(plans.level, s.level),
        s.provinceCode === null ? isNull(plans.provinceCode) : eq(plans.provinceCode, s.provinceCode),
        s.communeCode === null ? isNull(plans.communeCode) : eq(plans.communeCode, s.communeCode),
        eq(plans.phase, s.phase),
        s.year === null ? isNull(plans.year) : eq(plans.year, s.year),
      ),
    )
    .limit(1);
  return row;
}

export async function targetsOf(db: DbOrTx, planIds: number[]): Promise<PlanTargetRow[]> {
  if (planIds.length === 0) return [];
  return db.select().from(planTargets).where(inArray(planTargets.planId, planIds));
}

export async function insertPlan(tx: DbOrTx, values: PlanInsert): Promise<PlanRow> {
  const [row] = await tx.insert(plans).values(values).returning();
  return row!;
}

export async function updatePlan(tx: DbOrTx, id: number, version: number, patch: Partial<PlanInsert>): Promise<PlanRow | undefined> {
  const [row] = await tx
    .update(plans)
    .set({ ...patch, version: sql`${plans.version} + 1` })
    .where(and(eq(plans.id, id), eq(plans.version, version)))
    .returning();
  return row;
}

export async function replaceTargets(
  tx: DbOrTx,
  planId: number,
  targets: { programmeType: string; classes: number; attendances: number }[],
): Promise<void> {
  await tx.delete(planTargets).where(eq(planTargets.planId, planId));
  if (targets.length) await tx.insert(planTargets).values(targets.map((t) => ({ planId, ...t })));
}

/** What plan vs actual counts for one plan: its place and the dates whose class ends count. */
export interface ActualsSpec {
  planId: number;
  level: PlanLevel;
  provinceCode: string | null;
  communeCode: string | null;
  from: string;
  to: string;
}
export interface ActualsRow {
  planId: number;
  programmeType: ProgrammeType;
  classes: number;
  attendances: number;
}

/**
 * Classes held and attendances per plan and programme type (SPEC §9 P1), in one statement for
 * any number of plans. A class counts when it is not cancelled, ends within [from, to], and
 * belongs to the plan's place: any class for a national plan; for a province, classes it runs or
 * hosts (classes.province_code) or that serve one of its communes (class_communes); for a commune,
 * classes it hosts or that serve it. Attendances are the enrolments of those classes that are
 * neither cancelled nor waitlisted, of learners of the plan's place (enrolments.province_code /
 * commune_code: the nominating scope). Uses classes_end_idx for the date range.
 */
export async function actualsFor(db: DbOrTx, specs: ActualsSpec[]): Promise<ActualsRow[]> {
  const live = specs.filter((s) => s.from <= s.to);
  if (live.length === 0) return [];
  const json = JSON.stringify(
    live.map((s) => ({ plan_id: s.planId, level: s.level, province: s.provinceCode, commune: s.communeCode, d_from: s.from, d_to: s.to })),
  );
  const res = await db.execute<{ plan_id: number; programme_type: ProgrammeType; classes: number; attendances: number }>(sql`
    with p as (
      select * from jsonb_to_recordset(${json}::jsonb) as x(plan_id int, level text, province text, commune text, d_from date, d_to date)
    )
    select p.plan_id, c.programme_type, count(*)::int as classes, coalesce(sum(e.n), 0)::int as attendances
    from p
    join classes c
      on c.end_date between p.d_from and p.d_to
     and c.status <> 'cancelled'
     and (
          p.level = 'national'
       or (p.level = 'province' and (c.province_code = p.province
             or exists (select 1 from class_communes cc where cc.class_id = c.id and cc.province_code = p.province)))
       or (p.level = 'commune' and (c.host_commune_code = p.commune
             or exists (select 1 from class_communes cc where cc.class_id = c.id and cc.commune_code = p.commune)))
     )
    cross join lateral (
      select count(*)::int as n
      from enrolments en
      where en.class_id = c.id
        and en.status not in ('cancelled', 'waitlisted')
        and (p.level = 'national'
          or (p.level = 'province' and en.province_code = p.province)
          or (p.level = 'commune' and en.commune_code = p.commune))
    ) e
    group by p.plan_id, c.programme_type`);
  return res.rows.map((r) => ({ planId: r.plan_id, programmeType: r.programme_type, classes: r.classes, attendances: r.attendances }));
}
