/**
 * The national default set of commune job positions (vị trí việc làm) and their requirements.
 * Provinces and communes add their own. Requirements here are sensible defaults an admin edits.
 */
import type { Bloc, EduLevel, OfficialType, ProgrammeType, StudyField, TrainingField } from '@app/shared';

export interface DefaultPosition {
  code: string;
  name: string;
  bloc: Bloc;
  officialType: OfficialType;
  isLeader: boolean;
  requiredEduLevel: EduLevel | null;
  requiredStudyFields: StudyField[];
  requiredProgrammes: ProgrammeType[];
  trainingFields: TrainingField[];
  /** Kind of the default unit the position usually sits in (seed/demo helpers). */
  unitKind: string;
}

const LEAD: ProgrammeType[] = ['QLNN_LANHDAO'];
const ADMIN_FIELDS: StudyField[] = ['hanh_chinh', 'luat', 'kinh_te', 'chinh_tri_xay_dung_dang'];

export const DEFAULT_POSITIONS: DefaultPosition[] = [
  { code: 'BT_DU', name: 'Bí thư Đảng ủy', bloc: 'dang', officialType: 'can_bo', isLeader: true, requiredEduLevel: 'dai_hoc', requiredStudyFields: [], requiredProgrammes: LEAD, trainingFields: ['cong_tac_dang', 'ra_quyet_dinh', 'dan_van'], unitKind: 'dang_uy' },
  { code: 'PBT_DU', name: 'Phó Bí thư Đảng ủy', bloc: 'dang', officialType: 'can_bo', isLeader: true, requiredEduLevel: 'dai_hoc', requiredStudyFields: [], requiredProgrammes: LEAD, trainingFields: ['cong_tac_dang', 'dan_van'], unitKind: 'dang_uy' },
  { code: 'CT_HDND', name: 'Chủ tịch Hội đồng nhân dân', bloc: 'hdnd', officialType: 'can_bo', isLeader: true, requiredEduLevel: 'dai_hoc', requiredStudyFields: [], requiredProgrammes: LEAD, trainingFields: ['phap_luat', 'ra_quyet_dinh'], unitKind: 'hdnd' },
  { code: 'PCT_HDND', name: 'Phó Chủ tịch Hội đồng nhân dân', bloc: 'hdnd', officialType: 'can_bo', isLeader: true, requiredEduLevel: 'dai_hoc', requiredStudyFields: [], requiredProgrammes: LEAD, trainingFields: ['phap_luat'], unitKind: 'hdnd' },
  { code: 'TB_HDND', name: 'Trưởng ban của Hội đồng nhân dân', bloc: 'hdnd', officialType: 'can_bo', isLeader: true, requiredEduLevel: 'dai_hoc', requiredStudyFields: [], requiredProgrammes: LEAD, trainingFields: ['phap_luat', 'tai_chinh_ngan_sach'], unitKind: 'hdnd' },
  { code: 'CT_UBND', name: 'Chủ tịch Ủy ban nhân dân', bloc: 'ubnd', officialType: 'can_bo', isLeader: true, requiredEduLevel: 'dai_hoc', requiredStudyFields: [], requiredProgrammes: LEAD, trainingFields: ['quy_hoach_kt_xh', 'ra_quyet_dinh', 'chuyen_doi_so'], unitKind: 'ubnd' },
  { code: 'PCT_UBND', name: 'Phó Chủ tịch Ủy ban nhân dân', bloc: 'ubnd', officialType: 'can_bo', isLeader: true, requiredEduLevel: 'dai_hoc', requiredStudyFields: [], requiredProgrammes: LEAD, trainingFields: ['du_an_dau_tu_cong', 'tai_chinh_ngan_sach', 'dat_dai'], unitKind: 'ubnd' },
  { code: 'CT_MTTQ', name: 'Chủ tịch Ủy ban Mặt trận Tổ quốc', bloc: 'mttq', officialType: 'can_bo', isLeader: true, requiredEduLevel: 'dai_hoc', requiredStudyFields: [], requiredProgrammes: LEAD, trainingFields: ['dan_van', 'giai_quyet_mau_thuan'], unitKind: 'uy_ban_mttq' },
  { code: 'CVP', name: 'Chánh Văn phòng HĐND và UBND', bloc: 'ubnd', officialType: 'cong_chuc', isLeader: true, requiredEduLevel: 'dai_hoc', requiredStudyFields: ADMIN_FIELDS, requiredProgrammes: LEAD, trainingFields: ['thu_tuc_hanh_chinh', 'chuyen_doi_so', 'phoi_hop_lien_nganh'], unitKind: 'van_phong_hdnd_ubnd' },
  { code: 'PCVP', name: 'Phó Chánh Văn phòng HĐND và UBND', bloc: 'ubnd', officialType: 'cong_chuc', isLeader: true, requiredEduLevel: 'dai_hoc', requiredStudyFields: ADMIN_FIELDS, requiredProgrammes: LEAD, trainingFields: ['thu_tuc_hanh_chinh', 'giao_tiep_hanh_chinh'], unitKind: 'van_phong_hdnd_ubnd' },
  { code: 'TP_KT', name: 'Trưởng phòng Kinh tế', bloc: 'ubnd', officialType: 'cong_chuc', isLeader: true, requiredEduLevel: 'dai_hoc', requiredStudyFields: ['kinh_te', 'tai_chinh_ke_toan', 'xay_dung_kien_truc', 'dat_dai_moi_truong', 'nong_lam_thuy_san'], requiredProgrammes: LEAD, trainingFields: ['quy_hoach_kt_xh', 'du_an_dau_tu_cong', 'dau_thau'], unitKind: 'phong_kinh_te' },
  { code: 'TP_VHXH', name: 'Trưởng phòng Văn hóa – Xã hội', bloc: 'ubnd', officialType: 'cong_chuc', isLeader: true, requiredEduLevel: 'dai_hoc', requiredStudyFields: ['van_hoa_du_lich', 'xa_hoi_cong_tac_xa_hoi', 'giao_duc', 'y_te', 'hanh_chinh'], requiredProgrammes: LEAD, trainingFields: ['an_sinh_xa_hoi', 'du_lich_cong_dong', 'truyen_thong_chinh_sach'], unitKind: 'phong_van_hoa_xa_hoi' },
  { code: 'GD_TTPVHCC', name: 'Giám đốc Trung tâm phục vụ hành chính công', bloc: 'ubnd', officialType: 'cong_chuc', isLeader: true, requiredEduLevel: 'dai_hoc', requiredStudyFields: ['hanh_chinh', 'luat', 'cong_nghe_thong_tin'], requiredProgrammes: LEAD, trainingFields: ['thu_tuc_hanh_chinh', 'chuyen_doi_so', 'giao_tiep_hanh_chinh'], unitKind: 'trung_tam_phvhcc' },
  { code: 'CV_VP', name: 'Chuyên viên tổng hợp, Văn phòng HĐND và UBND', bloc: 'ubnd', officialType: 'cong_chuc', isLeader: false, requiredEduLevel: 'dai_hoc', requiredStudyFields: ADMIN_FIELDS, requiredProgrammes: [], trainingFields: ['thu_tuc_hanh_chinh', 'du_lieu_cong_cu_so'], unitKind: 'van_phong_hdnd_ubnd' },
  { code: 'CV_TP', name: 'Chuyên viên tư pháp – hộ tịch', bloc: 'ubnd', officialType: 'cong_chuc', isLeader: false, requiredEduLevel: 'dai_hoc', requiredStudyFields: ['luat'], requiredProgrammes: [], trainingFields: ['phap_luat', 'khieu_nai_to_cao', 'thu_tuc_hanh_chinh'], unitKind: 'van_phong_hdnd_ubnd' },
  { code: 'CV_TCKT', name: 'Chuyên viên tài chính – kế toán', bloc: 'ubnd', officialType: 'cong_chuc', isLeader: false, requiredEduLevel: 'dai_hoc', requiredStudyFields: ['tai_chinh_ke_toan', 'kinh_te'], requiredProgrammes: [], trainingFields: ['tai_chinh_ngan_sach', 'dau_thau'], unitKind: 'phong_kinh_te' },
  { code: 'CV_DCXD', name: 'Chuyên viên địa chính – xây dựng – đô thị', bloc: 'ubnd', officialType: 'cong_chuc', isLeader: false, requiredEduLevel: 'dai_hoc', requiredStudyFields: ['dat_dai_moi_truong', 'xay_dung_kien_truc'], requiredProgrammes: [], trainingFields: ['dat_dai', 'trat_tu_xay_dung', 'quy_hoach_kt_xh'], unitKind: 'phong_kinh_te' },
  { code: 'CV_NNMT', name: 'Chuyên viên nông nghiệp – môi trường', bloc: 'ubnd', officialType: 'cong_chuc', isLeader: false, requiredEduLevel: 'dai_hoc', requiredStudyFields: ['nong_lam_thuy_san', 'dat_dai_moi_truong', 'kinh_te'], requiredProgrammes: [], trainingFields: ['kinh_te_so_nong_nghiep', 'ung_pho_thien_tai'], unitKind: 'phong_kinh_te' },
  { code: 'CV_VHXH', name: 'Chuyên viên văn hóa – xã hội', bloc: 'ubnd', officialType: 'cong_chuc', isLeader: false, requiredEduLevel: 'dai_hoc', requiredStudyFields: ['van_hoa_du_lich', 'xa_hoi_cong_tac_xa_hoi', 'giao_duc', 'y_te'], requiredProgrammes: [], trainingFields: ['an_sinh_xa_hoi', 'du_lich_cong_dong', 'truyen_thong_chinh_sach'], unitKind: 'phong_van_hoa_xa_hoi' },
  { code: 'CV_CDS', name: 'Chuyên viên chuyển đổi số', bloc: 'ubnd', officialType: 'cong_chuc', isLeader: false, requiredEduLevel: 'dai_hoc', requiredStudyFields: ['cong_nghe_thong_tin'], requiredProgrammes: [], trainingFields: ['chuyen_doi_so', 'du_lieu_cong_cu_so'], unitKind: 'phong_van_hoa_xa_hoi' },
  { code: 'CV_PVHCC', name: 'Công chức tiếp nhận và trả kết quả thủ tục hành chính', bloc: 'ubnd', officialType: 'cong_chuc', isLeader: false, requiredEduLevel: 'dai_hoc', requiredStudyFields: ['hanh_chinh', 'luat', 'cong_nghe_thong_tin'], requiredProgrammes: [], trainingFields: ['thu_tuc_hanh_chinh', 'giao_tiep_hanh_chinh', 'chuyen_doi_so'], unitKind: 'trung_tam_phvhcc' },
  { code: 'CV_QSCA', name: 'Công chức phụ trách quốc phòng – an ninh', bloc: 'ubnd', officialType: 'cong_chuc', isLeader: false, requiredEduLevel: 'trung_cap', requiredStudyFields: ['quoc_phong_an_ninh', 'luat'], requiredProgrammes: [], trainingFields: ['quoc_phong_an_ninh', 'ung_pho_thien_tai'], unitKind: 'van_phong_hdnd_ubnd' },
  { code: 'CV_DANG', name: 'Chuyên viên Văn phòng Đảng ủy, Ban Xây dựng Đảng', bloc: 'dang', officialType: 'cong_chuc', isLeader: false, requiredEduLevel: 'dai_hoc', requiredStudyFields: ['chinh_tri_xay_dung_dang', 'hanh_chinh', 'luat'], requiredProgrammes: [], trainingFields: ['cong_tac_dang', 'dan_van'], unitKind: 'van_phong_dang_uy' },
  { code: 'CV_MTTQ', name: 'Chuyên viên Ủy ban MTTQ và các đoàn thể', bloc: 'mttq', officialType: 'cong_chuc', isLeader: false, requiredEduLevel: 'dai_hoc', requiredStudyFields: [], requiredProgrammes: [], trainingFields: ['dan_van', 'giai_quyet_mau_thuan', 'truyen_thong_chinh_sach'], unitKind: 'uy_ban_mttq' },
];
