/**
 * Timetable of a class (SPEC §5): sessions inside the class dates, and the bridge points of online
 * or blended classes (seed 004). Changes bump the class version and are audited.
 */
import {
  formatDateVi,
  type BridgePointItem,
  type BridgePointRequest,
  type ClassSessionItem,
  type SessionRequest,
  type UpdateSessionRequest,
} from '@app/shared';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../authz/policy.ts';
import { badField, conflict, notFound } from '../../http/errors.ts';
import { recordChange, type RequestMeta } from '../audit/audit.service.ts';
import { findCommune, findProvince } from '../units/units.repository.ts';
import * as repo from './classes.repository.ts';
import { bridgePointProblem, sessionProblem } from './classes.rules.ts';
import { bridgePointItem, changed, manageableClass, sessionItem, type ClassesDeps } from './classes.service.ts';

// ---------------------------------------------------------------- sessions

async function checkInstructor(tx: Tx, instructorId: number | null | undefined): Promise<string | null> {
  if (instructorId == null) return null;
  const i = await repo.findInstructor(tx, instructorId);
  if (!i) throw badField('instructorId', `không có giảng viên, báo cáo viên mã số ${instructorId}`);
  if (!i.active) throw badField('instructorId', `${i.fullName} không còn trong danh sách giảng viên, báo cáo viên đang hoạt động`);
  return i.fullName;
}

export async function addSession(
  deps: ClassesDeps,
  actor: Actor,
  id: number,
  input: SessionRequest,
  meta: RequestMeta,
): Promise<ClassSessionItem> {
  return deps.db.transaction(async (tx) => {
    const c = await manageableClass(tx, actor, id);
    const problem = sessionProblem(input, c);
    if (problem) throw badField(problem.field, problem.message);
    const instructorName = await checkInstructor(tx, input.instructorId);
    const s = await repo.insertSession(tx, {
      classId: id,
      date: input.date,
      startTime: input.startTime,
      endTime: input.endTime,
      place: input.place?.normalize('NFC') ?? null,
      link: input.link ?? null,
      topic: input.topic?.normalize('NFC') ?? null,
      instructorId: input.instructorId ?? null,
    });
    await repo.touchClass(tx, id);
    await recordChange(tx, actor, meta, {
      action: 'class.session.create',
      entityType: 'class_session',
      entityId: s.id,
      provinceCode: c.provinceCode,
      after: { ...s },
    });
    return sessionItem(s, instructorName);
  });
}

export async function updateSession(
  deps: ClassesDeps,
  actor: Actor,
  id: number,
  sid: number,
  input: UpdateSessionRequest,
  meta: RequestMeta,
): Promise<ClassSessionItem> {
  return deps.db.transaction(async (tx) => {
    const c = await manageableClass(tx, actor, id);
    const s = await repo.findSession(tx, id, sid);
    if (!s) throw notFound('Không tìm thấy buổi học của lớp này.');
    const merged = {
      date: input.date ?? s.date,
      startTime: input.startTime ?? s.startTime,
      endTime: input.endTime ?? s.endTime,
      place: input.place !== undefined ? (input.place?.normalize('NFC') ?? null) : s.place,
      link: input.link !== undefined ? input.link : s.link,
      topic: input.topic !== undefined ? (input.topic?.normalize('NFC') ?? null) : s.topic,
      instructorId: input.instructorId !== undefined ? input.instructorId : s.instructorId,
    };
    const problem = sessionProblem(merged, c);
    if (problem) throw badField(problem.field, problem.message);
    const instructorName = await checkInstructor(tx, merged.instructorId);
    const row = await repo.updateSession(tx, sid, merged);
    await repo.touchClass(tx, id);
    await recordChange(tx, actor, meta, {
      action: 'class.session.update',
      entityType: 'class_session',
      entityId: sid,
      provinceCode: c.provinceCode,
      ...changed(s, row),
    });
    return sessionItem(row, instructorName);
  });
}

