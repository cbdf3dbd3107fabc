/** The only code that queries the library tables (SPEC §11). */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { libraryMaterials, libraryPassages, libraryVersions, type LibraryQuizQuestion } from '../../db/schema/index.ts';
import type { Passage } from './library.rules.ts';

export type MaterialRow = typeof libraryMaterials.$inferSelect;
export type MaterialInsert = typeof libraryMaterials.$inferInsert;

/** Which rows a user sees (decided in policy.ts, translated to SQL here). */
export interface LibraryVisibility {
  /** Published: all provinces, or national + this province (null = national only). */
  publishedAll: boolean;
  publishedProvince: string | null;
  /** Drafts and approved-not-published: all, national ones, one province's, or none. */
  drafts: { kind: 'all' } | { kind: 'national' } | { kind: 'province'; provinceCode: string } | { kind: 'none' };
}

/** A text[] parameter (drizzle would expand a JS array into a row). */
export const textArray = (a: string[]): SQL => sql`array(select jsonb_array_elements_text(${JSON.stringify(a)}::jsonb))`;

export function visibilitySql(v: LibraryVisibility, publishedOnly: boolean): SQL {
  const pub = v.publishedAll
    ? sql`m.status = 'published'`
    : sql`m.status = 'published' and (m.scope_province_code is null or m.scope_province_code = ${v.publishedProvince})`;
  if (publishedOnly || v.drafts.kind === 'none') return sql`(${pub})`;
  const d = v.drafts;
  const drafts =
    d.kind === 'all'
      ? sql`true`
      : d.kind === 'national'
        ? sql`m.scope_province_code is null`
        : sql`m.scope_province_code = ${d.provinceCode}`;
  return sql`((${pub}) or (m.status <> 'published' and ${drafts}))`;
}

export interface ListFilter {
  q?: string | undefined;
  type?: string | undefined;
  field?: string | undefined;
  regionType?: string | undefined;
  programmeType?: string | undefined;
  position?: string | undefined;
  status?: string | undefined;
}

function filterSql(f: ListFilter): SQL[] {
  const c: SQL[] = [];
  if (f.type) c.push(sql`m.type = ${f.type}`);
  if (f.field) c.push(sql`${f.field} = any(m.fields)`);
  if (f.regionType) c.push(sql`(${f.regionType} = any(m.region_types) or cardinality(m.region_types) = 0)`);
  if (f.programmeType) c.push(sql`${f.programmeType} = any(m.programme_types)`);
  if (f.position) c.push(sql`(${f.position} = any(m.positions) or cardinality(m.positions) = 0)`);
  if (f.status) c.push(sql`m.status = ${f.status}`);
  return c;
}

export type SearchHit = {
  id: string;
  title: string;
  type: string;
  summary: string;
  status: string;
  scope_province_code: string | null;
  fields: string[];
  version: number;
  owner_name: string;
  updated_at: Date;
  has_file: boolean;
  body: string;
  total: number;
};

/**
 * Ranked search: full text over title (A) > headings and summary (B) > body (C), plus trigram
 * similarity of the title in the rank; all over f_unaccent(lower(…)). The 'fuzzy' mode (title
 * trigrams only) is the fallback for misspellings and partial words when full text finds nothing.
 * The query arrives already NFC-normalised. Without a query: newest first.
 */
