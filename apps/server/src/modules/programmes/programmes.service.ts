/**
 * Use cases of the programme catalogue (SPEC §5): list and read (approved for everyone signed in,
 * drafts for their owners), create, edit (a draft in place, an approved programme as a new draft
 * version), approve (superseding the previous approved version) and retire. Transactions and
 * audit entries live here.
 */
import type {
  CreateProgrammeRequest,
  ProgrammeDetail,
  ProgrammeItem,
  ProgrammeListQuery,
  ProgrammeListResponse,
  UpdateProgrammeRequest,
} from '@app/shared';
import { PROGRAMME_OWNER_LABELS } from '@app/shared';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../clock.ts';
import { assertCan, can, listScope, type Actor, type Target } from '../../authz/policy.ts';
import { AppError, badField, conflict, forbidden, notFound, versionConflict } from '../../http/errors.ts';
import { recordChange, type RequestMeta } from '../audit/audit.service.ts';
import { findProvince } from '../units/units.repository.ts';
import * as repo from './programmes.repository.ts';
import {
  defaultsFor,
  editModeOf,
  generatedCode,
  practiceSharePct,
  programmeIssue,
  programmeWarnings,
  transitionIssue,
  type ProgrammeFacts,
  type ProgrammeTransition,
} from './programmes.rules.ts';

export interface ProgrammesDeps {
  db: Db;
  clock: Clock;
}

/** Where a programme sits for authorisation: ministry and HCMA programmes are national, others their province's. */
export function programmeTarget(p: Pick<repo.ProgrammeRow, 'owner' | 'ownerProvinceCode'>): Target {
  return p.owner === 'province' ? { provinceCode: p.ownerProvinceCode } : {};
}

function canManage(actor: Actor, p: Pick<repo.ProgrammeRow, 'owner' | 'ownerProvinceCode'>): boolean {
  return can(actor, 'programmes.manage', programmeTarget(p));
}

/** Drafts are visible to those who manage them; approved and retired programmes to everyone signed in. */
function visible(actor: Actor, p: repo.ProgrammeRow): boolean {
  return p.approvalStatus !== 'draft' || canManage(actor, p);
}

function draftsFilter(actor: Actor): repo.ProgrammeFilter['drafts'] {
  if (!can(actor, 'programmes.manage')) return 'none';
  const scope = listScope(actor);
  if (!scope) return 'none';
  if (scope.communeCode) return 'none';
  return scope.provinceCode ? { provinceCode: scope.provinceCode } : 'all';
}

function factsOf(p: repo.ProgrammeRow): ProgrammeFacts {
  return {
    type: p.type,
    owner: p.owner,
    ownerProvinceCode: p.ownerProvinceCode,
    fields: p.fields as ProgrammeFacts['fields'],
    durationDays: p.durationDays,
    totalHours: p.totalHours,
    practiceHours: p.practiceHours,
    minAttendancePct: p.minAttendancePct,
    maxExcusedPct: p.maxExcusedPct,
    passScore: p.passScore,
    certificateMeetsRequirement: p.certificateMeetsRequirement,
  };
}

function toItem(actor: Actor, r: repo.ProgrammeWithPlace): ProgrammeItem {
  const p = r.p;
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    type: p.type,
    owner: p.owner,
    ownerProvinceCode: p.ownerProvinceCode,
    ownerProvinceName: r.ownerProvinceName,
    fields: p.fields as ProgrammeItem['fields'],
    targetAudience: p.targetAudience,
    durationDays: p.durationDays,
    totalHours: p.totalHours,
    practiceHours: p.practiceHours,
    practiceSharePct: practiceSharePct(p.practiceHours, p.totalHours),
    minAttendancePct: p.minAttendancePct,
    maxExcusedPct: p.maxExcusedPct,
    passScore: p.passScore,
    requiresEssay: p.requiresEssay,
    certificateMeetsRequirement: p.certificateMeetsRequirement,
    approvalStatus: p.approvalStatus,
    versionNo: p.versionNo,
    previousId: p.previousId,
    description: p.description,
    createdBy: p.createdBy,
    createdAt: p.createdAt.toISOString(),
    version: p.version,
    warnings: programmeWarnings(p),
    canEdit: p.approvalStatus !== 'retired' && canManage(actor, p),
  };
}

