/** The library's use cases (SPEC §11): materials, workflow, files, search, self-study, recommendations. */
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  LIBRARY_DOCUMENT_MAX_BYTES,
  LIBRARY_VIDEO_MAX_BYTES,
  PROGRAMME_TYPE_LABELS,
  REGION_TYPE_LABELS,
  TRAINING_FIELD_LABELS,
  type LibraryListQuery,
  type LibraryMaterialDetail,
  type LibraryMaterialInput,
  type LibraryMaterialPatch,
  type LibraryMaterialSummary,
  type LibraryProgressMineResponse,
  type LibraryProgressRequest,
  type LibraryQuizResponse,
  type LibraryRecommendationsResponse,
  type LibraryReviewRequest,
  type LibrarySearchResponse,
} from '@app/shared';
import type { Actor } from '../../authz/policy.ts';
import { assertCan, assertLibrary, canActOnLibraryMaterial, canSeeLibraryMaterial, inLibraryScope } from '../../authz/policy.ts';
import type { Clock } from '../../clock.ts';
import type { AppConfig } from '../../config.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError, badField, conflict, notFound } from '../../http/errors.ts';
import { recordChange, type RequestMeta } from '../audit/audit.service.ts';
import { ExtractError, extractDocx, extractPdf, extractPptx } from './library.extract.ts';
import * as repo from './library.repository.ts';
import { headingsOf, scoreQuiz, sniff, snippet, splitPassages } from './library.rules.ts';
import { libraryStorage, StorageError, type ByteRange, type LibraryStorage } from './library.storage.ts';
import { Zip } from '../roster-import/zip-reader.ts';

export interface LibraryDeps {
  db: Db;
  clock: Clock;
  config: Pick<AppConfig, 'dataDir'>;
  storage?: LibraryStorage;
}

const storageOf = (deps: LibraryDeps) => deps.storage ?? libraryStorage(deps.config.dataDir);

/** A failing object store is a 503 in Vietnamese for the user, never a 500 with S3's words. */
async function viaStorage<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof StorageError) {
      throw Object.assign(new AppError(503, 'INTERNAL', 'Kho lưu trữ tệp học liệu tạm thời không phản hồi; xin thử lại sau ít phút.'), {
        cause: err,
      });
    }
    throw err;
  }
}

/** What the actor sees, from policy.ts, in the form the repository filters by. */
export function visibilityOf(actor: Actor): repo.LibraryVisibility {
  const nation = inLibraryScope(actor, '\u0000');
  const manages = (p: string | null) =>
    canActOnLibraryMaterial(actor, 'library.manage', p) || canActOnLibraryMaterial(actor, 'library.review', p);
  const drafts: repo.LibraryVisibility['drafts'] = nation
    ? manages(null)
      ? { kind: 'all' }
      : { kind: 'none' }
    : actor.provinceCode && manages(actor.provinceCode)
      ? { kind: 'province', provinceCode: actor.provinceCode }
      : !actor.provinceCode && manages(null)
        ? { kind: 'national' }
        : { kind: 'none' };
  return { publishedAll: nation, publishedProvince: actor.provinceCode, drafts };
}

const targetOf = (m: repo.MaterialRow) => ({ provinceCode: m.scopeProvinceCode, status: m.status });

function summaryOf(r: repo.SearchHit): LibraryMaterialSummary {
  return {
    id: r.id,
    type: r.type as LibraryMaterialSummary['type'],
    title: r.title,
    summary: r.summary,
    status: r.status as LibraryMaterialSummary['status'],
    provinceCode: r.scope_province_code,
    fields: r.fields,
    version: r.version,
    ownerName: r.owner_name,
    updatedAt: new Date(r.updated_at).toISOString(),
    hasFile: r.has_file,
  };
}

export async function listMaterials(deps: LibraryDeps, actor: Actor, q: z.infer<typeof LibraryListQuery>) {
  assertCan(actor, 'library.read');
  const f = { ...q, q: q.q?.normalize('NFC') };
  let rows = await repo.searchMaterials(deps.db, visibilityOf(actor), false, f, q.page, q.pageSize);
  if (rows.length === 0 && f.q && q.page === 1)
    rows = await repo.searchMaterials(deps.db, visibilityOf(actor), false, f, q.page, q.pageSize, 'fuzzy');
  return { items: rows.map(summaryOf), total: rows[0]?.total ?? 0 };
}

