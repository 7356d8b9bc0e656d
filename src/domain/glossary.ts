/**
 * Each Vietnamese domain term is named once here and used the same way in code.
 * Keys are the identifiers used in code; values are the Vietnamese terms.
 */
export const glossary = {
  union: 'Đoàn TNCS Hồ Chí Minh',
  unit: 'đơn vị, tổ chức Đoàn',
  unitKind: 'cấp/loại tổ chức Đoàn',
  centre: 'Trung ương Đoàn',
  province: 'Tỉnh đoàn, Thành đoàn',
  district: 'Huyện đoàn, Quận đoàn và tương đương',
  grassroots: 'Đoàn cơ sở',
  grassrootsBranch: 'Chi đoàn cơ sở',
  subGrassroots: 'Liên chi đoàn, Đoàn bộ phận',
  branch: 'Chi đoàn',
  sector: 'loại hình (khu vực)',
  powers: 'quyền hạn được giao',
  approvesAdmission: 'được giao quyền cấp trên cơ sở (chuẩn y kết nạp)',
  merge: 'hợp nhất, sáp nhập',
  split: 'chia tách',
  move: 'chuyển trực thuộc',
  close: 'giải thể, ngừng hoạt động',
  successor: 'đơn vị kế thừa',
  member: 'đoàn viên',
  cadre: 'cán bộ Đoàn',
  secretary: 'Bí thư',
  transfer: 'chuyển sinh hoạt đoàn',
  comingOfAge: 'trưởng thành đoàn',
  admission: 'kết nạp đoàn viên',
  auditLog: 'nhật ký thao tác',
} as const;

export type GlossaryTerm = keyof typeof glossary;
