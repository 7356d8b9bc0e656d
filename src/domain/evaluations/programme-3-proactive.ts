import type { ClassRule, CriteriaSet, CriterionItem, EvidenceKey } from './criteria.js';

/**
 * "Đoàn cơ sở 3 chủ động": the three criteria and their sub-items, quoted from the source documents (seed 000 §II
 * for 2018 – 2022, seed 002 for 2023 – 2027). The sources give no points: every sub-item is a yes/no item worth one
 * point and mandatory, because a đoàn cơ sở must meet the three criteria at once ("phải thực hiện đảm bảo, có hiệu
 * quả đồng thời 03 tiêu chí", seed 002).
 */

/** Programme key of "Đoàn cơ sở 3 chủ động". */
export const GRASSROOTS_3_PROACTIVE = 'grassroots3Proactive';

const TITLE = 'Đoàn cơ sở “3 chủ động”';

/** The three criteria titles, the same in both periods. */
const CRITERION_TITLES = {
  members: 'Chủ động thực hiện quản lý đoàn viên và chăm lo, nắm bắt tình hình thanh niên ở địa phương, đơn vị',
  plans: 'Chủ động xây dựng và thực hiện kế hoạch công tác',
  advice: 'Chủ động tham mưu với cấp ủy, phối hợp với các tổ chức liên quan',
} as const;

function item(
  key: string,
  ref: string | undefined,
  text: string,
  extra: { evidence?: EvidenceKey; details?: string[] } = {},
): CriterionItem {
  return { key, ...(ref ? { ref } : {}), text, rule: { kind: 'yesno', points: 1 }, mandatory: true, ...extra };
}

function classes(itemCount: number): ClassRule[] {
  return [
    { key: 'recognised', label: 'Đạt Đoàn cơ sở “3 chủ động”', minScore: itemCount, needsAllMandatory: true },
    { key: 'notRecognised', label: 'Chưa đạt Đoàn cơ sở “3 chủ động”', minScore: 0, needsAllMandatory: false },
  ];
}

