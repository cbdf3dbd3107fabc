/**
 * Deterministic generator of plausible Vietnamese people for demo and benchmark data (invented
 * combinations of common family, middle and given names; Ê Đê and M'nông names for the Central
 * Highlands).
 */
export type Rng = () => number;

/** mulberry32: small, fast, deterministic. */
export function makeRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

/** Family names with rough national frequencies (percent). */
const FAMILY: [string, number][] = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 3], ['Huỳnh', 2], ['Phan', 4.5], ['Vũ', 2.5], ['Võ', 1.5],
  ['Đặng', 2], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5], ['Đinh', 0.8], ['Trương', 0.8], ['Mai', 0.5], ['Lương', 0.5],
];
const FAMILY_TOTAL = FAMILY.reduce((s, [, w]) => s + w, 0);
const MIDDLE_M = ['Văn', 'Đức', 'Minh', 'Quốc', 'Hữu', 'Thanh', 'Công', 'Xuân', 'Đình', 'Ngọc', 'Quang', 'Trọng'];
const MIDDLE_F = ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Kim', 'Hồng', 'Minh', 'Phương', 'Bích', 'Mỹ'];
const GIVEN_M = ['An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Hải', 'Hiếu', 'Hoàng', 'Hùng', 'Huy', 'Khánh', 'Khoa', 'Long', 'Minh', 'Nam', 'Phong', 'Phúc', 'Quân', 'Sơn', 'Tài', 'Thắng', 'Thành', 'Tiến', 'Toàn', 'Trung', 'Tuấn', 'Việt', 'Vinh', 'Bảo', 'Đông'];
const GIVEN_F = ['Anh', 'Chi', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Hương', 'Lan', 'Liên', 'Linh', 'Loan', 'Mai', 'Nga', 'Ngân', 'Nhung', 'Oanh', 'Phượng', 'Quyên', 'Tâm', 'Thảo', 'Thủy', 'Trang', 'Uyên', 'Vân', 'Vy', 'Yến', 'Ánh'];
/** Ê Đê / M'nông naming: Y (men) or H' (women) + given name + clan name. */
const HIGHLAND_GIVEN_M = ['Khoa', 'Bhin', 'Thông', 'Dhăm', 'Sơn', 'Blô', 'Kŏ', 'Lim', 'Wal', 'Tru'];
const HIGHLAND_GIVEN_F = ['Linh', 'Ban', 'Hen', 'Nhi', 'Dơk', 'Ly', 'Mai', 'Rin', 'Yơn', 'Bia'];
const HIGHLAND_CLAN = ['Niê', 'Êban', 'Mlô', 'Ayŭn', 'Byă', 'Kbuôr', 'Knul', 'Hđơk', 'Buôn Yă', 'Ktla'];

export interface Person {
  fullName: string;
  gender: 'nam' | 'nu';
}

/** `highlandShare`: share of Ê Đê / M'nông names (e.g. 0.3 in Đắk Lắk's mountain communes). */
export function makePerson(rng: Rng, highlandShare = 0): Person {
  const gender = rng() < 0.47 ? 'nu' : 'nam';
  if (rng() < highlandShare) {
    const given = gender === 'nam' ? pick(rng, HIGHLAND_GIVEN_M) : pick(rng, HIGHLAND_GIVEN_F);
    const prefix = gender === 'nam' ? 'Y' : 'H’';
    return { fullName: `${prefix} ${given} ${pick(rng, HIGHLAND_CLAN)}`, gender };
  }
  let r = rng() * FAMILY_TOTAL;
  let family = FAMILY[0]![0];
  for (const [name, w] of FAMILY) {
    r -= w;
    if (r <= 0) {
      family = name;
      break;
    }
  }
  const middle = gender === 'nam' ? pick(rng, MIDDLE_M) : pick(rng, MIDDLE_F);
  const given = gender === 'nam' ? pick(rng, GIVEN_M) : pick(rng, GIVEN_F);
  return { fullName: `${family} ${middle} ${given}`, gender };
}

/** A date between two ISO dates (inclusive). */
export function randomDate(rng: Rng, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + Math.floor(rng() * ((b - a) / 86_400_000 + 1)) * 86_400_000).toISOString().slice(0, 10);
}
