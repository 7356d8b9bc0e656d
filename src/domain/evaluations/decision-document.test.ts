import { describe, expect, it } from 'vitest';
// The last test renders the shipped template through the documents module, as the service does: a check of the
// template file rather than of a rule, so this test (not the code it tests) reaches outside the domain.
import { defaultTemplate, docxText, renderDocx } from '../../modules/documents/documents.render.js';
import { aboutText } from '../documents/document-text.js';
import { DOCUMENT_SAMPLES, EVALUATION_DECISION_SAMPLE, sampleDocument } from '../documents/document-samples.js';
import { DOCUMENT_KINDS, defaultTemplateFileName } from '../documents/document-kinds.js';
import { buildTemplateData } from '../documents/template-data.js';
import {
  committeeName,
  countText,
  evaluationDecisionData,
  evaluationDecisionSubject,
  scoreText,
  type EvaluationDecisionInput,
} from './decision-document.js';

const rating = (over: Partial<EvaluationDecisionInput> = {}): EvaluationDecisionInput => ({
  issuingUnitName: 'Đoàn phường Hải Châu',
  issuingUnitKind: 'grassroots',
  programmeTitle: 'Xếp loại chi đoàn',
  cycleLabel: '6 tháng đầu năm 2025',
  recognition: false,
  subject: 'branch',
  rows: [
    {
      subjectName: 'Chi đoàn Tổ dân phố 1',
      parentName: 'Đoàn phường Hải Châu',
      classLabel: 'Hoàn thành xuất sắc nhiệm vụ',
      total: 92.5,
    },
    {
      subjectName: 'Chi đoàn Tổ dân phố 2',
      parentName: 'Đoàn phường Hải Châu',
      classLabel: 'Hoàn thành tốt nhiệm vụ',
      total: 80,
    },
    {
      subjectName: 'Chi đoàn Tổ dân phố 3',
      parentName: 'Đoàn phường Hải Châu',
      classLabel: 'Hoàn thành tốt nhiệm vụ',
      total: null,
    },
  ],
  ...over,
});

describe('evaluationDecisionData: recognition', () => {
  it('states the committee, the grounds, the three articles and the list', () => {
    const data = evaluationDecisionData(EVALUATION_DECISION_SAMPLE);
    expect(data.body).toEqual([
      'BAN THƯỜNG VỤ THÀNH ĐOÀN ĐÀ NẴNG',
      'Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh;',
      'Căn cứ bộ tiêu chí Đoàn cơ sở “3 chủ động” và kế hoạch đánh giá năm 2025;',
      'Xét đề nghị của Ban Thường vụ Đoàn Khối các cơ quan và doanh nghiệp thành phố và các Đoàn cơ sở trực thuộc,',
      'QUYẾT ĐỊNH:',
      'Điều 1. Công nhận 03 Đoàn cơ sở có tên trong danh sách kèm theo Quyết định này đạt Đoàn cơ sở “3 chủ động” năm 2025.',
      'Điều 2. Kết quả công nhận tại Điều 1 là căn cứ để đánh giá, xếp loại hằng năm và xét khen thưởng công tác Đoàn và phong trào thanh thiếu nhi năm 2025 đối với các Đoàn cơ sở có tên trong danh sách.',
      'Điều 3. Văn phòng, các ban Thành đoàn Đà Nẵng, Ban Thường vụ Đoàn Khối các cơ quan và doanh nghiệp thành phố và các Đoàn cơ sở có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.',
    ]);
    expect(data.recipients).toEqual(['- Như Điều 3;', '- Lưu VP.']);
    expect(data.columns).toEqual({
      subjectName: 'Tên đơn vị',
      parentName: 'Trực thuộc',
      classLabel: 'Kết quả',
      total: 'Điểm',
    });
    expect(data.rows?.[2]).toEqual({
      subjectName: 'Đoàn Trường Đại học Bách khoa',
      parentName: 'Đoàn Khối các cơ quan và doanh nghiệp thành phố',
      classLabel: 'Đạt Đoàn cơ sở “3 chủ động”',
      total: '15',
    });
    expect(data.fields).toMatchObject({
      count: '3',
      programmeTitle: 'Đoàn cơ sở “3 chủ động”',
      cycleLabel: 'năm 2025',
    });
  });

  it('is the sample of the document kind', () => {
    expect(DOCUMENT_SAMPLES.evaluation_decision.data).toEqual(evaluationDecisionData(EVALUATION_DECISION_SAMPLE));
    expect(DOCUMENT_SAMPLES.evaluation_decision.subject).toBe(evaluationDecisionSubject(EVALUATION_DECISION_SAMPLE));
    expect(DOCUMENT_KINDS.evaluation_decision).toMatchObject({ symbol: 'QĐ/ĐTN', heading: 'QUYẾT ĐỊNH', about: true });
    expect(defaultTemplateFileName('evaluation_decision')).toBe('evaluation-decision.docx');
  });

  it('counts each class when a recognition names more than one', () => {
    const data = evaluationDecisionData({
      ...EVALUATION_DECISION_SAMPLE,
      programmeTitle: 'Chi đoàn vững mạnh tiêu biểu',
      subject: 'branch',
      rows: [
        { subjectName: 'A', parentName: 'Thành đoàn Đà Nẵng', classLabel: 'Tiêu biểu', total: 10 },
        { subjectName: 'B', parentName: 'Thành đoàn Đà Nẵng', classLabel: 'Vững mạnh', total: 9 },
      ],
    });
    expect(data.body[5]).toBe(
      'Điều 1. Công nhận 02 chi đoàn có tên trong danh sách kèm theo Quyết định này đạt Chi đoàn vững mạnh tiêu biểu năm 2025 (01 “Tiêu biểu”, 01 “Vững mạnh”).',
    );
    expect(data.body[3]).toBe('Xét kết quả tự đánh giá và đề nghị của các chi đoàn trực thuộc,');
    expect(data.body[7]).toBe(
      'Điều 3. Văn phòng, các ban Thành đoàn Đà Nẵng và các chi đoàn có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.',
    );
  });
});

