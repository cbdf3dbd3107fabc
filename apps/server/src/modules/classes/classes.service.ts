/**
 * Use cases of classes (SPEC §5): list and detail within the caller's reach, create and edit,
 * status moves, sessions and online bridge points. Transactions, authorisation and audit live here.
 */
import {
  CLASS_STATUS_LABELS,
  type BridgePointItem,
  type ClassDetail,
  type ClassListItem,
  type ClassListQuery,
  type ClassSessionItem,
  type ClassStatus,
  type CreateClassRequest,
  type UpdateClassRequest,
} from '@app/shared';
import type { Clock } from '../../clock.ts';
import type { Db, DbOrTx, Tx } from '../../db/client.ts';
import { assertCan, can, type Actor, type Target } from '../../authz/policy.ts';
import { badField, conflict, forbidden, notFound, versionConflict } from '../../http/errors.ts';
import { recordChange, type RequestMeta } from '../audit/audit.service.ts';
import { findCommune, findProvince, findTrainingOrg } from '../units/units.repository.ts';
import { fillFreeSeats } from '../enrolments/waitlist.ts';
import * as repo from './classes.repository.ts';
import {
  acceptsNominations,
  acceptsRecords,
  classDatesProblem,
  classVisibilityOf,
  isEditable,
  makeClassCode,
  nextStatuses,
  servesCommune,
  statusMoveProblem,
  type ServedFacts,
} from './classes.rules.ts';

export interface ClassesDeps {
  db: Db;
  clock: Clock;
}

const CLASS_NOT_FOUND = 'Không tìm thấy lớp bồi dưỡng.';

/** Where a class sits for the policy: its province (province admins) and its organiser (training orgs). */
export function classTarget(c: Pick<repo.ClassRow, 'provinceCode' | 'organiserId'>): Target {
  return { provinceCode: c.provinceCode, trainingOrgId: c.organiserId };
}

/** The class when the actor may see it (locked when asked); 404 otherwise, so existence does not leak. */
export async function visibleClass(db: DbOrTx, actor: Actor, id: number, opts: { lock?: boolean } = {}): Promise<repo.ClassRow> {
  assertCan(actor, 'classes.read');
  const c = opts.lock ? await repo.lockClass(db, id) : await repo.findClass(db, id);
  if (!c || !(await repo.isVisible(db, id, classVisibilityOf(actor)))) throw notFound(CLASS_NOT_FOUND);
  return c;
}

/** For changes: visible (else 404), managed by the actor (else 403) and still editable (else 409). Locks the class. */
export async function manageableClass(tx: Tx, actor: Actor, id: number, opts: { anyStatus?: boolean } = {}): Promise<repo.ClassRow> {
  const c = await visibleClass(tx, actor, id, { lock: true });
  if (!can(actor, 'classes.manage', classTarget(c))) {
    throw forbidden('Bạn không có quyền sửa lớp này (chỉ cơ sở tổ chức lớp, Sở Nội vụ của tỉnh và Bộ Nội vụ).');
  }
  if (!opts.anyStatus && !isEditable(c.status)) {
    throw conflict(`Lớp đang ở trạng thái "${CLASS_STATUS_LABELS[c.status]}", không sửa được nữa.`, 'status');
  }
  return c;
}

export async function servedFactsOf(
  db: DbOrTx,
  c: repo.ClassRow,
): Promise<Omit<ServedFacts, 'bridgePoints'> & { bridgePoints: repo.BridgePointRow[] }> {
  const [communes, bridgePoints] = await Promise.all([repo.communesOf(db, c.id), repo.bridgePointsOf(db, c.id)]);
  return { provinceCode: c.provinceCode, mode: c.mode, communeCodes: communes.map((x) => x.code), bridgePoints };
}

