/** SQL of the dashboard module (names only; numbers come from the KPI engine). */
import { sql } from 'drizzle-orm';
import type { KpiScope } from '@app/shared';
import type { DbOrTx } from '../../db/client.ts';

export async function scopeName(db: DbOrTx, scope: KpiScope): Promise<string> {
  if (scope.level === 'nation') return 'Toàn quốc';
  const r =
    scope.level === 'province'
      ? await db.execute<{ name: string }>(sql`select full_name as name from provinces where code = ${scope.provinceCode}`)
      : await db.execute<{ name: string }>(sql`select full_name as name from communes where code = ${scope.communeCode}`);
  return r.rows[0]?.name ?? '';
}
