/**
 * Attendance, scores and results of a class (SPEC §6), recorded by the organising training org:
 * per session and bridge point, scores per assessment, completion by the programme's rule, and
 * manual corrections with audit. The Excel round trip is in results-excel.service.ts.
 */
import {
  CLASS_STATUS_LABELS,
  formatDateVi,
  type AttendanceRequest,
  type ClassResultsResponse,
  type ComputeResultsResponse,
  type ScoresRequest,
  type UpdateResultRequest,
} from '@app/shared';
import type { DbOrTx } from '../../db/client.ts';
import { can, listScope, type Actor } from '../../authz/policy.ts';
import { badField, conflict, notFound, versionConflict } from '../../http/errors.ts';
import { recordChange, type RequestMeta } from '../audit/audit.service.ts';
import * as classesRepo from './classes.repository.ts';
import { acceptsRecords } from './classes.rules.ts';
import { classTarget, visibleClass, type ClassesDeps } from './classes.service.ts';
import * as repo from './results.repository.ts';
import { completionOf, DEFAULT_COMPLETION_RULE, type CompletionRule } from './results.rules.ts';

const CLASS_NOT_FOUND = 'Không tìm thấy lớp bồi dưỡng.';

/**
 * The class, for the organising training org only: anyone else — a commune admin, another org —
 * gets 404 (SPEC §0: a training org sees only its classes; results are its records).
 */
export async function recordableClass(db: DbOrTx, actor: Actor, id: number, opts: { lock?: boolean } = {}): Promise<classesRepo.ClassRow> {
  const c = opts.lock ? await classesRepo.lockClass(db, id) : await classesRepo.findClass(db, id);
  if (!c || !can(actor, 'classes.record', { trainingOrgId: c.organiserId })) throw notFound(CLASS_NOT_FOUND);
  return c;
}

export function assertRecording(c: classesRepo.ClassRow): void {
  if (!acceptsRecords(c.status)) {
    throw conflict(
      `Lớp đang ở trạng thái "${CLASS_STATUS_LABELS[c.status]}"; điểm danh và nhập điểm khi lớp "${CLASS_STATUS_LABELS.running}" hoặc "${CLASS_STATUS_LABELS.finished}".`,
      'status',
    );
  }
}

export async function ruleOf(db: DbOrTx, c: classesRepo.ClassRow): Promise<CompletionRule> {
  const p = await classesRepo.findProgramme(db, c.programmeId);
  return p ? { minAttendancePct: p.minAttendancePct, maxExcusedPct: p.maxExcusedPct, passScore: p.passScore } : DEFAULT_COMPLETION_RULE;
}

// ---------------------------------------------------------------- reading

function learnerFilter(actor: Actor): repo.LearnerFilter | null {
  if (actor.role === 'official') return actor.officialId ? { officialId: actor.officialId } : null;
  const s = listScope(actor);
  if (!s) return null;
  const f: repo.LearnerFilter = {};
  if (s.provinceCode) f.provinceCode = s.provinceCode;
  if (s.communeCode) f.communeCode = s.communeCode;
  if (s.unitId !== undefined) f.unitId = s.unitId;
  return f;
}

async function resultsOf(db: DbOrTx, actor: Actor, c: classesRepo.ClassRow): Promise<ClassResultsResponse> {
  const canRecord = can(actor, 'classes.record', { trainingOrgId: c.organiserId });
  const whole = canRecord || can(actor, 'classes.manage', classTarget(c));
  const filter = whole ? {} : learnerFilter(actor);
  const [sessions, bridgePoints, rule, learners] = await Promise.all([
    classesRepo.sessionsOf(db, c.id),
    classesRepo.bridgePointsOf(db, c.id),
    ruleOf(db, c),
    filter ? repo.learnersOf(db, c.id, filter) : Promise.resolve([]),
  ]);
  const ids = learners.map((l) => l.e.id);
  const [att, sc] = await Promise.all([repo.attendanceOf(db, ids), repo.scoresOf(db, ids)]);
  return {
    classId: c.id,
    status: c.status,
    assessmentCount: c.assessmentCount,
    rule,
    sessions: sessions.map(({ s }) => ({ id: s.id, date: s.date, startTime: s.startTime, endTime: s.endTime, topic: s.topic })),
    bridgePoints: bridgePoints.map((b) => ({
      id: b.id,
      name: b.name,
      level: b.level,
      provinceCode: b.provinceCode,
      communeCode: b.communeCode,
      address: b.address,
    })),
    learners: learners.map((l) => ({
      enrolmentId: l.e.id,
      officialId: l.e.officialId,
      fullName: l.fullName,
      communeCode: l.e.communeCode,
      communeName: l.communeName,
      unitName: l.unitName,
      bridgePointId: l.e.bridgePointId,
      attendance: att
        .filter((a) => a.enrolmentId === l.e.id)
        .map(({ sessionId, status, bridgePointId }) => ({ sessionId, status, bridgePointId })),
      scores: sc.filter((s) => s.enrolmentId === l.e.id).map(({ assessmentNo, score }) => ({ assessmentNo, score })),
      result: l.e.result,
      finalScore: l.e.finalScore,
      resultRecordedAt: l.e.resultRecordedAt?.toISOString() ?? null,
      version: l.e.version,
    })),
    canRecord: canRecord && acceptsRecords(c.status),
  };
}

