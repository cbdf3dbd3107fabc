/**
 * Self-report submissions over HTTP (issue 7): autocannon on loopback against POST /api/self-reports
 * with real sessions of many learners and their real CSRF tokens. Target ≥ 1,000 req/s, p99 ≤ 150 ms,
 * 0 errors. Every request is a valid submission: each learner owns an ended nomination whose report is
 * not yet confirmed; the first submission is made before the load, so every timed request is a
 * resubmission (allowed until the commune confirms it), which runs the same checks, lock, update
 * and audit as a first one.
 * Also the server's memory: VmRSS of the server process (a separate process, so the load generator
 * does not share its event loop) sampled every 100 ms during this load and a read load of officials
 * list and KPI requests; target ≤ 512 MB.
 *   npm run gen:national -- --scale 1 --today 2031-12-31 && npm run bench:self-report [-- --smoke]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { loadConfig } from '../apps/server/src/config.ts';
import { EMBEDDED_DB_NAME, openDatabase } from '../apps/server/src/db/open.ts';
import { hashPassword } from '../apps/server/src/modules/auth/passwords.ts';
import { DEMO_PASSWORD, seedDemoData } from '../apps/server/src/seed/demo.ts';
import { login, type Session } from './http.ts';
import { ROOT, genMeta, machine, ms, percentile, today, writeSection } from './lib.ts';

const { values } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: process.env.BENCH_SMOKE === '1' },
    learners: { type: 'string' },
    duration: { type: 'string' },
    connections: { type: 'string', default: '40' },
    // Measure and print only: docs/BENCHMARKS.md is left as it is (for profiling runs).
    'no-write': { type: 'boolean', default: false },
  },
});
const smoke = values.smoke;
const LEARNERS = Number(values.learners ?? (smoke ? 10 : 300));
const DURATION = Number(values.duration ?? (smoke ? 2 : 20));
const CONNECTIONS = Number(values.connections);
/** What was changed for this figure and what it gave (kept in the section on every run). */
const HISTORY = `### What changed (2026-11-23) and before/after (same command, \`--duration 10\`, other helpers' work on the same 2 cores; the 1-min load average of each run is given: req/s and latencies depend on it, CPU per request much less)

| state | load | req/s | median | p95 | p99 | errors | CPU per request: PostgreSQL + server + autocannon |
|---|---|---|---|---|---|---|---|
| issue 7 figure (old code) | ≈ 12 | 143 | 250.6 ms | 446.3 ms | 788.8 ms | 0 | – |
| old code re-measured, server without any logger (as the bench ran it then) | 4–5 | 245 | 155.5 ms | 215.4 ms | 255.5 ms | 0 | – |
| one transaction of 5 statements (enrolment + report locked in one query, the update returns the whole row), production logging | 4–5 | 480 | 81.2 ms | 105.8 ms | 122.3 ms | 0 | – |
| + resubmission without a new scan in 2 round trips after the session (below) | 4–5 | 543 | 72.8 ms | 92.0 ms | 102.9 ms | 0 | 2.4 + 1.0 + 0.17 = 3.6 ms |
| same code, re-measured with pg_stat_statements on | 1.9 | 435 | 89.9 ms | 117.5 ms | 138.7 ms | 0 | 2.42 + 1.07 + 0.16 = 3.65 ms |
| + the three hot statements as named prepared statements | 2.3 | 694 | 57.1 ms | 90.8 ms | 122.4 ms | 0 | 0.81 + 1.02 + 0.14 = 1.97 ms |
| + statements built once (placeholders), session lookup prepared once, PostgreSQL over a Unix socket (server under --cpu-prof) | 12.3 | 687 | 47.4 ms | 118.0 ms | 203.1 ms | 0 | 0.87 + 0.93 + 0.16 = 1.96 ms |
| same code, with the per-province KPI triggers of migration 0014 | 7.7 | 396 | 87.6 ms | 185.0 ms | 253.1 ms | 0 | 1.09 + 1.10 + 0.23 = 2.43 ms |
| same, again (pg_stat_statements on, track = all) | 6.0 | 673 | 56.1 ms | 91.5 ms | 112.1 ms | 0 | 1.02 + 0.86 + 0.18 = 2.06 ms |

- **Where PostgreSQL's CPU went** (\`PG_STAT_STATEMENTS=1 npm run bench:self-report -- --duration 10 --no-write\` starts the embedded PostgreSQL with pg_stat_statements and track_planning and prints plan and execution time per statement of the timed load): per request 1.33 ms of the 1.70 ms spent in statements was *planning* (the guarded update + audit insert: plan 0.67 ms, execute 0.26 ms; the enrolment read: plan 0.52 ms, execute 0.06 ms; the session lookup: plan 0.14 ms, execute 0.03 ms). Each was sent as an unnamed statement, so parsed and planned on every call.
- **Named prepared statements** (\`preparedStatement\` in apps/server/src/db/client.ts): the text is built once at start-up from a drizzle \`sql\` template whose values are \`sql.placeholder(…)\`; each pooled connection parses it once and PostgreSQL keeps a generic plan (plan time per call: 0.000 ms). Used for the enrolment read (\`enrolmentForSubmit\`, with and without FOR UPDATE) and the guarded update (\`resubmitIfUnchanged\`, its audit insert from \`auditInsertFrom\` + \`auditValues\` in audit.repository.ts); the session lookup of every request (auth.repository.ts \`findLiveSession\`) is a drizzle \`.prepare()\` built once per database handle. PostgreSQL: 2.42 → 0.81 ms CPU per request. Building the SQL per request had also cost the server ≈ 15 % of its CPU (drizzle's select builder and \`sqlToQuery\` in the profile); that is gone.
- **Unix socket**: the embedded PostgreSQL also listens on a socket in its data directory and the pool uses it (TCP on 127.0.0.1 stays open; a path over 100 bytes falls back to TCP). A micro-benchmark of 20,000 one-row named queries: ≈ 8–10 µs less Node CPU and ≈ 5–9 µs less PostgreSQL CPU per round trip than loopback TCP.
- **Checked and left as they are**: resubmissions are HOT updates already (98 % of self_reports updates in pg_stat_user_tables: the updated columns are in no index); WAL ≈ 1.2 kB per request and no checkpoint during a 10 s load (no setting changed); durability unchanged (synchronous_commit on, fsync on). The per-province KPI trigger of migration 0014 (transition tables) runs inside the update's execution: with \`pg_stat_statements.track = all\` its nested \`insert into kpi_changes … select distinct … from enrolments … union …\` costs 0.08 ms of the update's 0.48 ms and 263 B of its ≈ 1.2 kB WAL per request (the previous statement trigger was one \`insert … on conflict do nothing\`); the two runs with it differ by 0.4 ms of CPU per request at loads 7.7 and 6.0, so the machine's noise is of that size.
- **CPU per request** is read from /proc (utime + stime of the PostgreSQL processes, the server process and the load generator over the timed load) and printed by every run, with the WAL bytes per request and checkpoints; it moves much less with the machine's load than req/s does. At ≈ 2.0 ms for everything, two idle cores give ≈ 1,000 req/s; with the other helpers' load on the same cores the runs above reached ≈ 690 req/s.
- **Server profile** (\`BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=…"\`, timed-load window only): what is left is spread thin — socket writes to PostgreSQL and to the client (syscalls; three database round trips per request: session, read, guarded write), pg's result parsing ≈ 4 %, zod body parse + response serialisation ≈ 6 %, helmet headers ≈ 3 %, the access log (pino, two lines per request) ≈ 2 %.
- **Submit path** (apps/server/src/modules/self-reports): a resubmission without a new scan makes 3 round trips: the session; one read of the enrolment, class, programme, official and its report (every check: ownership → 404, class ended and not cancelled, report not confirmed, the form's version → 409); one statement \`with r as (update … where id = $id and version = $seen and status = $seen returning *), a as (insert into audit_log … from r) select <item> from r join …\` — the update only applies if the report is exactly as read (every change bumps the version), its audit row is written by the same atomic statement, and it returns the reply. If the report changed in between, the statement writes nothing and the locking transaction decides (first submissions and submissions with a scan always take it). Tested in self-reports.test.ts.
- **Server run as in production**: logging at \`LOG_LEVEL\` (default \`info\`: Fastify's access log) to a file, as journald would take it.
`;

