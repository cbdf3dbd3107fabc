/**
 * Mentoring (SPEC §12): the commune admin pairs a mentor with a mentee of the same commune; both
 * people (and the commune admin) write goals and meeting notes; the pair shows in both records.
 */
import type { CreateMentoringPairRequest, MentoringEntryRequest, MentoringPairItem } from '@app/shared';
import type { Clock } from '../../clock.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { assertCan, can, listScope, type Actor, type Target } from '../../authz/policy.ts';
import { badField, conflict, forbidden, notFound, versionConflict } from '../../http/errors.ts';
import { recordChange, type RequestMeta } from '../audit/audit.service.ts';
import * as repo from './mentoring.repository.ts';
import { mayWrite, pairProblem } from './mentoring.rules.ts';

export interface MentoringDeps {
  db: Db;
  clock: Clock;
}

const NOT_FOUND = 'Không tìm thấy cặp kèm cặp.';
const commune = (p: { provinceCode: string; communeCode: string }): Target => ({
  provinceCode: p.provinceCode,
  communeCode: p.communeCode,
});
const isMember = (actor: Actor, p: repo.PairRow) =>
  actor.officialId !== null && (actor.officialId === p.mentorId || actor.officialId === p.menteeId);

function toItem(actor: Actor, p: repo.PairRow, entries: repo.EntryRow[]): MentoringPairItem {
  const isManager = can(actor, 'mentoring.manage', commune(p));
  return {
    id: p.id,
    communeCode: p.communeCode,
    mentor: { id: p.mentorId, fullName: p.mentorName, positionName: p.mentorPosition },
    mentee: { id: p.menteeId, fullName: p.menteeName, positionName: p.menteePosition },
    fromDate: p.fromDate,
    toDate: p.toDate,
    status: p.status,
    entries: entries.filter((e) => e.pairId === p.id).map(({ pairId: _p, ...e }) => e),
    canWrite: mayWrite({ actorOfficialId: actor.officialId, mentorId: p.mentorId, menteeId: p.menteeId, status: p.status, isManager }),
    canManage: isManager && p.status === 'active',
    version: p.version,
  };
}

async function visible(db: DbOrTx, actor: Actor, id: number): Promise<repo.PairRow> {
  const p = await repo.findById(db, id);
  if (!p) throw notFound(NOT_FOUND);
  if (isMember(actor, p)) return p;
  // Officials see only their own pairs; unit heads the pairs with someone of their unit; admins their area.
  if (actor.role === 'official' || !can(actor, 'mentoring.read', commune(p))) throw notFound(NOT_FOUND);
  if (actor.role === 'unit_head') {
    const inUnit = await repo.list(db, { communeCode: p.communeCode, unitId: actor.unitId ?? -1 });
    if (!inUnit.some((x) => x.id === p.id)) throw notFound(NOT_FOUND);
  }
  return p;
}

export async function getPair(deps: MentoringDeps, actor: Actor, id: number): Promise<MentoringPairItem> {
  const p = await visible(deps.db, actor, id);
  return toItem(actor, p, await repo.entriesOf(deps.db, [p.id]));
}

/** Pairs of the actor's scope; for officials, their own pairs; `officialId` narrows to one person. */
export async function listPairs(deps: MentoringDeps, actor: Actor, q: { officialId?: string }): Promise<{ items: MentoringPairItem[] }> {
  assertCan(actor, 'mentoring.read');
  const scope = listScope(actor);
  if (!scope) return { items: [] };
  const rows = await repo.list(deps.db, { ...scope, ...(q.officialId ? { person: q.officialId } : {}) });
  const entries = await repo.entriesOf(
    deps.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => toItem(actor, r, entries)) };
}

/** The actor's own pairs (as mentor or mentee). */
export async function minePairs(deps: MentoringDeps, actor: Actor): Promise<{ items: MentoringPairItem[] }> {
  if (!actor.officialId) return { items: [] };
  const rows = await repo.list(deps.db, { officialId: actor.officialId });
  const entries = await repo.entriesOf(
    deps.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => toItem(actor, r, entries)) };
}

