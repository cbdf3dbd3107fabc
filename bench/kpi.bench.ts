/**
 * KPI table (K1–K8, P1) at national scale (issue 6, issue 7):
 *   npm run gen:national -- --scale 1 --seed 42 && npm run bench:kpi
 * - HTTP p50/p95/p99 of GET /api/kpis for the nation, one province, one commune (targets 200 / 80 / 30 ms);
 * - the engine in-process (computeKpis) vs a hand-written minimal SQL reading the same answer from a
 *   hand-maintained summary table, in the same run (ratio ≤ 3×);
 * - the from-scratch (reference) cost, and the first request after one committed change in one province
 *   (per-province invalidation: only that province's entry is recomputed; 5 rounds in different provinces).
 * KPI_AS_OF (default the dataset's "today") chooses the as-of date.
 */
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { KpiResult, KpiScope } from '@app/shared';
import { loadConfig } from '../apps/server/src/config.ts';
import { openDatabase } from '../apps/server/src/db/open.ts';
import { seedDemoData } from '../apps/server/src/seed/demo.ts';
import { computeKpis, computeKpisReference, scopeString } from '../apps/server/src/modules/kpis/kpis.service.ts';
import { login, startBenchServer, timedGet } from './http.ts';
import { ROOT, genMeta, machine, ms, stats, today, writeSection } from './lib.ts';

process.env.DATA_DIR ??= path.join(ROOT, 'data-bench');
const meta = genMeta();
const database = await openDatabase(loadConfig(), () => {});
const db = database.db;
const pool = database.pool;
await seedDemoData(db);
await pool.query('analyze');
const count = async (table: string) => (await pool.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]!.n;
const officials = await count('officials');
const enrolments = await count('enrolments');
if (officials < 1000) throw new Error('Chưa có dữ liệu: chạy npm run gen:national trước');
const asOf = process.env.KPI_AS_OF ?? meta?.today ?? '2026-11-23';
const phase: 1 | 2 = asOf <= '2028-12-31' ? 1 : 2;
const communeCode = (
  await db.execute<{ c: string }>(
    sql`select commune_code as c from officials where province_code = '66' group by 1 order by count(*) desc limit 1`,
  )
).rows[0]!.c;
const scopes: { name: string; scope: KpiScope; target: number }[] = [
  { name: 'Toàn quốc', scope: { level: 'nation' }, target: 200 },
  { name: 'Tỉnh 66 (Đắk Lắk)', scope: { level: 'province', provinceCode: '66' }, target: 80 },
  { name: `Xã ${communeCode}`, scope: { level: 'commune', communeCode }, target: 30 },
];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);

// 1. from scratch (what the first request after a committed change costs)
const scratch: Record<string, number> = {};
const answers = new Map<string, KpiResult>();
for (const s of scopes) {
  const t0 = performance.now();
  answers.set(s.name, await computeKpisReference(db, { scope: s.scope, phase, asOf }));
  scratch[s.name] = performance.now() - t0;
}

// 2. the hand-maintained summary table holding the same answers, and its minimal SQL
await pool.query(`drop table if exists bench_kpi_summary`);
await pool.query(`create unlogged table bench_kpi_summary (scope text, phase int, as_of date, code text, numerator int, denominator int, percent numeric,
  target int, status text, primary key (scope, phase, as_of, code))`);
