/** Use cases of the training-needs review (SPEC §4): review, register and aggregation, decisions. Transactions live here. */
import {
  NEED_PRIORITIES,
  NEED_STATUS_LABELS,
  PROGRAMME_TYPES,
  type CreateNeedRequest,
  type DecideNeedRequest,
  type MyNeedsResponse,
  type NeedItem,
  type NeedsAggregationResponse,
  type NeedsListQuery,
  type NeedsRegisterResponse,
  type NeedSource,
  type Phase,
  type ReviewNeedsResponse,
  type TrainingField,
} from '@app/shared';
import type { Db, DbOrTx } from '../../db/client.ts';
import { createClock, type Clock } from '../../clock.ts';
import { assertCan, can, inScope, type Actor, type Target } from '../../authz/policy.ts';
import { AppError, badField, conflict, notFound, versionConflict } from '../../http/errors.ts';
import { recordChange, type RequestMeta } from '../audit/audit.service.ts';
import { findCommune, listCommunes, listProvincesWithCounts, type CommuneRow } from '../units/units.repository.ts';
import { findOfficial } from '../officials/officials.repository.ts';
import * as repo from './needs.repository.ts';
import {
  defaultPhase,
  defaultPriority,
  emptyTrainingHistory,
  proposeNeeds,
  reconcileNeeds,
  type NeedsSubject,
  type StoredNeed,
} from './needs.rules.ts';
import { canReview, communeInScope, communeTarget, needTarget, refuseSelfScope, resolveScope } from './needs.scope.ts';

export interface NeedsDeps {
  db: Db;
  clock: Clock;
}

// ---------- mapping ----------

function toItem(r: repo.NeedWithOfficial): NeedItem {
  const n = r.n;
  return {
    id: n.id,
    officialId: n.officialId,
    fullName: r.fullName,
    communeCode: n.communeCode,
    unitName: r.unitName,
    positionName: r.positionName,
    belowStandard: r.belowStandard,
    affectedByReorg: r.affectedByReorg,
    phase: n.phase,
    programmeType: n.programmeType as NeedItem['programmeType'],
    field: n.field === '' ? null : (n.field as TrainingField),
    source: n.source as NeedSource,
    status: n.status,
    priority: n.priority,
    reason: n.reason,
    decisionReason: n.decisionReason,
    decidedBy: n.decidedBy,
    decidedAt: n.decidedAt ? n.decidedAt.toISOString() : null,
    createdAt: n.createdAt.toISOString(),
    version: n.version,
  };
}

function subjectOf(o: repo.InServiceOfficial): NeedsSubject {
  // The stored below-standard flag is authoritative (history in official_flags); "meets" only when definitely so.
  const effective = o.meetsRequirementOverride ?? o.meetsRequirementComputed;
  return {
    officialType: o.officialType,
    isLeader: o.isLeader,
    leaderTitle: o.leaderTitle,
    bloc: o.bloc,
    meetsRequirement: o.belowStandard ? false : effective === true ? true : null,
    affectedByReorg: o.affectedByReorg,
    status: o.status,
    statusDate: o.statusDate,
    position: o.positionName
      ? { name: o.positionName, trainingFields: o.positionTrainingFields ?? [], requiredProgrammes: o.positionRequiredProgrammes ?? [] }
      : null,
  };
}

function storedOf(n: repo.NeedRow): StoredNeed {
  return {
    id: n.id,
    programmeType: n.programmeType,
    field: n.field,
    source: n.source,
    status: n.status,
    priority: n.priority,
    reason: n.reason,
  };
}

// ---------- review ----------

interface ReviewBy {
  actor: Actor | null;
  name: string;
  meta: RequestMeta;
  now: Date;
}

