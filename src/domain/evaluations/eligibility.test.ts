import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import {
  addMonthsToDate,
  ageOn,
  assertEligible,
  assertTopClassCap,
  DEFAULT_ELIGIBILITY,
  eligibilityOf,
  splitEligible,
  topClassAllowance,
  topClassShare,
  topClassWarning,
  type RatedMember,
} from './eligibility.js';

const thrown = (fn: () => void): DomainError => {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a refusal');
};

const END = '2024-12-31';
const member = (over: Partial<RatedMember> = {}): RatedMember => ({
  id: 'm1',
  name: 'Nguyễn Văn An',
  activeSince: '2020-03-26',
  birthDate: '2000-05-19',
  temporaryParticipation: false,
  partyMember: false,
  ...over,
});

describe('eligibility: dates', () => {
  it('adds months, clamping the day to the end of the month', () => {
    expect(addMonthsToDate('2024-06-30', 6)).toBe('2024-12-30');
    expect(addMonthsToDate('2024-08-31', 6)).toBe('2025-02-28');
    expect(addMonthsToDate('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonthsToDate('2024-12-15', -13)).toBe('2023-11-15');
  });

  it('computes whole years of age', () => {
    expect(ageOn('1994-12-31', END)).toBe(30);
    expect(ageOn('1994-12-31', '2024-12-30')).toBe(29);
  });
});

describe('eligibility: who is rated', () => {
  it('rates a member active for at least six months at the period end', () => {
    expect(eligibilityOf(member(), END)).toEqual({ eligible: true });
    expect(eligibilityOf(member({ activeSince: '2024-06-30' }), END)).toEqual({ eligible: true });
  });

  it('leaves out a member active for less than six months', () => {
    expect(eligibilityOf(member({ activeSince: '2024-07-01' }), END)).toEqual({
      eligible: false,
      reason: 'tooRecent',
    });
    expect(eligibilityOf(member({ activeSince: '2024-03-01' }), '2024-06-30')).toEqual({
      eligible: false,
      reason: 'tooRecent',
    });
  });

  it('leaves out members under temporary participation', () => {
    expect(eligibilityOf(member({ temporaryParticipation: true }), END)).toEqual({
      eligible: false,
      reason: 'temporaryParticipation',
    });
  });

  it('exempts Party members of union age, but rates those past it', () => {
    expect(eligibilityOf(member({ partyMember: true }), END)).toEqual({ eligible: false, reason: 'partyMemberExempt' });
    expect(eligibilityOf(member({ partyMember: true, birthDate: null }), END)).toMatchObject({
      reason: 'partyMemberExempt',
    });
    expect(eligibilityOf(member({ partyMember: true, birthDate: '1990-01-01' }), END)).toEqual({ eligible: true });
  });

  it('follows a configured rule', () => {
    const rule = { ...DEFAULT_ELIGIBILITY, minActiveMonths: 3 };
    expect(eligibilityOf(member({ activeSince: '2024-09-30' }), END, rule)).toEqual({ eligible: true });
  });

  it('splits a list with a reason code per member left out', () => {
    const members = [
      member({ id: 'a' }),
      member({ id: 'b', temporaryParticipation: true }),
      member({ id: 'c', activeSince: '2024-11-01' }),
    ];
    const { eligible, ineligible } = splitEligible(members, END);
    expect(eligible.map((m) => m.id)).toEqual(['a']);
    expect(ineligible.map((x) => [x.member.id, x.reason])).toEqual([
      ['b', 'temporaryParticipation'],
      ['c', 'tooRecent'],
    ]);
  });

  it('refuses malformed dates', () => {
    expect(thrown(() => eligibilityOf(member(), '31/12/2024')).details).toEqual([
      expect.objectContaining({ field: 'periodEnd' }),
    ]);
    expect(thrown(() => eligibilityOf(member({ activeSince: '2024-13-01' }), END)).code).toBe('validation');
    expect(thrown(() => eligibilityOf(member({ birthDate: 'x' }), END)).details).toEqual([
      expect.objectContaining({ field: 'birthDate' }),
    ]);
  });

  it('refuses rating an ineligible member, saying why', () => {
    expect(() => assertEligible(member(), END)).not.toThrow();
    const e = thrown(() => assertEligible(member({ activeSince: '2024-09-02' }), END));
    expect(e.code).toBe('rule_violation');
    expect(e.message).toBe(
      'Không xếp loại đoàn viên Nguyễn Văn An vì chưa đủ thời gian sinh hoạt đoàn để xếp loại: cần sinh hoạt ít nhất 6 tháng tính đến 31/12/2024 (bắt đầu từ 02/09/2024).',
    );
    expect(thrown(() => assertEligible(member({ partyMember: true }), END)).message).toContain('được miễn xếp loại');
    expect(thrown(() => assertEligible(member({ temporaryParticipation: true }), END)).message).toContain(
      'sinh hoạt đoàn tạm thời',
    );
  });
});

describe('eligibility: cap on the top class', () => {
  const cap = { classKey: 'excellent', label: 'Hoàn thành xuất sắc nhiệm vụ', maxShare: 0.2 };

  it('allows up to the cap, rounding down', () => {
    expect(topClassAllowance(20, 0.2)).toBe(4);
    expect(topClassAllowance(9, 0.2)).toBe(1);
    expect(topClassAllowance(10, 0.3)).toBe(3);
    expect(() => assertTopClassCap({ excellent: 4, good: 10, done: 6 }, cap)).not.toThrow();
    expect(() => assertTopClassCap({ excellent: 99 }, null)).not.toThrow();
    expect(() => assertTopClassCap({}, cap)).not.toThrow();
  });

  it('refuses more than the cap, saying how many to reconsider', () => {
    const e = thrown(() => assertTopClassCap({ excellent: 5, good: 10, done: 5 }, cap));
    expect(e.code).toBe('rule_violation');
    expect(e.message).toBe(
      'Số xếp loại "Hoàn thành xuất sắc nhiệm vụ" là 5/20 (25%), vượt tỷ lệ tối đa 20%: chỉ được tối đa 4. Hãy xem xét lại 1 trường hợp.',
    );
  });

  it('reports the share against the cap without refusing (the warning at approval)', () => {
    expect(topClassShare({ excellent: 4, good: 16 }, cap)).toMatchObject({
      top: 4,
      total: 20,
      share: 0.2,
      allowed: 4,
      over: false,
    });
    const over = topClassShare({ excellent: 3, good: 2 }, cap);
    expect(over).toMatchObject({ top: 3, total: 5, share: 0.6, allowed: 1, over: true });
    expect(topClassWarning(over)).toBe(
      'Số xếp loại "Hoàn thành xuất sắc nhiệm vụ" là 3/5 (60%), vượt tỷ lệ tối đa 20%: chỉ được tối đa 1. Hãy xem xét lại 2 trường hợp.',
    );
    expect(topClassShare({}, cap)).toMatchObject({ total: 0, share: null, over: false });
    expect(topClassWarning(topClassShare({}, cap))).toBeNull();
  });

  it('refuses a cap outside (0, 1]', () => {
    expect(thrown(() => assertTopClassCap({ excellent: 1 }, { ...cap, maxShare: 0 })).code).toBe('validation');
    expect(thrown(() => assertTopClassCap({ excellent: 1 }, { ...cap, maxShare: 1.2 })).code).toBe('validation');
  });
});
