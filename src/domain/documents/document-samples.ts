import { evaluationDecisionData, type EvaluationDecisionInput } from '../evaluations/decision-document.js';
import type { DocumentData } from './document-data.js';
import { DOCUMENT_KINDS, documentNumberText, type DocumentKind } from './document-kinds.js';
import type { RenderableDocument } from './template-data.js';

/** Sample content of a document kind, for template previews. */
export interface DocumentSample {
  subject: string;
  data: DocumentData;
  signerTitle: string | null;
  signerName: string;
}

const MEMBER = {
  memberName: 'Nguyễn Văn An',
  birthDate: '12/05/2008',
  gender: 'Nam',
  branchName: 'Chi đoàn Tổ dân phố 1',
  hometown: 'Hải Châu, Đà Nẵng',
  cardNumber: '048123456',
};

const DECISION_BASES = [
  'Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh;',
  'Căn cứ Hướng dẫn thực hiện Điều lệ Đoàn TNCS Hồ Chí Minh;',
];

/** The sample recognition of the evaluation decision: three đoàn cơ sở recognised "3 chủ động" in 2025. */
export const EVALUATION_DECISION_SAMPLE: EvaluationDecisionInput = {
  issuingUnitName: 'Thành đoàn Đà Nẵng',
  issuingUnitKind: 'province',
  programmeTitle: 'Đoàn cơ sở “3 chủ động”',
  cycleLabel: 'năm 2025',
  recognition: true,
  subject: 'grassroots',
  rows: [
    {
      subjectName: 'Đoàn phường Hải Châu',
      parentName: 'Thành đoàn Đà Nẵng',
      classLabel: 'Đạt Đoàn cơ sở “3 chủ động”',
      total: 15,
    },
    {
      subjectName: 'Đoàn phường Thanh Khê',
      parentName: 'Thành đoàn Đà Nẵng',
      classLabel: 'Đạt Đoàn cơ sở “3 chủ động”',
      total: 15,
    },
    {
      subjectName: 'Đoàn Trường Đại học Bách khoa',
      parentName: 'Đoàn Khối các cơ quan và doanh nghiệp thành phố',
      classLabel: 'Đạt Đoàn cơ sở “3 chủ động”',
      total: 15,
    },
  ],
};

