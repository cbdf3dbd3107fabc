/**
 * The KPI engine (SPEC §9, contract 4): THE single computation every screen, export and report
 * uses. No authorisation here (callers check scope; see kpis.access.ts for the HTTP routes).
 */
import { KPI_CODES, kpiTarget, type KpiCode, type KpiIndicator, type KpiResult, type KpiScope, type KpiPersonRow } from '@app/shared';
import { sql } from 'drizzle-orm';
import { preparedStatement, type DbOrTx } from '../../db/client.ts';
import { planProgress } from '../plans/plans.service.ts';
import { planPeriod } from '../plans/plans.rules.ts';
import * as repo from './kpis.repository.ts';
import { cachedKpi, cachedKpiMany, isTransaction, kpiCacheEnabled, type CacheItem } from './kpis.cache.ts';
import { kpiStatus, monthEnds, percentOf, scopeString, phaseWindow } from './kpis.rules.ts';

export { parseScope, scopeString } from './kpis.rules.ts';
export type { KpiScope };

export interface KpiParams {
  scope: KpiScope;
  phase: 1 | 2;
  asOf: string;
}

const ROW_CODES = KPI_CODES.filter((c): c is Exclude<KpiCode, 'P1'> => c !== 'P1');

function indicator(code: KpiCode, phase: 1 | 2, asOf: string, numerator: number, denominator: number): KpiIndicator {
  const percent = percentOf(numerator, denominator);
  return { code, numerator, denominator, percent, target: kpiTarget(code, phase).percent, status: kpiStatus(code, phase, asOf, percent) };
}

/** P1 = Σ attendances held / Σ attendances planned over the given plans (whole-phase plans win over yearly ones). */
async function p1Of(
  db: DbOrTx,
  plans: { id: number; year: number | null }[],
  asOf: string,
): Promise<{ numerator: number; denominator: number }> {
  const whole = plans.filter((p) => p.year === null);
  const used = whole.length ? whole : plans;
  let numerator = 0;
  let denominator = 0;
  for (const p of used) {
    const pr = await planProgress(db, p.id, asOf);
    if (!pr) continue;
    numerator += pr.overall.actualAttendances;
    denominator += pr.overall.plannedAttendances;
  }
  return { numerator, denominator };
}

function keyOf(kind: string, p: KpiParams): string {
  return `${kind}|${scopeString(p.scope)}|${p.phase}|${p.asOf}`;
}

type Counts = { numerator: number; denominator: number };
const SHARED_CODES = ['K1', 'K2', 'K3', 'K4', 'K5'] as const;

/**
 * One province's numbers (province scope) and its nation share, computed in one snapshot and cached
 * under the province's validity (only changes recorded for the province or '*' invalidate it).
 */
export interface ProvinceEntry {
  /** K1–K7 of the province scope */
  counts: Record<string, Counts>;
  /** K1–K7 of the province's share of the nation (K1–K5: the people it owns; K6, K7: the same as counts) */
  share: Record<string, Counts>;
  /** K8: the province's professional programmes in use, with the numerator flag */
  k8: { id: string; in_num: boolean }[];
  /** P1 of the province's own plans */
  p1: Counts;
  /** the province's part of the nation's P1 numerator (attendances it made, in the national plans' windows) */
  nationalP1: number;
}

/** The national plans P1 uses (whole-phase plans when any, else the yearly ones), with their counted windows. */
async function nationalPlansUsed(db: DbOrTx, phase: 1 | 2, asOf: string): Promise<{ id: number; from: string; to: string }[]> {
  const plans = await repo.planIdsOf(db, { level: 'nation' }, phase);
  const whole = plans.filter((x) => x.year === null);
  return (whole.length ? whole : plans).map((x) => {
    const period = planPeriod(phase, x.year);
    return { id: x.id, from: period.start, to: period.end < asOf ? period.end : asOf };
  });
}

