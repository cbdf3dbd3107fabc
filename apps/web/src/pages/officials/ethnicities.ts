/**
 * The 54 ethnic groups of Viet Nam with the statistics office's codes (Danh mục các dân tộc Việt
 * Nam, Quyết định 121-TCTK/PPCĐ), stored as two-digit codes (SPEC §3: store which code list).
 */
const NAMES = [
  'Kinh',
  'Tày',
  'Thái',
  'Hoa',
  'Khmer',
  'Mường',
  'Nùng',
  'Mông',
  'Dao',
  'Gia Rai',
  'Ngái',
  'Ê Đê',
  'Ba Na',
  'Xơ Đăng',
  'Sán Chay',
  'Cơ Ho',
  'Chăm',
  'Sán Dìu',
  'Hrê',
  'Mnông',
  'Raglay',
  'Xtiêng',
  'Bru - Vân Kiều',
  'Thổ',
  'Giáy',
  'Cơ Tu',
  'Giẻ Triêng',
  'Mạ',
  'Khơ Mú',
  'Co',
  'Tà Ôi',
  'Chơ Ro',
  'Kháng',
  'Xinh Mun',
  'Hà Nhì',
  'Chu Ru',
  'Lào',
  'La Chí',
  'La Ha',
  'Phù Lá',
  'La Hủ',
  'Lự',
  'Lô Lô',
  'Chứt',
  'Mảng',
  'Pà Thẻn',
  'Cờ Lao',
  'Cống',
  'Bố Y',
  'Si La',
  'Pu Péo',
  'Brâu',
  'Ơ Đu',
  'Rơ Măm',
];

export const ETHNICITY_OPTIONS = NAMES.map((name, i) => ({
  value: String(i + 1).padStart(2, '0'),
  label: `${String(i + 1).padStart(2, '0')} — ${name}`,
}));

export function ethnicityLabel(code: string | null): string | null {
  if (!code) return null;
  return ETHNICITY_OPTIONS.find((o) => o.value === code)?.label ?? code;
}
