/**
 * Annual quality ratings (Decree 335/2025/NĐ-CP, SPEC §8): the commune records each official's
 * yearly score; the level is derived and stored; the 20% HTXSNV share is a warning, not a refusal.
 */
import type { RatingItem, RatingWarning, UpsertRatingRequest } from '@app/shared';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../clock.ts';
import { assertCan, listScope, type Actor } from '../../authz/policy.ts';
import { badField } from '../../http/errors.ts';
import { recordChange, type RequestMeta } from '../audit/audit.service.ts';
import * as repo from './ratings.repository.ts';
import { htxsOverLimit, htxsWarningMessage, ratingLevel, ratingScore } from './ratings.rules.ts';

export interface Deps {
  db: Db;
  clock: Clock;
}

const toItem = (r: repo.RatingRow): RatingItem => ({
  id: r.id,
  officialId: r.official_id,
  officialName: r.official_name,
  unitId: r.unit_id,
  unitName: r.unit_name,
  year: r.year,
  generalScore: Number(r.general_score),
  taskScore: Number(r.task_score),
  score: Number(r.score),
  level: r.level,
  disciplined: r.disciplined,
  note: r.note,
  evaluationScore: r.evaluation_score === null ? null : Number(r.evaluation_score),
  evaluationLevel: r.evaluation_level,
});

async function warningsFor(
  db: Db,
  f: { communeCodes?: string[]; provinceCode?: string; year: number },
  unitId?: number | null,
): Promise<RatingWarning[]> {
  const rows = await repo.levelCountsByUnit(db, f);
  return rows
    .filter((r) => (unitId === undefined || r.unit_id === unitId) && htxsOverLimit(r))
    .map((r) => ({
      unitId: r.unit_id,
      unitName: r.unit_name,
      htxs: r.htxs,
      htt: r.htt,
      message: htxsWarningMessage(r.unit_name, r.htxs, r.htt),
    }));
}

export async function listRatings(deps: Deps, actor: Actor, q: { communeCode?: string; officialId?: string; year?: number }) {
  assertCan(actor, 'evaluations.read');
  const scope = listScope(actor);
  if (!scope) return { items: [], warnings: [] };
  if (scope.communeCode && q.communeCode && q.communeCode !== scope.communeCode) return { items: [], warnings: [] };
  const communeCode = scope.communeCode ?? q.communeCode;
  const rows = await repo.listRatings(deps.db, {
    ...(scope.provinceCode ? { provinceCode: scope.provinceCode } : {}),
    ...(communeCode ? { communeCode } : {}),
    ...(scope.unitId !== undefined ? { unitId: scope.unitId } : {}),
    ...((scope.officialId ?? q.officialId) ? { officialId: (scope.officialId ?? q.officialId)! } : {}),
    ...(q.year !== undefined ? { year: q.year } : {}),
  });
  const warnings =
    q.year !== undefined && communeCode ? await warningsFor(deps.db, { communeCodes: [communeCode], year: q.year }, scope.unitId) : [];
  return { items: rows.map(toItem), warnings };
}

export async function upsertRating(deps: Deps, actor: Actor, body: UpsertRatingRequest, meta: RequestMeta) {
  const o = await repo.officialForRating(deps.db, body.officialId);
  if (!o) throw badField('officialId', 'không tìm thấy công chức');
  assertCan(actor, 'ratings.manage', { provinceCode: o.province_code, communeCode: o.commune_code });
  const thisYear = Number(deps.clock.today().slice(0, 4));
  if (body.year > thisYear) throw badField('year', `chưa đến năm ${body.year} nên chưa thể xếp loại`);
  const score = ratingScore(body.generalScore, body.taskScore);
  const level = ratingLevel(score, body.disciplined);
  const id = await deps.db.transaction(async (tx) => {
    const { id, before } = await repo.upsertRating(tx, {
      officialId: o.id,
      year: body.year,
      generalScore: body.generalScore,
      taskScore: body.taskScore,
      score,
      level,
      disciplined: body.disciplined,
      provinceCode: o.province_code,
      communeCode: o.commune_code,
      unitId: o.unit_id,
      note: body.note ?? null,
      by: actor.username,
    });
    await recordChange(tx, actor, meta, {
      action: before ? 'annualRating.update' : 'annualRating.create',
      entityType: 'annual_rating',
      entityId: id,
      provinceCode: o.province_code,
      communeCode: o.commune_code,
      before,
      after: {
        officialId: o.id,
        year: body.year,
        generalScore: body.generalScore,
        taskScore: body.taskScore,
        level,
        disciplined: body.disciplined,
      },
    });
    return id;
  });
  const item = toItem((await repo.listRatings(deps.db, { id }))[0]!);
  const warnings = await warningsFor(deps.db, { communeCodes: [o.commune_code], year: body.year }, o.unit_id);
  return { item, warnings };
}
