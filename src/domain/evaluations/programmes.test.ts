import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { allItems, maxTotal, validateCriteriaSet, type CriteriaSet } from './criteria.js';
import { stepDeadline, stepsOf } from './cycle-steps.js';
import {
  assertNoOverlap,
  BRANCH_RATING_SET,
  EXEMPLARY_BRANCH_SET,
  findCriteriaSet,
  GRASSROOTS_3_PROACTIVE_2018_2022,
  GRASSROOTS_3_PROACTIVE_2023_2027,
  GRASSROOTS_RATING_SET,
  MEMBER_RATING_SET,
  RATING_CLASS_LABELS,
  shareLevel,
  SHIPPED_CRITERIA_SETS,
} from './programmes.js';
import { classOf, type Scores } from './scoring.js';

const thrown = (fn: () => void): DomainError => {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a refusal');
};

/** Full marks on every item. */
const fullMarks = (set: CriteriaSet): Scores =>
  Object.fromEntries(
    allItems(set).map((item) => {
      if (item.rule.kind === 'yesno') return [item.key, true];
      if (item.rule.kind === 'points') return [item.key, item.rule.max];
      const best = [...item.rule.levels].sort((a, b) => b.points - a.points)[0]!;
      return [item.key, best.key];
    }),
  );

describe('shipped programmes', () => {
  it.each(SHIPPED_CRITERIA_SETS.map((set) => [`${set.title} ${set.periodLabel}`, set] as const))(
    '%s is a valid criteria set whose full marks reach the top class',
    (_name, set) => {
      expect(() => validateCriteriaSet(set)).not.toThrow();
      expect(classOf(set, fullMarks(set)).key).toBe(set.classes[0]!.key);
      expect(classOf(set, {}).key).toBe(set.classes[set.classes.length - 1]!.key);
    },
  );

  it('finds the set that applies to a year, and refuses a year without one', () => {
    expect(findCriteriaSet(SHIPPED_CRITERIA_SETS, 'grassroots3Proactive', 2020)).toBe(GRASSROOTS_3_PROACTIVE_2018_2022);
    expect(findCriteriaSet(SHIPPED_CRITERIA_SETS, 'grassroots3Proactive', 2025)).toBe(GRASSROOTS_3_PROACTIVE_2023_2027);
    const e = thrown(() => findCriteriaSet(SHIPPED_CRITERIA_SETS, 'grassroots3Proactive', 2028));
    expect(e.code).toBe('not_found');
    expect(e.message).toContain('năm 2028');
  });

  it('refuses a new set overlapping the years of another set of the programme', () => {
    const next = { ...GRASSROOTS_3_PROACTIVE_2023_2027, periodLabel: '2028 – 2032', validFrom: 2028, validTo: 2032 };
    expect(() => assertNoOverlap(SHIPPED_CRITERIA_SETS, next)).not.toThrow();
    const clash = { ...next, validFrom: 2027 };
    const e = thrown(() => assertNoOverlap(SHIPPED_CRITERIA_SETS, clash));
    expect(e.code).toBe('conflict');
    expect(e.message).toContain('giai đoạn 2023 – 2027');
    const openEnded = { ...MEMBER_RATING_SET, validFrom: 2030 };
    expect(() => assertNoOverlap(SHIPPED_CRITERIA_SETS, openEnded)).toThrow(DomainError);
  });
});