export async function listProgrammes(deps: ProgrammesDeps, actor: Actor, q: ProgrammeListQuery): Promise<ProgrammeListResponse> {
  assertCan(actor, 'programmes.read');
  const { rows, total } = await repo.listProgrammes(
    deps.db,
    {
      type: q.type,
      status: q.status,
      owner: q.owner,
      province: q.province,
      field: q.field,
      lowPractice: q.lowPractice,
      q: q.q,
      drafts: draftsFilter(actor),
    },
    q.page,
    q.pageSize,
  );
  return { items: rows.map((r) => toItem(actor, r)), total };
}

async function visibleProgramme(db: Db, actor: Actor, id: number): Promise<repo.ProgrammeWithPlace> {
  assertCan(actor, 'programmes.read');
  const row = await repo.findProgramme(db, id);
  if (!row || !visible(actor, row.p)) throw notFound('Không tìm thấy chương trình bồi dưỡng.');
  return row;
}

export async function getProgramme(deps: ProgrammesDeps, actor: Actor, id: number): Promise<ProgrammeDetail> {
  const row = await visibleProgramme(deps.db, actor, id);
  const [versions, classCount] = await Promise.all([repo.versionsOf(deps.db, row.p.code), repo.countClassesOf(deps.db, id)]);
  return {
    ...toItem(actor, row),
    versions: versions
      .filter((v) => visible(actor, v))
      .map((v) => ({
        id: v.id,
        versionNo: v.versionNo,
        approvalStatus: v.approvalStatus,
        createdBy: v.createdBy,
        createdAt: v.createdAt.toISOString(),
      })),
    classCount,
  };
}

function refuse(issue: { field: string; message: string } | null): void {
  if (issue) throw badField(issue.field, issue.message);
}

/** Who may own what: the ministry's and HCMA's programmes are national; a province admin owns its province's. */
function assertMayOwn(actor: Actor, owner: repo.ProgrammeRow['owner'], ownerProvinceCode: string | null): void {
  assertCan(actor, 'programmes.manage');
  if (!can(actor, 'programmes.manage', programmeTarget({ owner, ownerProvinceCode }))) {
    const message =
      owner === 'province'
        ? 'Bạn chỉ quản lý chương trình bồi dưỡng của tỉnh mình.'
        : `Chương trình của "${PROGRAMME_OWNER_LABELS[owner]}" do Bộ Nội vụ quản lý; cấp tỉnh chỉ lập chương trình của tỉnh.`;
    throw new AppError(403, 'FORBIDDEN', message, [{ field: owner === 'province' ? 'ownerProvinceCode' : 'owner', message }]);
  }
}

export async function createProgramme(
  deps: ProgrammesDeps,
  actor: Actor,
  input: CreateProgrammeRequest,
  meta: RequestMeta,
): Promise<ProgrammeDetail> {
  assertCan(actor, 'programmes.manage');
  // A province admin's programmes belong to its province unless it says otherwise.
  const ownerProvinceCode =
    input.owner === 'province' ? (input.ownerProvinceCode ?? actor.provinceCode ?? null) : (input.ownerProvinceCode ?? null);
  assertMayOwn(actor, input.owner, ownerProvinceCode);
  if (ownerProvinceCode && !(await findProvince(deps.db, ownerProvinceCode))) {
    throw badField('ownerProvinceCode', `không có tỉnh, thành phố mã ${ownerProvinceCode}`);
  }
  const d = defaultsFor(input.type);
  const values = {
    name: input.name.normalize('NFC'),
    type: input.type,
    owner: input.owner,
    ownerProvinceCode,
    fields: input.fields,
    targetAudience: input.targetAudience?.normalize('NFC') ?? null,
    durationDays: input.durationDays ?? d.durationDays,
    totalHours: input.totalHours ?? d.totalHours,
    // Without practice hours, the type's default share of the given total.
    practiceHours: input.practiceHours ?? Math.round(((input.totalHours ?? d.totalHours) * d.practiceHours) / d.totalHours),
    minAttendancePct: input.minAttendancePct ?? d.minAttendancePct,
    maxExcusedPct: input.maxExcusedPct ?? d.maxExcusedPct,
    passScore: input.passScore ?? d.passScore,
    requiresEssay: input.requiresEssay ?? d.requiresEssay,
    certificateMeetsRequirement: input.certificateMeetsRequirement ?? d.certificateMeetsRequirement,
    description: input.description?.normalize('NFC') ?? null,
  };
  refuse(programmeIssue(values));
  const id = await deps.db.transaction(async (tx) => {
    let code = input.code;
    if (code) {
      await repo.lockLineage(tx, code);
      if (await repo.codeExists(tx, code))
        throw conflict(`Mã chương trình ${code} đã có; mỗi chương trình một mã (các phiên bản dùng chung mã).`, 'code');
    } else {
      const prefix = generatedCode(input.owner, ownerProvinceCode, input.type, 0).replace(/0$/, '');
      await repo.lockLineage(tx, prefix);
      let seq = (await repo.countCodesWithPrefix(tx, prefix)) + 1;
      while (await repo.codeExists(tx, generatedCode(input.owner, ownerProvinceCode, input.type, seq))) seq++;
      code = generatedCode(input.owner, ownerProvinceCode, input.type, seq);
    }
    const row = await repo.insertProgramme(tx, {
      ...values,
      code,
      approvalStatus: 'draft',
      versionNo: 1,
      previousId: null,
      createdBy: actor.username,
      createdAt: deps.clock.now(),
    });
    await recordChange(tx, actor, meta, {
      action: 'programme.create',
      entityType: 'programme',
      entityId: row.id,
      provinceCode: row.ownerProvinceCode,
      after: { ...row, warnings: programmeWarnings(row).map((w) => w.code) },
    });
    return row.id;
  });
  return getProgramme(deps, actor, id);
}

