/**
 * Use cases of nominations (SPEC §6): nominate ("quyết định cử") with seats, waiting list and the
 * service-continuity guard; cancel; the unit head's approval; lists; suggestions from the needs
 * register; the guard's settings per province. Transactions, authorisation and audit live here.
 */
import {
  CLASS_STATUS_LABELS,
  ENROLMENT_STATUS_LABELS,
  OFFICIAL_STATUS_LABELS,
  formatDateVi,
  type ClassNominationsResponse,
  type EnrolmentChangeResponse,
  type EnrolmentItem,
  type EnrolmentListQuery,
  type GuardReport,
  type NominateRequest,
  type NominateResponse,
} from '@app/shared';
import type { Clock } from '../../clock.ts';
import type { Db, DbOrTx, Tx } from '../../db/client.ts';
import { assertCan, can, listScope, type Actor } from '../../authz/policy.ts';
import { AppError, badField, conflict, forbidden, notFound, versionConflict } from '../../http/errors.ts';
import { recordChange, type RequestMeta } from '../audit/audit.service.ts';
import { countsOf, lockClass, type ClassRow } from '../classes/classes.repository.ts';
import { acceptsNominations, servesCommune } from '../classes/classes.rules.ts';
import { actorCommuneProvince, classTarget, servedFactsOf, visibleClass } from '../classes/classes.service.ts';
import { findCommune } from '../units/units.repository.ts';
import * as repo from './enrolments.repository.ts';
import {
  allocateSeats,
  checkContinuity,
  classDays,
  decisionDateProblem,
  effectiveSettings,
  guardApplies,
  guardRefusalMessage,
  needsUnitHeadApproval,
  promotesFromWaitlist,
  SEAT_STATUSES,
  type GuardResult,
} from './enrolments.rules.ts';
import { fillFreeSeats } from './waitlist.ts';

export interface EnrolmentsDeps {
  db: Db;
  clock: Clock;
}

const ENROLMENT_NOT_FOUND = 'Không tìm thấy cử học (ghi danh) này.';

// ---------------------------------------------------------------- shaping

function toItem(actor: Actor, r: repo.EnrolmentItemRow): EnrolmentItem {
  const e = r.e;
  const place = { provinceCode: e.provinceCode, communeCode: e.communeCode };
  return {
    id: e.id,
    classId: e.classId,
    classCode: r.classCode,
    className: r.className,
    classStatus: r.classStatus,
    classStartDate: r.classStartDate,
    classEndDate: e.classEndDate,
    programmeType: e.programmeType,
    officialId: e.officialId,
    fullName: r.fullName,
    provinceCode: e.provinceCode,
    communeCode: e.communeCode,
    communeName: r.communeName,
    unitId: e.unitId,
    unitName: r.unitName,
    decisionNo: e.decisionNo,
    decisionDate: e.decisionDate,
    status: e.status,
    waitlistPosition: e.waitlistPosition,
    bridgePointId: e.bridgePointId,
    result: e.result,
    finalScore: e.finalScore,
    guardOverrideReason: e.guardOverrideReason,
    cancelReason: e.cancelReason,
    nominatedBy: e.nominatedBy,
    approvedBy: e.approvedBy,
    createdAt: e.createdAt.toISOString(),
    version: e.version,
    canCancel: e.status !== 'cancelled' && promotesFromWaitlist(r.classStatus) && can(actor, 'enrolments.nominate', place),
    canApprove:
      e.status === 'pending_approval' &&
      promotesFromWaitlist(r.classStatus) &&
      can(actor, 'enrolments.approve', { ...place, unitId: e.unitId, officialId: e.officialId }),
  };
}

async function itemsInOrder(db: DbOrTx, actor: Actor, ids: readonly number[]): Promise<EnrolmentItem[]> {
  const rows = new Map((await repo.enrolmentItems(db, ids)).map((r) => [r.e.id, r]));
  return ids.map((id) => toItem(actor, rows.get(id)!));
}

/** Rows of enrolments the actor may list (geography of its scope; a training org: its classes). */
function scopeFilter(actor: Actor): repo.EnrolmentFilter | null {
  if (actor.role === 'training_org') return actor.trainingOrgId !== null ? { organiserId: actor.trainingOrgId } : null;
  if (actor.role === 'official') return actor.officialId ? { officialId: actor.officialId } : null;
  const s = listScope(actor);
  if (!s) return null;
  const f: repo.EnrolmentFilter = {};
  if (s.provinceCode) f.provinceCode = s.provinceCode;
  if (s.communeCode) f.communeCode = s.communeCode;
  if (s.unitId !== undefined) f.unitId = s.unitId;
  return f;
}

