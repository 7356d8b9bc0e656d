import type { DocumentData } from '../documents/document-data.js';
import { formatDateVi } from '../text/dates.js';
import { clause, memberFields, memberPhrase, type DocumentMember } from './member-exit-documents.js';

/** The letter introducing an outstanding member to a Party cell (giấy giới thiệu đoàn viên ưu tú). */
export function partyIntroductionLetterData(input: {
  member: DocumentMember;
  issuerName: string;
  partyCell: string;
  resolutionOn: string;
  present: number;
  inFavour: number;
  strengths: string;
  weaknesses: string;
  introducedOn: string;
}): DocumentData {
  const i = input;
  return {
    body: [
      'Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh;',
      `Căn cứ Nghị quyết của ${i.member.branchName} ngày ${formatDateVi(i.resolutionOn)} (${i.inFavour}/${i.present} đồng chí có mặt tán thành),`,
      `${i.issuerName} trân trọng giới thiệu ${memberPhrase(i.member)} là đoàn viên ưu tú để ${i.partyCell} xem xét, bồi dưỡng và kết nạp vào Đảng Cộng sản Việt Nam.`,
      `Ưu điểm: ${clause(i.strengths)}.`,
      `Khuyết điểm: ${clause(i.weaknesses)}.`,
      `${i.issuerName} đề nghị ${i.partyCell} quan tâm, giúp đỡ để đồng chí sớm được đứng trong hàng ngũ của Đảng.`,
    ],
    recipients: [`- ${i.partyCell};`, `- ${i.member.branchName};`, '- Lưu VP.'],
    fields: {
      ...memberFields(i.member),
      partyCell: i.partyCell,
      resolutionOn: formatDateVi(i.resolutionOn),
      introducedOn: formatDateVi(i.introducedOn),
      strengths: clause(i.strengths),
      weaknesses: clause(i.weaknesses),
    },
  };
}