/** Loads a programme the caller may see and manage: 404 when it cannot see it, 403 when it may only read it. */
async function manageableProgramme(db: Db, actor: Actor, id: number): Promise<repo.ProgrammeWithPlace> {
  const row = await visibleProgramme(db, actor, id);
  if (!canManage(actor, row.p)) {
    throw forbidden(
      row.p.owner === 'province'
        ? 'Chỉ Sở Nội vụ của tỉnh chủ quản (hoặc Bộ Nội vụ) được sửa chương trình này.'
        : 'Chương trình của Bộ Nội vụ, Học viện Chính trị quốc gia Hồ Chí Minh do Bộ Nội vụ quản lý; bạn chỉ được xem.',
    );
  }
  return row;
}

/**
 * A draft is edited in place (version check). An approved programme stays as it is and the edit
 * becomes a new draft version (versionNo + 1, previousId); classes keep the version they used.
 */
export async function updateProgramme(
  deps: ProgrammesDeps,
  actor: Actor,
  id: number,
  input: UpdateProgrammeRequest,
  meta: RequestMeta,
): Promise<{ detail: ProgrammeDetail; newVersion: boolean }> {
  const current = await manageableProgramme(deps.db, actor, id);
  const mode = editModeOf(current.p.approvalStatus);
  if (mode === 'refused') {
    throw conflict(
      'Trạng thái: chương trình đã ngừng sử dụng nên không sửa được; hãy sửa phiên bản đang dùng hoặc lập chương trình mới.',
      'approvalStatus',
    );
  }
  const result = await deps.db.transaction(async (tx) => {
    await repo.lockLineage(tx, current.p.code);
    const before = await repo.lockProgramme(tx, id);
    if (!before) throw notFound('Không tìm thấy chương trình bồi dưỡng.');
    if (before.version !== input.version) throw versionConflict();
    if (editModeOf(before.approvalStatus) !== mode) throw versionConflict();
    const next = {
      name: input.name?.normalize('NFC') ?? before.name,
      fields: [...(input.fields ?? (before.fields as ProgrammeFacts['fields']))],
      targetAudience: input.targetAudience !== undefined ? (input.targetAudience?.normalize('NFC') ?? null) : before.targetAudience,
      durationDays: input.durationDays ?? before.durationDays,
      totalHours: input.totalHours ?? before.totalHours,
      practiceHours: input.practiceHours ?? before.practiceHours,
      minAttendancePct: input.minAttendancePct ?? before.minAttendancePct,
      maxExcusedPct: input.maxExcusedPct ?? before.maxExcusedPct,
      passScore: input.passScore ?? before.passScore,
      requiresEssay: input.requiresEssay ?? before.requiresEssay,
      certificateMeetsRequirement: input.certificateMeetsRequirement ?? before.certificateMeetsRequirement,
      description: input.description !== undefined ? (input.description?.normalize('NFC') ?? null) : before.description,
    };
    refuse(programmeIssue({ ...factsOf(before), ...next }));
    if (mode === 'in_place') {
      const after = await repo.updateProgramme(tx, id, input.version, next);
      if (!after) throw versionConflict();
      await recordChange(tx, actor, meta, {
        action: 'programme.update',
        entityType: 'programme',
        entityId: id,
        provinceCode: after.ownerProvinceCode,
        before,
        after,
      });
      return { id, newVersion: false };
    }
    const versions = await repo.versionsOf(tx, before.code);
    const openDraft = versions.find((v) => v.approvalStatus === 'draft');
    if (openDraft) {
      throw conflict(
        `Chương trình đã có bản dự thảo phiên bản ${openDraft.versionNo} (mã định danh ${openDraft.id}); hãy sửa bản dự thảo đó thay vì tạo thêm phiên bản.`,
        'version',
      );
    }
    const versionNo = Math.max(...versions.map((v) => v.versionNo)) + 1;
    const draft = await repo.insertProgramme(tx, {
      ...next,
      code: before.code,
      type: before.type,
      owner: before.owner,
      ownerProvinceCode: before.ownerProvinceCode,
      approvalStatus: 'draft',
      versionNo,
      previousId: before.id,
      createdBy: actor.username,
      createdAt: deps.clock.now(),
    });
    await recordChange(tx, actor, meta, {
      action: 'programme.new_version',
      entityType: 'programme',
      entityId: draft.id,
      provinceCode: draft.ownerProvinceCode,
      before: { id: before.id, versionNo: before.versionNo },
      after: draft,
    });
    return { id: draft.id, newVersion: true };
  });
  return { detail: await getProgramme(deps, actor, result.id), newVersion: result.newVersion };
}

