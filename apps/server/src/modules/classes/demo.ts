/**
 * Demo classes of Đắk Lắk across 2026 (the demo stands on 23/11/2026), called by the demo seed after
 * the programme catalogue: finished classes with nominations, attendance per session and bridge
 * point, scores and computed results (mostly completed, a few failed); one class running; two open
 * for nomination (in one, Phòng Kinh tế of Buôn Ma Thuột is exactly at the service-continuity limit,
 * so nominating one more of its people triggers the guard); one planned. Deterministic.
 *
 *   finished  CMCN 3 months, evenings (02/03–29/05): below-standard officials of the five demo communes
 *   finished  HCMA online, weekend (23–24/05, seed 004): bridge points at the academy, the province and
 *             each demo commune; leaders attend at their commune's point; the programme requires an essay
 *   finished  CMNV land management, office hours (16–18/06): Buôn Ma Thuột and Tuy Hoà
 *   finished  KNBT digital skills, liên xã (19–21/08): hosted by Ea Kar for Ea Kar, Buôn Đôn and Ea Súp
 *   running   CMNV administrative procedures, evenings (19–26/11): service-centre staff
 *   open      KNBT administrative communication, office hours (08–10/12): the guard example
 *   open      CMNV commune finance (15–18/12): unit-head approval, one pending, one waitlisted, one cancelled
 *   planned   QLNN_CHUNG two weeks (01–12/03/2027)
 */
import { sql } from 'drizzle-orm';
import type { AttendanceStatus, ProgrammeType } from '@app/shared';
import type { DbOrTx } from '../../db/client.ts';
import { attendance, bridgePoints, classCommunes, classes, classSessions, enrolments, scores } from '../../db/schema/index.ts';
import { makeRng, type Rng } from '../../seed/names.ts';
import { maxAway } from '../enrolments/enrolments.rules.ts';
import { makeClassCode } from './classes.rules.ts';
import { lastCodeNumber } from './classes.repository.ts';
import { completionOf, DEFAULT_COMPLETION_RULE } from './results.rules.ts';

const DEMO_COMMUNES = ['24133', '22015', '24373', '24235', '24211'] as const;
const MARKER = 'seed.demo.training';

export interface DemoTrainingResult {
  seeded: boolean;
  classes: number;
  enrolments: number;
  /** Classes left out because their programme is not in the catalogue. */
  skipped: string[];
}

interface Person {
  id: string;
  fullName: string;
  provinceCode: string;
  communeCode: string;
  unitId: number | null;
  unitKind: string | null;
  isLeader: boolean;
  belowStandard: boolean;
  /** Has a learner account (hocvien.<commune>.<n>): shown first so the learner pages have data. */
  hasAccount: boolean;
}

interface SessionSpec {
  date: string;
  startTime: string;
  endTime: string;
  topic?: string;
}

interface ClassSpec {
  key: string;
  programmeCode: string;
  programmeType: ProgrammeType;
  org: 'TCT.66' | 'HVCTQG';
  name: string;
  provinceCode: string | null;
  host: string | null;
  communes: string[];
  mode: 'truc_tiep' | 'truc_tuyen' | 'ket_hop';
  scheduleType: 'trong_gio' | 'ngoai_gio' | 'buoi_toi' | 'cuoi_tuan';
  startDate: string;
  endDate: string;
  capacity: number;
  status: 'planned' | 'open' | 'running' | 'finished';
  assessmentCount: number;
  requiresUnitHeadApproval?: boolean;
  sessions: SessionSpec[];
  budget: { plannedCentral?: number; plannedLocal?: number; actualCentral?: number; actualLocal?: number; support?: number };
  decisionDate: string;
  note?: string;
}

// ---------------------------------------------------------------- dates