/** Public search API: published materials in the caller's scope, ranked, with highlighted snippets. */
export async function search(deps: LibraryDeps, actor: Actor, q: z.infer<typeof LibraryListQuery>): Promise<LibrarySearchResponse> {
  assertCan(actor, 'library.read');
  const text = q.q?.normalize('NFC').trim() ?? '';
  let rows = await repo.searchMaterials(deps.db, visibilityOf(actor), true, { ...q, q: text }, q.page, q.pageSize);
  if (rows.length === 0 && text && q.page === 1) {
    rows = await repo.searchMaterials(deps.db, visibilityOf(actor), true, { ...q, q: text }, q.page, q.pageSize, 'fuzzy');
  }
  return {
    items: rows.map((r) => ({ id: r.id, title: r.title, type: r.type, snippet: text ? snippet(r.body, text) : snippet(r.summary, '') })),
    total: rows[0]?.total ?? 0,
  };
}

async function visibleMaterial(db: DbOrTx, actor: Actor, id: string, forUpdate = false): Promise<repo.MaterialRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('Không tìm thấy học liệu');
  const m = await repo.findMaterial(db, id, forUpdate);
  if (!m || !canSeeLibraryMaterial(actor, targetOf(m))) throw notFound('Không tìm thấy học liệu');
  return m;
}

export async function getMaterial(deps: LibraryDeps, actor: Actor, id: string): Promise<LibraryMaterialDetail> {
  const m = await visibleMaterial(deps.db, actor, id);
  const canEdit = canActOnLibraryMaterial(actor, 'library.manage', m.scopeProvinceCode);
  const [sections, versions, progress] = await Promise.all([
    repo.listPassages(deps.db, m.id),
    repo.listVersions(deps.db, m.id),
    repo.findProgress(deps.db, actor.id, m.id),
  ]);
  return {
    id: m.id,
    type: m.type,
    title: m.title,
    summary: m.summary,
    status: m.status,
    provinceCode: m.scopeProvinceCode,
    fields: m.fields,
    positions: m.positions,
    regionTypes: m.regionTypes,
    programmeTypes: m.programmeTypes,
    licence: m.licence,
    version: m.version,
    ownerName: m.ownerName,
    updatedAt: m.updatedAt.toISOString(),
    hasFile: m.fileKey !== null,
    fileName: m.fileName,
    mime: m.mime,
    sizeBytes: m.sizeBytes,
    hasPoster: m.posterKey !== null,
    reviewerName: m.reviewerName,
    reviewNote: m.reviewNote,
    publishedAt: m.publishedAt?.toISOString() ?? null,
    sections,
    quiz: m.quiz.map((q) => ({ question: q.question, options: q.options })),
    versions: versions.map((v) => ({ ...v, at: v.at.toISOString() })),
    can: { edit: canEdit, review: canActOnLibraryMaterial(actor, 'library.review', m.scopeProvinceCode) },
    bodyText: canEdit && m.fileKey === null ? m.bodyText : null,
    progress: progress
      ? {
          status: progress.status,
          progressPercent: progress.progress_percent,
          positionSeconds: Number(progress.position_seconds),
          quizBestScore: progress.quiz_best_score,
        }
      : null,
  };
}

function snapshotOf(m: repo.MaterialRow) {
  const { bodyText, search: _s, searchHead: _h, ...rest } = m;
  return { ...rest, bodyTextLength: bodyText.length };
}

async function reindex(tx: DbOrTx, id: string, body: string): Promise<{ headings: string }> {
  await repo.replacePassages(tx, id, splitPassages(body));
  return { headings: headingsOf(body) };
}

