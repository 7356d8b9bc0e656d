import { addMonths, monthCount, type Month } from './months.js';

/** What the arrears of one member are computed from. */
export interface FeeStanding {
  /** Latest month paid ("đóng đến tháng"), or null when the member never paid in the system. */
  paidUpTo: Month | null;
  /** Month the member joined the union (null when unknown). */
  joinedMonth: Month | null;
  /**
   * First month the member's branch recorded any fee in the system (the start of its ledger); null when the branch
   * has recorded none, in which case nobody in it owes anything the system could know of.
   */
  ledgerStart: Month | null;
}

/**
 * The months a member owes up to and including `currentMonth`: those after the month paid up to, or, for a member
 * who never paid, from the later of the month they joined and the start of the branch's ledger.
 */
export function monthsOwed(standing: FeeStanding, currentMonth: Month): { from: Month; count: number } | null {
  const from = firstOwedMonth(standing);
  if (!from) return null;
  const count = monthCount(from, currentMonth);
  return count > 0 ? { from, count } : null;
}

function firstOwedMonth({ paidUpTo, joinedMonth, ledgerStart }: FeeStanding): Month | null {
  if (paidUpTo) return addMonths(paidUpTo, 1);
  if (!ledgerStart) return null;
  return joinedMonth && joinedMonth > ledgerStart ? joinedMonth : ledgerStart;
}

/** True when the member owes at least `overdueMonths` months (the fee rule): shown in the monthly review. */
export function isFeeOverdue(standing: FeeStanding, currentMonth: Month, overdueMonths: number): boolean {
  return (monthsOwed(standing, currentMonth)?.count ?? 0) >= overdueMonths;
}
