/**
 * Key-task tracker (SPEC §10): the Decision 700 annex (national) and each level's own tasks; the
 * "6 rõ" checked before any save; status and progress updates with history; overdue; .xlsx export.
 */
import ExcelJS from 'exceljs';
import {
  KEY_TASK_STATUS_LABELS,
  formatDateVi,
  type KeyTaskInput,
  type KeyTaskItem,
  type KeyTaskProgressRequest,
  type KeyTaskStatus,
} from '@app/shared';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { assertCan, can, scopeOf, type Actor, type Target } from '../../authz/policy.ts';
import { AppError, badField, forbidden, notFound, versionConflict } from '../../http/errors.ts';
import { recordChange, type RequestMeta } from '../audit/audit.service.ts';
import { resolveScope, type ResolvedScope } from '../needs/needs.scope.ts';
import * as repo from './key-tasks.repository.ts';
import { isTaskOverdue, mergeInput, missingSixClear, progressProblem, sixClearMessage } from './key-tasks.rules.ts';

export interface KeyTasksDeps {
  db: Db;
  clock: Clock;
}

function targetOf(t: { level: string; provinceCode: string | null; communeCode: string | null }): Target {
  return { provinceCode: t.provinceCode, communeCode: t.communeCode };
}

/** Nation tasks are read by everyone with the permission; a level's own tasks by that level and those above it. */
function canRead(actor: Actor, t: repo.KeyTaskRow): boolean {
  if (!can(actor, 'keyTasks.read')) return false;
  if (t.level === 'nation') return true;
  const s = scopeOf(actor);
  if (s.level === 'nation') return true;
  if (t.level === 'province') return s.provinceCode === t.provinceCode;
  if (s.level === 'province') return s.provinceCode === t.provinceCode;
  return s.communeCode === t.communeCode;
}

/** Only the level that owns a task changes it (the ministry for the annex). */
function canEdit(actor: Actor, t: { level: string; provinceCode: string | null; communeCode: string | null }): boolean {
  if (!can(actor, 'keyTasks.manage')) return false;
  const s = scopeOf(actor);
  if (s.level !== t.level) return false;
  if (t.level === 'province') return s.provinceCode === t.provinceCode;
  if (t.level === 'commune') return s.communeCode === t.communeCode;
  return true;
}

function itemOf(actor: Actor, t: repo.KeyTaskRow, today: string): KeyTaskItem {
  return {
    id: t.id,
    level: t.level,
    provinceCode: t.provinceCode,
    communeCode: t.communeCode,
    fromAnnex: t.seedKey !== null,
    groupName: t.groupName,
    orderNo: t.orderNo,
    name: t.name,
    personInCharge: t.personInCharge,
    leadAgency: t.leadAgency,
    cooperatingAgencies: t.cooperatingAgencies,
    expectedOutput: t.expectedOutput,
    deadline: t.deadline,
    deadlineText: t.deadlineText,
    authority: t.authority,
    status: t.status,
    progress: t.progress,
    lastNote: t.lastNote,
    overdue: isTaskOverdue(t, today),
    canEdit: canEdit(actor, t),
    version: t.version,
  };
}

function partsOf(s: ResolvedScope) {
  if (s.level === 'commune') return { level: 'commune' as const, provinceCode: s.commune.provinceCode, communeCode: s.commune.code };
  if (s.level === 'province') return { level: 'province' as const, provinceCode: s.provinceCode, communeCode: null };
  return { level: 'nation' as const, provinceCode: null, communeCode: null };
}

export async function listTasks(
  deps: KeyTasksDeps,
  actor: Actor,
  q: { scope?: string | undefined; status?: KeyTaskStatus | undefined; overdue?: 'true' | 'false' | undefined },
) {
  assertCan(actor, 'keyTasks.read');
  const p = partsOf(await resolveScope(deps.db, actor, q.scope));
  const today = deps.clock.today();
  let items = (await repo.listTasks(deps.db, p)).map((t) => itemOf(actor, t, today));
  if (q.status) items = items.filter((i) => i.status === q.status);
  if (q.overdue) items = items.filter((i) => i.overdue === (q.overdue === 'true'));
  return { items, asOf: today };
}