const TARGET_RPS = 1000;
const TARGET_P99 = 150;
const TARGET_RSS_MB = 512;

process.env.DATA_DIR ??= path.join(ROOT, 'data-bench');
const meta = genMeta();
const appToday = meta?.today ?? '2026-11-23';
const config = loadConfig();
const database = await openDatabase(config, () => {});
const url = config.databaseUrl || database.embedded!.url(EMBEDDED_DB_NAME);
const pool = database.pool;
// Demo accounts (national admin for the read load); no demo training data on the generated dataset.
await seedDemoData(database.db, appToday, { training: false });

// Learners: one ended, not-cancelled nomination each whose report is not confirmed (or not made yet).
// Looked for among the first officials first (fast at scale 1), then among more (small datasets, where
// most reports are already confirmed).
const pickLearners = async (officials: number) =>
  (
    await pool.query<{ enrolment_id: number; official_id: string; province_code: string; commune_code: string; full_name: string }>(
      `with o as (select id, province_code, commune_code, full_name from officials where status = 'dang_cong_tac' order by id limit $3)
       select distinct on (o.id) e.id as enrolment_id, o.id::text as official_id, o.province_code, o.commune_code, o.full_name
         from o join enrolments e on e.official_id = o.id join classes c on c.id = e.class_id
         left join self_reports s on s.enrolment_id = e.id
        where e.status = 'nominated' and c.status <> 'cancelled' and e.class_end_date <= $1 and (s.id is null or s.status <> 'confirmed')
        order by o.id, e.id limit $2`,
      [appToday, LEARNERS, officials],
    )
  ).rows;
