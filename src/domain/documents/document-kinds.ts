/**
 * Official documents the procedures issue: default symbol, title, the type name printed in capitals on the
 * document (`heading`), and whether the subject is printed under it as "V/v ..." (decisions).
 */
export const DOCUMENT_KINDS = {
  admission_approval: {
    symbol: 'QĐ/ĐTN',
    title: 'Quyết định chuẩn y kết nạp đoàn viên',
    heading: 'QUYẾT ĐỊNH',
    about: true,
  },
  batch_admission: {
    symbol: 'QĐ/ĐTN',
    title: 'Quyết định chuẩn y kết nạp đoàn viên mới',
    heading: 'QUYẾT ĐỊNH',
    about: true,
  },
  transfer_letter: {
    symbol: 'GGT/ĐTN',
    title: 'Giấy giới thiệu sinh hoạt đoàn',
    heading: 'GIẤY GIỚI THIỆU SINH HOẠT ĐOÀN',
    about: false,
  },
  coming_of_age_certificate: {
    symbol: 'GCN/ĐTN',
    title: 'Giấy chứng nhận trưởng thành đoàn',
    heading: 'GIẤY CHỨNG NHẬN TRƯỞNG THÀNH ĐOÀN',
    about: false,
  },
  discipline_decision: { symbol: 'QĐ/ĐTN', title: 'Quyết định kỷ luật', heading: 'QUYẾT ĐỊNH', about: true },
  removal_decision: { symbol: 'QĐ/ĐTN', title: 'Quyết định xóa tên đoàn viên', heading: 'QUYẾT ĐỊNH', about: true },
  party_introduction: {
    symbol: 'GT/ĐTN',
    title: 'Giấy giới thiệu đoàn viên ưu tú để kết nạp vào Đảng',
    heading: 'GIẤY GIỚI THIỆU',
    about: true,
  },
  evaluation_decision: {
    symbol: 'QĐ/ĐTN',
    title: 'Quyết định công nhận kết quả đánh giá, xếp loại',
    heading: 'QUYẾT ĐỊNH',
    about: true,
  },
} as const;

export type DocumentKind = keyof typeof DOCUMENT_KINDS;

export const DOCUMENT_KIND_KEYS = Object.keys(DOCUMENT_KINDS) as DocumentKind[];

/** The number and symbol as printed: "15-QĐ/ĐTN". */
export function documentNumberText(number: number, symbol: string): string {
  return `${number}-${symbol}`;
}

/** The file name of a kind's default template in templates/: "admission-approval.docx". */
export function defaultTemplateFileName(kind: DocumentKind): string {
  return `${kind.replace(/_/g, '-')}.docx`;
}
