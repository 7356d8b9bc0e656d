import type { ClassRule, CriteriaSet, ScoreLevel } from './criteria.js';

/**
 * The yearly member rating and the half-yearly and yearly ratings of branches and đoàn cơ sở (DOMAIN.md §6,
 * [config]). The four classes are those of the current scheme; the items and points are defaults an administrator
 * may replace with the province's own set. Evidence keys name the facts the system computes (attendance, fee,
 * Rèn luyện, 1+1, regular meetings, monthly review).
 */

/** Programme keys of the ratings. */
export const MEMBER_RATING = 'memberRating';
export const BRANCH_RATING = 'branchRating';
export const GRASSROOTS_RATING = 'grassrootsRating';

/** The class keys of the current scheme, best first. */
export const RATING_CLASS_KEYS = ['excellent', 'good', 'done', 'notDone'] as const;

/** Vietnamese names of the four classes. */
export const RATING_CLASS_LABELS: Record<(typeof RATING_CLASS_KEYS)[number], string> = {
  excellent: 'Hoàn thành xuất sắc nhiệm vụ',
  good: 'Hoàn thành tốt nhiệm vụ',
  done: 'Hoàn thành nhiệm vụ',
  notDone: 'Không hoàn thành nhiệm vụ',
};

function ratingClasses(topRequires: ClassRule['requires'] = []): ClassRule[] {
  return [
    {
      key: 'excellent',
      label: RATING_CLASS_LABELS.excellent,
      minScore: 90,
      needsAllMandatory: true,
      requires: topRequires,
    },
    { key: 'good', label: RATING_CLASS_LABELS.good, minScore: 75, needsAllMandatory: true },
    { key: 'done', label: RATING_CLASS_LABELS.done, minScore: 50, needsAllMandatory: true },
    { key: 'notDone', label: RATING_CLASS_LABELS.notDone, minScore: 0, needsAllMandatory: false },
  ];
}

function shareLevels(points: [number, number, number]): ScoreLevel[] {
  return [
    { key: 'atLeast90', label: 'Từ 90% trở lên', points: points[0] },
    { key: 'atLeast70', label: 'Từ 70% đến dưới 90%', points: points[1] },
    { key: 'atLeast50', label: 'Từ 50% đến dưới 70%', points: points[2] },
    { key: 'below50', label: 'Dưới 50%', points: 0 },
  ];
}

/** The level key of a share (0–1) on the attendance-like scales above. */
export function shareLevel(share: number): 'atLeast90' | 'atLeast70' | 'atLeast50' | 'below50' {
  if (share + 1e-9 >= 0.9) return 'atLeast90';
  if (share + 1e-9 >= 0.7) return 'atLeast70';
  if (share + 1e-9 >= 0.5) return 'atLeast50';
  return 'below50';
}

const CURRENT = { periodLabel: 'từ năm 2023', validFrom: 2023, validTo: null } as const;

/** Yearly member rating (xếp loại đoàn viên): the top class needs at least 90% attendance. */
export const MEMBER_RATING_SET: CriteriaSet = {
  programme: MEMBER_RATING,
  title: 'Đánh giá, xếp loại đoàn viên',
  ...CURRENT,
  subject: 'member',
  cycles: ['year'],
  needsRegistration: false,
  criteria: [
    {
      key: 'politics',
      title: 'Nhận thức chính trị, đạo đức, lối sống',
      items: [
        {
          key: 'charter',
          text: 'Chấp hành Điều lệ Đoàn, chủ trương của Đảng, chính sách, pháp luật của Nhà nước',
          rule: { kind: 'yesno', points: 20 },
          mandatory: true,
        },
        {
          key: 'ethics',
          text: 'Có đạo đức, lối sống lành mạnh; tự phê bình và phê bình trong sinh hoạt chi đoàn',
          rule: { kind: 'points', max: 10 },
          mandatory: false,
        },
      ],
    },
    {
      key: 'activity',
      title: 'Tham gia sinh hoạt và hoạt động Đoàn',
      items: [
        {
          key: 'attendance',
          text: 'Tham gia sinh hoạt chi đoàn (tỷ lệ có mặt trong năm)',
          rule: { kind: 'level', levels: shareLevels([25, 18, 10]) },
          mandatory: true,
          passAt: 10,
          evidence: 'attendanceShare',
        },
        {
          key: 'fee',
          text: 'Đóng đoàn phí đầy đủ',
          rule: { kind: 'yesno', points: 10 },
          mandatory: true,
          evidence: 'feePaid',
        },
        {
          key: 'training',
          text: 'Thực hiện chương trình “Rèn luyện đoàn viên”',
          rule: { kind: 'yesno', points: 15 },
          mandatory: false,
          evidence: 'trainingDone',
        },
      ],
    },
    {
      key: 'tasks',
      title: 'Thực hiện nhiệm vụ',
      items: [
        {
          key: 'work',
          text: 'Hoàn thành nhiệm vụ học tập, lao động, công tác',
          rule: { kind: 'points', max: 10 },
          mandatory: false,
        },
        {
          key: 'recruitment',
          text: 'Vận động, tập hợp ít nhất 01 thanh niên vào tổ chức Đoàn, Hội (chủ trương 1 + 1)',
          rule: { kind: 'yesno', points: 10 },
          mandatory: false,
          evidence: 'recruiterCredits',
        },
      ],
    },
  ],
  classes: ratingClasses([{ item: 'attendance', minPoints: 25 }]),
};

