import type { DocumentData } from '../documents/document-data.js';
import { formatDateVi } from '../text/dates.js';
import { bornText, memberFields, type DocumentMember } from './member-exit-documents.js';

/** The coming-of-age certificate of one member (giấy chứng nhận trưởng thành đoàn). */
export function comingOfAgeCertificateData(input: {
  member: DocumentMember & { joinedOn: string | null };
  ceremonyOn: string;
  year: number;
}): DocumentData {
  const { member, ceremonyOn } = input;
  const born = bornText(member);
  const joined = member.joinedOn ? `, vào Đoàn ngày ${formatDateVi(member.joinedOn)}` : '';
  return {
    body: [
      'Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh;',
      'CHỨNG NHẬN:',
      `Đồng chí ${member.fullName}${born ? `, ${born}` : ''}${joined}, sinh hoạt tại ${member.branchName},`,
      `đã hoàn thành nhiệm vụ của người đoàn viên và trưởng thành Đoàn kể từ ngày ${formatDateVi(ceremonyOn)}.`,
      'Mong đồng chí tiếp tục phát huy tinh thần xung kích, tình nguyện của tuổi trẻ, đóng góp cho quê hương, đất nước.',
    ],
    recipients: ['- Đồng chí có tên trên;', '- Lưu VP.'],
    fields: {
      ...memberFields(member),
      joinedOn: member.joinedOn ? formatDateVi(member.joinedOn) : '',
      ceremonyOn: formatDateVi(ceremonyOn),
      year: String(input.year),
    },
  };
}
