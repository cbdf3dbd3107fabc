/**
 * Use cases of the instructor and speaker pool (SPEC §12). Everyone with a training role reads the
 * pool (it is shared nationally); training organisations manage their own pool, province admins
 * the pools of their province's organisations, the ministry everything. Contact details are shown
 * only to those who manage the person (personal data minimised, SPEC §13).
 */
import type {
  CreateInstructorRequest,
  InstructorDetail,
  InstructorItem,
  InstructorListQuery,
  InstructorListResponse,
  UpdateInstructorRequest,
} from '@app/shared';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../clock.ts';
import { assertCan, can, scopeOf, type Actor, type Target } from '../../authz/policy.ts';
import { AppError, badField, notFound, versionConflict } from '../../http/errors.ts';
import { recordChange, type RequestMeta } from '../audit/audit.service.ts';
import { findTrainingOrg, type TrainingOrgRow } from '../units/units.repository.ts';
import * as repo from './instructors.repository.ts';
import { classReaderOf, placementIssue } from './instructors.rules.ts';
import { instructorRatings } from '../surveys/surveys.service.ts';

export interface InstructorsDeps {
  db: Db;
  clock: Clock;
}

/** Where a pool entry sits: its training organisation (and that organisation's province). */
function instructorTarget(orgId: number | null, orgProvinceCode: string | null): Target {
  return { provinceCode: orgProvinceCode, trainingOrgId: orgId };
}

function canManage(actor: Actor, r: Pick<repo.InstructorWithOrg, 'orgProvinceCode'> & { i: Pick<repo.InstructorRow, 'orgId'> }): boolean {
  return can(actor, 'instructors.manage', instructorTarget(r.i.orgId, r.orgProvinceCode));
}

function toItem(actor: Actor, r: repo.InstructorWithOrg, counts: { sessions: number; classes: number } | undefined): InstructorItem {
  const i = r.i;
  const manage = canManage(actor, r);
  return {
    id: i.id,
    fullName: i.fullName,
    kind: i.kind,
    orgId: i.orgId,
    orgCode: r.orgCode,
    orgName: r.orgName,
    provinceCode: r.orgProvinceCode,
    organisation: i.organisation,
    jobTitle: i.title,
    fields: i.fields as InstructorItem['fields'],
    email: manage ? i.email : null,
    phone: manage ? i.phone : null,
    active: i.active,
    version: i.version,
    sessionCount: counts?.sessions ?? 0,
    classCount: counts?.classes ?? 0,
    // Filled by the survey module from learners' ratings of instructors (SPEC §7, §12).
    averageRating: null,
    canEdit: manage,
  };
}

export async function listInstructors(deps: InstructorsDeps, actor: Actor, q: InstructorListQuery): Promise<InstructorListResponse> {
  assertCan(actor, 'instructors.read');
  const { rows, total } = await repo.listInstructors(
    deps.db,
    { q: q.q, field: q.field, orgId: q.orgId, kind: q.kind, active: q.active },
    q.page,
    q.pageSize,
  );
  const counts = await repo.teachingCounts(
    deps.db,
    rows.map((r) => r.i.id),
  );
  // Learners' rating of instructors from the course surveys (classes with enough answers only).
  const ratings = await instructorRatings(
    deps.db,
    rows.map((r) => r.i.id),
  );
  return { items: rows.map((r) => ({ ...toItem(actor, r, counts.get(r.i.id)), averageRating: ratings.get(r.i.id) ?? null })), total };
}

async function readable(db: Db, actor: Actor, id: number): Promise<repo.InstructorWithOrg> {
  assertCan(actor, 'instructors.read');
  const row = await repo.findInstructor(db, id);
  if (!row) throw notFound('Không tìm thấy giảng viên, báo cáo viên.');
  return row;
}

export async function getInstructor(deps: InstructorsDeps, actor: Actor, id: number): Promise<InstructorDetail> {
  const row = await readable(deps.db, actor, id);
  const [counts, sessions] = await Promise.all([
    repo.teachingCounts(deps.db, [id]),
    repo.sessionsTaught(deps.db, id, classReaderOf(scopeOf(actor))),
  ]);
  const item = { ...toItem(actor, row, counts.get(id)), averageRating: (await instructorRatings(deps.db, [id])).get(id) ?? null };
  return { ...item, sessions, otherSessions: Math.max(0, item.sessionCount - sessions.length) };
}

/** The organisation an entry is put in: a training org's own by default; it must exist and be active. */
async function resolveOrg(db: Db, actor: Actor, orgId: number | null | undefined): Promise<TrainingOrgRow | null> {
  const id = orgId === undefined ? actor.trainingOrgId : orgId;
  if (id === null || id === undefined) return null;
  const org = await findTrainingOrg(db, id);
  if (!org) throw badField('orgId', `không có cơ sở đào tạo mã định danh ${id}`);
  if (!org.active) throw badField('orgId', `cơ sở đào tạo "${org.name}" đã ngừng hoạt động`);
  return org;
}

