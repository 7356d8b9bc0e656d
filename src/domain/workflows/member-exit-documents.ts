import type { DocumentData } from '../documents/document-data.js';
import { formatDateVi } from '../text/dates.js';

/** The member as a decision names them. */
export interface DocumentMember {
  fullName: string;
  birthDate: string | null;
  birthYearOnly: boolean;
  cardNumber: string | null;
  /** The branch the member belongs to. */
  branchName: string;
}

/** "sinh ngày 05/03/1996" or "sinh năm 1996"; empty when the date of birth is unknown. */
export function bornText(m: Pick<DocumentMember, 'birthDate' | 'birthYearOnly'>): string {
  if (!m.birthDate) return '';
  return m.birthYearOnly ? `sinh năm ${m.birthDate.slice(0, 4)}` : `sinh ngày ${formatDateVi(m.birthDate)}`;
}

/** "đồng chí Nguyễn Văn An, sinh ngày 05/03/1996, đoàn viên Chi đoàn Tổ dân phố 1". */
export function memberPhrase(m: DocumentMember): string {
  const born = bornText(m);
  return `đồng chí ${m.fullName}${born ? `, ${born}` : ''}, đoàn viên ${m.branchName}`;
}

/** The named fields every decision about one member offers to a unit's template. */
export function memberFields(m: DocumentMember): Record<string, string> {
  return {
    memberName: m.fullName,
    birthDate: m.birthDate ? (m.birthYearOnly ? m.birthDate.slice(0, 4) : formatDateVi(m.birthDate)) : '',
    branchName: m.branchName,
    cardNumber: m.cardNumber ?? '',
  };
}

/** A free text as the end of a sentence: trailing dots and semicolons removed. */
export function clause(text: string): string {
  return text.trim().replace(/[.;,\s]+$/u, '');
}

/** The opening grounds of every decision of the union. */
export const CHARTER_GROUNDS = 'Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh;';

/** The usual recipients of a decision about a member. */
export const DECISION_RECIPIENTS = ['- Như Điều 3;', '- Lưu VP.'];

/** The decision to remove a member's name from the union's list (quyết định xóa tên đoàn viên). */
export function removalDecisionData(input: {
  member: DocumentMember;
  reason: string;
  decidedOn: string;
}): DocumentData {
  const { member, reason, decidedOn } = input;
  return {
    body: [
      CHARTER_GROUNDS,
      'Căn cứ Hướng dẫn thực hiện Điều lệ Đoàn TNCS Hồ Chí Minh;',
      `Xét đề nghị của Ban Chấp hành ${member.branchName},`,
      'QUYẾT ĐỊNH:',
      `Điều 1. Xóa tên ${memberPhrase(member)} khỏi danh sách đoàn viên. Lý do: ${clause(reason)}.`,
      `Điều 2. Quyết định có hiệu lực kể từ ngày ${formatDateVi(decidedOn)}.`,
      `Điều 3. ${member.branchName} và đồng chí có tên tại Điều 1 căn cứ Quyết định thi hành.`,
    ],
    recipients: DECISION_RECIPIENTS,
    fields: { ...memberFields(member), reason, decidedOn: formatDateVi(decidedOn) },
  };
}