async function provinceEntry(db: DbOrTx, provinceCode: string, phase: 1 | 2, asOf: string): Promise<ProvinceEntry> {
  await repo.detectEvaluations(db);
  const scope = { level: 'province' as const, provinceCode };
  const q = { scope, phase, asOf, groupBy: 'none' as const };
  const counts: Record<string, Counts> = {};
  const share: Record<string, Counts> = {};
  for (const code of SHARED_CODES) {
    const r = await repo.shareCounts(db, code, q);
    counts[code] = { numerator: r.numerator, denominator: r.denominator };
    share[code] = { numerator: r.ownNumerator, denominator: r.ownDenominator };
  }
  for (const code of ['K6', 'K7'] as const) {
    const r = (await repo.countRows(db, code, q))[0] ?? { numerator: 0, denominator: 0 };
    counts[code] = share[code] = { numerator: r.numerator, denominator: r.denominator };
  }
  const k8 = await repo.programmeSet(db, q);
  const p1 = await p1Of(db, await repo.planIdsOf(db, scope, phase), asOf);
  let nationalP1 = 0;
  for (const w of await nationalPlansUsed(db, phase, asOf))
    if (w.from <= w.to) nationalP1 += await repo.attendancesOf(db, provinceCode, w.from, w.to);
  return { counts, share, k8, p1, nationalP1 };
}

function entryKey(provinceCode: string, phase: 1 | 2, asOf: string): string {
  return `entry|${provinceCode}|${phase}|${asOf}`;
}

/** The entries of the given provinces, all valid at one instant (one validity query; only invalid ones recomputed). */
async function provinceEntries(db: DbOrTx, codes: string[], phase: 1 | 2, asOf: string): Promise<ProvinceEntry[]> {
  return cachedKpiMany(db, entryItems(codes, phase, asOf));
}

function entryItems(codes: string[], phase: 1 | 2, asOf: string): CacheItem<ProvinceEntry>[] {
  return codes.map((code) => ({
    key: entryKey(code, phase, asOf),
    validity: code,
    compute: (tx: DbOrTx) => provinceEntry(tx, code, phase, asOf),
  }));
}

function indicatorsOf(
  counts: Record<string, Counts>,
  k8: { id: string; in_num: boolean }[],
  p1: Counts,
  phase: 1 | 2,
  asOf: string,
): KpiIndicator[] {
  const out: KpiIndicator[] = [];
  for (const code of ROW_CODES) {
    const c = code === 'K8' ? { numerator: k8.filter((x) => x.in_num).length, denominator: k8.length } : counts[code]!;
    out.push(indicator(code, phase, asOf, c.numerator, c.denominator));
  }
  out.push(indicator('P1', phase, asOf, p1.numerator, p1.denominator));
  return out;
}

/** The validity of a scope's cached values: its province (nation: any change; unknown commune: any change). */
async function validityOf(db: DbOrTx, scope: KpiScope): Promise<string | null> {
  if (scope.level === 'nation') return null;
  if (scope.level === 'province') return scope.provinceCode;
  return (await repo.scopeExists(db, scope))?.provinceCode ?? null;
}

/** Same rows as repo.childNames(nation), as a named prepared statement (it is on the warm nation path). */
const provincesQuery = preparedStatement<{ code: string; name: string }, Record<string, never>>(
  'kpi_provinces',
  sql`select code, name from provinces order by code`,
);
async function provinceCodes(db: DbOrTx): Promise<{ code: string; name: string }[]> {
  return (await provincesQuery(db, {})).rows;
}

