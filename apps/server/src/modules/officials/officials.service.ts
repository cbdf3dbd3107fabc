/** Use cases of the officials registry (SPEC §3). Transactions live here. */
import { maskCccd, type OfficialDetail, type OfficialListItem } from '@app/shared';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Clock } from '../../clock.ts';
import { assertCan, can, listScope, type Actor, type Target } from '../../authz/policy.ts';
import { AppError, badField, conflict, forbidden, notFound, versionConflict } from '../../http/errors.ts';
import { recordChange, type RequestMeta } from '../audit/audit.service.ts';
import { findCommune, findUnit } from '../units/units.repository.ts';
import * as repo from './officials.repository.ts';
import { cleanText, computeMeetsRequirement, dayBefore, endsService, givenNameOf, isBelowStandard } from './officials.rules.ts';
import type { CreateOfficialRequest, OfficialListQuery, UpdateOfficialRequest } from '@app/shared';

export interface OfficialsDeps {
  db: Db;
  clock: Clock;
}

export function targetOf(o: Pick<repo.OfficialRow, 'provinceCode' | 'communeCode' | 'unitId' | 'id'>): Target {
  return { provinceCode: o.provinceCode, communeCode: o.communeCode, unitId: o.unitId, officialId: o.id };
}

function toListItem(actor: Actor, r: repo.OfficialListRow): OfficialListItem {
  const o = r.o;
  const seesCccd = can(actor, 'officials.readSensitive', targetOf(o));
  return {
    id: o.id,
    fullName: o.fullName,
    birthDate: o.birthDate,
    gender: o.gender,
    cccd: seesCccd ? o.cccd : maskCccd(o.cccd),
    provinceCode: o.provinceCode,
    communeCode: o.communeCode,
    communeName: r.communeName,
    unitId: o.unitId,
    unitName: r.unitName,
    positionId: o.positionId,
    positionName: r.positionName,
    officialType: o.officialType,
    isLeader: o.isLeader,
    leaderTitle: o.leaderTitle,
    bloc: o.bloc,
    eduLevel: o.eduLevel,
    status: o.status,
    meetsRequirement: o.meetsRequirementOverride ?? o.meetsRequirementComputed,
    belowStandard: o.belowStandard,
    affectedByReorg: o.affectedByReorg,
    version: o.version,
  };
}

/** Resolves the list filter against the caller's scope; asking for a place outside it is refused. */
export async function scopedFilter(db: Db, actor: Actor, q: Pick<OfficialListQuery, 'commune' | 'province'>): Promise<repo.OfficialFilter> {
  const scope = listScope(actor);
  if (!scope) throw forbidden();
  const f: repo.OfficialFilter = { ...scope };
  if (q.province) {
    if (scope.provinceCode && scope.provinceCode !== q.province) throw forbidden('Tỉnh này nằm ngoài phạm vi của bạn.');
    if (scope.communeCode) {
      const c = await findCommune(db, scope.communeCode);
      if (c?.provinceCode !== q.province) throw forbidden('Tỉnh này nằm ngoài phạm vi của bạn.');
    }
    f.provinceCode = q.province;
  }
  if (q.commune) {
    if (scope.communeCode && scope.communeCode !== q.commune) throw forbidden('Xã này nằm ngoài phạm vi của bạn.');
    const c = await findCommune(db, q.commune);
    if (!c) throw badField('commune', `không có xã, phường mã ${q.commune}`);
    if (scope.provinceCode && c.provinceCode !== scope.provinceCode) throw forbidden('Xã này nằm ngoài phạm vi của bạn.');
    f.communeCode = q.commune;
  }
  return f;
}

export async function listOfficials(deps: OfficialsDeps, actor: Actor, q: OfficialListQuery) {
  assertCan(actor, 'officials.read');
  const base = await scopedFilter(deps.db, actor, q);
  const filter: repo.OfficialFilter = {
    ...base,
    q: q.q,
    positionId: q.positionId,
    type: q.type,
    bloc: q.bloc,
    leader: q.leader,
    belowStandard: q.belowStandard,
    affectedByReorg: q.affectedByReorg,
    status: q.status,
  };
  if (q.unitId !== undefined) {
    if (base.unitId !== undefined && base.unitId !== q.unitId) throw forbidden('Đơn vị này nằm ngoài phạm vi của bạn.');
    filter.unitId = q.unitId;
  }
  const { rows, total, totalCapped } = await repo.listOfficials(deps.db, filter, q.page, q.pageSize);
  return { items: rows.map((r) => toListItem(actor, r)), total, totalCapped };
}

