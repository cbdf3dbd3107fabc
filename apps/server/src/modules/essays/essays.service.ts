/**
 * Use cases of essays (bài thu hoạch, seed 004): the learner submits one per enrolment of a class whose
 * programme requires it (text or a PDF/DOCX file); the reviewer of the learner's province reads, tags,
 * flags proposals and exports them to .xlsx.
 */
import ExcelJS from 'exceljs';
import { LEARNER_UPLOAD_MAX_BYTES, type EssayFields, type EssayItem, type EssayListQuery, type ReviewEssayRequest } from '@app/shared';
import type { Clock } from '../../clock.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { assertCan, can, listScope, type Actor, type Target } from '../../authz/policy.ts';
import { badField, conflict, notFound, versionConflict } from '../../http/errors.ts';
import { recordChange, type RequestMeta } from '../audit/audit.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import type { UploadedFile } from '../../http/upload.ts';
import { checkUpload, FILE_KIND_MIME } from '../../http/upload.rules.ts';
import { enrolmentFacts } from '../self-reports/self-reports.repository.ts';
import * as repo from './essays.repository.ts';
import { essayProblem, normaliseTags, unknownTopics } from './essays.rules.ts';

export interface EssaysDeps {
  db: Db;
  clock: Clock;
}

const NOT_FOUND = 'Không tìm thấy bài thu hoạch.';
const ESSAY_KINDS = ['pdf', 'docx'] as const;

const targetOf = (r: { provinceCode: string; communeCode: string; officialId: string }): Target => ({
  provinceCode: r.provinceCode,
  communeCode: r.communeCode,
  officialId: r.officialId,
});
const isOwner = (actor: Actor, officialId: string) => actor.officialId !== null && actor.officialId === officialId;

function toItem(actor: Actor, r: repo.EssayRow, withBody = true): EssayItem {
  return {
    id: r.id,
    enrolmentId: r.enrolmentId,
    classId: r.classId,
    className: r.className,
    classCode: r.classCode,
    officialId: r.officialId,
    fullName: r.fullName,
    provinceCode: r.provinceCode,
    communeCode: r.communeCode,
    communeName: r.communeName,
    title: r.title,
    topics: r.topics,
    body: withBody ? r.body : r.body && r.body.length > 400 ? `${r.body.slice(0, 400)}…` : r.body,
    file: r.fileName ? { fileName: r.fileName, mime: r.fileMime!, size: r.fileSize! } : null,
    submittedOn: r.submittedOn,
    tags: r.tags,
    isProposal: r.isProposal,
    reviewNote: isOwner(actor, r.officialId) && !can(actor, 'essays.read', targetOf(r)) ? null : r.reviewNote,
    reviewedBy: r.reviewedBy,
    reviewedAt: r.reviewedAt ? new Date(r.reviewedAt).toISOString() : null,
    canReview: can(actor, 'essays.review', targetOf(r)),
    version: r.version,
  };
}

async function visible(db: DbOrTx, actor: Actor, id: number): Promise<repo.EssayRow> {
  const r = await repo.findById(db, id);
  if (!r) throw notFound(NOT_FOUND);
  if (isOwner(actor, r.officialId)) return r;
  if (!can(actor, 'essays.read', targetOf(r))) throw notFound(NOT_FOUND);
  return r;
}

export async function getEssay(deps: EssaysDeps, actor: Actor, id: number): Promise<EssayItem> {
  return toItem(actor, await visible(deps.db, actor, id));
}

export async function getFile(deps: EssaysDeps, actor: Actor, id: number) {
  await visible(deps.db, actor, id);
  const f = await repo.readFile(deps.db, id);
  if (!f) throw notFound('Bài thu hoạch này không có tệp đính kèm.');
  return f;
}

export async function listEssays(deps: EssaysDeps, actor: Actor, q: EssayListQuery) {
  if (!can(actor, 'essays.read')) {
    // A learner lists their own essays.
    if (!actor.officialId) assertCan(actor, 'essays.read');
    const { rows, total } = await repo.list(deps.db, { officialId: actor.officialId! }, q);
    return { items: rows.map((r) => toItem(actor, r, false)), total };
  }
  const scope = listScope(actor);
  if (!scope) return { items: [], total: 0 };
  const { rows, total } = await repo.list(deps.db, scope, q);
  return { items: rows.map((r) => toItem(actor, r, false)), total };
}

export async function classTopicsForLearner(
  deps: EssaysDeps,
  actor: Actor,
  enrolmentId: number,
): Promise<{ topics: string[]; requiresEssay: boolean }> {
  const e = await enrolmentFacts(deps.db, enrolmentId);
  if (!e || !isOwner(actor, e.officialId)) throw notFound('Không tìm thấy lượt cử đi học này trong hồ sơ của bạn.');
  return { topics: await repo.classTopics(deps.db, e.classId), requiresEssay: e.requiresEssay };
}

