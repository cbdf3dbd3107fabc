/**
 * Attendance and scores in Excel (SPEC §6, §3 "Excel is how these users work"): the results sheet of
 * a class (learners × sessions + score columns, pre-filled), and its import with a dry run that
 * reports every bad cell (row, column, what is wrong) and an all-or-nothing save.
 */
import {
  ATTENDANCE_STATUS_LABELS,
  formatDateVi,
  type AttendanceStatus,
  type ResultsImportError,
  type ResultsImportResponse,
} from '@app/shared';
import type { DbOrTx, Tx } from '../../db/client.ts';
import type { Actor } from '../../authz/policy.ts';
import { badField } from '../../http/errors.ts';
import { recordChange, type RequestMeta } from '../audit/audit.service.ts';
import { readXlsxSheet, XlsxReadError, type CellValue } from '../roster-import/xlsx-reader.ts';
import * as classesRepo from './classes.repository.ts';
import type { ClassesDeps } from './classes.service.ts';
import * as repo from './results.repository.ts';
import { parseAttendanceCell, parseScoreCell } from './results.rules.ts';
import { assertRecording, recordableClass, ruleOf } from './results.service.ts';
import { buildResultsSheet, ID_HEADER, looseHeader, RESULTS_SHEET, scoreHeader, sessionHeader } from './results-workbook.ts';

/** Learner rows one results file may hold. */
const MAX_IMPORT_ROWS = 5000;

// ---------------------------------------------------------------- Excel round trip

async function sheetInput(db: DbOrTx, c: classesRepo.ClassRow) {
  const [sessions, learners, rule] = await Promise.all([classesRepo.sessionsOf(db, c.id), repo.learnersOf(db, c.id), ruleOf(db, c)]);
  const ids = learners.map((l) => l.e.id);
  const [att, sc] = await Promise.all([repo.attendanceOf(db, ids), repo.scoresOf(db, ids)]);
  return {
    sessions: sessions.map(({ s }) => s),
    learners,
    rule,
    attendance: att,
    scores: sc,
  };
}

export async function resultsTemplate(deps: ClassesDeps, actor: Actor, id: number): Promise<{ buffer: Buffer; fileName: string }> {
  const c = await recordableClass(deps.db, actor, id);
  const d = await sheetInput(deps.db, c);
  const buffer = await buildResultsSheet({
    classCode: c.code,
    className: c.name,
    ...d.rule,
    sessions: d.sessions,
    assessmentCount: c.assessmentCount,
    learners: d.learners.map((l) => ({
      enrolmentId: l.e.id,
      fullName: l.fullName,
      birthDate: l.birthDate,
      communeName: l.communeName,
      unitName: l.unitName,
      attendance: new Map(d.attendance.filter((a) => a.enrolmentId === l.e.id).map((a) => [a.sessionId, a.status])),
      scores: new Map(d.scores.filter((s) => s.enrolmentId === l.e.id).map((s) => [s.assessmentNo, s.score])),
    })),
  });
  return { buffer, fileName: `ket-qua-${c.code}.xlsx` };
}

function cellValue(cell: CellValue | undefined): string | number {
  if (!cell) return '';
  switch (cell.t) {
    case 's':
    case 'd':
    case 'e':
      return cell.v.normalize('NFC').trim();
    case 'n':
      return cell.v;
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'f': {
      const n = Number(cell.cached);
      return cell.cached !== '' && Number.isFinite(n) ? n : cell.cached.normalize('NFC').trim();
    }
  }
}

interface ParsedImport {
  rows: number;
  attendance: { enrolmentId: number; sessionId: number; status: AttendanceStatus; bridgePointId: number | null }[];
  scores: { enrolmentId: number; assessmentNo: number; score: number }[];
  errors: ResultsImportError[];
}