/** 2018 – 2022: Kế hoạch triển khai đoàn cơ sở “3 chủ động” (seed 000, §II; registration in December, inspection in September). */
export const GRASSROOTS_3_PROACTIVE_2018_2022: CriteriaSet = {
  programme: GRASSROOTS_3_PROACTIVE,
  title: TITLE,
  periodLabel: '2018 - 2022',
  validFrom: 2018,
  validTo: 2022,
  subject: 'grassroots',
  cycles: ['year'],
  needsRegistration: true,
  deadlines: {
    registration: { day: 31, month: 12, yearOffset: -1 },
    evaluation: { day: 30, month: 9, yearOffset: 0 },
  },
  source: 'Kế hoạch triển khai đoàn cơ sở “3 chủ động”, giai đoạn 2018 - 2022 (seed 000, mục II)',
  criteria: [
    {
      key: 'c1',
      ref: '1',
      title: CRITERION_TITLES.members,
      items: [
        item(
          'c1.1',
          '1.1',
          'Chủ động nắm chắc tình hình tư tưởng, tâm tư, nguyện vọng của từng đoàn viên, thanh thiếu niên kể cả các thông tin trên mạng xã hội (xây dựng hệ thống mạng xã hội zalo, facebook tại mỗi chi đoàn có 01 địa chỉ) và trên các phương tiện thông tin đại chúng',
        ),
        item(
          'c1.2a',
          '1.2',
          'Có danh sách đoàn viên và cập nhật thường xuyên trên phần mềm Quản lý đoàn viên; có theo dõi nhận xét đánh giá hằng năm vào hồ sơ đoàn viên; thực hiện đầy đủ, đúng quy trình phát triển đoàn viên mới, chương trình rèn luyện đoàn viên; quy trình chuyển sinh hoạt đoàn, trưởng thành đoàn, kỷ luật đoàn viên…',
          { evidence: 'usesMemberSoftware' },
        ),
        item(
          'c1.2b',
          '1.2',
          'Rà soát tình hình đoàn viên 1 tháng/lần vào đợt sinh hoạt đoàn; phân loại đoàn viên làm ăn xa, đoàn viên ở tại địa phương để quản lý cho phù hợp',
          { evidence: 'monthlyReviewDone' },
        ),
        item(
          'c1.3',
          '1.3',
          'Chủ động phổ biến tới từng đoàn viên và tuyên truyền trong thanh niên những vấn đề mới trong đường lối của Đảng, chính sách pháp luật của Nhà nước',
          {
            details: [
              'Thường xuyên cập nhật thông tin của địa phương, những vấn đề nóng đang được xã hội, dự luận quan tâm.',
              'Cập nhật các chủ trương, nghị quyết mới, lựa chọn những nội dung chính để phổ biến cho đoàn viên.',
            ],
          },
        ),
        item(
          'c1.4',
          '1.4',
          'Chủ động rà soát, thống kê, lập danh sách những đoàn viên, thanh thiếu nhi có hoàn cảnh khó khăn trên địa bàn, trong đơn vị, đặc biệt thanh niên dân tộc, thanh niên tôn giáo, thanh niên yếu thế để có kế hoạch giúp đỡ; chăm lo và bảo vệ quyền lợi và lợi ích hợp pháp, chính đáng của cán bộ đoàn, đoàn viên, thanh thiếu nhi của địa phương, đơn vị',
          { evidence: 'careListKept' },
        ),
      ],
    },
    {
      key: 'c2',
      ref: '2',
      title: CRITERION_TITLES.plans,
      items: [
        item(
          'c2.1',
          '2.1',
          'Chủ động xây dựng chương trình hành động, kế hoạch công tác của đơn vị nhằm cụ thể hóa nghị quyết của cấp ủy Đảng, lãnh đạo địa phương, đơn vị và của đoàn cấp trên',
        ),
        item(
          'c2.2',
          '2.2',
          'Chủ động triển khai thực hiện chương trình công tác hằng năm của đơn vị; tổ chức các hoạt động, tạo môi trường giáo dục, rèn luyện đoàn viên, thanh thiếu nhi góp phần thực hiện các nhiệm vụ chính trị, kinh tế, văn hóa, xã hội, quốc phòng, an ninh của địa phương, đơn vị; triển khai thực hiện công trình (phần việc) thanh niên',
        ),
        item('c2.3', '2.3', 'Chủ động tổ chức sinh hoạt chi đoàn định kỳ', {
          evidence: 'meetsMonthly',
          details: [
            'Cập nhật các hình thức sinh hoạt chi đoàn mới, như: gắn sinh nhật đoàn viên vào sinh hoạt chi đoàn, sinh hoạt dã ngoại, sinh hoạt kỹ năng,…',
            'Phối hợp các đơn vị lực lượng vũ trang tại địa phương, đơn vị để tổ chức sinh hoạt chung, thay đổi không khí sinh hoạt tạo hứng khởi cho đoàn viên thanh niên tại cơ sở nhằm đạt hiệu quả cao nhất; gắn phong trào “đoàn kết 3 lực lượng” trong việc phối hợp tổ chức sinh hoạt theo chuyên đề.',
          ],
        }),
        item(
          'c2.4',
          '2.4',
          'Chủ động xây dựng và phát triển tổ chức, đặc biệt trong việc thực hiện chủ trương 1 + 1 (1 đoàn viên vận động, tập hợp ít nhất 01 thanh niên vào tổ chức Đoàn, Hội): dựa trên các mối quan hệ, giới thiệu anh em, bạn bè, người quen tham gia các hoạt động phong trào, sinh hoạt chuyên đề của chi đoàn. Đồng thời, các chi đoàn chủ động liên hệ, nhận xét, đánh giá làm quy trình kết nạp đoàn viên, hội viên',
          { evidence: 'recruiterCredits' },
        ),
        item(
          'c2.5',
          '2.5',
          'Chủ động trong kiểm tra, đánh giá, đề nghị các cấp khen thưởng, tổ chức tuyên dương; tổ chức họp, thảo luận trong BCH những mô hình hay, cách làm mới hiệu quả',
        ),
      ],
    },
    {
      key: 'c3',
      ref: '3',
      title: CRITERION_TITLES.advice,
      items: [
        item(
          'c3.1',
          '3.1',
          'Chủ động tham mưu cấp ủy Đảng về cơ chế, nội dung trong công tác Đoàn và phong trào thanh thiếu nhi; chủ động phối hợp với các đơn vị liên quan, các đoàn thể khác để thực hiện tốt công tác Đoàn',
        ),
        item(
          'c3.2',
          '3.2',
          'Chủ động tham mưu cấp ủy Đảng thực hiện tốt công tác quy hoạch, đào tạo, bồi dưỡng, bố trí, sử dụng đội ngũ cán bộ đoàn tại cơ sở',
        ),
        item('c3.3', '3.3', 'Chủ động tham mưu cho cấp ủy trong công tác giới thiệu đoàn viên ưu tú cho Đảng', {
          evidence: 'partyIntroductions',
        }),
        item(
          'c3.4',
          '3.4',
          'Chủ động phối hợp với chính quyền, các ban, ngành, đoàn thể, chi ủy thôn… trong thực hiện nhiệm vụ chính trị cấp ủy giao; trong tham mưu cơ chế, chính sách nhằm thực hiện tốt công tác Đoàn và phong trào thanh thiếu nhi của địa phương, đơn vị',
        ),
        item(
          'c3.5',
          '3.5',
          'Chủ động phối hợp với cơ quan, đơn vị, doanh nghiệp huy động các nguồn lực xã hội phục vụ công tác Đoàn và phong trào thanh thiếu nhi tại địa phương, đơn vị',
        ),
      ],
    },
  ],
  classes: classes(15),
};