let picked = await pickLearners(LEARNERS * 4);
for (const officials of [LEARNERS * 64, LEARNERS * 1024]) if (picked.length < LEARNERS) picked = await pickLearners(officials);
if (picked.length < Math.min(LEARNERS, 5)) {
  await database.close();
  throw new Error('Chưa có dữ liệu: chạy npm run gen:national trước');
}
const hash = await hashPassword(DEMO_PASSWORD);
for (const [i, p] of picked.entries()) {
  await pool.query(
    `insert into users (username, full_name, password_hash, role, province_code, commune_code, official_id, must_change_password)
     values ($1, $2, $3, 'official', $4, $5, $6, false)
     on conflict (username) do update set official_id = excluded.official_id, province_code = excluded.province_code,
       commune_code = excluded.commune_code, full_name = excluded.full_name, password_hash = excluded.password_hash, active = true, must_change_password = false`,
    [`bench.hocvien.${i + 1}`, p.full_name, hash, p.province_code, p.commune_code, p.official_id],
  );
}

// The server as its own process, logging as in production (bench-server.ts): its stdout (the JSON
// access log) goes to a file, as journald or a log file would take it.
const serverLog = path.join(process.env.DATA_DIR, 'bench-server.log');
const logFd = fs.openSync(serverLog, 'w');
// BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server alone.
const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(ROOT, 'bench/bench-server.ts'), '--today', appToday], {
  cwd: ROOT,
  // Learners log in from their own addresses (X-Forwarded-For behind the loopback "proxy"): the login
  // route's per-address limit (60/min) applies per learner as in production.
  env: { ...process.env, DATABASE_URL: url, TRUST_PROXY: '1' },
  stdio: ['ignore', logFd, 'pipe'],
});
const port = await new Promise<number>((resolve, reject) => {
  let out: string | null = '';
  child.stderr!.on('data', (d: Buffer) => {
    if (out === null) return void process.stderr.write(d);
    out += d.toString();
    const m = /PORT (\d+)\n?/.exec(out);
    if (m) {
      process.stderr.write(out.replace(m[0], ''));
      out = null;
      resolve(Number(m[1]));
    }
  });
  child.on('exit', (code) => reject(new Error(`bench server exited (${code})`)));
});
const base = `http://127.0.0.1:${port}`;
// On any failure below: stop the server process and the embedded PostgreSQL, then report the error.
process.on('uncaughtException', (err) => void fail(err));
process.on('unhandledRejection', (err) => void fail(err));
async function fail(err: unknown): Promise<never> {
  console.error(err);
  child.kill('SIGTERM');
  await database.close().catch(() => {});
  process.exit(1);
}
const rssMb = () => {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};

