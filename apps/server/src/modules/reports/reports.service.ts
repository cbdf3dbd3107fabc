/**
 * Reports workflow (SPEC §10): create, edit free-text sections (versioned, autosave-friendly), submit
 * (numbers frozen in a snapshot), accept / return with comments, resubmit; deadlines; ad hoc requests;
 * the upper level's status board and consolidation of its children's snapshots.
 */
import {
  REPORT_KIND_LABELS,
  ReportData as ReportDataSchema,
  type ChildrenStatusResponse,
  type CreateAdhocRequest,
  type CreateReportRequest,
  type ReportData,
  type ReportDetail,
  type ReportKind,
  type ReportLevel,
  type ReportStatus,
  type ReportSummary,
  type ReviewReportRequest,
  type UpdateReportRequest,
} from '@app/shared';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { assertCan, can, inScope, listScope, scopeOf, type Actor, type Target } from '../../authz/policy.ts';
import { badField, conflict, forbidden, notFound, versionConflict } from '../../http/errors.ts';
import { recordChange, type RequestMeta } from '../audit/audit.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { resolveScope, type ResolvedScope } from '../needs/needs.scope.ts';
import * as repo from './reports.repository.ts';
import * as dataRepo from './report-data.repository.ts';
import { buildReportData, type Progress } from './report-data.service.ts';
import {
  asOfFor,
  canEditStatus,
  canReviewStatus,
  canSubmitStatus,
  childLevelOf,
  consolidateRows,
  deadlineOf,
  defaultTitle,
  FIXED_YEAR,
  isOverdue,
  scopeKeyOf,
  sectionTitlesFor,
} from './reports.rules.ts';

export interface ReportsDeps {
  db: Db;
  clock: Clock;
}

export function targetOf(r: { level: ReportLevel; provinceCode: string | null; communeCode: string | null }): Target {
  if (r.level === 'nation') return { provinceCode: null, communeCode: null };
  return { provinceCode: r.provinceCode, communeCode: r.communeCode };
}

function refRef(r: repo.ReportRowDb): dataRepo.ScopeRef {
  return { level: r.level, provinceCode: r.provinceCode, communeCode: r.communeCode };
}

/** Read access: inside the actor's scope (nation reports only for the national level). */
function assertRead(actor: Actor, r: repo.ReportRowDb): void {
  if (r.level === 'nation') {
    if (scopeOf(actor).level !== 'nation') throw notFound();
    assertCan(actor, 'reports.read');
    return;
  }
  assertCan(actor, 'reports.read', targetOf(r));
}

/** Is the actor the author level of this report (its own commune / province / the ministry)? */
function isOwner(actor: Actor, r: { level: ReportLevel; provinceCode: string | null; communeCode: string | null }): boolean {
  const s = scopeOf(actor);
  if (s.level !== r.level) return false;
  if (r.level === 'commune') return s.communeCode === r.communeCode;
  if (r.level === 'province') return s.provinceCode === r.provinceCode;
  return true;
}

/** Is the actor the level a report is sent up to? */
function isParent(actor: Actor, r: { level: ReportLevel; provinceCode: string | null }): boolean {
  const s = scopeOf(actor);
  if (r.level === 'commune') return s.level === 'province' && s.provinceCode === r.provinceCode;
  if (r.level === 'province') return s.level === 'nation';
  return false;
}

function assertOwner(actor: Actor, r: repo.ReportRowDb): void {
  assertRead(actor, r);
  assertCan(actor, 'reports.manage');
  if (!isOwner(actor, r)) throw forbidden('Chỉ đơn vị lập báo cáo mới được sửa hoặc gửi báo cáo này.');
}

async function deadlineOfReport(
  db: Db,
  r: Pick<repo.ReportRowDb, 'level' | 'provinceCode' | 'year' | 'requestId'>,
): Promise<string | null> {
  if (r.requestId) return (await repo.findRequest(db, r.requestId))?.deadline ?? null;
  if (r.level === 'commune' && r.provinceCode) {
    const d = await repo.findAnnualDeadline(db, r.provinceCode, r.year);
    return deadlineOf('commune', r.year, d?.deadline);
  }
  return deadlineOf(r.level, r.year);
}

