/**
 * Builds a plausible commune roster (demo data and the national benchmark dataset share it):
 * the commune's leaders, heads of offices and specialists, with qualifications that mostly fit
 * their position, some that do not (below standard), and some affected by the reorganisation.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { EduLevel, StudyField } from '@app/shared';
import { DEFAULT_POSITIONS, type DefaultPosition } from '../modules/positions/positions.rules.ts';
import { computeMeetsRequirement, givenNameOf, isBelowStandard } from '../modules/officials/officials.rules.ts';
import { makePerson, pick, randomDate, type Rng } from './names.ts';

export interface RosterOfficial {
  id: string;
  province_code: string;
  commune_code: string;
  unit_id: number | null;
  position_id: number;
  full_name: string;
  given_name: string;
  birth_date: string;
  gender: 'nam' | 'nu';
  cccd: string;
  phone: string;
  official_type: 'can_bo' | 'cong_chuc';
  is_leader: boolean;
  leader_title: string | null;
  bloc: string;
  edu_level: EduLevel;
  study_field: StudyField;
  political_theory: string | null;
  state_mgmt_level: string | null;
  joined_at: string;
  meets_requirement_computed: boolean | null;
  below_standard: boolean;
  affected_by_reorg: boolean;
}

const SINGLE_POSTS = ['BT_DU', 'PBT_DU', 'CT_HDND', 'PCT_HDND', 'CT_UBND', 'PCT_UBND', 'PCT_UBND', 'CT_MTTQ', 'CVP', 'PCVP', 'TP_KT', 'TP_VHXH', 'GD_TTPVHCC', 'TB_HDND'];
const STAFF_POSTS = ['CV_VP', 'CV_VP', 'CV_TP', 'CV_TCKT', 'CV_TCKT', 'CV_DCXD', 'CV_DCXD', 'CV_NNMT', 'CV_VHXH', 'CV_VHXH', 'CV_CDS', 'CV_PVHCC', 'CV_PVHCC', 'CV_PVHCC', 'CV_QSCA', 'CV_DANG', 'CV_DANG', 'CV_MTTQ', 'CV_MTTQ'];
const ALL_FIELDS: StudyField[] = ['luat', 'hanh_chinh', 'kinh_te', 'tai_chinh_ke_toan', 'xay_dung_kien_truc', 'dat_dai_moi_truong', 'nong_lam_thuy_san', 'van_hoa_du_lich', 'xa_hoi_cong_tac_xa_hoi', 'giao_duc', 'cong_nghe_thong_tin', 'chinh_tri_xay_dung_dang', 'khac'];

/** RFC 4122 v4-shaped id from the generator (deterministic datasets). */
export function uuidFrom(rng: Rng): string {
  const h = Array.from({ length: 32 }, () => Math.floor(rng() * 16).toString(16));
  h[12] = '4';
  h[16] = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

export interface RosterContext {
  provinceCode: string;
  communeCode: string;
  size: number;
  /** default unit ids of the commune by kind */
  unitIds: Map<string, number>;
  /** national position ids by code */
  positionIds: Map<string, number>;
  /** share of officials whose qualification misses the position's requirement */
  belowShare: number;
  reorgShare: number;
  highlandShare: number;
  /** sequence used to make CCCD numbers unique nationally */
  cccdSeq: () => number;
}

export function generateRoster(rng: Rng, ctx: RosterContext): RosterOfficial[] {
  const byCode = new Map(DEFAULT_POSITIONS.map((p) => [p.code, p]));
  const posts: DefaultPosition[] = SINGLE_POSTS.map((c) => byCode.get(c)!);
  while (posts.length < ctx.size) posts.push(byCode.get(STAFF_POSTS[posts.length % STAFF_POSTS.length]!)!);
  return posts.slice(0, ctx.size).map((p) => {
    const person = makePerson(rng, ctx.highlandShare);
    const below = rng() < ctx.belowShare;
    let eduLevel: EduLevel = rng() < 0.12 ? 'thac_si' : 'dai_hoc';
    let studyField: StudyField = p.requiredStudyFields.length ? pick(rng, p.requiredStudyFields) : pick(rng, ALL_FIELDS);
    if (below) {
      if (p.requiredStudyFields.length && rng() < 0.7) studyField = pick(rng, ALL_FIELDS.filter((f) => !p.requiredStudyFields.includes(f)));
      else eduLevel = rng() < 0.5 ? 'trung_cap' : 'cao_dang';
    }
    const computed = computeMeetsRequirement({ eduLevel, studyField }, { requiredEduLevel: p.requiredEduLevel, requiredStudyFields: p.requiredStudyFields });
    const birth = randomDate(rng, '1966-01-01', '2000-12-31');
    const joinedFrom = `${Math.max(Number(birth.slice(0, 4)) + 22, 1990)}-01-01`;
    const seq = ctx.cccdSeq();
    return {
      id: uuidFrom(rng),
      province_code: ctx.provinceCode,
      commune_code: ctx.communeCode,
      unit_id: ctx.unitIds.get(p.unitKind) ?? null,
      position_id: ctx.positionIds.get(p.code)!,
      full_name: person.fullName,
      given_name: givenNameOf(person.fullName),
      birth_date: birth,
      gender: person.gender,
      // 12 digits: province code of birth registration (0 + province), gender/century digit, year, sequence.
      cccd: `0${ctx.provinceCode}${person.gender === 'nam' ? '0' : '1'}${birth.slice(2, 4)}${String(seq).padStart(6, '0')}`.slice(0, 12),
      phone: `09${String(Math.floor(rng() * 1e8)).padStart(8, '0')}`,
      official_type: p.officialType,
      is_leader: p.isLeader,
      leader_title: p.isLeader ? p.name : null,
      bloc: p.bloc,
      edu_level: eduLevel,
      study_field: studyField,
      political_theory: p.isLeader ? 'cao_cap' : rng() < 0.6 ? 'trung_cap' : 'so_cap',
      state_mgmt_level: p.isLeader ? 'chuyen_vien_chinh' : rng() < 0.5 ? 'chuyen_vien' : null,
      joined_at: randomDate(rng, joinedFrom < '2024-12-31' ? joinedFrom : '2015-01-01', '2025-06-30'),
      meets_requirement_computed: computed,
      below_standard: isBelowStandard(computed, null),
      affected_by_reorg: rng() < ctx.reorgShare,
    };
  });
}

type Exec = { execute: (q: SQL) => Promise<unknown> };

/** Bulk insert of generated officials with their first assignment, status and flag periods (one statement each). */
export async function insertRoster(tx: Exec, rows: RosterOfficial[], since = '2025-07-01'): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows);
  await tx.execute(sql`
    insert into officials (id, province_code, commune_code, unit_id, position_id, full_name, given_name, birth_date, gender,
      cccd, phone, official_type, is_leader, leader_title, bloc, edu_level, study_field, political_theory, state_mgmt_level,
      joined_at, meets_requirement_computed, below_standard, affected_by_reorg, updated_by)
    select id, province_code, commune_code, unit_id, position_id, full_name, given_name, birth_date, gender,
      cccd, phone, official_type, is_leader, leader_title, bloc, edu_level, study_field, political_theory, state_mgmt_level,
      joined_at, meets_requirement_computed, below_standard, affected_by_reorg, 'he-thong'
    from jsonb_to_recordset(${json}::jsonb) as x(id uuid, province_code text, commune_code text, unit_id int, position_id int,
      full_name text, given_name text, birth_date date, gender text, cccd text, phone text, official_type text, is_leader boolean,
      leader_title text, bloc text, edu_level text, study_field text, political_theory text, state_mgmt_level text, joined_at date,
      meets_requirement_computed boolean, below_standard boolean, affected_by_reorg boolean)`);
  await tx.execute(sql`
    insert into official_assignments (official_id, province_code, commune_code, unit_id, position_id, from_date, reason, created_by)
    select id, province_code, commune_code, unit_id, position_id, ${since}::date, 'Bố trí khi sắp xếp đơn vị hành chính', 'he-thong'
    from jsonb_to_recordset(${json}::jsonb) as x(id uuid, province_code text, commune_code text, unit_id int, position_id int)`);
  await tx.execute(sql`
    insert into official_status_history (official_id, province_code, status, from_date, reason, changed_by)
    select id, province_code, 'dang_cong_tac', ${since}::date, 'Bố trí khi sắp xếp đơn vị hành chính', 'he-thong'
    from jsonb_to_recordset(${json}::jsonb) as x(id uuid, province_code text)`);
  await tx.execute(sql`
    insert into official_flags (official_id, province_code, commune_code, flag, from_date, set_by, set_reason)
    select id, province_code, commune_code, 'below_standard', ${since}::date, 'he-thong', 'Rà soát khi bố trí vị trí việc làm mới'
    from jsonb_to_recordset(${json}::jsonb) as x(id uuid, province_code text, commune_code text, below_standard boolean)
    where below_standard
    union all
    select id, province_code, commune_code, 'affected_by_reorg', ${since}::date, 'he-thong', 'Chịu tác động của sắp xếp tổ chức bộ máy'
    from jsonb_to_recordset(${json}::jsonb) as x(id uuid, province_code text, commune_code text, affected_by_reorg boolean)
    where affected_by_reorg`);
}
