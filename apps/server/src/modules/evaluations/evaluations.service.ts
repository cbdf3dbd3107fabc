/**
 * Post-training effectiveness evaluations (SPEC §8): who may record which source, the 3-month
 * window, the score recomputed from every source present, due/overdue lists.
 */
import {
  formatDateVi,
  type EvaluationConfig,
  type EvaluationDetail,
  type EvaluationItem,
  type EvaluationSource,
  type EvaluationStatus,
  type SubmitAssessmentRequest,
} from '@app/shared';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Clock } from '../../clock.ts';
import { assertCan, can, listScope, type Actor, type Target } from '../../authz/policy.ts';
import { badField, conflict, forbidden, notFound, versionConflict } from '../../http/errors.ts';
import { recordChange, type RequestMeta } from '../audit/audit.service.ts';
import * as repo from './evaluations.repository.ts';
import { checkConfig, evaluationLevel, evaluationScore, evaluationStatus, overdueFrom, windowOpensOn } from './evaluations.rules.ts';

export interface Deps {
  db: Db;
  clock: Clock;
}

const num = (s: string | null) => (s === null ? null : Number(s));
const targetOf = (c: repo.CandidateRow): Target => ({
  provinceCode: c.province_code,
  communeCode: c.commune_code,
  unitId: c.unit_id,
  officialId: c.official_id,
});

function toItem(c: repo.CandidateRow, today: string, overdueDays: number): EvaluationItem {
  const opensOn = windowOpensOn(c.class_end_date);
  return {
    enrolmentId: c.enrolment_id,
    evaluationId: c.evaluation_id,
    officialId: c.official_id,
    officialName: c.official_name,
    communeCode: c.commune_code,
    communeName: c.commune_name,
    unitId: c.unit_id,
    unitName: c.unit_name,
    classId: c.class_id,
    className: c.class_name,
    programmeName: c.programme_name,
    classEndDate: c.class_end_date,
    opensOn,
    overdueFrom: overdueFrom(opensOn, overdueDays),
    status: evaluationStatus({ opensOn, evaluatedOn: c.evaluated_on, today, overdueDays }),
    evaluatedOn: c.evaluated_on,
    score: num(c.score),
    level: c.level,
    sources: c.sources ?? [],
    peerOfficialIds: c.peer_official_ids ?? [],
  };
}

// ---------- configuration ----------
export async function getConfig(deps: Deps) {
  return repo.loadConfig(deps.db);
}

export async function updateConfig(deps: Deps, actor: Actor, input: EvaluationConfig & { version: number }, meta: RequestMeta) {
  assertCan(actor, 'evaluations.configure');
  const problems = checkConfig(input);
  if (problems.length) {
    const first = problems[0]!;
    throw Object.assign(badField(first.field, first.message), { fields: problems });
  }
  await deps.db.transaction(async (tx) => {
    const before = await repo.loadConfig(tx);
    if (before.version !== input.version) throw versionConflict(before.updatedAt);
    const { version: _v, ...config } = input;
    if (!(await repo.saveConfig(tx, config, actor.username, input.version))) throw versionConflict();
    await recordChange(tx, actor, meta, {
      action: 'evaluationConfig.update',
      entityType: 'evaluation_config',
      entityId: 1,
      before,
      after: config,
    });
  });
  return repo.loadConfig(deps.db);
}