export async function submit(
  deps: EssaysDeps,
  actor: Actor,
  f: EssayFields,
  file: UploadedFile | null,
  meta: RequestMeta,
): Promise<EssayItem> {
  let stored: { fileName: string; mime: string; content: Buffer } | null = null;
  if (file) {
    const res = checkUpload(file.fileName, file.content, ESSAY_KINDS, LEARNER_UPLOAD_MAX_BYTES);
    if ('problem' in res) throw badField('file', res.problem);
    stored = { fileName: file.fileName.slice(0, 200), mime: FILE_KIND_MIME[res.kind], content: file.content };
  }
  if (!f.body && !stored) throw badField('body', 'cần nhập nội dung bài thu hoạch hoặc đính kèm tệp PDF/DOCX');
  const today = deps.clock.today();
  const id = await deps.db.transaction(async (tx) => {
    const e = await enrolmentFacts(tx, f.enrolmentId);
    if (!e || !isOwner(actor, e.officialId)) throw notFound('Không tìm thấy lượt cử đi học này trong hồ sơ của bạn.');
    const p = essayProblem({
      enrolmentStatus: e.enrolmentStatus,
      classStatus: e.classStatus,
      classStartDate: e.classStartDate,
      requiresEssay: e.requiresEssay,
      today,
    });
    if (p) throw conflict(p, 'enrolmentId');
    if (await repo.existsForEnrolment(tx, e.enrolmentId))
      throw conflict('Bạn đã nộp bài thu hoạch của lớp này; mỗi học viên chỉ nộp một bài.', 'enrolmentId');
    const unknown = unknownTopics(f.topics, await repo.classTopics(tx, e.classId));
    if (unknown.length) throw badField('topics', `không phải chuyên đề của lớp: ${unknown.join('; ')}`);
    const newId = await repo.insert(tx, {
      enrolmentId: e.enrolmentId,
      classId: e.classId,
      officialId: e.officialId,
      provinceCode: e.provinceCode,
      communeCode: e.communeCode,
      title: f.title,
      topics: f.topics,
      body: f.body,
      file: stored,
      today,
    });
    if (newId === null) throw conflict('Bạn đã nộp bài thu hoạch của lớp này; mỗi học viên chỉ nộp một bài.', 'enrolmentId');
    const reviewers = await repo.reviewersOf(tx, e.provinceCode);
    await notify(
      tx,
      reviewers.map((userId) => ({
        userId,
        kind: 'essay_submitted',
        title: `Bài thu hoạch mới: “${f.title}”`,
        body: `${e.fullName} — ${e.className}`,
        link: '/bai-thu-hoach',
        dedupeKey: `essay-submitted:${newId}`,
      })),
      meta.at ?? deps.clock.now(),
    );
    await recordChange(tx, actor, meta, {
      action: 'essay.submit',
      entityType: 'essay',
      entityId: newId,
      provinceCode: e.provinceCode,
      communeCode: e.communeCode,
      after: { enrolmentId: e.enrolmentId, title: f.title, topics: f.topics, file: stored?.fileName ?? null },
    });
    return newId;
  });
  return toItem(actor, (await repo.findById(deps.db, id))!);
}

export async function review(
  deps: EssaysDeps,
  actor: Actor,
  id: number,
  body: ReviewEssayRequest & { reviewNote: string | null },
  meta: RequestMeta,
): Promise<EssayItem> {
  await deps.db.transaction(async (tx) => {
    const r = await visible(tx, actor, id);
    assertCan(actor, 'essays.review', targetOf(r));
    await repo.lock(tx, id);
    const cur = (await repo.findById(tx, id))!;
    if (cur.version !== body.version) throw versionConflict(cur.reviewedAt);
    const tags = normaliseTags(body.tags);
    await repo.review(tx, id, {
      tags,
      isProposal: body.isProposal,
      reviewNote: body.reviewNote,
      by: actor.username,
      at: meta.at ?? deps.clock.now(),
    });
    await recordChange(tx, actor, meta, {
      action: 'essay.review',
      entityType: 'essay',
      entityId: id,
      provinceCode: cur.provinceCode,
      communeCode: cur.communeCode,
      before: { tags: cur.tags, isProposal: cur.isProposal, reviewNote: cur.reviewNote },
      after: { tags, isProposal: body.isProposal, reviewNote: body.reviewNote },
    });
  });
  return toItem(actor, (await repo.findById(deps.db, id))!);
}

/** The proposals (essays flagged as such) of the reviewer's scope as an .xlsx workbook. */
export async function exportProposals(deps: EssaysDeps, actor: Actor): Promise<Buffer> {
  assertCan(actor, 'essays.read');
  const scope = listScope(actor);
  const rows = scope ? (await repo.list(deps.db, scope, { proposal: true, page: 1, pageSize: 10_000 })).rows : [];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Phần mềm bồi dưỡng CBCC cấp xã';
  const ws = wb.addWorksheet('Đề xuất từ bài thu hoạch');
  ws.columns = [
    { header: 'STT', key: 'n', width: 6 },
    { header: 'Họ và tên', key: 'name', width: 26 },
    { header: 'Xã, phường', key: 'commune', width: 22 },
    { header: 'Lớp', key: 'class', width: 36 },
    { header: 'Tiêu đề bài thu hoạch', key: 'title', width: 40 },
    { header: 'Chuyên đề', key: 'topics', width: 30 },
    { header: 'Nhãn', key: 'tags', width: 24 },
    { header: 'Ghi chú của người đọc', key: 'note', width: 40 },
    { header: 'Ngày nộp', key: 'on', width: 12 },
    { header: 'Trích nội dung', key: 'body', width: 60 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { vertical: 'middle', wrapText: true };
  rows.forEach((r, i) => {
    ws.addRow({
      n: i + 1,
      name: r.fullName,
      commune: r.communeName ?? r.communeCode,
      class: r.className,
      title: r.title,
      topics: r.topics.join('; '),
      tags: r.tags.join('; '),
      note: r.reviewNote ?? '',
      on: r.submittedOn.split('-').reverse().join('/'),
      body: r.body ? r.body.slice(0, 1000) : r.fileName ? `(tệp đính kèm: ${r.fileName})` : '',
    }).alignment = { vertical: 'top', wrapText: true };
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
