/** All SQL of mentoring. */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { ListScope } from '../../authz/policy.ts';

export type PairRow = {
  id: number;
  provinceCode: string;
  communeCode: string;
  mentorId: string;
  mentorName: string;
  mentorPosition: string | null;
  menteeId: string;
  menteeName: string;
  menteePosition: string | null;
  fromDate: string;
  toDate: string | null;
  status: 'active' | 'ended';
  version: number;
};
export type EntryRow = {
  id: number;
  pairId: number;
  kind: 'goal' | 'meeting';
  onDate: string;
  text: string;
  achieved: boolean;
  authorUsername: string;
};

const SELECT = sql`
  select p.id, p.province_code as "provinceCode", p.commune_code as "communeCode",
         p.mentor_id as "mentorId", a.full_name as "mentorName", pa.name as "mentorPosition",
         p.mentee_id as "menteeId", b.full_name as "menteeName", pb.name as "menteePosition",
         p.from_date as "fromDate", p.to_date as "toDate", p.status, p.version
  from mentoring_pairs p join officials a on a.id = p.mentor_id join officials b on b.id = p.mentee_id
  left join positions pa on pa.id = a.position_id left join positions pb on pb.id = b.position_id`;

export async function findById(db: DbOrTx, id: number): Promise<PairRow | null> {
  return (await db.execute<PairRow>(sql`${SELECT} where p.id = ${id}`)).rows[0] ?? null;
}

export async function list(db: DbOrTx, scope: ListScope & { person?: string }): Promise<PairRow[]> {
  const where = [sql`true`];
  if (scope.provinceCode) where.push(sql`p.province_code = ${scope.provinceCode}`);
  if (scope.communeCode) where.push(sql`p.commune_code = ${scope.communeCode}`);
  if (scope.unitId !== undefined) where.push(sql`(a.unit_id = ${scope.unitId} or b.unit_id = ${scope.unitId})`);
  const person = scope.officialId ?? scope.person;
  if (person) where.push(sql`(p.mentor_id = ${person} or p.mentee_id = ${person})`);
  return (await db.execute<PairRow>(sql`${SELECT} where ${sql.join(where, sql` and `)} order by p.status, p.from_date desc, p.id desc`))
    .rows;
}

export async function entriesOf(db: DbOrTx, pairIds: number[]): Promise<EntryRow[]> {
  if (pairIds.length === 0) return [];
  return (
    await db.execute<EntryRow>(sql`
      select id, pair_id as "pairId", kind, on_date as "onDate", text, achieved, author_username as "authorUsername"
      from mentoring_entries where pair_id in (${sql.join(
        pairIds.map((i) => sql`${i}`),
        sql`, `,
      )}) order by on_date, id`)
  ).rows;
}

export async function person(
  db: DbOrTx,
  id: string,
): Promise<{ id: string; communeCode: string; provinceCode: string; status: string } | null> {
  const r = await db.execute<{ id: string; communeCode: string; provinceCode: string; status: string }>(
    sql`select id, commune_code as "communeCode", province_code as "provinceCode", status from officials where id = ${id}`,
  );
  return r.rows[0] ?? null;
}

export async function insertPair(
  db: DbOrTx,
  p: { provinceCode: string; communeCode: string; mentorId: string; menteeId: string; fromDate: string; by: string },
): Promise<number | null> {
  const r = await db.execute<{ id: number }>(sql`
    insert into mentoring_pairs (province_code, commune_code, mentor_id, mentee_id, from_date, created_by)
    values (${p.provinceCode}, ${p.communeCode}, ${p.mentorId}, ${p.menteeId}, ${p.fromDate}, ${p.by})
    on conflict (mentor_id, mentee_id) where status = 'active' do nothing returning id`);
  return r.rows[0]?.id ?? null;
}

export async function insertEntry(
  db: DbOrTx,
  e: { pairId: number; kind: string; onDate: string; text: string; by: string },
): Promise<number> {
  const r = await db.execute<{ id: number }>(sql`
    insert into mentoring_entries (pair_id, kind, on_date, text, author_username) values (${e.pairId}, ${e.kind}, ${e.onDate}, ${e.text}, ${e.by}) returning id`);
  return r.rows[0]!.id;
}

export async function endPair(db: DbOrTx, id: number, toDate: string): Promise<void> {
  await db.execute(sql`update mentoring_pairs set status = 'ended', to_date = ${toDate}, version = version + 1 where id = ${id}`);
}
