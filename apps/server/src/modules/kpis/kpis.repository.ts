/**
 * All KPI SQL. The "reference" row queries below are written straight from SPEC §9's precise
 * rules, one per indicator, each returning the rows behind the number (officials, enrolments or
 * programmes) with a flag `in_num` for the numerator. Counts and drill-down lists are both read
 * from the same row query, so a number and its list can never disagree.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { PROGRAMME_TYPES, type KpiCode, type KpiScope } from '@app/shared';
import { completionWindow, phaseWindow } from './kpis.rules.ts';

/** How rows are grouped: one total, or per child of the scope. */
export type GroupBy = 'none' | 'province' | 'commune' | 'unit';

export interface RowQuery {
  scope: KpiScope;
  phase: 1 | 2;
  asOf: string;
  groupBy: GroupBy;
}

/** Programme types counted as professional for K8 (SPEC §5: professional programmes ≥ 60% practice). */
export const PROFESSIONAL_TYPES = ['CMCN', 'CMNV', 'KNBT', 'CAPNHAT'] as const;

function scopeOn(alias: string, scope: KpiScope): SQL {
  const a = sql.raw(alias);
  if (scope.level === 'province') return sql`${a}.province_code = ${scope.provinceCode}`;
  if (scope.level === 'commune') return sql`${a}.commune_code = ${scope.communeCode}`;
  return sql`true`;
}

function groupOn(alias: string, g: GroupBy): SQL {
  const a = sql.raw(alias);
  if (g === 'province') return sql`${a}.province_code`;
  if (g === 'commune') return sql`${a}.commune_code`;
  if (g === 'unit') return sql`coalesce(${a}.unit_id::text, '')`;
  return sql`''`;
}

/** Officials in service on asOf in the scope: an assignment in the scope covering asOf. */
function inService(q: RowQuery): SQL {
  return sql`
    select distinct a.official_id, ${groupOn('a', q.groupBy)} as grp
    from official_assignments a
    where a.from_date <= ${q.asOf}::date
      and (a.to_date is null or a.to_date >= ${q.asOf}::date)
      and ${scopeOn('a', q.scope)}`;
}

/**
 * Officials with a completed enrolment (result completed, neither enrolment nor class cancelled)
 * of the given types whose class ended in [start, until]. A set, joined once (hash join), not a
 * per-official probe.
 */
function completedIn(q: RowQuery, types: readonly string[], start: string, until: string, probe = false): SQL {
  return sql`
    select distinct e.official_id from enrolments e join classes c on c.id = e.class_id
    where ${ofPeopleInService(q, probe)}
      and e.status <> 'cancelled' and c.status <> 'cancelled'
      and e.result = 'completed'
      and c.programme_type in (${sql.join(
        types.map((t) => sql`${t}`),
        sql`, `,
      )})
      and c.end_date >= ${start}::date and c.end_date <= ${until}::date`;
}

/** Restricts a numerator set to people in service in the scope (so a commune reads only its people's enrolments). */
function ofPeopleInService(q: RowQuery, probe = false): SQL {
  const people = sql`
    select a.official_id from official_assignments a
    where a.from_date <= ${q.asOf}::date and (a.to_date is null or a.to_date >= ${q.asOf}::date) and ${scopeOn('a', q.scope)}`;
  // Same set either way. `probe` (K3, K4: programme types covering most enrolments) for a province or commune
  // reads the scope's people's enrolments through enrolments_official_idx instead of scanning all enrolments
  // (province 66 at scale 1: K3 380 → 140 ms, bench/kpi-profile.ts). For the nation, and for K1, K2, K5 (few
  // classes of the type, read first), the plain semi-join is cheaper.
  if (!probe || q.scope.level === 'nation') return sql`e.official_id in (${people})`;
  return sql`e.official_id = any(array(${people}))`;
}

/** People in service in the scope that pass `filter`; in the numerator when they are in `numeratorSet` (a set of official_id). */
function officialRows(q: RowQuery, filter: SQL, numeratorSet: SQL): SQL {
  return sql`
    select s.grp, s.official_id::text as id, s.official_id, (d.official_id is not null) as in_num, null::text as label, null::date as dt
    from (${inService(q)}) s
    join officials o on o.id = s.official_id
    left join (${numeratorSet}) d on d.official_id = s.official_id
    where ${filter}`;
}

/** Enrolments made by the scope (enrolments.province_code / commune_code / unit_id). */
function enrolmentScope(q: RowQuery): SQL {
  return scopeOn('e', q.scope);
}

