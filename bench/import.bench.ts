/**
 * Roster import benchmark (SPEC §3 Excel import; target: a 10,000-row import, validate + commit,
 * in ≤ 10 s on 2 cores) and the 500-account batch (target: a few seconds).
 *
 * On a fresh embedded PostgreSQL (reference + demo data), for 3 runs each into an empty commune:
 * a generated 10,000-row .xlsx (realistic Vietnamese names from seed/names.ts) through the service
 * (read + validate + match + commit), the same through HTTP once, a re-import of the same file
 * (10,000 unchanged), and the same rows loaded with raw COPY FROM STDIN as the floor. Then accounts
 * for 500 officials. Prints medians and writes them to docs/BENCHMARKS.md.
 *   npm run bench:import
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { from as copyFrom } from 'pg-copy-streams';
import { sql } from 'drizzle-orm';
import {
  EDU_LEVEL_LABELS,
  POLITICAL_THEORY_LABELS,
  STATE_MGMT_LABELS,
  STUDY_FIELD_LABELS,
  type EduLevel,
  type StudyField,
} from '@app/shared';
import { createClock } from '../apps/server/src/clock.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import { openDatabase } from '../apps/server/src/db/open.ts';
import { seedReferenceData } from '../apps/server/src/seed/reference.ts';
import { seedDemoData } from '../apps/server/src/seed/demo.ts';
import { makePerson, makeRng, pick, randomDate, type Rng } from '../apps/server/src/seed/names.ts';
import { DEFAULT_POSITIONS } from '../apps/server/src/modules/positions/positions.rules.ts';
import { actorFromUser } from '../apps/server/src/modules/auth/auth.service.ts';
import { findUserByUsername } from '../apps/server/src/modules/auth/auth.repository.ts';
import { givenNameOf } from '../apps/server/src/modules/officials/officials.rules.ts';
import { importRoster } from '../apps/server/src/modules/roster-import/roster-import.service.ts';
import { createOfficialAccounts } from '../apps/server/src/modules/roster-import/official-accounts.service.ts';
import { COLUMNS, headerText } from '../apps/server/src/modules/roster-import/roster-columns.ts';
import { login, startBenchServer } from './http.ts';
import { machine, today, writeSection } from './lib.ts';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
const RUNS = 3;
const TARGET_MS = 10_000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-'));
fs.chmodSync(dataDir, 0o755);
const config = loadConfig({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' });
const database = await openDatabase(config, () => {});
const db = database.db;
await seedReferenceData(db);
await seedDemoData(db);
const clock = createClock('2026-11-23', 'test');
const meta = { ip: null, requestId: 'bench' };

// Empty xã (not phường) communes of Đắk Lắk: one per run.
const communes = (
  await db.execute<{ code: string }>(sql`
    select c.code from communes c where c.province_code = '66' and c.type = 'xa'
      and not exists (select 1 from officials o where o.commune_code = c.code) order by c.code limit 12`)
).rows.map((r) => r.code);
const units = new Map<string, Map<string, string>>();
for (const c of communes) {
  const rows = (
    await db.execute<{ kind: string; name: string }>(sql`select kind, name from units where commune_code = ${c} and is_default`)
  ).rows;
  units.set(c, new Map(rows.map((u) => [u.kind, u.name])));
}
const positionIds = new Map(
  (await db.execute<{ code: string; id: number }>(sql`select code, id from positions where level = 'national'`)).rows.map((p) => [
    p.code,
    p.id,
  ]),
);

interface Gen {
  fullName: string;
  birth: string;
  gender: 'nam' | 'nu';
  cccd: string;
  position: (typeof DEFAULT_POSITIONS)[number];
  eduLevel: EduLevel;
  studyField: StudyField;
  joined: string;
  reorg: boolean;
  phone: string;
}

let cccdSeq = 100_000;
function generate(rng: Rng, n: number): Gen[] {
  return Array.from({ length: n }, () => {
    const person = makePerson(rng, 0.15);
    const birth = randomDate(rng, '1966-01-01', '2000-12-31');
    const position = pick(rng, DEFAULT_POSITIONS);
    const seq = cccdSeq++;
    return {
      fullName: person.fullName,
      birth,
      gender: person.gender,
      cccd: `066${person.gender === 'nam' ? '0' : '1'}${birth.slice(2, 4)}${String(seq).padStart(6, '0')}`,
      position,
      eduLevel: rng() < 0.85 ? 'dai_hoc' : pick(rng, ['trung_cap', 'cao_dang', 'thac_si'] as const),
      studyField:
        position.requiredStudyFields.length && rng() < 0.8
          ? pick(rng, position.requiredStudyFields)
          : pick(rng, ['luat', 'kinh_te', 'hanh_chinh', 'khac'] as const),
      joined: randomDate(rng, `${Math.max(Number(birth.slice(0, 4)) + 22, 1995)}-01-01`, '2025-06-30'),
      reorg: rng() < 0.2,
      phone: `09${String(Math.floor(rng() * 1e8)).padStart(8, '0')}`,
    };
  });
}

const vi = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The file a commune admin would fill from the template: half the dates as Excel date cells, half as text. */
async function toXlsx(people: Gen[], commune: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(['STT', ...COLUMNS.map(headerText)]);
  const unitNames = units.get(commune)!;
  people.forEach((p, i) => {
    const values: Record<string, unknown> = {
      fullName: p.fullName,
      birthDate: i % 2 ? new Date(`${p.birth}T00:00:00Z`) : vi(p.birth),
      gender: p.gender === 'nam' ? 'Nam' : 'Nữ',
      cccd: p.cccd,
      officialType: p.position.officialType === 'can_bo' ? 'Cán bộ' : 'Công chức',
      isLeader: p.position.isLeader ? 'Có' : 'Không',
      leaderTitle: p.position.isLeader ? p.position.name : null,
      bloc: { dang: 'Khối Đảng', hdnd: 'Khối HĐND', ubnd: 'Khối UBND', mttq: 'Khối MTTQ và đoàn thể' }[p.position.bloc],
      unitId: unitNames.get(p.position.unitKind) ?? null,
      positionId: p.position.name,
      eduLevel: EDU_LEVEL_LABELS[p.eduLevel],
      studyField: STUDY_FIELD_LABELS[p.studyField],
      politicalTheory: POLITICAL_THEORY_LABELS.trung_cap,
      stateMgmtLevel: STATE_MGMT_LABELS.chuyen_vien,
      itLevel: 'Ứng dụng CNTT cơ bản',
      foreignLanguage: 'Tiếng Anh B1',
      joinedAt: vi(p.joined),
      affectedByReorg: p.reorg ? 'Có' : 'Không',
      email: null,
      phone: p.phone,
    };
    const row = ws.addRow([i + 1, ...COLUMNS.map((c) => values[c.key] ?? null)]);
    if (i % 2) row.getCell(3).numFmt = 'dd/mm/yyyy';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The same rows with COPY FROM STDIN (officials, first assignment, status): the floor for writing them. */
async function copyLoad(people: Gen[], commune: string): Promise<number> {
  const client = await database.pool.connect();
  const esc = (v: string | number | boolean | null) =>
    v === null ? '\\N' : String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
  const line = (vals: (string | number | boolean | null)[]) => `${vals.map(esc).join('\t')}\n`;
  const unitIds = new Map(
    (
      await client.query<{ kind: string; id: number }>(`select kind, id from units where commune_code = $1 and is_default`, [commune])
    ).rows.map((u) => [u.kind, u.id]),
  );
  const ids = people.map(() => crypto.randomUUID());
  const t0 = performance.now();
  try {
    await client.query('begin');
    const copy = async (statement: string, lines: string[]) => pipeline(Readable.from(lines), client.query(copyFrom(statement)));
    await copy(
      `copy officials (id, province_code, commune_code, unit_id, position_id, full_name, given_name, birth_date, gender, cccd, phone, official_type, is_leader, leader_title, bloc, edu_level, study_field, political_theory, state_mgmt_level, it_level, foreign_language, joined_at, affected_by_reorg, updated_by) from stdin`,
      people.map((p, i) =>
        line([
          ids[i]!,
          '66',
          commune,
          unitIds.get(p.position.unitKind) ?? null,
          positionIds.get(p.position.code)!,
          p.fullName,
          givenNameOf(p.fullName),
          p.birth,
          p.gender,
          p.cccd,
          p.phone,
          p.position.officialType,
          p.position.isLeader,
          p.position.isLeader ? p.position.name : null,
          p.position.bloc,
          p.eduLevel,
          p.studyField,
          'trung_cap',
          'chuyen_vien',
          'Ứng dụng CNTT cơ bản',
          'Tiếng Anh B1',
          p.joined,
          p.reorg,
          'bench',
        ]),
      ),
    );
    await copy(
      `copy official_assignments (official_id, province_code, commune_code, unit_id, position_id, from_date, reason, created_by) from stdin`,
      people.map((p, i) =>
        line([
          ids[i]!,
          '66',
          commune,
          unitIds.get(p.position.unitKind) ?? null,
          positionIds.get(p.position.code)!,
          p.joined,
          'COPY',
          'bench',
        ]),
      ),
    );
    await copy(
      `copy official_status_history (official_id, province_code, status, from_date, reason, changed_by) from stdin`,
      people.map((p, i) => line([ids[i]!, '66', 'dang_cong_tac', p.joined, 'COPY', 'bench'])),
    );
    await client.query('commit');
  } finally {
    client.release();
  }
  return performance.now() - t0;
}

const admin = actorFromUser((await findUserByUsername(db, 'bonoivu'))!);
const rng = makeRng(700);
let next = 0;
const take = () => communes[next++]!;

console.log(`Dữ liệu: ${ROWS.toLocaleString('vi-VN')} dòng mỗi tệp; ${machine()}`);
const serviceMs: number[] = [];
const dryMs: number[] = [];
const reimportMs: number[] = [];
const copyMs: number[] = [];
let fileBytes = 0;
const firstCommune = communes[0]!;
for (let run = 0; run < RUNS; run++) {
  const commune = take();
  const file = await toXlsx(generate(rng, ROWS), commune);
  fileBytes = file.length;
  let t0 = performance.now();
  const dry = await importRoster({ db, clock }, admin, commune, { file, fileName: 'bench.xlsx', dryRun: true }, meta);
  dryMs.push(performance.now() - t0);
  if (!dry.ok) throw new Error(`dry run found problems: ${JSON.stringify(dry.errors.slice(0, 5))}`);
  t0 = performance.now();
  const r = await importRoster({ db, clock }, admin, commune, { file, fileName: 'bench.xlsx', dryRun: false }, meta);
  serviceMs.push(performance.now() - t0);
  if (!r.ok || r.created !== ROWS) throw new Error(`import failed: ${JSON.stringify(r).slice(0, 500)}`);
  t0 = performance.now();
  const again = await importRoster({ db, clock }, admin, commune, { file, fileName: 'bench.xlsx', dryRun: false }, meta);
  reimportMs.push(performance.now() - t0);
  if (again.unchanged !== ROWS) throw new Error('re-import was not idempotent');
  copyMs.push(await copyLoad(generate(rng, ROWS), take()));
  console.log(
    `lần ${run + 1}: dịch vụ ${s(serviceMs[run]!)} (chạy thử ${s(dryMs[run]!)}), nhập lại ${s(reimportMs[run]!)}, COPY ${s(copyMs[run]!)}`,
  );
}

// Once over HTTP, as the browser does it (multipart upload, session cookie, CSRF header).
const server = await startBenchServer(database);
const session = await login(server.base, 'bonoivu');
const httpCommune = take();
const httpFile = await toXlsx(generate(rng, ROWS), httpCommune);
const form = new FormData();
form.append('file', new Blob([new Uint8Array(httpFile)]), 'bench.xlsx');
let t0 = performance.now();
const res = await fetch(`${server.base}/api/officials/import?commune=${httpCommune}`, {
  method: 'POST',
  headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
  body: form,
});
const httpBody = (await res.json()) as { ok: boolean; created: number };
const httpMs = performance.now() - t0;
if (!res.ok || httpBody.created !== ROWS) throw new Error(`HTTP import failed: ${res.status} ${JSON.stringify(httpBody).slice(0, 300)}`);
console.log(`HTTP: ${s(httpMs)}`);
await server.close();

// 500 accounts at once, by the commune's admin (3 runs over different officials).
await db.execute(
  sql`insert into users (username, full_name, role, province_code, commune_code, password_hash) values ('bench.admin', 'Bench', 'commune_admin', '66', ${firstCommune}, 'x')`,
);
const communeAdmin = actorFromUser((await findUserByUsername(db, 'bench.admin'))!);
const officialIds = (
  await db.execute<{ id: string }>(sql`select id from officials where commune_code = ${firstCommune} order by id limit 1500`)
).rows.map((r) => r.id);
const accountsMs: number[] = [];
const batch = Math.min(500, Math.floor(officialIds.length / RUNS)); // smaller in smoke runs (BENCH_IMPORT_ROWS)
for (let run = 0; run < RUNS; run++) {
  t0 = performance.now();
  const out = await createOfficialAccounts({ db, clock }, communeAdmin, officialIds.slice(run * batch, run * batch + batch), meta);
  accountsMs.push(performance.now() - t0);
  if (out.created !== batch) throw new Error(`accounts: ${out.created}`);
}
console.log(`500 tài khoản: ${accountsMs.map(s).join(', ')}`);

const imp = median(serviceMs);
const cp = median(copyMs);
const pass = imp <= TARGET_MS && httpMs <= TARGET_MS;
const summary = {
  rows: ROWS,
  fileMB: +(fileBytes / 1024 / 1024).toFixed(2),
  importMedianMs: Math.round(imp),
  dryRunMedianMs: Math.round(median(dryMs)),
  reimportMedianMs: Math.round(median(reimportMs)),
  httpMs: Math.round(httpMs),
  copyMedianMs: Math.round(cp),
  ratio: +(imp / cp).toFixed(1),
  accounts500MedianMs: Math.round(median(accountsMs)),
  pass,
};
console.log(summary);
writeSection(
  'roster-import',
  `## Roster import from Excel and bulk accounts (SPEC §3)

- Date: ${today()} · machine: ${machine()}
- Data: a generated ${ROWS.toLocaleString('en')}-row .xlsx (${summary.fileMB} MB; names from seed/names.ts, half the dates as Excel date cells, half as dd/mm/yyyy text, units and positions by name), imported into an empty commune; median of ${RUNS} runs; fresh embedded PostgreSQL with demo data
- Command: \`npm run bench:import\`
- Target: validate + commit ≤ 10 s · **${s(imp)} through the service, ${s(httpMs)} over HTTP — ${pass ? 'PASS' : 'FAIL'}**

| step | median |
|---|---|
| import (read .xlsx, validate, match, commit in one transaction) | ${s(imp)} |
| dry run (read, validate, match; no writes) | ${s(median(dryMs))} |
| re-import of the same file (${ROWS.toLocaleString('en')} unchanged) | ${s(median(reimportMs))} |
| over HTTP once (multipart upload, same work) | ${s(httpMs)} |
| raw \`COPY FROM STDIN\` of the same rows (officials, assignments, status; no parsing, no checks, no audit) | ${s(cp)} |
| **ratio import / COPY** | **${summary.ratio}×** |
| 500 official accounts (usernames, one-time passwords, .xlsx) | ${s(median(accountsMs))} |`,
);
await database.close();
fs.rmSync(dataDir, { recursive: true, force: true });
if (!pass && process.env.BENCH_SMOKE !== '1') process.exitCode = 1;