function fieldError(
  status: number,
  code: 'VALIDATION_ERROR' | 'CONFLICT' | 'NOT_FOUND',
  fields: { field: string; message: string }[],
  lead: string,
) {
  return new AppError(status, code, `${lead}: ${fields.map((f) => f.message).join('; ')}.`, fields);
}

// ---------------------------------------------------------------- nominate

export async function nominate(
  deps: EnrolmentsDeps,
  actor: Actor,
  classId: number,
  input: NominateRequest,
  meta: RequestMeta,
): Promise<NominateResponse> {
  if (!can(actor, 'enrolments.nominate')) throw forbidden('Chỉ quản trị cấp xã cử cán bộ, công chức của xã mình đi học.');
  const today = deps.clock.today();
  const { ids, guard } = await deps.db.transaction(async (tx) => {
    const cls = await visibleClass(tx, actor, classId, { lock: true });
    if (!acceptsNominations(cls.status)) {
      throw conflict(
        `Lớp đang ở trạng thái "${CLASS_STATUS_LABELS[cls.status]}"; chỉ cử học được khi lớp "${CLASS_STATUS_LABELS.open}".`,
        'status',
      );
    }
    const communeCode = actor.communeCode!;
    const province = await actorCommuneProvince(tx, actor);
    const served = await servedFactsOf(tx, cls);
    if (!province || !servesCommune(served, communeCode, province)) {
      throw forbidden('Lớp này không nhận học viên của xã bạn (xã không thuộc danh sách xã tham gia và không có điểm cầu của lớp).');
    }
    const dp = decisionDateProblem(input.decisionDate, today, cls.endDate);
    if (dp) throw badField('decisionDate', dp);
    await repo.lockCommuneGuard(tx, communeCode);

    const officials = await checkNominees(tx, cls, communeCode, input.officialIds);

    let bridgePointId: number | null = null;
    if (input.bridgePointId != null) {
      const bp = served.bridgePoints.find((b) => b.id === input.bridgePointId);
      if (!bp) throw badField('bridgePointId', `lớp không có điểm cầu mã số ${input.bridgePointId}`);
      bridgePointId = input.bridgePointId;
    }
    const settings = effectiveSettings(await repo.findSettings(tx, province));
    const plan = allocateSeats(
      officials.map((o) => ({
        needsApproval: needsUnitHeadApproval(cls.requiresUnitHeadApproval, settings.requireUnitHeadApproval, o.unitId !== null),
      })),
      cls.capacity,
      await repo.seatsTaken(tx, cls.id),
      await repo.lastWaitlistPosition(tx, cls.id),
    );
    const seated = officials.filter((_, i) => plan[i]!.status !== 'waitlisted');
    const result = await runGuard(tx, cls, settings, seated);
    const overrideReason = input.overrideReason?.normalize('NFC').trim() || null;
    if (!result.ok && !overrideReason) {
      throw new AppError(
        409,
        'CONFLICT',
        guardRefusalMessage(result.shortfalls),
        result.shortfalls.map((s) => ({ field: `guard.${s.date}.${s.unitId}`, message: s.message })),
      );
    }
    const overridden = !result.ok;

    const rows = await repo.insertEnrolments(
      tx,
      officials.map((o, i) => ({
        classId: cls.id,
        officialId: o.id,
        provinceCode: o.provinceCode,
        communeCode: o.communeCode,
        unitId: o.unitId,
        programmeType: cls.programmeType,
        classEndDate: cls.endDate,
        decisionNo: input.decisionNo.normalize('NFC'),
        decisionDate: input.decisionDate,
        status: plan[i]!.status,
        waitlistPosition: plan[i]!.waitlistPosition,
        bridgePointId: bridgePointId ?? defaultBridgePoint(served, o),
        guardOverrideReason: overridden && plan[i]!.status !== 'waitlisted' ? overrideReason : null,
        nominatedBy: actor.username,
      })),
    );
    for (const r of rows) {
      await recordChange(tx, actor, meta, {
        action: 'enrolment.nominate',
        entityType: 'enrolment',
        entityId: r.id,
        provinceCode: r.provinceCode,
        communeCode: r.communeCode,
        after: {
          classId: r.classId,
          officialId: r.officialId,
          decisionNo: r.decisionNo,
          decisionDate: r.decisionDate,
          status: r.status,
          waitlistPosition: r.waitlistPosition,
          guardOverrideReason: r.guardOverrideReason,
        },
      });
    }
    if (overridden) {
      await recordChange(tx, actor, meta, {
        action: 'enrolment.guard_override',
        entityType: 'class',
        entityId: cls.id,
        provinceCode: province,
        communeCode,
        after: {
          reason: overrideReason,
          enrolmentIds: rows.filter((r) => r.status !== 'waitlisted').map((r) => r.id),
          shortfalls: result.shortfalls.map(({ date, unitId, unitName, staff, away, allowedAway, reason }) => ({
            date,
            unitId,
            unitName,
            staff,
            away,
            allowedAway,
            reason,
          })),
        },
      });
    }
    const byOfficial = new Map(rows.map((r) => [r.officialId, r.id]));
    return { ids: input.officialIds.map((id) => byOfficial.get(id)!), guard: guardReport(result, settings, overridden) };
  });
  const counts = await countsOf(deps.db, [classId]);
  return { classId, items: await itemsInOrder(deps.db, actor, ids), guard, counts: counts.get(classId)! };
}