export async function createMaterial(deps: LibraryDeps, actor: Actor, input: LibraryMaterialInput, meta: RequestMeta) {
  const provinceCode = input.provinceCode;
  assertCan(actor, 'library.manage');
  if (!canActOnLibraryMaterial(actor, 'library.manage', provinceCode)) {
    if (actor.provinceCode && provinceCode === null) {
      throw badField(
        'provinceCode',
        'tài khoản cấp tỉnh chỉ đăng học liệu dùng trong tỉnh mình; học liệu dùng chung toàn quốc do Bộ Nội vụ đăng',
      );
    }
    assertLibrary(actor, 'library.manage', { provinceCode, status: 'draft' });
  }
  const at = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const body = input.bodyText.normalize('NFC');
    const m = await repo.insertMaterial(tx, {
      type: input.type,
      title: input.title.normalize('NFC'),
      summary: input.summary.normalize('NFC'),
      fields: input.fields,
      positions: input.positions,
      regionTypes: input.regionTypes,
      programmeTypes: input.programmeTypes,
      licence: input.licence,
      scopeProvinceCode: provinceCode,
      ownerId: actor.id,
      ownerName: actor.fullName,
      bodyText: body,
      headings: headingsOf(body),
      quiz: input.quiz,
      createdAt: at,
      updatedAt: at,
    });
    if (body) await repo.replacePassages(tx, m.id, splitPassages(body));
    await repo.insertVersion(tx, {
      materialId: m.id,
      version: 1,
      action: 'create',
      note: null,
      byName: actor.fullName,
      at,
      snapshot: snapshotOf(m),
    });
    await recordChange(
      tx,
      actor,
      { ...meta, at },
      { action: 'library.create', entityType: 'library_material', entityId: m.id, provinceCode, after: snapshotOf(m) },
    );
    return { id: m.id };
  });
}

/** Any edit makes a new version and sends the material back to draft for review. */
export async function updateMaterial(
  deps: LibraryDeps,
  actor: Actor,
  id: string,
  patch: z.infer<typeof LibraryMaterialPatch>,
  meta: RequestMeta,
) {
  const at = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const m = await visibleMaterial(tx, actor, id, true);
    assertLibrary(actor, 'library.manage', targetOf(m));
    if (patch.provinceCode !== undefined && patch.provinceCode !== m.scopeProvinceCode) {
      if (!canActOnLibraryMaterial(actor, 'library.manage', patch.provinceCode))
        throw badField('provinceCode', 'bạn không được chuyển học liệu sang phạm vi này');
    }
    const body = patch.bodyText !== undefined ? patch.bodyText.normalize('NFC') : undefined;
    const next = await repo.updateMaterial(tx, m.id, {
      ...(patch.type ? { type: patch.type } : {}),
      ...(patch.title ? { title: patch.title.normalize('NFC') } : {}),
      ...(patch.summary !== undefined ? { summary: patch.summary.normalize('NFC') } : {}),
      ...(patch.fields ? { fields: patch.fields } : {}),
      ...(patch.positions ? { positions: patch.positions } : {}),
      ...(patch.regionTypes ? { regionTypes: patch.regionTypes } : {}),
      ...(patch.programmeTypes ? { programmeTypes: patch.programmeTypes } : {}),
      ...(patch.licence !== undefined ? { licence: patch.licence } : {}),
      ...(patch.provinceCode !== undefined ? { scopeProvinceCode: patch.provinceCode } : {}),
      ...(patch.quiz ? { quiz: patch.quiz } : {}),
      ...(body !== undefined ? { bodyText: body, ...(await reindex(tx, m.id, body)) } : {}),
      status: 'draft',
      version: m.version + 1,
      updatedAt: at,
    });
    await repo.insertVersion(tx, {
      materialId: m.id,
      version: next.version,
      action: 'edit',
      note: patch.note ?? null,
      byName: actor.fullName,
      at,
      snapshot: snapshotOf(next),
    });
    await recordChange(
      tx,
      actor,
      { ...meta, at },
      {
        action: 'library.update',
        entityType: 'library_material',
        entityId: m.id,
        provinceCode: m.scopeProvinceCode,
        before: snapshotOf(m),
        after: snapshotOf(next),
      },
    );
    return { id: m.id };
  });
}

