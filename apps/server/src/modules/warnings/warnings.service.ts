/**
 * Warnings (SPEC §9): one list per scope that gathers what needs action, read from the modules
 * that own the facts — needs (below standard, not nominated), self-reports (overdue), post-training
 * evaluations (due or overdue), the KPI engine (communes behind plan), reports (requests due) and
 * classes (starting soon without enough nominees). Nothing here is stored; `remindWarnings` is the
 * daily job that turns the list into in-app notifications.
 */
import {
  WARNING_KIND_LABELS,
  formatDateVi,
  phaseOf,
  type KpiScope,
  type WarningEntry,
  type WarningKind,
  type WarningsListResponse,
} from '@app/shared';
import type { Actor } from '../../authz/policy.ts';
import type { Clock } from '../../clock.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { resolveScope } from '../kpis/kpis.access.ts';
import { cachedKpi } from '../kpis/kpis.cache.ts';
import { computeChildKpis, computeKpis, scopeString } from '../kpis/kpis.service.ts';
import { defaultPhase } from '../needs/needs.rules.ts';
import { officialsInService } from '../needs/needs.repository.ts';
import { emptyTrainingHistory, warningsFor } from '../needs/needs.rules.ts';
import { compareVietnameseNames } from '../officials/officials.rules.ts';
import { overdueSelfReports } from '../self-reports/self-reports.service.ts';
import { dueReports } from '../reports/reports.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { scopeName } from '../dashboard/dashboard.repository.ts';
import * as repo from './warnings.repository.ts';
import {
  CLASS_SOON_DAYS,
  REPORT_SOON_DAYS,
  addDays,
  classNeedsNominees,
  minimumNominees,
  reportIsDue,
  weeklyDedupeKey,
} from './warnings.rules.ts';

export interface WarningsDeps {
  db: Db;
  clock: Clock;
}

/** At most this many entries are listed per kind (the count is always the full count). */
export const WARNINGS_LIST_LIMIT = 200;

type Group = WarningsListResponse['groups'][number];

function group(kind: WarningKind, items: WarningEntry[], available = true): Group {
  return { kind, label: WARNING_KIND_LABELS[kind], count: items.length, available, items: items.slice(0, WARNINGS_LIST_LIMIT) };
}

function place(scope: KpiScope): repo.Place {
  return scope.level === 'province'
    ? { provinceCode: scope.provinceCode }
    : scope.level === 'commune'
      ? { communeCode: scope.communeCode }
      : {};
}

async function overdueGroup(db: DbOrTx, scope: KpiScope, asOf: string): Promise<Group> {
  const overdue = await overdueSelfReports(db, scope, asOf);
  const names = await repo.communeNames(db, [...new Set(overdue.map((r) => r.communeCode))]);
  return group(
    'qua_han_tu_bao_cao',
    overdue.map((r) => ({
      kind: 'qua_han_tu_bao_cao' as const,
      key: String(r.enrolmentId),
      title: r.fullName,
      detail: `Lớp "${r.className}" kết thúc ngày ${formatDateVi(r.classEndDate)}; quá hạn nộp báo cáo kết quả ${r.daysOverdue} ngày.`,
      communeCode: r.communeCode,
      communeName: names.get(r.communeCode) ?? null,
      date: r.lastDay,
      link: `/can-bo/${r.officialId}`,
    })),
  );
}

