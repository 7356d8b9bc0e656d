import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import {
  appliesTo,
  assertEditable,
  criteriaSetIssues,
  itemMaxPoints,
  maxTotal,
  validateCriteriaSet,
  type CriteriaSet,
  type EvidenceKey,
} from './criteria.js';

const thrown = (fn: () => void): DomainError => {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a refusal');
};

const base = (): CriteriaSet => ({
  programme: 'test',
  title: 'Bộ thử',
  periodLabel: '2024',
  validFrom: 2024,
  validTo: 2025,
  subject: 'branch',
  cycles: ['year'],
  needsRegistration: false,
  criteria: [
    {
      key: 'a',
      title: 'Tiêu chí A',
      items: [
        { key: 'a1', text: 'Có/Không', rule: { kind: 'yesno', points: 10 }, mandatory: true },
        { key: 'a2', text: 'Điểm', rule: { kind: 'points', max: 20 }, mandatory: false },
        {
          key: 'a3',
          text: 'Mức',
          rule: {
            kind: 'level',
            levels: [
              { key: 'hi', label: 'Cao', points: 30 },
              { key: 'lo', label: 'Thấp', points: 0 },
            ],
          },
          mandatory: false,
          evidence: 'attendanceShare',
        },
      ],
    },
  ],
  classes: [
    { key: 'top', label: 'Tốt', minScore: 50, needsAllMandatory: true },
    { key: 'bottom', label: 'Chưa tốt', minScore: 0, needsAllMandatory: false },
  ],
});

const fields = (set: CriteriaSet) => criteriaSetIssues(set).map((i) => i.field);

describe('criteria: a valid set', () => {
  it('passes and sums its maximum', () => {
    expect(() => validateCriteriaSet(base())).not.toThrow();
    expect(maxTotal(base())).toBe(60);
    expect(base().criteria[0]!.items.map(itemMaxPoints)).toEqual([10, 20, 30]);
  });

  it('applies to the years of its period', () => {
    expect(appliesTo(base(), 2024)).toBe(true);
    expect(appliesTo(base(), 2026)).toBe(false);
    expect(appliesTo({ validFrom: 2023, validTo: null }, 2099)).toBe(true);
    expect(appliesTo({ validFrom: 2023, validTo: null }, 2022)).toBe(false);
  });
});

