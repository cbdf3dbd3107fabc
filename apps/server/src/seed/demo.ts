/**
 * Demo data for a first start outside production (issue 2 §10): province Đắk Lắk (66), five demo
 * communes (phường and xã, with varied region types) and one account per role. Every demo account
 * uses the password Demo@2026; the README lists them. Later features add their own demo records here.
 */
import { sql } from 'drizzle-orm';
import { phaseOf, type Role } from '@app/shared';
import type { Db } from '../db/client.ts';
import { hashPassword } from '../modules/auth/passwords.ts';
import { makeRng } from './names.ts';
import { generateRoster, insertRoster } from './roster.ts';
import { reviewCommuneNeeds } from '../modules/needs/needs.service.ts';
import { seedDemoInstructors } from '../modules/instructors/instructors.seed.ts';
import { seedDemoPlans } from '../modules/plans/plans.seed.ts';
import { seedDemoTraining } from '../modules/classes/demo.ts';
import { issueForClass, type CertificatesDeps } from '../modules/certificates/certificates.service.ts';
import { actorFromUser } from '../modules/auth/auth.service.ts';
import { findUserByUsername } from '../modules/auth/auth.repository.ts';
import { seedDemoLearner } from '../modules/learner/demo.ts';
import { seedDemoEvaluations } from '../modules/evaluations/demo.ts';

export const DEMO_PASSWORD = 'Demo@2026';
export const DEMO_PROVINCE = '66';

/** Demo communes of Đắk Lắk and the region type each shows off. */
export const DEMO_COMMUNES = [
  { code: '24133', regionType: 'do_thi', areaClass: null, rosterSize: 56, highlandShare: 0.1 }, // Phường Buôn Ma Thuột
  { code: '22015', regionType: 'do_thi', areaClass: null, rosterSize: 48, highlandShare: 0 }, // Phường Tuy Hoà
  { code: '24373', regionType: 'nong_thon', areaClass: null, rosterSize: 42, highlandShare: 0.15 }, // Xã Ea Kar
  { code: '24235', regionType: 'mien_nui_dtts', areaClass: 'III', rosterSize: 34, highlandShare: 0.45 }, // Xã Buôn Đôn
  { code: '24211', regionType: 'bien_gioi_hai_dao', areaClass: 'II', rosterSize: 31, highlandShare: 0.35 }, // Xã Ea Súp
] as const;

/** Kinds of the units whose heads get demo accounts donvi.<commune>.<n>, in order n = 1, 2, … */
const DEMO_UNIT_KINDS = ['van_phong_hdnd_ubnd', 'phong_kinh_te', 'phong_van_hoa_xa_hoi', 'trung_tam_phvhcc'];
const OFFICIALS_PER_COMMUNE = 5;

// Invented people: family, middle and given names combined deterministically.
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thu', 'Quốc', 'Ngọc', 'Đức', 'Thanh', 'Hữu', 'Kim'];
const GIVEN = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Hà',
  'Hạnh',
  'Khoa',
  'Lan',
  'Long',
  'Mai',
  'Nam',
  'Ngân',
  'Phúc',
  'Quyên',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trung',
  'Uyên',
  'Vy',
];

function demoName(i: number): string {
  const family = FAMILY[i % 10]!;
  return `${family} ${MIDDLE[(i * 7) % MIDDLE.length]} ${GIVEN[(i * 13) % GIVEN.length]}`;
}

interface DemoUser {
  username: string;
  full_name: string;
  role: Role;
  province_code: string | null;
  commune_code: string | null;
  unit_id: number | null;
  training_org_id: number | null;
}

/**
 * `today`: the app's date (clock); the demo's needs review stands on it. `training: false` leaves out
 * the demo classes (the test template: training tests make their own classes).
 */