/** Runs the rules for every official in service in the commune and reconciles the stored needs (one transaction, given). */
async function runReview(tx: DbOrTx, commune: CommuneRow, phase: Phase, asOf: string, by: ReviewBy): Promise<ReviewNeedsResponse> {
  await repo.lockReview(tx, commune.code, phase);
  const serving = await repo.officialsInService(tx, { communeCode: commune.code }, asOf);
  const servingIds = serving.map((o) => o.id);
  const rehomed = await repo.rehomeNeeds(tx, servingIds, commune.code, commune.provinceCode, phase);
  const stored = await repo.needsOfCommune(tx, commune.code, phase);
  const storedBy = new Map<string, repo.NeedRow[]>();
  for (const n of stored) storedBy.set(n.officialId, [...(storedBy.get(n.officialId) ?? []), n]);
  const histories = await repo.trainingHistoryOf(tx, servingIds, phase, asOf);

  const creates: repo.NeedInsert[] = [];
  const removeIds: number[] = [];
  const updates: { id: number; priority: number; reason: string; source: string }[] = [];
  let unchanged = 0;
  const ctx = { regionType: commune.regionType, phase, asOf };
  const servingSet = new Set(servingIds);
  for (const o of serving) {
    const proposals = proposeNeeds(subjectOf(o), ctx, histories.get(o.id) ?? emptyTrainingHistory());
    const plan = reconcileNeeds(proposals, (storedBy.get(o.id) ?? []).map(storedOf));
    for (const p of plan.create) {
      creates.push({
        officialId: o.id,
        provinceCode: commune.provinceCode,
        communeCode: commune.code,
        phase,
        programmeType: p.programmeType,
        field: p.field ?? '',
        source: p.source,
        status: 'proposed',
        priority: p.priority,
        reason: p.reason,
        createdAt: by.now,
      });
    }
    removeIds.push(...plan.remove.map((n) => n.id));
    updates.push(
      ...plan.update.map((u) => ({ id: u.stored.id, priority: u.proposal.priority, reason: u.proposal.reason, source: u.proposal.source })),
    );
    unchanged += plan.unchanged.length;
  }
  // Officials no longer serving here (retired, moved, left): their proposals go, decisions stay.
  for (const [officialId, rows] of storedBy) {
    if (servingSet.has(officialId)) continue;
    const plan = reconcileNeeds([], rows.map(storedOf));
    removeIds.push(...plan.remove.map((n) => n.id));
    unchanged += plan.unchanged.length;
  }

  const created = await repo.insertNeeds(tx, creates);
  const removed = await repo.deleteProposedNeeds(tx, removeIds);
  let updated = 0;
  for (const u of updates)
    if (await repo.refreshProposedNeed(tx, u.id, { priority: u.priority, reason: u.reason, source: u.source })) updated++;

  const result: ReviewNeedsResponse = {
    communeCode: commune.code,
    phase,
    asOf,
    officials: serving.length,
    created: created.length,
    removed: removed.length,
    updated,
    unchanged,
  };
  await recordChange(tx, by.actor, by.meta, {
    action: 'needs.review',
    entityType: 'training_needs',
    entityId: `${commune.code}:${phase}`,
    provinceCode: commune.provinceCode,
    communeCode: commune.code,
    before: removed.length
      ? {
          removed: removed.map((n) => ({
            id: n.id,
            officialId: n.officialId,
            programmeType: n.programmeType,
            field: n.field,
            priority: n.priority,
          })),
        }
      : null,
    after: {
      by: by.name,
      ...result,
      rehomed,
      createdNeeds: created.map((n) => ({
        id: n.id,
        officialId: n.officialId,
        programmeType: n.programmeType,
        field: n.field,
        priority: n.priority,
      })),
    },
  });
  return result;
}

/**
 * Runs the needs review of one commune inside the caller's transaction (the demo seed calls it).
 * `asOf` (the day "in service" is judged on) defaults to the server's one clock (APP_TODAY outside production).
 */
export async function reviewCommuneNeeds(
  tx: DbOrTx,
  communeCode: string,
  phase: Phase,
  actorName: string,
  asOf: string = createClock(process.env.APP_TODAY, process.env.NODE_ENV ?? 'development').today(),
): Promise<ReviewNeedsResponse> {
  const commune = await findCommune(tx, communeCode);
  if (!commune) throw new Error(`Không có xã, phường mã ${communeCode}`);
  return runReview(tx, commune, phase, asOf, { actor: null, name: actorName, meta: { ip: null, requestId: null }, now: new Date() });
}

export async function reviewNeeds(
  deps: NeedsDeps,
  actor: Actor,
  q: { commune?: string | undefined; phase?: Phase | undefined },
  meta: RequestMeta,
) {
  const code = q.commune ?? actor.communeCode;
  if (!code) throw badField('commune', 'cần chọn xã, phường để rà soát');
  const commune = await communeInScope(deps.db, actor, code, 'commune');
  if (!canReview(actor, communeTarget(commune)))
    throw new AppError(403, 'FORBIDDEN', 'Bạn không có quyền rà soát nhu cầu bồi dưỡng của xã này.');
  const asOf = deps.clock.today();
  const phase = q.phase ?? defaultPhase(asOf);
  return deps.db.transaction((tx) => runReview(tx, commune, phase, asOf, { actor, name: actor.username, meta, now: deps.clock.now() }));
}

// ---------- register and aggregation ----------