export function rowsSql(code: KpiCode, q: RowQuery): SQL {
  const pw = phaseWindow(q.phase, q.asOf);
  switch (code) {
    case 'K1':
      // flagged below standard at any time from the phase start to asOf; numerator: a CMCN
      // nomination dated (decision_date) on or before asOf, any status but cancelled.
      return officialRows(
        q,
        sql`exists (
          select 1 from official_flags f
          where f.official_id = s.official_id and f.flag = 'below_standard'
            and f.from_date <= ${q.asOf}::date
            and (f.to_date is null or f.to_date >= ${pw.start}::date))`,
        sql`
          select distinct e.official_id from enrolments e join classes c on c.id = e.class_id
          where ${ofPeopleInService(q)} and c.programme_type = 'CMCN' and e.status <> 'cancelled' and e.decision_date <= ${q.asOf}::date`,
      );
    case 'K2': {
      const w = completionWindow('K2', q.phase, q.asOf);
      return officialRows(q, sql`o.official_type = 'cong_chuc' and not o.is_leader`, completedIn(q, ['QLNN_CHUNG'], w.start, w.until));
    }
    case 'K3': {
      const w = completionWindow('K3', q.phase, q.asOf);
      return officialRows(q, sql`true`, completedIn(q, ['CMNV', 'KNBT'], w.start, w.until, true));
    }
    case 'K4': {
      const w = completionWindow('K4', q.phase, q.asOf);
      return officialRows(q, sql`true`, completedIn(q, ['CMNV', 'KNBT', 'CAPNHAT'], w.start, w.until, true));
    }
    case 'K5':
      // leaders (cán bộ or công chức); QLNN_LANHDAO completed at any time up to asOf
      return officialRows(q, sql`o.is_leader`, completedIn(q, ['QLNN_LANHDAO'], '2000-01-01', q.asOf));
    case 'K6':
      return sql`
        select ${groupOn('e', q.groupBy)} as grp, e.id::text as id, e.official_id,
          (r.enrolment_id is not null) as in_num,
          c.code || ' – ' || c.name as label, c.end_date as dt
        from enrolments e join classes c on c.id = e.class_id
        left join (select enrolment_id from self_reports where submitted_on <= ${q.asOf}::date) r on r.enrolment_id = e.id
        where ${enrolmentScope(q)}
          and e.status <> 'cancelled' and c.status <> 'cancelled'
          and c.end_date >= ${pw.start}::date and c.end_date <= ${pw.until}::date`;
    case 'K7':
      return sql`
        select ${groupOn('e', q.groupBy)} as grp, e.id::text as id, e.official_id,
          (v.enrolment_id is not null) as in_num,
          c.code || ' – ' || c.name as label, c.end_date as dt
        from enrolments e join classes c on c.id = e.class_id
        left join (${evaluatedSql(q.asOf)}) v on v.enrolment_id = e.id
        where ${enrolmentScope(q)}
          and e.status <> 'cancelled' and c.status <> 'cancelled' and e.result = 'completed'
          and c.end_date >= ${pw.start}::date and c.end_date <= ${pw.until}::date
          and (c.end_date + interval '3 months')::date <= ${q.asOf}::date`;
    case 'K8':
      // professional programmes in use: a class of the programme (not cancelled) running in the
      // phase up to asOf with at least one nomination made by the scope.
      return sql`
        select x.grp, p.id::text as id, null::uuid as official_id,
          (p.practice_hours * 100 >= 60 * p.total_hours) as in_num,
          p.code || ' – ' || p.name as label, null::date as dt
        from programmes p
        join (
          select distinct c.programme_id, ${groupOn('e', q.groupBy)} as grp
          from classes c join enrolments e on e.class_id = c.id
          where c.status <> 'cancelled' and e.status <> 'cancelled'
            and c.start_date <= ${pw.until}::date and c.end_date >= ${pw.start}::date
            and ${enrolmentScope(q)}
        ) x on x.programme_id = p.id
        where p.type in (${sql.join(
          PROFESSIONAL_TYPES.map((t) => sql`${t}`),
          sql`, `,
        )})`;
    case 'P1':
      throw new Error('P1 is computed from plans (planProgress), not from a row query');
  }
}

let evaluationsTable = false;
/**
 * K7's numerator reads H3's post_training_evaluations (contract 3). Until that table exists no
 * enrolment counts as evaluated; `detectEvaluations` is called by the service before each computation.
 */