/** Reads and checks the whole file; every bad cell is reported (row, column, what is wrong). */
function parseResultsFile(
  file: Buffer,
  ctx: {
    today: string;
    assessmentCount: number;
    sessions: { id: number; date: string }[];
    learners: Map<number, { fullName: string; bridgePointId: number | null }>;
  },
): ParsedImport {
  let sheet;
  try {
    sheet = readXlsxSheet(file, { maxRows: MAX_IMPORT_ROWS, preferSheet: RESULTS_SHEET, maxColumns: 300 });
  } catch (err) {
    if (err instanceof XlsxReadError) throw badField('file', err.message);
    throw err;
  }
  const out: ParsedImport = { rows: 0, attendance: [], scores: [], errors: [] };
  const headerRow = sheet.rows.find((r) => r.cells.some((c) => looseHeader(String(cellValue(c))) === looseHeader(ID_HEADER)));
  if (!headerRow) {
    out.errors.push({
      row: 1,
      column: ID_HEADER,
      message: `Không thấy dòng tiêu đề có cột "${ID_HEADER}"; hãy dùng tệp mẫu tải từ hệ thống.`,
    });
    return out;
  }
  const sessionCols = new Map<number, { id: number; date: string; header: string }>();
  const scoreCols = new Map<number, { no: number; header: string }>();
  let idCol = -1;
  const expectedSessions = new Map(ctx.sessions.map((s, i) => [looseHeader(sessionHeader(i + 1, s.date)), s]));
  const expectedScores = new Map(Array.from({ length: ctx.assessmentCount }, (_, k) => [looseHeader(scoreHeader(k + 1)), k + 1]));
  headerRow.cells.forEach((cell, col) => {
    const text = String(cellValue(cell));
    const h = looseHeader(text);
    if (h === looseHeader(ID_HEADER)) idCol = col;
    else if (expectedSessions.has(h)) sessionCols.set(col, { ...expectedSessions.get(h)!, header: text });
    else if (expectedScores.has(h)) scoreCols.set(col, { no: expectedScores.get(h)!, header: text });
    else if (/^buổi\b/.test(h) || /^điểm bài\b/.test(h)) {
      out.errors.push({
        row: headerRow.r,
        column: text,
        message: `Cột "${text}" không khớp buổi học hoặc bài kiểm tra nào của lớp hiện nay (lịch học có thể đã đổi); hãy tải lại tệp mẫu.`,
      });
    }
  });
  const seen = new Map<number, number>();
  for (const r of sheet.rows) {
    if (r.r <= headerRow.r) continue;
    const values = r.cells.map(cellValue);
    if (values.every((v) => v === '')) continue;
    out.rows++;
    const rawId = values[idCol] ?? '';
    const enrolmentId = typeof rawId === 'number' ? rawId : /^\d+$/.test(rawId) ? Number(rawId) : NaN;
    const learner = Number.isInteger(enrolmentId) ? ctx.learners.get(enrolmentId) : undefined;
    if (!learner) {
      out.errors.push({
        row: r.r,
        column: ID_HEADER,
        message:
          rawId === ''
            ? 'Thiếu mã học viên.'
            : `Mã học viên "${rawId}" không phải học viên đã được cử của lớp; không thêm hoặc sửa mã trong tệp mẫu.`,
      });
      continue;
    }
    if (seen.has(enrolmentId)) {
      out.errors.push({ row: r.r, column: ID_HEADER, message: `${learner.fullName} đã có ở dòng ${seen.get(enrolmentId)}.` });
      continue;
    }
    seen.set(enrolmentId, r.r);
    for (const [col, s] of sessionCols) {
      const v = values[col] ?? '';
      const status = parseAttendanceCell(String(v));
      if (status === null) continue;
      if (status === 'invalid') {
        out.errors.push({
          row: r.r,
          column: s.header,
          message: `"${v}" không hợp lệ; hãy chọn ${Object.values(ATTENDANCE_STATUS_LABELS)
            .map((l) => `"${l}"`)
            .join(', ')} hoặc để trống.`,
        });
        continue;
      }
      if (s.date > ctx.today) {
        out.errors.push({
          row: r.r,
          column: s.header,
          message: `Buổi học ngày ${formatDateVi(s.date)} chưa diễn ra, chưa điểm danh được.`,
        });
        continue;
      }
      out.attendance.push({ enrolmentId, sessionId: s.id, status, bridgePointId: status === 'present' ? learner.bridgePointId : null });
    }
    for (const [col, a] of scoreCols) {
      const v = values[col] ?? '';
      const score = parseScoreCell(v);
      if (score === null) continue;
      if (score === 'invalid' || score < 0 || score > 10) {
        out.errors.push({ row: r.r, column: a.header, message: `Điểm "${v}" không hợp lệ; điểm là số từ 0 đến 10.` });
        continue;
      }
      if (Math.abs(Math.round(score * 100) - score * 100) > 1e-6) {
        out.errors.push({ row: r.r, column: a.header, message: `Điểm "${v}" có quá 2 chữ số thập phân.` });
        continue;
      }
      out.scores.push({ enrolmentId, assessmentNo: a.no, score });
    }
  }
  return out;
}

export async function importResults(
  deps: ClassesDeps,
  actor: Actor,
  id: number,
  input: { file: Buffer; dryRun: boolean },
  meta: RequestMeta,
): Promise<ResultsImportResponse> {
  return deps.db.transaction(async (tx: Tx) => {
    const c = await recordableClass(tx, actor, id, { lock: true });
    assertRecording(c);
    const d = await sheetInput(tx, c);
    const parsed = parseResultsFile(input.file, {
      today: deps.clock.today(),
      assessmentCount: c.assessmentCount,
      sessions: d.sessions,
      learners: new Map(d.learners.map((l) => [l.e.id, { fullName: l.fullName, bridgePointId: l.e.bridgePointId }])),
    });
    const ok = parsed.errors.length === 0;
    const response: ResultsImportResponse = {
      ok,
      dryRun: input.dryRun,
      rows: parsed.rows,
      attendanceRecords: parsed.attendance.length,
      scoreRecords: parsed.scores.length,
      errors: parsed.errors.slice(0, 2000),
    };
    if (!ok || input.dryRun) return response;
    const at = meta.at ?? new Date();
    await repo.upsertAttendance(tx, parsed.attendance, actor.username, at);
    await repo.upsertScores(tx, parsed.scores, actor.username, at);
    await recordChange(tx, actor, meta, {
      action: 'class.results_import',
      entityType: 'class',
      entityId: id,
      provinceCode: c.provinceCode,
      after: { rows: parsed.rows, attendanceRecords: parsed.attendance.length, scoreRecords: parsed.scores.length },
    });
    return response;
  });
}