export async function searchMaterials(
  db: DbOrTx,
  v: LibraryVisibility,
  publishedOnly: boolean,
  f: ListFilter,
  page: number,
  pageSize: number,
  /** 'words': full text (the normal case); 'fuzzy': title trigram similarity, for misspellings when words find nothing. */
  mode: 'words' | 'fuzzy' = 'words',
): Promise<SearchHit[]> {
  const conds = [visibilitySql(v, publishedOnly), ...filterSql(f)];
  const q = f.q?.trim();
  if (q) {
    const match = mode === 'words' ? sql`m.search @@ q.tsq` : sql`f_unaccent(lower(m.title)) % q.raw`;
    const res = await db.execute<SearchHit>(sql`
      with q as (
        select websearch_to_tsquery('simple', f_unaccent(lower(${q}))) as tsq,
               f_unaccent(lower(${q})) as raw
      ), hits as (
        select m.id, ts_rank(m.search_head, q.tsq) * 4 + similarity(f_unaccent(lower(m.title)), q.raw) as rank
        from library_materials m, q
        where ${sql.join(conds, sql` and `)}
          and ${match}
      )
      select m.id, m.title, m.type, m.summary, m.status, m.scope_province_code, m.fields, m.version, m.owner_name,
             m.updated_at, m.file_key is not null as has_file,
             left(m.summary || E'\n' || m.body_text, 20000) as body,
             (select count(*)::int from hits) as total
      from (select * from hits order by rank desc, id limit ${pageSize} offset ${(page - 1) * pageSize}) h
      join library_materials m on m.id = h.id
      order by h.rank desc, m.id`);
    return res.rows;
  }
  const res = await db.execute<SearchHit>(sql`
    select m.id, m.title, m.type, m.summary, m.status, m.scope_province_code, m.fields, m.version, m.owner_name,
           m.updated_at, m.file_key is not null as has_file, left(m.summary, 2000) as body,
           count(*) over ()::int as total
    from library_materials m
    where ${sql.join(conds, sql` and `)}
    order by m.updated_at desc, m.id
    limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return res.rows;
}

export async function findMaterial(db: DbOrTx, id: string, forUpdate = false): Promise<MaterialRow | null> {
  const q = db
    .select()
    .from(libraryMaterials)
    .where(sql`${libraryMaterials.id} = ${id}`);
  const res = forUpdate ? await q.for('update') : await q;
  return res[0] ?? null;
}

export async function findMaterialPlain(db: DbOrTx, id: string): Promise<MaterialRow | null> {
  const res = await db
    .select()
    .from(libraryMaterials)
    .where(sql`${libraryMaterials.id} = ${id}`);
  return res[0] ?? null;
}

export async function insertMaterial(db: DbOrTx, row: MaterialInsert): Promise<MaterialRow> {
  const [r] = await db.insert(libraryMaterials).values(row).returning();
  return r!;
}

export async function updateMaterial(db: DbOrTx, id: string, patch: Partial<MaterialInsert>): Promise<MaterialRow> {
  const [r] = await db
    .update(libraryMaterials)
    .set(patch)
    .where(sql`${libraryMaterials.id} = ${id}`)
    .returning();
  return r!;
}

export async function insertVersion(
  db: DbOrTx,
  v: { materialId: string; version: number; action: string; note: string | null; byName: string; at: Date; snapshot: unknown },
): Promise<void> {
  await db.insert(libraryVersions).values(v);
}

export async function listVersions(db: DbOrTx, materialId: string) {
  return db
    .select({
      version: libraryVersions.version,
      action: libraryVersions.action,
      note: libraryVersions.note,
      byName: libraryVersions.byName,
      at: libraryVersions.at,
    })
    .from(libraryVersions)
    .where(sql`${libraryVersions.materialId} = ${materialId}`)
    .orderBy(sql`${libraryVersions.id} desc`);
}

export async function replacePassages(db: DbOrTx, materialId: string, passages: Passage[]): Promise<void> {
  await db.delete(libraryPassages).where(sql`${libraryPassages.materialId} = ${materialId}`);
  for (let i = 0; i < passages.length; i += 500) {
    const chunk = passages.slice(i, i + 500);
    await db.insert(libraryPassages).values(chunk.map((p) => ({ materialId, ord: p.ord, section: p.section, text: p.text })));
  }
}

export async function listPassages(db: DbOrTx, materialId: string): Promise<{ section: string; text: string }[]> {
  return db
    .select({ section: libraryPassages.section, text: libraryPassages.text })
    .from(libraryPassages)
    .where(sql`${libraryPassages.materialId} = ${materialId}`)
    .orderBy(libraryPassages.ord);
}

export type ProgressRow = {
  status: 'opened' | 'in_progress' | 'completed';
  progress_percent: number;
  position_seconds: string;
  quiz_best_score: number | null;
  quiz_attempts: number;
  last_opened_at: Date;
};

export async function findProgress(db: DbOrTx, userId: string, materialId: string): Promise<ProgressRow | null> {
  const res = await db.execute<ProgressRow>(sql`
    select status, progress_percent, position_seconds, quiz_best_score, quiz_attempts, last_opened_at
    from library_progress where user_id = ${userId} and material_id = ${materialId}`);
  return res.rows[0] ?? null;
}

export async function upsertProgress(
  db: DbOrTx,
  p: {
    userId: string;
    materialId: string;
    officialId: string | null;
    status: string;
    progressPercent: number;
    positionSeconds: number;
    quizBestScore: number | null;
    quizAttempts: number;
    at: Date;
    completed: boolean;
  },
): Promise<void> {
  await db.execute(sql`
    insert into library_progress (user_id, material_id, official_id, status, progress_percent, position_seconds,
      quiz_best_score, quiz_attempts, first_opened_at, last_opened_at, completed_at)
    values (${p.userId}, ${p.materialId}, ${p.officialId}, ${p.status}, ${p.progressPercent}, ${p.positionSeconds},
      ${p.quizBestScore}, ${p.quizAttempts}, ${p.at}, ${p.at}, ${p.completed ? p.at : null})
    on conflict (user_id, material_id) do update set
      status = excluded.status, progress_percent = excluded.progress_percent,
      position_seconds = excluded.position_seconds, quiz_best_score = excluded.quiz_best_score,
      quiz_attempts = excluded.quiz_attempts, last_opened_at = excluded.last_opened_at,
      completed_at = coalesce(library_progress.completed_at, excluded.completed_at)`);
}

export async function progressOfUser(db: DbOrTx, userId: string) {
  const res = await db.execute<{
    material_id: string;
    title: string;
    type: string;
    status: 'opened' | 'in_progress' | 'completed';
    progress_percent: number;
    last_opened_at: Date;
    quiz_best_score: number | null;
  }>(sql`
    select p.material_id, m.title, m.type, p.status, p.progress_percent, p.last_opened_at, p.quiz_best_score
    from library_progress p join library_materials m on m.id = p.material_id
    where p.user_id = ${userId}
    order by p.last_opened_at desc
    limit 200`);
  return res.rows;
}

/** Passages of published materials the user may see, found by any of the words (OR), best first. */
export async function candidatePassages(db: DbOrTx, v: LibraryVisibility, words: string[], limit = 60) {
  if (words.length === 0) return [];
  const tsq = words
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter(Boolean)
    .join(' | ');
  if (!tsq) return [];
  const res = await db.execute<{ material_id: string; title: string; section: string; text: string }>(sql`
    select p.material_id, m.title, p.section, p.text
    from library_passages p join library_materials m on m.id = p.material_id,
         to_tsquery('simple', ${tsq}) q
    where p.search @@ q and ${visibilitySql(v, true)}
    order by ts_rank(p.search, q) desc, p.id
    limit ${limit}`);
  return res.rows;
}

/** In how many passages each (folded) word occurs, and how many passages there are. */
export async function passageDocumentFrequencies(db: DbOrTx, words: string[]): Promise<{ df: Map<string, number>; n: number }> {
  const df = new Map<string, number>();
  const n = Number((await db.execute<{ n: number }>(sql`select count(*)::int as n from library_passages`)).rows[0]?.n ?? 0);
  if (words.length === 0) return { df, n };
  const res = await db.execute<{ w: string; c: number }>(sql`
    select w, (select count(*)::int from library_passages p where p.search @@ to_tsquery('simple', w)) as c
    from unnest(${textArray(words)}) as w`);
  for (const r of res.rows) df.set(r.w, r.c);
  return { df, n };
}

export type QuizRow = LibraryQuizQuestion;