export async function getResults(deps: ClassesDeps, actor: Actor, id: number): Promise<ClassResultsResponse> {
  const c = await visibleClass(deps.db, actor, id);
  return resultsOf(deps.db, actor, c);
}

// ---------------------------------------------------------------- attendance and scores

export async function putAttendance(
  deps: ClassesDeps,
  actor: Actor,
  id: number,
  input: AttendanceRequest,
  meta: RequestMeta,
): Promise<ClassResultsResponse> {
  await deps.db.transaction(async (tx) => {
    const c = await recordableClass(tx, actor, id, { lock: true });
    assertRecording(c);
    const session = await classesRepo.findSession(tx, id, input.sessionId);
    if (!session) throw badField('sessionId', `lớp không có buổi học mã số ${input.sessionId}`);
    if (session.date > deps.clock.today())
      throw badField('sessionId', `buổi học ngày ${formatDateVi(session.date)} chưa diễn ra, chưa điểm danh được`);
    const learners = new Map((await repo.learnersOf(tx, id)).map((l) => [l.e.id, l]));
    const points = new Set((await classesRepo.bridgePointsOf(tx, id)).map((b) => b.id));
    const seen = new Set<number>();
    const rows = input.records.map((r, i) => {
      const l = learners.get(r.enrolmentId);
      if (!l) throw badField(`records.${i}.enrolmentId`, `mã ${r.enrolmentId} không phải học viên đã được cử của lớp`);
      if (seen.has(r.enrolmentId)) throw badField(`records.${i}.enrolmentId`, `${l.fullName} có hai lần trong danh sách điểm danh`);
      seen.add(r.enrolmentId);
      if (r.bridgePointId != null && !points.has(r.bridgePointId))
        throw badField(`records.${i}.bridgePointId`, `lớp không có điểm cầu mã số ${r.bridgePointId}`);
      const bridgePointId = r.bridgePointId !== undefined ? r.bridgePointId : l.e.bridgePointId;
      return {
        enrolmentId: r.enrolmentId,
        sessionId: session.id,
        status: r.status,
        bridgePointId: r.status === 'present' ? bridgePointId : null,
      };
    });
    const before = (await repo.attendanceOf(tx, [...seen])).filter((a) => a.sessionId === session.id);
    await repo.upsertAttendance(tx, rows, actor.username, meta.at ?? new Date());
    await recordChange(tx, actor, meta, {
      action: 'class.attendance',
      entityType: 'class',
      entityId: id,
      provinceCode: c.provinceCode,
      before: {
        sessionId: session.id,
        records: before.map(({ enrolmentId, status, bridgePointId }) => ({ enrolmentId, status, bridgePointId })),
      },
      after: {
        sessionId: session.id,
        date: session.date,
        records: rows.map(({ enrolmentId, status, bridgePointId }) => ({ enrolmentId, status, bridgePointId })),
      },
    });
  });
  return getResults(deps, actor, id);
}

export async function putScores(
  deps: ClassesDeps,
  actor: Actor,
  id: number,
  input: ScoresRequest,
  meta: RequestMeta,
): Promise<ClassResultsResponse> {
  await deps.db.transaction(async (tx) => {
    const c = await recordableClass(tx, actor, id, { lock: true });
    assertRecording(c);
    const learners = new Map((await repo.learnersOf(tx, id)).map((l) => [l.e.id, l]));
    const seen = new Set<string>();
    input.records.forEach((r, i) => {
      const l = learners.get(r.enrolmentId);
      if (!l) throw badField(`records.${i}.enrolmentId`, `mã ${r.enrolmentId} không phải học viên đã được cử của lớp`);
      if (r.assessmentNo > c.assessmentCount) {
        throw badField(`records.${i}.assessmentNo`, `lớp chỉ có ${c.assessmentCount} bài kiểm tra, không có bài số ${r.assessmentNo}`);
      }
      const key = `${r.enrolmentId}:${r.assessmentNo}`;
      if (seen.has(key)) throw badField(`records.${i}.assessmentNo`, `${l.fullName} có hai điểm cho bài số ${r.assessmentNo}`);
      seen.add(key);
    });
    const ids = [...new Set(input.records.map((r) => r.enrolmentId))];
    const before = (await repo.scoresOf(tx, ids)).filter((s) => seen.has(`${s.enrolmentId}:${s.assessmentNo}`));
    await repo.upsertScores(tx, input.records, actor.username, meta.at ?? new Date());
    await recordChange(tx, actor, meta, {
      action: 'class.scores',
      entityType: 'class',
      entityId: id,
      provinceCode: c.provinceCode,
      before: { records: before },
      after: { records: input.records },
    });
  });
  return getResults(deps, actor, id);
}