const TRANSITIONS: Record<string, { from: string[]; to: 'draft' | 'approved' | 'published' }> = {
  approve: { from: ['draft'], to: 'approved' },
  publish: { from: ['approved'], to: 'published' },
  return: { from: ['draft', 'approved'], to: 'draft' },
  unpublish: { from: ['published'], to: 'draft' },
};
const ACTION_LABEL: Record<string, string> = { approve: 'duyệt', publish: 'công bố', return: 'trả lại', unpublish: 'thu hồi' };

export async function review(deps: LibraryDeps, actor: Actor, id: string, req: z.infer<typeof LibraryReviewRequest>, meta: RequestMeta) {
  const at = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const m = await visibleMaterial(tx, actor, id, true);
    assertLibrary(actor, 'library.review', targetOf(m));
    const t = TRANSITIONS[req.action]!;
    if (!t.from.includes(m.status)) {
      throw conflict(
        `Không thể ${ACTION_LABEL[req.action]} học liệu đang ở trạng thái “${m.status === 'draft' ? 'bản nháp' : m.status === 'approved' ? 'đã duyệt' : 'đã công bố'}”.`,
      );
    }
    if (req.action === 'approve' && m.ownerId === actor.id && actor.role !== 'national_admin') {
      throw new AppError(403, 'FORBIDDEN', 'Người đăng học liệu không tự duyệt học liệu của mình; cần một người duyệt khác.');
    }
    if (req.action === 'return' && !req.note) throw badField('note', 'cần ghi lý do trả lại');
    if (req.action === 'publish' && !m.bodyText && !m.fileKey && m.quiz.length === 0) {
      throw conflict('Học liệu chưa có nội dung hoặc tệp đính kèm nên chưa công bố được.');
    }
    const next = await repo.updateMaterial(tx, m.id, {
      status: t.to,
      reviewerId: actor.id,
      reviewerName: actor.fullName,
      reviewedAt: at,
      reviewNote: req.note ?? null,
      ...(t.to === 'published' ? { publishedAt: at } : {}),
      updatedAt: at,
    });
    await repo.insertVersion(tx, {
      materialId: m.id,
      version: m.version,
      action: req.action,
      note: req.note ?? null,
      byName: actor.fullName,
      at,
      snapshot: snapshotOf(next),
    });
    await recordChange(
      tx,
      actor,
      { ...meta, at },
      {
        action: `library.${req.action}`,
        entityType: 'library_material',
        entityId: m.id,
        provinceCode: m.scopeProvinceCode,
        before: { status: m.status },
        after: { status: t.to, note: req.note ?? null },
      },
    );
    return { id: m.id, status: t.to };
  });
}

const MB = (n: number) => Math.round(n / 1024 / 1024);

