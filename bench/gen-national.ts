/**
 * National-scale dataset generator (issue 7), through the product's own schema:
 *   npm run gen:national -- --scale 1.0 --seed 42
 * `--scale` is the share of the 3,321 communes that get a full roster (1.0 ≈ 200,000 officials;
 * 0.01 ≈ 34 communes, spread over every province). Deterministic for a given seed.
 * Target database: DATABASE_URL, or an embedded PostgreSQL under DATA_DIR (default ./data-bench).
 * Officials carry province_code so a distributed engine stays possible. Later stages (classes,
 * enrolments, evaluations) are added here as their modules land.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../apps/server/src/config.ts';
import { openDatabase, type OpenDatabase } from '../apps/server/src/db/open.ts';
import { seedReferenceData } from '../apps/server/src/seed/reference.ts';
import { makeRng } from '../apps/server/src/seed/names.ts';
import { generateRoster, insertRoster, type RosterOfficial } from '../apps/server/src/seed/roster.ts';
import { ROOT, machine, today as runDate, writeSection } from './lib.ts';
import { generateTrainingStages, type StageCounts } from './gen/stages.ts';

export interface GenOptions {
  scale: number;
  seed: number;
  /** the dataset covers 2026-01-01..today (classes up to four months ahead are planned/open) */
  today?: string;
  /** officials only (the old behaviour) */
  officialsOnly?: boolean;
}

export const DEFAULT_TODAY = '2026-11-23';

export interface GenResult extends Partial<StageCounts> {
  communes: number;
  officials: number;
  seconds: number;
  officialsSeconds: number;
  today: string;
}

/** Communes chosen for a scale: every k-th commune of each province, so all provinces are represented. */
export function chooseCommunes<T extends { code: string; province_code: string }>(all: T[], scale: number): T[] {
  if (scale >= 1) return all;
  const byProvince = new Map<string, T[]>();
  for (const c of all) byProvince.set(c.province_code, [...(byProvince.get(c.province_code) ?? []), c]);
  const out: T[] = [];
  for (const list of byProvince.values()) {
    const n = Math.max(1, Math.round(list.length * scale));
    const step = list.length / n;
    for (let i = 0; i < n; i++) out.push(list[Math.floor(i * step)]!);
  }
  return out;
}

export async function generateNational(
  database: OpenDatabase,
  opts: GenOptions,
  log: (m: string) => void = console.log,
): Promise<GenResult> {
  const t0 = performance.now();
  const db = database.db;
  await seedReferenceData(db);
  log('Xóa dữ liệu sinh trước đó…');
  await db.execute(
    sql`truncate training_needs, official_flags, official_status_history, official_assignments, official_sensitive, officials cascade`,
  );
  await db.execute(sql`update users set official_id = null where official_id is not null`);
  const communes = (
    await db.execute<{ code: string; name: string; province_code: string; type: string; region_type: string }>(
      sql`select code, name, province_code, type, region_type from communes order by province_code, code`,
    )
  ).rows;
  const chosen = chooseCommunes(communes, opts.scale);
  const units = (
    await db.execute<{ id: number; commune_code: string; kind: string }>(sql`select id, commune_code, kind from units where is_default`)
  ).rows;
  const unitsByCommune = new Map<string, Map<string, number>>();
  for (const u of units) {
    if (!unitsByCommune.has(u.commune_code)) unitsByCommune.set(u.commune_code, new Map());
    unitsByCommune.get(u.commune_code)!.set(u.kind, u.id);
  }
  const positions = (await db.execute<{ id: number; code: string }>(sql`select id, code from positions where level = 'national'`)).rows;
  const positionIds = new Map(positions.map((p) => [p.code, p.id]));
  const rng = makeRng(opts.seed);
  let seq = 1;
  let batch: RosterOfficial[] = [];
  let total = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    await db.transaction((tx) => insertRoster(tx, rows));
  };
  for (const c of chosen) {
    const highland = c.region_type === 'mien_nui_dtts' ? 0.4 : ['62', '64', '66', '68'].includes(c.province_code) ? 0.12 : 0;
    const size = 40 + Math.floor(rng() * 41); // 40–80, mean ≈ 60
    batch.push(
      ...generateRoster(rng, {
        provinceCode: c.province_code,
        communeCode: c.code,
        size,
        unitIds: unitsByCommune.get(c.code) ?? new Map(),
        positionIds,
        belowShare: 0.15,
        reorgShare: 0.2,
        highlandShare: highland,
        cccdSeq: () => seq++,
      }),
    );
    total += size;
    if (batch.length >= 10_000) {
      await flush();
      log(`  ${total.toLocaleString('vi-VN')} cán bộ…`);
    }
  }
  await flush();
  await database.pool.query('vacuum analyze officials, official_assignments, official_flags');
  const officialsSeconds = (performance.now() - t0) / 1000;
  const today = opts.today ?? DEFAULT_TODAY;
  if (opts.officialsOnly) return { communes: chosen.length, officials: total, seconds: officialsSeconds, officialsSeconds, today };
  log(`Sinh lớp, lượt cử đi học, báo cáo, đánh giá đến ngày ${today}…`);
  const counts = await generateTrainingStages(database.pool, { seed: opts.seed, today, communes: chosen }, log);
  return { communes: chosen.length, officials: total, seconds: (performance.now() - t0) / 1000, officialsSeconds, today, ...counts };
}

