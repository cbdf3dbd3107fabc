/**
 * Library search at national scale (issue 8): 50,000 generated materials (titles, headings and
 * ~140-word bodies of topic phrases and filler syllables, national and per-province scope, all statuses),
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
try {
  const clock = createClock(undefined, 'development');
  await seedReferenceData(db);
  await seedDemoData(db);
  await seedDemoLibrary({ db, clock, config });

  /** Two-syllable topic phrases (what people search for) and filler syllables (the rest of a text). */
  const PHRASES = (
    'hòa giải,tranh chấp,đất đai,thủ tục,hành chính,một cửa,tiếp dân,khiếu nại,tố cáo,ngân sách,đấu thầu,đầu tư,' +
    'quy hoạch,xây dựng,trật tự,đô thị,an sinh,xã hội,bảo trợ,người cao tuổi,hộ nghèo,chuyển đổi,dữ liệu,dân cư,' +
    'chữ ký số,hồ sơ,điện tử,văn hóa,công sở,đạo đức,công vụ,dân vận,mặt trận,phụ nữ,thanh niên,nông thôn,cà phê,' +
    'hồ tiêu,chăn nuôi,thủy lợi,thiên tai,lũ quét,sạt lở,biên giới,hải đảo,quốc phòng,an ninh,dân quân,hộ tịch,' +
    'khai sinh,kết hôn,chứng thực,môi trường,rác thải,nước sạch,giáo dục,mầm non,y tế,tiêm chủng,du lịch,cộng đồng,' +
    'kinh tế số,thương mại,hợp tác xã,tín dụng,chính sách,địa chính,tư pháp,văn phòng,thống kê,kế toán,lao động,' +
    'việc làm,bảo hiểm,dân tộc,tôn giáo,thanh tra,kiểm tra,giám sát,phòng cháy'
  ).split(',');
  const ONSETS = 'b c ch d đ g gi h k kh l m n ng nh p ph qu r s t th tr v x'.split(' ');
  const RHYMES =
    'a ai am an ang anh ao ay e em en eo ê ên i ia im in inh iu o oa oi om on ong ô ôi ông ơ ơi ơn u ui um un ung uy ư ưa ưng'.split(' ');
  const TYPES = ['document', 'video', 'slides', 'case', 'handbook', 'quiz'];
  const FIELDS = [
    'dat_dai',
    'thu_tuc_hanh_chinh',
    'tai_chinh_ngan_sach',
    'chuyen_doi_so',
    'dan_van',
    'an_sinh_xa_hoi',
    'ung_pho_thien_tai',
  ];

  const have = Number(
    (await db.execute<{ n: number }>(sql`select count(*)::int as n from library_materials where owner_name = 'bench'`)).rows[0]!.n,
  );
  let genSeconds = 0;
  if (have < TARGET) {
    const t0 = performance.now();
    const provinces = (await db.execute<{ code: string }>(sql`select code from provinces order by code`)).rows.map((r) => r.code);
    const phrases = JSON.stringify(PHRASES);
    const onsets = JSON.stringify(ONSETS);
    const rhymes = JSON.stringify(RHYMES);
    for (let start = have; start < TARGET; start += 5000) {
      const n = Math.min(5000, TARGET - start);
      await db.execute(sql`
      with v as (select array(select jsonb_array_elements_text(${phrases}::jsonb)) as w,
                        array(select jsonb_array_elements_text(${onsets}::jsonb)) as o,
                        array(select jsonb_array_elements_text(${rhymes}::jsonb)) as r),
      p as (select array(select jsonb_array_elements_text(${JSON.stringify(provinces)}::jsonb)) as c),
      gen as (
        select g, v, p,
          array_to_string(array(select v.w[1 + floor(random() * array_length(v.w, 1))::int] from generate_series(1, 3) where g > 0), ' ') as topic_title,
          array_to_string(array(select v.w[1 + floor(random() * array_length(v.w, 1))::int] from generate_series(1, 8) where g > 0), ' ') as topic_body,
          array_to_string(array(select v.o[1 + floor(random() * array_length(v.o, 1))::int] || v.r[1 + floor(random() * array_length(v.r, 1))::int] from generate_series(1, 130) where g > 0), ' ') as filler
        from generate_series(${start + 1}::int, ${start + n}::int) g, v, p)
      insert into library_materials (type, title, summary, headings, body_text, fields, scope_province_code, status, owner_name, published_at)
      select (${sql.raw(`array['${TYPES.join("','")}']`)})[1 + (g % 6)],
             initcap(topic_title) || ' ' || g,
             topic_title || ' ' || left(filler, 120),
             'Điều 1. ' || split_part(topic_body, ' ', 1) || ' · Điều 2. ' || split_part(topic_body, ' ', 3),
             left(filler, 400) || ' ' || topic_body || ' ' || substr(filler, 401),
             (${sql.raw(`array['${FIELDS.join("','")}']`)})[1 + (g % 7):1 + (g % 7)],
             case when g % 3 = 0 then (p).c[1 + (g % array_length((p).c, 1))] else null end,
             case when g % 10 = 0 then 'draft' else 'published' end,
             'bench', now()
      from gen`);
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
  const hits: number[] = [];
  const run = async (q: string) => {
    const t = performance.now();
    const r = await search({ db, clock, config }, actor, { q, page: 1, pageSize: 20 });
    const dt = performance.now() - t;
    hits.push(r.total);
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
    `- Data: ${total.toLocaleString('vi-VN')} materials (generated${genSeconds ? ` in ${genSeconds.toFixed(0)} s` : ', reused'}; ⅓ scoped to one province, 10 % drafts); each has a title of 3 topic phrases, 8 topic phrases in ~140 words of body text (80 two-syllable topic phrases, the rest filler syllables), full text + trigram over f_unaccent(lower(…)).`,
    `- Queries: ${QUERIES.length} typical queries with and without diacritics, ${samples.length} timed calls of the search service as a learner of Đắk Lắk (first page of 20, ranked, with snippets); matches per query: median ${[...hits].sort((a, b) => a - b)[Math.floor(hits.length / 2)]!.toLocaleString('vi-VN')}, max ${Math.max(...hits).toLocaleString('vi-VN')}.`,
    '',
    '| p50 | p95 | max | target | result |',
    '|---|---|---|---|---|',
    `| ${ms(s.median)} | ${ms(s.p95)} | ${ms(s.max)} | p95 ≤ 150 ms | ${pass ? 'đạt' : '**không đạt**'} |`,
  ].join('\n');
  console.log(md);
  writeSection('library-search', md);
  if (!pass) process.exitCode = 1;
} finally {
  await database.close();
}