/** Upload the material's file (or its poster): checked by content, text extracted, stored, versioned. */
export async function uploadFile(
  deps: LibraryDeps,
  actor: Actor,
  id: string,
  upload: { data: Buffer; fileName: string },
  kind: 'file' | 'poster',
  meta: RequestMeta,
) {
  const pre = await visibleMaterial(deps.db, actor, id);
  assertLibrary(actor, 'library.manage', targetOf(pre));
  const buf = upload.data;
  if (buf.length === 0) throw badField(kind, 'tệp rỗng');
  let zip: Zip | null = null;
  if (buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50) {
    try {
      zip = new Zip(buf, 50 * 1024 * 1024);
    } catch {
      throw badField(kind, 'tệp nén bị hỏng, không mở được (tệp DOCX/PPTX hỏng?)');
    }
  }
  const kindOf = sniff(buf, (n) => zip?.has(n) ?? false);
  let mime: string;
  let text = '';
  if (kind === 'poster') {
    if (kindOf !== 'png' && kindOf !== 'jpeg') throw badField('poster', 'ảnh đại diện phải là ảnh PNG hoặc JPEG');
    if (buf.length > 5 * 1024 * 1024) throw badField('poster', 'ảnh đại diện vượt quá 5 MB');
    mime = kindOf === 'png' ? 'image/png' : 'image/jpeg';
  } else if (pre.type === 'video') {
    if (kindOf !== 'mp4') throw badField('file', 'video phải là tệp MP4 (H.264); nội dung tệp gửi lên không phải MP4');
    if (buf.length > LIBRARY_VIDEO_MAX_BYTES) throw badField('file', `video vượt quá ${MB(LIBRARY_VIDEO_MAX_BYTES)} MB`);
    mime = 'video/mp4';
  } else {
    if (buf.length > LIBRARY_DOCUMENT_MAX_BYTES) throw badField('file', `tài liệu vượt quá ${MB(LIBRARY_DOCUMENT_MAX_BYTES)} MB`);
    try {
      if (kindOf === 'pdf') {
        mime = 'application/pdf';
        text = await extractPdf(buf);
      } else if (kindOf === 'docx') {
        mime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
        text = extractDocx(buf);
      } else if (kindOf === 'pptx' && pre.type === 'slides') {
        mime = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
        text = extractPptx(buf);
      } else {
        throw badField(
          'file',
          pre.type === 'slides' ? 'bài giảng phải là tệp PPTX hoặc PDF' : 'tài liệu phải là tệp PDF hoặc DOCX (nội dung tệp không khớp)',
        );
      }
    } catch (err) {
      if (err instanceof ExtractError) throw badField('file', `tệp ${kindOf.toUpperCase()} bị hỏng, không đọc được nội dung`);
      throw err;
    }
  }
  const key = `${pre.id}/${kind}-${crypto.randomBytes(6).toString('hex')}.${mime
    .split('/')[1]!
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 8)}`;
  const storage = storageOf(deps);
  await viaStorage(() => storage.put(key, buf, mime));
  const at = deps.clock.now();
  const saved = deps.db.transaction(async (tx) => {
    const m = await visibleMaterial(tx, actor, id, true);
    const body = text ? text.normalize('NFC') : null;
    const fileName =
      [...upload.fileName.normalize('NFC')]
        .filter((ch) => ch.charCodeAt(0) >= 32 && ch !== '<' && ch !== '>')
        .join('')
        .slice(0, 200) || 'tep';
    const next = await repo.updateMaterial(tx, m.id, {
      ...(kind === 'poster'
        ? { posterKey: key }
        : {
            fileKey: key,
            fileName,
            mime,
            sizeBytes: buf.length,
            ...(body !== null ? { bodyText: body, ...(await reindex(tx, m.id, body)) } : {}),
          }),
      status: 'draft',
      version: m.version + 1,
      updatedAt: at,
    });
    await repo.insertVersion(tx, {
      materialId: m.id,
      version: next.version,
      action: kind === 'poster' ? 'poster' : 'upload',
      note: fileName,
      byName: actor.fullName,
      at,
      snapshot: snapshotOf(next),
    });
    await recordChange(
      tx,
      actor,
      { ...meta, at },
      {
        action: `library.upload_${kind}`,
        entityType: 'library_material',
        entityId: m.id,
        provinceCode: m.scopeProvinceCode,
        after: { fileName, mime, sizeBytes: buf.length, textLength: body?.length ?? 0 },
      },
    );
    return { id: m.id, mime, sizeBytes: buf.length, textLength: body?.length ?? 0 };
  });
  // Nothing points at the new object when the transaction fails: remove it rather than leave an orphan.
  return saved.catch(async (err: unknown) => {
    await storage.delete(key).catch(() => undefined);
    throw err;
  });
}

/** The file (or poster) of a visible material, for streaming with HTTP range requests. */
export async function fileOf(deps: LibraryDeps, actor: Actor, id: string, kind: 'file' | 'poster') {
  const m = await visibleMaterial(deps.db, actor, id);
  const key = kind === 'file' ? m.fileKey : m.posterKey;
  if (!key) throw notFound(kind === 'file' ? 'Học liệu này chưa có tệp' : 'Học liệu này chưa có ảnh đại diện');
  const storage = storageOf(deps);
  const size = await viaStorage(() => storage.size(key));
  if (size === null) throw notFound('Không tìm thấy tệp của học liệu trong kho lưu trữ');
  const mime = kind === 'file' ? (m.mime ?? 'application/octet-stream') : key.endsWith('.png') ? 'image/png' : 'image/jpeg';
  return { size, mime, fileName: m.fileName ?? 'tep', read: (range?: ByteRange) => viaStorage(() => storage.read(key, range)) };
}