/** Province of the actor's commune (commune admins, unit heads). */
export async function actorCommuneProvince(db: DbOrTx, actor: Actor): Promise<string | null> {
  if (!actor.communeCode) return null;
  if (actor.provinceCode) return actor.provinceCode;
  return (await findCommune(db, actor.communeCode))?.provinceCode ?? null;
}

// ---------------------------------------------------------------- reading

function toListItem(r: repo.ClassListRow, counts: ClassListItem['counts']): ClassListItem {
  const c = r.c;
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    programmeId: c.programmeId,
    programmeCode: r.programmeCode,
    programmeName: r.programmeName,
    programmeType: c.programmeType,
    organiserId: c.organiserId,
    organiserName: r.organiserName,
    provinceCode: c.provinceCode,
    provinceName: r.provinceName,
    hostCommuneCode: c.hostCommuneCode,
    hostCommuneName: r.hostCommuneName,
    mode: c.mode,
    scheduleType: c.scheduleType,
    startDate: c.startDate,
    endDate: c.endDate,
    capacity: c.capacity,
    status: c.status,
    counts,
    version: c.version,
  };
}

export async function listClasses(deps: ClassesDeps, actor: Actor, q: ClassListQuery) {
  assertCan(actor, 'classes.read');
  const { rows, total } = await repo.listClasses(deps.db, classVisibilityOf(actor), q);
  const counts = await repo.countsOf(
    deps.db,
    rows.map((r) => r.c.id),
  );
  return { items: rows.map((r) => toListItem(r, counts.get(r.c.id)!)), total };
}

export function sessionItem(s: repo.SessionRow, instructorName: string | null): ClassSessionItem {
  return {
    id: s.id,
    date: s.date,
    startTime: s.startTime,
    endTime: s.endTime,
    place: s.place,
    link: s.link,
    topic: s.topic,
    instructorId: s.instructorId,
    instructorName,
  };
}

export function bridgePointItem(b: repo.BridgePointRow): BridgePointItem {
  return { id: b.id, name: b.name, level: b.level, provinceCode: b.provinceCode, communeCode: b.communeCode, address: b.address };
}

async function detailOf(db: DbOrTx, actor: Actor, today: string, id: number): Promise<ClassDetail> {
  const named = await repo.findClassWithNames(db, id);
  if (!named) throw notFound(CLASS_NOT_FOUND);
  const c = named.c;
  const [communes, bridgePoints, sessions, counts, programme, withoutResult, actorProvince] = await Promise.all([
    repo.communesOf(db, id),
    repo.bridgePointsOf(db, id),
    repo.sessionsOf(db, id),
    repo.countsOf(db, [id]),
    repo.findProgramme(db, c.programmeId),
    repo.learnersWithoutResult(db, id),
    actorCommuneProvince(db, actor),
  ]);
  const manage = can(actor, 'classes.manage', classTarget(c));
  const served: ServedFacts = { provinceCode: c.provinceCode, mode: c.mode, communeCodes: communes.map((x) => x.code), bridgePoints };
  const facts = { today, startDate: c.startDate, endDate: c.endDate, learnersWithoutResult: withoutResult };
  return {
    ...toListItem(named, counts.get(id)!),
    planId: c.planId,
    requiresUnitHeadApproval: c.requiresUnitHeadApproval,
    budgetPlannedCentral: c.budgetPlannedCentral,
    budgetPlannedLocal: c.budgetPlannedLocal,
    budgetPlannedSponsor: c.budgetPlannedSponsor,
    budgetActualCentral: c.budgetActualCentral,
    budgetActualLocal: c.budgetActualLocal,
    budgetActualSponsor: c.budgetActualSponsor,
    supportPerLearner: c.supportPerLearner,
    assessmentCount: c.assessmentCount,
    imported: c.imported,
    note: c.note,
    programme: {
      id: programme!.id,
      code: programme!.code,
      name: programme!.name,
      type: programme!.type,
      fields: programme!.fields,
      minAttendancePct: programme!.minAttendancePct,
      maxExcusedPct: programme!.maxExcusedPct,
      passScore: programme!.passScore,
      requiresEssay: programme!.requiresEssay,
    },
    communes,
    bridgePoints: bridgePoints.map(bridgePointItem),
    sessions: sessions.map((s) => sessionItem(s.s, s.instructorName)),
    actions: {
      canEdit: manage && isEditable(c.status),
      canRecord: acceptsRecords(c.status) && can(actor, 'classes.record', { trainingOrgId: c.organiserId }),
      canNominate:
        can(actor, 'enrolments.nominate') &&
        acceptsNominations(c.status) &&
        !!actor.communeCode &&
        !!actorProvince &&
        servesCommune(served, actor.communeCode, actorProvince),
      nextStatuses: manage ? nextStatuses(c.status, facts) : [],
    },
    createdAt: c.createdAt.toISOString(),
  };
}

