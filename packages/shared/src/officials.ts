/** SPEC §3: code lists of the officials registry (values stored; labels shown). */

export const OFFICIAL_TYPES = ['can_bo', 'cong_chuc'] as const;
export type OfficialType = (typeof OFFICIAL_TYPES)[number];
export const OFFICIAL_TYPE_LABELS: Record<OfficialType, string> = { can_bo: 'Cán bộ', cong_chuc: 'Công chức' };

export const GENDERS = ['nam', 'nu'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = { nam: 'Nam', nu: 'Nữ' };

export const OFFICIAL_STATUSES = ['dang_cong_tac', 'nghi_huu', 'chuyen_cong_tac', 'thoi_viec'] as const;
export type OfficialStatus = (typeof OFFICIAL_STATUSES)[number];
export const OFFICIAL_STATUS_LABELS: Record<OfficialStatus, string> = {
  dang_cong_tac: 'Đang công tác',
  nghi_huu: 'Nghỉ hưu',
  chuyen_cong_tac: 'Chuyển công tác',
  thoi_viec: 'Thôi việc',
};

/** Levels of professional education, lowest first (order matters for "meets the requirement"). */
export const EDU_LEVELS = ['trung_cap', 'cao_dang', 'dai_hoc', 'thac_si', 'tien_si'] as const;
export type EduLevel = (typeof EDU_LEVELS)[number];
export const EDU_LEVEL_LABELS: Record<EduLevel, string> = {
  trung_cap: 'Trung cấp',
  cao_dang: 'Cao đẳng',
  dai_hoc: 'Đại học',
  thac_si: 'Thạc sĩ',
  tien_si: 'Tiến sĩ',
};

export const POLITICAL_THEORY_LEVELS = ['so_cap', 'trung_cap', 'cao_cap', 'cu_nhan'] as const;
export type PoliticalTheoryLevel = (typeof POLITICAL_THEORY_LEVELS)[number];
export const POLITICAL_THEORY_LABELS: Record<PoliticalTheoryLevel, string> = {
  so_cap: 'Sơ cấp',
  trung_cap: 'Trung cấp',
  cao_cap: 'Cao cấp',
  cu_nhan: 'Cử nhân',
};

/** State-management certificate levels (chương trình chuyên viên …). */
export const STATE_MGMT_LEVELS = ['chuyen_vien', 'chuyen_vien_chinh', 'chuyen_vien_cao_cap'] as const;
export type StateMgmtLevel = (typeof STATE_MGMT_LEVELS)[number];
export const STATE_MGMT_LABELS: Record<StateMgmtLevel, string> = {
  chuyen_vien: 'Chuyên viên',
  chuyen_vien_chinh: 'Chuyên viên chính',
  chuyen_vien_cao_cap: 'Chuyên viên cao cấp',
};

/** Fields of study (chuyên ngành đào tạo) used by position requirements. */
export const STUDY_FIELDS = [
  'luat',
  'hanh_chinh',
  'kinh_te',
  'tai_chinh_ke_toan',
  'xay_dung_kien_truc',
  'dat_dai_moi_truong',
  'nong_lam_thuy_san',
  'van_hoa_du_lich',
  'xa_hoi_cong_tac_xa_hoi',
  'giao_duc',
  'y_te',
  'cong_nghe_thong_tin',
  'chinh_tri_xay_dung_dang',
  'quoc_phong_an_ninh',
  'khac',
] as const;
export type StudyField = (typeof STUDY_FIELDS)[number];
export const STUDY_FIELD_LABELS: Record<StudyField, string> = {
  luat: 'Luật',
  hanh_chinh: 'Hành chính, quản lý nhà nước',
  kinh_te: 'Kinh tế',
  tai_chinh_ke_toan: 'Tài chính, kế toán',
  xay_dung_kien_truc: 'Xây dựng, kiến trúc, quy hoạch',
  dat_dai_moi_truong: 'Đất đai, tài nguyên và môi trường',
  nong_lam_thuy_san: 'Nông, lâm, thủy sản',
  van_hoa_du_lich: 'Văn hóa, thể thao, du lịch',
  xa_hoi_cong_tac_xa_hoi: 'Xã hội học, công tác xã hội',
  giao_duc: 'Giáo dục',
  y_te: 'Y tế',
  cong_nghe_thong_tin: 'Công nghệ thông tin',
  chinh_tri_xay_dung_dang: 'Chính trị, xây dựng Đảng',
  quoc_phong_an_ninh: 'Quốc phòng, an ninh',
  khac: 'Ngành khác',
};

/** Programme types (SPEC §5). */
export const PROGRAMME_TYPES = ['CMCN', 'QLNN_LANHDAO', 'QLNN_CHUNG', 'CMNV', 'KNBT', 'CAPNHAT', 'KHAC'] as const;
export type ProgrammeType = (typeof PROGRAMME_TYPES)[number];
export const PROGRAMME_TYPE_LABELS: Record<ProgrammeType, string> = {
  CMCN: 'Bồi dưỡng kiến thức chuyên môn chuyên ngành (3 tháng)',
  QLNN_LANHDAO: 'Quản lý nhà nước đối với lãnh đạo, quản lý',
  QLNN_CHUNG: 'Kiến thức chung về quản lý nhà nước (2 tuần)',
  CMNV: 'Chuyên môn, nghiệp vụ theo lĩnh vực (2–5 ngày)',
  KNBT: 'Kỹ năng bổ trợ (2–5 ngày)',
  CAPNHAT: 'Cập nhật kiến thức, kỹ năng (giai đoạn 2)',
  KHAC: 'Bồi dưỡng khác, thường xuyên',
};

/** Training fields (lĩnh vực bồi dưỡng), SPEC §5. */
export const TRAINING_FIELDS = [
  'quy_hoach_kt_xh',
  'du_an_dau_tu_cong',
  'tai_chinh_ngan_sach',
  'dau_thau',
  'dat_dai',
  'trat_tu_xay_dung',
  'an_sinh_xa_hoi',
  'du_lich_cong_dong',
  'quan_tri_rui_ro_xa_hoi',
  'kinh_te_so_nong_nghiep',
  'khieu_nai_to_cao',
  'cong_tac_dang',
  'thu_tuc_hanh_chinh',
  'giao_tiep_hanh_chinh',
  'ra_quyet_dinh',
  'giai_quyet_mau_thuan',
  'du_lieu_cong_cu_so',
  'chuyen_doi_so',
  'phap_luat',
  'dao_duc_cong_vu',
  'truyen_thong_chinh_sach',
  'phoi_hop_lien_nganh',
  'dan_van',
  'quoc_phong_an_ninh',
  'ung_pho_thien_tai',
] as const;
export type TrainingField = (typeof TRAINING_FIELDS)[number];
export const TRAINING_FIELD_LABELS: Record<TrainingField, string> = {
  quy_hoach_kt_xh: 'Quy hoạch phát triển kinh tế – xã hội',
  du_an_dau_tu_cong: 'Quản lý dự án đầu tư công',
  tai_chinh_ngan_sach: 'Tài chính – ngân sách',
  dau_thau: 'Đấu thầu',
  dat_dai: 'Đất đai',
  trat_tu_xay_dung: 'Trật tự xây dựng',
  an_sinh_xa_hoi: 'An sinh xã hội',
  du_lich_cong_dong: 'Du lịch cộng đồng',
  quan_tri_rui_ro_xa_hoi: 'Quản trị rủi ro xã hội',
  kinh_te_so_nong_nghiep: 'Kinh tế số nông nghiệp, nông thôn',
  khieu_nai_to_cao: 'Khiếu nại, tố cáo',
  cong_tac_dang: 'Công tác Đảng',
  thu_tuc_hanh_chinh: 'Thủ tục hành chính',
  giao_tiep_hanh_chinh: 'Giao tiếp hành chính',
  ra_quyet_dinh: 'Ra quyết định',
  giai_quyet_mau_thuan: 'Giải quyết mâu thuẫn',
  du_lieu_cong_cu_so: 'Dữ liệu và công cụ số',
  chuyen_doi_so: 'Chuyển đổi số',
  phap_luat: 'Pháp luật',
  dao_duc_cong_vu: 'Đạo đức công vụ, văn hóa công sở, liêm chính',
  truyen_thong_chinh_sach: 'Truyền thông chính sách',
  phoi_hop_lien_nganh: 'Phối hợp liên ngành',
  dan_van: 'Dân vận',
  quoc_phong_an_ninh: 'Quốc phòng – an ninh',
  ung_pho_thien_tai: 'Ứng phó thiên tai',
};

/** Phases of Decision 700 (SPEC §9). */
export const PHASES = {
  1: { start: '2026-01-01', end: '2028-12-31' },
  2: { start: '2029-01-01', end: '2031-12-31' },
} as const;
export type Phase = keyof typeof PHASES;
export function phaseOf(date: string): Phase | null {
  if (date >= PHASES[1].start && date <= PHASES[1].end) return 1;
  if (date >= PHASES[2].start && date <= PHASES[2].end) return 2;
  return null;
}

/** CCCD shown to people outside the person's admin scope: only the last 3 digits. */
export function maskCccd(cccd: string | null): string | null {
  if (!cccd) return null;
  return `${'•'.repeat(Math.max(0, cccd.length - 3))}${cccd.slice(-3)}`;
}