/** Officials of the request: of the caller's commune (else 404), in service, not already in the class or an overlapping one. */
async function checkNominees(tx: Tx, cls: ClassRow, communeCode: string, officialIds: readonly string[]) {
  const dup = officialIds.findIndex((id, i) => officialIds.indexOf(id) !== i);
  if (dup >= 0) throw badField(`officialIds.${dup}`, 'cán bộ này có hai lần trong danh sách cử');
  const found = new Map((await repo.officialsByIds(tx, officialIds)).map((o) => [o.id, o]));
  const missing = officialIds
    .map((id, i) => ({ id, i }))
    .filter(({ id }) => found.get(id)?.communeCode !== communeCode)
    .map(({ id, i }) => ({ field: `officialIds.${i}`, message: `không tìm thấy cán bộ, công chức mã ${id} trong xã của bạn` }));
  if (missing.length) throw fieldError(404, 'NOT_FOUND', missing, 'Không tìm thấy người được cử');
  const officials = officialIds.map((id) => found.get(id)!);

  const notServing = officials
    .map((o, i) => ({ o, i }))
    .filter(({ o }) => o.status !== 'dang_cong_tac')
    .map(({ o, i }) => ({
      field: `officialIds.${i}`,
      message: `${o.fullName} không còn đang công tác (${OFFICIAL_STATUS_LABELS[o.status]})`,
    }));
  if (notServing.length) throw fieldError(400, 'VALIDATION_ERROR', notServing, 'Chỉ cử được người đang công tác');

  const index = new Map(officialIds.map((id, i) => [id, i]));
  const name = new Map(officials.map((o) => [o.id, o.fullName]));
  const already = await repo.alreadyInClass(tx, cls.id, officialIds);
  if (already.length) {
    throw fieldError(
      409,
      'CONFLICT',
      already.map((a) => ({
        field: `officialIds.${index.get(a.officialId)}`,
        message: `${name.get(a.officialId)} đã có trong lớp này (${ENROLMENT_STATUS_LABELS[a.status].toLowerCase()})`,
      })),
      'Người đã được cử vào lớp',
    );
  }
  const overlaps = await repo.overlappingNominations(tx, officialIds, cls, cls.id);
  if (overlaps.length) {
    const seen = new Set<string>();
    throw fieldError(
      409,
      'CONFLICT',
      overlaps
        .filter((o) => !seen.has(o.officialId) && seen.add(o.officialId))
        .map((o) => ({
          field: `officialIds.${index.get(o.officialId)}`,
          message: `${name.get(o.officialId)} đã được cử vào lớp ${o.classCode} "${o.className}" (${formatDateVi(o.startDate)} – ${formatDateVi(o.endDate)}) trùng thời gian`,
        })),
      'Trùng thời gian học',
    );
  }
  return officials;
}

