/**
 * A province's annual report at national scale (issue 6): the .docx (Decree 30/2020) and the .xlsx
 * annexes (Biểu 1–5, every commune as a row) of Đắk Lắk's 2026 report, built over HTTP from live data
 * (a draft: KPI engine + class, budget and evaluation tables) and from a submitted snapshot.
 * Target: .docx + .xlsx ≤ 3 s.
 *   npm run gen:national -- --scale 1 && npm run bench:report
 */
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../apps/server/src/config.ts';
import { openDatabase } from '../apps/server/src/db/open.ts';
import { seedDemoData } from '../apps/server/src/seed/demo.ts';
import { seedReferenceData } from '../apps/server/src/seed/reference.ts';
import { login, startBenchServer, type Session } from './http.ts';
import { ROOT, machine, ms, stats, today, writeSection } from './lib.ts';

process.env.DATA_DIR ??= path.join(ROOT, 'data-bench');
const database = await openDatabase(loadConfig(), () => {});
const db = database.db;
await seedReferenceData(db);
await seedDemoData(db);
const count = async (table: string) => (await db.execute<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`))).rows[0]!.n;
const officials = await count('officials');
const enrolments = await count('enrolments');
const communes66 = (await db.execute<{ n: number }>(sql`select count(*)::int as n from communes where province_code = '66'`)).rows[0]!.n;
if (officials < 1000) console.warn('Cảnh báo: ít dữ liệu — chạy npm run gen:national trước để đo ở quy mô toàn quốc');
const server = await startBenchServer(database);
const province = await login(server.base, 'sonoivu.66');

async function call(s: Session, method: string, url: string, body?: unknown): Promise<Response> {
  const res = await fetch(server.base + url, {
    method,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return res;
}

/** The province's annual report 2026 as a fresh draft (a report left by an earlier run is removed). */
await db.execute(sql`delete from reports where kind = 'annual' and year = 2026 and scope_key = 'province:66' and created_by = 'bench'`);
let reportId = (
  await db.execute<{ id: number }>(sql`select id from reports where kind = 'annual' and year = 2026 and scope_key = 'province:66'`)
).rows[0]?.id;
if (!reportId) {
  reportId = ((await (await call(province, 'POST', '/api/reports', { kind: 'annual', year: 2026 })).json()) as { id: number }).id;
  await db.execute(sql`update reports set created_by = 'bench' where id = ${reportId}`);
}
await db.execute(sql`update reports set status = 'draft', snapshot = null where id = ${reportId}`);

async function both(): Promise<{ docx: number; xlsx: number; total: number }> {
  const t0 = performance.now();
  await (await call(province, 'GET', `/api/reports/${reportId}/docx`)).arrayBuffer();
  const t1 = performance.now();
  await (await call(province, 'GET', `/api/reports/${reportId}/xlsx`)).arrayBuffer();
  const t2 = performance.now();
  return { docx: t1 - t0, xlsx: t2 - t1, total: t2 - t0 };
}

const RUNS = Number(process.env.BENCH_ROUNDS ?? 5);
await both(); // warm-up
const live: { docx: number; xlsx: number; total: number }[] = [];
for (let i = 0; i < RUNS; i++) live.push(await both());
// submitted: numbers frozen, the files come from the snapshot
const version = ((await (await call(province, 'GET', `/api/reports/${reportId}`)).json()) as { version: number }).version;
const tSubmit = performance.now();
await call(province, 'POST', `/api/reports/${reportId}/submit`, { version });
const submitMs = performance.now() - tSubmit;
const frozen: { docx: number; xlsx: number; total: number }[] = [];
for (let i = 0; i < RUNS; i++) frozen.push(await both());

const row = (name: string, xs: { docx: number; xlsx: number; total: number }[]) => {
  const d = stats(xs.map((x) => x.docx));
  const x = stats(xs.map((x) => x.xlsx));
  const t = stats(xs.map((x) => x.total));
  return {
    line: `| ${name} | ${ms(d.median)} | ${ms(x.median)} | ${ms(t.median)} | ${ms(t.p95)} |`,
    worst: Math.max(...xs.map((v) => v.total)),
  };
};
const a = row('Bản nháp (số liệu tính trực tiếp)', live);
const b = row('Đã gửi (số liệu từ bản chốt)', frozen);
const worst = Math.max(a.worst, b.worst);
const pass = worst <= 3000;
const smoke = process.env.BENCH_SMOKE === '1';
console.log(a.line, '\n', b.line, '\nsubmit', submitMs);
if (!smoke)
  writeSection(
    'report',
    `## A province's annual report (.docx + .xlsx) at national scale (issue 6)

- Date: ${today()} · machine: ${machine()}
- Dataset: ${officials.toLocaleString('en')} officials, ${enrolments.toLocaleString('en')} enrolments; Đắk Lắk (66) has ${communes66} communes (one row each in Biểu 1–4)
- Command: \`npm run bench:report\` · ${RUNS} sequential runs per case over HTTP after one warm-up; submitting (computing and freezing the snapshot) took ${ms(submitMs)}
- Target: .docx + .xlsx ≤ 3 s · **worst run ${ms(worst)} — ${pass ? 'PASS' : 'FAIL'}**

| case | .docx median | .xlsx median | both, median | both, p95 |
|---|---|---|---|---|
${a.line}
${b.line}`,
  );
await server.close();
await database.close();
if (!pass && !smoke) process.exitCode = 1;