async function summaryOf(deps: ReportsDeps, r: repo.ReportRowDb, names?: Map<string, string>): Promise<ReportSummary> {
  const deadline = await deadlineOfReport(deps.db, r);
  return {
    id: r.id,
    kind: r.kind,
    year: r.year,
    requestId: r.requestId,
    level: r.level,
    scopeKey: r.scopeKey,
    scopeName: names?.get(r.scopeKey) ?? (await dataRepo.scopeName(deps.db, refRef(r))),
    title: r.title,
    status: r.status,
    deadline,
    overdue: isOverdue(r.status, deadline, deps.clock.today()),
    submittedOn: r.submittedOn,
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

export async function listReports(deps: ReportsDeps, actor: Actor, q: { year?: number | undefined; kind?: ReportKind | undefined }) {
  assertCan(actor, 'reports.read');
  const s = listScope(actor);
  if (!s || s.unitId !== undefined || s.officialId !== undefined) throw forbidden();
  const rows = await repo.listReports(deps.db, { provinceCode: s.provinceCode, communeCode: s.communeCode, year: q.year, kind: q.kind });
  const items: ReportSummary[] = [];
  for (const r of rows) if (r.level !== 'nation' || scopeOf(actor).level === 'nation') items.push(await summaryOf(deps, r));
  return { items };
}

async function liveData(deps: ReportsDeps, r: repo.ReportRowDb, progress?: Progress): Promise<ReportData> {
  return buildReportData(deps.db, refRef(r), r.year, asOfFor(r.year, deps.clock.today()), progress);
}

/** The numbers a report shows: the frozen snapshot once sent up, live numbers while it is being written. */
export async function dataOf(deps: ReportsDeps, r: repo.ReportRowDb, progress?: Progress): Promise<{ data: ReportData; frozen: boolean }> {
  if ((r.status === 'submitted' || r.status === 'accepted') && r.snapshot)
    return { data: ReportDataSchema.parse(r.snapshot), frozen: true };
  return { data: await liveData(deps, r, progress), frozen: false };
}

export async function reportDetail(deps: ReportsDeps, actor: Actor, id: number): Promise<ReportDetail> {
  const r = await repo.findReport(deps.db, id);
  if (!r) throw notFound('Không tìm thấy báo cáo');
  assertRead(actor, r);
  return detailOf(deps, actor, r);
}

async function detailOf(deps: ReportsDeps, actor: Actor, r: repo.ReportRowDb): Promise<ReportDetail> {
  const [summary, events, request, { data, frozen }] = await Promise.all([
    summaryOf(deps, r),
    repo.eventsOf(deps.db, r.id),
    r.requestId ? repo.findRequest(deps.db, r.requestId) : Promise.resolve(undefined),
    dataOf(deps, r),
  ]);
  const owner = can(actor, 'reports.manage') && isOwner(actor, r);
  return {
    ...summary,
    sections: r.sections,
    sectionTitles: sectionTitlesFor(request?.sections),
    documentNo: r.documentNo,
    placeName: r.placeName,
    signerName: r.signerName,
    signerTitle: r.signerTitle,
    recipients: r.recipients,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    submittedBy: r.submittedBy,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    reviewedBy: r.reviewedBy,
    reviewComment: r.reviewComment,
    events: events.map((e) => ({ action: e.action, actorName: e.actorName, at: e.at.toISOString(), comment: e.comment })),
    data,
    frozen,
    actions: {
      edit: owner && canEditStatus(r.status),
      submit: owner && canSubmitStatus(r.status),
      review: can(actor, 'reports.review') && isParent(actor, r) && canReviewStatus(r.status),
    },
  };
}

function scopeParts(s: ResolvedScope): { level: ReportLevel; provinceCode: string | null; communeCode: string | null } {
  if (s.level === 'commune') return { level: 'commune', provinceCode: s.commune.provinceCode, communeCode: s.commune.code };
  if (s.level === 'province') return { level: 'province', provinceCode: s.provinceCode, communeCode: null };
  return { level: 'nation', provinceCode: null, communeCode: null };
}

export async function createReport(deps: ReportsDeps, actor: Actor, input: CreateReportRequest, meta: RequestMeta): Promise<ReportDetail> {
  assertCan(actor, 'reports.manage');
  const scope = await resolveScope(deps.db, actor, input.scope);
  const parts = scopeParts(scope);
  if (!isOwner(actor, parts)) throw forbidden('Chỉ được lập báo cáo của chính đơn vị mình.');
  const fixed = FIXED_YEAR[input.kind];
  if (fixed && input.year !== fixed) throw badField('year', `${REPORT_KIND_LABELS[input.kind]} lập vào năm ${fixed}`);
  let requestId: number | null = null;
  let adhocTitle: string | undefined;
  if (input.kind === 'adhoc') {
    if (!input.requestId) throw badField('requestId', 'báo cáo đột xuất phải trả lời một yêu cầu của cấp trên');
    const req = await repo.findRequest(deps.db, input.requestId);
    const addressed =
      req &&
      req.kind === 'adhoc' &&
      ((req.requesterLevel === 'nation' && parts.level === 'province') ||
        (req.requesterLevel === 'province' && parts.level === 'commune' && req.requesterProvinceCode === parts.provinceCode));
    if (!addressed) throw notFound('Không tìm thấy yêu cầu báo cáo gửi tới đơn vị của bạn');
    requestId = req.id;
    adhocTitle = req.title;
  } else if (input.requestId) throw badField('requestId', 'chỉ dùng cho báo cáo đột xuất');
  const scopeKey = scopeKeyOf(parts.level, parts.level === 'nation' ? null : (parts.communeCode ?? parts.provinceCode));
  const existing = requestId
    ? await repo.findForRequest(deps.db, requestId, scopeKey)
    : await repo.findPeriodic(deps.db, input.kind, input.year, scopeKey);
  if (existing) throw conflict(`Đơn vị đã có báo cáo này (số hiệu ${existing.id}); hãy mở báo cáo đó để tiếp tục.`, 'kind');
  const name = await dataRepo.scopeName(deps.db, parts);
  const row = await deps.db.transaction(async (tx) => {
    const r = await repo.insertReport(tx, {
      kind: input.kind,
      year: input.year,
      requestId,
      ...parts,
      scopeKey,
      title: defaultTitle(input.kind, input.year, name, adhocTitle),
      sections: {},
      placeName: null,
      createdBy: actor.username,
      createdAt: deps.clock.now(),
      updatedAt: deps.clock.now(),
    });
    await repo.insertEvent(tx, { reportId: r.id, action: 'created', actorName: actor.fullName, at: deps.clock.now(), comment: null });
    await recordChange(tx, actor, meta, {
      action: 'report.create',
      entityType: 'report',
      entityId: r.id,
      provinceCode: r.provinceCode,
      communeCode: r.communeCode,
      after: { kind: r.kind, year: r.year, scopeKey },
    });
    return r;
  });
  return detailOf(deps, actor, row);
}

export async function updateReport(
  deps: ReportsDeps,
  actor: Actor,
  id: number,
  input: UpdateReportRequest,
  meta: RequestMeta,
): Promise<ReportDetail> {
  const r = await repo.findReport(deps.db, id);
  if (!r) throw notFound('Không tìm thấy báo cáo');
  assertOwner(actor, r);
  if (!canEditStatus(r.status)) throw conflict('Báo cáo đã gửi lên cấp trên, không sửa được nữa (chỉ sửa khi bị trả lại).', 'status');
  if (r.version !== input.version) throw versionConflict(r.updatedAt);
  const patch: Partial<repo.ReportInsert> = { updatedAt: deps.clock.now() };
  if (input.sections) patch.sections = { ...r.sections, ...input.sections };
  for (const k of ['title', 'documentNo', 'placeName', 'signerName', 'signerTitle', 'recipients'] as const) {
    if (input[k] !== undefined) (patch as Record<string, unknown>)[k] = input[k] === '' ? null : input[k];
  }
  const row = await deps.db.transaction(async (tx) => {
    const u = await repo.updateReport(tx, id, input.version, patch);
    if (!u) throw versionConflict(r.updatedAt);
    await recordChange(tx, actor, meta, {
      action: 'report.update',
      entityType: 'report',
      entityId: id,
      provinceCode: r.provinceCode,
      communeCode: r.communeCode,
      before: { title: r.title, sections: r.sections },
      after: { title: u.title, sections: u.sections },
    });
    return u;
  });
  return detailOf(deps, actor, row);
}

async function usersToNotify(
  db: Db,
  where: { level: ReportLevel; provinceCode: string | null; communeCode: string | null },
): Promise<string[]> {
  return repo.adminUserIds(db, where);
}

export async function submitReport(deps: ReportsDeps, actor: Actor, id: number, version: number, meta: RequestMeta): Promise<ReportDetail> {
  const r = await repo.findReport(deps.db, id);
  if (!r) throw notFound('Không tìm thấy báo cáo');
  assertOwner(actor, r);
  if (!canSubmitStatus(r.status)) throw conflict('Báo cáo đã được gửi rồi, không gửi lại được.', 'status');
  if (r.version !== version) throw versionConflict(r.updatedAt);
  const data = await liveData(deps, r);
  const now = deps.clock.now();
  const today = deps.clock.today();
  const row = await deps.db.transaction(async (tx) => {
    const u = await repo.updateReport(tx, id, version, {
      status: 'submitted',
      snapshot: data,
      snapshotAsOf: data.asOf,
      submittedOn: r.submittedOn ?? today,
      submittedAt: now,
      submittedBy: actor.fullName,
      submitCount: r.submitCount + 1,
      updatedAt: now,
    });
    if (!u) throw conflict('Báo cáo đã được gửi rồi, không gửi lại được.', 'status');
    await repo.insertEvent(tx, { reportId: id, action: 'submitted', actorName: actor.fullName, at: now, comment: null });
    await recordChange(tx, actor, meta, {
      action: r.status === 'returned' ? 'report.resubmit' : 'report.submit',
      entityType: 'report',
      entityId: id,
      provinceCode: r.provinceCode,
      communeCode: r.communeCode,
      before: { status: r.status },
      after: { status: 'submitted', asOf: data.asOf },
    });
    const parent =
      r.level === 'commune'
        ? { level: 'province' as const, provinceCode: r.provinceCode, communeCode: null }
        : r.level === 'province'
          ? { level: 'nation' as const, provinceCode: null, communeCode: null }
          : null;
    if (parent) {
      const ids = await usersToNotify(deps.db, parent);
      await notify(
        tx,
        ids.map((userId) => ({
          userId,
          kind: 'report.submitted',
          title: `${data.scope.name} đã gửi báo cáo`,
          body: r.title,
          link: `/bao-cao/${id}`,
          dedupeKey: `report:${id}:submit:${r.submitCount + 1}`,
        })),
        now,
      );
    }
    return u;
  });
  return detailOf(deps, actor, row);
}

export async function reviewReport(
  deps: ReportsDeps,
  actor: Actor,
  id: number,
  input: ReviewReportRequest,
  meta: RequestMeta,
): Promise<ReportDetail> {
  const r = await repo.findReport(deps.db, id);
  if (!r) throw notFound('Không tìm thấy báo cáo');
  assertRead(actor, r);
  assertCan(actor, 'reports.review');
  if (!isParent(actor, r)) throw forbidden('Chỉ cấp trên trực tiếp mới tiếp nhận hoặc trả lại báo cáo này.');
  if (!canReviewStatus(r.status))
    throw conflict(
      r.status === 'accepted' ? 'Báo cáo đã được tiếp nhận rồi.' : 'Báo cáo chưa được gửi hoặc đã bị trả lại, chưa thể xem xét.',
      'status',
    );
  const comment = input.comment?.trim() || null;
  if (input.decision === 'return' && !comment) throw badField('comment', 'cần ghi rõ nội dung yêu cầu chỉnh sửa khi trả lại báo cáo');
  if (r.version !== input.version) throw versionConflict(r.updatedAt);
  const now = deps.clock.now();
  const status: ReportStatus = input.decision === 'accept' ? 'accepted' : 'returned';
  const row = await deps.db.transaction(async (tx) => {
    const u = await repo.updateReport(tx, id, input.version, {
      status,
      reviewedAt: now,
      reviewedBy: actor.fullName,
      reviewComment: comment,
      updatedAt: now,
    });
    if (!u) throw versionConflict(r.updatedAt);
    await repo.insertEvent(tx, { reportId: id, action: status, actorName: actor.fullName, at: now, comment });
    await recordChange(tx, actor, meta, {
      action: `report.${input.decision}`,
      entityType: 'report',
      entityId: id,
      provinceCode: r.provinceCode,
      communeCode: r.communeCode,
      before: { status: r.status },
      after: { status, comment },
    });
    const ids = await usersToNotify(deps.db, r);
    await notify(
      tx,
      ids.map((userId) => ({
        userId,
        kind: `report.${status}`,
        title: status === 'accepted' ? 'Báo cáo đã được tiếp nhận' : 'Báo cáo bị trả lại, cần chỉnh sửa',
        body: comment ?? r.title,
        link: `/bao-cao/${id}`,
        dedupeKey: `report:${id}:${status}:${r.submitCount}`,
      })),
      now,
    );
    return u;
  });
  return detailOf(deps, actor, row);
}

// ---------- the upper level's board ----------

export async function childrenStatus(
  deps: ReportsDeps,
  actor: Actor,
  q: { kind: ReportKind; year: number; requestId?: number | undefined; scope?: string | undefined },
): Promise<ChildrenStatusResponse> {
  assertCan(actor, 'reports.read');
  const scope = await resolveScope(deps.db, actor, q.scope);
  const parts = scopeParts(scope);
  const childLevel = childLevelOf(parts.level);
  if (!childLevel || childLevel === 'nation') throw badField('scope', 'chỉ cấp tỉnh và cấp trung ương có đơn vị gửi báo cáo lên');
  let deadline: string | null;
  if (q.requestId) {
    const req = await repo.findRequest(deps.db, q.requestId);
    const mine =
      req &&
      req.kind === 'adhoc' &&
      (parts.level === 'nation'
        ? req.requesterLevel === 'nation'
        : req.requesterLevel === 'province' && req.requesterProvinceCode === parts.provinceCode);
    if (!mine) throw notFound('Không tìm thấy yêu cầu báo cáo');
    deadline = req.deadline;
  } else if (childLevel === 'commune') {
    deadline = deadlineOf('commune', q.year, (await repo.findAnnualDeadline(deps.db, parts.provinceCode!, q.year))?.deadline);
  } else deadline = deadlineOf('province', q.year);
  const kids = await dataRepo.childrenOf(deps.db, parts);
  const rows = await repo.childReports(deps.db, {
    kind: q.requestId ? 'adhoc' : q.kind,
    year: q.year,
    requestId: q.requestId ?? null,
    level: childLevel,
    provinceCode: childLevel === 'commune' ? parts.provinceCode : null,
  });
  const byCode = new Map(rows.map((r) => [childLevel === 'commune' ? r.communeCode! : r.provinceCode!, r]));
  const today = deps.clock.today();
  const items: ChildrenStatusResponse['items'] = kids.map((k) => {
    const r = byCode.get(k.code);
    const status = r ? r.status : 'missing';
    return {
      code: k.code,
      name: k.name,
      reportId: r?.id ?? null,
      status,
      submittedOn: r?.submittedOn ?? null,
      overdue: isOverdue(status, deadline, today),
    };
  });
  // what the upper level acts on first: sent (to review), returned, being written, accepted, not started
  const rank: Record<string, number> = { submitted: 0, returned: 1, draft: 2, accepted: 3, missing: 4 };
  items.sort((a, b) => Number(b.overdue) - Number(a.overdue) || rank[a.status]! - rank[b.status]! || a.name.localeCompare(b.name, 'vi'));
  const sent = items.filter((i) => i.status === 'submitted' || i.status === 'accepted');
  const snapshots = sent.map((i) => ReportDataSchema.parse(byCode.get(i.code)!.snapshot).total);
  const name = await dataRepo.scopeName(deps.db, parts);
  return {
    scopeName: name,
    deadline,
    items,
    counts: {
      total: items.length,
      submitted: items.filter((i) => i.status === 'submitted').length,
      accepted: items.filter((i) => i.status === 'accepted').length,
      returned: items.filter((i) => i.status === 'returned').length,
      missing: items.filter((i) => i.status === 'missing' || i.status === 'draft').length,
      overdue: items.filter((i) => i.overdue).length,
    },
    consolidated: snapshots.length ? consolidateRows(parts.level === 'nation' ? 'nation' : parts.provinceCode!, name, snapshots) : null,
    consolidatedFrom: sent.map((i) => i.name),
    missing: items.filter((i) => i.status !== 'submitted' && i.status !== 'accepted').map((i) => i.name),
  };
}

// ---------- deadlines and ad hoc requests ----------

export async function getDeadline(deps: ReportsDeps, actor: Actor, q: { year: number; province?: string | undefined }) {
  assertCan(actor, 'reports.read');
  const code = q.province ?? actor.provinceCode;
  if (!code) throw badField('province', 'cần chọn tỉnh, thành phố');
  if (!inScope(actor, { provinceCode: code }) && scopeOf(actor).level !== 'commune') throw notFound();
  if (scopeOf(actor).level === 'commune' && actor.provinceCode !== code) throw notFound();
  const d = await repo.findAnnualDeadline(deps.db, code, q.year);
  return { provinceCode: code, year: q.year, deadline: deadlineOf('commune', q.year, d?.deadline), isDefault: !d };
}

export async function setDeadline(deps: ReportsDeps, actor: Actor, input: { year: number; deadline: string }, meta: RequestMeta) {
  assertCan(actor, 'reports.review');
  if (scopeOf(actor).level !== 'province' || !actor.provinceCode)
    throw forbidden('Hạn nộp báo cáo của các xã do Ủy ban nhân dân tỉnh quy định.');
  if (input.deadline < `${input.year}-01-01` || input.deadline > `${input.year + 1}-03-31`)
    throw badField('deadline', `phải nằm trong năm ${input.year} hoặc quý I năm ${input.year + 1}`);
  const code = actor.provinceCode;
  const before = await repo.findAnnualDeadline(deps.db, code, input.year);
  await deps.db.transaction(async (tx) => {
    await repo.upsertAnnualDeadline(tx, code, input.year, input.deadline, actor.username);
    await recordChange(tx, actor, meta, {
      action: 'report.deadline',
      entityType: 'report_request',
      entityId: `${code}:${input.year}`,
      provinceCode: code,
      before: before ? { deadline: before.deadline } : null,
      after: { deadline: input.deadline },
    });
  });
  return { provinceCode: code, year: input.year, deadline: input.deadline, isDefault: false };
}

export async function createAdhocRequest(deps: ReportsDeps, actor: Actor, input: CreateAdhocRequest, meta: RequestMeta) {
  assertCan(actor, 'reports.review');
  const s = scopeOf(actor);
  if (s.level !== 'nation' && s.level !== 'province') throw forbidden('Chỉ cấp tỉnh và cấp trung ương được yêu cầu báo cáo đột xuất.');
  if (input.deadline < deps.clock.today()) throw badField('deadline', 'không được trước ngày hôm nay');
  const row = await deps.db.transaction(async (tx) => {
    const r = await repo.insertRequest(tx, {
      kind: 'adhoc',
      year: input.year,
      title: input.title,
      requesterLevel: s.level === 'nation' ? 'nation' : 'province',
      requesterProvinceCode: s.level === 'province' ? actor.provinceCode : null,
      deadline: input.deadline,
      sections: input.sections,
      note: input.note ?? null,
      createdBy: actor.username,
      createdAt: deps.clock.now(),
    });
    await recordChange(tx, actor, meta, {
      action: 'report.request',
      entityType: 'report_request',
      entityId: r.id,
      provinceCode: r.requesterProvinceCode,
      after: input,
    });
    const ids = await repo.adminUserIds(
      tx,
      s.level === 'nation'
        ? { level: 'province', provinceCode: null, communeCode: null }
        : { level: 'commune', provinceCode: actor.provinceCode, communeCode: null },
    );
    await notify(
      tx,
      ids.map((userId) => ({
        userId,
        kind: 'report.requested',
        title: `Yêu cầu báo cáo đột xuất: ${r.title}`,
        body: `Hạn nộp ${r.deadline.split('-').reverse().join('/')}`,
        link: '/bao-cao',
        dedupeKey: `report-request:${r.id}`,
      })),
      deps.clock.now(),
    );
    return r;
  });
  return { ...row, myReportId: null };
}

export async function listAdhocRequests(deps: ReportsDeps, actor: Actor) {
  assertCan(actor, 'reports.read');
  const s = scopeOf(actor);
  let rows: repo.RequestRow[] = [];
  let myKey: string | null = null;
  if (s.level === 'nation') rows = await repo.adhocRequestsFor(deps.db, { asks: { level: 'nation' } });
  else if (s.level === 'province') {
    rows = await repo.adhocRequestsFor(deps.db, {
      asks: { level: 'province', provinceCode: actor.provinceCode },
      toProvince: actor.provinceCode!,
    });
    myKey = `province:${actor.provinceCode}`;
  } else if (s.level === 'commune' && actor.provinceCode) {
    rows = await repo.adhocRequestsFor(deps.db, { toCommuneOf: actor.provinceCode });
    myKey = `commune:${actor.communeCode}`;
  } else throw forbidden();
  const mine = myKey
    ? await repo.reportsForRequests(
        deps.db,
        rows.map((r) => r.id),
        myKey,
      )
    : [];
  const byReq = new Map(mine.map((m) => [m.requestId, m.id]));
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      year: r.year,
      deadline: r.deadline,
      sections: r.sections,
      note: r.note,
      requesterLevel: r.requesterLevel,
      requesterProvinceCode: r.requesterProvinceCode,
      myReportId: byReq.get(r.id) ?? null,
    })),
  };
}

