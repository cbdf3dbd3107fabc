/**
 * The numbers of a report (SPEC §10): KPI table from the KPI engine, classes and attendances planned
 * vs held, budget planned vs spent, evaluation results by level, and (commune) the officials below
 * standard not yet nominated. The result is what a submission freezes as the snapshot.
 */
import { EVALUATION_LEVELS, phaseOf, PROGRAMME_TYPES, type EvaluationLevel, type ReportData, type ReportRow } from '@app/shared';
import type { Db } from '../../db/client.ts';
import * as needsRepo from '../needs/needs.repository.ts';
import { emptyTrainingHistory, needsTrainingNow } from '../needs/needs.rules.ts';
import * as repo from './report-data.repository.ts';
import { childKpisFor, kpisFor } from './kpi-source.ts';
import { emptyBudget, emptyClassCounts, emptyEvaluations } from './reports.rules.ts';

function blankRow(code: string, name: string): ReportRow {
  const classes: ReportRow['classes'] = { ALL: emptyClassCounts() };
  for (const t of PROGRAMME_TYPES) classes[t] = emptyClassCounts();
  return { code, name, indicators: [], classes, budget: emptyBudget(), evaluations: emptyEvaluations() };
}

export type Progress = (percent: number, stage: string) => Promise<void> | void;

export async function buildReportData(
  db: Db,
  scope: repo.ScopeRef,
  year: number,
  asOf: string,
  progress: Progress = () => {},
): Promise<ReportData> {
  const phase: 1 | 2 = phaseOf(asOf) ?? (asOf < '2026-01-01' ? 1 : 2);
  const code = scope.level === 'nation' ? 'nation' : scope.level === 'province' ? scope.provinceCode! : scope.communeCode!;
  const [name, kids] = await Promise.all([repo.scopeName(db, scope), repo.childrenOf(db, scope)]);
  const total = blankRow(code, name);
  const rows = new Map(kids.map((k) => [k.code, blankRow(k.code, k.name)]));
  const rowOf = (child: string | null) => (child === null ? total : rows.get(child));

  await progress(10, 'Tính các chỉ tiêu của Đề án');
  total.indicators = await kpisFor(db, scope, phase, asOf);
  await progress(30, 'Tính chỉ tiêu của từng đơn vị trực thuộc');
  const childKpis = await childKpisFor(db, scope, phase, asOf);
  for (const [c, inds] of childKpis) {
    const r = rows.get(c);
    if (r) r.indicators = inds;
  }

  await progress(55, 'Tổng hợp lớp bồi dưỡng và lượt người');
  const [held, planned] = await Promise.all([repo.heldByType(db, scope, year, asOf), repo.plannedByType(db, scope, year)]);
  for (const h of held) {
    const r = rowOf(h.child);
    if (!r) continue;
    const c = (r.classes[h.programme_type] ??= emptyClassCounts());
    c.heldClasses += h.classes;
    c.heldAttendances += h.attendances;
  }
  for (const p of planned) {
    const r = rowOf(p.child);
    if (!r) continue;
    const c = (r.classes[p.programme_type] ??= emptyClassCounts());
    c.plannedClasses += p.classes;
    c.plannedAttendances += p.attendances;
  }
  for (const r of [total, ...rows.values()]) {
    const all = r.classes.ALL!;
    const hasAll = all.plannedClasses > 0 || all.plannedAttendances > 0;
    for (const [t, c] of Object.entries(r.classes)) {
      if (t === 'ALL') continue;
      all.heldClasses += c.heldClasses;
      all.heldAttendances += c.heldAttendances;
      if (!hasAll) {
        all.plannedClasses += c.plannedClasses;
        all.plannedAttendances += c.plannedAttendances;
      }
    }
  }
  // a class attended by several children counts once for the scope: take the distinct count from SQL
  total.classes.ALL!.heldClasses = held.filter((h) => h.child === null).reduce((s, h) => s + h.classes, 0);

  await progress(70, 'Tổng hợp kinh phí');
  for (const b of await repo.budgetOf(db, scope, year)) {
    const r = rowOf(b.child);
    if (!r) continue;
    r.budget = {
      plannedCentral: b.planned_central ?? 0,
      plannedLocal: b.planned_local ?? 0,
      plannedSponsor: b.planned_sponsor ?? 0,
      spentCentral: b.spent_central ?? 0,
      spentLocal: b.spent_local ?? 0,
      spentSponsor: b.spent_sponsor ?? 0,
    };
  }

  await progress(80, 'Tổng hợp kết quả đánh giá sau bồi dưỡng');
  for (const e of await repo.evaluationsOf(db, scope, year, asOf)) {
    const r = rowOf(e.child);
    if (!r || !EVALUATION_LEVELS.includes(e.level as EvaluationLevel)) continue;
    r.evaluations[e.level as EvaluationLevel] += e.n;
  }

  const belowStandard: ReportData['belowStandard'] = [];
  if (scope.level === 'commune' && phaseOf(asOf)) {
    await progress(90, 'Lập danh sách CBCC chưa đạt chuẩn chưa được cử đi học');
    const below = await needsRepo.officialsInService(db, { communeCode: scope.communeCode! }, asOf, { belowStandard: true });
    const hist = await needsRepo.trainingHistoryOf(
      db,
      below.map((o) => o.id),
      phaseOf(asOf)!,
      asOf,
    );
    for (const o of below) {
      if (!needsTrainingNow(o, hist.get(o.id) ?? emptyTrainingHistory())) continue;
      belowStandard.push({
        officialId: o.id,
        fullName: o.fullName,
        unitName: o.unitName ?? null,
        positionName: o.positionName ?? null,
        belowStandardSince: o.belowStandardSince ?? null,
      });
    }
  }
  await progress(95, 'Hoàn tất số liệu');
  return { scope: { level: scope.level, code, name }, year, asOf, phase, total, children: [...rows.values()], belowStandard };
}
