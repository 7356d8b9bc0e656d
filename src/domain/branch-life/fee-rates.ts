import { DEFAULT_RULES, type FeeRule } from '../rules/rule-sets.js';
import type { Month } from './months.js';

/** Rate classes of the union fee (đoàn phí): without salary, with salary, abroad. */
export const FEE_RATE_CLASSES = ['without_salary', 'with_salary', 'abroad'] as const;
export type FeeRateClass = (typeof FEE_RATE_CLASSES)[number];

/** The class of a member without any recorded class. */
export const DEFAULT_FEE_CLASS: FeeRateClass = 'without_salary';

/** Vietnamese names of the rate classes. */
export const FEE_CLASS_LABELS: Record<FeeRateClass, string> = {
  without_salary: 'Không hưởng lương',
  with_salary: 'Có hưởng lương',
  abroad: 'Ở nước ngoài',
};

/** One recorded class of a member, from a month on. */
export interface FeeClassPeriod {
  rateClass: FeeRateClass;
  fromMonth: Month;
}

/** One stored period of the fee rule (a partial value is completed with the defaults). */
export interface FeeRulePeriod {
  validFrom: string;
  validTo: string | null;
  value: Partial<FeeRule>;
}

/** The member's class in a month: the latest recorded class from that month or before, else without salary. */
export function feeClassOn(history: readonly FeeClassPeriod[], month: Month): FeeRateClass {
  let best: FeeClassPeriod | null = null;
  for (const h of history) if (h.fromMonth <= month && (!best || h.fromMonth > best.fromMonth)) best = h;
  return best?.rateClass ?? DEFAULT_FEE_CLASS;
}

/**
 * The fee rule valid on a date (yyyy-mm-dd), with the semantics of `ruleOn`: the period with the latest start on or
 * before the date that has not ended by it; the defaults when none.
 */
export function feeRuleOn(periods: readonly FeeRulePeriod[], isoDate: string): FeeRule {
  let best: FeeRulePeriod | null = null;
  for (const p of periods) {
    if (p.validFrom > isoDate || (p.validTo !== null && p.validTo <= isoDate)) continue;
    if (!best || p.validFrom > best.validFrom) best = p;
  }
  return { ...DEFAULT_RULES.fee, ...(best?.value ?? {}) };
}

/** The fee rule of a month: the one valid on its first day. */
export function feeRuleOfMonth(periods: readonly FeeRulePeriod[], month: Month): FeeRule {
  return feeRuleOn(periods, `${month}-01`);
}

/** The monthly amount (VND) of a class under a rule. */
export function feeAmount(rule: FeeRule, rateClass: FeeRateClass): number {
  if (rateClass === 'with_salary') return rule.withSalary;
  if (rateClass === 'abroad') return rule.abroad;
  return rule.withoutSalary;
}

/** The amount a member owes for a month: their class in that month at the rule of that month. */
export function monthFee(
  periods: readonly FeeRulePeriod[],
  history: readonly FeeClassPeriod[],
  month: Month,
): { rateClass: FeeRateClass; amount: number } {
  const rateClass = feeClassOn(history, month);
  return { rateClass, amount: feeAmount(feeRuleOfMonth(periods, month), rateClass) };
}

/** What a branch keeps of an amount collected (rounded to the dong) and what it passes up to the level above. */
export function feeSplit(collected: number, branchKeepsPercent: number): { kept: number; passedUp: number } {
  const kept = Math.round((collected * branchKeepsPercent) / 100);
  return { kept, passedUp: collected - kept };
}

/**
 * The split of amounts collected in several months, each month at its own rule's share.
 * `byMonth` maps "YYYY-MM" to the amount collected for that month.
 */
export function feeSplitByMonth(
  periods: readonly FeeRulePeriod[],
  byMonth: ReadonlyMap<Month, number>,
): { collected: number; kept: number; passedUp: number } {
  let collected = 0;
  let kept = 0;
  for (const [month, amount] of byMonth) {
    collected += amount;
    kept += feeSplit(amount, feeRuleOfMonth(periods, month).branchKeepsPercent).kept;
  }
  return { collected, kept, passedUp: collected - kept };
}

/** The total fee of a member for a list of months, each at its own class and rule. */
export function amountForMonths(
  periods: readonly FeeRulePeriod[],
  history: readonly FeeClassPeriod[],
  months: readonly Month[],
): number {
  return months.reduce((sum, m) => sum + monthFee(periods, history, m).amount, 0);
}
