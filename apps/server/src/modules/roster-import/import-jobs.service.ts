/**
 * The request side of background imports: queue an uploaded file, report a job's progress and
 * result. The worker that runs jobs is import-worker.ts (docs/decisions/0005-background-imports.md).
 */
import type { RosterImportJobStatus, RosterImportResult } from '@app/shared';
import { assertCan, can, type Actor } from '../../authz/policy.ts';
import { notFound } from '../../http/errors.ts';
import * as jobs from './import-jobs.repository.ts';
import { fileProblem, resolveCommune, type ImportInput, type RosterDeps } from './roster-import.service.ts';
import { xlsxSignatureProblem } from './xlsx-reader.ts';

export const IMPORT_JOB_KIND = 'officials_roster';

/** Checks what can be checked at once (permission, commune, that it is an .xlsx) and queues the file. */
export async function enqueueImport(
  deps: RosterDeps,
  actor: Actor,
  communeParam: string | undefined,
  input: ImportInput,
): Promise<{ jobId: string }> {
  const commune = await resolveCommune(deps.db, actor, communeParam);
  const problem = xlsxSignatureProblem(input.file);
  if (problem) throw fileProblem(problem.message);
  const jobId = await jobs.insertJob(deps.db, {
    kind: IMPORT_JOB_KIND,
    provinceCode: commune.provinceCode,
    communeCode: commune.code,
    createdBy: actor.id,
    dryRun: input.dryRun,
    fileName: input.fileName,
    file: input.file,
    createdAt: deps.clock.now(),
  });
  return { jobId };
}

export interface StoredJobOutcome {
  result?: RosterImportResult;
  error?: { code: string; message: string };
}

export async function jobStatus(deps: RosterDeps, actor: Actor, id: string): Promise<RosterImportJobStatus> {
  const job = await jobs.findJob(deps.db, id);
  const mayRead =
    job &&
    job.kind === IMPORT_JOB_KIND &&
    (job.createdBy === actor.id || can(actor, 'officials.manage', { provinceCode: job.provinceCode, communeCode: job.communeCode }));
  if (!job || !mayRead) throw notFound('Không tìm thấy việc nhập dữ liệu này.');
  let outcome: StoredJobOutcome = {};
  if (job.result) {
    try {
      outcome = JSON.parse(job.result) as StoredJobOutcome;
    } catch {
      outcome = {};
    }
  }
  return {
    id: job.id,
    status: job.status,
    progress: job.progress,
    totalRows: job.totalRows,
    dryRun: job.dryRun,
    communeCode: job.communeCode,
    fileName: job.fileName,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    ...(job.status === 'done' && outcome.result ? { result: outcome.result } : {}),
    ...(job.status === 'failed' && outcome.error ? { error: outcome.error } : {}),
  };
}

/** The caller's 20 latest import jobs, newest first, so a long import can be left and found again. */
export async function recentJobs(deps: RosterDeps, actor: Actor) {
  assertCan(actor, 'officials.manage');
  const rows = await jobs.jobsCreatedBy(deps.db, actor.id, IMPORT_JOB_KIND, 20);
  return {
    items: rows.map((j) => ({
      id: j.id,
      status: j.status,
      progress: j.progress,
      totalRows: j.totalRows,
      dryRun: j.dryRun,
      communeCode: j.communeCode,
      fileName: j.fileName,
      createdAt: j.createdAt.toISOString(),
      finishedAt: j.finishedAt?.toISOString() ?? null,
    })),
  };
}
