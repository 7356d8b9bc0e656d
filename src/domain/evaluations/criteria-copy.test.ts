import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { periodLabelOf, planCopy, type StoredSet } from './criteria-copy.js';
import { BRANCH_RATING_SET, GRASSROOTS_3_PROACTIVE_2018_2022, GRASSROOTS_3_PROACTIVE_2023_2027 } from './programmes.js';

const thrown = (fn: () => void): DomainError => {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a refusal');
};

const proactive: StoredSet[] = [
  { id: 'a', set: GRASSROOTS_3_PROACTIVE_2018_2022, lastCycleYear: 2022 },
  { id: 'b', set: GRASSROOTS_3_PROACTIVE_2023_2027, lastCycleYear: 2025 },
];
const branch: StoredSet[] = [{ id: 'r', set: BRANCH_RATING_SET, lastCycleYear: 2026 }];

describe('copying a criteria set to a new period', () => {
  it('names the period', () => {
    expect(periodLabelOf(2028, 2032)).toBe('2028 – 2032');
    expect(periodLabelOf(2028, null)).toBe('từ năm 2028');
  });

  it('keeps the criteria and classes, with the new years, label and optional name', () => {
    const { copy, close } = planCopy(GRASSROOTS_3_PROACTIVE_2023_2027, proactive, { validFrom: 2028, validTo: 2032 });
    expect(copy).toMatchObject({ validFrom: 2028, validTo: 2032, periodLabel: '2028 – 2032' });
    expect(copy.title).toBe(GRASSROOTS_3_PROACTIVE_2023_2027.title);
    expect(copy.criteria).toEqual(GRASSROOTS_3_PROACTIVE_2023_2027.criteria);
    expect(copy.criteria).not.toBe(GRASSROOTS_3_PROACTIVE_2023_2027.criteria);
    expect(copy.classes).toEqual(GRASSROOTS_3_PROACTIVE_2023_2027.classes);
    expect(close).toEqual([]);
    const named = planCopy(GRASSROOTS_3_PROACTIVE_2023_2027, proactive, {
      validFrom: 2028,
      validTo: null,
      title: '  Đoàn cơ sở “3 chủ động” (mới) ',
    });
    expect(named.copy).toMatchObject({ title: 'Đoàn cơ sở “3 chủ động” (mới)', periodLabel: 'từ năm 2028' });
  });

  it('refuses an end year before the start year, with the field to fix', () => {
    const e = thrown(() => planCopy(GRASSROOTS_3_PROACTIVE_2023_2027, proactive, { validFrom: 2030, validTo: 2029 }));
    expect(e.code).toBe('validation');
    expect(e.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'validTo' })]));
  });

  it('refuses a period overlapping another set of the programme', () => {
    const e = thrown(() => planCopy(GRASSROOTS_3_PROACTIVE_2023_2027, proactive, { validFrom: 2027, validTo: 2030 }));
    expect(e.code).toBe('conflict');
    expect(e.message).toContain('2023 – 2027');
  });

  it('refuses to overlap an open-ended set unless asked to end it, then ends it the year before', () => {
    const refused = thrown(() => planCopy(BRANCH_RATING_SET, branch, { validFrom: 2028, validTo: null }));
    expect(refused.code).toBe('conflict');
    expect(refused.message).toContain('chưa có năm kết thúc');
    expect(refused.message).toContain('năm 2027');
    const { copy, close } = planCopy(BRANCH_RATING_SET, branch, {
      validFrom: 2028,
      validTo: null,
      closeOpenEnded: true,
    });
    expect(copy.periodLabel).toBe('từ năm 2028');
    expect(close).toHaveLength(1);
    expect(close[0]!.after).toMatchObject({ validFrom: 2023, validTo: 2027, periodLabel: '2023 – 2027' });
    expect(close[0]!.before.validTo).toBeNull();
  });

  it('does not end an open-ended set used by a cycle in the new period', () => {
    const e = thrown(() =>
      planCopy(BRANCH_RATING_SET, branch, { validFrom: 2026, validTo: null, closeOpenEnded: true }),
    );
    expect(e.code).toBe('conflict');
    expect(e.message).toContain('năm 2026');
    expect(e.message).toContain('từ 2027');
  });
});