function assertSixClear(v: ReturnType<typeof mergeInput>): asserts v is ReturnType<typeof mergeInput> & {
  name: string;
  personInCharge: string;
  leadAgency: string;
  expectedOutput: string;
  deadline: string;
  authority: string;
} {
  const missing = missingSixClear(v);
  if (missing.length) {
    throw new AppError(
      400,
      'VALIDATION_ERROR',
      sixClearMessage(missing),
      missing.map((m) => ({ field: m.field, message: `chưa có ${m.hint} (${m.label})` })),
    );
  }
  if (v.deadline! < '2026-01-01' || v.deadline! > '2035-12-31') throw badField('deadline', 'phải trong khoảng 2026 - 2035');
}

export async function createTask(
  deps: KeyTasksDeps,
  actor: Actor,
  input: KeyTaskInput & { scope?: string | undefined },
  meta: RequestMeta,
) {
  assertCan(actor, 'keyTasks.manage');
  const p = partsOf(await resolveScope(deps.db, actor, input.scope));
  if (!canEdit(actor, p)) throw forbidden('Chỉ được thêm nhiệm vụ của chính cấp mình.');
  const v = mergeInput(
    {
      name: '',
      personInCharge: '',
      leadAgency: '',
      expectedOutput: '',
      deadline: '',
      authority: '',
      cooperatingAgencies: null,
      deadlineText: null,
      groupName: null,
    },
    input,
  );
  assertSixClear(v);
  const now = deps.clock.now();
  const row = await deps.db.transaction(async (tx) => {
    const t = await repo.insertTask(tx, {
      ...p,
      name: v.name,
      personInCharge: v.personInCharge,
      leadAgency: v.leadAgency,
      expectedOutput: v.expectedOutput,
      deadline: v.deadline,
      authority: v.authority,
      cooperatingAgencies: v.cooperatingAgencies,
      deadlineText: v.deadlineText,
      groupName: v.groupName,
      orderNo: await repo.nextOrderNo(tx, p.level, p.provinceCode, p.communeCode),
      createdBy: actor.username,
      createdAt: now,
      updatedAt: now,
    });
    await repo.insertUpdate(tx, {
      taskId: t.id,
      at: now,
      onDate: deps.clock.today(),
      actorName: actor.fullName,
      status: t.status,
      progress: t.progress,
      note: 'Giao nhiệm vụ',
    });
    await recordChange(tx, actor, meta, {
      action: 'keyTask.create',
      entityType: 'key_task',
      entityId: t.id,
      provinceCode: t.provinceCode,
      communeCode: t.communeCode,
      after: t,
    });
    return t;
  });
  return itemOf(actor, row, deps.clock.today());
}

async function editable(deps: KeyTasksDeps, actor: Actor, id: number) {
  const t = await repo.findTask(deps.db, id);
  if (!t || !canRead(actor, t)) throw notFound('Không tìm thấy nhiệm vụ');
  assertCan(actor, 'keyTasks.manage');
  if (!canEdit(actor, t)) throw forbidden('Chỉ cấp giao nhiệm vụ mới được sửa hoặc cập nhật nhiệm vụ này.');
  return t;
}

export async function updateTask(
  deps: KeyTasksDeps,
  actor: Actor,
  id: number,
  input: KeyTaskInput & { version: number },
  meta: RequestMeta,
) {
  const t = await editable(deps, actor, id);
  if (t.version !== input.version) throw versionConflict(t.updatedAt);
  const v = mergeInput(t, input);
  assertSixClear(v);
  const row = await deps.db.transaction(async (tx) => {
    const u = await repo.updateTask(tx, id, input.version, {
      name: v.name,
      personInCharge: v.personInCharge,
      leadAgency: v.leadAgency,
      expectedOutput: v.expectedOutput,
      deadline: v.deadline,
      authority: v.authority,
      cooperatingAgencies: v.cooperatingAgencies,
      deadlineText: v.deadlineText,
      groupName: v.groupName,
      updatedAt: deps.clock.now(),
    });
    if (!u) throw versionConflict(t.updatedAt);
    await recordChange(tx, actor, meta, {
      action: 'keyTask.update',
      entityType: 'key_task',
      entityId: id,
      provinceCode: t.provinceCode,
      communeCode: t.communeCode,
      before: t,
      after: u,
    });
    return u;
  });
  return itemOf(actor, row, deps.clock.today());
}