// ---------- lists ----------
export async function listEvaluations(
  deps: Deps,
  actor: Actor,
  q: { communeCode?: string; unitId?: number; officialId?: string; status?: EvaluationStatus },
) {
  assertCan(actor, 'evaluations.read');
  const scope = listScope(actor);
  const today = deps.clock.today();
  const config = await repo.loadConfig(deps.db);
  if (!scope) return { items: [], asOf: today, overdueDays: config.overdueDays };
  if (scope.communeCode && q.communeCode && q.communeCode !== scope.communeCode)
    return { items: [], asOf: today, overdueDays: config.overdueDays };
  if (scope.unitId !== undefined && q.unitId !== undefined && q.unitId !== scope.unitId)
    return { items: [], asOf: today, overdueDays: config.overdueDays };
  const rows = await repo.listCandidates(deps.db, {
    ...(scope.provinceCode ? { provinceCode: scope.provinceCode } : {}),
    ...((scope.communeCode ?? q.communeCode) ? { communeCode: (scope.communeCode ?? q.communeCode)! } : {}),
    ...((scope.unitId ?? q.unitId) !== undefined ? { unitId: (scope.unitId ?? q.unitId)! } : {}),
    ...((scope.officialId ?? q.officialId) ? { officialId: (scope.officialId ?? q.officialId)! } : {}),
  });
  let items = rows.map((r) => toItem(r, today, config.overdueDays));
  if (q.status) items = items.filter((i) => i.status === q.status);
  return { items, asOf: today, overdueDays: config.overdueDays };
}

async function candidate(db: DbOrTx, enrolmentId: number): Promise<repo.CandidateRow> {
  const c = (await repo.listCandidates(db, { enrolmentId }))[0];
  if (!c) throw notFound('Không tìm thấy học viên đã hoàn thành khóa học cần đánh giá');
  return c;
}

async function detail(db: DbOrTx, c: repo.CandidateRow, today: string, overdueDays: number): Promise<EvaluationDetail> {
  const responses = c.evaluation_id ? await repo.responsesOf(db, c.evaluation_id) : [];
  return {
    ...toItem(c, today, overdueDays),
    responses: responses.map((r) => ({
      source: r.source,
      respondentName: r.respondent_name,
      criteria: r.criteria,
      satisfaction: num(r.satisfaction),
      note: r.note,
      submittedOn: r.submitted_on,
    })),
  };
}

const isPeer = (actor: Actor, c: repo.CandidateRow) => !!actor.officialId && (c.peer_official_ids ?? []).includes(actor.officialId);

export async function getEvaluation(deps: Deps, actor: Actor, enrolmentId: number): Promise<EvaluationDetail> {
  const c = await candidate(deps.db, enrolmentId);
  if (!isPeer(actor, c)) assertCan(actor, 'evaluations.read', targetOf(c));
  const config = await repo.loadConfig(deps.db);
  const d = await detail(deps.db, c, deps.clock.today(), config.overdueDays);
  // A peer sees the person and the class, not the other sources' answers.
  return isPeer(actor, c) && actor.officialId !== c.official_id && !can(actor, 'evaluations.read', targetOf(c)) ? { ...d, responses: [] } : d;
}

export async function mine(deps: Deps, actor: Actor) {
  const today = deps.clock.today();
  if (!actor.officialId) return { items: [], peerRequests: [], asOf: today };
  const config = await repo.loadConfig(deps.db);
  const own = await repo.listCandidates(deps.db, { officialId: actor.officialId });
  const items = [];
  for (const c of own) {
    const d = await detail(deps.db, c, today, config.overdueDays);
    // The learner sees their own answers and the outcome, not who else said what.
    items.push({ ...d, responses: d.responses.filter((r) => r.source === 'self') });
  }
  const peerRows = (await repo.listCandidates(deps.db, { communeCode: actor.communeCode ?? '00000' })).filter((c) => isPeer(actor, c));
  return { items, peerRequests: peerRows.map((c) => toItem(c, today, config.overdueDays)), asOf: today };
}

// ---------- recording sources ----------
function assertWindowOpen(c: repo.CandidateRow, today: string) {
  const opensOn = windowOpensOn(c.class_end_date);
  if (today < opensOn) {
    throw conflict(
      `Chưa đến kỳ đánh giá hiệu quả sau bồi dưỡng: lớp kết thúc ngày ${formatDateVi(c.class_end_date)}, việc đánh giá chỉ được thực hiện từ ngày ${formatDateVi(opensOn)} (đủ 3 tháng sau khi kết thúc).`,
      'enrolmentId',
    );
  }
}