describe('criteria: refusals', () => {
  it('refuses a set without criteria, listing every problem', () => {
    const set = { ...base(), criteria: [] };
    const e = thrown(() => validateCriteriaSet(set));
    expect(e.code).toBe('validation');
    expect(e.message).toContain('ít nhất một tiêu chí');
    expect(fields(set)).toContain('criteria');
  });

  it('refuses a criterion without items and a blank title', () => {
    const set = base();
    set.criteria.push({ key: 'b', title: ' ', items: [] });
    expect(fields(set)).toEqual(expect.arrayContaining(['criteria[1].title', 'criteria[1].items']));
  });

  it('refuses duplicate criterion and item keys', () => {
    const set = base();
    set.criteria.push({ key: 'a', title: 'Trùng', items: [{ ...set.criteria[0]!.items[0]! }] });
    const messages = criteriaSetIssues(set).map((i) => i.message);
    expect(messages).toContain('Mã tiêu chí "a" bị trùng.');
    expect(messages.some((m) => m.includes('Mã mục "a1" bị trùng'))).toBe(true);
  });

  it('refuses a non-positive maximum or yes/no points', () => {
    const set = base();
    set.criteria[0]!.items[0]!.rule = { kind: 'yesno', points: 0 };
    set.criteria[0]!.items[1]!.rule = { kind: 'points', max: -5 };
    expect(fields(set)).toEqual(
      expect.arrayContaining(['criteria[0].items[0].rule.points', 'criteria[0].items[1].rule.max']),
    );
    expect(thrown(() => validateCriteriaSet(set)).message).toMatch(/và \d+ lỗi khác/);
  });

  it('refuses level items with one level, duplicate or negative levels', () => {
    const set = base();
    set.criteria[0]!.items[2]!.rule = { kind: 'level', levels: [{ key: 'x', label: 'X', points: 1 }] };
    expect(fields(set)).toContain('criteria[0].items[2].rule.levels');
    set.criteria[0]!.items[2]!.rule = {
      kind: 'level',
      levels: [
        { key: 'x', label: 'X', points: 5 },
        { key: 'x', label: 'Y', points: -1 },
      ],
    };
    expect(fields(set)).toEqual(
      expect.arrayContaining(['criteria[0].items[2].rule.levels[1].key', 'criteria[0].items[2].rule.levels[1].points']),
    );
  });

  it('refuses a pass mark above the item maximum and an unknown evidence key', () => {
    const set = base();
    set.criteria[0]!.items[1]!.passAt = 25;
    set.criteria[0]!.items[2]!.evidence = 'magic' as EvidenceKey;
    expect(fields(set)).toEqual(
      expect.arrayContaining(['criteria[0].items[1].passAt', 'criteria[0].items[2].evidence']),
    );
  });

  it('refuses classes not ordered best first, unreachable or without a fallback', () => {
    const unordered = base();
    unordered.classes = [
      { key: 'bottom', label: 'Chưa tốt', minScore: 0, needsAllMandatory: false },
      { key: 'top', label: 'Tốt', minScore: 50, needsAllMandatory: true },
    ];
    expect(criteriaSetIssues(unordered).some((i) => i.message.includes('từ cao xuống thấp'))).toBe(true);

    const unreachable = base();
    unreachable.classes[0]!.minScore = 70;
    expect(criteriaSetIssues(unreachable).map((i) => i.message)).toContain(
      'Điểm tối thiểu của loại "Tốt" (70) vượt quá tổng điểm tối đa (60).',
    );

    const noFallback = base();
    noFallback.classes[1]!.minScore = 10;
    expect(fields(noFallback)).toContain('classes[1]');

    const single = base();
    single.classes = [single.classes[1]!];
    expect(fields(single)).toContain('classes');
  });

  it('refuses duplicate class keys and requirements on unknown items or above the item maximum', () => {
    const set = base();
    set.classes = [
      { key: 'top', label: 'Tốt', minScore: 50, needsAllMandatory: true, requires: [{ item: 'zz', minPoints: 1 }] },
      { key: 'top', label: 'Khá', minScore: 20, needsAllMandatory: true, requires: [{ item: 'a3', minPoints: 40 }] },
      { key: 'bottom', label: 'Chưa tốt', minScore: 0, needsAllMandatory: false },
    ];
    expect(fields(set)).toEqual(
      expect.arrayContaining(['classes[0].requires[0].item', 'classes[1].key', 'classes[1].requires[0].minPoints']),
    );
  });

  it('refuses bad years, no cycle, an impossible deadline and a cap outside (0, 1]', () => {
    const set = { ...base(), validFrom: 2024, validTo: 2020, cycles: [], topClassCap: 1.5 };
    set.deadlines = { registration: { day: 31, month: 11, yearOffset: -1 } };
    expect(fields(set)).toEqual(expect.arrayContaining(['validTo', 'cycles', 'deadlines.registration', 'topClassCap']));
    expect(fields({ ...base(), programme: '', title: '', periodLabel: '', validFrom: 0 })).toEqual(
      expect.arrayContaining(['programme', 'title', 'periodLabel', 'validFrom']),
    );
  });
});

describe('criteria: frozen sets', () => {
  it('lets an unfrozen set be edited', () => {
    expect(() => assertEditable(base(), false)).not.toThrow();
  });

  it('refuses editing a set used by an opened cycle', () => {
    const e = thrown(() => assertEditable(base(), true));
    expect(e.code).toBe('locked');
    expect(e.message).toContain('đang được dùng cho một đợt đánh giá đã mở');
    expect(e.message).toContain('Hãy tạo bộ tiêu chí mới');
  });
});