/** The warnings of a scope already checked for the reader. */
export async function collect(db: Db, clock: Clock, scope: KpiScope): Promise<WarningsListResponse> {
  const asOf = clock.today();
  const p = place(scope);
  const groups: Group[] = [];

  // 1. Below standard, not nominated — the needs module's rule (`warningsFor`) over its own reading of who
  // is in service, applied to the below-standard officials only (the rule needs belowStandard), with the
  // CMCN history read by one join instead of the full training history of every official (at national
  // scale that took minutes). Same entries, same order as the needs module's warning list.
  const below = await officialsInService(db, p, asOf, { belowStandard: true });
  const cmcn = await repo.withCmcnNomination(
    db,
    below.map((o) => o.id),
    asOf,
  );
  const needsPhase = phaseOf(asOf);
  const entries = below
    .flatMap((o) => {
      const history = emptyTrainingHistory();
      if (cmcn.has(o.id)) history.nominatedProgrammes.add('CMCN');
      const w = warningsFor(o, history, needsPhase).find((x) => x.kind === 'below_standard_not_nominated');
      return w ? [{ o, w }] : [];
    })
    .sort(
      (a, b) =>
        a.o.communeCode.localeCompare(b.o.communeCode) ||
        Number(b.o.affectedByReorg) - Number(a.o.affectedByReorg) ||
        compareVietnameseNames(a.o.fullName, b.o.fullName) ||
        a.o.id.localeCompare(b.o.id),
    );
  groups.push(
    group(
      'chua_cu_hoc',
      entries.map(({ o, w }) => ({
        kind: 'chua_cu_hoc' as const,
        key: o.id,
        title: o.fullName,
        detail: w.message,
        communeCode: o.communeCode,
        communeName: o.communeName ?? o.communeCode,
        date: w.since ?? null,
        link: `/can-bo/${o.id}`,
      })),
    ),
  );

  // 2. Overdue self-reports (H2): an anti-join of every nomination against every self-report, seconds for
  // the nation at scale 1. Every table it reads (enrolments, classes, officials, self_reports) records its
  // changes in kpi_changes, so the group goes through the KPI engine's exact cache (decision 0007): reused
  // only while no change that could move it has committed; the nation's entry is dropped by any change.
  const validity =
    scope.level === 'nation' ? null : scope.level === 'province' ? scope.provinceCode : await repo.provinceOf(db, scope.communeCode);
  groups.push(
    await cachedKpi(db, `warnings|qua_han_tu_bao_cao|${scopeString(scope)}|${asOf}`, validity, (tx) => overdueGroup(tx, scope, asOf)),
  );

  // 3. Post-training evaluations due or overdue (H3's table, when installed).
  if (await repo.tableExists(db, 'post_training_evaluations')) {
    const rows = await repo.evaluationsNotDone(db, p, asOf);
    const g3 = group(
      'den_han_danh_gia',
      rows.map((r) => {
        const dueOn = addDays(r.opensOn, r.overdueDays);
        return {
          kind: 'den_han_danh_gia' as const,
          key: String(r.enrolmentId),
          title: r.fullName,
          detail:
            dueOn < asOf
              ? `Quá hạn đánh giá sau bồi dưỡng (hạn ${formatDateVi(dueOn)}).`
              : `Lớp kết thúc ngày ${formatDateVi(r.classEndDate)}; đã đến kỳ đánh giá, cần hoàn thành trước ngày ${formatDateVi(dueOn)}.`,
          communeCode: r.communeCode,
          communeName: r.communeName,
          date: dueOn,
          link: `/can-bo/${r.officialId}`,
        };
      }),
    );
    g3.count = rows.length < repo.EVALUATIONS_LIST_LIMIT ? rows.length : await repo.evaluationsNotDoneCount(db, p, asOf);
    groups.push(g3);
  } else groups.push(group('den_han_danh_gia', [], false));

  // 4. Communes (or the commune itself) behind plan: P1 or a KPI with status "cham" (the KPI engine's pace rule).
  const phase = defaultPhase(asOf);
  const behind: WarningEntry[] = [];
  const describe = (ind: { code: string; percent: number | null; target: number | null; status: string }[]) =>
    ind
      .filter((i) => i.status === 'cham')
      .map((i) => `${i.code} ${i.percent === null ? '–' : `${String(i.percent).replace('.', ',')}%`}`)
      .join(', ');
  if (scope.level === 'commune') {
    const r = await computeKpis(db, { scope, phase, asOf });
    const d = describe(r.indicators);
    if (d) {
      const n = await repo.communeNames(db, [scope.communeCode]);
      behind.push({
        kind: 'xa_cham_tien_do',
        key: scope.communeCode,
        title: n.get(scope.communeCode) ?? scope.communeCode,
        detail: `Chậm tiến độ: ${d}.`,
        communeCode: scope.communeCode,
        communeName: n.get(scope.communeCode) ?? null,
        date: null,
        link: `/tong-quan?scope=commune:${scope.communeCode}&ten=${encodeURIComponent(n.get(scope.communeCode) ?? '')}`,
      });
    }
  } else if (scope.level === 'province') {
    for (const c of await computeChildKpis(db, { scope, phase, asOf })) {
      const d = describe(c.indicators);
      if (d)
        behind.push({
          kind: 'xa_cham_tien_do',
          key: c.code,
          title: c.name,
          detail: `Chậm tiến độ: ${d}.`,
          communeCode: c.code,
          communeName: c.name,
          date: null,
          link: `/tong-quan?scope=commune:${c.code}&ten=${encodeURIComponent(c.name)}`,
        });
    }
  } else {
    for (const c of await computeChildKpis(db, { scope, phase, asOf })) {
      const d = describe(c.indicators);
      if (d)
        behind.push({
          kind: 'xa_cham_tien_do',
          key: c.code,
          title: c.name,
          detail: `Chậm tiến độ: ${d}.`,
          communeCode: null,
          communeName: null,
          date: null,
          link: `/tong-quan?scope=province:${c.code}&ten=${encodeURIComponent(c.name)}`,
        });
    }
  }
  groups.push(group('xa_cham_tien_do', behind));

  // 5. Report requests due within REPORT_SOON_DAYS (or overdue) and not yet sent by this scope.
  if (scope.level === 'nation') groups.push(group('bao_cao_den_han', []));
  else {
    const provinceCode = scope.level === 'province' ? scope.provinceCode : ((await repo.provinceOf(db, scope.communeCode)) ?? '');
    // The reports module decides what is due: the annual (and 2029/2031 review) reports with their
    // deadlines, and ad hoc requests addressed to this scope.
    const due = await dueReports(
      db,
      scope.level === 'province' ? { level: 'province', provinceCode } : { level: 'commune', communeCode: scope.communeCode, provinceCode },
      asOf,
      addDays(asOf, REPORT_SOON_DAYS),
    );
    groups.push(
      group(
        'bao_cao_den_han',
        due
          .filter((r) => reportIsDue(r.deadline, asOf))
          .map((r) => ({
            kind: 'bao_cao_den_han' as const,
            key: r.reportId ? String(r.reportId) : `${r.kind}:${r.year}:${r.requestId ?? ''}`,
            title: r.title,
            detail: `${r.overdue ? 'Đã quá hạn' : 'Hạn nộp'} ngày ${formatDateVi(r.deadline)}${r.status === 'returned' ? '; báo cáo bị trả lại, cần sửa và gửi lại' : r.status === 'missing' ? '; chưa lập báo cáo' : ''}.`,
            communeCode: scope.level === 'commune' ? scope.communeCode : null,
            communeName: null,
            date: r.deadline,
            link: r.reportId ? `/bao-cao/${r.reportId}` : '/bao-cao',
          })),
      ),
    );
  }

  // 6. Classes starting within CLASS_SOON_DAYS without enough nominees.
  const classes = (await repo.classesStarting(db, p, asOf, addDays(asOf, CLASS_SOON_DAYS))).filter((c) => classNeedsNominees(c, asOf));
  groups.push(
    group(
      'lop_thieu_hoc_vien',
      classes.map((c) => ({
        kind: 'lop_thieu_hoc_vien' as const,
        key: String(c.id),
        title: `${c.code} – ${c.name}`,
        detail: `Khai giảng ngày ${formatDateVi(c.startDate)}; mới có ${c.nominated}/${c.capacity} học viên (cần tối thiểu ${minimumNominees(c.capacity)}).`,
        communeCode: c.hostCommuneCode,
        communeName: c.communeName,
        date: c.startDate,
        link: `/lop-hoc/${c.id}`,
      })),
    ),
  );

  return { scope: scopeString(scope), scopeName: await scopeName(db, scope), asOf, groups };
}

