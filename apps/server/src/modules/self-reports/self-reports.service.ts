/**
 * Use cases of self-reports (SPEC §7): the learner submits (and resubmits after a return) a report of
 * each class with an optional scan; the commune admin (or the unit head for own unit) confirms or
 * returns it. `overdueSelfReports` is what the warnings module and the reminder job read.
 */
import {
  LEARNER_UPLOAD_MAX_BYTES,
  SELF_REPORT_GRACE_DAYS,
  type SelfReportFields,
  type SelfReportItem,
  type SelfReportListQuery,
  type ReviewSelfReportRequest,
} from '@app/shared';
import type { Clock } from '../../clock.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { assertCan, can, listScope, type Actor, type Target } from '../../authz/policy.ts';
import { badField, conflict, notFound, versionConflict } from '../../http/errors.ts';
import { auditEntry, recordChange, type AuditChange, type RequestMeta } from '../audit/audit.service.ts';
import { notify, userIdsOfOfficials } from '../notifications/notifications.service.ts';
import { checkUpload, FILE_KIND_MIME, isoWeek } from '../learner/files.rules.ts';
import type { UploadedFile } from '../learner/multipart.ts';
import * as repo from './self-reports.repository.ts';
import { contentProblem, daysOverdue, editProblem, reportLastDay, reviewProblem, submitProblem } from './self-reports.rules.ts';

export interface SelfReportsDeps {
  db: Db;
  clock: Clock;
}

const NOT_FOUND = 'Không tìm thấy báo cáo kết quả học tập.';
const SCAN_KINDS = ['pdf', 'jpg', 'png'] as const;

const targetOf = (r: { provinceCode: string; communeCode: string; unitId: number | null; officialId: string }): Target => ({
  provinceCode: r.provinceCode,
  communeCode: r.communeCode,
  unitId: r.unitId,
  officialId: r.officialId,
});

function isOwner(actor: Actor, officialId: string): boolean {
  return actor.officialId !== null && actor.officialId === officialId;
}

function toItem(actor: Actor, r: repo.SelfReportRow): SelfReportItem {
  return {
    id: r.id,
    enrolmentId: r.enrolmentId,
    officialId: r.officialId,
    fullName: r.fullName,
    communeCode: r.communeCode,
    communeName: r.communeName,
    unitName: r.unitName,
    classId: r.classId,
    classCode: r.classCode,
    className: r.className,
    classEndDate: r.classEndDate,
    submittedOn: r.submittedOn,
    lastSubmittedOn: r.lastSubmittedOn,
    status: r.status,
    completed: r.completed,
    score: r.score === null ? null : Number(r.score),
    certificateNo: r.certificateNo,
    applyAtWork: r.applyAtWork,
    reviewComment: r.reviewComment,
    reviewedBy: r.reviewedBy,
    reviewedAt: r.reviewedAt ? new Date(r.reviewedAt).toISOString() : null,
    scan: r.fileName ? { fileName: r.fileName, mime: r.mime!, size: r.size! } : null,
    canReview: r.status === 'submitted' && can(actor, 'selfReports.review', targetOf(r)),
    version: r.version,
  };
}

/** The report when the actor may see it: its owner, or a reader in scope; 404 otherwise. */
async function visible(db: DbOrTx, actor: Actor, id: number): Promise<repo.SelfReportRow> {
  const r = await repo.findById(db, id);
  if (!r) throw notFound(NOT_FOUND);
  if (isOwner(actor, r.officialId)) return r;
  if (!can(actor, 'selfReports.read', targetOf(r))) throw notFound(NOT_FOUND);
  return r;
}

export async function getReport(deps: SelfReportsDeps, actor: Actor, id: number): Promise<SelfReportItem> {
  return toItem(actor, await visible(deps.db, actor, id));
}

export async function getScan(deps: SelfReportsDeps, actor: Actor, id: number) {
  await visible(deps.db, actor, id);
  const f = await repo.readFile(deps.db, id);
  if (!f) throw notFound('Báo cáo này không có bản chụp đính kèm.');
  return f;
}

export async function listReports(deps: SelfReportsDeps, actor: Actor, q: SelfReportListQuery) {
  assertCan(actor, 'selfReports.read');
  const scope = listScope(actor);
  if (!scope) return { items: [], total: 0 };
  const { rows, total } = await repo.list(deps.db, scope, q);
  return { items: rows.map((r) => toItem(actor, r)), total };
}

function checkScan(file: UploadedFile | null) {
  if (!file) return null;
  const res = checkUpload(file.fileName, file.content, SCAN_KINDS, LEARNER_UPLOAD_MAX_BYTES);
  if ('problem' in res) throw badField('file', res.problem);
  return { fileName: file.fileName.slice(0, 200), mime: FILE_KIND_MIME[res.kind], content: file.content };
}

/**
 * Submit the report of one enrolment (the learner's own). A second submission of a report waiting
 * for review or returned replaces its content; submitted_on keeps the date of the first one.
 */