export async function seedDemoData(
  db: Db,
  today = '2026-11-23',
  opts: { training?: boolean } = {},
): Promise<{ seeded: boolean; accounts: number }> {
  const exists = await db.execute(sql`select 1 from users where username = 'bonoivu'`);
  if (exists.rows.length > 0) return { seeded: false, accounts: 0 };
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  return db.transaction(async (tx) => {
    for (const c of DEMO_COMMUNES) {
      await tx.execute(sql`update communes set region_type = ${c.regionType}, area_class = ${c.areaClass} where code = ${c.code}`);
    }
    const orgs = (
      await tx.execute<{ id: number; code: string }>(sql`select id, code from training_orgs where code in ('HVCTQG', 'TCT.66')`)
    ).rows;
    const orgId = (code: string) => orgs.find((o) => o.code === code)!.id;
    const unitRows = (
      await tx.execute<{ id: number; commune_code: string; kind: string }>(
        sql`select id, commune_code, kind from units where is_default and commune_code in (${sql.join(
          DEMO_COMMUNES.map((c) => sql`${c.code}`),
          sql`, `,
        )})`,
      )
    ).rows;

    const users: DemoUser[] = [
      {
        username: 'bonoivu',
        full_name: 'Phạm Thị Thu Hằng',
        role: 'national_admin',
        province_code: null,
        commune_code: null,
        unit_id: null,
        training_org_id: null,
      },
      {
        username: 'sonoivu.66',
        full_name: 'Lê Văn Thành',
        role: 'province_admin',
        province_code: '66',
        commune_code: null,
        unit_id: null,
        training_org_id: null,
      },
      {
        username: 'bantochuc.66',
        full_name: 'H’Linh Niê',
        role: 'reviewer',
        province_code: '66',
        commune_code: null,
        unit_id: null,
        training_org_id: null,
      },
      {
        username: 'truong.hvctqg',
        full_name: 'Trần Quốc Bảo',
        role: 'training_org',
        province_code: null,
        commune_code: null,
        unit_id: null,
        training_org_id: orgId('HVCTQG'),
      },
      {
        username: 'truong.66',
        full_name: 'Y Khoa Byă',
        role: 'training_org',
        province_code: '66',
        commune_code: null,
        unit_id: null,
        training_org_id: orgId('TCT.66'),
      },
    ];
    let person = 0;
    for (const c of DEMO_COMMUNES) {
      users.push({
        username: `xa.${c.code}`,
        full_name: demoName(person++),
        role: 'commune_admin',
        province_code: '66',
        commune_code: c.code,
        unit_id: null,
        training_org_id: null,
      });
      DEMO_UNIT_KINDS.forEach((kind, i) => {
        const unit = unitRows.find((u) => u.commune_code === c.code && u.kind === kind)!;
        users.push({
          username: `donvi.${c.code}.${i + 1}`,
          full_name: demoName(person++),
          role: 'unit_head',
          province_code: '66',
          commune_code: c.code,
          unit_id: unit.id,
          training_org_id: null,
        });
      });
      for (let n = 1; n <= OFFICIALS_PER_COMMUNE; n++) {
        const unit = unitRows.find((u) => u.commune_code === c.code && u.kind === DEMO_UNIT_KINDS[(n - 1) % DEMO_UNIT_KINDS.length])!;
        users.push({
          username: `hocvien.${c.code}.${n}`,
          full_name: demoName(person++),
          role: 'official',
          province_code: '66',
          commune_code: c.code,
          unit_id: unit.id,
          training_org_id: null,
        });
      }
    }
    await tx.execute(sql`
      insert into users (username, full_name, role, province_code, commune_code, unit_id, training_org_id, password_hash)
      select username, full_name, role, province_code, commune_code, unit_id, training_org_id, ${passwordHash}
      from jsonb_to_recordset(${JSON.stringify(users)}::jsonb)
        as x(username text, full_name text, role text, province_code text, commune_code text, unit_id int, training_org_id int)`);
    const officials = await seedDemoRosters(tx, unitRows);
    await seedDemoInstructors(tx);
    await seedDemoPlans(tx);
    // Classes of 2026 with nominations, attendance and results (SPEC §5–§6), before the needs review.
    if (opts.training !== false) await seedDemoTraining(tx, today);
    await linkDemoAccounts(tx, officials);
    // Learner side (self-reports, surveys, essays, mentoring) once learners are linked to their records.
    if (opts.training !== false) await seedDemoLearner(tx, today);
    // Post-training evaluations and the 2025/2026 annual ratings (SPEC §8).
    if (opts.training !== false) await seedDemoEvaluations(tx, today);
    // Training needs proposed by the rules (SPEC §4) so the review screens show something.
    const phase = phaseOf(today) ?? 1;
    for (const c of DEMO_COMMUNES) await reviewCommuneNeeds(tx, c.code, phase, 'he-thong', today);
    await tx.execute(sql`
      insert into audit_log (action, entity_type, after)
      values ('seed.demo', 'system', ${JSON.stringify({ accounts: users.length, communes: DEMO_COMMUNES.map((c) => c.code) })}::jsonb)`);
    return { seeded: true, accounts: users.length };
  });
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Rosters of 30–60 officials per demo commune (SPEC §3 demo data for issue 3). */
async function seedDemoRosters(tx: Tx, unitRows: { id: number; commune_code: string; kind: string }[]) {
  const positions = (await tx.execute<{ id: number; code: string }>(sql`select id, code from positions where level = 'national'`)).rows;
  const positionIds = new Map(positions.map((p) => [p.code, p.id]));
  const rng = makeRng(2026);
  let seq = 1000;
  const all = [];
  for (const c of DEMO_COMMUNES) {
    const unitIds = new Map(unitRows.filter((u) => u.commune_code === c.code).map((u) => [u.kind, u.id]));
    const roster = generateRoster(rng, {
      provinceCode: DEMO_PROVINCE,
      communeCode: c.code,
      size: c.rosterSize,
      unitIds,
      positionIds,
      belowShare: 0.18,
      reorgShare: 0.22,
      highlandShare: c.highlandShare,
      cccdSeq: () => seq++,
    });
    all.push(...roster);
  }
  await insertRoster(tx, all);
  return all;
}

/** The learner whose tasks the demo leaves open needs a seat in a finished class that requires an essay. */
const OPEN_LEARNER = 'hocvien.22015.1';

/**
 * Officials' accounts point at their registry records; unit heads at the head of their unit. Runs after
 * the demo classes: learner accounts go to people who already have the seats the learner demo needs (a
 * finished class for each where there is one; for OPEN_LEARNER a finished class with an essay, which
 * only the commune's leaders attend), so the learner demo never adds seats. Without classes (the test
 * template) the links are the roster's first non-leaders, as before.
 */
async function linkDemoAccounts(tx: Tx, officials: Awaited<ReturnType<typeof seedDemoRosters>>) {
  const heads: Record<number, string> = { 1: 'CVP', 2: 'TP_KT', 3: 'TP_VHXH', 4: 'GD_TTPVHCC' };
  const positions = (await tx.execute<{ id: number; code: string }>(sql`select id, code from positions where level = 'national'`)).rows;
  const codeOf = new Map(positions.map((p) => [p.id, p.code]));
  const seats = new Map(
    (
      await tx.execute<{ official_id: string; finished: boolean; essay: boolean }>(sql`
        select e.official_id::text as official_id, bool_or(c.status = 'finished') as finished,
          bool_or(c.status = 'finished' and p.requires_essay) as essay
        from enrolments e join classes c on c.id = e.class_id join programmes p on p.id = c.programme_id
        where e.status = 'nominated' group by e.official_id`)
    ).rows.map((r) => [r.official_id, r]),
  );
  const links: { username: string; official_id: string; full_name: string; unit_id: number | null }[] = [];
  for (const c of DEMO_COMMUNES) {
    const roster = officials.filter((o) => o.commune_code === c.code);
    const used = new Set<string>();
    for (const [n, code] of Object.entries(heads)) {
      const o = roster.find((r) => codeOf.get(r.position_id) === code);
      if (o) {
        used.add(o.id);
        links.push({ username: `donvi.${c.code}.${n}`, official_id: o.id, full_name: o.full_name, unit_id: o.unit_id });
      }
    }
    // Stable: people with a finished class first, otherwise the roster's order.
    const staff = roster.filter((r) => !r.is_leader);
    const ranked = [...staff.filter((r) => seats.get(r.id)?.finished), ...staff.filter((r) => !seats.get(r.id)?.finished)];
    for (let n = 1; n <= OFFICIALS_PER_COMMUNE; n++) {
      const username = `hocvien.${c.code}.${n}`;
      const essay =
        username === OPEN_LEARNER && seats.size > 0
          ? [...staff, ...roster.filter((r) => r.is_leader)].find((r) => !used.has(r.id) && seats.get(r.id)?.essay)
          : undefined;
      const o = essay ?? (seats.size > 0 ? ranked.find((r) => !used.has(r.id)) : staff[n - 1]);
      if (o) {
        used.add(o.id);
        links.push({ username, official_id: o.id, full_name: o.full_name, unit_id: o.unit_id });
      }
    }
  }
  await tx.execute(sql`
    update users u set official_id = x.official_id, full_name = x.full_name, unit_id = coalesce(x.unit_id, u.unit_id)
    from jsonb_to_recordset(${JSON.stringify(links)}::jsonb) as x(username text, official_id uuid, full_name text, unit_id int)
    where u.username = x.username`);
}

/**
 * Certificates for the demo's completed learners, issued by each class's organiser through the real
 * service (signing key under DATA_DIR/keys). Runs after the demo transaction, at first start only.
 */
export async function seedDemoCertificates(deps: CertificatesDeps): Promise<number> {
  const rows = (
    await deps.db.execute<{ class_id: number; username: string }>(sql`
      select c.id as class_id, min(u.username) as username
      from classes c join users u on u.training_org_id = c.organiser_id and u.role = 'training_org'
      where c.status in ('finished', 'closed')
        and exists (select 1 from enrolments e where e.class_id = c.id and e.result = 'completed')
      group by c.id order by c.id`)
  ).rows;
  let issued = 0;
  for (const r of rows) {
    const user = await findUserByUsername(deps.db, r.username);
    if (!user) continue;
    const res = await issueForClass(deps, actorFromUser(user), r.class_id, { ip: null, requestId: 'seed-demo', at: deps.clock.now() });
    issued += res.issued.length;
  }
  return issued;
}
