/**
 * Use cases of training plans (SPEC §5) with plan vs actual always attached (SPEC §9 P1):
 * list, read, create, edit (targets replaced, version check). `planProgress` is the one
 * computation of plan vs actual that other modules (dashboard P1, reports) call.
 */
import type {
  CreatePlanRequest,
  PlanDetail,
  PlanItem,
  PlanListQuery,
  PlanListResponse,
  PlanProgress,
  PlanTarget,
  UpdatePlanRequest,
} from '@app/shared';
import { PLAN_TARGET_TYPES } from '@app/shared';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Clock } from '../../clock.ts';
import { assertCan, can, scopeOf, type Actor, type Target } from '../../authz/policy.ts';
import { AppError, badField, conflict, forbidden, notFound, versionConflict } from '../../http/errors.ts';
import { recordChange, type RequestMeta } from '../audit/audit.service.ts';
import { findCommune, findProvince } from '../units/units.repository.ts';
import * as repo from './plans.repository.ts';
import {
  combineProgress,
  defaultPlanTitle,
  levelsManagedBy,
  minDate,
  normaliseTargets,
  parentIssue,
  placeIssue,
  planPeriod,
  planVisibleTo,
  yearIssue,
  type Actuals,
  type PlanReader,
} from './plans.rules.ts';

export interface PlansDeps {
  db: Db;
  clock: Clock;
}

export function planTarget(p: Pick<repo.PlanRow, 'level' | 'provinceCode' | 'communeCode'>): Target {
  if (p.level === 'national') return {};
  if (p.level === 'province') return { provinceCode: p.provinceCode };
  return { provinceCode: p.provinceCode, communeCode: p.communeCode };
}

/** The part of the plan tree the actor reads (its scope, plus the plans above it). */
async function readerOf(db: Db, actor: Actor): Promise<PlanReader> {
  if (!can(actor, 'plans.read')) return { level: 'none', provinceCode: null, communeCode: null };
  const scope = scopeOf(actor);
  if (scope.level === 'nation') return { level: 'nation', provinceCode: null, communeCode: null };
  if (scope.level === 'province') return { level: 'province', provinceCode: scope.provinceCode ?? null, communeCode: null };
  if (scope.level === 'commune' && scope.communeCode) {
    const provinceCode = actor.provinceCode ?? (await findCommune(db, scope.communeCode))?.provinceCode ?? null;
    return { level: 'commune', provinceCode, communeCode: scope.communeCode };
  }
  return { level: 'none', provinceCode: null, communeCode: null };
}

function canEdit(actor: Actor, p: Pick<repo.PlanRow, 'level' | 'provinceCode' | 'communeCode'>): boolean {
  return levelsManagedBy(scopeOf(actor).level).includes(p.level) && can(actor, 'plans.manage', planTarget(p));
}

function targetsFromRows(rows: repo.PlanTargetRow[]): PlanTarget[] {
  return rows
    .map((r) => ({ programmeType: r.programmeType as PlanTarget['programmeType'], classes: r.classes, attendances: r.attendances }))
    .sort((a, b) => PLAN_TARGET_TYPES.indexOf(a.programmeType) - PLAN_TARGET_TYPES.indexOf(b.programmeType));
}

/** Targets and plan vs actual of several plans at once (one query for the actuals). */
async function progressOf(
  db: DbOrTx,
  rows: repo.PlanRow[],
  asOf: string,
): Promise<Map<number, { targets: PlanTarget[]; progress: PlanProgress }>> {
  const [targetRows, actualRows] = await Promise.all([
    repo.targetsOf(
      db,
      rows.map((r) => r.id),
    ),
    repo.actualsFor(
      db,
      rows.map((r) => {
        const period = planPeriod(r.phase, r.year);
        return {
          planId: r.id,
          level: r.level,
          provinceCode: r.provinceCode,
          communeCode: r.communeCode,
          from: period.start,
          to: minDate(period.end, asOf),
        };
      }),
    ),
  ]);
  const out = new Map<number, { targets: PlanTarget[]; progress: PlanProgress }>();
  for (const r of rows) {
    const targets = targetsFromRows(targetRows.filter((t) => t.planId === r.id));
    const actuals: Actuals = {};
    for (const a of actualRows) if (a.planId === r.id) actuals[a.programmeType] = { classes: a.classes, attendances: a.attendances };
    out.set(r.id, { targets, progress: combineProgress(planPeriod(r.phase, r.year), asOf, targets, actuals) });
  }
  return out;
}

/**
 * Plan vs actual of one plan as of a date (SPEC §9 P1): planned, held and % per programme type and
 * overall. No authorisation here: callers (dashboard, reports) check the plan is in their scope.
 * Returns null when the plan does not exist.
 */
export async function planProgress(db: DbOrTx, planId: number, asOf: string): Promise<PlanProgress | null> {
  const row = await repo.findPlan(db, planId);
  if (!row) return null;
  return (await progressOf(db, [row.p], asOf)).get(planId)!.progress;
}