async function visibleOfficial(db: Db, actor: Actor, id: string) {
  const row = await repo.findOfficial(db, id);
  if (!row) throw notFound('Không tìm thấy cán bộ, công chức.');
  assertCan(actor, 'officials.read', targetOf(row.o));
  return row;
}

export async function getOfficial(deps: OfficialsDeps, actor: Actor, id: string): Promise<OfficialDetail> {
  const row = await visibleOfficial(deps.db, actor, id);
  const o = row.o;
  const [assignments, flags, statuses] = await Promise.all([
    repo.assignmentsOf(deps.db, o.id),
    repo.flagsOf(deps.db, o.id),
    repo.statusHistoryOf(deps.db, o.id),
  ]);
  const target = targetOf(o);
  return {
    ...toListItem(actor, row),
    email: o.email,
    phone: o.phone,
    studyField: o.studyField as OfficialDetail['studyField'],
    studyFieldName: o.studyFieldName,
    politicalTheory: o.politicalTheory,
    stateMgmtLevel: o.stateMgmtLevel,
    itLevel: o.itLevel,
    foreignLanguage: o.foreignLanguage,
    joinedAt: o.joinedAt,
    statusDate: o.statusDate,
    meetsRequirementComputed: o.meetsRequirementComputed,
    meetsRequirementOverride: o.meetsRequirementOverride,
    meetsRequirementReason: o.meetsRequirementReason,
    updatedAt: o.updatedAt.toISOString(),
    updatedBy: o.updatedBy,
    assignments: assignments.map((a) => ({
      id: a.a.id,
      communeCode: a.a.communeCode,
      communeName: a.communeName,
      unitName: a.unitName,
      positionName: a.positionName,
      fromDate: a.a.fromDate,
      toDate: a.a.toDate,
      reason: a.a.reason,
    })),
    flags: flags.map((f) => ({
      id: f.id,
      flag: f.flag,
      fromDate: f.fromDate,
      toDate: f.toDate,
      setBy: f.setBy,
      setReason: f.setReason,
      clearedBy: f.clearedBy,
      clearedReason: f.clearedReason,
    })),
    statusHistory: statuses.map((s) => ({ status: s.status, fromDate: s.fromDate, reason: s.reason, changedBy: s.changedBy })),
    canEdit: can(actor, 'officials.manage', target),
    canViewSensitive: can(actor, 'officials.readSensitive', target),
  };
}

/** Checks unit and position belong to (or are usable in) the commune; returns the position's requirement. */
async function checkPlacement(db: DbOrTx, communeCode: string, provinceCode: string, unitId: number | null | undefined, positionId: number | null | undefined) {
  if (unitId != null) {
    const unit = await findUnit(db, unitId);
    if (!unit || unit.communeCode !== communeCode) throw badField('unitId', 'đơn vị không thuộc xã của cán bộ');
    if (unit.validTo) throw badField('unitId', 'đơn vị đã ngừng hiệu lực');
  }
  if (positionId == null) return null;
  const p = await repo.findPosition(db, positionId);
  const usable =
    p &&
    p.active &&
    (p.level === 'national' || (p.level === 'province' && p.provinceCode === provinceCode) || (p.level === 'commune' && p.communeCode === communeCode));
  if (!usable) throw badField('positionId', 'vị trí việc làm không dùng được ở xã này');
  return p;
}

/** PostgreSQL unique violation, directly or wrapped by Drizzle (err.cause). */
export function uniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if ('code' in e && (e as { code: unknown }).code === '23505') return true;
  }
  return false;
}

