/** A small deterministic random generator (mulberry32), so the demo is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Family names, weighted roughly by how common they are. */
export const FAMILY = [
  'Nguyễn',
  'Nguyễn',
  'Nguyễn',
  'Trần',
  'Trần',
  'Lê',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Trương',
  'Đinh',
  'Mai',
  'Lương',
];
/** Middle names by gender. */
export const MIDDLE_MALE = ['Văn', 'Hữu', 'Đức', 'Minh', 'Quốc', 'Thành', 'Công', 'Gia', 'Hoàng', 'Anh', 'Tấn', 'Đình'];
export const MIDDLE_FEMALE = [
  'Thị',
  'Ngọc',
  'Thu',
  'Thanh',
  'Kim',
  'Mỹ',
  'Bảo',
  'Khánh',
  'Phương',
  'Hoài',
  'Minh',
  'Thùy',
];
/** Given names by gender. */
export const GIVEN_MALE = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Đạt',
  'Hải',
  'Hùng',
  'Khoa',
  'Long',
  'Minh',
  'Nam',
  'Phúc',
  'Quân',
  'Sơn',
  'Tài',
  'Thắng',
  'Trung',
  'Tuấn',
  'Việt',
  'Vinh',
  'Khải',
  'Lộc',
  'Nhân',
  'Hiếu',
  'Đức',
  'Toàn',
  'Kiên',
  'Huy',
];
export const GIVEN_FEMALE = [
  'Anh',
  'Chi',
  'Dung',
  'Giang',
  'Hà',
  'Hạnh',
  'Hoa',
  'Hương',
  'Lan',
  'Linh',
  'Mai',
  'My',
  'Ngân',
  'Nhung',
  'Phương',
  'Quỳnh',
  'Thảo',
  'Trang',
  'Uyên',
  'Yến',
  'Vy',
  'Trâm',
  'Nhi',
  'Thư',
  'Hằng',
  'Loan',
];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

/** A realistic Vietnamese full name for the gender. */
export function vietnameseName(random: () => number, gender: 'male' | 'female'): string {
  const family = pick(random, FAMILY);
  if (gender === 'male') return `${family} ${pick(random, MIDDLE_MALE)} ${pick(random, GIVEN_MALE)}`;
  const middle =
    random() < 0.3 ? `${pick(random, MIDDLE_FEMALE)} ${pick(random, MIDDLE_FEMALE)}` : pick(random, MIDDLE_FEMALE);
  return `${family} ${middle.split(' ')[0] === middle.split(' ')[1] ? pick(random, MIDDLE_FEMALE) : middle} ${pick(random, GIVEN_FEMALE)}`;
}
