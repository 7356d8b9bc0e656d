import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import type { CriteriaSet } from './criteria.js';
import {
  assertClassAllowed,
  assertOverride,
  classOf,
  classRank,
  diffResults,
  itemMet,
  itemPoints,
  scoreIssues,
  totalScore,
  unmetMandatory,
  validateScores,
} from './scoring.js';

const thrown = (fn: () => void): DomainError => {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a refusal');
};

const SET: CriteriaSet = {
  programme: 'test',
  title: 'Bộ thử',
  periodLabel: '2024',
  validFrom: 2024,
  validTo: null,
  subject: 'member',
  cycles: ['year'],
  needsRegistration: false,
  criteria: [
    {
      key: 'a',
      title: 'A',
      items: [
        { key: 'charter', text: 'Chấp hành Điều lệ', rule: { kind: 'yesno', points: 40 }, mandatory: true },
        { key: 'work', text: 'Công việc', rule: { kind: 'points', max: 30 }, mandatory: false },
        {
          key: 'attendance',
          text: 'Tham gia sinh hoạt',
          rule: {
            kind: 'level',
            levels: [
              { key: 'high', label: 'Từ 90%', points: 30 },
              { key: 'mid', label: 'Từ 50%', points: 15 },
              { key: 'low', label: 'Dưới 50%', points: 0 },
            ],
          },
          mandatory: true,
          passAt: 15,
        },
      ],
    },
  ],
  classes: [
    {
      key: 'excellent',
      label: 'Xuất sắc',
      minScore: 90,
      needsAllMandatory: true,
      requires: [{ item: 'attendance', minPoints: 30 }],
    },
    { key: 'good', label: 'Tốt', minScore: 70, needsAllMandatory: true },
    { key: 'done', label: 'Hoàn thành', minScore: 50, needsAllMandatory: true },
    { key: 'notDone', label: 'Không hoàn thành', minScore: 0, needsAllMandatory: false },
  ],
};

const item = (key: string) => SET.criteria[0]!.items.find((i) => i.key === key)!;
const full = { charter: true, work: 30, attendance: 'high' };

describe('scoring: checks', () => {
  it('accepts valid scores, partial unless asked to be complete', () => {
    expect(() => validateScores(SET, full, { complete: true })).not.toThrow();
    expect(() => validateScores(SET, { work: 12.5 })).not.toThrow();
    const e = thrown(() => validateScores(SET, { work: 12.5 }, { complete: true }));
    expect(e.message).toContain('Chưa chấm mục "Chấp hành Điều lệ"');
    expect(e.details).toHaveLength(2);
  });

  it('refuses unknown items', () => {
    const e = thrown(() => validateScores(SET, { ...full, bonus: 5 }));
    expect(e.code).toBe('validation');
    expect(e.message).toBe('Mục "bonus" không có trong bộ tiêu chí "Bộ thử".');
    expect(e.details).toEqual([{ field: 'scores.bonus', message: e.message }]);
  });

  it('refuses points above the maximum or below 0, and non-numbers', () => {
    expect(thrown(() => validateScores(SET, { work: 31 })).message).toBe(
      'Điểm mục "Công việc" là 31, vượt quá điểm tối đa 30.',
    );
    expect(thrown(() => validateScores(SET, { work: -1 })).message).toBe('Điểm mục "Công việc" không được âm.');
    expect(thrown(() => validateScores(SET, { work: Number.NaN })).message).toContain('phải là một số');
    expect(thrown(() => validateScores(SET, { work: '5' })).message).toContain('phải là một số');
  });

  it('refuses unknown levels and wrong yes/no values', () => {
    expect(thrown(() => validateScores(SET, { attendance: 'max' })).message).toBe(
      'Mục "Tham gia sinh hoạt" phải chọn một trong các mức: "Từ 90%", "Từ 50%", "Dưới 50%".',
    );
    expect(thrown(() => validateScores(SET, { charter: 1 })).message).toContain('chỉ chấm Có hoặc Không');
  });

  it('reports every problem at once', () => {
    const e = thrown(() => validateScores(SET, { work: 99, attendance: 'x', other: true }));
    expect(e.message).toContain('(và 2 lỗi khác)');
    expect(scoreIssues(SET, { work: 99, attendance: 'x', other: true })).toHaveLength(3);
  });
});