/** Opens or closes flag periods when a flag's value changes (the history SPEC §3 asks for). */
export async function recordFlagChange(
  tx: DbOrTx,
  o: Pick<repo.OfficialRow, 'id' | 'provinceCode' | 'communeCode'>,
  flag: 'below_standard' | 'affected_by_reorg',
  from: boolean,
  to: boolean,
  date: string,
  by: string,
  reason: string,
  at: Date,
): Promise<void> {
  if (from === to) return;
  if (to) {
    await repo.openFlag(tx, { officialId: o.id, provinceCode: o.provinceCode, communeCode: o.communeCode, flag, fromDate: date, setBy: by, setReason: reason, setAt: at });
  } else {
    // Cleared on `date`: the flag held until the day before (a period opened the same day keeps one day).
    await repo.closeFlag(tx, o.id, flag, dayBefore(date), by, reason, at);
  }
}

export async function createOfficial(deps: OfficialsDeps, actor: Actor, input: CreateOfficialRequest, meta: RequestMeta): Promise<OfficialDetail> {
  const communeCode = input.communeCode ?? actor.communeCode;
  if (!communeCode) throw badField('communeCode', 'cần chọn xã của cán bộ');
  const commune = await findCommune(deps.db, communeCode);
  if (!commune) throw badField('communeCode', `không có xã, phường mã ${communeCode}`);
  assertCan(actor, 'officials.manage', { provinceCode: commune.provinceCode, communeCode });
  const position = await checkPlacement(deps.db, communeCode, commune.provinceCode, input.unitId, input.positionId);
  const computed = computeMeetsRequirement({ eduLevel: input.eduLevel ?? null, studyField: input.studyField ?? null }, position ?? null);
  const below = isBelowStandard(computed, null);
  const today = deps.clock.today();
  const now = deps.clock.now();
  const start = input.joinedAt && input.joinedAt <= today ? input.joinedAt : today;
  const fullName = cleanText(input.fullName);
  try {
    const id = await deps.db.transaction(async (tx) => {
      const o = await repo.insertOfficial(tx, {
        provinceCode: commune.provinceCode,
        communeCode,
        unitId: input.unitId ?? null,
        positionId: input.positionId ?? null,
        fullName,
        givenName: givenNameOf(fullName),
        birthDate: input.birthDate,
        gender: input.gender,
        cccd: input.cccd ?? null,
        email: input.email ?? null,
        phone: input.phone ?? null,
        officialType: input.officialType,
        isLeader: input.isLeader,
        leaderTitle: input.leaderTitle ?? null,
        bloc: input.bloc,
        eduLevel: input.eduLevel ?? null,
        studyField: input.studyField ?? null,
        studyFieldName: input.studyFieldName ?? null,
        politicalTheory: input.politicalTheory ?? null,
        stateMgmtLevel: input.stateMgmtLevel ?? null,
        itLevel: input.itLevel ?? null,
        foreignLanguage: input.foreignLanguage ?? null,
        joinedAt: input.joinedAt ?? null,
        meetsRequirementComputed: computed,
        belowStandard: below,
        affectedByReorg: input.affectedByReorg,
        createdAt: now,
        updatedAt: now,
        updatedBy: actor.username,
      });
      await repo.insertAssignment(tx, {
        officialId: o.id,
        provinceCode: o.provinceCode,
        communeCode,
        unitId: o.unitId,
        positionId: o.positionId,
        fromDate: start,
        reason: 'Nhập hồ sơ',
        createdBy: actor.username,
      });
      await repo.insertStatus(tx, { officialId: o.id, provinceCode: o.provinceCode, status: 'dang_cong_tac', fromDate: start, reason: 'Nhập hồ sơ', changedBy: actor.username });
      await recordFlagChange(tx, o, 'below_standard', false, below, today, actor.username, 'Chưa đáp ứng yêu cầu chuyên môn của vị trí việc làm (tính khi nhập hồ sơ)', now);
      await recordFlagChange(tx, o, 'affected_by_reorg', false, input.affectedByReorg, today, actor.username, 'Khai báo khi nhập hồ sơ', now);
      await recordChange(tx, actor, meta, { action: 'official.create', entityType: 'official', entityId: o.id, provinceCode: o.provinceCode, communeCode, after: o });
      return o.id;
    });
    return getOfficial(deps, actor, id);
  } catch (err) {
    if (uniqueViolation(err)) throw conflict('Số CCCD này đã có trong hệ thống (thuộc một hồ sơ khác).', 'cccd');
    throw err;
  }
}