for (const s of scopes)
  for (const i of answers.get(s.name)!.indicators)
    await pool.query(`insert into bench_kpi_summary values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [
      scopeString(s.scope),
      phase,
      asOf,
      i.code,
      i.numerator,
      i.denominator,
      i.percent,
      i.target,
      i.status,
    ]);
await pool.query('analyze bench_kpi_summary');

const server = await startBenchServer(database, asOf);
const nation = await login(server.base, 'bonoivu');
const rows: string[] = [];
const ratioRows: string[] = [];
let pass = true;
for (const s of scopes) {
  const url = `/api/kpis?scope=${scopeString(s.scope)}&phase=${phase}&asOf=${asOf}`;
  for (let i = 0; i < 10; i++) await timedGet(server.base, nation, url);
  const http: number[] = [];
  for (let i = 0; i < ROUNDS; i++) http.push(await timedGet(server.base, nation, url));
  const h = stats(http);
  // in-process: the engine vs the minimal summary SQL, interleaved in the same run
  const engine: number[] = [];
  const summary: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    let t0 = performance.now();
    const r = await computeKpis(db, { scope: s.scope, phase, asOf });
    engine.push(performance.now() - t0);
    t0 = performance.now();
    const q = await pool.query(
      `select code, numerator, denominator, percent, target, status from bench_kpi_summary where scope = $1 and phase = $2 and as_of = $3 order by code`,
      [scopeString(s.scope), phase, asOf],
    );
    summary.push(performance.now() - t0);
    if (i === 0 && q.rows.length !== r.indicators.length) throw new Error('summary and engine disagree');
  }
  const e = stats(engine);
  const m = stats(summary);
  const ratio = e.median / m.median;
  const ok = h.p95 <= s.target && ratio <= 3;
  pass &&= ok;
  rows.push(
    `| ${s.name} | ${ms(h.median)} | ${ms(h.p95)} | ${ms(h.p99)} | ≤ ${s.target} ms | ${(h.p95 / s.target).toFixed(2)} | ${ms(scratch[s.name]!)} |`,
  );
  ratioRows.push(
    `| ${s.name} | ${ms(e.median)} | ${ms(e.p95)} | ${ms(m.median)} | ${ms(m.p95)} | ${ratio.toFixed(2)}× | ${ok ? 'PASS' : 'FAIL'} |`,
  );
  console.log(s.name, { http: h, engine: e, summary: m, ratio, scratch: scratch[s.name] });
}

// 3. the first request after one committed change in one province (an enrolment's result set, as a class
//    closes): only that province's entry (and the nation's P1) is recomputed. Each scope and each way
//    (in-process / HTTP) gets its own change; the result toggles back and forth, so the data ends as it began.
const changeProvinces = (
  await pool.query<{ p: string }>(`select code as p from provinces where code <> '66' order by code limit 4`)
).rows.map((r) => r.p);
changeProvinces.unshift('66');
const after: Record<string, { engine: number[]; http: number[] }> = {};
for (const s of scopes) after[s.name] = { engine: [], http: [] };
for (const province of changeProvinces) {
  const commune = (
    await pool.query<{ c: string }>(
      `select commune_code as c from official_assignments where province_code = $1 and to_date is null group by 1 order by count(*) desc limit 1`,
      [province],
    )
  ).rows[0]!.c;
  const [en] = (
    await pool.query<{ id: number }>(
      `select id from enrolments where province_code = $1 and result in ('completed', 'failed') and class_end_date <= $2 order by id desc limit 1`,
      [province, asOf],
    )
  ).rows;
  const targets: { name: string; scope: KpiScope }[] = [
    { name: scopes[0]!.name, scope: { level: 'nation' } },
    { name: scopes[1]!.name, scope: { level: 'province', provinceCode: province } },
    { name: scopes[2]!.name, scope: { level: 'commune', communeCode: commune } },
  ];
  for (const tg of targets) {
    for (const way of ['engine', 'http'] as const) {
      await pool.query(`update enrolments set result = case when result = 'completed' then 'failed' else 'completed' end where id = $1`, [
        en!.id,
      ]);
      const t0 = performance.now();
      if (way === 'engine') await computeKpis(db, { scope: tg.scope, phase, asOf });
      else await timedGet(server.base, nation, `/api/kpis?scope=${scopeString(tg.scope)}&phase=${phase}&asOf=${asOf}`);
      after[tg.name]![way].push(performance.now() - t0);
    }
  }
}
const afterLabels = ['Toàn quốc', 'Tỉnh có thay đổi', 'Xã lớn nhất của tỉnh đó'];
const afterRows = scopes.map((s, i) => {
  const e = after[s.name]!.engine;
  const h = after[s.name]!.http;
  const med = (x: number[]) => stats(x).median;
  const max = (x: number[]) => Math.max(...x);
  return `| ${afterLabels[i]} | ${ms(med(e))} | ${ms(max(e))} | ${ms(med(h))} | ${ms(max(h))} | ≤ ${s.target} ms |`;
});
console.log('after one change', after);
const afterText = `
First request after one committed change in one province (an enrolment's result toggled; provinces ${changeProvinces.join(', ')};
one round each; nation/province/commune of that province; only that province's cached entry, and for the nation its P1,
is recomputed; load average ${os.loadavg()[0]!.toFixed(1)}):

| scope | engine median | engine max | HTTP median | HTTP max | target (warm p95) |
|---|---|---|---|---|---|
${afterRows.join('\n')}`;

writeSection(
  'kpi',
  `## KPI table K1–K8, P1 (issue 6, issue 7)

- Date: ${today()} · machine: ${machine()}
- Dataset: ${officials.toLocaleString('en')} officials, ${enrolments.toLocaleString('en')} enrolments${meta ? ` (\`npm run gen:national -- --scale ${meta.scale} --seed ${meta.seed}\`, today ${meta.today})` : ''}; as-of ${asOf}, phase ${phase}
- Command: \`npm run bench:kpi\` · ${ROUNDS} sequential requests per scope after 10 warm-up requests
- Targets: HTTP p95 ≤ 200 ms (nation), ≤ 80 ms (province), ≤ 30 ms (commune); engine in-process ≤ 3× a minimal SQL over a hand-maintained summary table · **${pass ? 'PASS' : 'FAIL'}**
- Design (decision 0007): the engine's result for (scope, phase, asOf) is cached exactly and revalidated on every request
  against \`kpi_changes\` (one row per committed writing transaction); the "from scratch" column is the reference SQL,
  i.e. what the first request after a committed change costs.

| scope | HTTP median | HTTP p95 | HTTP p99 | target | p95 / limit | from scratch |
|---|---|---|---|---|---|---|
${rows.join('\n')}

| scope | engine median | engine p95 | summary SQL median | summary SQL p95 | engine / summary | |
|---|---|---|---|---|---|---|
${ratioRows.join('\n')}
${afterText}`,
);
await pool.query(`drop table if exists bench_kpi_summary`);
await server.close();
await database.close();
if (!pass && process.env.BENCH_SMOKE !== '1') process.exitCode = 1;