export async function submit(
  deps: SelfReportsDeps,
  actor: Actor,
  f: SelfReportFields,
  file: UploadedFile | null,
  meta: RequestMeta,
): Promise<SelfReportItem> {
  const scan = checkScan(file);
  const cp = contentProblem(f);
  if (cp) throw badField(cp.field, cp.message);
  const today = deps.clock.today();
  const values = { today, completed: f.completed, score: f.score, certificateNo: f.certificateNo, applyAtWork: f.applyAtWork };
  /** Ownership, the class and enrolment, the report's state and the version the form was loaded with. */
  const check = (e: Awaited<ReturnType<typeof repo.enrolmentForSubmit>>) => {
    // Only the learner's own enrolments exist for them.
    if (!e || !isOwner(actor, e.officialId)) throw notFound('Không tìm thấy lượt cử đi học này trong hồ sơ của bạn.');
    const problem = submitProblem({ enrolmentStatus: e.enrolmentStatus, classStatus: e.classStatus, classEndDate: e.classEndDate, today });
    if (problem) throw conflict(problem, 'enrolmentId');
    if (e.report) {
      const ep = editProblem(e.report.status);
      if (ep) throw conflict(ep);
      if (f.version !== undefined && f.version !== e.report.version) throw versionConflict(e.report.reviewedAt);
    }
    return e;
  };
  const audit = (e: NonNullable<Awaited<ReturnType<typeof repo.enrolmentForSubmit>>>, reportId: number): AuditChange => ({
    action: e.report ? 'selfReport.resubmit' : 'selfReport.submit',
    entityType: 'self_report',
    entityId: reportId,
    provinceCode: e.provinceCode,
    communeCode: e.communeCode,
    before: e.report ? { status: e.report.status, completed: e.report.completed, score: e.report.score } : null,
    after: {
      enrolmentId: e.enrolmentId,
      completed: f.completed,
      score: f.score,
      certificateNo: f.certificateNo,
      scan: scan?.fileName ?? null,
    },
  });

  // The common case, a resubmission without a new scan: two round trips and no explicit transaction —
  // one read with every check above, then one statement that updates the report only if it is still as
  // read and writes its audit row (atomic). If the report changed in between, the locking path decides.
  if (!scan) {
    const e = check(await repo.enrolmentForSubmit(deps.db, f.enrolmentId, { lock: false }));
    if (e.report) {
      const saved = await repo.resubmitIfUnchanged(deps.db, e.report, values, auditEntry(actor, meta, audit(e, e.report.id)));
      if (saved) return toItem(actor, saved);
    }
  }

  const row = await deps.db.transaction(async (tx) => {
    // The enrolment and its report (locked) in one round trip.
    const e = check(await repo.enrolmentForSubmit(tx, f.enrolmentId, { lock: true }));
    const existing = e.report;
    let saved: repo.SelfReportRow;
    if (existing) {
      if (scan) await repo.saveFile(tx, existing.id, scan);
      // The update returns the whole report (with the file just saved): no re-read after the transaction.
      saved = await repo.resubmit(tx, existing.id, values);
    } else {
      const newId = await repo.insert(tx, {
        enrolmentId: e.enrolmentId,
        officialId: e.officialId,
        provinceCode: e.provinceCode,
        communeCode: e.communeCode,
        unitId: e.unitId,
        classId: e.classId,
        today,
        completed: f.completed,
        score: f.score,
        certificateNo: f.certificateNo,
        applyAtWork: f.applyAtWork,
      });
      if (newId === null) throw conflict('Báo cáo của lượt học này vừa được gửi từ một phiên khác; hãy tải lại trang.');
      if (scan) await repo.saveFile(tx, newId, scan);
      saved = (await repo.findById(tx, newId))!;
    }
    await recordChange(tx, actor, meta, audit(e, saved.id));
    return saved;
  });
  return toItem(actor, row);
}

export async function reviewReport(
  deps: SelfReportsDeps,
  actor: Actor,
  id: number,
  body: ReviewSelfReportRequest,
  meta: RequestMeta,
): Promise<SelfReportItem> {
  await deps.db.transaction(async (tx) => {
    const r = await visible(tx, actor, id);
    assertCan(actor, 'selfReports.review', targetOf(r));
    await repo.lock(tx, id);
    const cur = (await repo.findById(tx, id))!;
    if (cur.version !== body.version) throw versionConflict(cur.reviewedAt);
    const p = reviewProblem(cur.status, body.decision, body.comment);
    if (p) throw p.field ? badField(p.field, p.message.replace(/^Ý kiến: /, '')) : conflict(p.message);
    const status = body.decision === 'confirm' ? 'confirmed' : 'returned';
    await repo.review(tx, id, status, body.comment?.trim() || null, actor.username, meta.at ?? deps.clock.now());
    await recordChange(tx, actor, meta, {
      action: `selfReport.${body.decision}`,
      entityType: 'self_report',
      entityId: id,
      provinceCode: cur.provinceCode,
      communeCode: cur.communeCode,
      before: { status: cur.status },
      after: { status, comment: body.comment ?? null },
    });
    if (status === 'returned') {
      const users = await userIdsOfOfficials(tx, [cur.officialId]);
      const userId = users.get(cur.officialId);
      if (userId) {
        await notify(
          tx,
          [
            {
              userId,
              kind: 'self_report_returned',
              title: `Báo cáo kết quả lớp “${cur.className}” được trả lại để bổ sung`,
              body: body.comment?.trim(),
              link: `/bao-cao-ket-qua/${cur.enrolmentId}`,
              dedupeKey: `self-report-returned:${id}:v${cur.version}`,
            },
          ],
          meta.at ?? deps.clock.now(),
        );
      }
    }
  });
  return toItem(actor, (await repo.findById(deps.db, id))!);
}