describe('evaluationDecisionData: rating', () => {
  it('recognises the rating of each subject, signed by the executive committee of a đoàn cơ sở', () => {
    const data = evaluationDecisionData(rating());
    expect(data.body[0]).toBe('BAN CHẤP HÀNH ĐOÀN PHƯỜNG HẢI CHÂU');
    expect(data.body[2]).toBe('Căn cứ bộ tiêu chí xếp loại chi đoàn và kế hoạch đánh giá 6 tháng đầu năm 2025;');
    expect(data.body[5]).toBe(
      'Điều 1. Công nhận kết quả xếp loại chi đoàn 6 tháng đầu năm 2025 đối với 03 chi đoàn có tên trong danh sách kèm theo Quyết định này (mức xếp loại của từng chi đoàn ghi trong danh sách), trong đó: 01 “Hoàn thành xuất sắc nhiệm vụ”, 02 “Hoàn thành tốt nhiệm vụ”.',
    );
    expect(data.body[6]).toContain('Điều 2. Kết quả xếp loại tại Điều 1 là căn cứ để đánh giá, xếp loại hằng năm');
    expect(data.body[6]).toContain('thanh thiếu nhi năm 2025 đối với các chi đoàn');
    expect(data.body[7]).toBe('Điều 3. Các chi đoàn có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.');
    expect(data.columns?.classLabel).toBe('Xếp loại');
    expect(data.rows?.map((r) => r.total)).toEqual(['92,5', '80', '']);
  });

  it('names members with their branch, and adds the given grounds', () => {
    const data = evaluationDecisionData(
      rating({
        programmeTitle: 'Đánh giá, xếp loại đoàn viên',
        cycleLabel: 'năm 2025',
        subject: 'member',
        basis: ['  Căn cứ Kế hoạch số 12-KH/ĐTN ngày 05/11/2025 của Ban Chấp hành Đoàn phường.', ' '],
        rows: [
          {
            subjectName: 'Nguyễn Văn An',
            parentName: 'Chi đoàn Tổ dân phố 1',
            classLabel: 'Hoàn thành nhiệm vụ',
            total: 60,
          },
        ],
      }),
    );
    expect(data.body.slice(2, 5)).toEqual([
      'Căn cứ bộ tiêu chí đánh giá, xếp loại đoàn viên và kế hoạch đánh giá năm 2025;',
      'Căn cứ Kế hoạch số 12-KH/ĐTN ngày 05/11/2025 của Ban Chấp hành Đoàn phường;',
      'Xét đề nghị của Ban Chấp hành Chi đoàn Tổ dân phố 1,',
    ]);
    expect(data.body.at(-1)).toBe(
      'Điều 3. Ban Chấp hành Chi đoàn Tổ dân phố 1 và các đoàn viên có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.',
    );
    expect(data.columns).toMatchObject({ subjectName: 'Họ và tên', parentName: 'Chi đoàn' });
  });

  it('sums up many units above the subjects, and calls subjects "đơn vị" without a subject', () => {
    const rows = ['A', 'B', 'C', 'D'].map((x) => ({
      subjectName: `Chi đoàn ${x}`,
      parentName: `Đoàn trường ${x}`,
      classLabel: 'Hoàn thành nhiệm vụ',
      total: 55,
    }));
    const data = evaluationDecisionData(
      rating({ issuingUnitName: 'Huyện đoàn Đức Trọng', issuingUnitKind: undefined, subject: undefined, rows }),
    );
    expect(data.body[0]).toBe('BAN THƯỜNG VỤ HUYỆN ĐOÀN ĐỨC TRỌNG');
    expect(data.body[3]).toBe('Xét đề nghị của Ban Chấp hành các đơn vị trực thuộc,');
    expect(data.body[7]).toBe(
      'Điều 3. Văn phòng, các ban Huyện đoàn Đức Trọng, Ban Chấp hành các đơn vị trực thuộc và các đơn vị có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.',
    );
  });
});