/** Online classes: the learner attends at its commune's bridge point, else its province's. */
function defaultBridgePoint(
  served: Awaited<ReturnType<typeof servedFactsOf>>,
  o: { communeCode: string; provinceCode: string },
): number | null {
  const points = served.bridgePoints;
  return (
    points.find((b) => b.communeCode === o.communeCode)?.id ??
    points.find((b) => b.level === 'tinh' && b.provinceCode === o.provinceCode)?.id ??
    null
  );
}

async function runGuard(
  tx: Tx,
  cls: ClassRow,
  settings: { maxSharePct: number; serviceCentreMinStaff: number },
  seated: readonly { id: string; unitId: number | null }[],
): Promise<GuardResult> {
  const newcomers = seated.map((o) => ({ officialId: o.id, unitId: o.unitId }));
  if (!guardApplies(cls.scheduleType) || !newcomers.some((n) => n.unitId !== null)) {
    return checkContinuity({ scheduleType: cls.scheduleType, settings, days: [], units: [], away: [], newcomers: [] });
  }
  const days = classDays(cls, await repo.sessionDatesOf(tx, cls.id));
  const unitIds = [...new Set(newcomers.flatMap((n) => (n.unitId === null ? [] : [n.unitId])))];
  const [units, away] = await Promise.all([repo.unitsWithStaff(tx, unitIds), repo.awayDays(tx, unitIds, days)]);
  return checkContinuity({ scheduleType: cls.scheduleType, settings, days, units, away, newcomers });
}

function guardReport(r: GuardResult, s: { maxSharePct: number; serviceCentreMinStaff: number }, overridden: boolean): GuardReport {
  return {
    applies: r.applies,
    ok: r.ok,
    overridden,
    maxSharePct: s.maxSharePct,
    serviceCentreMinStaff: s.serviceCentreMinStaff,
    days: r.days,
    shortfalls: r.shortfalls,
  };
}

// ---------------------------------------------------------------- lists

export async function classNominations(deps: EnrolmentsDeps, actor: Actor, classId: number): Promise<ClassNominationsResponse> {
  assertCan(actor, 'enrolments.read');
  const cls = await visibleClass(deps.db, actor, classId);
  const whole = can(actor, 'classes.manage', classTarget(cls)) || can(actor, 'classes.record', { trainingOrgId: cls.organiserId });
  const scope = whole ? {} : scopeFilter(actor);
  const counts = await countsOf(deps.db, [classId]);
  if (!scope) return { classId, capacity: cls.capacity, counts: counts.get(classId)!, items: [] };
  const { rows } = await repo.listEnrolments(deps.db, { ...scope, classId }, 1, 100_000);
  return { classId, capacity: cls.capacity, counts: counts.get(classId)!, items: rows.map((r) => toItem(actor, r)) };
}

export async function listEnrolments(deps: EnrolmentsDeps, actor: Actor, q: EnrolmentListQuery) {
  assertCan(actor, 'enrolments.read');
  const scope = scopeFilter(actor);
  if (!scope) return { items: [], total: 0 };
  const f: repo.EnrolmentFilter = { ...scope, status: q.status, classId: q.classId, q: q.q };
  if (q.commune) {
    if (scope.communeCode && scope.communeCode !== q.commune) throw forbidden('Xã này nằm ngoài phạm vi của bạn.');
    const c = await findCommune(deps.db, q.commune);
    if (!c) throw badField('commune', `không có xã, phường mã ${q.commune}`);
    if (scope.provinceCode && c.provinceCode !== scope.provinceCode) throw forbidden('Xã này nằm ngoài phạm vi của bạn.');
    f.communeCode = q.commune;
  }
  const { rows, total } = await repo.listEnrolments(deps.db, f, q.page, q.pageSize);
  return { items: rows.map((r) => toItem(actor, r)), total };
}

// ---------------------------------------------------------------- cancel, approve, reject

/** Locks the class first, then the enrolment (the order nominations use), so concurrent changes cannot deadlock. */
async function lockedEnrolment(tx: Tx, id: number) {
  const first = await repo.findEnrolmentItem(tx, id);
  if (!first) throw notFound(ENROLMENT_NOT_FOUND);
  const cls = (await lockClass(tx, first.e.classId))!;
  const e = (await repo.lockEnrolment(tx, id))!;
  return { cls, e };
}

