/**
 * Library search at national scale (issue 8): 50,000 generated materials (titles, headings and
 * ~150-word bodies from a Vietnamese vocabulary, national and per-province scope, all statuses),
 * then the public search (the service behind GET /api/library/search) for a learner of Đắk Lắk with
 * typical queries typed with and without diacritics. Target: p95 ≤ 150 ms.
 *   npm run bench:library
 */
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Actor } from '../apps/server/src/authz/policy.ts';
import { createClock } from '../apps/server/src/clock.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import { openDatabase } from '../apps/server/src/db/open.ts';
import { seedDemoLibrary } from '../apps/server/src/modules/library/demo.ts';
import { search } from '../apps/server/src/modules/library/library.service.ts';
import { seedDemoData } from '../apps/server/src/seed/demo.ts';
import { seedReferenceData } from '../apps/server/src/seed/reference.ts';
import { machine, ms, stats, today, writeSection } from './lib.ts';

const TARGET = 50_000;
process.env.DATA_DIR ??= path.join(os.tmpdir(), 'boiduong-bench-library');
const config = loadConfig();
const database = await openDatabase(config, () => {});
const db = database.db;
const clock = createClock(undefined, 'development');
await seedReferenceData(db);
await seedDemoData(db);
await seedDemoLibrary({ db, clock, config });

const VOCAB = (
  'hòa giải tranh chấp đất đai thủ tục hành chính một cửa tiếp công dân khiếu nại tố cáo ngân sách xã đấu thầu ' +
  'đầu tư công quy hoạch xây dựng trật tự đô thị an sinh xã hội bảo trợ người cao tuổi hộ nghèo chuyển đổi số ' +
  'dữ liệu dân cư chữ ký số hồ sơ điện tử văn hóa công sở đạo đức công vụ dân vận mặt trận phụ nữ thanh niên ' +
  'nông thôn mới cà phê hồ tiêu chăn nuôi thủy lợi phòng chống thiên tai lũ quét sạt lở biên giới hải đảo ' +
  'quốc phòng an ninh dân quân tự vệ hộ tịch khai sinh kết hôn chứng thực bản sao môi trường rác thải nước sạch ' +
  'giáo dục mầm non y tế tiêm chủng du lịch cộng đồng kinh tế số thương mại điện tử hợp tác xã tín dụng chính sách'
).split(' ');
const TYPES = ['document', 'video', 'slides', 'case', 'handbook', 'quiz'];
const FIELDS = ['dat_dai', 'thu_tuc_hanh_chinh', 'tai_chinh_ngan_sach', 'chuyen_doi_so', 'dan_van', 'an_sinh_xa_hoi', 'ung_pho_thien_tai'];

const have = Number(
  (await db.execute<{ n: number }>(sql`select count(*)::int as n from library_materials where owner_name = 'bench'`)).rows[0]!.n,
);
let genSeconds = 0;
if (have < TARGET) {
  const t0 = performance.now();
  const provinces = (await db.execute<{ code: string }>(sql`select code from provinces order by code`)).rows.map((r) => r.code);
  const vocab = JSON.stringify(VOCAB);
  for (let start = have; start < TARGET; start += 5000) {
    const n = Math.min(5000, TARGET - start);
    await db.execute(sql`
      with v as (select array(select jsonb_array_elements_text(${vocab}::jsonb)) as w),
      p as (select array(select jsonb_array_elements_text(${JSON.stringify(provinces)}::jsonb)) as c)
      insert into library_materials (type, title, summary, headings, body_text, fields, scope_province_code, status, owner_name, published_at)
      select (${sql.raw(`array['${TYPES.join("','")}']`)})[1 + (g % 6)],
             initcap(array_to_string(array(select v.w[1 + floor(random() * array_length(v.w, 1))::int] from generate_series(1, 6 + (g % 5)) where g > 0), ' ')),
             array_to_string(array(select v.w[1 + floor(random() * array_length(v.w, 1))::int] from generate_series(1, 20) where g > 0), ' '),
             array_to_string(array(select 'Điều ' || k || '. ' || v.w[1 + floor(random() * array_length(v.w, 1))::int] || ' ' || v.w[1 + floor(random() * array_length(v.w, 1))::int] from generate_series(1, 5) k where g > 0), ' · '),
             array_to_string(array(select v.w[1 + floor(random() * array_length(v.w, 1))::int] from generate_series(1, 150) where g > 0), ' '),
             ${sql.raw(`array['${FIELDS.join("','")}']`)}[1 + (g % 7):1 + (g % 7)],
             case when g % 3 = 0 then p.c[1 + (g % array_length(p.c, 1))] else null end,
             case when g % 10 = 0 then 'draft' else 'published' end,
             'bench', now()
      from generate_series(${start + 1}::int, ${start + n}::int) g, v, p`);
  }
  await db.execute(sql`analyze library_materials`);
  genSeconds = (performance.now() - t0) / 1000;
}
const total = Number((await db.execute<{ n: number }>(sql`select count(*)::int as n from library_materials`)).rows[0]!.n);

const u = (
  await db.execute<{ id: string; official_id: string | null }>(sql`select id, official_id from users where username = 'hocvien.24133.1'`)
).rows[0]!;
const actor: Actor = {
  id: u.id,
  username: 'hocvien.24133.1',
  fullName: 'Học viên',
  role: 'official',
  provinceCode: '66',
  communeCode: '24133',
  unitId: null,
  trainingOrgId: null,
  officialId: u.official_id,
};
const QUERIES = [
  'tranh chap dat dai',
  'hòa giải tranh chấp',
  'thu tuc hanh chinh mot cua',
  'chuyển đổi số',
  'chu ky so ho so dien tu',
  'phòng chống thiên tai lũ quét',
  'ca phe ho tieu',
  'dau thau dau tu cong',
  'tiep cong dan khieu nai',
  'an sinh xã hội hộ nghèo',
  'dan van',
  'ngân sách',
  'hoa giai',
  'quoc phong an ninh bien gioi',
  'du lich cong dong',
];
const run = async (q: string) => {
  const t = performance.now();
  const r = await search({ db, clock, config }, actor, { q, page: 1, pageSize: 20 });
  const dt = performance.now() - t;
  if (r.items.length === 0) throw new Error(`không có kết quả cho “${q}”`);
  return dt;
};
for (const q of QUERIES) await run(q); // warm-up
const samples: number[] = [];
for (let round = 0; round < 8; round++) for (const q of QUERIES) samples.push(await run(q));
const s = stats(samples);
const pass = s.p95 <= 150;
const md = [
  `## Library search at 50,000 materials (issue 8) — ${today()}`,
  '',
  `- Command: \`npm run bench:library\` · machine: ${machine()}`,
  `- Data: ${total.toLocaleString('vi-VN')} materials (generated${genSeconds ? ` in ${genSeconds.toFixed(0)} s` : ', reused'}; ⅓ scoped to one province, 10 % drafts), ~150-word bodies, full text + trigram over f_unaccent(lower(…)).`,
  `- Queries: ${QUERIES.length} typical queries with and without diacritics, ${samples.length} timed calls of the search service as a learner of Đắk Lắk (first page of 20, ranked, with snippets).`,
  '',
  '| p50 | p95 | max | target | result |',
  '|---|---|---|---|---|',
  `| ${ms(s.median)} | ${ms(s.p95)} | ${ms(s.max)} | p95 ≤ 150 ms | ${pass ? 'đạt' : '**không đạt**'} |`,
].join('\n');
console.log(md);
writeSection('library-search', md);
await database.close();
if (!pass) process.exitCode = 1;
