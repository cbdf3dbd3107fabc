/**
 * Demo instructor and speaker pool (SPEC §12): invented people of the national academy (HVCTQG),
 * Đắk Lắk's political school (TCT.66, with speakers from province departments in its pool) and one
 * ministry speaker outside any training organisation. Idempotent by (name, organisation).
 */
import type { InstructorKind, TrainingField } from '@app/shared';
import type { DbOrTx } from '../../db/client.ts';
import { findTrainingOrgByCode } from '../units/units.repository.ts';
import { insertInstructorIfMissing } from './instructors.repository.ts';

interface DemoInstructor {
  org: 'HVCTQG' | 'TCT.66' | null;
  fullName: string;
  kind: InstructorKind;
  title: string;
  organisation: string | null;
  fields: TrainingField[];
  email: string | null;
}

export const DEMO_INSTRUCTORS: readonly DemoInstructor[] = [
  {
    org: 'HVCTQG',
    fullName: 'Nguyễn Minh Tuấn',
    kind: 'giang_vien',
    title: 'PGS.TS, Giảng viên cao cấp',
    organisation: 'Viện Nhà nước và Pháp luật',
    fields: ['phap_luat', 'ra_quyet_dinh'],
    email: 'tuan.nm@hvctqg.example.vn',
  },
  {
    org: 'HVCTQG',
    fullName: 'Trần Thị Lan Anh',
    kind: 'giang_vien',
    title: 'TS, Giảng viên chính',
    organisation: 'Viện Chính trị học',
    fields: ['chuyen_doi_so', 'du_lieu_cong_cu_so'],
    email: 'anh.ttl@hvctqg.example.vn',
  },
  {
    org: 'HVCTQG',
    fullName: 'Lê Quang Huy',
    kind: 'giang_vien',
    title: 'PGS.TS, Giảng viên cao cấp',
    organisation: 'Viện Xây dựng Đảng',
    fields: ['cong_tac_dang', 'dan_van'],
    email: null,
  },
  {
    org: 'HVCTQG',
    fullName: 'Phạm Thu Trang',
    kind: 'giang_vien',
    title: 'TS, Giảng viên chính',
    organisation: 'Viện Quản lý công',
    fields: ['giao_tiep_hanh_chinh', 'dao_duc_cong_vu'],
    email: null,
  },
  {
    org: 'HVCTQG',
    fullName: 'Hoàng Văn Nam',
    kind: 'giang_vien',
    title: 'TS, Giảng viên',
    organisation: 'Viện Xã hội học và Phát triển',
    fields: ['quan_tri_rui_ro_xa_hoi', 'giai_quyet_mau_thuan'],
    email: null,
  },
  {
    org: 'HVCTQG',
    fullName: 'Đỗ Thị Hồng Nhung',
    kind: 'bao_cao_vien',
    title: 'ThS, Báo cáo viên',
    organisation: 'Viện Văn hóa và Phát triển',
    fields: ['truyen_thong_chinh_sach'],
    email: null,
  },
  {
    org: 'TCT.66',
    fullName: 'Y Bhim Niê',
    kind: 'giang_vien',
    title: 'ThS, Giảng viên chính',
    organisation: 'Khoa Dân vận – Xây dựng Đảng',
    fields: ['dan_van', 'an_sinh_xa_hoi'],
    email: 'bhim.ny@tct66.example.vn',
  },
  {
    org: 'TCT.66',
    fullName: 'H’Yên Mlô',
    kind: 'giang_vien',
    title: 'ThS, Giảng viên',
    organisation: 'Khoa Nhà nước và Pháp luật',
    fields: ['du_lich_cong_dong', 'phap_luat'],
    email: null,
  },
  {
    org: 'TCT.66',
    fullName: 'Nguyễn Đình Khôi',
    kind: 'giang_vien',
    title: 'ThS, Giảng viên chính',
    organisation: 'Khoa Nhà nước và Pháp luật',
    fields: ['dat_dai', 'trat_tu_xay_dung'],
    email: null,
  },
  {
    org: 'TCT.66',
    fullName: 'Võ Thị Mai Hương',
    kind: 'giang_vien',
    title: 'Giảng viên',
    organisation: 'Khoa Lý luận cơ sở',
    fields: ['thu_tuc_hanh_chinh', 'giao_tiep_hanh_chinh'],
    email: null,
  },
  {
    org: 'TCT.66',
    fullName: 'Bùi Văn Lực',
    kind: 'bao_cao_vien',
    title: 'Phó Giám đốc Sở',
    organisation: 'Sở Tài chính tỉnh Đắk Lắk',
    fields: ['tai_chinh_ngan_sach', 'dau_thau'],
    email: null,
  },
  {
    org: 'TCT.66',
    fullName: 'Lương Thị Thảo',
    kind: 'bao_cao_vien',
    title: 'Trưởng phòng',
    organisation: 'Sở Nông nghiệp và Môi trường tỉnh Đắk Lắk',
    fields: ['kinh_te_so_nong_nghiep', 'ung_pho_thien_tai'],
    email: null,
  },
  {
    org: null,
    fullName: 'Đặng Hữu Phước',
    kind: 'bao_cao_vien',
    title: 'Phó Vụ trưởng',
    organisation: 'Vụ Chính quyền địa phương, Bộ Nội vụ',
    fields: ['phap_luat', 'phoi_hop_lien_nganh'],
    email: null,
  },
];

/** Inserts the demo pool where missing; returns how many were added. */
export async function seedDemoInstructors(tx: DbOrTx): Promise<number> {
  const orgId = new Map<string, number>();
  for (const code of ['HVCTQG', 'TCT.66']) {
    const org = await findTrainingOrgByCode(tx, code);
    if (org) orgId.set(code, org.id);
  }
  let added = 0;
  for (const d of DEMO_INSTRUCTORS) {
    const id = d.org ? orgId.get(d.org) : null;
    if (id === undefined) continue; // reference data without that organisation: nothing to attach to
    const inserted = await insertInstructorIfMissing(tx, {
      fullName: d.fullName,
      kind: d.kind,
      orgId: id,
      organisation: d.organisation,
      title: d.title,
      fields: d.fields,
      email: d.email,
      phone: null,
      active: true,
    });
    if (inserted) added++;
  }
  return added;
}
