import { addMonths, isMonth, monthCount, periodStart, type Month } from './months.js';
import { fail } from '../errors.js';

/** The branch indicators (chỉ tiêu chi đoàn), in the order they are shown. */
export const INDICATOR_KEYS = [
  'meetingCharter',
  'minMembers',
  'attendance',
  'notSeen',
  'pilot',
  'monthlyReview',
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

/** What the rows behind an indicator are: branches, commune-level unions or members. */
export const INDICATOR_SUBJECT: Record<IndicatorKey, 'branch' | 'grassroots' | 'member'> = {
  meetingCharter: 'branch',
  minMembers: 'branch',
  attendance: 'branch',
  notSeen: 'member',
  pilot: 'grassroots',
  monthlyReview: 'branch',
};

/**
 * Targets of seed 001 (II): 50% of branches meet as the charter requires, 50% have at least the minimum number of
 * members, 100% of commune-level unions choose a pilot branch. The other indicators have no target.
 */
export const INDICATOR_TARGETS: Partial<Record<IndicatorKey, number>> = {
  meetingCharter: 0.5,
  minMembers: 0.5,
  pilot: 1,
};

/** The longest period the indicators are computed for, in months. */
export const MAX_PERIOD_MONTHS = 24;

/** A figure: numerator over denominator, its share (null without a denominator) and the target if any. */
export interface Figure {
  numerator: number;
  denominator: number;
  share: number | null;
  target: number | null;
  /** True/false against the target; null without a target or a denominator. */
  meetsTarget: boolean | null;
}

/** A figure from its counts and the indicator's target. */
export function figure(key: IndicatorKey, numerator: number, denominator: number): Figure {
  const share = denominator > 0 ? numerator / denominator : null;
  const target = INDICATOR_TARGETS[key] ?? null;
  return {
    numerator,
    denominator,
    share,
    target,
    meetsTarget: target === null || share === null ? null : share + 1e-9 >= target,
  };
}

/** Refuses a period that is malformed, reversed or longer than `MAX_PERIOD_MONTHS`. */
export function assertPeriod(from: Month, to: Month): void {
  if (!isMonth(from)) throw fail.invalid('from', 'Tháng bắt đầu phải có dạng YYYY-MM.');
  if (!isMonth(to)) throw fail.invalid('to', 'Tháng kết thúc phải có dạng YYYY-MM.');
  if (to < from) throw fail.invalid('to', 'Tháng kết thúc phải từ tháng bắt đầu trở đi.');
  if (monthCount(from, to) > MAX_PERIOD_MONTHS)
    throw fail.invalid('to', `Kỳ tính chỉ tiêu dài tối đa ${MAX_PERIOD_MONTHS} tháng: hãy chọn kỳ ngắn hơn.`);
}

/** How many meeting periods a branch meeting every `everyMonths` months must hold in [from, to]. */
export function requiredPeriods(from: Month, to: Month, everyMonths: number): number {
  const starts = new Set<Month>();
  for (let m = from; m <= to; m = addMonths(m, 1)) starts.add(periodStart(m, everyMonths));
  return starts.size;
}

/** The first month whose meetings can count for [from, to]: the start of the period holding `from`. */
export function firstCountedMonth(from: Month, everyMonths: number): Month {
  return periodStart(from, everyMonths);
}

/** True when every required period has a held meeting (the charter's meeting rule). */
export function meetsCharter(heldPeriods: number, required: number): boolean {
  return heldPeriods >= required;
}

/**
 * The first day a member must have been present on or after to count as seen: the start of the last
 * `notSeenMonths` months ending with `to` (to 2025-06, 3 months: 2025-04-01).
 */
export function seenSince(to: Month, notSeenMonths: number): string {
  return `${addMonths(to, -(Math.max(1, notSeenMonths) - 1))}-01`;
}

/** The first day after the month `to` (the end of a period, exclusive). */
export function dayAfter(to: Month): string {
  return `${addMonths(to, 1)}-01`;
}

/** The default period: January of this year to this month. */
export function defaultPeriod(today: string): { from: Month; to: Month } {
  return { from: `${today.slice(0, 4)}-01`, to: today.slice(0, 7) };
}

/**
 * The last month whose meeting period is judged: a period still running today (this month for a monthly branch,
 * this quarter for a quarterly one) is not required yet, so the end of the previous period when `to` reaches it.
 */
export function judgedUntil(to: Month, everyMonths: number, today: string): Month {
  const running = periodStart(today.slice(0, 7), everyMonths);
  const beforeRunning = addMonths(running, -1);
  return to < running ? to : beforeRunning;
}