function toItem(actor: Actor, r: repo.PlanWithNames, extra: { targets: PlanTarget[]; progress: PlanProgress }): PlanItem {
  const p = r.p;
  return {
    id: p.id,
    level: p.level,
    provinceCode: p.provinceCode,
    provinceName: r.provinceName,
    communeCode: p.communeCode,
    communeName: r.communeName,
    phase: p.phase,
    year: p.year,
    title: p.title,
    parentPlanId: p.parentId,
    parentTitle: r.parentTitle,
    documentNo: p.documentNo,
    documentDate: p.documentDate,
    createdBy: p.createdBy,
    createdAt: p.createdAt.toISOString(),
    version: p.version,
    targets: extra.targets,
    progress: extra.progress,
    canEdit: canEdit(actor, p),
  };
}

function outOfScope(field: string, message: string): AppError {
  return new AppError(403, 'FORBIDDEN', message, [{ field, message }]);
}

export async function listPlans(deps: PlansDeps, actor: Actor, q: PlanListQuery): Promise<PlanListResponse> {
  assertCan(actor, 'plans.read');
  const reader = await readerOf(deps.db, actor);
  if (q.province && reader.provinceCode && q.province !== reader.provinceCode)
    throw outOfScope('province', 'Tỉnh này nằm ngoài phạm vi của bạn.');
  if (q.commune) {
    if (reader.communeCode && q.commune !== reader.communeCode) throw outOfScope('commune', 'Xã này nằm ngoài phạm vi của bạn.');
    if (reader.level === 'province') {
      const c = await findCommune(deps.db, q.commune);
      if (!c) throw badField('commune', `không có xã, phường mã ${q.commune}`);
      if (c.provinceCode !== reader.provinceCode) throw outOfScope('commune', 'Xã này nằm ngoài phạm vi của bạn.');
    }
  }
  const asOf = q.asOf ?? deps.clock.today();
  const rows = await repo.listPlans(deps.db, {
    reader,
    level: q.level,
    province: q.province,
    commune: q.commune,
    phase: q.phase,
    year: q.year,
  });
  const progress = await progressOf(
    deps.db,
    rows.map((r) => r.p),
    asOf,
  );
  return { items: rows.map((r) => toItem(actor, r, progress.get(r.p.id)!)), total: rows.length };
}

async function visiblePlan(db: Db, actor: Actor, id: number): Promise<{ row: repo.PlanWithNames; reader: PlanReader }> {
  assertCan(actor, 'plans.read');
  const reader = await readerOf(db, actor);
  const row = await repo.findPlan(db, id);
  if (!row || !planVisibleTo(reader, row.p)) throw notFound('Không tìm thấy kế hoạch.');
  return { row, reader };
}

export async function getPlan(deps: PlansDeps, actor: Actor, id: number, asOfParam?: string): Promise<PlanDetail> {
  const { row, reader } = await visiblePlan(deps.db, actor, id);
  const asOf = asOfParam ?? deps.clock.today();
  const children = await repo.listPlans(deps.db, { reader, parentId: id });
  const progress = await progressOf(deps.db, [row.p, ...children.map((c) => c.p)], asOf);
  return {
    ...toItem(actor, row, progress.get(id)!),
    children: children.map((c) => ({
      id: c.p.id,
      level: c.p.level,
      provinceCode: c.p.provinceCode,
      communeCode: c.p.communeCode,
      year: c.p.year,
      title: c.p.title,
      overall: progress.get(c.p.id)!.progress.overall,
    })),
  };
}

async function checkParent(
  db: DbOrTx,
  reader: PlanReader,
  child: Parameters<typeof parentIssue>[0],
  parentId: number | null | undefined,
  childId?: number,
): Promise<void> {
  if (parentId === null || parentId === undefined) return;
  const parent = await repo.findPlan(db, parentId);
  if (!parent || !planVisibleTo(reader, parent.p)) throw badField('parentPlanId', `không có kế hoạch mã ${parentId} trong phạm vi của bạn`);
  const issue = parentIssue(child, parent.p, childId);
  if (issue) throw badField(issue.field, issue.message);
}

function targetsOrRefuse(targets: readonly PlanTarget[]): PlanTarget[] {
  const r = normaliseTargets(targets);
  if ('issue' in r) throw badField(r.issue.field, r.issue.message);
  return r.targets;
}