const loadAtStart = os.loadavg()[0]!;

function recordSection(r: GenResult, scale: number, seed: number): void {
  const cpu = process.cpuUsage();
  const n = (x: number | undefined) => (x ?? 0).toLocaleString('en');
  const pass = r.seconds <= 300;
  writeSection(
    'generator',
    `## National dataset generator (issue 7)

- Date: ${runDate()} · machine: ${machine()}
- Command: \`npm run gen:national -- --scale ${scale} --seed ${seed} --today ${r.today} --record\` (embedded PostgreSQL in \`DATA_DIR\`, default ./data-bench)
- Machine load: 1-min load average ${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0]!.toFixed(1)} at the end (other work on the same cores slows this down); this Node process used ${(cpu.user / 1e6).toFixed(0)} s user + ${(cpu.system / 1e6).toFixed(0)} s system CPU
- Target: full scale generated and loaded ≤ 5 min · **${r.seconds.toFixed(0)} s (${(r.seconds / 300).toFixed(2)} of the limit) — ${pass ? 'PASS' : 'FAIL'}** (officials stage ${(r.officialsSeconds ?? 0).toFixed(0)} s, training stages ${(r.seconds - (r.officialsSeconds ?? 0)).toFixed(0)} s)

| rows | count |
|---|---|
| communes with a roster | ${n(r.communes)} |
| officials (with assignment, status, flag history) | ${n(r.officials)} |
| classes | ${n(r.classes)} |
| class sessions | ${n(r.sessions)} |
| enrolments (nominations with results) | ${n(r.enrolments)} |
| attendance rows (every 25th class) | ${n(r.attendance)} |
| self-reports | ${n(r.selfReports)} |
| post-training evaluations | ${r.evaluations ? n(r.evaluations) : '— (table not in the schema yet)'} |
| annual ratings | ${r.ratings ? n(r.ratings) : '— (table not in the schema yet)'} |
| below-standard flags closed by a CMCN completion | ${n(r.flagsCleared)} |`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '1' },
      seed: { type: 'string', default: '42' },
      today: { type: 'string', default: DEFAULT_TODAY },
      'officials-only': { type: 'boolean', default: false },
      record: { type: 'boolean', default: false },
    },
  });
  const scale = Number(values.scale);
  if (!(scale >= 0.01 && scale <= 1)) throw new Error('--scale phải trong khoảng 0.01–1');
  if (!/^20(2[6-9]|3[01])-\d{2}-\d{2}$/.test(values.today)) throw new Error('--today phải có dạng YYYY-MM-DD trong 2026–2031');
  process.env.DATA_DIR ??= path.join(ROOT, 'data-bench');
  const database = await openDatabase(loadConfig(), console.log);
  try {
    const r = await generateNational(database, {
      scale,
      seed: Number(values.seed),
      today: values.today,
      officialsOnly: values['officials-only'],
    });
    fs.writeFileSync(path.join(process.env.DATA_DIR, 'gen-meta.json'), JSON.stringify({ scale, seed: Number(values.seed), ...r }, null, 2));
    console.log(`Đã sinh ${r.officials.toLocaleString('vi-VN')} cán bộ ở ${r.communes} xã trong ${r.seconds.toFixed(1)} s`);
    console.log(JSON.stringify(r));
    if (values.record) recordSection(r, scale, Number(values.seed));
  } finally {
    await database.close();
  }
}