describe('text helpers', () => {
  it('names the deciding committee by level', () => {
    expect(committeeName('Huyện đoàn Đức Trọng')).toBe('Ban Thường vụ Huyện đoàn Đức Trọng');
    expect(committeeName('Tỉnh đoàn Lâm Đồng')).toBe('Ban Thường vụ Tỉnh đoàn Lâm Đồng');
    expect(committeeName('Đoàn phường Hải Châu')).toBe('Ban Chấp hành Đoàn phường Hải Châu');
    expect(committeeName('Đoàn Công an tỉnh', 'district')).toBe('Ban Thường vụ Đoàn Công an tỉnh');
    expect(committeeName('Chi đoàn cơ sở Bệnh viện', 'grassroots_branch')).toBe(
      'Ban Chấp hành Chi đoàn cơ sở Bệnh viện',
    );
  });

  it('writes counts, scores and the subject', () => {
    expect([countText(3), countText(12)]).toEqual(['03', '12']);
    expect([scoreText(87.5), scoreText(15), scoreText(null), scoreText(0.1 + 0.2)]).toEqual(['87,5', '15', '', '0,3']);
    expect(aboutText(evaluationDecisionSubject(EVALUATION_DECISION_SAMPLE))).toBe(
      'V/v công nhận Đoàn cơ sở “3 chủ động” năm 2025',
    );
    expect(evaluationDecisionSubject(rating())).toBe('Công nhận kết quả xếp loại chi đoàn 6 tháng đầu năm 2025');
  });
});

describe('default template', () => {
  it('renders the sample decision with its heading, articles, list and signer', async () => {
    const issuer = {
      name: 'Thành đoàn Đà Nẵng',
      kind: 'province',
      parentName: 'Trung ương Đoàn TNCS Hồ Chí Minh',
      provinceName: 'Thành đoàn Đà Nẵng',
    };
    const data = buildTemplateData(sampleDocument('evaluation_decision', '2026-01-05'), issuer);
    const text = docxText(renderDocx(await defaultTemplate('evaluation_decision'), data));
    expect(text.split('\n').slice(0, 6)).toEqual([
      'BCH TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH',
      'BCH ĐOÀN TP ĐÀ NẴNG',
      '***',
      'Số: 15-QĐ/ĐTN',
      'ĐOÀN TNCS HỒ CHÍ MINH',
      'Đà Nẵng, ngày 05 tháng 01 năm 2026',
    ]);
    expect(text).toContain(
      'QUYẾT ĐỊNH\nV/v công nhận Đoàn cơ sở “3 chủ động” năm 2025\nBAN THƯỜNG VỤ THÀNH ĐOÀN ĐÀ NẴNG\n',
    );
    for (const line of evaluationDecisionData(EVALUATION_DECISION_SAMPLE).body) expect(text).toContain(line);
    expect(text).toContain(
      'STT\nTên đơn vị\nTrực thuộc\nKết quả\nĐiểm\n1\nĐoàn phường Hải Châu\nThành đoàn Đà Nẵng\nĐạt Đoàn cơ sở “3 chủ động”\n15\n2\n',
    );
    expect(text).toContain('Nơi nhận:\n- Như Điều 3;\n- Lưu VP.\nTM. BAN THƯỜNG VỤ\nBÍ THƯ\nTrần Minh Quân');
  });
});