export async function getClass(deps: ClassesDeps, actor: Actor, id: number): Promise<ClassDetail> {
  await visibleClass(deps.db, actor, id);
  return detailOf(deps.db, actor, deps.clock.today(), id);
}

// ---------------------------------------------------------------- create and edit

type ClassValues = Omit<repo.ClassInsert, 'id' | 'createdAt' | 'createdBy' | 'version' | 'status' | 'imported'>;

/** Only the fields that changed, for the audit log. */
export function changed(before: Record<string, unknown>, after: Record<string, unknown>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of Object.keys(after)) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
      b[k] = before[k];
      a[k] = after[k];
    }
  }
  return { before: b, after: a };
}

/**
 * Checks a class as it would be saved (organiser, programme, province, host and served communes,
 * dates against the sessions, plan) and returns the row values and the served communes.
 */
async function resolveClass(
  tx: Tx,
  actor: Actor,
  input: CreateClassRequest & { organiserId: number },
  existing: { row: repo.ClassRow; sessionDates: string[]; communeCodes: string[] } | null,
): Promise<{ values: ClassValues; communes: { code: string; provinceCode: string }[]; organiserCode: string }> {
  const organiser = await findTrainingOrg(tx, input.organiserId);
  if (!organiser) throw badField('organiserId', `không có cơ sở đào tạo, bồi dưỡng mã số ${input.organiserId}`);
  if (!organiser.active && existing?.row.organiserId !== organiser.id)
    throw badField('organiserId', `${organiser.name} đã ngừng hoạt động`);

  const programme = await repo.findProgramme(tx, input.programmeId);
  if (!programme) throw badField('programmeId', `không có chương trình bồi dưỡng mã số ${input.programmeId}`);
  if (programme.approvalStatus === 'retired' && existing?.row.programmeId !== programme.id) {
    throw badField('programmeId', `chương trình "${programme.name}" đã ngừng sử dụng; hãy chọn phiên bản đang dùng`);
  }

  const host = input.hostCommuneCode ? await findCommune(tx, input.hostCommuneCode) : null;
  if (input.hostCommuneCode && !host) throw badField('hostCommuneCode', `không có xã, phường mã ${input.hostCommuneCode}`);
  let provinceCode = input.provinceCode !== undefined ? input.provinceCode : (host?.provinceCode ?? null);
  if (provinceCode === null && input.provinceCode === undefined && actor.role === 'province_admin') provinceCode = actor.provinceCode;
  if (provinceCode !== null && !(await findProvince(tx, provinceCode)))
    throw badField('provinceCode', `không có tỉnh, thành phố mã ${provinceCode}`);
  if (host && provinceCode !== null && host.provinceCode !== provinceCode) {
    throw badField('hostCommuneCode', `${host.fullName} không thuộc tỉnh của lớp (mã ${provinceCode})`);
  }
  if (!can(actor, 'classes.manage', { provinceCode, trainingOrgId: input.organiserId })) {
    throw forbidden(
      actor.role === 'training_org'
        ? 'Tài khoản cơ sở đào tạo chỉ tạo và sửa lớp do chính cơ sở mình tổ chức.'
        : 'Lớp phải thuộc tỉnh, thành phố trong phạm vi quản lý của bạn.',
    );
  }

  const wanted = [...new Set([...(input.communeCodes ?? existing?.communeCodes ?? []), ...(host ? [host.code] : [])])];
  const found = new Map((await repo.findCommunes(tx, wanted)).map((c) => [c.code, c]));
  const communes: { code: string; provinceCode: string }[] = [];
  for (const code of wanted) {
    const c = found.get(code);
    const at = input.communeCodes?.indexOf(code) ?? -1;
    const field = at >= 0 ? `communeCodes.${at}` : 'hostCommuneCode';
    if (!c) throw badField(field, `không có xã, phường mã ${code}`);
    if (provinceCode !== null && c.provinceCode !== provinceCode)
      throw badField(field, `${c.name} không thuộc tỉnh của lớp (mã ${provinceCode})`);
    communes.push({ code: c.code, provinceCode: c.provinceCode });
  }

  const dates = classDatesProblem(input.startDate, input.endDate, existing?.sessionDates ?? []);
  if (dates) throw badField(dates.field, dates.message);
  if (input.planId != null && !(await repo.planExists(tx, input.planId)))
    throw badField('planId', `không có kế hoạch mã số ${input.planId}`);

  const values: ClassValues = {
    code: input.code ?? existing?.row.code ?? '',
    name: input.name.normalize('NFC'),
    programmeId: programme.id,
    programmeType: programme.type,
    organiserId: organiser.id,
    provinceCode,
    hostCommuneCode: host?.code ?? null,
    planId: input.planId ?? null,
    mode: input.mode,
    scheduleType: input.scheduleType,
    startDate: input.startDate,
    endDate: input.endDate,
    capacity: input.capacity,
    requiresUnitHeadApproval: input.requiresUnitHeadApproval ?? false,
    budgetPlannedCentral: input.budgetPlannedCentral ?? 0,
    budgetPlannedLocal: input.budgetPlannedLocal ?? 0,
    budgetPlannedSponsor: input.budgetPlannedSponsor ?? 0,
    budgetActualCentral: input.budgetActualCentral ?? 0,
    budgetActualLocal: input.budgetActualLocal ?? 0,
    budgetActualSponsor: input.budgetActualSponsor ?? 0,
    supportPerLearner: input.supportPerLearner ?? 0,
    assessmentCount: input.assessmentCount ?? 1,
    note: input.note?.normalize('NFC') ?? null,
  };
  return { values, communes, organiserCode: organiser.code };
}

