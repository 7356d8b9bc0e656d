import type { FieldIssue } from '../errors.js';
import { monthsOwed, type FeeStanding } from './fee-arrears.js';
import { addMonths, monthLabel, monthsBetween, type Month } from './months.js';

/** How far ahead a member may pay: 12 months after the current one. */
export const MAX_MONTHS_AHEAD = 12;

/** What the months a member pays are checked against. */
export interface PayingMember {
  fullName: string;
  /** Month the member joined the union, or null when unknown. */
  joinedMonth: Month | null;
}

/**
 * Problems with the months one member pays: before they joined, more than 12 months ahead, or named twice.
 * `field` is the path of the months in the request (e.g. "items.0.months").
 */
export function paymentMonthIssues(
  member: PayingMember,
  months: readonly Month[],
  currentMonth: Month,
  field: string,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const latest = addMonths(currentMonth, MAX_MONTHS_AHEAD);
  const seen = new Set<Month>();
  for (const month of months) {
    const label = monthLabel(month);
    if (seen.has(month)) issues.push({ field, message: `Tháng ${label} của ${member.fullName} được chọn hai lần.` });
    seen.add(month);
    if (member.joinedMonth && month < member.joinedMonth)
      issues.push({
        field,
        message: `${member.fullName} vào Đoàn tháng ${monthLabel(member.joinedMonth)}: không thu đoàn phí tháng ${label}.`,
      });
    if (month > latest)
      issues.push({
        field,
        message: `Chỉ thu trước tối đa ${MAX_MONTHS_AHEAD} tháng (đến tháng ${monthLabel(latest)}): bỏ tháng ${label} của ${member.fullName}.`,
      });
  }
  return issues;
}

/** The message refusing a month already paid. */
export function alreadyPaidMessage(fullName: string, month: Month): string {
  return `Đoàn viên ${fullName} đã đóng đoàn phí tháng ${monthLabel(month)}.`;
}

/** What a member owes now: from which month, how many months and how much (null when nothing). */
export interface OwedNow {
  from: Month;
  count: number;
  amount: number;
}

/** What a member owes now (`monthsOwed`), with the amount of those months from `amountOf`. */
export function owedNow(
  standing: FeeStanding,
  currentMonth: Month,
  amountOf: (months: Month[]) => number,
): OwedNow | null {
  const owed = monthsOwed(standing, currentMonth);
  if (!owed) return null;
  return { ...owed, amount: amountOf(monthsBetween(owed.from, currentMonth)) };
}
