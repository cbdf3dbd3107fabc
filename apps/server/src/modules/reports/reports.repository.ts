/** All SQL of the reports workflow (reports, requests, events, builds). */
import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { reportBuilds, reportEvents, reportRequests, reports, users } from '../../db/schema/index.ts';

export type ReportRowDb = typeof reports.$inferSelect;
export type ReportInsert = typeof reports.$inferInsert;
export type RequestRow = typeof reportRequests.$inferSelect;

export async function findReport(db: DbOrTx, id: number): Promise<ReportRowDb | undefined> {
  const [r] = await db.select().from(reports).where(eq(reports.id, id));
  return r;
}

export async function findPeriodic(db: DbOrTx, kind: string, year: number, scopeKey: string): Promise<ReportRowDb | undefined> {
  const [r] = await db
    .select()
    .from(reports)
    .where(
      and(eq(reports.kind, kind as ReportRowDb['kind']), eq(reports.year, year), eq(reports.scopeKey, scopeKey), isNull(reports.requestId)),
    );
  return r;
}

export async function findForRequest(db: DbOrTx, requestId: number, scopeKey: string): Promise<ReportRowDb | undefined> {
  const [r] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.requestId, requestId), eq(reports.scopeKey, scopeKey)));
  return r;
}

export interface ReportFilter {
  provinceCode?: string | undefined;
  communeCode?: string | undefined;
  year?: number | undefined;
  kind?: string | undefined;
}

/** Reports visible in a list scope: a province sees its own and its communes'; a commune its own. */
export async function listReports(db: DbOrTx, f: ReportFilter): Promise<ReportRowDb[]> {
  const c: SQL[] = [];
  if (f.communeCode) c.push(eq(reports.communeCode, f.communeCode));
  else if (f.provinceCode) c.push(eq(reports.provinceCode, f.provinceCode));
  if (f.year) c.push(eq(reports.year, f.year));
  if (f.kind) c.push(eq(reports.kind, f.kind as ReportRowDb['kind']));
  return db
    .select()
    .from(reports)
    .where(c.length ? and(...c) : undefined)
    .orderBy(desc(reports.year), asc(reports.level), asc(reports.scopeKey), asc(reports.id));
}

/** The children's reports answering the same periodic report or request. */
export async function childReports(
  db: DbOrTx,
  q: { kind: string; year: number; requestId: number | null; level: 'province' | 'commune'; provinceCode?: string | null },
): Promise<ReportRowDb[]> {
  const c: SQL[] = [eq(reports.level, q.level), eq(reports.year, q.year), eq(reports.kind, q.kind as ReportRowDb['kind'])];
  c.push(q.requestId === null ? isNull(reports.requestId) : eq(reports.requestId, q.requestId));
  if (q.provinceCode) c.push(eq(reports.provinceCode, q.provinceCode));
  return db
    .select()
    .from(reports)
    .where(and(...c));
}

export async function insertReport(db: DbOrTx, r: ReportInsert): Promise<ReportRowDb> {
  const [row] = await db.insert(reports).values(r).returning();
  return row!;
}

/** Versioned update: returns undefined when the version moved (someone else saved first). */
export async function updateReport(
  db: DbOrTx,
  id: number,
  version: number,
  patch: Partial<ReportInsert>,
): Promise<ReportRowDb | undefined> {
  const [row] = await db
    .update(reports)
    .set({ ...patch, version: sql`${reports.version} + 1` })
    .where(and(eq(reports.id, id), eq(reports.version, version)))
    .returning();
  return row;
}

export async function insertEvent(db: DbOrTx, e: typeof reportEvents.$inferInsert): Promise<void> {
  await db.insert(reportEvents).values(e);
}

export async function eventsOf(db: DbOrTx, reportId: number) {
  return db.select().from(reportEvents).where(eq(reportEvents.reportId, reportId)).orderBy(asc(reportEvents.at), asc(reportEvents.id));
}

// ---------- requests (deadlines and ad hoc) ----------

export async function findRequest(db: DbOrTx, id: number): Promise<RequestRow | undefined> {
  const [r] = await db.select().from(reportRequests).where(eq(reportRequests.id, id));
  return r;
}