/** For the files: the report and its numbers, after the read check. */
export async function reportForOutput(deps: ReportsDeps, actor: Actor, id: number) {
  const r = await repo.findReport(deps.db, id);
  if (!r) throw notFound('Không tìm thấy báo cáo');
  assertRead(actor, r);
  const request = r.requestId ? await repo.findRequest(deps.db, r.requestId) : undefined;
  return { r, sectionTitles: sectionTitlesFor(request?.sections) };
}

// ---------- for the warnings module (contract 6: "reports due") ----------

export interface DueReport {
  kind: ReportKind;
  year: number;
  requestId: number | null;
  title: string;
  deadline: string;
  reportId: number | null;
  status: ReportStatus | 'missing';
  overdue: boolean;
}

/**
 * Reports a province or a commune still has to send (not sent, or returned) whose deadline is on or before
 * `dueBy`: the annual report (province → 30/11; commune → its province's date, default 10/12), the mid-term
 * (2029) and final (2031) reports with the same deadlines, and ad hoc requests addressed to it.
 * Periodic reports have no request row, so a join on `request_id` alone cannot see them: use this.
 */
export async function dueReports(
  db: Db,
  scope: { level: 'province'; provinceCode: string } | { level: 'commune'; provinceCode: string; communeCode: string },
  today: string,
  dueBy: string,
): Promise<DueReport[]> {
  const level = scope.level;
  const scopeKey = level === 'province' ? `province:${scope.provinceCode}` : `commune:${(scope as { communeCode: string }).communeCode}`;
  const out: DueReport[] = [];
  const name = await dataRepo.scopeName(db, {
    level,
    provinceCode: scope.provinceCode,
    communeCode: level === 'commune' ? scope.communeCode : null,
  });
  const y = Number(dueBy.slice(0, 4));
  for (const year of [y - 1, y].filter((x) => x >= 2026 && x <= 2031)) {
    const deadline =
      level === 'province'
        ? deadlineOf('province', year)
        : deadlineOf('commune', year, (await repo.findAnnualDeadline(db, scope.provinceCode, year))?.deadline);
    if (deadline > dueBy) continue;
    const kinds: ReportKind[] = [
      'annual',
      ...(year === 2029 ? (['midterm'] as const) : []),
      ...(year === 2031 ? (['final'] as const) : []),
    ];
    for (const kind of kinds) {
      const r = await repo.findPeriodic(db, kind, year, scopeKey);
      const status = r?.status ?? 'missing';
      if (status === 'submitted' || status === 'accepted') continue;
      out.push({
        kind,
        year,
        requestId: null,
        title: r?.title ?? defaultTitle(kind, year, name),
        deadline,
        reportId: r?.id ?? null,
        status,
        overdue: isOverdue(status, deadline, today),
      });
    }
  }
  const requests = await repo.adhocRequestsFor(
    db,
    level === 'province' ? { toProvince: scope.provinceCode } : { toCommuneOf: scope.provinceCode },
  );
  const mine = new Map(
    (
      await repo.reportsForRequests(
        db,
        requests.map((q) => q.id),
        scopeKey,
      )
    ).map((m) => [m.requestId, m.id]),
  );
  for (const q of requests) {
    if (q.deadline > dueBy) continue;
    const reportId = mine.get(q.id) ?? null;
    const r = reportId ? await repo.findReport(db, reportId) : undefined;
    const status = r?.status ?? 'missing';
    if (status === 'submitted' || status === 'accepted') continue;
    out.push({
      kind: 'adhoc',
      year: q.year,
      requestId: q.id,
      title: q.title,
      deadline: q.deadline,
      reportId,
      status,
      overdue: isOverdue(status, q.deadline, today),
    });
  }
  return out.sort((a, b) => a.deadline.localeCompare(b.deadline));
}