function evaluatedSql(asOf: string): SQL {
  if (!evaluationsTable) return sql`select null::int as enrolment_id where false`;
  return sql`select enrolment_id from post_training_evaluations where evaluated_on <= ${asOf}::date`;
}

export async function detectEvaluations(db: DbOrTx): Promise<void> {
  const r = await db.execute<{ ok: boolean }>(sql`select to_regclass('public.post_training_evaluations') is not null as ok`);
  evaluationsTable = r.rows[0]!.ok;
}

export type CountRow = {
  grp: string;
  numerator: number;
  denominator: number;
};

export async function countRows(db: DbOrTx, code: KpiCode, q: RowQuery): Promise<CountRow[]> {
  const r = await db.execute<CountRow>(sql`
    select grp, count(*) filter (where in_num)::int as numerator, count(*)::int as denominator
    from (${rowsSql(code, q)}) t group by grp`);
  return r.rows;
}

export type PeopleRow = {
  id: string;
  official_id: string | null;
  full_name: string | null;
  commune_code: string | null;
  commune_name: string | null;
  label: string | null;
  dt: string | null;
  in_num: boolean;
};

export async function listRows(
  db: DbOrTx,
  code: KpiCode,
  q: RowQuery,
  part: 'numerator' | 'denominator' | 'missing',
  page: number,
  pageSize: number,
): Promise<{ rows: PeopleRow[]; total: number }> {
  const filter = part === 'numerator' ? sql`t.in_num` : part === 'missing' ? sql`not t.in_num` : sql`true`;
  const total = await db.execute<{ n: number }>(sql`select count(*)::int as n from (${rowsSql(code, q)}) t where ${filter}`);
  const r = await db.execute<PeopleRow>(sql`
    select t.id, t.official_id::text as official_id, o.full_name, o.commune_code, cm.name as commune_name,
      t.label, t.dt, t.in_num
    from (${rowsSql(code, q)}) t
    left join officials o on o.id = t.official_id
    left join communes cm on cm.code = o.commune_code
    where ${filter}
    order by o.given_name nulls last, o.full_name nulls last, t.label nulls last, t.id
    limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { rows: r.rows, total: total.rows[0]!.n };
}

// ---------- names of children, plans ----------

export async function childNames(db: DbOrTx, scope: KpiScope): Promise<{ code: string; name: string }[]> {
  if (scope.level === 'nation') {
    const r = await db.execute<{ code: string; name: string }>(sql`select code, name from provinces order by code`);
    return r.rows;
  }
  if (scope.level === 'province') {
    const r = await db.execute<{ code: string; name: string }>(
      sql`select code, name from communes where province_code = ${scope.provinceCode} order by name collate "vi-x-icu", code`,
    );
    return r.rows;
  }
  const r = await db.execute<{ code: string; name: string }>(
    sql`select id::text as code, name from units where commune_code = ${scope.communeCode} order by sort_order, name collate "vi-x-icu", id`,
  );
  return r.rows;
}

/** Known places (provinces, commune → province), per database handle; a miss re-reads them, so a new place is found. */
const places = new WeakMap<object, { provinces: Set<string>; communes: Map<string, string> }>();
async function loadPlaces(db: DbOrTx): Promise<{ provinces: Set<string>; communes: Map<string, string> }> {
  const p = await db.execute<{ code: string }>(sql`select code from provinces`);
  const c = await db.execute<{ code: string; province_code: string }>(sql`select code, province_code from communes`);
  const v = { provinces: new Set(p.rows.map((r) => r.code)), communes: new Map(c.rows.map((r) => [r.code, r.province_code])) };
  places.set(db, v);
  return v;
}

export async function scopeExists(
  db: DbOrTx,
  scope: KpiScope,
): Promise<{ provinceCode: string | null; communeCode: string | null } | null> {
  if (scope.level === 'nation') return { provinceCode: null, communeCode: null };
  const find = (v: { provinces: Set<string>; communes: Map<string, string> }) => {
    if (scope.level === 'province')
      return v.provinces.has(scope.provinceCode) ? { provinceCode: scope.provinceCode, communeCode: null } : null;
    const province = v.communes.get(scope.communeCode);
    return province ? { provinceCode: province, communeCode: scope.communeCode } : null;
  };
  const known = places.get(db);
  return (known && find(known)) ?? find(await loadPlaces(db));
}

/** The scope's own plans for the phase: whole-phase plans when any, else its yearly plans. */
export async function planIdsOf(db: DbOrTx, scope: KpiScope, phase: 1 | 2): Promise<{ id: number; year: number | null; group: string }[]> {
  const where =
    scope.level === 'nation'
      ? sql`level = 'national'`
      : scope.level === 'province'
        ? sql`level = 'province' and province_code = ${scope.provinceCode}`
        : sql`level = 'commune' and commune_code = ${scope.communeCode}`;
  const r = await db.execute<{ id: number; year: number | null; group: string }>(sql`
    select id, year, coalesce(commune_code, province_code, '') as "group" from plans where ${where} and phase = ${phase} order by id`);
  return r.rows;
}

/** Plans of the children of a scope (provinces of the nation, communes of a province). */
export async function childPlanIds(
  db: DbOrTx,
  scope: KpiScope,
  phase: 1 | 2,
): Promise<{ id: number; year: number | null; group: string }[]> {
  if (scope.level === 'commune') return [];
  const where = scope.level === 'nation' ? sql`level = 'province'` : sql`level = 'commune' and province_code = ${scope.provinceCode}`;
  const col = scope.level === 'nation' ? sql`province_code` : sql`commune_code`;
  const r = await db.execute<{ id: number; year: number | null; group: string }>(sql`
    select id, year, ${col} as "group" from plans where ${where} and phase = ${phase} order by id`);
  return r.rows;
}

// ---------- per-province entries (the nation = Σ province shares; decision 0007, session 3) ----------

export type ShareCounts = CountRow & { ownNumerator: number; ownDenominator: number };

/**
 * K1–K5 of one province with its nation share. A person's filter and numerator depend only on the
 * person (not on the scope), so the nation count is the sum over provinces of the people "owned" by
 * each: a person in service in several provinces on asOf is owned by the smallest province code
 * among the assignments covering asOf, and counts once nationally.
 */
export async function shareCounts(
  db: DbOrTx,
  code: 'K1' | 'K2' | 'K3' | 'K4' | 'K5',
  q: RowQuery & { scope: { level: 'province'; provinceCode: string } },
): Promise<ShareCounts> {
  const r = await db.execute<ShareCounts>(sql`
    select count(*) filter (where in_num)::int as numerator, count(*)::int as denominator,
      count(*) filter (where in_num and own)::int as "ownNumerator", count(*) filter (where own)::int as "ownDenominator"
    from (
      select t.in_num, not exists (
        select 1 from official_assignments a2
        where a2.official_id = t.official_id and a2.from_date <= ${q.asOf}::date
          and (a2.to_date is null or a2.to_date >= ${q.asOf}::date) and a2.province_code < ${q.scope.provinceCode}
      ) as own
      from (${rowsSql(code, q)}) t
    ) x`);
  return r.rows[0]!;
}

/** K8's programmes of one scope, with the numerator flag (the nation's K8 = the union over provinces). */
export async function programmeSet(db: DbOrTx, q: RowQuery): Promise<{ id: string; in_num: boolean }[]> {
  const r = await db.execute<{ id: string; in_num: boolean }>(sql`select t.id, t.in_num from (${rowsSql('K8', q)}) t order by t.id`);
  return r.rows;
}

/**
 * The province's part of the nation's P1 numerator over one national plan window: attendances (nominations
 * neither cancelled nor waitlisted) made by the province in classes not cancelled that ended in [from, to]
 * (planProgress counts every nomination of a class nationally, so the nation's count is the sum over provinces).
 */
export async function attendancesOf(db: DbOrTx, provinceCode: string, from: string, to: string): Promise<number> {
  const r = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from enrolments en join classes c on c.id = en.class_id
    where en.province_code = ${provinceCode} and en.status not in ('cancelled', 'waitlisted')
      and c.status <> 'cancelled' and c.end_date >= ${from}::date and c.end_date <= ${to}::date
      and c.programme_type in (${sql.join(
        PROGRAMME_TYPES.map((t) => sql`${t}`),
        sql`, `,
      )})`);
  return r.rows[0]!.n;
}

/** Σ planned attendances (the 'ALL' target) of the given plans. */
export async function plannedAttendances(db: DbOrTx, planIds: number[]): Promise<number> {
  if (planIds.length === 0) return 0;
  const r = await db.execute<{ n: number }>(sql`
    select coalesce(sum(attendances), 0)::int as n from plan_targets
    where programme_type = 'ALL' and plan_id in (${sql.join(
      planIds.map((id) => sql`${id}`),
      sql`, `,
    )})`);
  return r.rows[0]!.n;
}
