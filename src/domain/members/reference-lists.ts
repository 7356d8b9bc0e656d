/** The 54 ethnic groups of Vietnam (danh mục dân tộc), in the official order. */
export const ETHNIC_GROUPS = [
  'Kinh',
  'Tày',
  'Thái',
  'Hoa',
  'Khơ-me',
  'Mường',
  'Nùng',
  'Mông',
  'Dao',
  'Gia-rai',
  'Ngái',
  'Ê-đê',
  'Ba-na',
  'Xơ-đăng',
  'Sán Chay',
  'Cơ-ho',
  'Chăm',
  'Sán Dìu',
  'Hrê',
  'Mnông',
  'Ra-glai',
  'Xtiêng',
  'Bru-Vân Kiều',
  'Thổ',
  'Giáy',
  'Cơ-tu',
  'Gié-Triêng',
  'Mạ',
  'Khơ-mú',
  'Co',
  'Tà-ôi',
  'Chơ-ro',
  'Kháng',
  'Xinh-mun',
  'Hà Nhì',
  'Chu-ru',
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
  'Cơ Lao',
  'Cống',
  'Bố Y',
  'Si La',
  'Pu Péo',
  'Brâu',
  'Ơ-đu',
  'Rơ-măm',
] as const;

/** Religions recorded on member files; "Không" means none. */
export const RELIGIONS = [
  'Không',
  'Phật giáo',
  'Công giáo',
  'Tin Lành',
  'Cao Đài',
  'Phật giáo Hòa Hảo',
  'Hồi giáo',
  'Tôn giáo Baha’i',
  'Tịnh độ cư sĩ Phật hội Việt Nam',
  'Bửu Sơn Kỳ Hương',
  'Tứ Ân Hiếu Nghĩa',
  'Minh Sư đạo',
  'Minh Lý đạo',
  'Khác',
] as const;

/** General education levels (trình độ học vấn). */
export const EDUCATION_LEVELS = [
  'Tiểu học',
  'THCS',
  'THPT',
  'Trung cấp',
  'Cao đẳng',
  'Đại học',
  'Thạc sĩ',
  'Tiến sĩ',
] as const;

/** Statuses of a member record. */
export const MEMBER_STATUSES = [
  'active',
  'working_away',
  'temporary_elsewhere',
  'in_transit',
  'matured',
  'removed',
  'expelled',
  'deceased',
] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** Statuses that count as a member of the union today (the others have left the active count). */
export const ACTIVE_STATUSES: readonly MemberStatus[] = ['active', 'working_away', 'temporary_elsewhere', 'in_transit'];

/** Vietnamese labels of the statuses. */
export const STATUS_LABELS: Record<MemberStatus, string> = {
  active: 'Đang sinh hoạt',
  working_away: 'Đi làm ăn xa',
  temporary_elsewhere: 'Sinh hoạt tạm thời nơi khác',
  in_transit: 'Đang chuyển sinh hoạt',
  matured: 'Đã trưởng thành',
  removed: 'Đã xóa tên',
  expelled: 'Bị khai trừ',
  deceased: 'Đã mất',
};

/** Care flags for the care lists. */
export const CARE_FLAGS = ['hardship', 'ethnic_minority', 'religious', 'vulnerable'] as const;
export type CareFlag = (typeof CARE_FLAGS)[number];

/** Genders as recorded. */
export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