export async function recordProgress(deps: LibraryDeps, actor: Actor, id: string, req: z.infer<typeof LibraryProgressRequest>) {
  const m = await visibleMaterial(deps.db, actor, id);
  if (m.status !== 'published') return { ok: true };
  const prev = await repo.findProgress(deps.db, actor.id, m.id);
  const percent = Math.max(prev?.progress_percent ?? 0, req.event === 'complete' ? 100 : (req.progressPercent ?? 0));
  const completed = prev?.status === 'completed' || req.event === 'complete' || percent >= 95;
  await repo.upsertProgress(deps.db, {
    userId: actor.id,
    materialId: m.id,
    officialId: actor.officialId,
    status: completed ? 'completed' : req.event === 'open' ? (prev?.status ?? 'opened') : 'in_progress',
    progressPercent: completed ? Math.max(percent, 100) : percent,
    positionSeconds: req.positionSeconds ?? Number(prev?.position_seconds ?? 0),
    quizBestScore: prev?.quiz_best_score ?? null,
    quizAttempts: prev?.quiz_attempts ?? 0,
    at: deps.clock.now(),
    completed,
  });
  return { ok: true };
}

export async function submitQuiz(deps: LibraryDeps, actor: Actor, id: string, answers: number[]): Promise<LibraryQuizResponse> {
  const m = await visibleMaterial(deps.db, actor, id);
  if (m.quiz.length === 0) throw badField('answers', 'học liệu này không có câu hỏi trắc nghiệm');
  if (answers.length !== m.quiz.length) throw badField('answers', `cần trả lời đủ ${m.quiz.length} câu (gửi -1 cho câu bỏ qua)`);
  const r = scoreQuiz(
    answers,
    m.quiz.map((q) => q.answer),
  );
  const prev = await repo.findProgress(deps.db, actor.id, m.id);
  const best = Math.max(prev?.quiz_best_score ?? 0, r.score);
  if (m.status === 'published') {
    const done = prev?.status === 'completed' || r.score >= 50;
    await repo.upsertProgress(deps.db, {
      userId: actor.id,
      materialId: m.id,
      officialId: actor.officialId,
      status: done ? 'completed' : 'in_progress',
      progressPercent: done ? 100 : Math.max(prev?.progress_percent ?? 0, 50),
      positionSeconds: Number(prev?.position_seconds ?? 0),
      quizBestScore: best,
      quizAttempts: (prev?.quiz_attempts ?? 0) + 1,
      at: deps.clock.now(),
      completed: done,
    });
  }
  return {
    ...r,
    bestScore: best,
    results: m.quiz.map((q, i) => ({ correct: answers[i] === q.answer, answer: q.answer, explanation: q.explanation })),
  };
}

export async function progressMine(deps: LibraryDeps, actor: Actor): Promise<LibraryProgressMineResponse> {
  assertCan(actor, 'library.read');
  const rows = await repo.progressOfUser(deps.db, actor.id);
  return {
    items: rows.map((r) => ({
      materialId: r.material_id,
      title: r.title,
      type: r.type,
      status: r.status,
      progressPercent: r.progress_percent,
      lastOpenedAt: new Date(r.last_opened_at).toISOString(),
      quizBestScore: r.quiz_best_score,
    })),
  };
}

/**
 * "Thiếu gì học nấy": materials and upcoming open classes that fit the official's confirmed or
 * proposed needs, position, fields and the commune's region type, each with the reason.
 */