export async function createPair(
  deps: MentoringDeps,
  actor: Actor,
  body: CreateMentoringPairRequest,
  meta: RequestMeta,
): Promise<MentoringPairItem> {
  assertCan(actor, 'mentoring.manage');
  const communeCode = actor.communeCode;
  if (!communeCode) throw forbidden('Chỉ quản trị cấp xã lập cặp kèm cặp cho cán bộ của xã.');
  const id = await deps.db.transaction(async (tx) => {
    const [mentor, mentee] = await Promise.all([repo.person(tx, body.mentorId), repo.person(tx, body.menteeId)]);
    // People of another commune are "not found" for this admin.
    const p = pairProblem(
      mentor && mentor.communeCode === communeCode ? mentor : null,
      mentee && mentee.communeCode === communeCode ? mentee : null,
      communeCode,
    );
    if (p) throw badField(p.field, p.message);
    const newId = await repo.insertPair(tx, {
      provinceCode: mentor!.provinceCode,
      communeCode,
      mentorId: mentor!.id,
      menteeId: mentee!.id,
      fromDate: body.fromDate,
      by: actor.username,
    });
    if (newId === null) throw conflict('Hai người này đang là một cặp kèm cặp.', 'menteeId');
    if (body.goal) await repo.insertEntry(tx, { pairId: newId, kind: 'goal', onDate: body.fromDate, text: body.goal, by: actor.username });
    await recordChange(tx, actor, meta, {
      action: 'mentoring.create',
      entityType: 'mentoring_pair',
      entityId: newId,
      provinceCode: mentor!.provinceCode,
      communeCode,
      after: body,
    });
    return newId;
  });
  return getPair(deps, actor, id);
}

export async function addEntry(
  deps: MentoringDeps,
  actor: Actor,
  id: number,
  body: MentoringEntryRequest,
  meta: RequestMeta,
): Promise<MentoringPairItem> {
  await deps.db.transaction(async (tx) => {
    const p = await visible(tx, actor, id);
    const isManager = can(actor, 'mentoring.manage', commune(p));
    if (!mayWrite({ actorOfficialId: actor.officialId, mentorId: p.mentorId, menteeId: p.menteeId, status: p.status, isManager })) {
      if (p.status !== 'active') throw conflict('Cặp kèm cặp đã kết thúc, không ghi thêm được.');
      throw forbidden('Chỉ hai người trong cặp và quản trị cấp xã được ghi mục tiêu, buổi gặp.');
    }
    if (body.onDate < p.fromDate) throw badField('onDate', 'không được trước ngày bắt đầu kèm cặp');
    const entryId = await repo.insertEntry(tx, { pairId: id, kind: body.kind, onDate: body.onDate, text: body.text, by: actor.username });
    await recordChange(tx, actor, meta, {
      action: `mentoring.${body.kind}`,
      entityType: 'mentoring_pair',
      entityId: id,
      provinceCode: p.provinceCode,
      communeCode: p.communeCode,
      after: { entryId, ...body },
    });
  });
  return getPair(deps, actor, id);
}

export async function endPair(
  deps: MentoringDeps,
  actor: Actor,
  id: number,
  version: number,
  meta: RequestMeta,
): Promise<MentoringPairItem> {
  await deps.db.transaction(async (tx) => {
    const p = await visible(tx, actor, id);
    assertCan(actor, 'mentoring.manage', commune(p));
    if (p.version !== version) throw versionConflict();
    if (p.status !== 'active') throw conflict('Cặp kèm cặp đã kết thúc trước đó.');
    await repo.endPair(tx, id, deps.clock.today());
    await recordChange(tx, actor, meta, {
      action: 'mentoring.end',
      entityType: 'mentoring_pair',
      entityId: id,
      provinceCode: p.provinceCode,
      communeCode: p.communeCode,
      before: { status: p.status },
      after: { status: 'ended' },
    });
  });
  return getPair(deps, actor, id);
}
