/**
 * KPI engine bookkeeping (modules/kpis, decision 0007). `kpi_changes` holds the id of every
 * transaction that changed data the KPIs read (written by statement-level triggers, one row per
 * transaction, no shared counter row so writers never wait on each other). A cached KPI result
 * computed in snapshot S stays valid while no transaction invisible in S has committed a change.
 */
import { sql } from 'drizzle-orm';
import { customType, index, pgTable, timestamp } from 'drizzle-orm/pg-core';

const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });

export const kpiChanges = pgTable(
  'kpi_changes',
  {
    xid: xid8('xid')
      .primaryKey()
      .default(sql`pg_current_xact_id()`),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('kpi_changes_at_idx').on(t.at)],
);