async function loginFrom(ip: string, username: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = cookies.find((c) => c.startsWith('csrf='))!.slice(5);
  return { cookie: cookies.join('; '), csrf };
}

const learners: (Session & { body: string })[] = [];
for (const [i, p] of picked.entries()) {
  const s = await loginFrom(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, `bench.hocvien.${i + 1}`);
  const body = JSON.stringify({
    enrolmentId: String(p.enrolment_id),
    completed: 'true',
    score: (7 + (i % 6) * 0.5).toFixed(1),
    applyAtWork: 'Áp dụng cách lập hồ sơ điện tử đã học vào việc tiếp nhận thủ tục ở bộ phận một cửa của xã.',
  });
  // The first submission before the load: every timed request is then a valid resubmission.
  const res = await fetch(`${base}/api/self-reports`, {
    method: 'POST',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
    body,
  });
  if (res.status !== 201) throw new Error(`self-report ${i}: ${res.status} ${await res.text()}`);
  learners.push({ ...s, body });
}

interface LoadResult {
  rps: number;
  total: number;
  errors: number;
  non2xx: number;
  median: number;
  p95: number;
  p99: number;
  maxRss: number;
}

async function load(
  requests: { method: string; path: string; pick: (k: number) => { headers: Record<string, string>; body?: string } }[],
  duration: number,
): Promise<LoadResult> {
  let k = 0;
  const samples: number[] = [];
  let maxRss = rssMb();
  const timer = setInterval(() => (maxRss = Math.max(maxRss, rssMb())), 100);
  const inst = autocannon({
    url: base,
    connections: CONNECTIONS,
    duration,
    timeout: 10,
    requests: requests.map((r) => ({
      method: r.method,
      path: r.path,
      setupRequest: (req) => ({ ...req, ...r.pick(k++) }),
    })),
  });
  inst.on('response', (_c: unknown, _status: number, _bytes: number, responseTime: number) => samples.push(responseTime));
  const res = await inst;
  clearInterval(timer);
  samples.sort((a, b) => a - b);
  return {
    rps: res.requests.total / res.duration,
    total: res.requests.total,
    errors: res.errors + res.timeouts,
    non2xx: res.non2xx,
    median: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    maxRss,
  };
}

/** utime + stime in ms of one process (/proc/<pid>/stat; 0 when it is gone). */
function cpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // fields 14, 15 in clock ticks (USER_HZ = 100)
  } catch {
    return 0;
  }
}
/** The PostgreSQL postmaster and all its children (backends, walwriter, checkpointer…). */
function postgresPids(): number[] {
  const pidFile = path.join(process.env.DATA_DIR!, 'pg', 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return [];
  const master = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  const pids = [master];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === master) pids.push(Number(d));
    } catch {
      /* exited */
    }
  }
  return pids;
}
/** CPU time per process group, so the figure is robust to other load on the machine. */
function cpuSnapshot() {
  const pg = postgresPids();
  return { postgres: pg.reduce((a, p) => a + cpuMs(p), 0), server: cpuMs(child.pid!), loadgen: cpuMs(process.pid) };
}
type Cpu = ReturnType<typeof cpuSnapshot>;
const cpuPerRequest = (a: Cpu, b: Cpu, n: number) => ({
  postgres: (b.postgres - a.postgres) / n,
  server: (b.server - a.server) / n,
  loadgen: (b.loadgen - a.loadgen) / n,
  total: (b.postgres - a.postgres + b.server - a.server + b.loadgen - a.loadgen) / n,
});

// PG_STAT_STATEMENTS=1 (see db/embedded.ts): per-statement plan and execution time of the timed load.
const pgss = process.env.PG_STAT_STATEMENTS === '1';
if (pgss) await pool.query('create extension if not exists pg_stat_statements');