describe('Đoàn cơ sở “3 chủ động”', () => {
  it('has the three criteria of the seeds, in both periods', () => {
    for (const set of [GRASSROOTS_3_PROACTIVE_2018_2022, GRASSROOTS_3_PROACTIVE_2023_2027]) {
      expect(set.criteria.map((c) => c.title)).toEqual([
        'Chủ động thực hiện quản lý đoàn viên và chăm lo, nắm bắt tình hình thanh niên ở địa phương, đơn vị',
        'Chủ động xây dựng và thực hiện kế hoạch công tác',
        'Chủ động tham mưu với cấp ủy, phối hợp với các tổ chức liên quan',
      ]);
      expect(set.classes[0]!.minScore).toBe(maxTotal(set));
      expect(stepsOf(set)[0]).toBe('registration');
    }
  });

  it('quotes the 2023 – 2027 sub-items of seed 002', () => {
    const items = allItems(GRASSROOTS_3_PROACTIVE_2023_2027);
    expect(items).toHaveLength(15);
    expect(items[0]!.text).toMatch(/^Chủ động sử dụng phần mềm quản lý đoàn viên thực hiện các nghiệp vụ/);
    expect(items[0]!.evidence).toBe('usesMemberSoftware');
    expect(items.find((i) => i.key === 'c2.4')!.text).toBe(
      'Chủ động xây dựng và phát triển tổ chức, đặc biệt trong việc thực hiện chủ trương 1+1',
    );
    expect(items.find((i) => i.key === 'c2.4')!.evidence).toBe('recruiterCredits');
  });

  it('quotes the 2018 – 2022 sub-items of seed 000 §II, with the monthly review', () => {
    const items = allItems(GRASSROOTS_3_PROACTIVE_2018_2022);
    expect(items.map((i) => i.ref)).toEqual([
      '1.1',
      '1.2',
      '1.2',
      '1.3',
      '1.4',
      '2.1',
      '2.2',
      '2.3',
      '2.4',
      '2.5',
      '3.1',
      '3.2',
      '3.3',
      '3.4',
      '3.5',
    ]);
    expect(items.find((i) => i.key === 'c1.2b')).toMatchObject({
      text: 'Rà soát tình hình đoàn viên 1 tháng/lần vào đợt sinh hoạt đoàn; phân loại đoàn viên làm ăn xa, đoàn viên ở tại địa phương để quản lý cho phù hợp',
      evidence: 'monthlyReviewDone',
    });
  });

  it('registers before 20/11 of the year before (2023 – 2027), in December under the older plan', () => {
    expect(stepDeadline(GRASSROOTS_3_PROACTIVE_2023_2027, 'registration', 2025)).toBe('2024-11-20');
    expect(stepDeadline(GRASSROOTS_3_PROACTIVE_2018_2022, 'registration', 2020)).toBe('2019-12-31');
    expect(stepDeadline(GRASSROOTS_3_PROACTIVE_2018_2022, 'evaluation', 2020)).toBe('2020-09-30');
  });

  it('is not recognised when a single sub-item is missed', () => {
    const set = GRASSROOTS_3_PROACTIVE_2023_2027;
    expect(classOf(set, { ...fullMarks(set), 'c3.4': false }).key).toBe('notRecognised');
  });
});

describe('ratings', () => {
  it('has the four classes of the current scheme', () => {
    for (const set of [MEMBER_RATING_SET, BRANCH_RATING_SET, GRASSROOTS_RATING_SET]) {
      expect(set.classes.map((c) => c.label)).toEqual([
        'Hoàn thành xuất sắc nhiệm vụ',
        'Hoàn thành tốt nhiệm vụ',
        'Hoàn thành nhiệm vụ',
        'Không hoàn thành nhiệm vụ',
      ]);
    }
    expect(RATING_CLASS_LABELS.notDone).toBe('Không hoàn thành nhiệm vụ');
    expect(MEMBER_RATING_SET.cycles).toEqual(['year']);
    expect(BRANCH_RATING_SET.cycles).toEqual(['halfYear', 'year']);
    expect(GRASSROOTS_RATING_SET.cycles).toEqual(['halfYear', 'year']);
  });

  it('keeps the top member class for attendance of at least 90%', () => {
    const full = fullMarks(MEMBER_RATING_SET);
    expect(classOf(MEMBER_RATING_SET, full).key).toBe('excellent');
    expect(classOf(MEMBER_RATING_SET, { ...full, attendance: shareLevel(0.89) }).key).toBe('good');
    expect(classOf(MEMBER_RATING_SET, { ...full, attendance: shareLevel(0.4) }).key).toBe('notDone');
    expect(classOf(MEMBER_RATING_SET, { ...full, fee: false }).key).toBe('notDone');
  });

  it('reads shares into attendance levels', () => {
    expect([0.9, 0.7, 0.5, 0.49].map(shareLevel)).toEqual(['atLeast90', 'atLeast70', 'atLeast50', 'below50']);
  });

  it('names the evidence the system computes', () => {
    const evidence = allItems(MEMBER_RATING_SET).map((i) => i.evidence);
    expect(evidence).toEqual(
      expect.arrayContaining(['attendanceShare', 'feePaid', 'trainingDone', 'recruiterCredits']),
    );
  });
});

describe('Chi đoàn vững mạnh tiêu biểu', () => {
  it('has the “3 nắm – 3 biết – 3 làm” criteria', () => {
    expect(EXEMPLARY_BRANCH_SET.criteria.map((c) => [c.title, c.items.map((i) => i.text)])).toEqual([
      ['3 nắm', ['Nắm tình hình địa bàn', 'Nắm đoàn viên', 'Nắm thanh niên']],
      [
        '3 biết',
        ['Biết Nghị quyết của Đảng', 'Biết chương trình hành động của Đoàn', 'Biết nhu cầu của đoàn viên thanh niên'],
      ],
      [
        '3 làm',
        ['Làm chương trình rèn luyện đoàn viên', 'Làm công trình thanh niên', 'Làm công tác vận động quần chúng'],
      ],
    ]);
  });

  it('recognises a branch only when all nine are met', () => {
    const full = fullMarks(EXEMPLARY_BRANCH_SET);
    expect(classOf(EXEMPLARY_BRANCH_SET, full).label).toBe('Chi đoàn vững mạnh tiêu biểu');
    expect(classOf(EXEMPLARY_BRANCH_SET, { ...full, 'do.youthProjects': false }).key).toBe('notRecognised');
  });
});