/** Half-yearly and yearly branch rating (xếp loại chi đoàn). */
export const BRANCH_RATING_SET: CriteriaSet = {
  programme: BRANCH_RATING,
  title: 'Đánh giá, xếp loại chi đoàn',
  ...CURRENT,
  subject: 'branch',
  cycles: ['halfYear', 'year'],
  needsRegistration: false,
  criteria: [
    {
      key: 'organisation',
      title: 'Sinh hoạt và quản lý đoàn viên',
      items: [
        {
          key: 'meetings',
          text: 'Sinh hoạt chi đoàn định kỳ theo Điều lệ Đoàn',
          rule: { kind: 'yesno', points: 20 },
          mandatory: true,
          evidence: 'meetsMonthly',
        },
        {
          key: 'attendance',
          text: 'Tỷ lệ đoàn viên tham gia sinh hoạt chi đoàn',
          rule: { kind: 'level', levels: shareLevels([15, 10, 5]) },
          mandatory: false,
          evidence: 'attendanceShare',
        },
        {
          key: 'review',
          text: 'Rà soát tình hình đoàn viên 1 tháng/lần vào đợt sinh hoạt đoàn',
          rule: { kind: 'yesno', points: 10 },
          mandatory: false,
          evidence: 'monthlyReviewDone',
        },
        {
          key: 'fee',
          text: 'Thu, nộp đoàn phí đầy đủ, đúng hạn',
          rule: { kind: 'yesno', points: 10 },
          mandatory: true,
          evidence: 'feePaid',
        },
        {
          key: 'books',
          text: 'Sổ sách chi đoàn đầy đủ, cập nhật',
          rule: { kind: 'points', max: 10 },
          mandatory: false,
        },
      ],
    },
    {
      key: 'work',
      title: 'Thực hiện nhiệm vụ',
      items: [
        {
          key: 'training',
          text: 'Tổ chức cho đoàn viên thực hiện chương trình “Rèn luyện đoàn viên”',
          rule: { kind: 'points', max: 10 },
          mandatory: false,
          evidence: 'trainingDone',
        },
        {
          key: 'recruitment',
          text: 'Thực hiện chủ trương 1 + 1, phát triển đoàn viên mới',
          rule: { kind: 'points', max: 10 },
          mandatory: false,
          evidence: 'recruiterCredits',
        },
        {
          key: 'projects',
          text: 'Thực hiện công trình, phần việc thanh niên và các hoạt động do Đoàn cấp trên triển khai',
          rule: { kind: 'points', max: 15 },
          mandatory: false,
        },
      ],
    },
  ],
  classes: ratingClasses([{ item: 'attendance', minPoints: 10 }]),
};

/** Half-yearly and yearly rating of a đoàn cơ sở; the "3 chủ động" recognition counts in it (seed 000 §IV). */
export const GRASSROOTS_RATING_SET: CriteriaSet = {
  programme: GRASSROOTS_RATING,
  title: 'Đánh giá, xếp loại Đoàn cơ sở',
  ...CURRENT,
  subject: 'grassroots',
  cycles: ['halfYear', 'year'],
  needsRegistration: false,
  criteria: [
    {
      key: 'building',
      title: 'Xây dựng tổ chức Đoàn',
      items: [
        {
          key: 'threeProactive',
          text: 'Kết quả triển khai thực hiện xây dựng đoàn cơ sở “3 chủ động”',
          rule: { kind: 'yesno', points: 20 },
          mandatory: false,
          evidence: 'threeProactive',
        },
        {
          key: 'memberSoftware',
          text: 'Quản lý đoàn viên trên phần mềm Quản lý đoàn viên, cập nhật thường xuyên',
          rule: { kind: 'yesno', points: 10 },
          mandatory: true,
          evidence: 'usesMemberSoftware',
        },
        {
          key: 'branchMeetings',
          text: 'Tỷ lệ chi đoàn sinh hoạt định kỳ theo Điều lệ Đoàn',
          rule: { kind: 'level', levels: shareLevels([15, 10, 5]) },
          mandatory: false,
          evidence: 'meetsMonthly',
        },
        {
          key: 'fee',
          text: 'Thu, nộp đoàn phí đầy đủ về Đoàn cấp trên',
          rule: { kind: 'yesno', points: 10 },
          mandatory: true,
          evidence: 'feePaid',
        },
      ],
    },
    {
      key: 'work',
      title: 'Thực hiện nhiệm vụ',
      items: [
        {
          key: 'plan',
          text: 'Xây dựng chương trình hành động, kế hoạch công tác; báo cáo đúng hạn',
          rule: { kind: 'points', max: 15 },
          mandatory: false,
        },
        {
          key: 'recruitment',
          text: 'Phát triển đoàn viên mới, thực hiện chủ trương 1 + 1',
          rule: { kind: 'points', max: 10 },
          mandatory: false,
          evidence: 'recruiterCredits',
        },
        {
          key: 'partyIntroduction',
          text: 'Giới thiệu đoàn viên ưu tú cho Đảng',
          rule: { kind: 'yesno', points: 10 },
          mandatory: false,
          evidence: 'partyIntroductions',
        },
        {
          key: 'care',
          text: 'Lập danh sách và có kế hoạch giúp đỡ đoàn viên, thanh thiếu nhi có hoàn cảnh khó khăn',
          rule: { kind: 'yesno', points: 10 },
          mandatory: false,
          evidence: 'careListKept',
        },
      ],
    },
  ],
  classes: ratingClasses(),
};