export async function recommendations(deps: LibraryDeps, actor: Actor): Promise<LibraryRecommendationsResponse> {
  assertCan(actor, 'library.read');
  if (!actor.officialId) return { materials: [], classes: [] };
  const ctx = (
    await deps.db.execute<{
      position_code: string | null;
      position_name: string | null;
      training_fields: string[] | null;
      region_type: string | null;
      commune_code: string;
    }>(sql`
      select p.code as position_code, p.name as position_name, p.training_fields, c.region_type, o.commune_code
      from officials o left join positions p on p.id = o.position_id left join communes c on c.code = o.commune_code
      where o.id = ${actor.officialId}`)
  ).rows[0];
  if (!ctx) return { materials: [], classes: [] };
  const needs = (
    await deps.db.execute<{ programme_type: string; field: string }>(sql`
      select programme_type, field from training_needs
      where official_id = ${actor.officialId} and status <> 'dropped' order by priority, id limit 20`)
  ).rows;
  const needFields = [...new Set(needs.map((n) => n.field).filter(Boolean))];
  const needProgs = [...new Set(needs.map((n) => n.programme_type))];
  const posFields = ctx.training_fields ?? [];
  const v = visibilityOf(actor);
  const rows = (
    await deps.db.execute<{
      id: string;
      title: string;
      type: string;
      fields: string[];
      programme_types: string[];
      positions: string[];
      region_types: string[];
    }>(sql`
      select m.id, m.title, m.type, m.fields, m.programme_types, m.positions, m.region_types
      from library_materials m
      where ${repo.visibilitySql(v, true)}
        and (m.fields && ${repo.textArray(needFields)} or m.programme_types && ${repo.textArray(needProgs)}
             or m.fields && ${repo.textArray(posFields)} or ${ctx.position_code ?? ''} = any(m.positions)
             or ${ctx.region_type ?? ''} = any(m.region_types))
        and not exists (select 1 from library_progress lp where lp.material_id = m.id and lp.user_id = ${actor.id} and lp.status = 'completed')
      order by m.published_at desc nulls last
      limit 200`)
  ).rows;
  const label = (f: string) => TRAINING_FIELD_LABELS[f as keyof typeof TRAINING_FIELD_LABELS] ?? f;
  const plabel = (p: string) => PROGRAMME_TYPE_LABELS[p as keyof typeof PROGRAMME_TYPE_LABELS] ?? p;
  const scored = rows.map((r) => {
    const reasons: string[] = [];
    let score = 0;
    const nf = r.fields.filter((f) => needFields.includes(f));
    if (nf.length) {
      reasons.push(`vì bạn cần bồi dưỡng lĩnh vực ${nf.map(label).join(', ')}`);
      score += 4;
    }
    const np = r.programme_types.filter((p) => needProgs.includes(p));
    if (np.length) {
      reasons.push(`vì bạn cần học chương trình “${plabel(np[0]!)}”`);
      score += 3;
    }
    if (ctx.position_code && r.positions.includes(ctx.position_code)) {
      reasons.push(`vì phù hợp vị trí ${ctx.position_name ?? ctx.position_code}`);
      score += 2;
    }
    const pf = r.fields.filter((f) => posFields.includes(f) && !nf.includes(f));
    if (pf.length) {
      reasons.push(`vì vị trí của bạn cần kiến thức ${pf.map(label).join(', ')}`);
      score += 1;
    }
    if (ctx.region_type && r.region_types.includes(ctx.region_type)) {
      reasons.push(`vì xã của bạn thuộc vùng ${REGION_TYPE_LABELS[ctx.region_type as keyof typeof REGION_TYPE_LABELS] ?? ctx.region_type}`);
      score += 1;
    }
    return { id: r.id, title: r.title, type: r.type, reason: reasons.join('; '), score };
  });
  scored.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title, 'vi'));
  const classes = needProgs.length
    ? (
        await deps.db.execute<{ id: number; code: string; name: string; start_date: string; end_date: string; programme_type: string }>(sql`
          select k.id, k.code, k.name, k.start_date::text, k.end_date::text, k.programme_type
          from classes k
          where k.status = 'open' and k.start_date >= ${deps.clock.today()}::date
            and k.programme_type = any(${repo.textArray(needProgs)})
            and (exists (select 1 from class_communes cc where cc.class_id = k.id and cc.commune_code = ${ctx.commune_code})
                 or k.province_code = ${actor.provinceCode ?? ''} or k.province_code is null)
          order by k.start_date, k.id limit 5`)
      ).rows
    : [];
  return {
    materials: scored.slice(0, 8).map(({ score: _s, ...r }) => r),
    classes: classes.map((k) => ({
      id: k.id,
      code: k.code,
      name: k.name,
      startDate: k.start_date,
      endDate: k.end_date,
      reason: `vì bạn cần học chương trình “${plabel(k.programme_type)}”`,
    })),
  };
}
