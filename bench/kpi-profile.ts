/**
 * Where the from-scratch KPI time goes (issue 7 follow-up): time of each indicator's reference
 * count query for the nation and one province, on the generated dataset in DATA_DIR (default ./data-bench):
 *   npm run gen:national -- --scale 0.25 --seed 42 && npx tsx bench/kpi-profile.ts
 * KPI_PROFILE_EXPLAIN=K3 additionally prints EXPLAIN (ANALYZE, BUFFERS) of that indicator for the province.
 */
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { KPI_CODES, type KpiCode, type KpiScope } from '@app/shared';
import { loadConfig } from '../apps/server/src/config.ts';
import { openDatabase } from '../apps/server/src/db/open.ts';
import * as repo from '../apps/server/src/modules/kpis/kpis.repository.ts';
import { ROOT, genMeta, ms } from './lib.ts';

process.env.DATA_DIR ??= path.join(ROOT, 'data-bench');
const meta = genMeta();
const database = await openDatabase(loadConfig(), () => {});
const db = database.db;
const asOf = process.env.KPI_AS_OF ?? meta?.today ?? '2026-11-23';
const phase: 1 | 2 = asOf <= '2028-12-31' ? 1 : 2;
await repo.detectEvaluations(db);
const scopes: { name: string; scope: KpiScope }[] = [
  { name: 'nation', scope: { level: 'nation' } },
  { name: 'province 66', scope: { level: 'province', provinceCode: '66' } },
];
const codes = KPI_CODES.filter((c): c is Exclude<KpiCode, 'P1'> => c !== 'P1');
console.log(`asOf ${asOf}, phase ${phase}`);
for (const s of scopes) {
  const q = { scope: s.scope, phase, asOf, groupBy: 'none' as const };
  let total = 0;
  for (const code of codes) {
    const t0 = performance.now();
    const r = await repo.countRows(db, code, q);
    const t = performance.now() - t0;
    total += t;
    console.log(`${s.name}\t${code}\t${ms(t)}\t${r[0]?.numerator ?? 0}/${r[0]?.denominator ?? 0}`);
  }
  console.log(`${s.name}\ttotal\t${ms(total)}`);
}
const explain = process.env.KPI_PROFILE_EXPLAIN as Exclude<KpiCode, 'P1'> | undefined;
if (explain) {
  const q = { scope: scopes[1]!.scope, phase, asOf, groupBy: 'none' as const };
  const r = await db.execute<Record<string, string>>(
    sql`explain (analyze, buffers) select count(*) filter (where in_num), count(*) from (${repo.rowsSql(explain, q)}) t`,
  );
  for (const row of r.rows) console.log(Object.values(row)[0]);
}
await database.close();
