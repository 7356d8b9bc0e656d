import type { CriteriaSet, CriterionItem, EvidenceKey } from './criteria.js';

/**
 * "Chi đoàn vững mạnh tiêu biểu", recognised yearly "gắn với các tiêu chí xây dựng chi đoàn theo tiêu chí “3 nắm – 3
 * biết – 3 làm”" (seed 003 §II.2.1). Seed 003 names the criteria only; their nine contents are quoted from seed 001
 * §III.5 ("nắm tình hình địa bàn, nắm đoàn viên, nắm thanh niên; …"). No points are given in the sources: each is a
 * mandatory yes/no item worth one point, and recognition needs all nine.
 */

/** Programme key of "Chi đoàn vững mạnh tiêu biểu". */
export const EXEMPLARY_BRANCH = 'exemplaryBranch';

function item(key: string, text: string, evidence?: EvidenceKey): CriterionItem {
  return { key, text, rule: { kind: 'yesno', points: 1 }, mandatory: true, ...(evidence ? { evidence } : {}) };
}

/** The "3 nắm – 3 biết – 3 làm" criteria set. */
export const EXEMPLARY_BRANCH_SET: CriteriaSet = {
  programme: EXEMPLARY_BRANCH,
  title: 'Chi đoàn vững mạnh tiêu biểu',
  periodLabel: 'từ năm 2014',
  validFrom: 2014,
  validTo: null,
  subject: 'branch',
  cycles: ['year'],
  needsRegistration: false,
  source:
    'Chương trình hành động nâng cao chất lượng công tác tổ chức cơ sở Đoàn giai đoạn 2014 - 2017, mục II.2.1 (seed 003); nội dung “3 nắm, 3 biết, 3 làm” theo seed 001, mục III.5',
  criteria: [
    {
      key: 'grasp',
      title: '3 nắm',
      items: [
        item('grasp.area', 'Nắm tình hình địa bàn'),
        item('grasp.members', 'Nắm đoàn viên', 'monthlyReviewDone'),
        item('grasp.youth', 'Nắm thanh niên'),
      ],
    },
    {
      key: 'know',
      title: '3 biết',
      items: [
        item('know.partyResolutions', 'Biết Nghị quyết của Đảng'),
        item('know.actionProgramme', 'Biết chương trình hành động của Đoàn'),
        item('know.youthNeeds', 'Biết nhu cầu của đoàn viên thanh niên'),
      ],
    },
    {
      key: 'do',
      title: '3 làm',
      items: [
        item('do.training', 'Làm chương trình rèn luyện đoàn viên', 'trainingDone'),
        item('do.youthProjects', 'Làm công trình thanh niên'),
        item('do.massMobilisation', 'Làm công tác vận động quần chúng'),
      ],
    },
  ],
  classes: [
    { key: 'recognised', label: 'Chi đoàn vững mạnh tiêu biểu', minScore: 9, needsAllMandatory: true },
    { key: 'notRecognised', label: 'Chưa đạt Chi đoàn vững mạnh tiêu biểu', minScore: 0, needsAllMandatory: false },
  ],
};