/** GET /api/warnings: the reader's scope (default: their own) after the KPI module's scope check. */
export async function listWarnings(deps: WarningsDeps, actor: Actor, scopeText: string | undefined): Promise<WarningsListResponse> {
  const asOf = deps.clock.today();
  const own = actor.communeCode ? `commune:${actor.communeCode}` : actor.provinceCode ? `province:${actor.provinceCode}` : 'nation';
  const scope = await resolveScope(deps.db, actor, scopeText ?? own, asOf);
  return collect(deps.db, deps.clock, scope);
}

/**
 * Daily job: each commune admin gets one summary of their commune's warnings per week
 * (dedupe key per commune and ISO week); unit heads get the overdue self-reports of their unit.
 * Learners are reminded by the self-reports module itself. Returns the notifications created.
 */
export async function remindWarnings(db: Db, clock: Clock, now: Date): Promise<number> {
  const asOf = clock.today();
  let sent = 0;
  for (const c of await repo.communesWithAdmins(db)) {
    const w = await collect(db, clock, { level: 'commune', communeCode: c.code });
    const parts = w.groups.filter((g) => g.count > 0).map((g) => `${g.label}: ${g.count}`);
    if (parts.length > 0) {
      const admins = await repo.usersOfCommune(db, 'commune_admin', c.code);
      sent += await notify(
        db,
        admins.map((userId) => ({
          userId,
          kind: 'warnings',
          title: 'Cảnh báo cần xử lý trong xã, phường',
          body: parts.join('; '),
          link: '/canh-bao',
          dedupeKey: weeklyDedupeKey('commune', c.code, asOf),
        })),
        now,
      );
    }
    const overdue = w.groups.find((g) => g.kind === 'qua_han_tu_bao_cao');
    if (overdue && overdue.count > 0) {
      const byUnit = new Map<number, number>();
      for (const r of await overdueSelfReports(db, { level: 'commune', communeCode: c.code }, asOf)) {
        if (r.unitId !== null) byUnit.set(r.unitId, (byUnit.get(r.unitId) ?? 0) + 1);
      }
      for (const [unitId, n] of byUnit) {
        const heads = await repo.usersOfUnit(db, unitId);
        sent += await notify(
          db,
          heads.map((userId) => ({
            userId,
            kind: 'warnings',
            title: 'Cán bộ trong đơn vị quá hạn nộp báo cáo kết quả bồi dưỡng',
            body: `${n} người quá hạn nộp báo cáo kết quả sau khóa học.`,
            link: '/canh-bao',
            dedupeKey: weeklyDedupeKey('unit', String(unitId), asOf),
          })),
          now,
        );
      }
    }
  }
  return sent;
}

export type { DbOrTx };
