/** All SQL of essays. */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { ListScope } from '../../authz/policy.ts';

export type EssayRow = {
  id: number;
  enrolmentId: number;
  classId: number;
  className: string;
  classCode: string;
  officialId: string;
  fullName: string;
  provinceCode: string;
  communeCode: string;
  communeName: string | null;
  unitId: number | null;
  title: string;
  topics: string[];
  body: string | null;
  fileName: string | null;
  fileMime: string | null;
  fileSize: number | null;
  submittedOn: string;
  tags: string[];
  isProposal: boolean;
  reviewNote: string | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  version: number;
};

const SELECT = sql`
  select s.id, s.enrolment_id as "enrolmentId", s.class_id as "classId", c.name as "className", c.code as "classCode",
         s.official_id as "officialId", o.full_name as "fullName", s.province_code as "provinceCode", s.commune_code as "communeCode",
         cm.name as "communeName", o.unit_id as "unitId", s.title, s.topics, s.body, s.file_name as "fileName", s.file_mime as "fileMime",
         s.file_size as "fileSize", s.submitted_on as "submittedOn", s.tags, s.is_proposal as "isProposal", s.review_note as "reviewNote",
         s.reviewed_by as "reviewedBy", s.reviewed_at as "reviewedAt", s.version
  from essays s join classes c on c.id = s.class_id join officials o on o.id = s.official_id left join communes cm on cm.code = s.commune_code`;

export async function findById(db: DbOrTx, id: number): Promise<EssayRow | null> {
  return (await db.execute<EssayRow>(sql`${SELECT} where s.id = ${id}`)).rows[0] ?? null;
}
export async function lock(db: DbOrTx, id: number): Promise<void> {
  await db.execute(sql`select id from essays where id = ${id} for update`);
}

export async function list(
  db: DbOrTx,
  scope: ListScope,
  q: { classId?: number; proposal?: boolean; tag?: string; reviewed?: boolean; page: number; pageSize: number },
): Promise<{ rows: EssayRow[]; total: number }> {
  const where = [sql`true`];
  if (scope.provinceCode) where.push(sql`s.province_code = ${scope.provinceCode}`);
  if (scope.communeCode) where.push(sql`s.commune_code = ${scope.communeCode}`);
  if (scope.officialId) where.push(sql`s.official_id = ${scope.officialId}`);
  if (q.classId) where.push(sql`s.class_id = ${q.classId}`);
  if (q.proposal !== undefined) where.push(sql`s.is_proposal = ${q.proposal}`);
  if (q.tag) where.push(sql`${q.tag} = any(s.tags)`);
  if (q.reviewed !== undefined) where.push(q.reviewed ? sql`s.reviewed_at is not null` : sql`s.reviewed_at is null`);
  const w = sql.join(where, sql` and `);
  const rows = (
    await db.execute<EssayRow>(
      sql`${SELECT} where ${w} order by s.submitted_on desc, s.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    )
  ).rows;
  const total = (await db.execute<{ n: number }>(sql`select count(*)::int as n from essays s where ${w}`)).rows[0]!.n;
  return { rows, total };
}

export async function classTopics(db: DbOrTx, classId: number): Promise<string[]> {
  const r = await db.execute<{ topic: string }>(
    sql`select distinct topic from class_sessions where class_id = ${classId} and topic is not null and topic <> '' order by topic`,
  );
  return r.rows.map((x) => x.topic);
}

export async function existsForEnrolment(db: DbOrTx, enrolmentId: number): Promise<boolean> {
  return (await db.execute(sql`select 1 from essays where enrolment_id = ${enrolmentId}`)).rows.length > 0;
}

export async function insert(
  db: DbOrTx,
  e: {
    enrolmentId: number;
    classId: number;
    officialId: string;
    provinceCode: string;
    communeCode: string;
    title: string;
    topics: string[];
    body: string | null;
    file: { fileName: string; mime: string; content: Buffer } | null;
    today: string;
  },
): Promise<number | null> {
  const topics = sql`array[${sql.join(
    e.topics.map((t) => sql`${t}`),
    sql`, `,
  )}]::text[]`;
  const r = await db.execute<{ id: number }>(sql`
    insert into essays (enrolment_id, class_id, official_id, province_code, commune_code, title, topics, body, file_name, file_mime, file_size, file_content, submitted_on)
    values (${e.enrolmentId}, ${e.classId}, ${e.officialId}, ${e.provinceCode}, ${e.communeCode}, ${e.title}, ${e.topics.length ? topics : sql`'{}'::text[]`}, ${e.body},
            ${e.file?.fileName ?? null}, ${e.file?.mime ?? null}, ${e.file?.content.length ?? null}, ${e.file?.content ?? null}, ${e.today})
    on conflict (enrolment_id) do nothing returning id`);
  return r.rows[0]?.id ?? null;
}

export async function readFile(db: DbOrTx, id: number): Promise<{ fileName: string; mime: string; content: Buffer } | null> {
  const r = await db.execute<{ fileName: string; mime: string; content: Buffer }>(
    sql`select file_name as "fileName", file_mime as mime, file_content as content from essays where id = ${id} and file_content is not null`,
  );
  return r.rows[0] ?? null;
}

export async function review(
  db: DbOrTx,
  id: number,
  r: { tags: string[]; isProposal: boolean; reviewNote: string | null; by: string; at: Date },
): Promise<void> {
  const tags = r.tags.length
    ? sql`array[${sql.join(
        r.tags.map((t) => sql`${t}`),
        sql`, `,
      )}]::text[]`
    : sql`'{}'::text[]`;
  await db.execute(sql`
    update essays set tags = ${tags}, is_proposal = ${r.isProposal}, review_note = ${r.reviewNote}, reviewed_by = ${r.by}, reviewed_at = ${r.at}, version = version + 1
    where id = ${id}`);
}

/** Active reviewer accounts of a province (the essays of its learners go to them). */
export async function reviewersOf(db: DbOrTx, provinceCode: string): Promise<string[]> {
  const r = await db.execute<{ id: string }>(
    sql`select id from users where role = 'reviewer' and province_code = ${provinceCode} and active`,
  );
  return r.rows.map((x) => x.id);
}
