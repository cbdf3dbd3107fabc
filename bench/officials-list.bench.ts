/**
 * Officials list + diacritic-free search at national scale (issue 3/7): p95 ≤ 100 ms over HTTP.
 *   npm run gen:national -- --scale 1 && npm run bench:officials
 */
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../apps/server/src/config.ts';
import { openDatabase } from '../apps/server/src/db/open.ts';
import { seedDemoData } from '../apps/server/src/seed/demo.ts';
import { login, startBenchServer, timedGet } from './http.ts';
import { ROOT, machine, ms, stats, today, writeSection } from './lib.ts';

process.env.DATA_DIR ??= path.join(ROOT, 'data-bench');
const database = await openDatabase(loadConfig(), () => {});
const db = database.db;
await seedDemoData(db);
await database.pool.query('vacuum analyze officials');
const [{ n: officialsCount } = { n: 0 }] = (await db.execute<{ n: number }>(sql`select count(*)::int as n from officials`)).rows;
if (officialsCount < 1000) throw new Error('Chưa có dữ liệu: chạy npm run gen:national trước');
// a fixed pseudo-random sample (md5 order): `tablesample system (1)` could return no row at all on a 0.01-scale dataset
const names = (
  await db.execute<{ q: string; commune_code: string }>(
    sql`select f_unaccent(lower(full_name)) as q, commune_code from officials order by md5(id::text) limit 200`,
  )
).rows;
const server = await startBenchServer(database);
const nation = await login(server.base, 'bonoivu');
const province = await login(server.base, 'sonoivu.66');
const communeCode = (
  await db.execute<{ c: string }>(
    sql`select commune_code as c from officials where province_code = '66' group by 1 order by count(*) desc limit 1`,
  )
).rows[0]!.c;

const scenarios: { name: string; run: (i: number) => Promise<number> }[] = [
  { name: 'Toàn quốc, trang 1 (200k, sắp theo tên)', run: () => timedGet(server.base, nation, '/api/officials?pageSize=20') },
  { name: 'Toàn quốc, trang 200', run: () => timedGet(server.base, nation, '/api/officials?pageSize=20&page=200') },
  {
    name: 'Toàn quốc, tìm họ tên không dấu',
    run: (i) => timedGet(server.base, nation, `/api/officials?q=${encodeURIComponent(names[i % names.length]!.q)}`),
  },
  {
    name: 'Toàn quốc, tìm 2 từ không dấu ("nguyen thi …")',
    run: (i) =>
      timedGet(server.base, nation, `/api/officials?q=${encodeURIComponent(names[i % names.length]!.q.split(' ').slice(-2).join(' '))}`),
  },
  { name: 'Tỉnh 66, chưa đạt chuẩn', run: () => timedGet(server.base, province, '/api/officials?belowStandard=true') },
  {
    name: 'Tỉnh 66, tìm không dấu',
    run: (i) => timedGet(server.base, province, `/api/officials?q=${encodeURIComponent(names[i % names.length]!.q.split(' ').pop()!)}`),
  },
  { name: 'Một xã, cả danh sách', run: () => timedGet(server.base, nation, `/api/officials?commune=${communeCode}&pageSize=100`) },
];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const rows: string[] = [];
const all: number[] = [];
for (const s of scenarios) {
  for (let i = 0; i < 10; i++) await s.run(i); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) samples.push(await s.run(i));
  all.push(...samples);
  const st = stats(samples);
  rows.push(`| ${s.name} | ${ms(st.median)} | ${ms(st.p95)} | ${ms(st.p99)} |`);
  console.log(s.name, st);
}
const overall = stats(all);
const pass = overall.p95 <= 100;
writeSection(
  'officials-list',
  `## Officials list and search at national scale (issue 3, issue 7)

- Date: ${today()} · machine: ${machine()}
- Dataset: ${officialsCount.toLocaleString('en')} officials (\`npm run gen:national -- --scale 1 --seed 42\`), ${ROUNDS} sequential requests per scenario over HTTP on loopback, after 10 warm-up requests
- Command: \`npm run bench:officials\`
- Target: p95 ≤ 100 ms · **overall p95 ${ms(overall.p95)} (${(overall.p95 / 100).toFixed(2)} of the limit) — ${pass ? 'PASS' : 'FAIL'}**

| scenario | median | p95 | p99 |
|---|---|---|---|
${rows.join('\n')}
| **all** | ${ms(overall.median)} | ${ms(overall.p95)} | ${ms(overall.p99)} |`,
);
await server.close();
await database.close();
if (!pass && process.env.BENCH_SMOKE !== '1') process.exitCode = 1;