export async function updateProgress(deps: KeyTasksDeps, actor: Actor, id: number, input: KeyTaskProgressRequest, meta: RequestMeta) {
  const t = await editable(deps, actor, id);
  const problem = progressProblem(input.status, input.progress);
  if (problem) throw badField('progress', problem);
  if (t.version !== input.version) throw versionConflict(t.updatedAt);
  const now = deps.clock.now();
  const note = input.note?.trim() || null;
  const row = await deps.db.transaction(async (tx) => {
    const u = await repo.updateTask(tx, id, input.version, {
      status: input.status,
      progress: input.progress,
      lastNote: note ?? t.lastNote,
      updatedAt: now,
    });
    if (!u) throw versionConflict(t.updatedAt);
    await repo.insertUpdate(tx, {
      taskId: id,
      at: now,
      onDate: deps.clock.today(),
      actorName: actor.fullName,
      status: input.status,
      progress: input.progress,
      note,
    });
    await recordChange(tx, actor, meta, {
      action: 'keyTask.progress',
      entityType: 'key_task',
      entityId: id,
      provinceCode: t.provinceCode,
      communeCode: t.communeCode,
      before: { status: t.status, progress: t.progress },
      after: { status: input.status, progress: input.progress, note },
    });
    return u;
  });
  return itemOf(actor, row, deps.clock.today());
}

export async function taskHistory(deps: KeyTasksDeps, actor: Actor, id: number) {
  const t = await repo.findTask(deps.db, id);
  if (!t || !canRead(actor, t)) throw notFound('Không tìm thấy nhiệm vụ');
  const rows = await repo.historyOf(deps.db, id);
  return {
    items: rows.map((r) => ({
      at: r.at.toISOString(),
      onDate: r.onDate,
      actorName: r.actorName,
      status: r.status,
      progress: r.progress,
      note: r.note,
    })),
  };
}

export async function exportTasks(deps: KeyTasksDeps, actor: Actor, q: { scope?: string | undefined }): Promise<Buffer> {
  const { items, asOf } = await listTasks(deps, actor, q);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Nhiệm vụ trọng tâm', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const header = [
    'STT',
    'Nhóm',
    'Nhiệm vụ (rõ việc)',
    'Người phụ trách (rõ người)',
    'Cơ quan chủ trì (rõ trách nhiệm)',
    'Cơ quan phối hợp',
    'Kết quả, sản phẩm (rõ sản phẩm)',
    'Thời hạn (rõ thời gian)',
    'Thẩm quyền (rõ thẩm quyền)',
    'Trạng thái',
    'Tiến độ (%)',
    'Quá hạn',
    'Ghi chú',
  ];
  ws.columns = [6, 24, 50, 24, 30, 30, 28, 16, 32, 16, 10, 10, 30].map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, header.length);
  ws.getCell(1, 1).value = `DANH MỤC NHIỆM VỤ TRỌNG TÂM - tính đến ngày ${formatDateVi(asOf)}`;
  ws.getCell(1, 1).font = { name: 'Times New Roman', size: 14, bold: true };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  const h = ws.getRow(3);
  header.forEach((v, i) => {
    const c = h.getCell(i + 1);
    c.value = v;
    c.font = { name: 'Times New Roman', size: 12, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
  });
  items.forEach((t, n) => {
    const row = ws.addRow([
      n + 1,
      t.groupName ?? (t.level === 'nation' ? '' : 'Nhiệm vụ của địa phương'),
      t.name,
      t.personInCharge,
      t.leadAgency,
      t.cooperatingAgencies ?? '',
      t.expectedOutput,
      t.deadlineText ?? formatDateVi(t.deadline),
      t.authority,
      KEY_TASK_STATUS_LABELS[t.status],
      t.progress,
      t.overdue ? 'Quá hạn' : '',
      t.lastNote ?? '',
    ]);
    row.eachCell({ includeEmpty: true }, (c) => {
      c.font = { name: 'Times New Roman', size: 12, color: t.overdue ? { argb: 'FFC00000' } : undefined };
      c.alignment = { vertical: 'top', wrapText: true };
      c.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export { targetOf };