/** The province's deadline for its communes' annual report of the year (a request row of kind 'annual'). */
export async function findAnnualDeadline(db: DbOrTx, provinceCode: string, year: number): Promise<RequestRow | undefined> {
  const [r] = await db
    .select()
    .from(reportRequests)
    .where(
      and(
        eq(reportRequests.kind, 'annual'),
        eq(reportRequests.year, year),
        eq(reportRequests.requesterLevel, 'province'),
        eq(reportRequests.requesterProvinceCode, provinceCode),
      ),
    );
  return r;
}

export async function upsertAnnualDeadline(db: DbOrTx, provinceCode: string, year: number, deadline: string, by: string): Promise<void> {
  await db.execute(sql`
    insert into report_requests (kind, year, title, requester_level, requester_province_code, deadline, created_by)
    values ('annual', ${year}, ${`Báo cáo định kỳ năm ${year}`}, 'province', ${provinceCode}, ${deadline}, ${by})
    on conflict (kind, year, requester_level, coalesce(requester_province_code, '')) where kind <> 'adhoc'
    do update set deadline = excluded.deadline, version = report_requests.version + 1`);
}

export async function insertRequest(db: DbOrTx, r: typeof reportRequests.$inferInsert): Promise<RequestRow> {
  const [row] = await db.insert(reportRequests).values(r).returning();
  return row!;
}

/** Ad hoc requests addressed to a place: from the nation (to provinces) or from its province (to communes). */
export async function adhocRequestsFor(
  db: DbOrTx,
  q: { asks?: { level: 'nation' | 'province'; provinceCode?: string | null }; toProvince?: string; toCommuneOf?: string },
) {
  const c: SQL[] = [eq(reportRequests.kind, 'adhoc')];
  const ors: SQL[] = [];
  if (q.asks) {
    ors.push(
      q.asks.level === 'nation'
        ? eq(reportRequests.requesterLevel, 'nation')
        : and(eq(reportRequests.requesterLevel, 'province'), eq(reportRequests.requesterProvinceCode, q.asks.provinceCode ?? ''))!,
    );
  }
  if (q.toProvince) ors.push(eq(reportRequests.requesterLevel, 'nation'));
  if (q.toCommuneOf) ors.push(and(eq(reportRequests.requesterLevel, 'province'), eq(reportRequests.requesterProvinceCode, q.toCommuneOf))!);
  if (ors.length) c.push(or(...ors)!);
  return db
    .select()
    .from(reportRequests)
    .where(and(...c))
    .orderBy(desc(reportRequests.deadline), desc(reportRequests.id));
}

export async function reportsForRequests(db: DbOrTx, requestIds: number[], scopeKey: string) {
  if (!requestIds.length) return [];
  return db
    .select({ id: reports.id, requestId: reports.requestId })
    .from(reports)
    .where(and(inArray(reports.requestId, requestIds), eq(reports.scopeKey, scopeKey)));
}

// ---------- builds ----------

export async function insertBuild(db: DbOrTx, b: typeof reportBuilds.$inferInsert): Promise<void> {
  await db.insert(reportBuilds).values(b);
}
export async function updateBuild(db: DbOrTx, id: string, patch: Partial<typeof reportBuilds.$inferInsert>): Promise<void> {
  await db.update(reportBuilds).set(patch).where(eq(reportBuilds.id, id));
}
export async function findBuild(db: DbOrTx, id: string) {
  const [b] = await db.select().from(reportBuilds).where(eq(reportBuilds.id, id));
  return b;
}

/** Active admin accounts of a place (who gets the workflow notifications). Province level with no code = every province admin. */
export async function adminUserIds(
  db: DbOrTx,
  w: { level: 'nation' | 'province' | 'commune'; provinceCode: string | null; communeCode: string | null },
): Promise<string[]> {
  const role = w.level === 'nation' ? 'national_admin' : w.level === 'province' ? 'province_admin' : 'commune_admin';
  const c: SQL[] = [eq(users.role, role), eq(users.active, true)];
  if (w.level === 'province' && w.provinceCode) c.push(eq(users.provinceCode, w.provinceCode));
  if (w.level === 'commune') {
    if (w.communeCode) c.push(eq(users.communeCode, w.communeCode));
    else if (w.provinceCode) c.push(eq(users.provinceCode, w.provinceCode));
  }
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(...c));
  return rows.map((r) => r.id);
}
