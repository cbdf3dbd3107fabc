/** The only file that queries the training-needs table (SPEC §4). */
import { and, asc, count, desc, eq, gte, inArray, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { PHASES, PROGRAMME_TYPES, type NeedStatus, type Phase, type ProgrammeType } from '@app/shared';
import type { DbOrTx } from '../../db/client.ts';
import { communes, officialAssignments, officials, positions, trainingNeeds, units } from '../../db/schema/index.ts';
import { emptyTrainingHistory, professionalTypesOfPhase, type TrainingHistory } from './needs.rules.ts';

export type NeedRow = typeof trainingNeeds.$inferSelect;
export type NeedInsert = typeof trainingNeeds.$inferInsert;

/** A place in the organisation tree: a commune, a province, or the whole nation (no code). */
export interface Place {
  provinceCode?: string | undefined;
  communeCode?: string | undefined;
}

// ---------- training history: the hook the training module fills ----------

/**
 * TRAINING-MODULE HOOK (SPEC §6, §9). Returns, for each official id, what the official has done as of
 * `asOf` (see `TrainingHistory` in needs.rules.ts for the exact meaning of each field):
 * - completedProgrammes: programme types of enrolments with a completed/passed result whose class
 *   ended on or before `asOf`;
 * - nominatedProgrammes: programme types of nominations dated on or before `asOf`, any status but
 *   cancelled (completed ones included);
 * - completedProfessionalInPhase: a completed enrolment whose programme type is in
 *   `professionalTypesOfPhase(phase)` and whose class ended inside PHASES[phase], on or before `asOf`;
 * - trainedInPhase: any completed enrolment, or nomination not cancelled, in a class held inside the phase.
 * Must be set-based (one or two queries for all ids, province scale = thousands of ids). Until the
 * training module exists nobody has any training, so every official gets the empty history.
 * Sketch over the training schema being written (enrolments with programme_type, class_end_date,
 * decision_date, status, result), one row per official:
 *   select official_id,
 *     array_agg(distinct programme_type) filter (where result = 'completed' and class_end_date <= :asOf) as completed,
 *     array_agg(distinct programme_type) filter (where decision_date <= :asOf) as nominated,
 *     bool_or(result = 'completed' and programme_type = any(:professionalTypes)
 *             and class_end_date between :phaseStart and least(:phaseEnd, :asOf)) as completed_professional,
 *     bool_or(class_end_date between :phaseStart and :phaseEnd and decision_date <= :asOf) as trained_in_phase
 *   from enrolments where official_id = any(:ids) and status <> 'cancelled' group by official_id
 */
export async function trainingHistoryOf(
  db: DbOrTx,
  officialIds: readonly string[],
  phase: Phase,
  asOf: string,
): Promise<Map<string, TrainingHistory>> {
  const out = new Map(officialIds.map((id) => [id, emptyTrainingHistory()]));
  if (!officialIds.length) return out;
  // One grouped pass over enrolments_official_idx for all ids. Arrays go in as literals: Drizzle would
  // spread a JS array into a parameter list.
  const { start, end } = PHASES[phase];
  const ids = `{${officialIds.join(',')}}`;
  const professional = `{${professionalTypesOfPhase(phase).join(',')}}`;
  const res = await db.execute<{
    official_id: string;
    completed: ProgrammeType[];
    nominated: ProgrammeType[];
    completed_professional: boolean;
    trained_in_phase: boolean;
  }>(sql`
    select e.official_id::text as official_id,
      coalesce(array_agg(distinct e.programme_type) filter (where e.result = 'completed' and e.class_end_date <= ${asOf}::date), '{}') as completed,
      coalesce(array_agg(distinct e.programme_type) filter (where e.decision_date <= ${asOf}::date), '{}') as nominated,
      coalesce(bool_or(e.result = 'completed' and e.programme_type = any(${professional}::text[])
        and e.class_end_date between ${start}::date and least(${end}::date, ${asOf}::date)), false) as completed_professional,
      coalesce(bool_or(e.class_end_date between ${start}::date and ${end}::date and e.decision_date <= ${asOf}::date), false) as trained_in_phase
    from enrolments e
    where e.official_id = any(${ids}::uuid[]) and e.status <> 'cancelled'
    group by e.official_id`);
  for (const r of res.rows) {
    out.set(r.official_id, {
      completedProgrammes: new Set(r.completed),
      nominatedProgrammes: new Set(r.nominated),
      completedProfessionalInPhase: r.completed_professional,
      trainedInPhase: r.trained_in_phase,
    });
  }
  return out;
}

// ---------- officials in service ----------

/** The current assignment covering `asOf` of each official in service in the place (SPEC §9 "in service"). */
function inServiceAssignments(db: DbOrTx, place: Place, asOf: string) {
  const c: SQL[] = [
    lte(officialAssignments.fromDate, asOf),
    or(isNull(officialAssignments.toDate), gte(officialAssignments.toDate, asOf))!,
  ];
  if (place.communeCode) c.push(eq(officialAssignments.communeCode, place.communeCode));
  if (place.provinceCode) c.push(eq(officialAssignments.provinceCode, place.provinceCode));
  return db
    .selectDistinctOn([officialAssignments.officialId], {
      officialId: officialAssignments.officialId,
      servingCommune: officialAssignments.communeCode,
      servingProvince: officialAssignments.provinceCode,
      servingSince: officialAssignments.fromDate,
    })
    .from(officialAssignments)
    .where(and(...c))
    .orderBy(officialAssignments.officialId, desc(officialAssignments.fromDate), desc(officialAssignments.id))
    .as('ins');
}

/** Officials in service in the place on `asOf`, with what the rules, the urgent list and the warnings need. */
export async function officialsInService(db: DbOrTx, place: Place, asOf: string, only?: { belowStandard?: boolean }) {
  const ins = inServiceAssignments(db, place, asOf);
  const c: SQL[] = [];
  if (only?.belowStandard !== undefined) c.push(eq(officials.belowStandard, only.belowStandard));
  return db
    .select({
      id: officials.id,
      fullName: officials.fullName,
      communeCode: ins.servingCommune,
      provinceCode: ins.servingProvince,
      servingSince: ins.servingSince,
      communeName: communes.fullName,
      unitName: units.name,
      positionName: positions.name,
      positionTrainingFields: positions.trainingFields,
      positionRequiredProgrammes: positions.requiredProgrammes,
      officialType: officials.officialType,
      isLeader: officials.isLeader,
      leaderTitle: officials.leaderTitle,
      bloc: officials.bloc,
      meetsRequirementComputed: officials.meetsRequirementComputed,
      meetsRequirementOverride: officials.meetsRequirementOverride,
      belowStandard: officials.belowStandard,
      affectedByReorg: officials.affectedByReorg,
      status: officials.status,
      statusDate: officials.statusDate,
      belowStandardSince: sql<string | null>`(select max(f.from_date) from official_flags f
        where f.official_id = ${officials.id} and f.flag = 'below_standard' and f.to_date is null)`,
    })
    .from(ins)
    .innerJoin(officials, eq(officials.id, ins.officialId))
    .leftJoin(communes, eq(communes.code, ins.servingCommune))
    .leftJoin(units, eq(units.id, officials.unitId))
    .leftJoin(positions, eq(positions.id, officials.positionId))
    .where(c.length ? and(...c) : undefined)
    .orderBy(asc(officials.givenName), asc(officials.fullName), asc(officials.id));
}
export type InServiceOfficial = Awaited<ReturnType<typeof officialsInService>>[number];

/** Is the official in service in this commune on `asOf`? */
export async function isInServiceIn(db: DbOrTx, officialId: string, communeCode: string, asOf: string): Promise<boolean> {
  const [row] = await db
    .select({ id: officialAssignments.id })
    .from(officialAssignments)
    .where(
      and(
        eq(officialAssignments.officialId, officialId),
        eq(officialAssignments.communeCode, communeCode),
        lte(officialAssignments.fromDate, asOf),
        or(isNull(officialAssignments.toDate), gte(officialAssignments.toDate, asOf)),
      ),
    )
    .limit(1);
  return !!row;
}

// ---------- the review ----------

/** One review of a commune and phase at a time (a second one waits, then sees the first one's rows). */
export async function lockReview(tx: DbOrTx, communeCode: string, phase: Phase): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`needs.review:${communeCode}:${phase}`}, 0))`);
}

/** Needs follow the person: those of officials now serving in the commune move to it. */
export async function rehomeNeeds(
  tx: DbOrTx,
  officialIds: readonly string[],
  communeCode: string,
  provinceCode: string,
  phase: Phase,
): Promise<number> {
  if (officialIds.length === 0) return 0;
  const rows = await tx
    .update(trainingNeeds)
    .set({ communeCode, provinceCode })
    .where(
      and(eq(trainingNeeds.phase, phase), inArray(trainingNeeds.officialId, [...officialIds]), ne(trainingNeeds.communeCode, communeCode)),
    )
    .returning({ id: trainingNeeds.id });
  return rows.length;
}

/** Every need of the commune and phase, locked for the review. */
export async function needsOfCommune(tx: DbOrTx, communeCode: string, phase: Phase): Promise<NeedRow[]> {
  return tx
    .select()
    .from(trainingNeeds)
    .where(and(eq(trainingNeeds.communeCode, communeCode), eq(trainingNeeds.phase, phase)))
    .orderBy(asc(trainingNeeds.id))
    .for('update');
}

export async function insertNeeds(tx: DbOrTx, rows: NeedInsert[]): Promise<NeedRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(trainingNeeds).values(rows).onConflictDoNothing().returning();
}

/** Removes proposals only (a need decided meanwhile stays). */
export async function deleteProposedNeeds(tx: DbOrTx, ids: readonly number[]): Promise<NeedRow[]> {
  if (ids.length === 0) return [];
  return tx
    .delete(trainingNeeds)
    .where(and(inArray(trainingNeeds.id, [...ids]), eq(trainingNeeds.status, 'proposed')))
    .returning();
}

export async function refreshProposedNeed(
  tx: DbOrTx,
  id: number,
  patch: Pick<NeedInsert, 'priority' | 'reason' | 'source'>,
): Promise<NeedRow | undefined> {
  const [row] = await tx
    .update(trainingNeeds)
    .set({ ...patch, version: sql`${trainingNeeds.version} + 1` })
    .where(and(eq(trainingNeeds.id, id), eq(trainingNeeds.status, 'proposed')))
    .returning();
  return row;
}

// ---------- reading needs ----------

const needColumns = {
  n: trainingNeeds,
  fullName: officials.fullName,
  unitName: units.name,
  positionName: positions.name,
  belowStandard: officials.belowStandard,
  affectedByReorg: officials.affectedByReorg,
  officialProvinceCode: officials.provinceCode,
  officialCommuneCode: officials.communeCode,
  officialUnitId: officials.unitId,
};
export type NeedWithOfficial = {
  n: NeedRow;
  fullName: string;
  unitName: string | null;
  positionName: string | null;
  belowStandard: boolean;
  affectedByReorg: boolean;
};

const programmeOrder = sql`array_position(array[${sql.join(
  PROGRAMME_TYPES.map((t) => sql`${t}`),
  sql`, `,
)}]::text[], ${trainingNeeds.programmeType})`;

function servingIn(communeCode: string, asOf: string): SQL {
  return sql`exists (select 1 from official_assignments a where a.official_id = ${trainingNeeds.officialId}
    and a.commune_code = ${communeCode} and a.from_date <= ${asOf}::date and (a.to_date is null or a.to_date >= ${asOf}::date))`;
}

export interface RegisterFilter {
  status?: NeedStatus | undefined;
  programmeType?: ProgrammeType | undefined;
  field?: string | undefined;
  priority?: number | undefined;
  q?: string | undefined;
}

/** The commune's register: needs of the phase of officials serving in the commune on `asOf`. */
export async function registerItems(
  db: DbOrTx,
  communeCode: string,
  phase: Phase,
  asOf: string,
  f: RegisterFilter,
  page: number,
  pageSize: number | undefined,
) {
  const c: SQL[] = [eq(trainingNeeds.phase, phase), servingIn(communeCode, asOf)];
  if (f.status) c.push(eq(trainingNeeds.status, f.status));
  if (f.programmeType) c.push(eq(trainingNeeds.programmeType, f.programmeType));
  if (f.field) c.push(eq(trainingNeeds.field, f.field));
  if (f.priority !== undefined) c.push(eq(trainingNeeds.priority, f.priority));
  const q = f.q?.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
  if (q) c.push(sql`${officials.searchKey} like '%' || f_unaccent(${q.replace(/[%_\\]/g, '\\$&')}) || '%'`);
  const where = and(...c);
  const query = db
    .select(needColumns)
    .from(trainingNeeds)
    .innerJoin(officials, eq(officials.id, trainingNeeds.officialId))
    .leftJoin(units, eq(units.id, officials.unitId))
    .leftJoin(positions, eq(positions.id, officials.positionId))
    .where(where)
    .orderBy(
      asc(trainingNeeds.priority),
      asc(officials.givenName),
      asc(officials.fullName),
      asc(officials.id),
      programmeOrder,
      asc(trainingNeeds.field),
    )
    .$dynamic();
  const [rows, [total]] = await Promise.all([
    pageSize === undefined ? query : query.limit(pageSize).offset((page - 1) * pageSize),
    db.select({ n: count() }).from(trainingNeeds).innerJoin(officials, eq(officials.id, trainingNeeds.officialId)).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function findNeed(db: DbOrTx, id: number) {
  const [row] = await db
    .select(needColumns)
    .from(trainingNeeds)
    .innerJoin(officials, eq(officials.id, trainingNeeds.officialId))
    .leftJoin(units, eq(units.id, officials.unitId))
    .leftJoin(positions, eq(positions.id, officials.positionId))
    .where(eq(trainingNeeds.id, id))
    .limit(1);
  return row;
}

export async function lockNeed(tx: DbOrTx, id: number): Promise<NeedRow | undefined> {
  const [row] = await tx.select().from(trainingNeeds).where(eq(trainingNeeds.id, id)).for('update').limit(1);
  return row;
}

export async function decideNeed(
  tx: DbOrTx,
  id: number,
  version: number,
  patch: Pick<NeedInsert, 'status' | 'decisionReason' | 'decidedBy' | 'decidedAt'>,
): Promise<NeedRow | undefined> {
  const [row] = await tx
    .update(trainingNeeds)
    .set({ ...patch, version: sql`${trainingNeeds.version} + 1` })
    .where(and(eq(trainingNeeds.id, id), eq(trainingNeeds.version, version)))
    .returning();
  return row;
}

/** Inserts unless the same (official, phase, programme type, field) exists; undefined on a duplicate. */
export async function insertNeed(tx: DbOrTx, row: NeedInsert): Promise<NeedRow | undefined> {
  const [created] = await tx.insert(trainingNeeds).values(row).onConflictDoNothing().returning();
  return created;
}

export async function findNeedByKey(
  db: DbOrTx,
  officialId: string,
  phase: Phase,
  programmeType: string,
  field: string,
): Promise<NeedRow | undefined> {
  const [row] = await db
    .select()
    .from(trainingNeeds)
    .where(
      and(
        eq(trainingNeeds.officialId, officialId),
        eq(trainingNeeds.phase, phase),
        eq(trainingNeeds.programmeType, programmeType),
        eq(trainingNeeds.field, field),
      ),
    )
    .limit(1);
  return row;
}

/** One official's needs that are not dropped (the learner's own page). */
export async function needsOfOfficial(db: DbOrTx, officialId: string, phase?: Phase) {
  const c: SQL[] = [eq(trainingNeeds.officialId, officialId), ne(trainingNeeds.status, 'dropped')];
  if (phase) c.push(eq(trainingNeeds.phase, phase));
  return db
    .select(needColumns)
    .from(trainingNeeds)
    .innerJoin(officials, eq(officials.id, trainingNeeds.officialId))
    .leftJoin(units, eq(units.id, officials.unitId))
    .leftJoin(positions, eq(positions.id, officials.positionId))
    .where(and(...c))
    .orderBy(asc(trainingNeeds.phase), asc(trainingNeeds.priority), programmeOrder, asc(trainingNeeds.field));
}

/** The CMCN needs of the phase of these officials (for the urgent list). */
export async function cmcnNeedsOf(db: DbOrTx, officialIds: readonly string[], phase: Phase) {
  if (officialIds.length === 0) return [];
  return db
    .select({ id: trainingNeeds.id, officialId: trainingNeeds.officialId, status: trainingNeeds.status, version: trainingNeeds.version })
    .from(trainingNeeds)
    .where(
      and(
        inArray(trainingNeeds.officialId, [...officialIds]),
        eq(trainingNeeds.phase, phase),
        eq(trainingNeeds.programmeType, 'CMCN'),
        eq(trainingNeeds.field, ''),
      ),
    );
}

// ---------- counts: one computation for registers and aggregations ----------

export interface CountRow {
  dimension: 'all' | 'programme' | 'field' | 'priority' | 'child';
  key: string | null;
  proposed: number;
  confirmed: number;
  dropped: number;
  total: number;
  officials: number;
}

/**
 * Counts of the phase's needs of officials in service in the place on `asOf`, in one pass with
 * grouping sets: overall, by programme type, by field, by priority and by child place (commune of
 * a province, province of the nation). "total" and "officials" leave dropped needs out (SPEC §4, §9).
 */
export async function needCounts(db: DbOrTx, place: Place, phase: Phase, asOf: string, child: 'commune' | 'province'): Promise<CountRow[]> {
  const placeCond = place.communeCode
    ? sql`and a.commune_code = ${place.communeCode}`
    : place.provinceCode
      ? sql`and a.province_code = ${place.provinceCode}`
      : sql``;
  const childCol = child === 'commune' ? sql.raw('ins.commune_code') : sql.raw('ins.province_code');
  const result = await db.execute<{
    g_programme: number;
    g_field: number;
    g_priority: number;
    g_child: number;
    programme_type: string | null;
    field: string | null;
    priority: number | null;
    child: string | null;
    proposed: number;
    confirmed: number;
    dropped: number;
    total: number;
    officials: number;
  }>(sql`
    with ins as (
      select distinct on (a.official_id) a.official_id, a.commune_code, a.province_code
      from official_assignments a
      where a.from_date <= ${asOf}::date and (a.to_date is null or a.to_date >= ${asOf}::date) ${placeCond}
      order by a.official_id, a.from_date desc, a.id desc
    ), n as (
      select n.programme_type, n.field, n.priority, n.status, n.official_id, ${childCol} as child
      from training_needs n join ins on ins.official_id = n.official_id
      where n.phase = ${phase}
    )
    select grouping(programme_type) as g_programme, grouping(field) as g_field, grouping(priority) as g_priority, grouping(child) as g_child,
      programme_type, field, priority, child,
      count(*) filter (where status = 'proposed')::int as proposed,
      count(*) filter (where status = 'confirmed')::int as confirmed,
      count(*) filter (where status = 'dropped')::int as dropped,
      count(*) filter (where status <> 'dropped')::int as total,
      count(distinct official_id) filter (where status <> 'dropped')::int as officials
    from n
    group by grouping sets ((programme_type), (field), (priority), (child), ())`);
  return result.rows.map((r) => {
    const dimension: CountRow['dimension'] =
      r.g_programme === 0 ? 'programme' : r.g_field === 0 ? 'field' : r.g_priority === 0 ? 'priority' : r.g_child === 0 ? 'child' : 'all';
    const key =
      dimension === 'programme'
        ? r.programme_type
        : dimension === 'field'
          ? r.field
          : dimension === 'priority'
            ? String(r.priority)
            : dimension === 'child'
              ? r.child
              : null;
    return { dimension, key, proposed: r.proposed, confirmed: r.confirmed, dropped: r.dropped, total: r.total, officials: r.officials };
  });
}

/** Officials in service in the place on `asOf`: overall (key null) and per child place. */
export async function inServiceCounts(
  db: DbOrTx,
  place: Place,
  asOf: string,
  child: 'commune' | 'province',
): Promise<{ key: string | null; n: number }[]> {
  const placeCond = place.communeCode
    ? sql`and a.commune_code = ${place.communeCode}`
    : place.provinceCode
      ? sql`and a.province_code = ${place.provinceCode}`
      : sql``;
  const childCol = child === 'commune' ? sql.raw('commune_code') : sql.raw('province_code');
  const result = await db.execute<{ g: number; child: string | null; n: number }>(sql`
    with ins as (
      select distinct on (a.official_id) a.official_id, a.commune_code, a.province_code
      from official_assignments a
      where a.from_date <= ${asOf}::date and (a.to_date is null or a.to_date >= ${asOf}::date) ${placeCond}
      order by a.official_id, a.from_date desc, a.id desc
    )
    select grouping(${childCol}) as g, ${childCol} as child, count(*)::int as n from ins group by grouping sets ((${childCol}), ())`);
  return result.rows.map((r) => ({ key: r.g === 0 ? r.child : null, n: r.n }));
}