async function change(
  deps: EnrolmentsDeps,
  actor: Actor,
  id: number,
  meta: RequestMeta,
  act: (tx: Tx, cls: ClassRow, e: repo.EnrolmentRow) => Promise<{ action: string; patch: Partial<repo.EnrolmentInsert> }>,
): Promise<EnrolmentChangeResponse> {
  const { promoted } = await deps.db.transaction(async (tx) => {
    const { cls, e } = await lockedEnrolment(tx, id);
    const { action, patch } = await act(tx, cls, e);
    const row = await repo.updateEnrolment(tx, id, patch);
    await recordChange(tx, actor, meta, {
      action,
      entityType: 'enrolment',
      entityId: id,
      provinceCode: e.provinceCode,
      communeCode: e.communeCode,
      before: { status: e.status, waitlistPosition: e.waitlistPosition },
      after: {
        status: row.status,
        classId: e.classId,
        officialId: e.officialId,
        cancelReason: row.cancelReason,
        approvedBy: row.approvedBy,
      },
    });
    let promotedIds: number[] = [];
    if (row.status === 'cancelled') {
      if (SEAT_STATUSES.includes(e.status)) promotedIds = await fillFreeSeats(tx, actor, meta, cls);
      else await repo.renumberWaitlist(tx, cls.id);
    }
    return { promoted: promotedIds[0] ?? null };
  });
  const [enrolment, next] = await itemsInOrder(deps.db, actor, promoted === null ? [id] : [id, promoted]);
  return { enrolment: enrolment!, promoted: next ?? null };
}

function checkVersion(e: repo.EnrolmentRow, version: number | undefined) {
  if (version !== undefined && version !== e.version) throw versionConflict();
}

function checkClassAllowsChange(cls: ClassRow) {
  if (!promotesFromWaitlist(cls.status)) {
    throw conflict(`Lớp đang ở trạng thái "${CLASS_STATUS_LABELS[cls.status]}"; không thay đổi cử học được nữa.`, 'status');
  }
}

export function cancelEnrolment(
  deps: EnrolmentsDeps,
  actor: Actor,
  id: number,
  input: { reason: string; version?: number | undefined },
  meta: RequestMeta,
) {
  return change(deps, actor, id, meta, async (_tx, cls, e) => {
    assertCan(actor, 'enrolments.nominate', { provinceCode: e.provinceCode, communeCode: e.communeCode });
    checkVersion(e, input.version);
    if (e.status === 'cancelled') throw conflict('Cử học này đã được hủy trước đó.', 'status');
    checkClassAllowsChange(cls);
    return {
      action: 'enrolment.cancel',
      patch: { status: 'cancelled', cancelReason: input.reason.normalize('NFC'), waitlistPosition: null },
    };
  });
}

function assertUnitHead(actor: Actor, e: repo.EnrolmentRow) {
  assertCan(actor, 'enrolments.approve', {
    provinceCode: e.provinceCode,
    communeCode: e.communeCode,
    unitId: e.unitId,
    officialId: e.officialId,
  });
}

export function approveEnrolment(
  deps: EnrolmentsDeps,
  actor: Actor,
  id: number,
  input: { version?: number | undefined },
  meta: RequestMeta,
) {
  return change(deps, actor, id, meta, async (_tx, cls, e) => {
    assertUnitHead(actor, e);
    checkVersion(e, input.version);
    if (e.status !== 'pending_approval')
      throw conflict(`Cử học này đang "${ENROLMENT_STATUS_LABELS[e.status]}", không chờ duyệt.`, 'status');
    checkClassAllowsChange(cls);
    return { action: 'enrolment.approve', patch: { status: 'nominated', approvedBy: actor.username } };
  });
}

export function rejectEnrolment(
  deps: EnrolmentsDeps,
  actor: Actor,
  id: number,
  input: { reason: string; version?: number | undefined },
  meta: RequestMeta,
) {
  return change(deps, actor, id, meta, async (_tx, cls, e) => {
    assertUnitHead(actor, e);
    checkVersion(e, input.version);
    if (e.status !== 'pending_approval')
      throw conflict(`Cử học này đang "${ENROLMENT_STATUS_LABELS[e.status]}", không chờ duyệt.`, 'status');
    checkClassAllowsChange(cls);
    return {
      action: 'enrolment.reject',
      patch: {
        status: 'cancelled',
        approvedBy: actor.username,
        cancelReason: `Thủ trưởng đơn vị không duyệt: ${input.reason.normalize('NFC')}`,
      },
    };
  });
}