function auditable(v: ClassValues | repo.ClassRow) {
  const {
    code,
    name,
    programmeId,
    programmeType,
    organiserId,
    provinceCode,
    hostCommuneCode,
    planId,
    mode,
    scheduleType,
    startDate,
    endDate,
    capacity,
  } = v;
  return {
    code,
    name,
    programmeId,
    programmeType,
    organiserId,
    provinceCode,
    hostCommuneCode,
    planId,
    mode,
    scheduleType,
    startDate,
    endDate,
    capacity,
    requiresUnitHeadApproval: v.requiresUnitHeadApproval,
    budgetPlanned: [v.budgetPlannedCentral, v.budgetPlannedLocal, v.budgetPlannedSponsor],
    budgetActual: [v.budgetActualCentral, v.budgetActualLocal, v.budgetActualSponsor],
    supportPerLearner: v.supportPerLearner,
    assessmentCount: v.assessmentCount,
    note: v.note,
  };
}

export async function createClass(deps: ClassesDeps, actor: Actor, input: CreateClassRequest, meta: RequestMeta): Promise<ClassDetail> {
  if (!can(actor, 'classes.manage')) throw forbidden('Bạn không có quyền tạo lớp bồi dưỡng.');
  let organiserId = input.organiserId;
  if (actor.role === 'training_org') {
    if (organiserId !== undefined && organiserId !== actor.trainingOrgId) {
      throw forbidden('Tài khoản cơ sở đào tạo chỉ tạo được lớp do chính cơ sở mình tổ chức.');
    }
    organiserId = actor.trainingOrgId ?? undefined;
  }
  if (organiserId === undefined) throw badField('organiserId', 'bắt buộc phải có (cơ sở đào tạo, bồi dưỡng tổ chức lớp)');
  const id = await deps.db.transaction(async (tx) => {
    const { values, communes, organiserCode } = await resolveClass(tx, actor, { ...input, organiserId }, null);
    if (!input.code) {
      const prefix = makeClassCode(values.startDate, organiserCode, 0).replace(/\.\d+$/, '');
      values.code = makeClassCode(values.startDate, organiserCode, (await repo.lastCodeNumber(tx, prefix)) + 1);
    }
    const row = await repo.insertClass(tx, { ...values, createdBy: actor.username });
    await repo.setCommunes(tx, row.id, communes);
    await recordChange(tx, actor, meta, {
      action: 'class.create',
      entityType: 'class',
      entityId: row.id,
      provinceCode: row.provinceCode,
      communeCode: row.hostCommuneCode,
      after: { ...auditable(row), communeCodes: communes.map((c) => c.code) },
    });
    return row.id;
  });
  return detailOf(deps.db, actor, deps.clock.today(), id);
}