function* daysBetween(start: string, end: string): Generator<string> {
  for (let t = Date.parse(`${start}T00:00:00Z`); t <= Date.parse(`${end}T00:00:00Z`); t += 86_400_000)
    yield new Date(t).toISOString().slice(0, 10);
}
const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay(); // 0 = Sunday
const officeDays = (start: string, end: string, topics: string[] = []): SessionSpec[] =>
  [...daysBetween(start, end)]
    .filter((d) => weekday(d) >= 1 && weekday(d) <= 5)
    .flatMap((date, i) => [
      { date, startTime: '07:30', endTime: '11:00', topic: topics[2 * i] },
      { date, startTime: '13:30', endTime: '16:30', topic: topics[2 * i + 1] },
    ]);
const evenings = (start: string, end: string, days: number[], topic: (n: number) => string): SessionSpec[] =>
  [...daysBetween(start, end)]
    .filter((d) => days.includes(weekday(d)))
    .map((date, i) => ({ date, startTime: '17:30', endTime: '20:30', topic: topic(i + 1) }));

// ---------------------------------------------------------------- the classes

const SPECS: ClassSpec[] = [
  {
    key: 'cmcn',
    programmeCode: 'BNV.CMCN.1',
    programmeType: 'CMCN',
    org: 'TCT.66',
    name: 'Bồi dưỡng kiến thức chuyên môn chuyên ngành cho công chức chưa đạt chuẩn vị trí việc làm – khóa 1 năm 2026',
    provinceCode: '66',
    host: '24133',
    communes: [...DEMO_COMMUNES],
    mode: 'ket_hop',
    scheduleType: 'ngoai_gio',
    startDate: '2026-03-02',
    endDate: '2026-05-29',
    capacity: 35,
    status: 'finished',
    assessmentCount: 3,
    sessions: evenings(
      '2026-03-02',
      '2026-05-29',
      [2, 4],
      (n) => `Chuyên đề ${Math.ceil(n / 2)}: kiến thức chuyên ngành theo vị trí việc làm`,
    ),
    budget: { plannedLocal: 180_000_000, actualLocal: 172_500_000, support: 1_500_000 },
    decisionDate: '2026-02-16',
    note: 'Học buổi tối thứ Ba, thứ Năm theo hướng "cầm tay chỉ việc" để không ảnh hưởng công việc thường xuyên.',
  },
  {
    key: 'hcma',
    programmeCode: 'HVCTQG.KNBT.XLTH',
    programmeType: 'KNBT',
    org: 'HVCTQG',
    name: 'Lớp bồi dưỡng nâng cao năng lực, xử lý tình huống thực tiễn đối với đội ngũ cán bộ cơ sở',
    provinceCode: null,
    host: null,
    communes: [],
    mode: 'truc_tuyen',
    scheduleType: 'cuoi_tuan',
    startDate: '2026-05-23',
    endDate: '2026-05-24',
    capacity: 5000,
    status: 'finished',
    assessmentCount: 1,
    sessions: [
      {
        date: '2026-05-23',
        startTime: '08:00',
        endTime: '11:30',
        topic: 'Chuyên đề 1: Quản trị toàn diện, kiến tạo phát triển của cấp xã trong mô hình chính quyền địa phương 2 cấp',
      },
      {
        date: '2026-05-23',
        startTime: '13:30',
        endTime: '16:30',
        topic: 'Chuyên đề 2: Lãnh đạo, điều hành phát triển ở cấp xã trước yêu cầu tăng trưởng hai con số',
      },
      {
        date: '2026-05-24',
        startTime: '08:00',
        endTime: '11:30',
        topic: 'Chuyên đề 3: Điểm nghẽn thể chế và rào cản nội sinh trong quản trị phát triển của cấp xã',
      },
      {
        date: '2026-05-24',
        startTime: '13:30',
        endTime: '16:30',
        topic: 'Chuyên đề 4: Ra quyết định dựa trên dữ liệu, sử dụng AI, nền tảng số phục vụ quản trị ở cấp xã',
      },
    ],
    budget: { plannedCentral: 250_000_000, actualCentral: 238_000_000, plannedLocal: 20_000_000, actualLocal: 18_600_000 },
    decisionDate: '2026-05-18',
    note: 'Kế hoạch số 664-KH/HVCTQG ngày 14/5/2026; học viên viết 01 bài thu hoạch gửi Ban Thường vụ Tỉnh ủy (qua Ban Tổ chức).',
  },
  {
    key: 'datdai',
    programmeCode: 'BNV.CMNV.DAT_DAI',
    programmeType: 'CMNV',
    org: 'TCT.66',
    name: 'Nghiệp vụ quản lý đất đai cấp xã – cụm Buôn Ma Thuột, Tuy Hòa',
    provinceCode: '66',
    host: '24133',
    communes: ['24133', '22015'],
    mode: 'truc_tiep',
    scheduleType: 'trong_gio',
    startDate: '2026-06-16',
    endDate: '2026-06-18',
    capacity: 30,
    status: 'finished',
    assessmentCount: 1,
    sessions: officeDays('2026-06-16', '2026-06-18', [
      'Những điểm mới của Luật Đất đai 2024 đối với cấp xã',
      'Đăng ký biến động đất đai: hồ sơ mẫu',
      'Hòa giải tranh chấp đất đai ở cơ sở',
      'Xử lý vi phạm hành chính về đất đai',
      'Cập nhật cơ sở dữ liệu đất đai',
      'Kiểm tra cuối khóa',
    ]),
    budget: { plannedLocal: 45_000_000, actualLocal: 43_200_000, support: 150_000 },
    decisionDate: '2026-06-02',
  },
  {
    key: 'cds',
    programmeCode: 'BNV.KNBT.CDS',
    programmeType: 'KNBT',
    org: 'TCT.66',
    name: 'Kỹ năng chuyển đổi số cho cán bộ, công chức cấp xã – lớp liên xã Ea Kar, Buôn Đôn, Ea Súp',
    provinceCode: '66',
    host: '24373',
    communes: ['24373', '24235', '24211'],
    mode: 'truc_tiep',
    scheduleType: 'trong_gio',
    startDate: '2026-08-19',
    endDate: '2026-08-21',
    capacity: 40,
    status: 'finished',
    assessmentCount: 1,
    sessions: officeDays('2026-08-19', '2026-08-21', [
      'Văn bản điện tử và chữ ký số',
      'Khai thác cơ sở dữ liệu quốc gia về dân cư',
      'Dịch vụ công trực tuyến toàn trình',
      'Công cụ cộng tác và lưu trữ dùng chung',
      'An toàn thông tin cơ bản',
      'Thực hành cuối khóa',
    ]),
    budget: { plannedCentral: 30_000_000, plannedLocal: 20_000_000, actualCentral: 30_000_000, actualLocal: 17_800_000, support: 150_000 },
    decisionDate: '2026-08-05',
  },
  {
    key: 'tthc',
    programmeCode: 'BNV.CMNV.TTHC',
    programmeType: 'CMNV',
    org: 'TCT.66',
    name: 'Giải quyết thủ tục hành chính tại Trung tâm phục vụ hành chính công cấp xã (học buổi tối)',
    provinceCode: '66',
    host: '24133',
    communes: ['24133', '22015', '24373'],
    mode: 'truc_tiep',
    scheduleType: 'ngoai_gio',
    startDate: '2026-11-19',
    endDate: '2026-11-26',
    capacity: 25,
    status: 'running',
    assessmentCount: 1,
    sessions: evenings('2026-11-19', '2026-11-26', [1, 2, 3, 4, 5], (n) => `Buổi ${n}: thao tác trên hệ thống một cửa điện tử`),
    budget: { plannedLocal: 28_000_000, support: 100_000 },
    decisionDate: '2026-11-09',
  },
  {
    key: 'gthc',
    programmeCode: 'BNV.KNBT.GTHC',
    programmeType: 'KNBT',
    org: 'TCT.66',
    name: 'Kỹ năng giao tiếp hành chính và văn hóa công sở – Phường Buôn Ma Thuột',
    provinceCode: '66',
    host: '24133',
    communes: ['24133'],
    mode: 'truc_tiep',
    scheduleType: 'trong_gio',
    startDate: '2026-12-08',
    endDate: '2026-12-10',
    capacity: 40,
    status: 'open',
    assessmentCount: 1,
    sessions: officeDays('2026-12-08', '2026-12-10'),
    budget: { plannedLocal: 36_000_000, support: 150_000 },
    decisionDate: '2026-11-18',
  },
  {
    key: 'tcns',
    programmeCode: 'BNV.CMNV.TCNS',
    programmeType: 'CMNV',
    org: 'TCT.66',
    name: 'Quản lý tài chính – ngân sách xã theo mô hình mới (học buổi tối)',
    provinceCode: '66',
    host: '24373',
    communes: [...DEMO_COMMUNES],
    mode: 'truc_tiep',
    scheduleType: 'ngoai_gio',
    startDate: '2026-12-15',
    endDate: '2026-12-18',
    capacity: 8,
    status: 'open',
    assessmentCount: 1,
    requiresUnitHeadApproval: true,
    sessions: evenings('2026-12-15', '2026-12-18', [1, 2, 3, 4, 5], (n) => `Buổi ${n}: lập, chấp hành và quyết toán ngân sách xã`),
    budget: { plannedLocal: 24_000_000, support: 100_000 },
    decisionDate: '2026-11-20',
  },
  {
    key: 'qlnn',
    programmeCode: 'BNV.QLNN_CHUNG.1',
    programmeType: 'QLNN_CHUNG',
    org: 'TCT.66',
    name: 'Kiến thức chung về quản lý nhà nước trong mô hình chính quyền địa phương hai cấp – khóa 1 năm 2027',
    provinceCode: '66',
    host: '24133',
    communes: [...DEMO_COMMUNES],
    mode: 'truc_tiep',
    scheduleType: 'trong_gio',
    startDate: '2027-03-01',
    endDate: '2027-03-12',
    capacity: 60,
    status: 'planned',
    assessmentCount: 2,
    sessions: [],
    budget: { plannedCentral: 60_000_000, plannedLocal: 60_000_000, support: 200_000 },
    decisionDate: '2027-02-15',
  },
];