export async function updateOfficial(deps: OfficialsDeps, actor: Actor, id: string, input: UpdateOfficialRequest, meta: RequestMeta): Promise<OfficialDetail> {
  const current = await visibleOfficial(deps.db, actor, id);
  assertCan(actor, 'officials.manage', targetOf(current.o));
  if (input.meetsRequirementOverride !== undefined && input.meetsRequirementOverride !== null && !input.meetsRequirementReason) {
    throw badField('meetsRequirementReason', 'cần ghi lý do khi điều chỉnh kết quả "đáp ứng yêu cầu chuyên môn"');
  }
  const today = deps.clock.today();
  const now = deps.clock.now();
  try {
    await deps.db.transaction(async (tx) => {
      const before = await repo.lockOfficial(tx, id);
      if (!before) throw notFound();
      if (before.version !== input.version) throw versionConflict(before.updatedAt);
      const unitId = input.unitId !== undefined ? input.unitId : before.unitId;
      const positionId = input.positionId !== undefined ? input.positionId : before.positionId;
      const position = await checkPlacement(tx, before.communeCode, before.provinceCode, unitId, positionId);
      const patch: Partial<repo.OfficialInsert> = { updatedAt: now, updatedBy: actor.username };
      const simple = [
        'birthDate', 'gender', 'cccd', 'email', 'phone', 'officialType', 'isLeader', 'leaderTitle', 'bloc', 'eduLevel', 'studyField',
        'studyFieldName', 'politicalTheory', 'stateMgmtLevel', 'itLevel', 'foreignLanguage', 'joinedAt', 'affectedByReorg',
      ] as const;
      for (const k of simple) if (input[k] !== undefined) (patch as Record<string, unknown>)[k] = input[k];
      if (input.fullName !== undefined) {
        patch.fullName = cleanText(input.fullName);
        patch.givenName = givenNameOf(patch.fullName);
      }
      patch.unitId = unitId;
      patch.positionId = positionId;
      const computed = computeMeetsRequirement(
        { eduLevel: patch.eduLevel !== undefined ? patch.eduLevel : before.eduLevel, studyField: patch.studyField !== undefined ? patch.studyField : before.studyField },
        position ?? null,
      );
      patch.meetsRequirementComputed = computed;
      const override = input.meetsRequirementOverride !== undefined ? input.meetsRequirementOverride : before.meetsRequirementOverride;
      if (input.meetsRequirementOverride !== undefined) {
        patch.meetsRequirementOverride = input.meetsRequirementOverride;
        patch.meetsRequirementReason = input.meetsRequirementOverride === null ? null : (input.meetsRequirementReason ?? null);
      }
      patch.belowStandard = isBelowStandard(computed, override);
      const after = await repo.updateOfficialRow(tx, id, input.version, patch);
      if (!after) throw versionConflict(before.updatedAt);
      const why = input.reason ?? input.meetsRequirementReason ?? 'Cập nhật hồ sơ';
      await recordFlagChange(tx, after, 'below_standard', before.belowStandard, after.belowStandard, today, actor.username, why, now);
      await recordFlagChange(tx, after, 'affected_by_reorg', before.affectedByReorg, after.affectedByReorg, today, actor.username, why, now);
      if (before.unitId !== after.unitId || before.positionId !== after.positionId) {
        const open = await repo.openAssignment(tx, id);
        if (open && open.fromDate === today) await repo.updateAssignment(tx, open.id, { unitId: after.unitId, positionId: after.positionId });
        else {
          await repo.closeOpenAssignment(tx, id, dayBefore(today));
          await repo.insertAssignment(tx, {
            officialId: id,
            provinceCode: after.provinceCode,
            communeCode: after.communeCode,
            unitId: after.unitId,
            positionId: after.positionId,
            fromDate: today,
            reason: input.reason ?? 'Điều động, bố trí lại',
            createdBy: actor.username,
          });
        }
      }
      await recordChange(tx, actor, meta, { action: 'official.update', entityType: 'official', entityId: id, provinceCode: after.provinceCode, communeCode: after.communeCode, before, after });
    });
  } catch (err) {
    if (uniqueViolation(err)) throw conflict('Số CCCD này đã có trong hệ thống (thuộc một hồ sơ khác).', 'cccd');
    throw err;
  }
  return getOfficial(deps, actor, id);
}

