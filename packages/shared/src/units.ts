/** SPEC §2: organisation model. */
export const COMMUNE_TYPES = ['xa', 'phuong', 'dac_khu'] as const;
export type CommuneType = (typeof COMMUNE_TYPES)[number];
export const COMMUNE_TYPE_LABELS: Record<CommuneType, string> = {
  xa: 'Xã',
  phuong: 'Phường',
  dac_khu: 'Đặc khu',
};

export const REGION_TYPES = ['do_thi', 'nong_thon', 'mien_nui_dtts', 'bien_gioi_hai_dao'] as const;
export type RegionType = (typeof REGION_TYPES)[number];
export const REGION_TYPE_LABELS: Record<RegionType, string> = {
  do_thi: 'Đô thị',
  nong_thon: 'Nông thôn',
  mien_nui_dtts: 'Miền núi, vùng đồng bào dân tộc thiểu số',
  bien_gioi_hai_dao: 'Biên giới, hải đảo',
};

/** Default region type by commune type (SPEC §2); a province admin may change it per commune. */
export function defaultRegionType(type: CommuneType): RegionType {
  if (type === 'phuong') return 'do_thi';
  if (type === 'dac_khu') return 'bien_gioi_hai_dao';
  return 'nong_thon';
}

/** Area classes of ethnic-minority and mountainous communes (Decision 60/QĐ-BDTTG). */
export const AREA_CLASSES = ['I', 'II', 'III'] as const;
export type AreaClass = (typeof AREA_CLASSES)[number];

/** Political-system blocs an agency belongs to (SPEC §3 "khối"). */
export const BLOCS = ['dang', 'hdnd', 'ubnd', 'mttq'] as const;
export type Bloc = (typeof BLOCS)[number];
export const BLOC_LABELS: Record<Bloc, string> = {
  dang: 'Khối Đảng',
  hdnd: 'Khối HĐND',
  ubnd: 'Khối UBND',
  mttq: 'Khối MTTQ và đoàn thể',
};

export const TRAINING_ORG_KINDS = [
  'hoc_vien',
  'truong_chinh_tri',
  'dai_hoc',
  'truong_bo_nganh',
  'khac',
] as const;
export type TrainingOrgKind = (typeof TRAINING_ORG_KINDS)[number];
export const TRAINING_ORG_KIND_LABELS: Record<TrainingOrgKind, string> = {
  hoc_vien: 'Học viện',
  truong_chinh_tri: 'Trường chính trị tỉnh, thành phố',
  dai_hoc: 'Trường đại học',
  truong_bo_nganh: 'Trường của bộ, ngành',
  khac: 'Cơ sở khác',
};