export async function updateClass(
  deps: ClassesDeps,
  actor: Actor,
  id: number,
  input: UpdateClassRequest,
  meta: RequestMeta,
): Promise<ClassDetail> {
  await deps.db.transaction(async (tx) => {
    const c = await manageableClass(tx, actor, id);
    if (c.version !== input.version) throw versionConflict();
    if (actor.role === 'training_org' && input.organiserId !== undefined && input.organiserId !== c.organiserId) {
      throw forbidden('Tài khoản cơ sở đào tạo không chuyển lớp sang cơ sở khác được.');
    }
    const [sessions, communes, bridgePoints, seats] = await Promise.all([
      repo.sessionsOf(tx, id),
      repo.communesOf(tx, id),
      repo.bridgePointsOf(tx, id),
      repo.countsOf(tx, [id]),
    ]);
    if (input.programmeId !== undefined && input.programmeId !== c.programmeId && c.status !== 'planned' && c.status !== 'open') {
      throw conflict('Chỉ đổi được chương trình khi lớp còn ở trạng thái "Dự kiến" hoặc "Đang nhận cử học".', 'programmeId');
    }
    const merged = {
      code: input.code ?? c.code,
      organiserId: input.organiserId ?? c.organiserId,
      name: input.name ?? c.name,
      programmeId: input.programmeId ?? c.programmeId,
      provinceCode: input.provinceCode !== undefined ? input.provinceCode : c.provinceCode,
      hostCommuneCode: input.hostCommuneCode !== undefined ? input.hostCommuneCode : c.hostCommuneCode,
      communeCodes: input.communeCodes,
      planId: input.planId !== undefined ? input.planId : c.planId,
      mode: input.mode ?? c.mode,
      scheduleType: input.scheduleType ?? c.scheduleType,
      startDate: input.startDate ?? c.startDate,
      endDate: input.endDate ?? c.endDate,
      capacity: input.capacity ?? c.capacity,
      requiresUnitHeadApproval: input.requiresUnitHeadApproval ?? c.requiresUnitHeadApproval,
      budgetPlannedCentral: input.budgetPlannedCentral ?? c.budgetPlannedCentral,
      budgetPlannedLocal: input.budgetPlannedLocal ?? c.budgetPlannedLocal,
      budgetPlannedSponsor: input.budgetPlannedSponsor ?? c.budgetPlannedSponsor,
      budgetActualCentral: input.budgetActualCentral ?? c.budgetActualCentral,
      budgetActualLocal: input.budgetActualLocal ?? c.budgetActualLocal,
      budgetActualSponsor: input.budgetActualSponsor ?? c.budgetActualSponsor,
      supportPerLearner: input.supportPerLearner ?? c.supportPerLearner,
      assessmentCount: input.assessmentCount ?? c.assessmentCount,
      note: input.note !== undefined ? input.note : c.note,
    };
    const { values, communes: served } = await resolveClass(tx, actor, merged, {
      row: c,
      sessionDates: sessions.map((s) => s.s.date),
      communeCodes: communes.map((x) => x.code),
    });
    const taken = seats.get(id)!.enrolled;
    if (values.capacity < taken) {
      throw badField('capacity', `lớp đã cử ${taken} người, không giảm sức chứa xuống ${values.capacity} được; hãy hủy bớt cử học trước`);
    }
    if (values.mode === 'truc_tiep' && bridgePoints.length) {
      throw badField('mode', `lớp còn ${bridgePoints.length} điểm cầu; hãy xóa các điểm cầu trước khi chuyển sang học trực tiếp`);
    }
    const row = await repo.updateClass(tx, id, input.version, values);
    if (!row) throw versionConflict();
    if (input.communeCodes !== undefined || values.hostCommuneCode !== c.hostCommuneCode) await repo.setCommunes(tx, id, served);
    if (row.programmeType !== c.programmeType || row.endDate !== c.endDate) {
      await repo.syncEnrolments(tx, id, { programmeType: row.programmeType, classEndDate: row.endDate });
    }
    const diff = changed(auditable(c), auditable(row));
    const beforeCommunes = communes.map((x) => x.code).sort();
    const afterCommunes = served.map((x) => x.code).sort();
    if (JSON.stringify(beforeCommunes) !== JSON.stringify(afterCommunes)) {
      diff.before.communeCodes = beforeCommunes;
      diff.after.communeCodes = afterCommunes;
    }
    await recordChange(tx, actor, meta, {
      action: 'class.update',
      entityType: 'class',
      entityId: id,
      provinceCode: row.provinceCode,
      communeCode: row.hostCommuneCode,
      ...diff,
    });
    if (row.capacity > c.capacity) await fillFreeSeats(tx, actor, meta, row);
  });
  return detailOf(deps.db, actor, deps.clock.today(), id);
}