const submit = (k: number) => {
  const l = learners[k % learners.length]!;
  return { headers: { cookie: l.cookie, 'x-csrf-token': l.csrf, 'content-type': 'application/json' }, body: l.body };
};
await load([{ method: 'POST', path: '/api/self-reports', pick: submit }], smoke ? 1 : 5); // warm-up
if (pgss) await pool.query('select pg_stat_statements_reset()');
const walBefore = (
  await pool.query<{ wal_bytes: string; ckpt: string }>(
    `select (select wal_bytes from pg_stat_wal)::text as wal_bytes, (select num_timed + num_requested from pg_stat_checkpointer)::text as ckpt`,
  )
).rows[0]!;
const cpu0 = cpuSnapshot();
const load1 = os.loadavg()[0]!;
const sr = await load([{ method: 'POST', path: '/api/self-reports', pick: submit }], DURATION);
const cpu = cpuPerRequest(cpu0, cpuSnapshot(), sr.total);
const walAfter = (
  await pool.query<{ wal_bytes: string; ckpt: string }>(
    `select (select wal_bytes from pg_stat_wal)::text as wal_bytes, (select num_timed + num_requested from pg_stat_checkpointer)::text as ckpt`,
  )
).rows[0]!;
const walPerRequest = (Number(walAfter.wal_bytes) - Number(walBefore.wal_bytes)) / sr.total;
const checkpoints = Number(walAfter.ckpt) - Number(walBefore.ckpt);
console.log('self-report submissions', sr);
console.log(
  `CPU per request: PostgreSQL ${cpu.postgres.toFixed(2)} ms, server ${cpu.server.toFixed(2)} ms, load generator ${cpu.loadgen.toFixed(2)} ms, total ${cpu.total.toFixed(2)} ms; WAL ${walPerRequest.toFixed(0)} B/request, ${checkpoints} checkpoints; 1-min load average ${load1.toFixed(1)} at start`,
);
if (pgss) {
  const top = await pool.query(
    `select calls, round((total_plan_time / greatest(calls, 1))::numeric, 3) as plan_ms, round((total_exec_time / greatest(calls, 1))::numeric, 3) as exec_ms,
            round((total_plan_time + total_exec_time)::numeric / ${sr.total}, 3) as ms_per_request, wal_bytes / greatest(calls, 1) as wal_per_call,
            left(regexp_replace(query, '\\s+', ' ', 'g'), 140) as query
       from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
      order by total_plan_time + total_exec_time desc limit 12`,
  );
  console.table(top.rows);
}

// A read load for the memory figure: national officials list and searches, KPI tables when the KPI module answers.
let reads: LoadResult | null = null;
const admin = await login(base, 'bonoivu').catch(() => null);
if (admin) {
  const h = { cookie: admin.cookie };
  const paths = [
    '/api/officials?pageSize=20',
    '/api/officials?pageSize=20&q=nguyen%20thi',
    '/api/officials?pageSize=50&belowStandard=true',
  ];
  const kpi = await fetch(`${base}/api/kpis?scope=nation&phase=1&asOf=${appToday}`, { headers: h });
  await kpi.arrayBuffer();
  if (kpi.ok) paths.push(`/api/kpis?scope=nation&phase=1&asOf=${appToday}`, `/api/kpis/children?scope=nation&phase=1&asOf=${appToday}`);
  reads = await load(
    paths.map((p) => ({ method: 'GET', path: p, pick: () => ({ headers: h }) })),
    smoke ? 1 : 10,
  );
  console.log('read load', reads, paths);
}
child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));
await database.close();

const srPass = sr.rps >= TARGET_RPS && sr.p99 <= TARGET_P99 && sr.errors === 0 && sr.non2xx === 0;
const maxRss = Math.max(sr.maxRss, reads?.maxRss ?? 0);
const memPass = maxRss <= TARGET_RSS_MB;
const dataset = meta
  ? `scale ${meta.scale} (seed ${meta.seed}, today ${meta.today}): ${meta.officials.toLocaleString('en')} officials, ${(meta.enrolments ?? 0).toLocaleString('en')} enrolments, ${(meta.selfReports ?? 0).toLocaleString('en')} self-reports`
  : 'unknown (no gen-meta.json)';