export async function changeStatus(
  deps: OfficialsDeps,
  actor: Actor,
  id: string,
  input: { status: repo.OfficialRow['status']; fromDate: string; reason?: string | undefined; version: number },
  meta: RequestMeta,
): Promise<OfficialDetail> {
  const current = await visibleOfficial(deps.db, actor, id);
  assertCan(actor, 'officials.manage', targetOf(current.o));
  await deps.db.transaction(async (tx) => {
    const before = await repo.lockOfficial(tx, id);
    if (!before || before.version !== input.version) throw versionConflict(before?.updatedAt);
    if (before.status === input.status) throw badField('status', 'trạng thái mới trùng trạng thái hiện tại');
    const open = await repo.openAssignment(tx, id);
    if (endsService(input.status)) {
      if (open && input.fromDate <= open.fromDate) throw badField('fromDate', `ngày hiệu lực phải sau ngày bắt đầu công tác hiện tại (${open.fromDate})`);
      await repo.closeOpenAssignment(tx, id, dayBefore(input.fromDate));
    } else if (!open) {
      await repo.insertAssignment(tx, {
        officialId: id,
        provinceCode: before.provinceCode,
        communeCode: before.communeCode,
        unitId: before.unitId,
        positionId: before.positionId,
        fromDate: input.fromDate,
        reason: input.reason ?? 'Trở lại công tác',
        createdBy: actor.username,
      });
    }
    const after = await repo.updateOfficialRow(tx, id, input.version, { status: input.status, statusDate: input.fromDate, updatedAt: deps.clock.now(), updatedBy: actor.username });
    await repo.insertStatus(tx, { officialId: id, provinceCode: before.provinceCode, status: input.status, fromDate: input.fromDate, reason: input.reason ?? null, changedBy: actor.username });
    await recordChange(tx, actor, meta, {
      action: 'official.status',
      entityType: 'official',
      entityId: id,
      provinceCode: before.provinceCode,
      communeCode: before.communeCode,
      before: { status: before.status, statusDate: before.statusDate },
      after: { status: after?.status, statusDate: after?.statusDate, reason: input.reason ?? null },
    });
  });
  return getOfficial(deps, actor, id);
}