export async function changeClassStatus(
  deps: ClassesDeps,
  actor: Actor,
  id: number,
  input: { status: ClassStatus; version?: number | undefined },
  meta: RequestMeta,
): Promise<ClassDetail> {
  await deps.db.transaction(async (tx) => {
    const c = await manageableClass(tx, actor, id, { anyStatus: true });
    if (input.version !== undefined && input.version !== c.version) throw versionConflict();
    const problem = statusMoveProblem(c.status, input.status, {
      today: deps.clock.today(),
      startDate: c.startDate,
      endDate: c.endDate,
      learnersWithoutResult: input.status === 'closed' ? await repo.learnersWithoutResult(tx, id) : 0,
    });
    if (problem) throw conflict(problem, 'status');
    let cancelled: number[] = [];
    if (input.status === 'cancelled') cancelled = await repo.cancelAllEnrolments(tx, id, 'Lớp bị hủy');
    const row = await repo.touchClass(tx, id, { status: input.status });
    await recordChange(tx, actor, meta, {
      action: 'class.status',
      entityType: 'class',
      entityId: id,
      provinceCode: c.provinceCode,
      communeCode: c.hostCommuneCode,
      before: { status: c.status },
      after: { status: row.status, ...(cancelled.length ? { cancelledEnrolments: cancelled } : {}) },
    });
  });
  return detailOf(deps.db, actor, deps.clock.today(), id);
}
