/** SPEC §2: the default agencies every commune has, and commune-type normalisation. */
import type { Bloc, CommuneType } from '@app/shared';

export interface DefaultUnit {
  kind: string;
  name: string;
  bloc: Bloc;
  /** kind of the parent unit, if the unit sits under another (e.g. offices under UBND). */
  parentKind?: string;
  sortOrder: number;
}

/**
 * The agencies of a commune after the 2025 reform. Phường use "Phòng Kinh tế, Hạ tầng và Đô thị"
 * in place of "Phòng Kinh tế".
 */
export function defaultUnitsFor(type: CommuneType): DefaultUnit[] {
  const economy =
    type === 'phuong'
      ? { kind: 'phong_kinh_te', name: 'Phòng Kinh tế, Hạ tầng và Đô thị' }
      : { kind: 'phong_kinh_te', name: 'Phòng Kinh tế' };
  return [
    { kind: 'dang_uy', name: 'Đảng ủy', bloc: 'dang', sortOrder: 10 },
    { kind: 'van_phong_dang_uy', name: 'Văn phòng Đảng ủy', bloc: 'dang', parentKind: 'dang_uy', sortOrder: 11 },
    { kind: 'ban_xay_dung_dang', name: 'Ban Xây dựng Đảng', bloc: 'dang', parentKind: 'dang_uy', sortOrder: 12 },
    { kind: 'ubkt_dang_uy', name: 'Ủy ban Kiểm tra Đảng ủy', bloc: 'dang', parentKind: 'dang_uy', sortOrder: 13 },
    { kind: 'hdnd', name: 'Hội đồng nhân dân', bloc: 'hdnd', sortOrder: 20 },
    { kind: 'ubnd', name: 'Ủy ban nhân dân', bloc: 'ubnd', sortOrder: 30 },
    { kind: 'van_phong_hdnd_ubnd', name: 'Văn phòng HĐND và UBND', bloc: 'ubnd', parentKind: 'ubnd', sortOrder: 31 },
    { ...economy, bloc: 'ubnd', parentKind: 'ubnd', sortOrder: 32 },
    { kind: 'phong_van_hoa_xa_hoi', name: 'Phòng Văn hóa – Xã hội', bloc: 'ubnd', parentKind: 'ubnd', sortOrder: 33 },
    { kind: 'trung_tam_phvhcc', name: 'Trung tâm phục vụ hành chính công', bloc: 'ubnd', parentKind: 'ubnd', sortOrder: 34 },
    { kind: 'uy_ban_mttq', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam', bloc: 'mttq', sortOrder: 40 },
    { kind: 'doan_the', name: 'Các tổ chức chính trị – xã hội', bloc: 'mttq', parentKind: 'uy_ban_mttq', sortOrder: 41 },
  ];
}

/** Source data spells types "Xã", "xã", "Phường", "Đặc khu". */
export function communeTypeFromLabel(label: string): CommuneType {
  const l = label.normalize('NFC').trim().toLowerCase();
  if (l === 'phường') return 'phuong';
  if (l === 'đặc khu') return 'dac_khu';
  if (l === 'xã') return 'xa';
  throw new Error(`Loại đơn vị hành chính không xác định: ${label}`);
}