export async function createPlan(deps: PlansDeps, actor: Actor, input: CreatePlanRequest, meta: RequestMeta): Promise<PlanDetail> {
  assertCan(actor, 'plans.manage');
  const level = input.level;
  if (!levelsManagedBy(scopeOf(actor).level).includes(level)) {
    const message =
      level === 'national'
        ? 'Chỉ Bộ Nội vụ lập kế hoạch toàn quốc.'
        : 'Cấp xã chỉ lập kế hoạch của xã mình; kế hoạch cấp tỉnh do Sở Nội vụ lập.';
    throw outOfScope('level', message);
  }
  // A commune admin's commune and a province admin's province are the defaults.
  const place: { level: typeof level; provinceCode: string | null; communeCode: string | null } = {
    level,
    provinceCode: input.provinceCode ?? (level === 'province' ? actor.provinceCode : null),
    communeCode: input.communeCode ?? (level === 'commune' ? actor.communeCode : null),
  };
  const pIssue = placeIssue(place);
  if (pIssue) throw badField(pIssue.field, pIssue.message);
  let placeName: string | null = null;
  if (level === 'commune') {
    const c = await findCommune(deps.db, place.communeCode!);
    if (!c) throw badField('communeCode', `không có xã, phường mã ${place.communeCode}`);
    if (place.provinceCode && place.provinceCode !== c.provinceCode)
      throw badField('provinceCode', `${c.fullName} không thuộc tỉnh mã ${place.provinceCode}`);
    place.provinceCode = c.provinceCode;
    placeName = c.fullName;
  } else if (level === 'province') {
    const p = await findProvince(deps.db, place.provinceCode!);
    if (!p) throw badField('provinceCode', `không có tỉnh, thành phố mã ${place.provinceCode}`);
    placeName = p.fullName;
  }
  if (!can(actor, 'plans.manage', planTarget(place))) {
    throw outOfScope(
      level === 'commune' ? 'communeCode' : 'provinceCode',
      level === 'commune' ? 'Xã này nằm ngoài phạm vi của bạn.' : 'Tỉnh này nằm ngoài phạm vi của bạn.',
    );
  }
  const year = input.year ?? null;
  const yIssue = yearIssue(input.phase, year);
  if (yIssue) throw badField(yIssue.field, yIssue.message);
  const targets = targetsOrRefuse(input.targets);
  const reader = await readerOf(deps.db, actor);
  const facts = { ...place, phase: input.phase, year };
  await checkParent(deps.db, reader, facts, input.parentPlanId);
  const title = input.title?.normalize('NFC') ?? defaultPlanTitle(level, placeName, input.phase, year);
  const id = await deps.db.transaction(async (tx) => {
    await repo.lockPlanSlot(tx, `${level}:${place.provinceCode ?? ''}:${place.communeCode ?? ''}:${input.phase}:${year ?? ''}`);
    const same = await repo.findSameSlot(tx, facts);
    if (same) {
      throw conflict(
        `Đã có kế hoạch cho địa bàn và thời kỳ này ("${same.title}", mã ${same.id}); hãy sửa kế hoạch đó.`,
        year === null ? 'phase' : 'year',
      );
    }
    const row = await repo.insertPlan(tx, {
      level,
      provinceCode: place.provinceCode,
      communeCode: place.communeCode,
      phase: input.phase,
      year,
      title,
      parentId: input.parentPlanId ?? null,
      documentNo: input.documentNo ?? null,
      documentDate: input.documentDate ?? null,
      createdBy: actor.username,
      createdAt: deps.clock.now(),
    });
    await repo.replaceTargets(tx, row.id, targets);
    await recordChange(tx, actor, meta, {
      action: 'plan.create',
      entityType: 'plan',
      entityId: row.id,
      provinceCode: row.provinceCode,
      communeCode: row.communeCode,
      after: { ...row, targets },
    });
    return row.id;
  });
  return getPlan(deps, actor, id);
}

export async function updatePlan(
  deps: PlansDeps,
  actor: Actor,
  id: number,
  input: UpdatePlanRequest,
  meta: RequestMeta,
): Promise<PlanDetail> {
  const { row, reader } = await visiblePlan(deps.db, actor, id);
  assertCan(actor, 'plans.manage');
  if (!canEdit(actor, row.p)) {
    throw forbidden(
      row.p.level === 'national'
        ? 'Kế hoạch toàn quốc do Bộ Nội vụ lập; bạn chỉ được xem.'
        : row.p.level === 'province'
          ? 'Kế hoạch cấp tỉnh do Sở Nội vụ lập; bạn chỉ được xem.'
          : 'Bạn chỉ được xem kế hoạch này.',
    );
  }
  const targets = input.targets ? targetsOrRefuse(input.targets) : null;
  if (input.parentPlanId !== undefined) await checkParent(deps.db, reader, row.p, input.parentPlanId, id);
  await deps.db.transaction(async (tx) => {
    const before = await repo.lockPlan(tx, id);
    if (!before) throw notFound('Không tìm thấy kế hoạch.');
    if (before.version !== input.version) throw versionConflict();
    const beforeTargets = targetsFromRows(await repo.targetsOf(tx, [id]));
    const patch: Partial<repo.PlanInsert> = {};
    if (input.title !== undefined) patch.title = input.title.normalize('NFC');
    if (input.documentNo !== undefined) patch.documentNo = input.documentNo;
    if (input.documentDate !== undefined) patch.documentDate = input.documentDate;
    if (input.parentPlanId !== undefined) patch.parentId = input.parentPlanId;
    const after = await repo.updatePlan(tx, id, input.version, patch);
    if (!after) throw versionConflict();
    if (targets) await repo.replaceTargets(tx, id, targets);
    await recordChange(tx, actor, meta, {
      action: 'plan.update',
      entityType: 'plan',
      entityId: id,
      provinceCode: after.provinceCode,
      communeCode: after.communeCode,
      before: { ...before, targets: beforeTargets },
      after: { ...after, targets: targets ?? beforeTargets },
    });
  });
  return getPlan(deps, actor, id);
}