/**
 * 2023 – 2027: Hướng dẫn số 13-HĐ/TĐTN-XDĐ ngày 16/6/2023 as reported in seed 002 ("Một là" … "Năm là" for the first
 * criterion; the sentences of the second and third). Registration before 20/11 of the year before.
 */
export const GRASSROOTS_3_PROACTIVE_2023_2027: CriteriaSet = {
  programme: GRASSROOTS_3_PROACTIVE,
  title: TITLE,
  periodLabel: '2023 – 2027',
  validFrom: 2023,
  validTo: 2027,
  subject: 'grassroots',
  cycles: ['year'],
  needsRegistration: true,
  deadlines: { registration: { day: 20, month: 11, yearOffset: -1 } },
  source: 'Ninh Bình: 100% Đoàn cơ sở được công nhận Đoàn cơ sở “3 chủ động” năm 2023 (seed 002)',
  criteria: [
    {
      key: 'c1',
      ref: '1',
      title: CRITERION_TITLES.members,
      items: [
        item(
          'c1.1',
          'Một là',
          'Chủ động sử dụng phần mềm quản lý đoàn viên thực hiện các nghiệp vụ của công tác quản lý đoàn viên. Thực hiện đầy đủ, đúng quy trình phát triển đoàn viên mới, chương trình Rèn luyện đoàn viên; quy trình chuyển sinh hoạt đoàn, trưởng thành đoàn, kỷ luật đoàn viên…đối với đoàn cơ sở lực lượng vũ trang thực hiện theo quy định của ngành',
          { evidence: 'usesMemberSoftware' },
        ),
        item(
          'c1.2',
          'Hai là',
          'Chủ động nắm chắc tình hình tư tưởng, nhu cầu tâm tư, nguyện vọng của đoàn viên, thanh thiếu niên thuộc địa bàn, đối tượng, lĩnh vực phụ trách; cung cấp thông tin kịp thời, chính xác nhằm định hướng dư luận xã hội trong đoàn viên, thanh thiếu niên',
        ),
        item(
          'c1.3',
          'Ba là',
          'Chủ động thực hiện nhiệm vụ đại diện, chăm lo, bảo vệ quyền lợi và lợi ích hợp pháp, chính đáng của cán bộ đoàn, đoàn viên, thanh thiếu nhi, đại diện tiếng nói, nguyện vọng của trẻ em tại địa phương, đơn vị',
        ),
        item(
          'c1.4',
          'Bốn là',
          'Chủ động rà soát, thống kê, lập danh sách những đoàn viên, thanh thiếu niên có hoàn cảnh khó khăn trên địa bàn, trong đơn vị, đặc biệt thanh niên dân tộc, thanh niên tôn giáo, thanh niên yếu thế để có kế hoạch giúp đỡ',
          { evidence: 'careListKept' },
        ),
        item(
          'c1.5',
          'Năm là',
          'Chủ động phổ biến tới từng đoàn viên và tuyên truyền trong thanh niên những vấn đề mới trong đường lối của Đảng, chính sách pháp luật của Nhà nước; tình hình thế giới, trong nước, địa phương, đơn vị và những vấn đề thực tiễn công tác Đoàn và phong trào thanh niên; những vấn đề mới trong công tác bảo vệ nền tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch',
        ),
      ],
    },
    {
      key: 'c2',
      ref: '2',
      title: CRITERION_TITLES.plans,
      items: [
        item(
          'c2.1',
          undefined,
          'Chủ động xây dựng chương trình hành động, kế hoạch công tác của đơn vị nhằm cụ thể hóa nghị quyết của cấp ủy Đảng, lãnh đạo địa phương, đơn vị và của Đoàn cấp trên',
        ),
        item(
          'c2.2',
          undefined,
          'Chủ động triển khai thực hiện chương trình công tác hằng năm của đơn vị; tổ chức các hoạt động tạo thêm việc làm và thu nhập hợp pháp co cán bộ, đoàn viên, thanh niên, tạo nguồn kinh phí cho hoạt động của đoàn cơ sở, tạo môi trường giáo dục, rèn luyện đoàn viên, thanh thiếu nhi, triển khai thực hiện công trình, phần việc thanh niên; phát huy thanh niên đề xuất các ý tưởng, sáng kiến, hỗ trợ triển khai, hiện thực hóa các ý tưởng, sáng kiến của đoàn viên, thanh niên',
        ),
        item(
          'c2.3',
          undefined,
          'Chủ động triển khai các giải pháp nhằm đổi mới nội dung, phương thức sinh hoạt, hoạt động của chi đoàn, đoàn cơ sở; cụ thể hóa định hướng nội dung sinh hoạt chi đoàn theo hướng dẫn của Đoàn cấp trên theo hướng tăng cường chuyển đổi số; đảm bảo sinh hoạt chi đoàn định kỳ',
          { evidence: 'meetsMonthly' },
        ),
        item(
          'c2.4',
          undefined,
          'Chủ động xây dựng và phát triển tổ chức, đặc biệt trong việc thực hiện chủ trương 1+1',
          { evidence: 'recruiterCredits' },
        ),
        item(
          'c2.5',
          undefined,
          'Chủ động trong kiểm tra, đánh giá, tự phê bình và phê bình; trong phát hiện, nhân rộng các mô hình, gương điển hình tiên tiến',
        ),
      ],
    },
    {
      key: 'c3',
      ref: '3',
      title: CRITERION_TITLES.advice,
      items: [
        item(
          'c3.1',
          undefined,
          'Chủ động, sáng tạo tham mưu tăng cường cơ chế làm việc, đối thoại giữa cấp ủy, chính quyền về các vấn đề liên quan đến công tác Đoàn và phong trào thanh thiếu nhi và các vấn đề liên quan đến đối tượng thanh niên, thiếu niên và nhi đồng',
        ),
        item(
          'c3.2',
          undefined,
          'Chủ động phối hợp với chính quyền, các đoàn thể, chi ủy thôn (xóm, phố, khối…) đơn vị cấp dưới và các tổ chức kinh tế, xã hội làm tốt công tác thanh niên, chăm lo xây dựng Đoàn, tích cực xây dựng cơ sở Đoàn, Hội, Đội ở địa bàn dân cư, tham gia xây dựng, bảo vệ chính quyền',
        ),
        item(
          'c3.3',
          undefined,
          'Chủ động tham mưu cho cấp ủy trong công tác giới thiệu đoàn viên ưu tú cho Đảng xem xét, kết nạp; tăng cường bồi dưỡng, kiên trì đeo bám thực hiện tiêu chí kết nạp đảng viên mới từ nguồn đoàn viên ưu tú đã giới thiệu cho Đảng',
          { evidence: 'partyIntroductions' },
        ),
        item(
          'c3.4',
          undefined,
          'Chủ động giưới thiệu cán bộ, đoàn viên vào quy hoạch, đào tạo, sử dụng cán bộ của Đảng, chính quyền, các đoàn thể và cá tổ chức kinh tế, xã hội',
        ),
        item(
          'c3.5',
          undefined,
          'Chủ động phối hợp với cơ quan, đơn vị, doanh nghiệp huy động các nguồn lực xã hội phục vụ công tác đoàn và phong trào thanh thiếu nhi tại địa phương, đơn vị',
        ),
      ],
    },
  ],
  classes: classes(15),
};