export async function deleteSession(deps: ClassesDeps, actor: Actor, id: number, sid: number, meta: RequestMeta): Promise<{ ok: true }> {
  return deps.db.transaction(async (tx) => {
    const c = await manageableClass(tx, actor, id);
    const s = await repo.findSession(tx, id, sid);
    if (!s) throw notFound('Không tìm thấy buổi học của lớp này.');
    const recorded = await repo.attendanceCountOfSession(tx, sid);
    if (recorded > 0) {
      throw conflict(
        `Buổi học ngày ${formatDateVi(s.date)} đã có điểm danh của ${recorded} học viên, không xóa được; hãy sửa buổi học thay vì xóa.`,
      );
    }
    await repo.deleteSession(tx, sid);
    await repo.touchClass(tx, id);
    await recordChange(tx, actor, meta, {
      action: 'class.session.delete',
      entityType: 'class_session',
      entityId: sid,
      provinceCode: c.provinceCode,
      before: { ...s },
    });
    return { ok: true as const };
  });
}

// ---------------------------------------------------------------- bridge points

export async function addBridgePoint(
  deps: ClassesDeps,
  actor: Actor,
  id: number,
  input: BridgePointRequest,
  meta: RequestMeta,
): Promise<BridgePointItem> {
  return deps.db.transaction(async (tx) => {
    const c = await manageableClass(tx, actor, id);
    const problem = bridgePointProblem(c.mode, input);
    if (problem) throw badField(problem.field, problem.message);
    let provinceCode: string | null = null;
    let communeCode: string | null = null;
    let defaultName = input.name ?? '';
    if (input.level === 'tinh') {
      const p = await findProvince(tx, input.provinceCode!);
      if (!p) throw badField('provinceCode', `không có tỉnh, thành phố mã ${input.provinceCode}`);
      provinceCode = p.code;
      defaultName = `Điểm cầu ${p.fullName}`;
    } else if (input.level === 'xa') {
      const x = await findCommune(tx, input.communeCode!);
      if (!x) throw badField('communeCode', `không có xã, phường mã ${input.communeCode}`);
      if (input.provinceCode && input.provinceCode !== x.provinceCode)
        throw badField('provinceCode', `${x.fullName} không thuộc tỉnh mã ${input.provinceCode}`);
      provinceCode = x.provinceCode;
      communeCode = x.code;
      defaultName = `Điểm cầu ${x.fullName}`;
    }
    const existing = await repo.bridgePointsOf(tx, id);
    const same = existing.find(
      (b) =>
        b.level === input.level &&
        b.provinceCode === provinceCode &&
        b.communeCode === communeCode &&
        (input.level !== 'trung_uong' || b.name === input.name),
    );
    if (same)
      throw conflict(`Lớp đã có ${same.name}.`, input.level === 'xa' ? 'communeCode' : input.level === 'tinh' ? 'provinceCode' : 'name');
    const b = await repo.insertBridgePoint(tx, {
      classId: id,
      name: (input.name ?? defaultName).normalize('NFC'),
      level: input.level,
      provinceCode,
      communeCode,
      address: input.address?.normalize('NFC') ?? null,
    });
    await repo.touchClass(tx, id);
    await recordChange(tx, actor, meta, {
      action: 'class.bridge_point.create',
      entityType: 'bridge_point',
      entityId: b.id,
      provinceCode: c.provinceCode ?? provinceCode,
      communeCode,
      after: { ...b },
    });
    return bridgePointItem(b);
  });
}

export async function deleteBridgePoint(
  deps: ClassesDeps,
  actor: Actor,
  id: number,
  bid: number,
  meta: RequestMeta,
): Promise<{ ok: true }> {
  return deps.db.transaction(async (tx) => {
    const c = await manageableClass(tx, actor, id);
    const b = (await repo.bridgePointsOf(tx, id)).find((x) => x.id === bid);
    if (!b) throw notFound('Không tìm thấy điểm cầu của lớp này.');
    const used = await repo.bridgePointUse(tx, bid);
    if (used > 0) throw conflict(`${b.name} đã có học viên được cử hoặc điểm danh tại đó, không xóa được.`);
    await repo.deleteBridgePoint(tx, bid);
    await repo.touchClass(tx, id);
    await recordChange(tx, actor, meta, {
      action: 'class.bridge_point.delete',
      entityType: 'bridge_point',
      entityId: bid,
      provinceCode: c.provinceCode ?? b.provinceCode,
      communeCode: b.communeCode,
      before: { ...b },
    });
    return { ok: true as const };
  });
}
