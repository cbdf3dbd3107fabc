/**
 * Report files (.docx per Decree 30/2020, .xlsx annexes), either directly or as a background build whose
 * progress the page polls (SPEC §10 "a progress indicator while a large report builds"). Builds live in
 * PostgreSQL (report_builds), so any app server can answer the poll.
 */
import crypto from 'node:crypto';
import type { BuildStatus } from '@app/shared';
import type { Actor } from '../../authz/policy.ts';
import { notFound } from '../../http/errors.ts';
import * as repo from './reports.repository.ts';
import { buildDocx } from './report-docx.ts';
import { buildXlsx } from './report-xlsx.ts';
import { dataOf, reportForOutput, type ReportsDeps } from './reports.service.ts';

export type Format = 'docx' | 'xlsx';
export const CONTENT_TYPES: Record<Format, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

type Step = (pct: number, stage: string) => Promise<void> | void;

function fileNameOf(r: repo.ReportRowDb, format: Format): string {
  const base = format === 'docx' ? 'bao-cao' : 'phu-luc-bieu';
  return `${base}-${r.kind}-${r.year}-${r.scopeKey.replace(':', '-')}.${format}`;
}

async function render(deps: ReportsDeps, actor: Actor, id: number, format: Format, step: Step = () => {}) {
  const { r, sectionTitles } = await reportForOutput(deps, actor, id);
  const { data } = await dataOf(deps, r, (pct, stage) => step(Math.round(pct * 0.7), stage));
  let buffer: Buffer;
  if (format === 'docx') {
    await step(75, 'Dựng văn bản theo thể thức Nghị định 30/2020');
    buffer = await buildDocx({
      level: r.level,
      kind: r.kind,
      year: r.year,
      title: r.title,
      documentNo: r.documentNo,
      placeName: r.placeName,
      signerName: r.signerName,
      signerTitle: r.signerTitle,
      recipients: r.recipients,
      date: r.submittedAt ? (r.submittedOn ?? deps.clock.today()) : deps.clock.today(),
      sections: sectionTitles.map((s) => ({ id: s.id, title: s.title, text: r.sections[s.id] ?? '' })),
      data,
    });
  } else {
    await step(75, 'Lập các biểu phụ lục');
    buffer = await buildXlsx(data, r.title, (pct) => step(75 + Math.round(pct * 0.2), 'Lập các biểu phụ lục'));
  }
  return { fileName: fileNameOf(r, format), buffer, contentType: CONTENT_TYPES[format] };
}

export function renderReport(deps: ReportsDeps, actor: Actor, id: number, format: Format) {
  return render(deps, actor, id, format);
}

function statusOf(b: NonNullable<Awaited<ReturnType<typeof repo.findBuild>>>): BuildStatus {
  return { id: b.id, status: b.status, progress: b.progress, stage: b.stage, fileName: b.fileName, error: b.error };
}

/** Starts a build (the read check happens now, before answering) and returns its first status. */
export async function startBuild(deps: ReportsDeps, actor: Actor, id: number, format: Format): Promise<BuildStatus> {
  await reportForOutput(deps, actor, id);
  const buildId = crypto.randomUUID();
  await repo.insertBuild(deps.db, {
    id: buildId,
    reportId: id,
    format,
    status: 'running',
    progress: 0,
    stage: 'Bắt đầu',
    createdBy: actor.id,
    createdAt: deps.clock.now(),
  });
  setImmediate(() => {
    void (async () => {
      try {
        const out = await render(deps, actor, id, format, (progress, stage) => repo.updateBuild(deps.db, buildId, { progress, stage }));
        await repo.updateBuild(deps.db, buildId, {
          status: 'done',
          progress: 100,
          stage: 'Hoàn thành',
          fileName: out.fileName,
          content: out.buffer,
        });
      } catch {
        await repo
          .updateBuild(deps.db, buildId, { status: 'failed', stage: 'Lỗi', error: 'Không lập được tệp báo cáo; hãy thử lại.' })
          .catch(() => {});
      }
    })();
  });
  return { id: buildId, status: 'running', progress: 0, stage: 'Bắt đầu', fileName: null, error: null };
}

async function ownBuild(deps: ReportsDeps, actor: Actor, buildId: string) {
  const b = /^[0-9a-f-]{36}$/.test(buildId) ? await repo.findBuild(deps.db, buildId) : undefined;
  if (!b || b.createdBy !== actor.id) throw notFound('Không tìm thấy tệp đang lập');
  return b;
}

export async function buildStatus(deps: ReportsDeps, actor: Actor, buildId: string): Promise<BuildStatus> {
  return statusOf(await ownBuild(deps, actor, buildId));
}

export async function buildFile(deps: ReportsDeps, actor: Actor, buildId: string) {
  const b = await ownBuild(deps, actor, buildId);
  if (b.status !== 'done' || !b.content) throw notFound('Tệp chưa lập xong');
  return { fileName: b.fileName!, buffer: b.content, contentType: CONTENT_TYPES[b.format] };
}