function assertMayManageIn(actor: Actor, org: TrainingOrgRow | null): void {
  assertCan(actor, 'instructors.manage');
  if (can(actor, 'instructors.manage', instructorTarget(org?.id ?? null, org?.provinceCode ?? null))) return;
  const message =
    actor.role === 'training_org'
      ? 'Cơ sở đào tạo chỉ quản lý giảng viên, báo cáo viên của chính mình.'
      : org
        ? `Bạn không quản lý giảng viên của "${org.name}"; hãy chọn cơ sở đào tạo thuộc tỉnh mình.`
        : 'Hãy chọn cơ sở đào tạo thuộc tỉnh mình; giảng viên không thuộc cơ sở đào tạo nào do Bộ Nội vụ quản lý.';
  throw new AppError(403, 'FORBIDDEN', message, [{ field: 'orgId', message }]);
}

export async function createInstructor(
  deps: InstructorsDeps,
  actor: Actor,
  input: CreateInstructorRequest,
  meta: RequestMeta,
): Promise<InstructorDetail> {
  assertCan(actor, 'instructors.manage');
  const org = await resolveOrg(deps.db, actor, input.orgId);
  assertMayManageIn(actor, org);
  const organisation = input.organisation?.normalize('NFC') ?? null;
  const issue = placementIssue(org?.id ?? null, organisation);
  if (issue) throw badField(issue.field, issue.message);
  const id = await deps.db.transaction(async (tx) => {
    const row = await repo.insertInstructor(tx, {
      fullName: input.fullName.normalize('NFC').replace(/\s+/g, ' '),
      kind: input.kind,
      orgId: org?.id ?? null,
      organisation,
      title: input.jobTitle?.normalize('NFC') ?? null,
      fields: input.fields,
      email: input.email ?? null,
      phone: input.phone ?? null,
      active: input.active ?? true,
    });
    await recordChange(tx, actor, meta, {
      action: 'instructor.create',
      entityType: 'instructor',
      entityId: row.id,
      provinceCode: org?.provinceCode ?? null,
      after: row,
    });
    return row.id;
  });
  return getInstructor(deps, actor, id);
}

export async function updateInstructor(
  deps: InstructorsDeps,
  actor: Actor,
  id: number,
  input: UpdateInstructorRequest,
  meta: RequestMeta,
): Promise<InstructorDetail> {
  const current = await readable(deps.db, actor, id);
  assertCan(actor, 'instructors.manage');
  if (!canManage(actor, current)) {
    const message =
      actor.role === 'training_org'
        ? 'Cơ sở đào tạo chỉ sửa được giảng viên, báo cáo viên của chính mình.'
        : 'Bạn không quản lý giảng viên, báo cáo viên này (thuộc cơ sở đào tạo ngoài phạm vi của bạn).';
    throw new AppError(403, 'FORBIDDEN', message);
  }
  const org = input.orgId !== undefined ? await resolveOrg(deps.db, actor, input.orgId) : undefined;
  if (org !== undefined) assertMayManageIn(actor, org);
  await deps.db.transaction(async (tx) => {
    const before = await repo.lockInstructor(tx, id);
    if (!before) throw notFound('Không tìm thấy giảng viên, báo cáo viên.');
    if (before.version !== input.version) throw versionConflict();
    const patch: Partial<repo.InstructorInsert> = {};
    if (input.fullName !== undefined) patch.fullName = input.fullName.normalize('NFC').replace(/\s+/g, ' ');
    if (input.kind !== undefined) patch.kind = input.kind;
    if (org !== undefined) patch.orgId = org?.id ?? null;
    if (input.organisation !== undefined) patch.organisation = input.organisation?.normalize('NFC') ?? null;
    if (input.jobTitle !== undefined) patch.title = input.jobTitle?.normalize('NFC') ?? null;
    if (input.fields !== undefined) patch.fields = input.fields;
    if (input.email !== undefined) patch.email = input.email;
    if (input.phone !== undefined) patch.phone = input.phone;
    if (input.active !== undefined) patch.active = input.active;
    const issue = placementIssue(
      patch.orgId !== undefined ? patch.orgId : before.orgId,
      patch.organisation !== undefined ? patch.organisation : before.organisation,
    );
    if (issue) throw badField(issue.field, issue.message);
    const after = await repo.updateInstructor(tx, id, input.version, patch);
    if (!after) throw versionConflict();
    await recordChange(tx, actor, meta, {
      action: 'instructor.update',
      entityType: 'instructor',
      entityId: id,
      provinceCode: org !== undefined ? (org?.provinceCode ?? null) : current.orgProvinceCode,
      before,
      after,
    });
  });
  return getInstructor(deps, actor, id);
}
