/**
 * KPI engine bookkeeping (modules/kpis, decision 0007). `kpi_changes` holds the id of every
 * transaction that changed data the KPIs read, once per province the change can affect ('*' = all;
 * written by statement-level triggers with transition tables, no shared counter row so writers never
 * wait on each other). A cached KPI result
 * computed in snapshot S stays valid while no transaction invisible in S has committed a change.
 */
import { sql } from 'drizzle-orm';
import { customType, index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });

export const kpiChanges = pgTable(
  'kpi_changes',
  {
    xid: xid8('xid')
      .notNull()
      .default(sql`pg_current_xact_id()`),
    /** the province whose KPI results the change can move; '*' = every scope (issue 6, per-province invalidation) */
    provinceCode: text('province_code').notNull().default('*'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  // (xid, province_code): the cache's range probe on xid still uses the primary key's leading column
  (t) => [primaryKey({ name: 'kpi_changes_pkey', columns: [t.xid, t.provinceCode] }), index('kpi_changes_at_idx').on(t.at)],
);
