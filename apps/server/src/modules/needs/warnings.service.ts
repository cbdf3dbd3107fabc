/**
 * Standing lists of the needs module: "Cần bồi dưỡng ngay" (Decision 700 §V.2.a) and "Cảnh báo
 * thiếu chuẩn VTVL" (Directive §II.4; SPEC §4, §9). Read-only; computed on request from the
 * registry and the training history, so they never go stale.
 */
import {
  NEED_WARNING_KINDS,
  phaseOf,
  type NeedWarningKind,
  type Phase,
  type UrgentResponse,
  type WarningItem,
  type WarningsResponse,
} from '@app/shared';
import { assertCan, type Actor } from '../../authz/policy.ts';
import { badField } from '../../http/errors.ts';
import { listCommunes, listProvincesWithCounts } from '../units/units.repository.ts';
import { compareVietnameseNames } from '../officials/officials.rules.ts';
import * as repo from './needs.repository.ts';
import { compareUrgent, defaultPhase, emptyTrainingHistory, needsTrainingNow, warningsFor } from './needs.rules.ts';
import { communeInScope, refuseSelfScope, resolveScope } from './needs.scope.ts';
import type { NeedsDeps } from './needs.service.ts';

// ---------- "Cần bồi dưỡng ngay" ----------

export async function urgentList(
  deps: NeedsDeps,
  actor: Actor,
  q: { commune?: string | undefined; phase?: Phase | undefined },
): Promise<UrgentResponse> {
  assertCan(actor, 'needs.read');
  refuseSelfScope(actor);
  const code = q.commune ?? actor.communeCode;
  if (!code) throw badField('commune', 'cần chọn xã, phường');
  const commune = await communeInScope(deps.db, actor, code, 'commune');
  const asOf = deps.clock.today();
  const phase = q.phase ?? defaultPhase(asOf);
  const below = await repo.officialsInService(deps.db, { communeCode: commune.code }, asOf, { belowStandard: true });
  const histories = await repo.trainingHistoryOf(
    deps.db,
    below.map((o) => o.id),
    phase,
    asOf,
  );
  const urgent = below.filter((o) => needsTrainingNow(o, histories.get(o.id) ?? emptyTrainingHistory())).sort(compareUrgent);
  const needs = new Map(
    (
      await repo.cmcnNeedsOf(
        deps.db,
        urgent.map((o) => o.id),
        phase,
      )
    ).map((n) => [n.officialId, n]),
  );
  return {
    communeCode: commune.code,
    communeName: commune.fullName,
    phase,
    asOf,
    items: urgent.map((o) => {
      const n = needs.get(o.id);
      return {
        officialId: o.id,
        fullName: o.fullName,
        unitName: o.unitName,
        positionName: o.positionName,
        affectedByReorg: o.affectedByReorg,
        isLeader: o.isLeader,
        belowStandardSince: o.belowStandardSince,
        need: n ? { id: n.id, status: n.status, version: n.version } : null,
        reason:
          `Chưa đáp ứng yêu cầu chuyên môn của ${o.positionName ? `vị trí việc làm "${o.positionName}"` : 'vị trí việc làm'}, chưa được cử đi bồi dưỡng kiến thức chuyên môn chuyên ngành` +
          (o.affectedByReorg ? '; chịu tác động của sắp xếp tổ chức bộ máy' : ''),
      };
    }),
    total: urgent.length,
  };
}

// ---------- "Cảnh báo thiếu chuẩn VTVL" ----------

const KIND_ORDER = new Map(NEED_WARNING_KINDS.map((k, i) => [k, i]));

export async function warnings(
  deps: NeedsDeps,
  actor: Actor,
  q: { scope?: string | undefined; kind?: NeedWarningKind | undefined; page: number; pageSize: number },
): Promise<WarningsResponse> {
  assertCan(actor, 'needs.read');
  refuseSelfScope(actor);
  const scope = await resolveScope(deps.db, actor, q.scope);
  const asOf = deps.clock.today();
  const phase = phaseOf(asOf);
  const place: repo.Place =
    scope.level === 'commune'
      ? { communeCode: scope.commune.code }
      : scope.level === 'province'
        ? { provinceCode: scope.provinceCode }
        : {};
  const serving = await repo.officialsInService(deps.db, place, asOf);
  const histories = await repo.trainingHistoryOf(
    deps.db,
    serving.map((o) => o.id),
    phase ?? defaultPhase(asOf),
    asOf,
  );

  const all: (WarningItem & { provinceCode: string })[] = [];
  for (const o of serving) {
    for (const w of warningsFor(o, histories.get(o.id) ?? emptyTrainingHistory(), phase)) {
      all.push({
        kind: w.kind,
        officialId: o.id,
        fullName: o.fullName,
        provinceCode: o.provinceCode,
        communeCode: o.communeCode,
        communeName: o.communeName ?? o.communeCode,
        unitName: o.unitName,
        positionName: o.positionName,
        affectedByReorg: o.affectedByReorg,
        since: w.since,
        message: w.message,
      });
    }
  }
  const zero = () => ({ total: 0, below_standard_not_nominated: 0, no_training_in_phase: 0 });
  const counts = zero();
  const byChild = new Map<string, ReturnType<typeof zero>>();
  for (const w of all) {
    counts.total++;
    counts[w.kind]++;
    const key = scope.level === 'province' ? w.communeCode : w.provinceCode;
    const entry = byChild.get(key) ?? zero();
    entry.total++;
    entry[w.kind]++;
    byChild.set(key, entry);
  }
  // Every commune of the province (or province of the nation), zeros included, like the needs aggregation.
  const childPlaces =
    scope.level === 'province'
      ? (await listCommunes(deps.db, { provinceCode: scope.provinceCode })).map((r) => ({ code: r.code, name: r.fullName }))
      : scope.level === 'nation'
        ? (await listProvincesWithCounts(deps.db)).map((r) => ({ code: r.code, name: r.fullName }))
        : [];
  const children = childPlaces.map((c) => ({ code: c.code, name: c.name, ...(byChild.get(c.code) ?? zero()) }));

  const listed = all
    .filter((w) => !q.kind || w.kind === q.kind)
    .sort(
      (a, b) =>
        KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)! ||
        a.communeCode.localeCompare(b.communeCode) ||
        Number(b.affectedByReorg) - Number(a.affectedByReorg) ||
        compareVietnameseNames(a.fullName, b.fullName) ||
        a.officialId.localeCompare(b.officialId),
    );
  const start = (q.page - 1) * q.pageSize;
  return {
    level: scope.level,
    scope: scope.scope,
    asOf,
    phase,
    counts,
    children,
    items: listed.slice(start, start + q.pageSize).map(({ provinceCode: _p, ...w }) => w),
    total: listed.length,
    page: q.page,
    pageSize: q.pageSize,
  };
}
