/**
 * The assistant's evaluation (issue 8): the questions in apps/server/src/modules/assistant/eval-set.json
 * against the demo library, as a learner of Đắk Lắk. Reports top-1 / top-3 accuracy on answerable
 * questions (the expected document and section among the first 1 / 3 ranked passages), how often the
 * assistant answered them, and the no-answer precision/recall at the calibrated threshold.
 *   npm run bench:assistant
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Actor } from '../apps/server/src/authz/policy.ts';
import { createClock } from '../apps/server/src/clock.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import { openDatabase } from '../apps/server/src/db/open.ts';
import { ANSWER_THRESHOLD } from '../apps/server/src/modules/assistant/assistant.rules.ts';
import { rankPassages } from '../apps/server/src/modules/assistant/assistant.service.ts';
import { seedDemoLibrary } from '../apps/server/src/modules/library/demo.ts';
import { seedDemoData } from '../apps/server/src/seed/demo.ts';
import { seedReferenceData } from '../apps/server/src/seed/reference.ts';
import { ROOT, machine, today, writeSection } from './lib.ts';

interface Item {
  q: string;
  title: string | null;
  section: string | null;
}
const set = JSON.parse(fs.readFileSync(path.join(ROOT, 'apps/server/src/modules/assistant/eval-set.json'), 'utf8')) as { items: Item[] };

process.env.DATA_DIR ??= path.join(os.tmpdir(), 'boiduong-bench-library');
const config = loadConfig();
const database = await openDatabase(config, () => {});
const db = database.db;
try {
  await seedReferenceData(db);
  await seedDemoData(db);
  await seedDemoLibrary({ db, clock: createClock(undefined, 'development'), config });
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

  const threshold = Number(process.env.THRESHOLD ?? ANSWER_THRESHOLD);
  let answerable = 0;
  let top1 = 0;
  let top3 = 0;
  let answered = 0;
  let unanswerable = 0;
  let saidNo = 0;
  let saidNoCorrectly = 0;
  const misses: string[] = [];
  const bestScores: { q: string; best: number; expected: boolean }[] = [];
  for (const item of set.items) {
    const ranked = await rankPassages(db, actor, item.q);
    const best = ranked[0]?.score ?? 0;
    const noAnswer = best < threshold;
    bestScores.push({ q: item.q, best, expected: item.title !== null });
    if (noAnswer) saidNo++;
    if (item.title === null) {
      unanswerable++;
      if (noAnswer) saidNoCorrectly++;
      else misses.push(`trả lời nhầm: “${item.q}” → ${ranked[0]!.title}, ${ranked[0]!.section} (${best.toFixed(2)})`);
      continue;
    }
    answerable++;
    const hit = (p: { title: string; section: string }) => p.title === item.title && p.section === item.section;
    const i = ranked.findIndex(hit);
    if (i === 0) top1++;
    if (i >= 0 && i < 3) top3++;
    if (!noAnswer) answered++;
    if (i !== 0) misses.push(`“${item.q}” → hạng ${i < 0 ? '—' : i + 1}; đứng đầu: ${ranked[0]?.section ?? '—'} (${best.toFixed(2)})`);
  }
  const pct = (a: number, b: number) => (b === 0 ? '—' : `${((a / b) * 100).toFixed(1).replace('.', ',')} %`);
  const lines = [
    `## Trợ lý ảo: bộ câu hỏi đánh giá (${today()})`,
    '',
    `Lệnh: \`npm run bench:assistant\` · bộ câu hỏi \`apps/server/src/modules/assistant/eval-set.json\` (${set.items.length} câu: ${answerable} có câu trả lời trong thư viện mẫu, ${unanswerable} không có) · ngưỡng ${threshold} · ${machine()}`,
    '',
    '| Chỉ số | Kết quả |',
    '|---|---|',
    `| Top-1 (đoạn đúng đứng đầu) | ${top1}/${answerable} = ${pct(top1, answerable)} |`,
    `| Top-3 (đoạn đúng trong 3 đoạn đầu) | ${top3}/${answerable} = ${pct(top3, answerable)} |`,
    `| Câu có đáp án được trả lời (không bị báo "chưa có") | ${answered}/${answerable} = ${pct(answered, answerable)} |`,
    `| Độ chính xác của "chưa có văn bản" (precision) | ${saidNoCorrectly}/${saidNo} = ${pct(saidNoCorrectly, saidNo)} |`,
    `| Câu không có đáp án được từ chối đúng (recall) | ${saidNoCorrectly}/${unanswerable} = ${pct(saidNoCorrectly, unanswerable)} |`,
    '',
    misses.length ? `Câu chưa đúng:\n\n${misses.map((m) => `- ${m}`).join('\n')}` : 'Mọi câu đều đúng.',
  ];
  const md = lines.join('\n');
  console.log(md);
  if (process.env.SHOW_SCORES)
    for (const s of bestScores.sort((a, b) => a.best - b.best)) console.log(s.best.toFixed(3), s.expected ? 'CÓ ' : 'KHÔNG', s.q);
  writeSection('assistant', md);
} finally {
  await database.close();
}