/** K1–K8 and P1 for one scope, phase and as-of date (exact cached result; see kpis.cache.ts). */
export async function computeKpis(db: DbOrTx, p: KpiParams): Promise<KpiResult> {
  if (!kpiCacheEnabled() || isTransaction(db)) return computeKpisReference(db, p);
  const head = { scope: scopeString(p.scope), phase: p.phase, asOf: p.asOf };
  if (p.scope.level === 'province') {
    const [e] = await provinceEntries(db, [p.scope.provinceCode], p.phase, p.asOf);
    return { ...head, indicators: indicatorsOf(e!.counts, e!.k8, e!.p1, p.phase, p.asOf) };
  }
  if (p.scope.level === 'nation') {
    const provinces = await provinceCodes(db);
    // P1 of the nation: numerator = Σ the provinces' attendances (in their entries); denominator = the national
    // plans' planned attendances, changed only by national plans and their targets ('*'). Checked in the same
    // validity query as the entries (one round trip on a warm cache).
    const plannedItem: CacheItem<number> = {
      key: keyOf('p1planned', p),
      validity: '*',
      compute: async (tx) =>
        repo.plannedAttendances(
          tx,
          (await nationalPlansUsed(tx, p.phase, p.asOf)).map((x) => x.id),
        ),
    };
    const values = await cachedKpiMany<ProvinceEntry | number>(db, [
      ...entryItems(
        provinces.map((x) => x.code),
        p.phase,
        p.asOf,
      ),
      plannedItem,
    ]);
    const entries = values.slice(0, provinces.length) as ProvinceEntry[];
    const p1 = { numerator: entries.reduce((n, e) => n + e.nationalP1, 0), denominator: values[provinces.length] as number };
    const sum: Record<string, Counts> = {};
    const k8 = new Map<string, boolean>();
    for (const e of entries) {
      for (const [code, c] of Object.entries(e.share)) {
        const s = (sum[code] ??= { numerator: 0, denominator: 0 });
        s.numerator += c.numerator;
        s.denominator += c.denominator;
      }
      for (const x of e.k8) k8.set(x.id, x.in_num);
    }
    for (const code of ROW_CODES) sum[code] ??= { numerator: 0, denominator: 0 };
    const union = [...k8].map(([id, in_num]) => ({ id, in_num }));
    return { ...head, indicators: indicatorsOf(sum, union, p1, p.phase, p.asOf) };
  }
  return cachedKpi(db, keyOf('kpis', p), await validityOf(db, p.scope), (tx) => computeKpisReference(tx, p));
}

/** The from-scratch computation (SPEC §9 rules in SQL, kpis.repository.ts). */
export async function computeKpisReference(db: DbOrTx, p: KpiParams): Promise<KpiResult> {
  await repo.detectEvaluations(db);
  const q = { scope: p.scope, phase: p.phase, asOf: p.asOf, groupBy: 'none' as const };
  const indicators: KpiIndicator[] = [];
  for (const code of ROW_CODES) {
    const rows = await repo.countRows(db, code, q);
    const r = rows[0] ?? { numerator: 0, denominator: 0 };
    indicators.push(indicator(code, p.phase, p.asOf, r.numerator, r.denominator));
  }
  const p1 = await p1Of(db, await repo.planIdsOf(db, p.scope, p.phase), p.asOf);
  indicators.push(indicator('P1', p.phase, p.asOf, p1.numerator, p1.denominator));
  return { scope: scopeString(p.scope), phase: p.phase, asOf: p.asOf, indicators };
}

/** The same indicators for each child of the scope: nation → provinces, province → communes, commune → its units. */
export async function computeChildKpis(db: DbOrTx, p: KpiParams): Promise<{ code: string; name: string; indicators: KpiIndicator[] }[]> {
  if (!kpiCacheEnabled() || isTransaction(db)) return computeChildKpisReference(db, p);
  if (p.scope.level === 'nation') {
    // the provinces' rows = the same entries the nation is summed from
    const provinces = await provinceCodes(db);
    const entries = await provinceEntries(
      db,
      provinces.map((x) => x.code),
      p.phase,
      p.asOf,
    );
    return provinces.map((x, i) => ({
      code: x.code,
      name: x.name,
      indicators: indicatorsOf(entries[i]!.counts, entries[i]!.k8, entries[i]!.p1, p.phase, p.asOf),
    }));
  }
  return cachedKpi(db, keyOf('children', p), await validityOf(db, p.scope), (tx) => computeChildKpisReference(tx, p));
}