/**
 * draft → approved (the previous approved version of the programme is superseded: retired, its
 * content unchanged) or approved → retired.
 */
export async function changeProgrammeStatus(
  deps: ProgrammesDeps,
  actor: Actor,
  id: number,
  to: ProgrammeTransition,
  version: number,
  meta: RequestMeta,
): Promise<ProgrammeDetail> {
  const current = await manageableProgramme(deps.db, actor, id);
  await deps.db.transaction(async (tx) => {
    await repo.lockLineage(tx, current.p.code);
    const before = await repo.lockProgramme(tx, id);
    if (!before) throw notFound('Không tìm thấy chương trình bồi dưỡng.');
    if (before.version !== version) throw versionConflict();
    const issue = transitionIssue(before.approvalStatus, to);
    if (issue) throw conflict(`Trạng thái: ${issue}.`, 'approvalStatus');
    if (to === 'approve') refuse(programmeIssue(factsOf(before)));
    const after = await repo.updateProgramme(tx, id, version, { approvalStatus: to === 'approve' ? 'approved' : 'retired' });
    if (!after) throw versionConflict();
    await recordChange(tx, actor, meta, {
      action: to === 'approve' ? 'programme.approve' : 'programme.retire',
      entityType: 'programme',
      entityId: id,
      provinceCode: after.ownerProvinceCode,
      before: { approvalStatus: before.approvalStatus, version: before.version },
      after: { approvalStatus: after.approvalStatus, version: after.version, versionNo: after.versionNo },
    });
    if (to === 'approve') {
      for (const old of await repo.versionsOf(tx, before.code)) {
        if (old.id === id || old.approvalStatus !== 'approved') continue;
        const retired = await repo.updateProgramme(tx, old.id, old.version, { approvalStatus: 'retired' });
        await recordChange(tx, actor, meta, {
          action: 'programme.supersede',
          entityType: 'programme',
          entityId: old.id,
          provinceCode: old.ownerProvinceCode,
          before: { approvalStatus: old.approvalStatus, versionNo: old.versionNo },
          after: {
            approvalStatus: retired?.approvalStatus ?? 'retired',
            supersededBy: id,
            reason: `Thay bằng phiên bản ${after.versionNo}`,
          },
        });
      }
    }
  });
  return getProgramme(deps, actor, id);
}