describe('scoring: totals and classes', () => {
  it('totals the points, unscored items counting 0', () => {
    expect(totalScore(SET, full)).toBe(100);
    expect(totalScore(SET, { charter: false, work: 10.25, attendance: 'mid' })).toBe(25.25);
    expect(totalScore(SET, {})).toBe(0);
    expect(() => totalScore(SET, { work: 40 })).toThrow(DomainError);
  });

  it('knows points and pass marks per item', () => {
    expect(itemPoints(item('charter'), true)).toBe(40);
    expect(itemPoints(item('charter'), false)).toBe(0);
    expect(itemPoints(item('attendance'), undefined)).toBe(0);
    expect(itemMet(item('attendance'), 'mid')).toBe(true);
    expect(itemMet(item('attendance'), 'low')).toBe(false);
    expect(itemMet(item('work'), 29)).toBe(false);
    expect(unmetMandatory(SET, { charter: true, attendance: 'low' }).map((i) => i.key)).toEqual(['attendance']);
  });

  it('gives the best class whose score and conditions are reached', () => {
    expect(classOf(SET, full).key).toBe('excellent');
    expect(classOf(SET, { charter: true, work: 30, attendance: 'mid' }).key).toBe('good');
    expect(classOf(SET, { charter: true, work: 0, attendance: 'mid' }).key).toBe('done');
    expect(classOf(SET, { charter: false, work: 30, attendance: 'high' }).key).toBe('notDone');
    expect(classRank(SET, 'good')).toBe(1);
  });

  it('lets a high total fall to the fallback when a mandatory item is missed', () => {
    expect(totalScore(SET, { charter: true, work: 30, attendance: 'low' })).toBe(70);
    expect(classOf(SET, { charter: true, work: 30, attendance: 'low' }).key).toBe('notDone');
  });
});

describe('scoring: proposed classes', () => {
  it('accepts the computed class or a lower one', () => {
    expect(() => assertClassAllowed(SET, full, 'excellent')).not.toThrow();
    expect(() => assertClassAllowed(SET, full, 'good')).not.toThrow();
  });

  it('refuses an unknown class, naming the classes', () => {
    const e = thrown(() => assertClassAllowed(SET, full, 'best'));
    expect(e.code).toBe('validation');
    expect(e.message).toContain('"Xuất sắc", "Tốt", "Hoàn thành", "Không hoàn thành"');
  });

  it('refuses a class that contradicts a mandatory item, even on override', () => {
    const scores = { charter: false, work: 30, attendance: 'high' };
    for (const override of [false, true]) {
      const e = thrown(() => assertClassAllowed(SET, scores, 'done', { override }));
      expect(e.code).toBe('rule_violation');
      expect(e.message).toBe(
        'Không thể xếp loại "Hoàn thành" vì chưa đạt yêu cầu bắt buộc của loại này ở mục: "Chấp hành Điều lệ". Hãy chọn loại thấp hơn hoặc sửa điểm mục này.',
      );
    }
    expect(() => assertClassAllowed(SET, scores, 'notDone')).not.toThrow();
  });

  it('refuses the top class without its own requirement (attendance at the top level)', () => {
    const e = thrown(() =>
      assertClassAllowed(SET, { charter: true, work: 30, attendance: 'mid' }, 'excellent', { override: true }),
    );
    expect(e.message).toContain('"Tham gia sinh hoạt"');
  });

  it('refuses a class above the score unless the level above overrides', () => {
    const scores = { charter: true, work: 0, attendance: 'high' };
    const e = thrown(() => assertClassAllowed(SET, scores, 'excellent'));
    expect(e.message).toBe('Tổng điểm 70 chưa đạt mức 90 điểm của loại "Xuất sắc": theo điểm, kết quả là "Tốt".');
    expect(() => assertClassAllowed(SET, scores, 'excellent', { override: true })).not.toThrow();
  });
});

describe('scoring: overrides by the level above', () => {
  const before = { scores: { charter: true, work: 20, attendance: 'high' }, classKey: 'good' };

  it('needs no reason when nothing changes', () => {
    expect(assertOverride(SET, { before, after: before })).toEqual({ items: [], classChanged: false });
  });

  it('refuses a changed score or class without a reason', () => {
    const after = { scores: { ...before.scores, work: 10 }, classKey: 'good' };
    const e = thrown(() => assertOverride(SET, { before, after, reason: '   ' }));
    expect(e.code).toBe('validation');
    expect(e.details).toEqual([expect.objectContaining({ field: 'reason' })]);
    expect(e.message).toContain('thay đổi điểm');
    const classOnly = thrown(() => assertOverride(SET, { before, after: { ...before, classKey: 'excellent' } }));
    expect(classOnly.message).toContain('thay đổi xếp loại');
  });

  it('accepts a change with a reason and says what changed', () => {
    const after = { scores: { ...before.scores, work: 30 }, classKey: 'excellent' };
    expect(assertOverride(SET, { before, after, reason: 'Bổ sung minh chứng công trình thanh niên' })).toEqual({
      items: ['work'],
      classChanged: true,
    });
    expect(diffResults(before, { scores: { charter: true, work: 20 }, classKey: 'good' }).items).toEqual([
      'attendance',
    ]);
  });

  it('refuses an override that breaks the scores or a mandatory item, reason or not', () => {
    const reason = 'Lý do';
    expect(thrown(() => assertOverride(SET, { before, after: { ...before, scores: { work: 50 } }, reason })).code).toBe(
      'validation',
    );
    const noCharter = { scores: { ...before.scores, charter: false }, classKey: 'good' };
    expect(thrown(() => assertOverride(SET, { before, after: noCharter, reason })).code).toBe('rule_violation');
  });
});