// ---------------------------------------------------------------- picking learners

class Roster {
  private readonly busy = new Map<string, [string, string][]>();
  constructor(readonly people: Person[]) {}
  free(p: Person, c: ClassSpec): boolean {
    return !(this.busy.get(p.id) ?? []).some(([s, e]) => s <= c.endDate && c.startDate <= e);
  }
  take(p: Person, c: ClassSpec): void {
    this.busy.set(p.id, [...(this.busy.get(p.id) ?? []), [c.startDate, c.endDate]]);
  }
}

/**
 * Up to `perCommune` free people of each commune matching `want`, learners with accounts first; for
 * classes in office hours, never more of one unit than the service-continuity guard allows (30%).
 */
function pick(
  roster: Roster,
  c: ClassSpec,
  staff: Map<number, number>,
  want: (p: Person) => boolean,
  perCommune: number,
  communes: readonly string[],
): Person[] {
  const out: Person[] = [];
  const perUnit = new Map<number, number>();
  for (const commune of communes) {
    const candidates = roster.people
      .filter((p) => p.communeCode === commune && want(p) && roster.free(p, c))
      .sort((a, b) => Number(b.hasAccount) - Number(a.hasAccount));
    let n = 0;
    for (const p of candidates) {
      if (n >= perCommune) break;
      if (c.scheduleType === 'trong_gio' && p.unitId !== null) {
        const used = perUnit.get(p.unitId) ?? 0;
        if (used + 1 > maxAway(staff.get(p.unitId) ?? 0, 30)) continue;
        perUnit.set(p.unitId, used + 1);
      }
      roster.take(p, c);
      out.push(p);
      n++;
    }
  }
  return out;
}