function breakdown(rows: repo.CountRow[]) {
  const pick = (d: repo.CountRow['dimension']) => rows.filter((r) => r.dimension === d);
  const counts = (r: repo.CountRow | undefined) => ({ proposed: r?.proposed ?? 0, confirmed: r?.confirmed ?? 0, total: r?.total ?? 0 });
  const byType = new Map(pick('programme').map((r) => [r.key, r]));
  const byPriority = new Map(pick('priority').map((r) => [r.key, r]));
  return {
    byProgrammeType: PROGRAMME_TYPES.map((t) => ({ programmeType: t, ...counts(byType.get(t)) })),
    byField: pick('field')
      .filter((r) => r.key && r.total > 0)
      .map((r) => ({ field: r.key as TrainingField, ...counts(r) }))
      .sort((a, b) => b.total - a.total || a.field.localeCompare(b.field)),
    byPriority: NEED_PRIORITIES.map((p) => ({ priority: p, ...counts(byPriority.get(String(p))) })),
  };
}

function totalsOf(row: repo.CountRow | undefined, inService: number) {
  return {
    proposed: row?.proposed ?? 0,
    confirmed: row?.confirmed ?? 0,
    total: row?.total ?? 0,
    dropped: row?.dropped ?? 0,
    officialsInService: inService,
    officialsWithNeeds: row?.officials ?? 0,
  };
}

export async function listNeeds(
  deps: NeedsDeps,
  actor: Actor,
  q: NeedsListQuery,
): Promise<NeedsRegisterResponse | NeedsAggregationResponse> {
  assertCan(actor, 'needs.read');
  refuseSelfScope(actor);
  const scope = await resolveScope(deps.db, actor, q.scope);
  const asOf = deps.clock.today();
  const phase = q.phase ?? defaultPhase(asOf);

  if (scope.level === 'commune') {
    const c = scope.commune;
    const [counts, inService, page] = await Promise.all([
      repo.needCounts(deps.db, { communeCode: c.code }, phase, asOf, 'commune'),
      repo.inServiceCounts(deps.db, { communeCode: c.code }, asOf, 'commune'),
      repo.registerItems(deps.db, c.code, phase, asOf, q, q.page, q.pageSize),
    ]);
    const target = communeTarget(c);
    return {
      level: 'commune',
      scope: scope.scope,
      phase,
      asOf,
      commune: { code: c.code, name: c.fullName, provinceCode: c.provinceCode, regionType: c.regionType },
      canManage: can(actor, 'needs.manage', target),
      canReview: canReview(actor, target),
      summary: {
        ...totalsOf(
          counts.find((r) => r.dimension === 'all'),
          inService.find((r) => r.key === null)?.n ?? 0,
        ),
        ...breakdown(counts),
      },
      items: page.rows.map(toItem),
      total: page.total,
    };
  }

  const place: repo.Place = scope.level === 'province' ? { provinceCode: scope.provinceCode } : {};
  const child = scope.level === 'province' ? 'commune' : 'province';
  const [counts, inService, children] = await Promise.all([
    repo.needCounts(deps.db, place, phase, asOf, child),
    repo.inServiceCounts(deps.db, place, asOf, child),
    scope.level === 'province'
      ? listCommunes(deps.db, { provinceCode: scope.provinceCode }).then((rows) => rows.map((r) => ({ code: r.code, name: r.fullName })))
      : listProvincesWithCounts(deps.db).then((rows) => rows.map((r) => ({ code: r.code, name: r.fullName }))),
  ]);
  const childCounts = new Map(counts.filter((r) => r.dimension === 'child').map((r) => [r.key, r]));
  const childServing = new Map(inService.filter((r) => r.key !== null).map((r) => [r.key, r.n]));
  return {
    level: scope.level,
    scope: scope.scope,
    phase,
    asOf,
    name: scope.name,
    totals: totalsOf(
      counts.find((r) => r.dimension === 'all'),
      inService.find((r) => r.key === null)?.n ?? 0,
    ),
    ...breakdown(counts),
    children: children.map((ch) => ({
      code: ch.code,
      name: ch.name,
      ...totalsOf(childCounts.get(ch.code), childServing.get(ch.code) ?? 0),
    })),
  };
}

// ---------- decisions and manual needs ----------

async function visibleNeed(db: Db, actor: Actor, id: number) {
  const row = await repo.findNeed(db, id);
  if (!row) throw notFound('Không tìm thấy nhu cầu bồi dưỡng.');
  // Out of scope answers as if it did not exist (STYLE §8).
  if (!inScope(actor, needTarget(row))) throw notFound('Không tìm thấy nhu cầu bồi dưỡng.');
  return row;
}