async function recompute(tx: DbOrTx, evaluationId: number, config: EvaluationConfig, today: string) {
  const rs = await repo.responsesOf(tx, evaluationId);
  const unitHead = rs.find((r) => r.source === 'unit_head')?.criteria ?? null;
  const self = rs.find((r) => r.source === 'self')?.criteria ?? null;
  const peers = rs.filter((r) => r.source === 'peer').map((r) => r.criteria);
  const citizen = num(rs.find((r) => r.source === 'citizen')?.satisfaction ?? null);
  const score = evaluationScore({ unitHead, self, peers, citizen }, config);
  await repo.setResult(tx, evaluationId, {
    score,
    level: score === null ? null : evaluationLevel(score, config.thresholds),
    evaluatedOn: score === null ? null : today,
  });
}

function checkAnswers(body: SubmitAssessmentRequest) {
  const missing = ['ung_dung', 'ket_qua_cong_vu', 'tham_muu', 'hai_long', 'phoi_hop', 'ky_luat', 'liem_chinh', 'trach_nhiem'].filter(
    (k) => !(k in body.criteria),
  );
  if (missing.length) throw badField(`criteria.${missing[0]}`, 'chưa chấm điểm tiêu chí này (mỗi tiêu chí từ 1 đến 5)');
}

async function record(
  deps: Deps,
  actor: Actor,
  enrolmentId: number,
  source: EvaluationSource,
  meta: RequestMeta,
  payload: { criteria: Record<string, { score: number; evidence: string }>; satisfaction: number | null; note: string | null },
  authorise: (c: repo.CandidateRow) => void,
) {
  const today = deps.clock.today();
  await deps.db.transaction(async (tx) => {
    const c = await candidate(tx, enrolmentId);
    authorise(c);
    assertWindowOpen(c, today);
    const config = await repo.loadConfig(tx);
    const ev = await repo.ensureEvaluation(tx, c, windowOpensOn(c.class_end_date));
    await repo.upsertResponse(tx, { evaluationId: ev.id, source, userId: actor.id, officialId: actor.officialId, ...payload, on: today });
    await recompute(tx, ev.id, config, today);
    await recordChange(tx, actor, meta, {
      action: `evaluation.${source}`,
      entityType: 'post_training_evaluation',
      entityId: ev.id,
      provinceCode: c.province_code,
      communeCode: c.commune_code,
      after: { enrolmentId, source, ...payload },
    });
  });
  const c = await candidate(deps.db, enrolmentId);
  const config = await repo.loadConfig(deps.db);
  return detail(deps.db, c, today, config.overdueDays);
}

export function submitSelf(deps: Deps, actor: Actor, enrolmentId: number, body: SubmitAssessmentRequest, meta: RequestMeta) {
  checkAnswers(body);
  return record(deps, actor, enrolmentId, 'self', meta, { criteria: body.criteria, satisfaction: null, note: body.note ?? null }, (c) => {
    if (!actor.officialId || actor.officialId !== c.official_id) throw notFound();
  });
}

export function submitUnitHead(deps: Deps, actor: Actor, enrolmentId: number, body: SubmitAssessmentRequest, meta: RequestMeta) {
  checkAnswers(body);
  return record(
    deps,
    actor,
    enrolmentId,
    'unit_head',
    meta,
    { criteria: body.criteria, satisfaction: null, note: body.note ?? null },
    (c) => {
      // Only the head of the official's own unit ('evaluations.assess' is the unit head's, scoped to the unit).
      if (!can(actor, 'evaluations.assess', targetOf(c))) {
        if (can(actor, 'evaluations.read', targetOf(c)))
          throw forbidden('Chỉ thủ trưởng đơn vị trực tiếp quản lý công chức này mới được đánh giá.');
        throw notFound();
      }
    },
  );
}

export function submitPeer(deps: Deps, actor: Actor, enrolmentId: number, body: SubmitAssessmentRequest, meta: RequestMeta) {
  checkAnswers(body);
  return record(deps, actor, enrolmentId, 'peer', meta, { criteria: body.criteria, satisfaction: null, note: body.note ?? null }, (c) => {
    if (!isPeer(actor, c) || actor.officialId === c.official_id) throw notFound();
  });
}