// ---------------------------------------------------------------- results

export async function computeResults(deps: ClassesDeps, actor: Actor, id: number, meta: RequestMeta): Promise<ComputeResultsResponse> {
  return deps.db.transaction(async (tx) => {
    const c = await recordableClass(tx, actor, id, { lock: true });
    if (c.status !== 'finished') {
      throw conflict(`Chỉ tính kết quả khi lớp "${CLASS_STATUS_LABELS.finished}"; lớp đang "${CLASS_STATUS_LABELS[c.status]}".`, 'status');
    }
    const sessions = await classesRepo.sessionsOf(tx, id);
    if (!sessions.length) throw conflict('Lớp chưa có buổi học nào; hãy nhập lịch học và điểm danh trước khi tính kết quả.');
    const rule = await ruleOf(tx, c);
    const learners = await repo.learnersOf(tx, id);
    const ids = learners.map((l) => l.e.id);
    const [att, sc] = await Promise.all([repo.attendanceOf(tx, ids), repo.scoresOf(tx, ids)]);
    const at = meta.at ?? new Date();
    const items: ComputeResultsResponse['items'] = [];
    for (const l of learners) {
      const mine = new Map(att.filter((a) => a.enrolmentId === l.e.id).map((a) => [a.sessionId, a.status]));
      const scoreOf = new Map(sc.filter((s) => s.enrolmentId === l.e.id).map((s) => [s.assessmentNo, s.score]));
      const out = completionOf(
        {
          attendance: sessions.map(({ s }) => mine.get(s.id) ?? null),
          scores: Array.from({ length: c.assessmentCount }, (_, k) => scoreOf.get(k + 1) ?? null),
        },
        sessions.length,
        c.assessmentCount,
        rule,
      );
      if (out.result !== l.e.result || out.finalScore !== l.e.finalScore) {
        await repo.setResult(tx, l.e.id, { result: out.result, finalScore: out.finalScore, at });
        await recordChange(tx, actor, meta, {
          action: 'enrolment.result',
          entityType: 'enrolment',
          entityId: l.e.id,
          provinceCode: l.e.provinceCode,
          communeCode: l.e.communeCode,
          before: { result: l.e.result, finalScore: l.e.finalScore },
          after: { result: out.result, finalScore: out.finalScore, attendancePct: out.attendancePct, reasons: out.reasons, computed: true },
        });
      }
      items.push({ enrolmentId: l.e.id, officialId: l.e.officialId, fullName: l.fullName, ...out });
    }
    return {
      classId: id,
      computed: items.length,
      completed: items.filter((i) => i.result === 'completed').length,
      failed: items.filter((i) => i.result === 'failed').length,
      items,
    };
  });
}

export async function updateResult(
  deps: ClassesDeps,
  actor: Actor,
  id: number,
  enrolmentId: number,
  input: UpdateResultRequest,
  meta: RequestMeta,
): Promise<ClassResultsResponse> {
  await deps.db.transaction(async (tx) => {
    const c = await recordableClass(tx, actor, id, { lock: true });
    if (c.status !== 'finished') {
      throw conflict(`Chỉ sửa kết quả khi lớp "${CLASS_STATUS_LABELS.finished}"; lớp đang "${CLASS_STATUS_LABELS[c.status]}".`, 'status');
    }
    const l = (await repo.learnersOf(tx, id)).find((x) => x.e.id === enrolmentId);
    if (!l) throw notFound('Không tìm thấy học viên này trong lớp.');
    if (l.e.version !== input.version) throw versionConflict();
    const finalScore = input.finalScore !== undefined ? input.finalScore : l.e.finalScore;
    const row = await repo.setResult(tx, enrolmentId, { result: input.result, finalScore, at: meta.at ?? new Date() }, input.version);
    if (!row) throw versionConflict();
    await recordChange(tx, actor, meta, {
      action: 'enrolment.result.edit',
      entityType: 'enrolment',
      entityId: enrolmentId,
      provinceCode: l.e.provinceCode,
      communeCode: l.e.communeCode,
      before: { result: l.e.result, finalScore: l.e.finalScore },
      after: { result: row.result, finalScore: row.finalScore, reason: input.reason.normalize('NFC') },
    });
  });
  return getResults(deps, actor, id);
}