// ---------------------------------------------------------------- results

/** A learner's record: mostly full attendance and passing scores; a few excused absences, a few failures. */
function recordFor(rng: Rng, sessions: number, assessments: number): { attendance: AttendanceStatus[]; scores: number[] } {
  const roll = rng();
  const attendance: AttendanceStatus[] = Array.from({ length: sessions }, () => 'present');
  const scores = Array.from({ length: assessments }, () => Math.round((6 + rng() * 3.5) * 4) / 4);
  if (roll < 0.07 && sessions > 0) attendance[Math.floor(rng() * sessions)] = 'absent';
  else if (roll < 0.12 && assessments > 0) scores[Math.floor(rng() * assessments)] = 4.5;
  else if (roll < 0.22 && sessions >= 5) attendance[Math.floor(rng() * sessions)] = 'excused';
  return { attendance, scores };
}

// ---------------------------------------------------------------- seeding

/** `today`: the demo's date; attendance of a running class is recorded for the sessions before it. */
export async function seedDemoTraining(tx: DbOrTx, today = '2026-11-23'): Promise<DemoTrainingResult> {
  const done = await tx.execute(sql`select 1 from audit_log where action = ${MARKER} limit 1`);
  if (done.rows.length) return { seeded: false, classes: 0, enrolments: 0, skipped: [] };
  const rng = makeRng(700);

  const orgRows = (
    await tx.execute<{ id: number; code: string }>(sql`select id, code from training_orgs where code in ('HVCTQG', 'TCT.66')`)
  ).rows;
  const orgId = new Map(orgRows.map((o) => [o.code, o.id]));
  const programmeRows = (
    await tx.execute<{
      id: number;
      code: string;
      type: ProgrammeType;
      min_attendance_pct: number;
      max_excused_pct: number;
      pass_score: string;
    }>(sql`
      select distinct on (code) id, code, type, min_attendance_pct, max_excused_pct, pass_score from programmes
      where approval_status <> 'retired' order by code, version_no desc`)
  ).rows;
  const instructorRows = (
    await tx.execute<{ id: number; org_id: number | null }>(sql`select id, org_id from instructors where active order by id`)
  ).rows;
  const planRow = (
    await tx.execute<{ id: number }>(sql`
      select id from plans where level = 'province' and province_code = '66' and (year = 2026 or (year is null and phase = 1))
      order by year nulls last limit 1`)
  ).rows[0];
  const people: Person[] = (
    await tx.execute<{
      id: string;
      full_name: string;
      province_code: string;
      commune_code: string;
      unit_id: number | null;
      unit_kind: string | null;
      is_leader: boolean;
      below_standard: boolean;
      has_account: boolean;
    }>(sql`
      select o.id, o.full_name, o.province_code, o.commune_code, o.unit_id, u.kind as unit_kind, o.is_leader, o.below_standard,
        exists (select 1 from users a where a.official_id = o.id and a.role = 'official') as has_account
      from officials o left join units u on u.id = o.unit_id
      where o.commune_code in ('24133', '22015', '24373', '24235', '24211') and o.status = 'dang_cong_tac'
      order by o.commune_code, o.given_name, o.full_name, o.id`)
  ).rows.map((r) => ({
    id: r.id,
    fullName: r.full_name,
    provinceCode: r.province_code,
    communeCode: r.commune_code,
    unitId: r.unit_id,
    unitKind: r.unit_kind,
    isLeader: r.is_leader,
    belowStandard: r.below_standard,
    hasAccount: r.has_account,
  }));
  const headOf = new Map(
    (
      await tx.execute<{ username: string; unit_id: number }>(
        sql`select username, unit_id from users where role = 'unit_head' and unit_id is not null`,
      )
    ).rows.map((r) => [r.unit_id, r.username]),
  );
  const staff = new Map<number, number>();
  for (const p of people) if (p.unitId !== null) staff.set(p.unitId, (staff.get(p.unitId) ?? 0) + 1);
  const roster = new Roster(people);
  const communeNames = new Map(
    (
      await tx.execute<{ code: string; full_name: string }>(
        sql`select code, full_name from communes where code in ('24133', '22015', '24373', '24235', '24211')`,
      )
    ).rows.map((r) => [r.code, r.full_name]),
  );
  const decisionSeq = new Map<string, number>(DEMO_COMMUNES.map((c, i) => [c, 101 + i * 40]));
  const decisionNo = (commune: string) => {
    const n = decisionSeq.get(commune)!;
    decisionSeq.set(commune, n + 1);
    return `${n}/QĐ-UBND`;
  };
  const codeSeq = new Map<string, number>();

  // The guard example: the Buôn Ma Thuột unit with the most people (Phòng Kinh tế when it has 4 or more).
  const bmtUnits = [...new Set(people.filter((p) => p.communeCode === '24133' && p.unitId !== null).map((p) => p.unitId!))];
  const ktUnit = people.find((p) => p.communeCode === '24133' && p.unitKind === 'phong_kinh_te')?.unitId;
  const guardUnit =
    ktUnit != null && (staff.get(ktUnit) ?? 0) >= 4 ? ktUnit : bmtUnits.sort((a, b) => (staff.get(b) ?? 0) - (staff.get(a) ?? 0))[0];

  const learnersOf = (c: ClassSpec): { learners: Person[]; extra: Person[] } => {
    switch (c.key) {
      case 'cmcn':
        return { learners: pick(roster, c, staff, (p) => p.belowStandard, 7, DEMO_COMMUNES), extra: [] };
      case 'hcma':
        return { learners: pick(roster, c, staff, (p) => p.isLeader, 3, DEMO_COMMUNES), extra: [] };
      case 'datdai':
        return { learners: pick(roster, c, staff, (p) => !p.isLeader, 8, c.communes), extra: [] };
      case 'cds':
        return { learners: pick(roster, c, staff, (p) => !p.isLeader, 8, c.communes), extra: [] };
      case 'tthc':
        return { learners: pick(roster, c, staff, (p) => p.unitKind === 'trung_tam_phvhcc' || p.hasAccount, 6, c.communes), extra: [] };
      case 'gthc': {
        // Exactly as many of the guard unit as the guard allows, plus people of other units within it.
        const limit = maxAway(staff.get(guardUnit ?? -1) ?? 0, 30);
        const ofUnit = pick(roster, c, staff, (p) => p.unitId === guardUnit && !p.isLeader, limit, ['24133']);
        const others = pick(roster, c, staff, (p) => p.unitId !== guardUnit && !p.isLeader, 3, ['24133']);
        return { learners: [...ofUnit, ...others], extra: [] };
      }
      case 'tcns': {
        // Capacity 8: two per commune of the first four fill it; the ninth waits; a tenth is cancelled.
        const all = pick(roster, c, staff, (p) => !p.isLeader && p.unitId !== null, 2, DEMO_COMMUNES);
        return { learners: all.slice(0, 9), extra: all.slice(9, 10) };
      }
      default:
        return { learners: [], extra: [] };
    }
  };

  const result: DemoTrainingResult = { seeded: true, classes: 0, enrolments: 0, skipped: [] };
  for (const c of SPECS) {
    const programme = programmeRows.find((p) => p.code === c.programmeCode) ?? programmeRows.find((p) => p.type === c.programmeType);
    const organiser = orgId.get(c.org);
    if (!programme || organiser === undefined) {
      result.skipped.push(c.name);
      continue;
    }
    const prefix = makeClassCode(c.startDate, c.org, 0).replace(/\.\d+$/, '');
    const seq = (codeSeq.get(prefix) ?? (await lastCodeNumber(tx, prefix))) + 1;
    codeSeq.set(prefix, seq);
    const [row] = await tx
      .insert(classes)
      .values({
        code: makeClassCode(c.startDate, c.org, seq),
        name: c.name,
        programmeId: programme.id,
        programmeType: programme.type,
        organiserId: organiser,
        provinceCode: c.provinceCode,
        hostCommuneCode: c.host,
        planId: c.provinceCode === '66' && c.startDate.startsWith('2026') ? (planRow?.id ?? null) : null,
        mode: c.mode,
        scheduleType: c.scheduleType,
        startDate: c.startDate,
        endDate: c.endDate,
        capacity: c.capacity,
        status: c.status,
        requiresUnitHeadApproval: c.requiresUnitHeadApproval ?? false,
        budgetPlannedCentral: c.budget.plannedCentral ?? 0,
        budgetPlannedLocal: c.budget.plannedLocal ?? 0,
        budgetActualCentral: c.budget.actualCentral ?? 0,
        budgetActualLocal: c.budget.actualLocal ?? 0,
        supportPerLearner: c.budget.support ?? 0,
        assessmentCount: c.assessmentCount,
        note: c.note ?? null,
        createdBy: 'he-thong',
      })
      .returning();
    const cls = row!;
    result.classes++;
    if (c.communes.length) {
      await tx.insert(classCommunes).values(c.communes.map((communeCode) => ({ classId: cls.id, communeCode, provinceCode: '66' })));
    }
    const pool = instructorRows.filter((i) => i.org_id === organiser);
    const sessions = c.sessions.length
      ? await tx
          .insert(classSessions)
          .values(
            c.sessions.map((s, i) => ({
              classId: cls.id,
              date: s.date,
              startTime: s.startTime,
              endTime: s.endTime,
              topic: s.topic ?? null,
              place: c.mode === 'truc_tuyen' ? null : c.host ? `Hội trường UBND ${communeNames.get(c.host) ?? ''}`.trim() : null,
              link: c.mode === 'truc_tiep' ? null : 'https://truyenhinh.hvctqg.example.vn/lop-boi-duong-can-bo-co-so',
              instructorId: pool.length ? pool[i % pool.length]!.id : null,
            })),
          )
          .returning()
      : [];

    // Bridge points of the online class: the academy, the province, each demo commune.
    const pointOf = new Map<string, number>();
    if (c.mode === 'truc_tuyen') {
      const rows = await tx
        .insert(bridgePoints)
        .values([
          {
            classId: cls.id,
            name: 'Học viện Chính trị quốc gia Hồ Chí Minh',
            level: 'trung_uong' as const,
            address: 'Số 135 đường Nguyễn Phong Sắc, phường Nghĩa Đô, Hà Nội',
          },
          { classId: cls.id, name: 'Điểm cầu Tỉnh ủy Đắk Lắk', level: 'tinh' as const, provinceCode: '66' },
          ...DEMO_COMMUNES.map((code) => ({
            classId: cls.id,
            name: `Điểm cầu ${communeNames.get(code) ?? code}`,
            level: 'xa' as const,
            provinceCode: '66',
            communeCode: code,
          })),
        ])
        .returning();
      for (const b of rows) pointOf.set(b.communeCode ?? (b.level === 'tinh' ? 'tinh' : 'tw'), b.id);
    }

    const { learners, extra } = learnersOf(c);
    if (!learners.length) continue;
    const seats = Math.min(c.capacity, learners.length);
    const decisions = new Map<string, string>();
    // In the approval class, one seated person (whose unit head has an account) still waits for approval.
    const seated = learners.slice(0, seats);
    const pendingId = c.requiresUnitHeadApproval
      ? (
          seated.find((p) => p.communeCode === '24133' && p.unitId !== null && headOf.has(p.unitId)) ??
          seated.find((p) => p.unitId !== null && headOf.has(p.unitId))
        )?.id
      : undefined;
    const rows = [...learners, ...extra].map((p, i) => {
      if (!decisions.has(p.communeCode)) decisions.set(p.communeCode, decisionNo(p.communeCode));
      const waitlisted = i >= seats && i < learners.length;
      const cancelled = i >= learners.length;
      const pending = p.id === pendingId;
      return {
        classId: cls.id,
        officialId: p.id,
        provinceCode: p.provinceCode,
        communeCode: p.communeCode,
        unitId: p.unitId,
        programmeType: programme.type,
        classEndDate: c.endDate,
        decisionNo: decisions.get(p.communeCode)!,
        decisionDate: c.decisionDate,
        status: cancelled
          ? ('cancelled' as const)
          : waitlisted
            ? ('waitlisted' as const)
            : pending
              ? ('pending_approval' as const)
              : ('nominated' as const),
        waitlistPosition: waitlisted ? i - seats + 1 : null,
        // One leader of Buôn Ma Thuột followed the online class at the province's bridge point.
        bridgePointId: c.mode === 'truc_tuyen' ? (i === 0 ? pointOf.get('tinh')! : (pointOf.get(p.communeCode) ?? null)) : null,
        cancelReason: cancelled ? 'Được phân công tiếp công dân trong thời gian học' : null,
        nominatedBy: `xa.${p.communeCode}`,
        approvedBy:
          c.requiresUnitHeadApproval && !cancelled && !waitlisted && !pending && p.unitId !== null ? (headOf.get(p.unitId) ?? null) : null,
      };
    });
    const inserted = await tx.insert(enrolments).values(rows).returning();
    result.enrolments += inserted.length;

    // Attendance (sessions held so far), scores and results.
    const held = sessions.filter((s) => c.status === 'finished' || s.date < today);
    if (!held.length) continue;
    const rule = {
      minAttendancePct: programme.min_attendance_pct ?? DEFAULT_COMPLETION_RULE.minAttendancePct,
      maxExcusedPct: programme.max_excused_pct ?? DEFAULT_COMPLETION_RULE.maxExcusedPct,
      passScore: Number(programme.pass_score ?? DEFAULT_COMPLETION_RULE.passScore),
    };
    const attendanceRows: (typeof attendance.$inferInsert)[] = [];
    const scoreRows: (typeof scores.$inferInsert)[] = [];
    for (const e of inserted.filter((x) => x.status === 'nominated')) {
      const rec = recordFor(rng, held.length, c.assessmentCount);
      held.forEach((s, i) =>
        attendanceRows.push({
          enrolmentId: e.id,
          sessionId: s.id,
          status: rec.attendance[i]!,
          bridgePointId: rec.attendance[i] === 'present' ? e.bridgePointId : null,
          recordedBy: c.org === 'HVCTQG' ? 'truong.hvctqg' : 'truong.66',
          recordedAt: new Date(`${s.date}T${s.endTime}:00+07:00`),
        }),
      );
      if (c.status !== 'finished') continue;
      rec.scores.forEach((score, k) =>
        scoreRows.push({
          enrolmentId: e.id,
          assessmentNo: k + 1,
          score,
          recordedBy: 'truong.66',
          recordedAt: new Date(`${c.endDate}T17:00:00+07:00`),
        }),
      );
      const out = completionOf({ attendance: rec.attendance, scores: rec.scores }, held.length, c.assessmentCount, rule);
      await tx
        .update(enrolments)
        .set({ result: out.result, finalScore: out.finalScore, resultRecordedAt: new Date(`${c.endDate}T17:30:00+07:00`) })
        .where(sql`${enrolments.id} = ${e.id}`);
    }
    for (let i = 0; i < attendanceRows.length; i += 1000) await tx.insert(attendance).values(attendanceRows.slice(i, i + 1000));
    for (let i = 0; i < scoreRows.length; i += 1000) await tx.insert(scores).values(scoreRows.slice(i, i + 1000));
  }

  await tx.execute(sql`
    insert into audit_log (action, entity_type, province_code, after)
    values (${MARKER}, 'system', '66', ${JSON.stringify({ classes: result.classes, enrolments: result.enrolments, skipped: result.skipped })}::jsonb)`);
  return result;
}