export function submitCitizen(
  deps: Deps,
  actor: Actor,
  enrolmentId: number,
  body: { satisfaction: number; note?: string | undefined },
  meta: RequestMeta,
) {
  return record(
    deps,
    actor,
    enrolmentId,
    'citizen',
    meta,
    { criteria: {}, satisfaction: body.satisfaction, note: body.note ?? null },
    (c) => {
      assertCan(actor, 'evaluations.manage', targetOf(c));
    },
  );
}

/** Peers are chosen by the unit head or the commune admin: colleagues of the same commune, not the person. */
export async function setPeers(deps: Deps, actor: Actor, enrolmentId: number, officialIds: string[], meta: RequestMeta) {
  const today = deps.clock.today();
  await deps.db.transaction(async (tx) => {
    const c = await candidate(tx, enrolmentId);
    if (!can(actor, 'evaluations.assess', targetOf(c)) && !can(actor, 'evaluations.manage', targetOf(c))) {
      if (can(actor, 'evaluations.read', targetOf(c))) throw forbidden();
      throw notFound();
    }
    assertWindowOpen(c, today);
    const ids = [...new Set(officialIds)];
    if (ids.includes(c.official_id)) throw badField('officialIds', 'không chọn chính người được đánh giá làm đồng nghiệp đánh giá');
    const found = await repo.officialsIn(tx, ids);
    const bad = ids.find((id) => !found.some((f) => f.id === id && f.commune_code === c.commune_code));
    if (bad) throw badField('officialIds', 'đồng nghiệp phải là công chức đang công tác cùng xã, phường');
    const ev = await repo.ensureEvaluation(tx, c, windowOpensOn(c.class_end_date));
    await repo.setPeers(tx, ev.id, ids);
    await recordChange(tx, actor, meta, {
      action: 'evaluation.peers',
      entityType: 'post_training_evaluation',
      entityId: ev.id,
      provinceCode: c.province_code,
      communeCode: c.commune_code,
      before: { peers: ev.peer_official_ids },
      after: { peers: ids },
    });
  });
  return getEvaluation(deps, actor, enrolmentId);
}

// ---------- for the warnings module (H5) ----------
export type EvaluationScope = { level: 'nation' } | { level: 'province'; provinceCode: string } | { level: 'commune'; communeCode: string };

/**
 * Evaluations due (window open, not yet evaluated, within N days) and overdue (open for more than
 * N days) on `asOf`, with counts per commune and per unit.
 */
export async function evaluationsDueOverdue(db: DbOrTx, scope: EvaluationScope, asOf: string) {
  const config = await repo.loadConfig(db);
  const rows = await repo.listCandidates(db, {
    ...(scope.level === 'province' ? { provinceCode: scope.provinceCode } : {}),
    ...(scope.level === 'commune' ? { communeCode: scope.communeCode } : {}),
    endedBy: asOf,
  });
  const items = rows.map((r) => toItem(r, asOf, config.overdueDays)).filter((i) => i.status === 'den_han' || i.status === 'qua_han');
  const byCommune = new Map<string, { communeCode: string; communeName: string | null; due: number; overdue: number }>();
  const byUnit = new Map<string, { communeCode: string; unitId: number | null; unitName: string | null; due: number; overdue: number }>();
  for (const i of items) {
    const cm = byCommune.get(i.communeCode) ?? { communeCode: i.communeCode, communeName: i.communeName, due: 0, overdue: 0 };
    const uk = `${i.communeCode}|${i.unitId ?? ''}`;
    const u = byUnit.get(uk) ?? { communeCode: i.communeCode, unitId: i.unitId, unitName: i.unitName, due: 0, overdue: 0 };
    if (i.status === 'qua_han') {
      cm.overdue++;
      u.overdue++;
    } else {
      cm.due++;
      u.due++;
    }
    byCommune.set(i.communeCode, cm);
    byUnit.set(uk, u);
  }
  return {
    asOf,
    overdueDays: config.overdueDays,
    due: items.filter((i) => i.status === 'den_han'),
    overdue: items.filter((i) => i.status === 'qua_han'),
    byCommune: [...byCommune.values()],
    byUnit: [...byUnit.values()],
  };
}