export async function computeChildKpisReference(
  db: DbOrTx,
  p: KpiParams,
): Promise<{ code: string; name: string; indicators: KpiIndicator[] }[]> {
  await repo.detectEvaluations(db);
  const groupBy = p.scope.level === 'nation' ? 'province' : p.scope.level === 'province' ? 'commune' : 'unit';
  const q = { scope: p.scope, phase: p.phase, asOf: p.asOf, groupBy } as const;
  const children = await repo.childNames(db, p.scope);
  const counts = new Map<KpiCode, Map<string, repo.CountRow>>();
  for (const code of ROW_CODES) counts.set(code, new Map((await repo.countRows(db, code, q)).map((r) => [r.grp, r])));
  const plans = await repo.childPlanIds(db, p.scope, p.phase);
  const out: { code: string; name: string; indicators: KpiIndicator[] }[] = [];
  for (const child of children) {
    const indicators = ROW_CODES.map((code) => {
      const r = counts.get(code)!.get(child.code);
      return indicator(code, p.phase, p.asOf, r?.numerator ?? 0, r?.denominator ?? 0);
    });
    const p1 = await p1Of(
      db,
      plans.filter((x) => x.group === child.code),
      p.asOf,
    );
    indicators.push(indicator('P1', p.phase, p.asOf, p1.numerator, p1.denominator));
    out.push({ code: child.code, name: child.name, indicators });
  }
  return out;
}

export interface KpiPeopleParams extends KpiParams {
  code: KpiCode;
  part: 'numerator' | 'denominator' | 'missing';
  page: number;
  pageSize: number;
}

/** The officials (K1–K5), enrolments (K6, K7) or programmes (K8) behind a number. P1 has none (see the plan). */
export async function kpiPeople(
  db: DbOrTx,
  p: KpiPeopleParams,
): Promise<{ items: KpiPersonRow[]; total: number; page: number; pageSize: number }> {
  if (p.code === 'P1') return { items: [], total: 0, page: p.page, pageSize: p.pageSize };
  await repo.detectEvaluations(db);
  const q = { scope: p.scope, phase: p.phase, asOf: p.asOf, groupBy: 'none' as const };
  const { rows, total } = await repo.listRows(db, p.code, q, p.part, p.page, p.pageSize);
  const kind = p.code === 'K6' || p.code === 'K7' ? 'enrolment' : p.code === 'K8' ? 'programme' : 'official';
  return {
    items: rows.map((r) => ({
      kind,
      id: r.id,
      officialId: r.official_id,
      fullName: r.full_name,
      communeCode: r.commune_code,
      communeName: r.commune_name,
      label: r.label,
      date: r.dt,
      inNumerator: r.in_num,
    })),
    total,
    page: p.page,
    pageSize: p.pageSize,
  };
}

/** Monthly series of one KPI (month ends from `from`, default the phase start, then asOf), from the same engine. */
export async function kpiTrend(
  db: DbOrTx,
  p: KpiParams & { code: KpiCode; from?: string },
): Promise<{ asOf: string; numerator: number; denominator: number; percent: number | null }[]> {
  const from = p.from ?? phaseWindow(p.phase, p.asOf).start;
  return cachedKpi(db, `trend|${p.code}|${from}|${scopeString(p.scope)}|${p.phase}|${p.asOf}`, await validityOf(db, p.scope), (tx) =>
    trendOf(tx, p, from),
  );
}

async function trendOf(
  db: DbOrTx,
  p: KpiParams & { code: KpiCode },
  from: string,
): Promise<{ asOf: string; numerator: number; denominator: number; percent: number | null }[]> {
  await repo.detectEvaluations(db);
  const out = [];
  for (const d of monthEnds(from, p.asOf)) {
    let n: { numerator: number; denominator: number };
    if (p.code === 'P1') n = await p1Of(db, await repo.planIdsOf(db, p.scope, p.phase), d);
    else
      n = (await repo.countRows(db, p.code, { scope: p.scope, phase: p.phase, asOf: d, groupBy: 'none' }))[0] ?? {
        numerator: 0,
        denominator: 0,
      };
    out.push({ asOf: d, numerator: n.numerator, denominator: n.denominator, percent: percentOf(n.numerator, n.denominator) });
  }
  return out;
}