export async function decideNeed(
  deps: NeedsDeps,
  actor: Actor,
  id: number,
  input: DecideNeedRequest,
  meta: RequestMeta,
): Promise<NeedItem> {
  const current = await visibleNeed(deps.db, actor, id);
  assertCan(actor, 'needs.manage', needTarget(current));
  const decisionReason = input.decisionReason?.trim() || null;
  if (input.status === 'dropped' && !decisionReason) throw badField('decisionReason', 'cần ghi lý do khi loại nhu cầu bồi dưỡng');
  await deps.db.transaction(async (tx) => {
    const before = await repo.lockNeed(tx, id);
    if (!before) throw notFound('Không tìm thấy nhu cầu bồi dưỡng.');
    if (before.version !== input.version) throw versionConflict(before.decidedAt ?? before.createdAt);
    const after = await repo.decideNeed(tx, id, input.version, {
      status: input.status,
      decisionReason,
      decidedBy: actor.username,
      decidedAt: deps.clock.now(),
    });
    if (!after) throw versionConflict(before.decidedAt ?? before.createdAt);
    await recordChange(tx, actor, meta, {
      action: input.status === 'dropped' ? 'need.drop' : 'need.confirm',
      entityType: 'training_need',
      entityId: id,
      provinceCode: after.provinceCode,
      communeCode: after.communeCode,
      before,
      after,
    });
  });
  const row = await repo.findNeed(deps.db, id);
  return toItem(row!);
}

export async function createNeed(deps: NeedsDeps, actor: Actor, input: CreateNeedRequest, meta: RequestMeta): Promise<NeedItem> {
  const o = await findOfficial(deps.db, input.officialId);
  const target: Target | null = o
    ? { provinceCode: o.o.provinceCode, communeCode: o.o.communeCode, unitId: o.o.unitId, officialId: o.o.id }
    : null;
  if (!o || !target || !inScope(actor, target)) throw notFound('Không tìm thấy cán bộ, công chức.');
  assertCan(actor, 'needs.manage', target);
  const asOf = deps.clock.today();
  if (!(await repo.isInServiceIn(deps.db, o.o.id, o.o.communeCode, asOf))) {
    throw badField('officialId', 'cán bộ, công chức này không còn công tác tại xã; không thêm nhu cầu bồi dưỡng');
  }
  const field = input.field ?? '';
  const priority = input.priority ?? defaultPriority(input.programmeType, o.o);
  const now = deps.clock.now();
  const id = await deps.db.transaction(async (tx) => {
    const row = await repo.insertNeed(tx, {
      officialId: o.o.id,
      provinceCode: o.o.provinceCode,
      communeCode: o.o.communeCode,
      phase: input.phase,
      programmeType: input.programmeType,
      field,
      source: 'manual',
      status: 'confirmed',
      priority,
      reason: input.reason,
      decidedBy: actor.username,
      decidedAt: now,
      decisionReason: input.reason,
      createdAt: now,
    });
    if (!row) {
      const existing = await repo.findNeedByKey(tx, o.o.id, input.phase, input.programmeType, field);
      const state = existing ? ` (đang ở trạng thái "${NEED_STATUS_LABELS[existing.status]}")` : '';
      throw conflict(
        `Cán bộ này đã có nhu cầu bồi dưỡng cùng loại chương trình, lĩnh vực và giai đoạn${state}; hãy xác nhận hoặc sửa nhu cầu đó.`,
        'programmeType',
      );
    }
    await recordChange(tx, actor, meta, {
      action: 'need.create',
      entityType: 'training_need',
      entityId: row.id,
      provinceCode: row.provinceCode,
      communeCode: row.communeCode,
      after: row,
    });
    return row.id;
  });
  return toItem((await repo.findNeed(deps.db, id))!);
}

// ---------- the learner's own needs ----------

export async function myNeeds(deps: NeedsDeps, actor: Actor, phase?: Phase): Promise<MyNeedsResponse> {
  if (!actor.officialId) return { official: null, items: [] };
  const o = await findOfficial(deps.db, actor.officialId);
  if (!o) return { official: null, items: [] };
  const rows = await repo.needsOfOfficial(deps.db, o.o.id, phase);
  return {
    official: {
      id: o.o.id,
      fullName: o.o.fullName,
      communeCode: o.o.communeCode,
      communeName: o.communeName,
      unitName: o.unitName,
      positionName: o.positionName,
    },
    items: rows.map(toItem),
  };
}