/** Scope for `overdueSelfReports` (same shape as the KPI scope, plus a unit). */
export type OverdueScope =
  | { level: 'nation' }
  | { level: 'province'; provinceCode: string }
  | { level: 'commune'; communeCode: string }
  | { level: 'unit'; communeCode: string; unitId: number };

export type OverdueSelfReport = repo.OverdueRow & {
  dueOn: string;
  lastDay: string;
  daysOverdue: number;
};

/**
 * Enrolments whose self-report is overdue on `asOf`: nominated, the class ended more than
 * SELF_REPORT_GRACE_DAYS days before, and no report submitted by then. For warnings (H5) and reminders.
 */
export async function overdueSelfReports(db: DbOrTx, scope: OverdueScope, asOf: string): Promise<OverdueSelfReport[]> {
  const s =
    scope.level === 'province'
      ? { provinceCode: scope.provinceCode }
      : scope.level === 'commune'
        ? { communeCode: scope.communeCode }
        : scope.level === 'unit'
          ? { communeCode: scope.communeCode, unitId: scope.unitId }
          : {};
  const rows = await repo.overdue(db, s, asOf, SELF_REPORT_GRACE_DAYS);
  return rows.map((r) => ({
    ...r,
    dueOn: r.classEndDate,
    lastDay: reportLastDay(r.classEndDate),
    daysOverdue: daysOverdue(r.classEndDate, asOf),
  }));
}

/** The overdue list of the actor's scope (commune admins, unit heads, province and national admins). */
export async function listOverdue(deps: SelfReportsDeps, actor: Actor, asOf?: string) {
  assertCan(actor, 'selfReports.read');
  const ls = listScope(actor);
  const day = asOf ?? deps.clock.today();
  if (!ls || ls.officialId) return { asOf: day, graceDays: SELF_REPORT_GRACE_DAYS, items: [] };
  const scope: OverdueScope =
    ls.unitId !== undefined && ls.communeCode
      ? { level: 'unit', communeCode: ls.communeCode, unitId: ls.unitId }
      : ls.communeCode
        ? { level: 'commune', communeCode: ls.communeCode }
        : ls.provinceCode
          ? { level: 'province', provinceCode: ls.provinceCode }
          : { level: 'nation' };
  const rows = await overdueSelfReports(deps.db, scope, day);
  return {
    asOf: day,
    graceDays: SELF_REPORT_GRACE_DAYS,
    items: rows.map((r) => ({
      enrolmentId: r.enrolmentId,
      officialId: r.officialId,
      fullName: r.fullName,
      communeCode: r.communeCode,
      unitId: r.unitId,
      classId: r.classId,
      className: r.className,
      classEndDate: r.classEndDate,
      dueOn: r.dueOn,
      daysOverdue: r.daysOverdue,
    })),
  };
}

/**
 * The reminder job: one notification per overdue enrolment per ISO week (dedupe key), to the
 * learner's account. Returns how many notifications were created.
 */
export async function remindOverdue(db: Db, today: string, now: Date): Promise<number> {
  const rows = await overdueSelfReports(db, { level: 'nation' }, today);
  if (rows.length === 0) return 0;
  const users = await userIdsOfOfficials(db, [...new Set(rows.map((r) => r.officialId))]);
  const week = isoWeek(today);
  const items = rows
    .filter((r) => users.has(r.officialId))
    .map((r) => ({
      userId: users.get(r.officialId)!,
      kind: 'self_report_overdue',
      title: `Nhắc nộp báo cáo kết quả lớp “${r.className}”`,
      body: `Lớp kết thúc ngày ${r.classEndDate.split('-').reverse().join('/')}; báo cáo đã quá hạn ${r.daysOverdue} ngày. Bạn vui lòng nộp trên phần mềm.`,
      link: `/bao-cao-ket-qua/${r.enrolmentId}`,
      dedupeKey: `self-report-overdue:${r.enrolmentId}:${week}`,
    }));
  return notify(db, items, now);
}