if (smoke) {
  console.log(`[smoke] self-report: ${sr.total} requests, ${sr.errors} errors, ${sr.non2xx} non-2xx; max RSS ${maxRss.toFixed(0)} MB`);
  if (sr.errors || sr.non2xx || sr.total === 0) process.exitCode = 1;
} else if (values['no-write']) {
  console.log(
    `self-report: ${sr.rps.toFixed(0)} req/s, p99 ${ms(sr.p99)}, ${sr.errors} errors, ${sr.non2xx} non-2xx; max RSS ${maxRss.toFixed(0)} MB (docs not written)`,
  );
} else {
  const cmd = '`npm run bench:self-report`';
  writeSection(
    'self-report',
    `## Self-report submissions over HTTP (issue 7)

- Date: ${today()} · machine: ${machine()}
- Dataset: ${dataset}
- Load: autocannon on loopback, ${CONNECTIONS} connections, ${DURATION} s after a 5 s warm-up; ${learners.length} learners, each with a real session cookie and CSRF token, each request a valid resubmission (JSON body) of the learner's own ended nomination; the server is a separate Node process with a pool of ${process.env.DB_POOL_MAX ?? 20} connections to the embedded PostgreSQL, logging at ${process.env.LOG_LEVEL ?? 'info'} (production) to data-bench/bench-server.log
- Command: ${cmd}
- Target: ≥ ${TARGET_RPS} req/s, p99 ≤ ${TARGET_P99} ms, 0 errors · **${sr.rps.toFixed(0)} req/s (${(sr.rps / TARGET_RPS).toFixed(2)}× the floor), p99 ${ms(sr.p99)} (${(sr.p99 / TARGET_P99).toFixed(2)} of the limit), ${sr.errors} errors, ${sr.non2xx} non-2xx — ${srPass ? 'PASS' : 'FAIL'}**

| requests | req/s | median | p95 | p99 |
|---|---|---|---|---|
| ${sr.total.toLocaleString('en')} | ${sr.rps.toFixed(0)} | ${ms(sr.median)} | ${ms(sr.p95)} | ${ms(sr.p99)} |

CPU per request over the timed load (/proc): PostgreSQL ${ms(cpu.postgres)}, server ${ms(cpu.server)}, load generator ${ms(cpu.loadgen)}, total ${ms(cpu.total)}; WAL ${walPerRequest.toFixed(0)} B per request, ${checkpoints} checkpoints; 1-min load average ${load1.toFixed(1)} when the timed load started.

${HISTORY}`,
  );
  writeSection(
    'memory',
    `## Server memory under load (issue 7)

- Date: ${today()} · machine: ${machine()}
- Dataset: ${dataset}
- What is measured: VmRSS of the server process (\`/proc/<pid>/status\`), sampled every 100 ms during the self-report load above and a read load (${CONNECTIONS} connections, 10 s) of national officials-list pages, diacritic-free search${reads && reads.total ? ' and KPI tables when available' : ''}
- Command: ${cmd}
- Target: ≤ ${TARGET_RSS_MB} MB · **max ${maxRss.toFixed(0)} MB (${(maxRss / TARGET_RSS_MB).toFixed(2)} of the limit) — ${memPass ? 'PASS' : 'FAIL'}**

| load | requests | req/s | median | p95 | p99 | max RSS |
|---|---|---|---|---|---|---|
| self-report submissions | ${sr.total.toLocaleString('en')} | ${sr.rps.toFixed(0)} | ${ms(sr.median)} | ${ms(sr.p95)} | ${ms(sr.p99)} | ${sr.maxRss.toFixed(0)} MB |
${reads ? `| reads (officials list${reads ? ', KPIs' : ''}) | ${reads.total.toLocaleString('en')} | ${reads.rps.toFixed(0)} | ${ms(reads.median)} | ${ms(reads.p95)} | ${ms(reads.p99)} | ${reads.maxRss.toFixed(0)} MB |` : ''}`,
  );
  if (!srPass || !memPass) process.exitCode = 1;
}
