import type { DocumentData } from '../documents/document-data.js';
import { formatDateVi } from '../text/dates.js';

/** What the introduction letter (giấy giới thiệu sinh hoạt đoàn) says. */
export interface TransferLetterInput {
  code: string;
  /** The sending đoàn cơ sở, e.g. "Đoàn phường Hải Châu". */
  grassroots: string;
  /** The sending branch, e.g. "Chi đoàn Tổ dân phố 1". */
  branch: string;
  memberName: string;
  /** ISO birth date, or null when unknown. */
  birthDate: string | null;
  birthYearOnly: boolean;
  cardNumber: string | null;
  /** "YYYY-MM". */
  feePaidUntil: string;
  /** Where the member goes: the receiving unit's name (with its province) or the place written by the sender. */
  destination: string;
  /** The unit asked to receive the member, when known in the system. */
  addressee: string | null;
  reason: string | null;
  /** The last day the letter is valid (the acceptance deadline). */
  validUntil: string;
}

/** "05/2026" from "2026-05". */
export function formatMonthVi(month: string): string {
  const [y, m] = month.split('-');
  return `${m}/${y}`;
}

function birthText(input: TransferLetterInput): string {
  if (!input.birthDate) return 'chưa rõ ngày sinh';
  return input.birthYearOnly ? `sinh năm ${input.birthDate.slice(0, 4)}` : `sinh ngày ${formatDateVi(input.birthDate)}`;
}

/** Subject, body, recipients and named fields of the introduction letter, in Vietnamese administrative wording. */
export function transferLetter(input: TransferLetterInput): { subject: string; data: DocumentData } {
  const card = input.cardNumber ?? 'chưa cấp';
  const fee = formatMonthVi(input.feePaidUntil);
  const validUntil = formatDateVi(input.validUntil);
  const addressee = input.addressee ? `Ban Chấp hành ${input.addressee}` : 'Ban Chấp hành Đoàn nơi đến';
  const body = [
    `BAN CHẤP HÀNH ${input.grassroots.toUpperCase()} trân trọng giới thiệu:`,
    `Đồng chí: ${input.memberName}, ${birthText(input)}, số thẻ đoàn viên: ${card};`,
    `là đoàn viên ${input.branch}, ${input.grassroots}; đã đóng đoàn phí đến hết tháng ${fee};`,
    `được chuyển sinh hoạt đoàn về ${input.destination}.`,
    ...(input.reason ? [`Lý do chuyển sinh hoạt: ${input.reason}.`] : []),
    `Đề nghị ${addressee} tiếp nhận và tạo điều kiện để đồng chí ${input.memberName} sinh hoạt đoàn.`,
    `Giấy giới thiệu có giá trị đến ngày ${validUntil}.`,
    `Mã giấy giới thiệu: ${input.code} (đơn vị tiếp nhận tra cứu trên Đoàn Số bằng mã này hoặc số CCCD của đoàn viên).`,
  ];
  return {
    subject: `Giới thiệu chuyển sinh hoạt đoàn đồng chí ${input.memberName}`,
    data: {
      body,
      recipients: ['- Như trên;', `- ${input.branch};`, '- Lưu VP.'],
      fields: {
        code: input.code,
        memberName: input.memberName,
        birthDate: input.birthDate ? formatDateVi(input.birthDate) : '',
        cardNumber: card,
        branchName: input.branch,
        grassrootsName: input.grassroots,
        feePaidUntil: fee,
        destination: input.destination,
        addressee,
        reason: input.reason ?? '',
        validUntil,
      },
    },
  };
}
