/** Official documents the procedures issue, with their default symbol and title. */
export const DOCUMENT_KINDS = {
  admission_approval: { symbol: 'QĐ/ĐTN', title: 'Quyết định chuẩn y kết nạp đoàn viên' },
  batch_admission: { symbol: 'QĐ/ĐTN', title: 'Quyết định chuẩn y kết nạp đoàn viên mới' },
  transfer_letter: { symbol: 'GGT/ĐTN', title: 'Giấy giới thiệu sinh hoạt đoàn' },
  coming_of_age_certificate: { symbol: 'GCN/ĐTN', title: 'Giấy chứng nhận trưởng thành đoàn' },
  discipline_decision: { symbol: 'QĐ/ĐTN', title: 'Quyết định kỷ luật' },
  removal_decision: { symbol: 'QĐ/ĐTN', title: 'Quyết định xóa tên đoàn viên' },
  party_introduction: { symbol: 'GT/ĐTN', title: 'Giấy giới thiệu đoàn viên ưu tú để kết nạp vào Đảng' },
} as const;

export type DocumentKind = keyof typeof DOCUMENT_KINDS;

export const DOCUMENT_KIND_KEYS = Object.keys(DOCUMENT_KINDS) as DocumentKind[];

/** The number and symbol as printed: "15-QĐ/ĐTN". */
export function documentNumberText(number: number, symbol: string): string {
  return `${number}-${symbol}`;
}