/** Moving to another commune keeps the person and the whole history (SPEC §3). */
export async function transferOfficial(
  deps: OfficialsDeps,
  actor: Actor,
  id: string,
  input: { communeCode: string; unitId?: number | null | undefined; positionId?: number | null | undefined; fromDate: string; reason?: string | undefined; version: number },
  meta: RequestMeta,
): Promise<OfficialDetail> {
  const current = await visibleOfficial(deps.db, actor, id);
  assertCan(actor, 'officials.manage', targetOf(current.o));
  const dest = await findCommune(deps.db, input.communeCode);
  if (!dest) throw badField('communeCode', `không có xã, phường mã ${input.communeCode}`);
  if (dest.code === current.o.communeCode) throw badField('communeCode', 'xã mới trùng xã hiện tại; đổi đơn vị bằng cách sửa hồ sơ');
  if (!can(actor, 'officials.manage', { provinceCode: dest.provinceCode, communeCode: dest.code })) {
    throw new AppError(403, 'FORBIDDEN', 'Xã chuyển đến nằm ngoài phạm vi quản lý của bạn; cấp tỉnh (hoặc Bộ, nếu khác tỉnh) thực hiện việc chuyển.', [
      { field: 'communeCode', message: 'ngoài phạm vi quản lý' },
    ]);
  }
  const position = await checkPlacement(deps.db, dest.code, dest.provinceCode, input.unitId, input.positionId);
  await deps.db.transaction(async (tx) => {
    const before = await repo.lockOfficial(tx, id);
    if (!before || before.version !== input.version) throw versionConflict(before?.updatedAt);
    const open = await repo.openAssignment(tx, id);
    if (open && input.fromDate <= open.fromDate) throw badField('fromDate', `ngày chuyển phải sau ngày bắt đầu công tác hiện tại (${open.fromDate})`);
    await repo.closeOpenAssignment(tx, id, dayBefore(input.fromDate));
    await repo.insertAssignment(tx, {
      officialId: id,
      provinceCode: dest.provinceCode,
      communeCode: dest.code,
      unitId: input.unitId ?? null,
      positionId: input.positionId ?? null,
      fromDate: input.fromDate,
      reason: input.reason ?? 'Chuyển công tác',
      createdBy: actor.username,
    });
    const computed = computeMeetsRequirement({ eduLevel: before.eduLevel, studyField: before.studyField }, position ?? null);
    const after = await repo.updateOfficialRow(tx, id, input.version, {
      provinceCode: dest.provinceCode,
      communeCode: dest.code,
      unitId: input.unitId ?? null,
      positionId: input.positionId ?? null,
      meetsRequirementComputed: computed,
      belowStandard: isBelowStandard(computed, before.meetsRequirementOverride),
      updatedAt: deps.clock.now(),
      updatedBy: actor.username,
    });
    if (after) {
      await recordFlagChange(tx, after, 'below_standard', before.belowStandard, after.belowStandard, input.fromDate, actor.username, 'Tính lại theo vị trí việc làm mới', deps.clock.now());
    }
    await recordChange(tx, actor, meta, {
      action: 'official.transfer',
      entityType: 'official',
      entityId: id,
      provinceCode: dest.provinceCode,
      communeCode: dest.code,
      before: { communeCode: before.communeCode, unitId: before.unitId, positionId: before.positionId },
      after: { communeCode: dest.code, unitId: input.unitId ?? null, positionId: input.positionId ?? null, fromDate: input.fromDate },
    });
  });
  return getOfficial(deps, actor, id);
}

/** Sensitive data: admins of the person's scope only, every read audited (Law 91/2025/QH15). */
export async function getSensitive(deps: OfficialsDeps, actor: Actor, id: string, meta: RequestMeta) {
  const row = await visibleOfficial(deps.db, actor, id);
  assertCan(actor, 'officials.readSensitive', targetOf(row.o));
  const s = await repo.findSensitive(deps.db, id);
  await recordChange(deps.db, actor, meta, {
    action: 'official.view_sensitive',
    entityType: 'official',
    entityId: id,
    provinceCode: row.o.provinceCode,
    communeCode: row.o.communeCode,
  });
  return { ethnicityCode: s?.ethnicityCode ?? null, religionCode: s?.religionCode ?? null, codeList: s?.codeList ?? 'TCTK-QD121-2019', healthNote: s?.healthNote ?? null };
}

export async function updateSensitive(
  deps: OfficialsDeps,
  actor: Actor,
  id: string,
  input: { ethnicityCode?: string | null | undefined; religionCode?: string | null | undefined; healthNote?: string | null | undefined },
  meta: RequestMeta,
) {
  const row = await visibleOfficial(deps.db, actor, id);
  assertCan(actor, 'officials.readSensitive', targetOf(row.o));
  assertCan(actor, 'officials.manage', targetOf(row.o));
  await deps.db.transaction(async (tx) => {
    const before = await repo.findSensitive(tx, id);
    const next = {
      officialId: id,
      provinceCode: row.o.provinceCode,
      ethnicityCode: input.ethnicityCode !== undefined ? input.ethnicityCode : (before?.ethnicityCode ?? null),
      religionCode: input.religionCode !== undefined ? input.religionCode : (before?.religionCode ?? null),
      healthNote: input.healthNote !== undefined ? input.healthNote : (before?.healthNote ?? null),
      updatedAt: deps.clock.now(),
    };
    await repo.upsertSensitive(tx, next);
    // Values themselves stay out of the audit log; only which fields changed.
    await recordChange(tx, actor, meta, {
      action: 'official.update_sensitive',
      entityType: 'official',
      entityId: id,
      provinceCode: row.o.provinceCode,
      communeCode: row.o.communeCode,
      after: { changed: Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined) },
    });
  });
  return getSensitive(deps, actor, id, meta);
}


