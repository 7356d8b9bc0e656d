import { describe, expect, it } from 'vitest';
import {
  amountForMonths,
  feeAmount,
  feeClassOn,
  feeRuleOn,
  feeSplit,
  feeSplitByMonth,
  monthFee,
  type FeeRulePeriod,
} from './fee-rates.js';

const periods: FeeRulePeriod[] = [
  { validFrom: '2000-01-01', validTo: '2026-07-01', value: {} },
  { validFrom: '2026-07-01', validTo: null, value: { withoutSalary: 3000, withSalary: 6000, branchKeepsPercent: 50 } },
];

describe('fee rates', () => {
  it('takes the latest class from the month or before, and without salary when none', () => {
    const history = [
      { rateClass: 'with_salary' as const, fromMonth: '2026-03' },
      { rateClass: 'abroad' as const, fromMonth: '2026-09' },
    ];
    expect(feeClassOn([], '2026-05')).toBe('without_salary');
    expect(feeClassOn(history, '2026-02')).toBe('without_salary');
    expect(feeClassOn(history, '2026-03')).toBe('with_salary');
    expect(feeClassOn(history, '2026-12')).toBe('abroad');
  });

  it('uses the rule valid on the first day of the month, completed with the defaults', () => {
    expect(feeRuleOn(periods, '2026-06-30')).toMatchObject({ withoutSalary: 2000, withSalary: 5000, abroad: 5000 });
    expect(feeRuleOn(periods, '2026-07-01')).toMatchObject({ withoutSalary: 3000, withSalary: 6000, abroad: 5000 });
    expect(feeRuleOn([], '2026-07-01').withoutSalary).toBe(2000);
    expect(monthFee(periods, [], '2026-06')).toEqual({ rateClass: 'without_salary', amount: 2000 });
    expect(monthFee(periods, [{ rateClass: 'with_salary', fromMonth: '2026-01' }], '2026-07').amount).toBe(6000);
    expect(feeAmount(feeRuleOn(periods, '2026-08-01'), 'abroad')).toBe(5000);
    expect(amountForMonths(periods, [], ['2026-05', '2026-06', '2026-07'])).toBe(7000);
  });

  it('splits kept and passed up, each month at its own share', () => {
    expect(feeSplit(5000, 40)).toEqual({ kept: 2000, passedUp: 3000 });
    expect(feeSplit(2500, 33)).toEqual({ kept: 825, passedUp: 1675 });
    expect(
      feeSplitByMonth(
        periods,
        new Map([
          ['2026-06', 10000],
          ['2026-07', 10000],
        ]),
      ),
    ).toEqual({
      collected: 20000,
      kept: 9000,
      passedUp: 11000,
    });
  });
});