/** Sample data of every kind: what a preview shows in place of a real decision. */
export const DOCUMENT_SAMPLES: Record<DocumentKind, DocumentSample> = {
  admission_approval: {
    subject: 'Chuẩn y kết nạp đoàn viên',
    data: {
      body: [
        ...DECISION_BASES,
        'Xét đề nghị của Ban Chấp hành Chi đoàn Tổ dân phố 1,',
        'QUYẾT ĐỊNH:',
        'Điều 1. Chuẩn y kết nạp vào Đoàn TNCS Hồ Chí Minh thanh niên Nguyễn Văn An, sinh ngày 12/05/2008, sinh hoạt tại Chi đoàn Tổ dân phố 1.',
        'Điều 2. Chi đoàn Tổ dân phố 1 tổ chức lễ kết nạp trong thời hạn 01 tháng kể từ ngày ký quyết định.',
        'Điều 3. Chi đoàn Tổ dân phố 1 và đồng chí có tên tại Điều 1 chịu trách nhiệm thi hành quyết định này.',
      ],
      recipients: ['- Như Điều 3;', '- Lưu VP.'],
      fields: MEMBER,
    },
    signerTitle: null,
    signerName: 'Trần Minh Quân',
  },
  batch_admission: {
    subject: 'Chuẩn y kết nạp đoàn viên mới',
    data: {
      body: [
        ...DECISION_BASES,
        'Xét đề nghị của các chi đoàn trực thuộc,',
        'QUYẾT ĐỊNH:',
        'Điều 1. Chuẩn y kết nạp vào Đoàn TNCS Hồ Chí Minh 03 thanh niên có tên trong danh sách kèm theo.',
        'Điều 2. Các chi đoàn tổ chức lễ kết nạp trong thời hạn 01 tháng kể từ ngày ký quyết định.',
        'Điều 3. Các chi đoàn có liên quan và các đồng chí có tên tại Điều 1 chịu trách nhiệm thi hành quyết định này.',
      ],
      recipients: ['- Như Điều 3;', '- Lưu VP.'],
      rows: [
        { fullName: 'Nguyễn Văn An', birthDate: '12/05/2008', branchName: 'Chi đoàn Tổ dân phố 1' },
        { fullName: 'Lê Thị Bình', birthDate: '03/09/2008', branchName: 'Chi đoàn Tổ dân phố 2' },
        { fullName: 'Phạm Quốc Cường', birthDate: '21/01/2009', branchName: 'Chi đoàn Tổ dân phố 3' },
      ],
      columns: { fullName: 'Họ và tên', birthDate: 'Ngày sinh', branchName: 'Chi đoàn' },
      fields: { count: '3' },
    },
    signerTitle: null,
    signerName: 'Trần Minh Quân',
  },
  transfer_letter: {
    subject: 'Giới thiệu sinh hoạt đoàn',
    data: {
      body: [
        'Trân trọng giới thiệu đồng chí Nguyễn Văn An, sinh ngày 12/05/2008, đoàn viên Chi đoàn Tổ dân phố 1.',
        'Số thẻ đoàn viên: 048123456. Đã đóng đoàn phí đến hết tháng 10/2026.',
        'Được chuyển sinh hoạt đoàn đến: Đoàn phường Hội An.',
        'Mã giới thiệu: GT-2026-000123. Đề nghị đơn vị tiếp nhận và tạo điều kiện để đồng chí sinh hoạt.',
      ],
      recipients: ['- Như trên;', '- Lưu VP.'],
      fields: { ...MEMBER, destination: 'Đoàn phường Hội An', transferCode: 'GT-2026-000123', feePaidUntil: '10/2026' },
    },
    signerTitle: null,
    signerName: 'Trần Minh Quân',
  },
  coming_of_age_certificate: {
    subject: 'Chứng nhận trưởng thành đoàn',
    data: {
      body: [
        'Chứng nhận đồng chí Nguyễn Văn An, sinh ngày 12/05/1996, đoàn viên Chi đoàn Tổ dân phố 1,',
        'đã hoàn thành nhiệm vụ đoàn viên và trưởng thành đoàn tại lễ trưởng thành ngày 26/03/2026.',
      ],
      recipients: [],
      fields: { ...MEMBER, birthDate: '12/05/1996', ceremonyOn: '26/03/2026' },
    },
    signerTitle: null,
    signerName: 'Trần Minh Quân',
  },
  discipline_decision: {
    subject: 'Kỷ luật đoàn viên',
    data: {
      body: [
        ...DECISION_BASES,
        'Xét đề nghị của Chi đoàn Tổ dân phố 1 và biên bản họp chi đoàn,',
        'QUYẾT ĐỊNH:',
        'Điều 1. Thi hành kỷ luật bằng hình thức cảnh cáo đối với đoàn viên Nguyễn Văn An.',
        'Điều 2. Quyết định có hiệu lực kể từ ngày ký.',
        'Điều 3. Chi đoàn Tổ dân phố 1 và đồng chí có tên tại Điều 1 chịu trách nhiệm thi hành quyết định này.',
      ],
      recipients: ['- Như Điều 3;', '- Lưu VP.'],
      fields: { ...MEMBER, form: 'Cảnh cáo' },
    },
    signerTitle: null,
    signerName: 'Trần Minh Quân',
  },
  removal_decision: {
    subject: 'Xóa tên đoàn viên',
    data: {
      body: [
        ...DECISION_BASES,
        'Xét đề nghị của Chi đoàn Tổ dân phố 1,',
        'QUYẾT ĐỊNH:',
        'Điều 1. Xóa tên đoàn viên Nguyễn Văn An trong danh sách đoàn viên của Chi đoàn Tổ dân phố 1.',
        'Điều 2. Chi đoàn Tổ dân phố 1 chịu trách nhiệm thi hành quyết định này.',
      ],
      recipients: ['- Như Điều 2;', '- Lưu VP.'],
      fields: { ...MEMBER, reason: 'Bỏ sinh hoạt quá thời hạn quy định' },
    },
    signerTitle: null,
    signerName: 'Trần Minh Quân',
  },
  party_introduction: {
    subject: 'Giới thiệu đoàn viên ưu tú cho Đảng xem xét, kết nạp',
    data: {
      body: [
        'Kính gửi: Chi bộ Tổ dân phố 1.',
        'Căn cứ Nghị quyết của Chi đoàn Tổ dân phố 1 về việc giới thiệu đoàn viên ưu tú cho Đảng,',
        'Ban Chấp hành giới thiệu đồng chí Nguyễn Văn An, sinh ngày 12/05/2000, là đoàn viên ưu tú để Chi bộ xem xét, kết nạp vào Đảng Cộng sản Việt Nam.',
        'Ưu điểm: gương mẫu, nhiệt tình tham gia các hoạt động của Đoàn. Khuyết điểm: chưa mạnh dạn phát biểu ý kiến.',
      ],
      recipients: ['- Như trên;', '- Lưu VP.'],
      fields: { ...MEMBER, birthDate: '12/05/2000', partyCell: 'Chi bộ Tổ dân phố 1' },
    },
    signerTitle: null,
    signerName: 'Trần Minh Quân',
  },
  evaluation_decision: {
    subject: 'Công nhận Đoàn cơ sở “3 chủ động” năm 2025',
    data: evaluationDecisionData(EVALUATION_DECISION_SAMPLE),
    signerTitle: null,
    signerName: 'Trần Minh Quân',
  },
};

/** A sample document of a kind, numbered 15 and dated `issuedOn`, for previews and template checks. */
export function sampleDocument(kind: DocumentKind, issuedOn: string): RenderableDocument {
  const sample = DOCUMENT_SAMPLES[kind];
  const symbol = DOCUMENT_KINDS[kind].symbol;
  return {
    kind,
    number: 15,
    symbol,
    numberText: documentNumberText(15, symbol),
    issuedOn,
    place: null,
    subject: sample.subject,
    data: sample.data,
    signerTitle: sample.signerTitle,
    signerName: sample.signerName,
  };
}
